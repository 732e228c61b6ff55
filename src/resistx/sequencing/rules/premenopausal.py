"""Before the menopause: the ovarian suppression an aromatase inhibitor needed (rule 63) and
a pregnancy test and contraception (rule 82)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from resistx.model.enums import DrugClass, Sex
from resistx.model.profile import GNRH_SUPPRESSION_DAYS, Treatment
from resistx.sequencing.facts import Facts
from resistx.sequencing.kinds import ENDOCRINE_DRUGS
from resistx.sequencing.rule import Context, PlanEffect, rule
from resistx.sequencing.rules.pregnancy import pregnant
from resistx.sequencing.suppression import (
    needs_ovarian_suppression,
    suppression_beside,
    unsuppressed_aromatase_inhibitor,
    unsuppressed_partner,
)
from resistx.vocab.drugs import drug_class


# rule 63: an aromatase inhibitor or fulvestrant before the menopause with no ovarian
# suppression on record
@rule(
    63,
    "An aromatase inhibitor or fulvestrant before the menopause without ovarian suppression: "
    "confirm",
    None,
    condition="A pre- or perimenopausal woman, and a course for metastatic disease (or a "
    "(neo)adjuvant one that ended in relapse) with an aromatase inhibitor or fulvestrant and no "
    "ovarian suppression (a GnRH agonist) in it, nor a GnRH-agonist course of its own given "
    "when it ended (cases 886, 899, 1028, and the recheck of 1027).",
    effect="An action to confirm that ovarian suppression was given (or that she was "
    "postmenopausal then): before the menopause an aromatase inhibitor or fulvestrant needs it "
    "(rule 40), and without it the progression may not be the endocrine resistance the "
    "options read. Before choosing where that course is the latest progression, the latest "
    "endocrine-based one, or a short CDK4/6-inhibitor course the short-course rule reads: the "
    "options read it as resistance (case 1027 and its rechecks); "
    "after choosing for an earlier one. A course going on with none: confirm it is given or "
    "start it now, before choosing. Where a "
    "GnRH-agonist course stopped before the course did, the action comes before "
    "choosing: check oestradiol and restart suppression, as the progression may be ovarian "
    "escape (case 886), saying that the options read the progression as resistance and what "
    "an oestradiol in the premenopausal range would open (case 972). On fulvestrant, it says "
    "that an oestradiol immunoassay reads falsely high (fulvestrant's US label). A man whose "
    "latest progression came on an aromatase inhibitor with no GnRH agonist (in the course or "
    "covering it): before choosing, check oestradiol and add one: in men an aromatase "
    "inhibitor alone suppresses oestrogen incompletely (rule 40), so the progression, and a "
    "short course read as primary resistance, may not be the endocrine resistance the options "
    "read (case 974); on an earlier course, before choosing only where the short-course rule "
    "reads it (the third recheck of case 1027); a (neo)adjuvant course that ended in relapse "
    "is read as a metastatic one (the fourth recheck).",
    codes=("confirm_ovarian_suppression", "ovarian_suppression_stopped", "gnrh_agonist_missing"),
)
def aromatase_inhibitor_unsuppressed(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    if facts.profile.sex is Sex.MALE:
        yield from _man_without_gnrh_agonist(facts)
        return
    if not needs_ovarian_suppression(facts.profile):
        return
    uncovered = list(_uncovered(facts, unsuppressed_partner))
    if uncovered:
        read = _read_as_resistance(facts, uncovered)
        yield _unsuppressed(
            facts,
            *next((u for u in uncovered if id(u[0]) in read), uncovered[0]),
            first=lambda t: id(t) in read,
        )


def _uncovered(
    facts: Facts, partner: Callable[[Treatment], str]
) -> Iterator[tuple[Treatment, str, Treatment | None]]:
    """Each course for metastatic disease, or (neo)adjuvant one that ended in relapse, with a
    ``partner`` (an aromatase inhibitor; or fulvestrant too, for a woman) and no GnRH agonist in
    it or covering it, oldest first, with how a GnRH-agonist course of its own stood beside it
    (``suppression_beside``)."""
    for t in facts.in_order:
        if (t.metastatic or t.progressed) and partner(t):
            how, gnrh = suppression_beside(t, facts.profile.treatments, facts.decision_date)
            if how != "covered":
                yield t, how, gnrh


def _read_as_resistance(
    facts: Facts, uncovered: list[tuple[Treatment, str, Treatment | None]]
) -> set[int]:
    """The courses (by id) the options read as endocrine resistance, where a question about
    suppression comes before choosing: the latest progression, the latest endocrine-based one
    (a short course before chemotherapy; an adjuvant relapse; recheck R2), and an uncovered
    CDK4/6-inhibitor course the short-course rule reads (N1, G-1)."""
    read = {id(facts.progressed[0])} if facts.progressed else set()
    endocrine = [c for c in facts.in_order if c.progressed and c.drug_classes & ENDOCRINE_DRUGS]
    read |= {id(endocrine[-1])} if endocrine else set()
    if facts.short_cdk46i:
        read |= {id(t) for t, *_ in uncovered if DrugClass.CDK46_INHIBITOR in t.drug_classes}
    return read


def _stopped(gnrh: Treatment, t: Treatment, drug: str) -> str:
    """How a GnRH-agonist course ended before ``t``: within a 3-monthly depot's reach of
    ``t``'s end, its last dose may still have covered the progression (case 3084: leuprorelin
    11.25 mg last given 58 days before it read as 'stopped')."""
    gap = (t.end_date - gnrh.end_date).days if t.end_date and gnrh.end_date else None
    ended = f"{f' (on {t.end_date})' if t.end_date else ''}"
    if gap is None or gap > GNRH_SUPPRESSION_DAYS:
        return f"{gnrh.drugs[0]} stopped on {gnrh.end_date}, before {drug} did{ended}."
    return (
        f"{gnrh.drugs[0]}'s last recorded dose was on {gnrh.end_date}, {gap} days before {drug} "
        f"ended{ended}. A 3-monthly depot (goserelin 10.8 mg, leuprorelin 11.25 mg) suppresses "
        f"for up to {GNRH_SUPPRESSION_DAYS} days and covered the progression; a monthly one "
        "did not: ask which it was."
    )


def _unsuppressed(
    facts: Facts, t: Treatment, how: str, gnrh: Treatment | None, first: Callable[[Treatment], bool]
) -> PlanEffect:
    """Rule 63's action for a woman: ``t`` given without suppression, and how a GnRH-agonist
    course of its own stood beside it (``suppression_beside``)."""
    drug, course = unsuppressed_partner(t), _named(t)
    if how == "stopped" and gnrh is not None:
        return PlanEffect(
            code="ovarian_suppression_stopped",
            first=True,
            text=f"{course}: {_stopped(gnrh, t, drug)} Before the menopause "
            f"{_alone(drug)} (rule 40): the progression may be ovarian escape, not the "
            "endocrine resistance the options read. Check oestradiol, and restart ovarian "
            "suppression, before choosing: the options below read the progression as "
            "resistance; with oestradiol in the premenopausal range, "
            f"{course} with suppression restored (a GnRH agonist, or oophorectomy) is a "
            f"clinician's option they do not rank.{_assay(drug)}",
        )
    said = (
        f"{gnrh.drugs[0]} is on record, but not the dates that show it was given with {drug}"
        if how == "undated" and gnrh is not None
        else f"no ovarian suppression on record with {drug}"
    )
    needs = f"Before the menopause {_needing(drug)} needs it (rule 40)"
    if facts.current is not None and facts.progressed and t is facts.progressed[0]:
        return PlanEffect(  # going on: no progression yet (recheck of case 1027)
            code="confirm_ovarian_suppression",
            first=True,
            text=f"{course} goes on, with {said}. {needs}: confirm it is given, or start it now "
            "(a GnRH agonist, or oophorectomy) beside the course, before choosing: without "
            f"it the course is not the endocrine therapy the options assume.{_assay(drug)}",
        )
    return PlanEffect(
        code="confirm_ovarian_suppression",
        first=first(t),
        text=f"{course}: {said}. {needs}; confirm it was given, or that she was "
        + (
            "postmenopausal then, before choosing: the options below read the progression on "
            "it as endocrine resistance; without suppression it may not have been, and an "
            "endocrine-based line with suppression started (a GnRH agonist, or oophorectomy) "
            f"is a clinician's option they do not rank.{_assay(drug)}"
            if first(t)
            else "postmenopausal then: without it the progression may not be the endocrine "
            "resistance the options read."
        ),
    )


def _needing(drug: str) -> str:
    return "fulvestrant" if drug_class(drug) is DrugClass.SERD else "an aromatase inhibitor"


def _alone(drug: str) -> str:
    if drug_class(drug) is DrugClass.SERD:
        return "fulvestrant needs ovarian suppression beside it"
    return "an aromatase inhibitor alone does not suppress oestrogen"


def _assay(drug: str) -> str:
    """Fulvestrant's US label: it interferes with oestradiol immunoassays (not in the review)."""
    if drug_class(drug) is not DrugClass.SERD:
        return ""
    return (
        " On fulvestrant an oestradiol immunoassay can read falsely high (its US label; not in "
        "the review): measure oestradiol by mass spectrometry."
    )


