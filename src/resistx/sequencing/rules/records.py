"""Plan-level rules on the record: what it says that cannot be so (rule 47), what it leaves out
that the plan depends on (rules 48 and 50), a course still going on (rule 53), a first
recurrence to biopsy (rule 89), a cytopenia after a PARP inhibitor to work up (rule 91), and
metastatic lines numbered with a gap (rule 138)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, Sample, StopReason, TreatmentSetting
from resistx.model.profile import Treatment, latest_course, latest_progression
from resistx.sequencing import kinds
from resistx.sequencing.course_readings import missing_lines
from resistx.sequencing.facts import Facts
from resistx.sequencing.rule import Context, PlanEffect, rule
from resistx.sequencing.rules.lung_rechallenge import TDXD
from resistx.sequencing.toxicity import laid_on
from resistx.vocab.comorbidities import Comorbidity
from resistx.vocab.drugs import drug_class


# rule 47: an adjuvant course ended in relapse, and more adjuvant therapy after it
@rule(
    47,
    "An adjuvant course ended in relapse, followed by more adjuvant therapy: confirm",
    None,
    condition="An adjuvant course recorded as ended in progression, and a later adjuvant course "
    "started after its end (one started before it ended ran beside it) (a relapse ends adjuvant therapy: one of the two records is wrong; progression "
    "during neoadjuvant therapy may be followed by adjuvant therapy, and is not asked about).",
    effect="An action, before every other, to confirm how the first course ended: a CDK4/6 "
    "inhibitor in it counts as resistance (rules 8, 11, 19) only if the disease relapsed on it.",
    codes=("confirm_adjuvant_relapse",),
)
def adjuvant_relapse(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    early = [t for t in facts.in_order if t.setting is TreatmentSetting.ADJUVANT]
    for n, course in enumerate(early):
        after = next((t for t in early[n + 1 :] if _followed(course, t)), None)
        if course.progressed and after is not None:
            yield PlanEffect(
                code="confirm_adjuvant_relapse",
                first=True,
                text=f"Confirm how adjuvant {' + '.join(course.drugs)} ended: the record says it "
                f"ended in relapse, yet adjuvant {' + '.join(after.drugs)} followed "
                "it, as after a completed course. A CDK4/6 inhibitor the disease relapsed on "
                "counts as resistance; one completed does not.",
            )
            return


def _followed(course: Treatment, t: Treatment) -> bool:
    """``t`` (in time order after ``course``) started after it: not on the same day, nor before
    its end (a CDK4/6 inhibitor or olaparib started beside the endocrine therapy and recorded
    as a course of its own ran with it: cases 912, 913, 915)."""
    end = course.end_date
    if t.started_on is not None and end is not None and t.started_on < end:
        return False
    return t.started_on != course.started_on


# rule 48: a CDK4/6 inhibitor stopped for toxicity, the adverse event not recorded
@rule(
    48,
    "A course stopped for toxicity, the event not recorded: ask which",
    None,
    condition="A course stopped for toxicity whose adverse event (``toxicity``) is not recorded.",
    effect="An action to record the event: rule 23 cautions each other CDK4/6 inhibitor whose "
    "label warns of it (its table of class toxicities), and without the event none can be "
    "cautioned; for the other drugs rule 61 steps them back and names no event (case 1490b). "
    "Before choosing where the course held trastuzumab deruxtecan (an interstitial lung "
    "disease of grade 2 or worse stops it for good: case 1497) or a PI3K, AKT or mTOR "
    "inhibitor (hyperglycaemia sets the others back: case 1515).",
    codes=("record_stopping_toxicity",),
)
def stopping_toxicity(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    stopped = [t for t in facts.in_order if t.stop_reason is StopReason.TOXICITY and not t.toxicity]
    # the drugs rules 23 and 61 lay the event on: a CDK4/6 inhibitor's course, on it alone
    drugs = dict.fromkeys(d for t in stopped for part in laid_on(t) for d in part)
    cdk46i = [d for d in drugs if drug_class(d) is DrugClass.CDK46_INHIBITOR]
    if drugs:
        lungs = TDXD in drugs  # an ILD of grade 2 or worse stops it for good (case 1497)
        # hyperglycaemia sets the other PI3K and AKT inhibitors back (rule 61; case 1515)
        pathway = any(drug_class(d) in kinds.PAM_CLASSES for d in drugs)
        yield PlanEffect(
            code="record_stopping_toxicity",
            first=lungs or pathway,
            text=f"Record which adverse event stopped {' and '.join(drugs)}: "
            + (
                "another CDK4/6 inhibitor whose label warns of the same event needs a caution "
                "(rule 23) the plan cannot give without it."
                if cdk46i
                else "the options that give it again step back without naming it (rule 61), "
                "and a drug of the same class may share it."
            )
            + _TDXD_LUNGS * lungs
            + _PATHWAY_GLUCOSE * pathway,
        )


#: rule 48 where a PI3K, AKT or mTOR inhibitor stopped for an event not recorded (case 1515)
_PATHWAY_GLUCOSE = (
    " Was it hyperglycaemia, or a severe skin reaction? Every PI3K and AKT inhibitor's label "
    "warns of hyperglycaemia, and the others step back after it (rule 61); capivasertib's and "
    "alpelisib's labels warn of severe cutaneous reactions too."
)


#: rule 48 where trastuzumab deruxtecan stopped for an event not recorded (case 1497)
_TDXD_LUNGS = (
    " Was it an interstitial lung disease, and of which grade? Its label stops trastuzumab "
    "deruxtecan for good at grade 2 or worse, and datopotamab deruxtecan shares its payload."
)


#: restage a progression older than this, nothing given since (961; resistx's, not the review's)
RESTAGE_AFTER_DAYS = 90


# rule 108: the latest progression is months old, with nothing given since: restage first
@rule(
    108,
    "The latest progression is months old, with nothing given since: restage first",
    None,
    condition="The most recent course for metastatic disease ended in progression more than "
    "90 days before the plan's date (resistx's window), and no course started after it.",
    effect="An action, before choosing (beside chemotherapy in a visceral crisis): restage "
    "before choosing; the options read the disease as last assessed, and a visceral crisis, a "
    "new site or a change in performance status since would change them (case 961).",
    codes=("restage_old_assessment",),
)
def restage_old_assessment(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    last = latest_course(facts.in_order)  # a GnRH agonist alone is none given since
    end, decision = (last.end_date if last else None), facts.decision_date
    if last is None or facts.current is not None or not last.metastatic or not last.progressed:
        return
    if end is None or decision is None or (decision - end).days <= RESTAGE_AFTER_DAYS:
        return
    yield PlanEffect(
        code="restage_old_assessment",
        first=not facts.profile.visceral_crisis,
        text=f"The latest progression on record ({' + '.join(last.drugs)}, {end.isoformat()}) "
        "is more than three months before this plan's date, with nothing given since: restage "
        "before choosing (imaging, liver and kidney function, performance status). The options "
        "read the disease as last assessed; a visceral crisis, a new site or a change in "
        "performance status since would change them.",
    )


# rule 53: the latest course is still going on: it continues while it works
@rule(
    53,
    "The latest course is ongoing: it continues while it works",
    None,
    condition="The most recent course for metastatic disease is ongoing (no progression on "
    "record).",
    effect="An action, before every other: the course continues while it controls the "
    "disease, and the options below are for its progression (the review's options are for "
    "disease that has progressed): every rule reads the course as progressed at the plan's "
    "date, and the course itself is left out as the current treatment (rule 11).",
    codes=("ongoing_course",),
)
def ongoing_course(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    last = facts.current
    if last is not None:
        # 7408b: a line continued past a progression on record had 'no progression on record'
        then = latest_progression(facts.profile.treatments, but=last)
        since = f" since the one of {then.isoformat()}" if then else ""
        yield PlanEffect(
            code="ongoing_course",
            first=True,
            text=f"{' + '.join(last.drugs)} is ongoing, with no progression on record{since}: it "
            "continues while it controls the disease. The options below are for its "
            "progression: they read it as progressed at this date (if it stops for toxicity "
            "instead, record that and the plan changes).",
        )


# rule 89: a first recurrence after early disease: biopsy it and retest ER, PR and HER2
@rule(
    89,
    "A first recurrence after early disease: biopsy it and retest the receptors",
    None,
    condition="A (neo)adjuvant course on record and nothing given for metastatic disease yet "
    "(the recurrence this plan is for is the first), and no HER2 test on tissue since the last "
    "(neo)adjuvant course ended (a biopsy of the recurrence already read; cases 882, 891).",
    effect="An action, before choosing: biopsy the recurrence where it is accessible, to "
    "confirm it and retest ER, PR and HER2 on it (ESO-ESMO's fifth advanced breast cancer "
    "consensus; not in the review): receptors can change, and a HER2-0 primary can be "
    "HER2-low at relapse (case 606's recheck).",
    codes=("biopsy_first_recurrence",),
)
def biopsy_first_recurrence(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    if facts.metastatic or all(t.metastatic for t in facts.profile.treatments):
        return
    if _recurrence_retested(facts):
        return
    yield PlanEffect(
        code="biopsy_first_recurrence",
        first=True,
        text="First recurrence after treatment for early disease, nothing given for metastatic "
        "disease yet: biopsy it where it is accessible, to confirm the recurrence and retest "
        "ER, PR and HER2 on it (ESO-ESMO's fifth advanced breast cancer consensus, Cardoso et "
        "al., Ann Oncol 2020; not in the review): receptors can change, and a HER2-0 primary "
        "can be HER2-low at relapse, which opens the HER2-low options.",
    )


def _recurrence_retested(facts: Facts) -> bool:
    """A HER2 test on tissue dated after the last (neo)adjuvant course ended (or began, while
    it goes on): the recurrence was biopsied and HER2 read on it (cases 882, 885, 891)."""
    early = [t.end_date or t.started_on for t in facts.profile.treatments if not t.metastatic]
    dates = [d for d in early if d is not None]
    if not dates:
        return False
    since = max(dates)
    return any(
        h.tested_on is not None and h.tested_on >= since and h.sample in (Sample.TISSUE, None)
        for h in facts.profile.her2_tests
    )


# rule 91: cytopenia after a PARP inhibitor: a haematology work-up first (case 635)
@rule(
    91,
    "Cytopenia after a PARP inhibitor: a haematology work-up before choosing",
    None,
    condition="A cytopenia on record and a PARP inhibitor (olaparib, talazoparib) given before.",
    effect="An action, before choosing: the PARP inhibitors' US labels warn of myelodysplastic "
    "syndrome and acute myeloid leukaemia: a blood film and a haematologist's review, and a "
    "bone marrow examination with cytogenetics if the counts stay low, before the next "
    "marrow-suppressing treatment (the labels; not in the review).",
    codes=("cytopenia_after_parp_inhibitor",),
)
def cytopenia_after_parp_inhibitor(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    if not any(c.name is Comorbidity.CYTOPENIA for c in facts.profile.comorbidities):
        return
    given = [t for t in facts.profile.treatments if DrugClass.PARP_INHIBITOR in t.drug_classes]
    if given:
        drugs = " and ".join(
            sorted({d for t in given for d in t.drugs if drug_class(d) is DrugClass.PARP_INHIBITOR})
        )
        yield PlanEffect(
            code="cytopenia_after_parp_inhibitor",
            first=True,
            text=f"Cytopenia after {drugs}: the PARP inhibitors' US labels warn of "
            "myelodysplastic syndrome and acute myeloid leukaemia. A blood film and a "
            "haematologist's review, and a bone marrow examination with cytogenetics if the "
            "counts stay low, before the next marrow-suppressing treatment (the labels; not in "
            "the review).",
        )


# rule 138: metastatic lines numbered with a gap: record the missing lines (case 2599c)
@rule(
    138,
    "Metastatic lines numbered with a gap: record the missing lines",
    None,
    condition="Courses for metastatic disease numbered by line, a number below the highest "
    "missing (lines 1 and 3 on record, no line 2).",
    effect="An action before choosing to record the missing lines, or renumber those on record: "
    "the plan counts only the lines recorded, and the lines place the options (the chemotherapy "
    "lines for the ADCs, the endocrine lines for trastuzumab deruxtecan before chemotherapy, no "
    "other line for postMONARCH; case 2599c: read as no chemotherapy line, chemotherapy came "
    "first and trastuzumab deruxtecan later, where a capecitabine line 2 made it preferred). "
    "With line 1 missing beside a (neo)adjuvant course, it says that lines count treatment for "
    "metastatic disease only (7277v1: adjuvant tamoxifen counted as line 1).",
    codes=("record_missing_lines",),
)
def ask_missing_lines(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    if not (missing := missing_lines(facts)):
        return
    numbered = {t.line for t in facts.metastatic if t.line is not None}
    runs: list[list[int]] = []
    for n in missing:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    said = ", ".join(f"{r[0]}" if len(r) == 1 else f"{r[0]} to {r[-1]}" for r in runs)
    many = len(missing) > 1
    yield PlanEffect(
        code="record_missing_lines",
        first=True,
        text=f"Line{'s' * many} {said} for metastatic disease {'are' if many else 'is'} not on "
        f"record (lines are numbered up to {max(numbered)}): record {'them' if many else 'it'}, "
        "or renumber the lines on record. The plan counts the lines recorded, and they place the "
        "options: the chemotherapy lines for the ADCs, the endocrine lines for trastuzumab "
        "deruxtecan before chemotherapy, no other line for postMONARCH; nothing is preferred "
        "until they are (rule 140)." + _adjuvant_counted(facts, missing),
    )


def _adjuvant_counted(facts: Facts, missing: list[int]) -> str:
    """Where line 1 is missing beside a (neo)adjuvant course: it may have been counted as one
    (7277v1: adjuvant tamoxifen as line 1, and a SERENA-6 action called line 2 first-line)."""
    if 1 not in missing or not any(not t.metastatic for t in facts.in_order):
        return ""
    return (
        " Lines count treatment for metastatic disease only: if the (neo)adjuvant course on "
        "record was counted as line 1, renumber the metastatic lines from 1."
    )
