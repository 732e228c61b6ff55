"""Whether the disease is resistant to an aromatase inhibitor (rule 19): it progressed on one
for metastatic disease, or relapsed during (neo)adjuvant treatment with one or within 12 months
of its end. The first-line trials of a CDK4/6 inhibitor with one (PALOMA-2, MONALEESA-2,
MONARCH-3) enrolled (neo)adjuvant aromatase inhibitors only with a disease-free interval of more
than 12 months after them (their reports; not in the review): case 483."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from resistx.model.enums import DrugClass, Her2Status
from resistx.model.profile import Treatment, calendar_months
from resistx.sequencing.adjuvant import db04_chemotherapy_lines
from resistx.sequencing.facts import ADJUVANT_RELAPSE_MONTHS, Facts
from resistx.sequencing.kinds import ENDOCRINE_DRUGS
from resistx.sequencing.once import remembered
from resistx.vocab.drugs import drug_class


@remembered  # asked several times in one plan
def aromatase_inhibitor_resistant(facts: Facts) -> bool:
    return any(
        DrugClass.AROMATASE_INHIBITOR in t.drug_classes
        and (t.progressed if t.metastatic else facts.relapsed_within(t, ADJUVANT_RELAPSE_MONTHS))
        for t in facts.profile.treatments
    )


def ai_end_undated(facts: Facts) -> tuple[Treatment, ...]:
    """(Neo)adjuvant courses with an aromatase inhibitor, not ended in progression, with no end
    date, where nothing else shows resistance to one: whether the relapse came within 12 months
    of them is not known (case 1455; rules 19 and 123)."""
    if aromatase_inhibitor_resistant(facts):
        return ()
    return _undated_adjuvant(facts, {DrugClass.AROMATASE_INHIBITOR})


def adjuvant_relapse_undated(facts: Facts) -> tuple[Treatment, ...]:
    """With nothing yet for metastatic disease and no relapse known to be within 12 months of
    (neo)adjuvant endocrine therapy or on an adjuvant CDK4/6 inhibitor: the (neo)adjuvant
    endocrine courses with no end date, not ended in progression. Whether the relapse is
    INAVO120's (within 12 months of one) is not known (case 1457; rules 31 and 123)."""
    if facts.metastatic or facts.adjuvant_cdk46i_relapse or facts.early_adjuvant_endocrine_relapse:
        return ()
    return _undated_adjuvant(facts, ENDOCRINE_DRUGS)


#: a decision this long after the 12-month window closed is taken as no doubt about it: a
#: relapse is decided on within months, not years (rule 125)
DOUBT_MONTHS = 12.0


def read_to_the_decision(facts: Facts, t: Treatment) -> bool:
    """``t``, (neo)adjuvant endocrine therapy not ended in relapse, whose 12-month window is
    read to the decision date (no relapse on record since its end), which falls after the
    window but within ``DOUBT_MONTHS`` of its close (rule 125; cases 1553, 1567)."""
    end, decided = t.end_date, facts.decision_date
    if t.metastatic or t.progressed or end is None or decided is None:
        return False
    if not t.drug_classes & ENDOCRINE_DRUGS or any(d >= end for d in facts.relapses):
        return False
    months = calendar_months(end, decided)
    return ADJUVANT_RELAPSE_MONTHS < months <= ADJUVANT_RELAPSE_MONTHS + DOUBT_MONTHS


def adjuvant_relapse_unknown(facts: Facts) -> str:
    """What leaves INAVO120's population unknown (rule 31): "end date" (an undated
    (neo)adjuvant endocrine course, case 1457), "relapse date" (one whose window is read to the
    decision date, case 1577d), or "" (known)."""
    if adjuvant_relapse_undated(facts):
        return "end date"
    if facts.metastatic or facts.adjuvant_cdk46i_relapse or facts.early_adjuvant_endocrine_relapse:
        return ""
    read = any(read_to_the_decision(facts, t) for t in facts.profile.treatments)
    return "relapse date" if read else ""


def _undated_adjuvant(facts: Facts, classes: AbstractSet[DrugClass]) -> tuple[Treatment, ...]:
    """(Neo)adjuvant courses with a drug of ``classes``, not ended in progression, with no end
    date: how long before the relapse they ended is not known."""
    return tuple(
        t
        for t in facts.profile.treatments
        if not t.metastatic and t.drug_classes & classes and t.end_date is None and not t.progressed
    )


@remembered  # asked several times in one plan
def endocrine_progressed(facts: Facts) -> bool:
    """A course with endocrine therapy for metastatic disease ended in progression: what
    trastuzumab deruxtecan's approval asks for (case 497; an ongoing latest course counts, as
    the options read it: rule 53)."""
    return any(
        t.metastatic and t.progressed and t.drug_classes & ENDOCRINE_DRUGS
        for t in facts.profile.treatments
    )


def ultralow_endocrine_progressed(facts: Facts) -> bool:
    """``endocrine_progressed`` for HER2-ultralow disease after chemotherapy, where rule 29
    reads it (case 894), else False: the molecular key parts no other patient on it."""
    # chemotherapy as DESTINY-Breast04 counted it (the recheck of case 993)
    ultralow = facts.her2 is Her2Status.ULTRALOW and db04_chemotherapy_lines(facts) > 0
    return ultralow and endocrine_progressed(facts)


def endocrine_resistant(facts: Facts) -> bool:
    """Progression on endocrine therapy for metastatic disease, or relapse during (neo)adjuvant
    endocrine therapy or within 12 months of its end: whom the PI3K, AKT and mTOR inhibitors'
    trials enrolled, and capivasertib's US label (rule 69; case 782)."""
    return endocrine_progressed(facts) or any(
        not t.metastatic
        and bool(t.drug_classes & ENDOCRINE_DRUGS)
        and facts.relapsed_within(t, ADJUVANT_RELAPSE_MONTHS)
        for t in facts.profile.treatments
    )


def aromatase_inhibitors_given(facts: Facts) -> frozenset[str]:
    """The aromatase inhibitors of any course, in any setting (EMBER-3's population, rule 35;
    BOLERO-2's non-steroidal one, rule 96)."""
    return frozenset(
        d
        for t in facts.profile.treatments
        for d in t.drugs
        if drug_class(d) is DrugClass.AROMATASE_INHIBITOR
    )