def _man_without_gnrh_agonist(facts: Facts) -> Iterator[PlanEffect]:
    """Rule 63 for a man: the newest course with an aromatase inhibitor and no GnRH agonist
    beside it (case 974); before choosing where the options read it as resistance
    (``_read_as_resistance``), as for a woman."""
    uncovered = list(_uncovered(facts, _ai))
    if not uncovered:
        return
    course, how, gnrh = uncovered[-1]  # the newest
    first = id(course) in _read_as_resistance(facts, uncovered)
    said = (  # an agonist course of its own that stopped early (the recheck of case 974)
        f"{gnrh.drugs[0]} stopped on {gnrh.end_date}, before {_ai(course)} did"
        if how == "stopped" and gnrh is not None
        else f"no GnRH agonist on record with {_ai(course)}"
    )
    short = ", and a short course read as primary resistance," if facts.short_cdk46i else ""
    yield PlanEffect(
        code="gnrh_agonist_missing",
        first=first,
        text=f"{_named(course)}: {said}. In men an "
        "aromatase inhibitor alone suppresses oestrogen incompletely (testicular feedback "
        "raises testosterone, its substrate), so it needs a GnRH agonist (rule 40), unless "
        "he has had a bilateral orchiectomy, which a profile does not record: ask. "
        "Otherwise "
        + (
            f"the progression{short} may not be the "
            "endocrine resistance the options read. Before choosing, look for an oestradiol "
            "measured on it (one taken off it shows nothing of its suppression), and add a "
            "GnRH agonist to any aromatase inhibitor: the options below read the progression "
            "as resistance; if suppression was incomplete, an endocrine-based line with a GnRH "
            "agonist is a clinician's option they do not rank."
            if first
            else "confirm one was given; without it that progression may not have been "
            "endocrine resistance."
        ),
    )


