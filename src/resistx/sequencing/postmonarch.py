"""postMONARCH's population read from the history (update-2026.md section 1): progression on
a CDK4/6 inhibitor given with an aromatase inhibitor for advanced disease (or as (neo)adjuvant
therapy), and no other therapy for advanced disease. Read by rule 37 (``HistoryInputs``) and by
the efficacy factor's ``postmonarch`` selector (``EfficacyInputs``), one value for both."""

from __future__ import annotations

from resistx.model.enums import DrugClass
from resistx.model.profile import through_hold
from resistx.sequencing.facts import Facts


def in_population(facts: Facts) -> bool:
    """Progression on a CDK4/6 inhibitor, at most one line for metastatic disease (each course
    of it with a CDK4/6 inhibitor, or endocrine therapy given through a hold of one: case 1017),
    and a CDK4/6 inhibitor given with an aromatase inhibitor for advanced disease or as
    (neo)adjuvant therapy with any partner."""
    courses = facts.metastatic
    return (
        bool(facts.cdk46i_resistant)
        and len(facts.metastatic_lines) <= 1
        and all(
            DrugClass.CDK46_INHIBITOR in t.drug_classes or through_hold(courses, t) for t in courses
        )
        and any(
            DrugClass.CDK46_INHIBITOR in t.drug_classes
            and (DrugClass.AROMATASE_INHIBITOR in t.drug_classes or not t.metastatic)
            for t in facts.profile.treatments
        )
    )
