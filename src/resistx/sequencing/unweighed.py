"""The plan's note on each finding no rule of the plan weighs: in a gene no rule reads, of a
status no rule reads (a PIK3CA amplification: the review names the pathway's mutations and
losses, case 3437), or naming a mechanism of the catalog that no rule acts on (a PGR loss: the
loss of ER or PR expression, case 3439); the clinician must weigh it (case 954: an ERBB2 L755S
mutation was in no line of the plan); and on each germline result of a gene the rules read for
the tumour's loss (PTEN, RB1), or in plasma naming its variant, which no rule reads
(``germline.set_aside``)."""

from __future__ import annotations

from resistx.mechanisms._catalog import for_gene, mechanisms_of
from resistx.model.enums import BiomarkerStatus, Classification, Origin, Sample
from resistx.model.mechanism import ResistanceMechanism
from resistx.model.profile import BiomarkerResult
from resistx.sequencing.facts import HRD_GENES, Facts
from resistx.sequencing.findings import DEFINITE_TARGETS, Finding
from resistx.sequencing.germline import beside_negative, read_and_aside
from resistx.sequencing.patient import findings_of
from resistx.sequencing.rules.mechanisms import TARGETED

S = BiomarkerStatus
#: the statuses some rule reads, by gene (RB1: rule 8's loss; ERBB2: rule 42's amplification
#: beside HER2-negative disease)
RULE_STATUSES: dict[str, tuple[BiomarkerStatus, ...]] = {
    **DEFINITE_TARGETS,
    **dict.fromkeys(HRD_GENES, (S.MUTATED,)),
    "RB1": (S.LOSS, S.MUTATED),
    "ERBB2": (S.AMPLIFIED,),
}


def _acted_on(m: ResistanceMechanism) -> bool:
    """A rule weighs the mechanism: a caution on the CDK4/6 inhibitors (rule 43), or a target
    or trial of its own (rules 1, 2, 9)."""
    return m.category not in TARGETED or bool(m.trials or m.strategies)


def unweighed(facts: Facts) -> list[str]:
    """A note for each finding no rule of the plan weighs."""
    matched = mechanisms_of(findings_of(facts))
    out = []
    for gene, st in facts.genes.items():
        if st.finding is None:
            continue
        status = st.finding.result.status
        if status in RULE_STATUSES.get(gene, ()):
            continue
        named = [m for m in matched if gene in m.genes and status in m.evidence_statuses]
        if any(_acted_on(m) for m in named):
            continue
        found = f"{gene} {status.value} {st.finding.describe()}"
        out.append(f"{found}: not weighed by any rule of this plan, {_catalog(gene, named)}")
    aside = read_and_aside(facts)[1]
    if not aside:  # most plans
        return out
    tested = set(facts.genes)  # a tumour result of the gene is on record
    disputed = {r for r, _negative in beside_negative(facts)}  # rule 21 asks the laboratory
    said = (_aside(r, r.gene in tested, r in disputed) for r in aside)
    return out + sorted(set(said))  # in no order of the input's (the plan's notes are its own)


def _catalog(gene: str, named: list[ResistanceMechanism]) -> str:
    if named:
        said = "; ".join(f"{m.name}, ref. {', '.join(map(str, m.references))}" for m in named)
        return f"though the review's catalog names it ({said}); the clinician must weigh it."
    other = for_gene(gene)
    if other:  # the catalog's mechanism in this gene is another change (CDKN2A: a gain)
        return (
            f"and the review's catalog names it only for its {other[0].alteration} "
            f"({other[0].name}); the clinician must weigh it (a trial may select it)."
        )
    return (
        "and no resistance mechanism of the review's catalog names it; the clinician must "
        "weigh it (a trial may select it)."
    )


#: what the tumour's result of a gene ``germline_only`` sets aside would say
_TUMOURS = {
    "RB1": "RB1 loss, which the review reads as resistance to the CDK4/6 inhibitors",
    "PTEN": "PTEN status, which the review asks genomic tumour profiling to find (FAKTION's "
    "PI3K/AKT/PTEN pathway-altered tumours)",
}


def _aside(r: BiomarkerResult, tested: bool, disputed: bool = False) -> str:
    """A germline PTEN or RB1 result, or one in plasma naming its variant: not the tumour's
    (``germline.set_aside``); a variant with genetic counselling, not a VUS or benign one."""
    found = f"{r.gene} {r.status.value} {Finding(result=r, stale=False).describe()}"
    what, sample = (
        ("a germline result", "tissue or ctDNA NGS")
        if r.origin is Origin.GERMLINE
        else ("a variant in plasma that a germline variant of the gene may account for "
              "(plasma cannot tell the two apart)", "tissue NGS")
        if r.sample is Sample.CTDNA
        else ("the germline variant, which every cell carries, seen in the tumour: one copy, "
              "not the loss of both", "Rb protein by IHC, or the loss of the other copy")
    )  # fmt: skip
    test = (
        "the tumour's own result on record is read"
        if tested
        else f"a test of the tumour ({sample}) would show the tumour's {r.gene}"
    )
    said = f"{found}: {what}, not read as the tumour's {_TUMOURS[r.gene]}; " + (
        "the tumour's sequencing negative on record disagrees with it, and rule 21 asks the "
        "laboratory"
        if disputed
        else f"no rule of this plan weighs it: {test}"
    )
    counts = r.classification not in _NOT_COUNTED
    if r.origin is Origin.GERMLINE and r.status is S.MUTATED and counts:
        return f"{said}, and genetic counselling is due if not already done (not in the review)."
    return f"{said}."


_NOT_COUNTED = frozenset({Classification.VUS, Classification.LIKELY_BENIGN, Classification.BENIGN})
