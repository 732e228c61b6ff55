"""What the treatment history has used up: the definite targets acted on (rule 6) and the
endocrine-based lines after the CDK4/6 inhibitor (rule 22)."""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from resistx.model.enums import DrugClass, RegimenKind
from resistx.model.profile import Preferences, Treatment, combined
from resistx.sequencing import kinds
from resistx.sequencing.declines import endocrine_partners_declined, oral_kind_declined
from resistx.sequencing.facts import PAM_GENES, Facts
from resistx.sequencing.findings import DEFINITE_TARGETS, Finding
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.once import remembered, remembered_each
from resistx.vocab.comorbidities import Comorbidity
from resistx.vocab.drugs import drug_class


def acted_on(
    facts: Facts, esr1: tuple[Finding | None, bool], pathway: tuple[Finding | None, bool]
) -> tuple[str, ...]:
    """Rule 6's other half: the definite targets found (ESR1, the PI3K pathway), when each was
    acted on (progression on an oral SERD; on a PI3K or AKT inhibitor) and the other was tested
    without one since the latest progression; else nothing. Each: (finding, tested without)."""
    if esr1[0] is None and pathway[0] is None:
        return ()
    given = facts.progressed_classes
    acted = (bool(given & kinds.TARGET_DRUGS["ESR1"]), bool(given & kinds.TARGET_DRUGS["PIK3CA"]))
    found = (esr1[0] is not None, pathway[0] is not None)
    if all(a if f else t[1] for a, f, t in zip(acted, found, (esr1, pathway), strict=True)):
        return tuple(n for n, f in zip(("ESR1", "PI3K pathway"), found, strict=True) if f)
    return ()


class Targeted(TypedDict):
    after_pi3k_or_akt: bool
    after_oral_serd: bool
    after_fulvestrant: bool


def progressed_on_targets(facts: Facts) -> Targeted:
    """Progression on a target's drugs: a PI3K or AKT inhibitor, an oral SERD (an ESR1
    mutation acted on: rule 158), fulvestrant."""
    given = facts.progressed_classes
    return {
        "after_pi3k_or_akt": bool(given & kinds.PI3K_OR_AKT),
        "after_oral_serd": bool(given & kinds.TARGET_DRUGS["ESR1"]),
        "after_fulvestrant": "fulvestrant" in facts.progressed_drugs,
    }


@remembered  # asked several times in one plan
def first_cdk46i_progression(facts: Facts) -> Treatment | None:
    """The first metastatic CDK4/6-inhibitor course that progressed: by its start, else (no
    course of them dated) by its line."""
    courses = [
        t for t in facts.metastatic if DrugClass.CDK46_INHIBITOR in t.drug_classes and t.progressed
    ]
    dated = [t for t in courses if t.started_on is not None]
    if dated:
        return min(dated, key=lambda t: t.started_on or dt.date.min)
    lined = [t for t in courses if t.line is not None]
    return min(lined, key=lambda t: t.line or 0) if lined else None


def after(facts: Facts, first: Treatment, t: Treatment) -> bool:
    """``t`` started after ``first``: by their start dates, else by the lines they are in
    (``Facts.metastatic_lines``; case 1145: lines given in months only keep their order)."""
    if first.started_on is not None and t.started_on is not None:
        return t.started_on > first.started_on
    index = {id(c): n for n, line in enumerate(facts.metastatic_lines) for c in line}
    return index.get(id(t), -1) > index.get(id(first), len(index))


def endocrine_lines_after_cdk46i(facts: Facts) -> int:
    """Endocrine-based metastatic lines (no chemotherapy, no ADC) that started after the
    first CDK4/6-inhibitor course that progressed, and themselves progressed (rule 22)."""
    first = first_cdk46i_progression(facts)
    if first is None:
        return 0
    return sum(
        1
        for t in facts.progressed
        if after(facts, first, t)
        and DrugClass.CDK46_INHIBITOR not in t.drug_classes
        and t.drug_classes & kinds.ENDOCRINE_DRUGS
        and DrugClass.CHEMOTHERAPY not in t.drug_classes
        and not any(c.is_adc for c in t.drug_classes)
    )


#: what uses up a target for a further endocrine-based line: its drugs (``kinds.TARGET_DRUGS``)
#: and, for the PI3K pathway, an mTOR inhibitor too (the same PI3K-AKT-mTOR pathway, rule 11's
#: class: after everolimus a new PIK3CA mutation is no further target, case 512)
USED_UP: dict[str, frozenset[DrugClass]] = {
    gene: drugs if gene == "ESR1" else drugs | {DrugClass.MTOR_INHIBITOR}
    for gene, drugs in kinds.TARGET_DRUGS.items()
}


