"""postMONARCH's population read from the history (update-2026.md section 1): progression on
a CDK4/6 inhibitor given with an aromatase inhibitor for advanced disease (or as (neo)adjuvant
therapy), and no other therapy for advanced disease. Read by rule 37 (``HistoryInputs``) and by
the efficacy factor's ``postmonarch`` selector (``EfficacyInputs``), one value for both."""

from __future__ import annotations

from resistx.model.enums import DrugClass
from resistx.model.profile import (
    Treatment,
    combined,
    continued_past,
    stopped_for_toxicity,
    through_hold,
)
from resistx.sequencing.facts import Facts

#: how a reason names postMONARCH's two entries (update-2026.md section 1; case 2235b)
POSTMONARCH_ENTRIES = {
    "advanced": "Progression on a CDK4/6 inhibitor with an aromatase inhibitor",
    "adjuvant": "Recurrence on or after a (neo)adjuvant CDK4/6 inhibitor with endocrine therapy",
}


def entry(facts: Facts) -> str:
    """postMONARCH's entry the patient meets: "adjuvant" (recurrence on or after a
    (neo)adjuvant CDK4/6 inhibitor with endocrine therapy), "advanced" (progression on one
    with an aromatase inhibitor for advanced disease), or "" (``in_population``; case 2235b:
    the plan named an aromatase inhibitor never given)."""
    if not in_population(facts):
        return ""
    adjuvant = any(
        DrugClass.CDK46_INHIBITOR in t.drug_classes and not t.metastatic
        for t in facts.profile.treatments
    )
    return "adjuvant" if adjuvant else "advanced"


def in_population(facts: Facts) -> bool:
    """Progression on a CDK4/6 inhibitor, at most one line for metastatic disease (a line
    stopped for toxicity aside: case 1152; each course
    of it with a CDK4/6 inhibitor, or endocrine therapy given through a hold of one: case 1017,
    or through a gap in the line continued past oligoprogression: case 1362d;
    no oestrogen-receptor degrader in it: case 1114),
    and a CDK4/6 inhibitor given with an aromatase inhibitor for advanced disease or as
    (neo)adjuvant therapy with any partner."""
    lines = lines_not_stopped_for_toxicity(facts)
    courses = tuple(t for line in lines for t in line)
    return (
        bool(facts.cdk46i_resistant)
        and len(lines) <= 1
        # a degrader given in the line (a SERENA-6 switch to camizestrant): the progression
        # was not on a CDK4/6 inhibitor with an aromatase inhibitor (case 1114)
        and not any(t.drug_classes & _DEGRADERS for t in courses)
        and all(
            DrugClass.CDK46_INHIBITOR in t.drug_classes
            or through_hold(courses, t)
            or _alongside_cdk46i(courses, t)
            or continued_past(courses, t)  # the partner through a gap in the line (1362d)
            for t in courses
        )
        and (
            any(
                DrugClass.CDK46_INHIBITOR in t.drug_classes and not t.metastatic
                for t in facts.profile.treatments
            )
            or any(map(_with_aromatase_inhibitor, facts.metastatic_lines))
        )
    )


def lines_not_stopped_for_toxicity(facts: Facts) -> list[tuple[Treatment, ...]]:
    """The metastatic lines but those whose every course stopped for toxicity: a line stopped
    so, without progression, is no other therapy the disease progressed on (case 1149 and its
    recheck, 1152: rule 32 and postMONARCH's population read it so; rule 58 reads
    DESTINY-Breast06's lines so since case 1075)."""
    return [line for line in facts.metastatic_lines if not stopped_for_toxicity(line)]


def set_aside(facts: Facts) -> bool:
    """A metastatic line stopped for toxicity that ``lines_not_stopped_for_toxicity`` leaves out."""
    return len(lines_not_stopped_for_toxicity(facts)) < len(facts.metastatic_lines)


def _alongside_cdk46i(courses: tuple[Treatment, ...], t: Treatment) -> bool:
    """``t`` is the partner of a CDK4/6-inhibitor course recorded apart (``combined``: the
    sixth and seventh rechecks of case 1017)."""
    return any(
        DrugClass.CDK46_INHIBITOR in c.drug_classes and c is not t and combined(c, t)
        for c in courses
    )


_DEGRADERS = frozenset({DrugClass.SERD, DrugClass.ORAL_SERD})
_CDK46I_AND_AI = frozenset({DrugClass.CDK46_INHIBITOR, DrugClass.AROMATASE_INHIBITOR})


def _with_aromatase_inhibitor(line: tuple[Treatment, ...]) -> bool:
    """A line that gave a CDK4/6 inhibitor with an aromatase inhibitor, as one course or as
    two recorded apart (the sixth recheck of case 1017)."""
    return _CDK46I_AND_AI.issubset(frozenset().union(*(t.drug_classes for t in line)))
