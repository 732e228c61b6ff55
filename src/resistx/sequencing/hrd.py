"""The homologous-recombination genes as the facts hold them: what opens a PARP inhibitor
(rules 5, 44, 49) and what is still to test (rule 26)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypedDict

from resistx.model.enums import BiomarkerStatus, DrugClass, Origin, RegimenKind
from resistx.sequencing.declines import oral_kind_declined
from resistx.sequencing.facts import ADJUVANT_RELAPSE_MONTHS, HRD_GENES, Facts
from resistx.sequencing.findings import Finding
from resistx.sequencing.keyed import keyed
from resistx.sequencing.once import remembered, remembered_each
from resistx.vocab.comorbidities import Comorbidity
from resistx.vocab.drugs import PLATINUM, drug_class


@remembered  # asked several times in one plan
def parp_findings(facts: Facts) -> tuple[Finding, ...]:
    """Germline BRCA1/2 or PALB2, or somatic BRCA1/2 (TBCRC 048), as a memo key holds them
    (``keyed``): what opens a PARP inhibitor."""
    found = []
    for gene in HRD_GENES:
        st = facts.genes.get(gene)
        if st is None or st.finding is None:
            continue
        if st.finding.result.status is not BiomarkerStatus.MUTATED:
            continue
        if st.finding.result.origin is Origin.GERMLINE or gene != "PALB2":
            found.append(keyed(st.finding))
    return tuple(found)


def hrd_untested(facts: Facts, parp: tuple[Finding, ...]) -> tuple[tuple[str, ...], bool]:
    """With no PARP-inhibitor target and one of BRCA1, BRCA2 and PALB2 never tested: those of
    them with no germline result (and ``SOMATIC_BRCA`` if BRCA1/2 were tested in the germline
    only: cases 1123, 1139); else whether BRCA1/2 was tested in the germline only."""
    if parp:
        return (), False
    if any(untested(facts, g) for g in HRD_GENES):
        # a gene with a germline result is tested: a tumour result leaves the germline open
        open_ = tuple(g for g in HRD_GENES if not germline_on_record(facts, g))
        return (*open_, *(SOMATIC_BRCA,) * bool(germline_only_brca(facts))), False
    return (), bool(germline_only_brca(facts))


def untested(facts: Facts, gene: str) -> bool:
    """No result for ``gene`` that reads as one: none, or only indeterminate ones or negatives
    from a draw with too little tumour DNA (case 1454: an indeterminate BRCA2 and an
    uninformative BRCA1 were taken as tested, and the test asked for PALB2 only)."""
    st = facts.genes.get(gene)
    return st is None or (st.finding is None and st.negative is None)


#: what ``hrd_untested`` adds where BRCA1/2 were tested in the germline only
SOMATIC_BRCA = "somatic BRCA1/2"


def germline_untested(facts: Facts, parp: tuple[Finding, ...]) -> tuple[str, ...]:
    """With no PARP-inhibitor target and each of BRCA1, BRCA2 and PALB2 tested: the genes with
    no germline result on record. A tumour test (tissue or ctDNA) is not a germline test: it
    can miss a germline rearrangement, and some plasma assays filter germline variants out;
    a germline mutation would open a PARP inhibitor (case 510)."""
    if parp or any(untested(facts, g) for g in HRD_GENES):
        return ()
    return tuple(g for g in HRD_GENES if not germline_on_record(facts, g))


class GermlineTests(TypedDict):
    germline_untested: tuple[str, ...]
    palb2_in_tumour: str


def germline_tests(
    facts: Facts, parp: tuple[Finding, ...], untested: tuple[str, ...]
) -> GermlineTests:
    """The molecular Inputs' germline tests to offer (``germline_untested``), and whether
    PALB2's tumour test found a mutation ("unknown" origin, or "somatic" beside a germline
    negative), which opens olaparib only if germline (TBCRC 048; a reason had called it a test
    without a mutation: 7228c). ``untested``: ``hrd_untested``'s
    genes, which the molecular Inputs hold already."""
    genes = germline_untested(facts, parp)
    open_ = genes or untested  # or beside a gene never tested (7243b)
    found = not parp and facts.found("PALB2", BiomarkerStatus.MUTATED)
    # of unknown origin while its germline test is open, else somatic (8411: left unsaid)
    tumour = ("unknown" if "PALB2" in open_ else "somatic") if found else ""
    return {"germline_untested": genes, "palb2_in_tumour": tumour}


def germline_only_brca(facts: Facts) -> tuple[str, ...]:
    """BRCA1 and BRCA2 where every result on record is a germline test (its origin, or a blood
    or saliva sample, where the origin left at its default says somatic): a tumour's somatic
    mutation is not looked for there."""
    tumour = {r.gene for r in facts.biomarkers if r.origin is not Origin.GERMLINE}
    return tuple(
        g for g in ("BRCA1", "BRCA2") if facts.genes.get(g) is not None and g not in tumour
    )


def germline_brca(f: Finding) -> bool:
    """A germline BRCA1/2 mutation: OlympiAD's and EMBRACA's (rules 5 and 44), not TBCRC 048's."""
    return f.gene != "PALB2" and f.result.origin is Origin.GERMLINE


