"""Ovarian suppression: whether endocrine options need it, and the GnRH agonist on record to
continue (the balance Inputs, rules 40 and 63, and the plan's notes)."""

from __future__ import annotations

from resistx.model.enums import DrugClass, MenopausalStatus, Sex
from resistx.model.profile import Profile, Treatment
from resistx.sequencing.facts import Facts
from resistx.vocab.drugs import drug_class


def unsuppressed_aromatase_inhibitor(t: Treatment) -> bool:
    """A course with an aromatase inhibitor and no GnRH agonist beside it (rules 63 and 100)."""
    classes = t.drug_classes
    return (
        DrugClass.AROMATASE_INHIBITOR in classes
        and DrugClass.OVARIAN_FUNCTION_SUPPRESSION not in classes
    )


def needs_ovarian_suppression(p: Profile) -> bool:
    """A pre- or perimenopausal woman: an aromatase inhibitor or fulvestrant needs ovarian
    suppression (rule 40's cautions, rule 63's question, the plan's note)."""
    return p.sex is not Sex.MALE and p.menopausal_status in (
        MenopausalStatus.PREMENOPAUSAL,
        MenopausalStatus.PERIMENOPAUSAL,
    )


def suppression_on_record(facts: Facts) -> str:
    """The ovarian suppression (a GnRH agonist) given with the latest course, or "": what an
    endocrine option's caution and the plan's note ask to continue (rule 40)."""
    latest = facts.in_order[-1].drugs if facts.in_order else ()
    return next((d for d in latest if drug_class(d) is DrugClass.OVARIAN_FUNCTION_SUPPRESSION), "")
