"""Notes about the profile itself: what the plan could not weigh, and how it read the input."""

from __future__ import annotations

from resistx.model.enums import (
    DrugClass,
    MenopausalStatus,
    Priority,
    Sex,
    StopReason,
)
from resistx.model.profile import (
    HOLD_WHY,
    UNKNOWN_DATE,
    BiomarkerResult,
    Profile,
    Treatment,
    cdk46i_drugs,
    combined,
    continuations,
    drugs_of,
    latest_course,
)
from resistx.sequencing.cdk46i_time import cdk46i_time
from resistx.sequencing.facts import ADJUVANT_RELAPSE_MONTHS, Facts
from resistx.sequencing.patient import held_beside
from resistx.sequencing.rules.results import asks_classification, classified
from resistx.sequencing.rules.routes import declined_notes
from resistx.sequencing.suppression import needs_ovarian_suppression, suppression_on_record
from resistx.sequencing.unweighed import unweighed


def notes(facts: Facts) -> list[str]:
    """What the plan could not weigh, and how it read the input, in a fixed order."""
    return [
        *_input(facts),
        *_results(facts),
        *_history(facts),
        *_lines_read(facts),
        *_state(facts),
    ]


def _input(facts: Facts) -> list[str]:
    p = facts.profile
    out: list[str] = []
    if p.schema_version == 1:
        out.append(_schema_1(p))
    prefs = facts.preferences
    if prefs.priority is not Priority.BALANCED or prefs.cost_sensitive:
        weighed = [_PRIORITY[prefs.priority]] if prefs.priority is not Priority.BALANCED else []
        weighed += ["cost-sensitive: cost weighs more"] if prefs.cost_sensitive else []
        out.append(
            f"Preferences weighed (rule 14): {'; '.join(weighed)}, among options of similar "
            "clinical merit; an option's tier comes from its clinical merit (the molecular "
            "match, the evidence, the history) and does not change with them."
        )
    return out + declined_notes(prefs)


def _schema_1(p: Profile) -> str:
    """The migration note: the schema-2 fields a schema-1 profile did not give (some are read)."""
    missing = [
        name
        for name, given in (
            ("sex", p.sex is not None),
            ("HER2 test results", bool(p.her2_tests)),
            ("tumour fraction", any(r.tumour_fraction is not None for r in p.biomarkers)),
            (
                "the values of comorbidities",
                any(
                    (c.grade, c.child_pugh, c.hba1c, c.insulin) != (None,) * 4
                    for c in p.comorbidities
                ),
            ),
        )
        if not given
    ]
    note = "Profile schema 1, read as schema 2 (migrated): its fields mean what they meant"
    if not missing:
        return f"{note}."
    listed = ", ".join(missing[:-1]) + (" and " if len(missing) > 1 else "") + missing[-1]
    return f"{note}; {listed} were not given."


_PRIORITY = {
    Priority.QUALITY_OF_LIFE: "quality of life first: toxicity weighs more",
    Priority.SURVIVAL: "survival first: toxicity weighs less",
}


def _results(facts: Facts) -> list[str]:
    out: list[str] = unweighed(facts)
    for state in facts.genes.values():
        # where the variant decides a drug, an action asks about it instead (rule 45)
        out.extend(
            f"{classified(r)}: not a match for any option, and the test counts as finding "
            "nothing actionable, as rule 45 reads a VUS; a reclassification as (likely) "
            "pathogenic would change the plan."
            for r in (() if asks_classification(state) else state.not_actionable)
        )
        out.extend(
            f"{r.gene} not detected on ctDNA {_thin_why(r)}: not read as a negative; a tissue "
            "test (or ctDNA with a higher tumour fraction) is needed."
            for r in state.uninformative
        )
    return out


def _thin_why(r: BiomarkerResult) -> str:
    """Why a ctDNA negative is not read as one (``findings.uninformative``)."""
    if r.tumour_fraction is not None:
        return f"with a tumour fraction of {r.tumour_fraction:.1%}"
    if r.low_shedding:
        return "with a tumour known to shed little DNA"
    return (
        f"({r.tested_on.isoformat() if r.tested_on else 'undated'}) in a draw that found nothing "
        "in any gene (or only a variant that may be inherited or of blood cells: a germline "
        "one, one at a germline allele fraction, one of an inherited-cancer gene with no "
        "germline result on record, or of clonal haematopoiesis such as TP53 or CHEK2) and "
        "reports no tumour fraction of 1% or more, so it shows no tumour DNA (ESMO's ctDNA "
        "recommendations, Pascual et al. 2022, not in the review: an undetected result is "
        "non-informative; reflex tissue testing)"
    )