def _named(t: Treatment) -> str:
    return " + ".join(t.drugs)


def _ai(t: Treatment) -> str:
    """The aromatase inhibitor of a course with no GnRH agonist in it, or "" (rule 63, men)."""
    if not unsuppressed_aromatase_inhibitor(t):
        return ""
    return next(d for d in t.drugs if drug_class(d) is DrugClass.AROMATASE_INHIBITOR)


# rule 82: before the menopause, a pregnancy test and contraception (case 561)
@rule(
    82,
    "Before the menopause: a pregnancy test and contraception",
    None,
    condition="A pre- or perimenopausal woman; or a man (case 1857).",
    effect="An action (not before choosing: every option needs it): a pregnancy test before "
    "starting, and effective non-hormonal contraception during treatment and for as long after "
    "it as each drug's label asks; a GnRH agonist is not contraception; fertility preservation "
    "discussed where a pregnancy is wished later. The labels' embryo-fetal toxicity warnings, "
    "not in the review (cases 514, 524, 550, 561). For a man, contraception for a partner who "
    "could become pregnant, as the labels ask. Not beside a pregnancy on record (rule 134).",
    codes=("pregnancy_and_contraception",),
)
def pregnancy_and_contraception(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    if pregnant(facts.profile.comorbidities):  # rule 134 speaks instead (case 1877)
        return
    if needs_ovarian_suppression(facts.profile):
        yield PlanEffect(
            code="pregnancy_and_contraception",
            text="Before the menopause: a pregnancy test before starting, and effective "
            "non-hormonal contraception during treatment and for as long after it as each "
            "drug's label asks (the endocrine drugs, the CDK4/6, PI3K, AKT and PARP inhibitors, "
            "the ADCs and chemotherapy all carry embryo-fetal toxicity warnings); a GnRH "
            "agonist is not contraception. Where a pregnancy is wished later, discuss fertility "
            "preservation (the labels; not in the review).",
        )
    elif facts.profile.sex is Sex.MALE:  # case 1857
        yield PlanEffect(
            code="pregnancy_and_contraception",
            text="A man with a partner who could become pregnant: effective contraception "
            "during treatment and for as long after it as each drug's label asks (several, the "
            "ADCs, chemotherapy and the PARP inhibitors among them, ask for months after the "
            "last dose; the labels, not in the review).",
        )
