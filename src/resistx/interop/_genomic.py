"""Genomic results, as both formats give them, to resistx biomarker results.

A phenopacket GenomicInterpretation and an mCODE GenomicVariant Observation carry a gene, HGVS
expressions, the germline or somatic origin, a classification and whether the variant was found.
``add_variant`` turns one ``Variant`` into a resistx result, or reports why it cannot.
"""

from __future__ import annotations

import attrs

from resistx.interop import codes
from resistx.interop.conversion import Builder
from resistx.vocab import genes

#: ACMG classification of a phenopacket VariantInterpretation -> resistx classification
_ACMG = {
    "PATHOGENIC": "pathogenic",
    "LIKELY_PATHOGENIC": "likely_pathogenic",
    "UNCERTAIN_SIGNIFICANCE": "vus",
    "LIKELY_BENIGN": "likely_benign",
    "BENIGN": "benign",
}
#: a phenopacket interpretation status -> the classification it implies (stated as assumed)
_STATUS_CLASS = {"CAUSATIVE": "pathogenic", "CONTRIBUTORY": "pathogenic", "CANDIDATE": "vus"}
#: Sequence Ontology structural types -> resistx status (other variants are mutations)
_STRUCTURAL = {
    "SO:0001880": "amplified",  # feature_amplification
    "SO:0001742": "amplified",  # copy_number_gain
    "SO:0001743": "loss",  # copy_number_loss
    "SO:0001879": "loss",  # feature_ablation
}


@attrs.define(kw_only=True)
class Variant:
    """One genomic result as read from the source, before it becomes a resistx result."""

    path: str
    gene: str | None = None
    gene_id: str | None = None
    hgvs: dict[str, str] = attrs.Factory(dict)  # "c", "p", "g" -> expression
    origin: str | None = None
    sample: str | None = None
    assay: str | None = None
    tested_on: str | None = None
    #: found (True), looked for and not found (False), or not said (None: a phenopacket)
    present: bool | None = None
    status_word: str | None = None  # a phenopacket interpretationStatus
    unread: bool = False  # an answer resistx cannot read (skipped, and so no result)
    acmg: str | None = None
    classification: str | None = None
    structural: str | None = None


def _status(b: Builder, v: Variant) -> str | None:
    if v.unread:
        return None
    if v.present is False or (v.status_word == "REJECTED" and not v.hgvs):
        if v.present is None:
            b.assume(v.path, "gene rejected as a cause, with no variant: not detected")
        return "not_detected"
    if v.status_word == "REJECTED":
        b.skip(v.path, v.status_word, "a rejected variant: neither a finding nor a negative")
        return None
    if not v.hgvs and v.structural is None and v.present is not True:
        b.skip(v.path, v.gene_id, "a gene without a variant: what was found is not said")
        return None
    return _STRUCTURAL.get(v.structural or "", "mutated")


def _classification(b: Builder, v: Variant) -> str | None:
    if v.classification is not None:
        return v.classification
    if v.acmg in _ACMG:
        return _ACMG[v.acmg or ""]
    implied = _STATUS_CLASS.get(v.status_word or "")
    if implied is not None:
        b.assume(v.path, f"no ACMG class: {v.status_word} read as {implied}", v.status_word)
        return implied
    b.assume(
        v.path, "no classification: read as pathogenic, as resistx reads an unclassified result"
    )
    return None


def _coded_gene(code: str | None) -> str | None:
    """The gene an HGNC code names ('HGNC:3467'), or a symbol given as the code itself (8653:
    {"system": genenames, "code": "ESR1"} with no display was skipped)."""
    if not code:
        return None
    return codes.HGNC_GENES.get(str(code).upper()) or genes.normalise(str(code))


def _variant_text(v: Variant) -> str | None:
    """The protein change if given, else the coding or genomic change (without its sequence)."""
    for kind in ("p", "c", "g"):
        if kind in v.hgvs:
            return v.hgvs[kind].split(":", 1)[-1]
    return None


def add_variant(b: Builder, v: Variant) -> None:
    coded = _coded_gene(v.gene_id)
    if v.gene is None and coded is None:
        b.skip(v.path, v.gene_id, "a genomic result without a gene symbol")
        return
    if (
        v.gene is not None
        and genes.normalise(v.gene) is None
        and (same := genes.same_symbol(v.gene))
    ):  # 8653: 'ESR-1' was skipped as another gene, as a profile refuses it
        b.problem(v.path, f"{v.gene!r} is not a gene resistx reads; did you mean {same}?")
        return
    symbol = genes.normalise(v.gene) if v.gene is not None else coded
    if coded is not None and v.gene is not None and symbol != coded:
        b.problem(
            v.path,
            f"gene code {v.gene_id} is {coded}, its display {v.gene!r} another gene: which "
            "gene's result is it?",
        )
        return
    if symbol is None:
        b.skip(v.path, v.gene_id, f"{v.gene}: not a gene resistx uses")
        if v.sample == "ctdna" and v.present is not False and v.origin != "germline":
            b.ctdna_found.append((v.tested_on, v.gene or "", v.path))  # case 1948: tumour DNA seen
        return
    status = _status(b, v)
    if status is None:
        return
    if status == "not_detected" and (named := _variant_text(v)):  # 7480a, as case 1921's
        b.problem(
            v.path,
            f"{symbol} looked for and absent, yet the result names a variant ({named}): was it "
            "found? Correct the answer or the variant",
        )
        return
    result: dict[str, str] = {"gene": symbol, "status": status}
    if v.origin is None:
        b.assume(v.path, "germline or somatic not stated: somatic")
    optional = {"origin": v.origin, "sample": v.sample, "assay": v.assay, "tested_on": v.tested_on}
    result.update({k: x for k, x in optional.items() if x is not None})
    if status != "not_detected":
        text = _variant_text(v)
        if text:
            result["variant"] = text
        classification = _classification(b, v)
        if classification:
            result["classification"] = classification
    b.add("biomarkers", result, v.path)
    shown = ", ".join(f"{k}={x}" for k, x in result.items())
    b.use(v.path, v.gene_id, f"biomarker {shown}")
