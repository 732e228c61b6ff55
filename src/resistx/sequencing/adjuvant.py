"""Primary endocrine resistance on adjuvant therapy with a CDK4/6 inhibitor (rule 87, case 606),
and the endocrine sensitivity rule 32 reads (case 780).

ESO-ESMO's ABC 5 consensus (Cardoso et al., Ann Oncol 2020; not in the review) calls a relapse
during the first 2 years of adjuvant endocrine therapy primary endocrine resistance. With a
CDK4/6 inhibitor in that adjuvant therapy the relapse came on the combination a first line
would give: resistx reads it as it reads a short first-line CDK4/6-inhibitor course (rule 18).
"""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from resistx.model.enums import DrugClass, Her2Status, MetastaticSite
from resistx.model.profile import (
    NOT_RESISTANCE,
    Treatment,
    by_line,
    calendar_months,
    stopped_for_toxicity,
)
from resistx.sequencing.facts import EARLY_RELAPSE_TDXD, Facts
from resistx.sequencing.inputs import Sensitivity
from resistx.sequencing.kinds import ENDOCRINE_DRUGS
from resistx.sequencing.once import remembered
from resistx.vocab.comorbidities import Comorbidity

#: ABC 5's window for primary endocrine resistance: the first 2 years of adjuvant therapy
PRIMARY_RESISTANCE_MONTHS = 24.0


#: a course for metastatic disease with one of these measures the endocrine sensitivity itself
_MEASURES = frozenset(
    {DrugClass.CDK46_INHIBITOR, *(c for c in DrugClass if c.is_endocrine)}
    - {DrugClass.OVARIAN_FUNCTION_SUPPRESSION}
)


def _measures(facts: Facts, t: Treatment) -> bool:
    """An endocrine or CDK4/6-inhibitor course for metastatic disease that ran long enough not
    to be short and did not stop for toxicity or by choice: it shows sensitivity (case 2072b: 24
    months of fulvestrant), where a short progression confirms the resistance (2168b) and a
    toxicity stop measures nothing (2169)."""
    if not t.drug_classes & _MEASURES or t.stop_reason in NOT_RESISTANCE:
        return False
    months = t.duration_months(facts.decision_date)
    return months is not None and months >= facts.preferences.short_cdk46i_months


def primary_resistance(facts: Facts) -> bool:
    """No CDK4/6 inhibitor nor endocrine therapy for metastatic disease (which measure the
    sensitivity themselves: rule 18; case 2072b, 24 months on fulvestrant), and a
    (neo)adjuvant course with a CDK4/6 inhibitor that ended in relapse within 24 months of the
    start of the adjuvant endocrine therapy (the earliest adjuvant course with an endocrine drug
    or the CDK4/6 inhibitor). Kept after other lines for metastatic disease (case 2020: lost
    after a chemotherapy line, where a short first line's reading stays)."""
    if any(_measures(facts, t) for t in facts.metastatic):  # cases 2072b, 2168b, 2169
        return False
    adjuvant = [t for t in facts.in_order if not t.metastatic]
    relapsed = [
        end
        for t in adjuvant
        if t.progressed and DrugClass.CDK46_INHIBITOR in t.drug_classes and (end := t.end_date)
    ]
    starts = _endocrine_starts(adjuvant)
    if not relapsed or not starts:
        return False
    return calendar_months(min(starts), min(relapsed)) < PRIMARY_RESISTANCE_MONTHS


class EndocrineReading(TypedDict):
    er_low: bool
    endocrine_sensitive: Sensitivity
    liver_or_lung: bool


#: the visceral sites with which rule 32 leaves trastuzumab deruxtecan where it is (8571)
LIVER_OR_LUNG = frozenset({MetastaticSite.LIVER, MetastaticSite.LUNG})