def _lines_read(facts: Facts) -> list[str]:
    """How courses were read into lines where numbers alone do not say it (case 1017): a number
    read as more lines, numbers as one, and courses as one combination."""
    out: list[str] = []
    seen: set[int] = set()
    for group in facts.metastatic_lines:
        numbers = {t.line for t in group if t.line is not None}
        out += [_SPLIT] if numbers & seen else []
        seen |= numbers
        if len(numbers) > 1:  # the same drugs resumed under a new number (case 1676e)
            *first, last = map(str, sorted(numbers))
            drugs = " and ".join(dict.fromkeys(" + ".join(t.drugs) for t in group))
            out.append(_ONE.format(drugs, ", ".join(first), last))
        out.extend(
            f"{' + '.join(x)} and {' + '.join(y)} are read as one combination (two courses "
            "that start or end together, or overlap for most of their time): record drugs "
            "given together as one course."
            for i, a in enumerate(group)
            for b in group[i + 1 :]
            if a.drugs != b.drugs and combined(a, b)
            for x, y in [sorted((a.drugs, b.drugs))]  # said once however the rows fall (1703)
        )
    return list(dict.fromkeys(out))


#: ``_lines_read``: the same drugs resumed under new line numbers
_ONE = (
    "{} courses numbered {} and {} are read as one line: the same drugs (or the partner "
    "alone) given on after a stop for toxicity or by choice, or within 62 days, with no "
    "progression between; a line changes with a progression or a new drug."
)
#: ``_lines_read``: a line number given to courses on both sides of a progression
_SPLIT = (
    "A line number given to courses on both sides of a progression is read as more than one "
    "line: one line holds one progression."
)


#: how a (neo)adjuvant course read as relapsed on ended, as its note says it
_ENDED: dict[StopReason | None, str] = {
    StopReason.TOXICITY: "stopped for toxicity",
    StopReason.PATIENT_CHOICE: "stopped by choice",
    StopReason.COMPLETED: "completed",
}


def _how_ended(courses: list[Treatment]) -> str:
    """How the (neo)adjuvant courses read as relapsed on ended ('completed', 'stopped for
    toxicity'; the recheck's 7340: a toxicity stop was said to be a completion)."""
    return ", ".join(dict.fromkeys(_ENDED.get(t.stop_reason, "ended") for t in courses))


def _history(facts: Facts) -> list[str]:
    out: list[str] = []
    completed = [t for t in facts.adjuvant_relapsed_on if not t.progressed]
    cdk, parp = cdk46i_drugs(completed), drugs_of(completed, DrugClass.PARP_INHIBITOR)
    if cdk or parp:
        out.append(
            f"Relapse within {ADJUVANT_RELAPSE_MONTHS:g} months of the end of (neo)adjuvant "
            f"{' and '.join(sorted(cdk | parp))} ({_how_ended(completed)}): read as "
            "progression on it. The review is "
            f"silent on adjuvant {'CDK4/6' if cdk else 'PARP'} inhibitors; the window is "
            "resistx's, that of endocrine resistance after adjuvant endocrine therapy."
            + (
                " The course's length does not measure how long the disease stayed sensitive: "
                "the short-duration rule (rule 18) was not applied."
                if cdk
                else " OlympiAD and EMBRACA enrolled no one after a PARP inhibitor."
            )
        )
    out.extend(_continued(held, t) for held, t in continuations(facts.in_order))
    out.extend(cdk46i_time(facts, said_above=bool(cdk)))
    out.extend(_going_on_through_a_hold(facts))
    return out


#: an unknown status read as before the menopause, by whether a GnRH agonist goes on (1029,
#: 1573)
_UNKNOWN_STATUS = {
    True: "Status unknown, on a GnRH agonist",
    False: "Status unknown, a GnRH agonist stopped before the latest course ended",
}