@remembered  # asked several times in one plan
def targets_left(facts: Facts) -> tuple[str, ...]:
    """The ESR1 and PI3K-pathway genes with a definite finding on record whose pathway's drugs
    the disease has not progressed on (``USED_UP``) and can be given now (not the PI3K
    pathway's with diabetes needing insulin, case 1054, or above CAPItello-291's HbA1c limit,
    case 7792), in ``DEFINITE_TARGETS`` order: rule 22's
    further target, rule 58's targeted line before trastuzumab deruxtecan. None in ER-low
    disease, whose endocrine options come after chemotherapy and the ADCs (rule 114)."""
    if facts.profile.er_low:  # rule 114: after chemotherapy
        return ()
    given, glucose = facts.progressed_classes, needs_insulin(facts) or glucose_above_limit(facts)
    declined = declined_targets(facts.preferences)
    return tuple(
        gene
        for gene, found in DEFINITE_TARGETS.items()
        if facts.found(gene, *found)
        and not given & USED_UP[gene]
        and not (glucose and gene in PAM_GENES)
        and gene not in declined
    )


#: the kind of regimen that carries each target's drugs: an oral SERD alone for ESR1, a PI3K
#: or AKT inhibitor with endocrine therapy for the pathway; all are taken by mouth
_TARGET_KINDS = {"ESR1": RegimenKind.ENDOCRINE_MONOTHERAPY}
_TARGET_KINDS |= dict.fromkeys(PAM_GENES, RegimenKind.TARGETED_ENDOCRINE)


def declined_targets(prefs: Preferences) -> frozenset[str]:
    """The genes whose targeted drugs the patient declines: all of them where drugs by mouth
    are declined, else those whose kind of regimen is (case 7859: a declined ESR1 line held
    trastuzumab deruxtecan back)."""
    return frozenset(g for g, kind in _TARGET_KINDS.items() if oral_kind_declined(prefs, kind))


@remembered  # asked several times in one plan
def needs_insulin(facts: Facts) -> bool:
    """Diabetes needing insulin: alpelisib left out (rule 12), capivasertib outside
    CAPItello-291's population (rule 78), so no PI3K-pathway drug to act on a finding."""
    return any(c.name is Comorbidity.DIABETES and c.insulin for c in facts.profile.comorbidities)


#: CAPItello-291's glycaemic entry limit (its report: HbA1c below 8.0%, no insulin-requiring
#: diabetes; not in the review)
CAPITELLO_HBA1C_LIMIT = 8.0


def glucose_above_limit(facts: Facts) -> bool:
    """Diabetes with an HbA1c of ``CAPITELLO_HBA1C_LIMIT`` or more: the PI3K and AKT inhibitors
    wait on glucose control (rule 78), so their target is none to act on now (case 7792: the
    line they make held trastuzumab deruxtecan back while it waited)."""
    return any(
        c.name is Comorbidity.DIABETES and (c.hba1c or 0.0) >= CAPITELLO_HBA1C_LIMIT
        for c in facts.profile.comorbidities
    )


def target_left(facts: Facts) -> bool:
    """A target left (``targets_left``): what keeps rule 26's tests out of 'before choosing'."""
    return bool(targets_left(facts))


#: cytotoxic lines for metastatic disease past which no PI3K, AKT or mTOR inhibitor's trial
#: with endocrine therapy enrolled: CAPItello-291 and BOLERO-2 at most one chemotherapy line for
#: advanced disease (Turner et al., N Engl J Med 2023; Baselga et al., N Engl J Med 2012),
#: SOLAR-1 none (André et al., N Engl J Med 2019); none of the three limits is in the review
PATHWAY_TRIAL_LINES = 1


#: ECOG from which an intensive regimen comes after the least toxic options (rule 13)
POOR_ECOG = 3


class PathwayDrugs(TypedDict):
    pathway_unusable: str
    pathway_held_back: bool
    pathway_waits_on_glucose: bool
    pathway_declined: bool
    endocrine_partners_declined: bool