def endocrine_reading(facts: Facts) -> EndocrineReading:
    """The molecular Inputs' ``er_low`` (rule 114: the endocrine options after chemotherapy and
    the ADCs, case 1218) and ``endocrine_sensitive``: ER-low disease reads as no sensitivity;
    and ``liver_or_lung``, metastases there on record where rule 32 reads it."""
    er_low = facts.profile.er_low
    sensitive: Sensitivity = "" if er_low else endocrine_sensitivity(facts)
    # filled only where rule 32 reads it (HER2-low or -ultralow, endocrine-sensitive): else it
    # would part the memo's keys for nothing. HER2-ultralow disease reads it for its reason's
    # words only (10000: liver metastases on record read as none there), its subgroup having
    # no figure of its own in the pack (8977: ``endocrine_first.visceral_within_approval``)
    read = sensitive != "" and facts.her2 in (Her2Status.LOW, Her2Status.ULTRALOW)
    liver_or_lung = read and not LIVER_OR_LUNG.isdisjoint(facts.profile.metastatic_sites)
    return {"er_low": er_low, "endocrine_sensitive": sensitive, "liver_or_lung": liver_or_lung}


@remembered  # read by the molecular Inputs and by rule 34 of the same plan
def endocrine_sensitivity(facts: Facts) -> Sensitivity:
    """Not short on a CDK4/6 inhibitor (``not_short``), no crisis, no chemotherapy and no other line for metastatic
    disease of any kind (rule 32: postMONARCH's population; case 557, a PARP inhibitor line):
    "metastatic"; the same after induction chemotherapy in that line: "induction"; the same
    with a later line stopped for toxicity without progression: "toxicity" (case 1149);
    relapse on or after an adjuvant one, not primary resistance: "adjuvant". None after
    progression on an oral SERD, in its own line or switched to within the CDK4/6 inhibitor's
    (SERENA-6; case 2044): the ESR1 target was acted on (rule 6)."""
    # leptomeningeal disease: postMONARCH left it out, and rule 121 asks whether it is
    # life-threatening (case 7973), as rule 124 asks of the liver
    if facts.profile.visceral_crisis or liver_dysfunction(facts) or facts.profile.leptomeningeal:
        return ""
    if DrugClass.ORAL_SERD in facts.progressed_classes:  # case 2044: a SERENA-6 switch
        return ""  # progressed on it within the line: not postMONARCH's (CDK4/6i + AI only)
    if not_short(facts):
        if not facts.chemo_lines and len(facts.metastatic_lines) <= 1:
            return "metastatic"
        if _induction(facts):
            return "induction"
        if not facts.chemo_lines and len(_lines_progressed_on(facts)) <= 1:
            return "toxicity"
    return "adjuvant" if relapse_after_two_years(facts) else ""


def not_short(facts: Facts) -> bool:
    """A CDK4/6-inhibitor course for metastatic disease at or above the plan's short-course
    threshold (``short_cdk46i_months``, 6 by default): progression after 6 months of endocrine
    therapy for advanced disease is secondary, not primary, resistance (ESO-ESMO ABC 5), and
    postMONARCH's population set no minimum (update-2026.md section 1). Rule 32 read it from
    12 months (EMERALD's subgroup) until session 66 (7428b; raised before as 772, 870, 5824).
    Never under 6 months, a threshold set lower aside: progression within them is primary
    resistance, and DESTINY-Breast06's entry (7530, the recheck)."""
    months = facts.metastatic_cdk46i_months
    limit = max(FIRST_LINE_PRIMARY_RESISTANCE_MONTHS, facts.preferences.short_cdk46i_months)
    return months is not None and months >= limit


#: progression within this many months of first-line endocrine therapy for advanced disease is
#: primary endocrine resistance (ESO-ESMO ABC 5; not in the review), as relapse within
#: ``PRIMARY_RESISTANCE_MONTHS`` of adjuvant endocrine therapy is
FIRST_LINE_PRIMARY_RESISTANCE_MONTHS = 6.0


def _lines_progressed_on(facts: Facts) -> list[tuple[Treatment, ...]]:
    """The metastatic lines but those whose every course stopped for toxicity or by the
    patient's choice, without progression (rule 32: no line the disease progressed on; case
    1149, and 1516: fulvestrant stopped by choice after 29 months of control)."""
    lines = facts.metastatic_lines
    return [line for line in lines if not stopped_for_toxicity(line, or_by_choice=True)]