def _state(facts: Facts) -> list[str]:
    p = facts.profile
    out: list[str] = []
    if p.ecog is not None and p.ecog >= 3:
        out.append(
            f"ECOG {p.ecog}: the review does not address performance status 3 or worse; the least "
            "toxic options are ranked first (rule 13). resistx ranks systemic therapy only: "
            "symptom control, radiotherapy, bone-directed therapy and palliative care are the "
            "treating team's to assess, and performance status can improve once they work."
            + (
                ""
                if p.visceral_crisis
                else " No visceral crisis is on record: if the decline comes from visceral "
                "disease, chemotherapy comes first (rule 7)."
            )
        )
        if p.visceral_crisis:
            out.append(
                "Visceral crisis with poor performance status: chemotherapy is ranked first for the "
                "crisis (rule 7); its intensity needs weighing against the performance status."
            )
    given = suppression_on_record(facts)
    keep = f" (continue {given}, given with the latest course)" if given else ""
    if p.sex is Sex.MALE:
        out.append(
            "Male patient: the review's trials enrolled few or no men; an aromatase inhibitor "
            f"needs a GnRH agonist with it{keep} (rule 40), and menopausal status does not apply. "
            f"With fulvestrant or an oral SERD, whether to give {given or 'a GnRH agonist'} "
            "beside it is for the clinician unless its trial required one (VERITAC-2, of the "
            "evidence after the review, did for vepdegestrant: its caution says so where it is "
            "ranked): the evidence on endocrine therapy in men, "
            "with or without one, is sparse (not in the review)."
        )
    elif needs_ovarian_suppression(p):
        unknown = p.menopausal_status is MenopausalStatus.UNKNOWN  # a GnRH agonist: case 1029
        status = p.menopausal_status.value if not unknown else _UNKNOWN_STATUS[bool(given)]
        out.append(
            f"{status[:1].upper()}{status[1:]}: an aromatase inhibitor or fulvestrant "
            f"needs ovarian function suppression{keep} (rule 40), as MONALEESA-7 gave it with "
            "an aromatase inhibitor and PALOMA-3 and MONARCH-2 with fulvestrant (not in the "
            "review); EMERALD enrolled postmenopausal patients."
        )
    elif p.menopausal_status is MenopausalStatus.UNKNOWN:
        out.append(
            "Menopausal status unknown: read as postmenopausal. Before the menopause an aromatase "
            "inhibitor or fulvestrant needs ovarian function suppression (rule 40), and EMERALD "
            "enrolled postmenopausal patients."
        )
    if p.as_of is None:
        when = facts.decision_date
        out.append(f"as_of not given: the decision date is {when or UNKNOWN_DATE}.")
    if not facts.preferences.include_trials:
        out.append(
            "Enrolment in registered trials is not shown (include_trials is false); "
            "investigational regimens the evidence discusses still are, in tier trial."
        )
    return out


def _continued(held: Treatment, t: Treatment) -> str:
    """How a CDK4/6-inhibitor course resumed (or switched) after a stop for toxicity or by the
    patient's choice was read (case 917: a clinician can check what the plan assumed)."""
    end = held.end_date
    when = f" on {end.isoformat()}" if end is not None else ""
    start = t.started_on.isoformat() if t.started_on is not None else "undated"
    why = HOLD_WHY[held.stop_reason or StopReason.UNKNOWN]
    return (
        f"{' + '.join(held.drugs)} stopped {why}{when}, and {' + '.join(t.drugs)} from "
        f"{start}: read as one exposure to the CDK4/6 inhibitor and one line, since a hold, a "
        f"pause or a switch {why} is not progression (the time on it runs from the first course's start "
        "where the resumption came within two months or endocrine therapy went on through the "
        "hold; else the time on the drug counts)."
    )


def _going_on_through_a_hold(facts: Facts) -> list[str]:
    """The endocrine therapy going on through a targeted drug's hold, not read as progressed
    (case 1653: the plan did not say it goes on)."""
    going = latest_course(facts.in_order)  # sorted once, for the facts
    if going is None or not (held := held_beside(facts.profile, going)):
        return []
    return [
        f"{' + '.join(going.drugs)} goes on through the hold of {' + '.join(held)} (stopped for "
        "toxicity or by choice), with no progression on record: it is not read as progressed, "
        "and the options are for what to give with it now (another drug of the class with it, "
        "where the toxicity allows), not for its progression."
    ]