@remembered_each  # asked several times in one plan
def germline_on_record(facts: Facts, gene: str) -> bool:
    """A germline result for ``gene``, of any status, is on record."""
    return any(r.gene == gene and r.origin is Origin.GERMLINE for r in facts.biomarkers)


def origin_unknown(facts: Facts, parp: tuple[Finding, ...]) -> tuple[str, ...]:
    """The BRCA1/2 mutations of ``parp`` found in the tumour with no germline result for the
    gene on record: a tumour test finds germline mutations too, so they are somatic or
    germline, unknown which until the germline test (case 490)."""
    return tuple(
        f.gene
        for f in parp
        if f.gene != "PALB2"
        and f.result.origin is not Origin.GERMLINE
        and not germline_on_record(facts, f.gene)
    )


def of_unknown_origin(genes: tuple[str, ...]) -> str:
    """How a reason says that the tumour mutations of ``genes`` may be germline or somatic."""
    return (
        f"origin unknown (no germline {' and '.join(genes)} result on record; a tumour test "
        "finds germline mutations too)"
    )


def parp_targets(
    parp: Iterable[Finding], *, tbcrc048: bool = False, unknown: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """The PARP-inhibitor targets on record as a text names them ("germline PALB2", "tumour
    BRCA1" where its origin is ``unknown``); with ``tbcrc048`` only those TBCRC 048 studied
    (germline PALB2, somatic BRCA1/2)."""
    return tuple(
        f"tumour {f.gene}" if f.gene in unknown else f"{f.result.origin.value} {f.gene}"
        for f in parp
        if not (tbcrc048 and germline_brca(f))
    )


def adjuvant_parp(facts: Facts) -> tuple[tuple[str, ...], bool] | None:
    """The PARP inhibitors given for early disease ((neo)adjuvant, as in OlympiA), and whether
    the disease relapsed on one or within 12 months of its end (rule 102, case 846); None if
    none was given."""
    parp = DrugClass.PARP_INHIBITOR
    courses = [t for t in facts.profile.treatments if not t.metastatic and parp in t.drug_classes]
    if not courses:
        return None
    drugs = tuple(sorted({d for t in courses for d in t.drugs if drug_class(d) is parp}))
    soon = any(t.progressed or facts.relapsed_within(t, ADJUVANT_RELAPSE_MONTHS) for t in courses)
    return drugs, soon


@remembered  # asked several times in one plan
def parp_contraindicated(facts: Facts) -> bool:
    """A myelodysplastic syndrome (or a past AML) on record: rule 112 leaves the PARP
    inhibitors out (cases 1176, 1204)."""
    return Comorbidity.MYELODYSPLASTIC_SYNDROME in facts.comorbidities


class ParpClosed(TypedDict):
    platinum_resistant: bool
    parp_contraindicated: bool


def parp_closed_by(facts: Facts) -> ParpClosed:
    """The MolecularInputs fields that close the PARP inhibitors to a target: progression on a
    platinum (rule 105), a myelodysplastic syndrome on record (rule 112; case 1193a), or the
    patient declines them, by mouth or by kind (case 7933: a declined PARP inhibitor held
    chemotherapy back)."""
    return {
        "platinum_resistant": platinum_resistant(facts),
        "parp_contraindicated": parp_contraindicated(facts) or parp_declined(facts),
    }


def parp_declined(facts: Facts) -> bool:
    """The patient declines the PARP inhibitors, by their kind or drugs by mouth (case 7933)."""
    return oral_kind_declined(facts.preferences, RegimenKind.PARP_INHIBITOR)


@remembered  # asked several times in one plan
def platinum_resistant(facts: Facts) -> bool:
    """Progression on platinum for metastatic disease, or relapse on or within 12 months of
    (neo)adjuvant platinum: OlympiAD and EMBRACA enrolled neither (rule 105, case 907)."""
    return any(
        PLATINUM.intersection(t.drugs)
        and (t.progressed if t.metastatic else facts.relapsed_within(t, ADJUVANT_RELAPSE_MONTHS))
        for t in facts.profile.treatments
    )


def germline_brca_open(parp: tuple[Finding, ...], closed: bool) -> tuple[str, ...]:
    """The germline BRCA1/2 mutations among the PARP-inhibitor findings, unless ``closed`` (a
    PARP inhibitor progressed on, or platinum resistance): a target before trastuzumab
    deruxtecan outside DESTINY-Breast06's entry (rule 58; case 1048)."""
    if closed:
        return ()
    return tuple(f.gene for f in parp if germline_brca(f))