def liver_dysfunction(facts: Facts) -> bool:
    """Liver metastases and hepatic impairment on record, not said to have another cause, no
    visceral crisis: possibly the impending organ dysfunction of ESMO ABC 5, not
    endocrine-sensitive disease whatever the time on a CDK4/6 inhibitor (case 1481; rule 124
    asks; ``from_metastases: false`` lifts it, case 1526)."""
    p = facts.profile
    return (
        not p.visceral_crisis
        and MetastaticSite.LIVER in p.metastatic_sites
        and any(
            c.name is Comorbidity.HEPATIC_IMPAIRMENT and c.from_metastases is not False
            for c in p.comorbidities
        )
    )


def _induction(facts: Facts) -> bool:
    """Chemotherapy for metastatic disease only as induction, numbered or not: each course
    ended without progression on or before the start of the first CDK4/6-inhibitor course, and
    the other courses make one line (case 1037 and its recheck)."""
    starts = [t.started_on for t in facts.cdk46i_courses if t.metastatic and t.started_on]
    chemo = [t for t in facts.metastatic if DrugClass.CHEMOTHERAPY in t.drug_classes]
    others = tuple(t for t in facts.metastatic if DrugClass.CHEMOTHERAPY not in t.drug_classes)
    return (
        bool(starts and chemo)
        and len(by_line(others)) <= 1
        and all(
            t.stop_reason is not None  # how it ended must be on record (fourth recheck)
            and not t.progressed
            and (end := t.end_date) is not None
            and end <= min(starts)
            for t in chemo
        )
    )


def relapse_after_two_years(facts: Facts) -> bool:
    """No treatment for metastatic disease yet, a (neo)adjuvant CDK4/6 inhibitor read as
    progressed on (relapse on it or within 12 months of its end), and the relapse (the end of
    the adjuvant course that progressed) 24 months or more after the adjuvant endocrine therapy
    began: not primary resistance (ESO-ESMO's fifth consensus), and postMONARCH's adjuvant
    population (recurrence on or after adjuvant CDK4/6 inhibitor and endocrine therapy; case
    780)."""
    if facts.metastatic or not facts.adjuvant_cdk46i_relapse:
        return False
    adjuvant = [t for t in facts.in_order if not t.metastatic]
    ends = [end for t in adjuvant if t.progressed and (end := t.end_date)]
    starts = _endocrine_starts(adjuvant)
    if not ends or not starts:
        return False
    return calendar_months(min(starts), max(ends)) >= PRIMARY_RESISTANCE_MONTHS


def _endocrine_starts(adjuvant: list[Treatment]) -> list[dt.date]:
    """When each (neo)adjuvant course with an endocrine drug or a CDK4/6 inhibitor began, after
    the last early course that ended in progression (a progression on neoadjuvant therapy
    starts no clock of sensitivity: case 2182)."""
    begun = [t.started_on for t in adjuvant if t.started_on is not None]
    ends = [
        e
        for t in adjuvant
        if t.progressed and (e := t.end_date) is not None and any(b > e for b in begun)
    ]  # progressions followed by more early treatment
    starts = [
        t.started_on
        for t in adjuvant
        if t.started_on is not None
        and t.drug_classes & (ENDOCRINE_DRUGS | {DrugClass.CDK46_INHIBITOR})
    ]
    after = [s for s in starts if not ends or s > max(ends)]
    return after or starts


def db04_chemotherapy_lines(facts: Facts) -> int:
    """Chemotherapy lines for metastatic disease, and a relapse within 6 months of (neo)adjuvant
    chemotherapy as one, as DESTINY-Breast04 counted them (rules 29, 34, 55 and 79; the recheck
    of case 993)."""
    return facts.chemo_lines + facts.early_relapse_chemo(EARLY_RELAPSE_TDXD)