def pathway_drugs(
    facts: Facts, esr1: tuple[Finding | None, bool], pathway: tuple[Finding | None, bool]
) -> PathwayDrugs:
    """Whether a PI3K or AKT inhibitor is held back whatever the finding (diabetes needing
    insulin: rules 12 and 78; ECOG 3-4: rule 13; case 1208), and why the targets found are no
    usable target (each gene: its finding, and whether it is clear): the pathway, the only
    target with ESR1 clear, "insulin" (case 1035), "glucose" (an HbA1c of 8.0% or more, for
    now, case 7846) or "lines" (past its inhibitors' trials' cytotoxic lines, rule 104, case
    1818); or every target found, the other gene clear, "declined" (the patient declines their
    drugs, case 7917)."""
    insulin = needs_insulin(facts)
    declined, given = declined_targets(facts.preferences), facts.progressed_classes
    held = (
        "insulin"
        if insulin
        else "glucose"
        if glucose_above_limit(facts)
        else "lines"
        if facts.cytotoxic_lines > PATHWAY_TRIAL_LINES
        else ""
    )

    def state(gene: str, found: tuple[Finding | None, bool]) -> str:
        if found[0] is None:
            return "clear" if found[1] else ""
        if gene in declined:
            return "declined"
        return "acted" if given & kinds.TARGET_DRUGS[gene] else held * (gene == "PIK3CA")

    e, m = state("ESR1", esr1), state("PIK3CA", pathway)
    if "" in (e, m) or {e, m} <= {"clear", "acted"}:
        why = ""  # a target usable, one untested, or each acted on (``acted_on``)
    elif "clear" in (e, m) or e == m:
        why = e if m == "clear" else m
    else:  # each target unusable, for its own reason (8081, 7936, 7937)
        why = f"{e}+{m}"
    return {
        "pathway_unusable": why,
        "pathway_held_back": insulin or (facts.profile.ecog or 0) >= POOR_ECOG,
        "pathway_waits_on_glucose": not insulin and glucose_above_limit(facts),
        "pathway_declined": "PIK3CA" in declined,  # one kind carries every pathway gene's drugs
        # read beside an ESR1 finding only (rule 32): else it parts the memo's keys for nothing
        "endocrine_partners_declined": esr1[0] is not None
        and endocrine_partners_declined(facts.preferences),
    }


def declined_targets_said(i: MolecularInputs) -> str:
    """What rules 6 and the endocrine-sensitive rule say of targets whose drugs the patient
    declines (``pathway_unusable`` "declined")."""
    genes = [f.gene for f in (i.esr1, i.akt_pathway) if f is not None]
    return (
        f"the patient declines the drugs for its {' and '.join(genes)} finding (the preferences; "
        "their own rows say), and the other target was tested without one"
        if len(genes) == 1
        else f"the patient declines the drugs for its {' and '.join(genes)} findings (the "
        "preferences; their own rows say)"
    )


def targets_untested(m: MolecularInputs) -> bool:
    """A gene that could still give a target: ESR1 or the PI3K pathway neither found nor
    negative on a current test (a target found and acted on leaves the other gene open); not in
    ER-low disease, where what they would open comes after chemotherapy (rule 114)."""
    esr1 = m.esr1 is None and not m.esr1_negative_current
    return not m.er_low and (esr1 or (m.akt_pathway is None and not m.pam_negative))


def progressed_regimens(facts: Facts) -> frozenset[tuple[str, ...]]:
    """The drugs of each metastatic course that progressed (sorted), with those of the courses
    of its line that progressed with it as parts of one combination recorded apart (case 1702:
    fulvestrant and capivasertib exported as two rows are capivasertib + fulvestrant)."""
    found = set()
    for line in facts.metastatic_lines:
        ended = [t for t in line if t.progressed]
        for t in ended:
            parts = {d for c in ended if c is t or combined(c, t) for d in c.drugs}
            found.add(tuple(sorted(parts)))
    return frozenset(found)


@remembered  # asked several times in one plan
def pathway_tried(facts: Facts) -> str:
    """The first PI3K, AKT or mTOR inhibitor the disease progressed on ("" if none): after it
    the others step back (rule 11)."""
    return min(
        (d for d in facts.progressed_drugs if drug_class(d) in kinds.PAM_CLASSES), default=""
    )


@remembered_each  # asked several times in one plan
def stale_negative(facts: Facts, gene: str) -> bool:
    """``gene`` negative on record (current, or from before the latest progression) after
    progression on a PI3K, AKT or mTOR inhibitor: a finding now would open a drug of the pathway
    only stepped back (rule 11), so the negative reads the pathway as without a target (1736)."""
    st = facts.genes.get(gene)
    return (
        bool(pathway_tried(facts))
        and st is not None
        and st.finding is None
        and st.negative is not None
    )
