"""FHIR data types the converter reads: CodeableConcept and the mCODE GenomicVariant profile.

GenomicVariant (mCODE, from the HL7 Genomics Reporting IG): an Observation with code LOINC
69548-6 and value present (LA9633-4) or absent (LA9634-2), whose components give the gene
studied (48018-6, an HGNC coding), the genomic source class (48002-0), the HGVS changes
(48004-6 coding DNA, 48005-3 protein, 81290-9 genomic) and the clinical significance (53037-8).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from resistx.interop import codes
from resistx.interop._answers import answer_conflict
from resistx.interop._genomic import Variant
from resistx.interop._markers import Value
from resistx.interop.conversion import Builder

#: LOINC method answer for a sequencing assay (Genomics Reporting IG) -> resistx assay
_METHOD = {"LA26398-0": "ngs"}
_HGVS = {codes.HGVS_C: "c", codes.HGVS_P: "p", codes.HGVS_G: "g"}


@attrs.frozen(kw_only=True)
class Coded:
    """One code of a CodeableConcept with its label (the coding's display, or the text)."""

    code: str | None = None
    label: str | None = None


def codings(b: Builder, concept: Any, path: str) -> list[tuple[str | None, Coded]]:
    """Every coding of a CodeableConcept, with its system; the label falls back to the text."""
    cc = b.mapping(concept, path) or {}
    text = b.text(cc.get("text"), f"{path}.text")
    out = []
    for cpath, coding in b.items(cc.get("coding"), f"{path}.coding"):
        code = b.text(coding.get("code"), f"{cpath}.code")
        label = b.text(coding.get("display"), f"{cpath}.display") or text
        out.append((b.text(coding.get("system"), f"{cpath}.system"), Coded(code=code, label=label)))
    return out or [(None, Coded(label=text))]


def coded(b: Builder, concept: Any, path: str, system: str) -> Coded:
    """The first code of ``system`` in a CodeableConcept, else its first code of any system."""
    found = codings(b, concept, path)
    return next((c for s, c in found if s == system), found[0][1])


def first_code(b: Builder, concept: Any, path: str) -> Coded:
    return codings(b, concept, path)[0][1]


def _component_value(b: Builder, component: Mapping[str, Any], path: str) -> Coded:
    if "valueString" in component:
        return Coded(code=b.text(component["valueString"], f"{path}.valueString"))
    return first_code(b, component.get("valueCodeableConcept"), f"{path}.valueCodeableConcept")


def genomic_variant(
    b: Builder, obs: Mapping[str, Any], path: str, specimens: dict[str, tuple[str, Any]]
) -> Variant:
    """The ``Variant`` of a GenomicVariant Observation (its date is set by the caller)."""
    variant = Variant(path=path)
    if "valueCodeableConcept" in obs:
        apath = f"{path}.valueCodeableConcept"
        answer = first_code(b, obs["valueCodeableConcept"], apath)
        if conflict := answer_conflict(answer.code, answer.label):  # 7527: Absent, 'Present'
            b.problem(apath, conflict)
        variant.present = Value(code=answer.code, label=answer.label).polarity()
        if variant.present is None:  # neither present nor absent: no result at all
            b.skip(apath, answer.code, f"variant answer {answer.label or answer.code}: not read")
            variant.unread = True
    for cpath, component in b.items(obs.get("component"), f"{path}.component"):
        code = coded(b, component.get("code"), f"{cpath}.code", codes.LOINC).code
        value = _component_value(b, component, cpath)
        if code == codes.GENE_STUDIED:
            variant.gene, variant.gene_id = value.label, value.code
        elif code == codes.SOURCE_CLASS and value.code in (codes.GERMLINE, codes.SOMATIC):
            variant.origin = "germline" if value.code == codes.GERMLINE else "somatic"
        elif code in _HGVS and value.code:
            variant.hgvs[_HGVS[code]] = value.code
        elif code == codes.SIGNIFICANCE and value.code in codes.SIGNIFICANCE_ANSWER:
            variant.classification = codes.SIGNIFICANCE_ANSWER[value.code or ""]
        else:
            b.skip(cpath, code, f"variant component {value.label or value.code}: not read")
    _specimen(b, variant, obs, path, specimens)
    if "method" in obs:
        method = first_code(b, obs["method"], f"{path}.method")
        variant.assay = _METHOD.get(method.code or "")
        if variant.assay is None:
            b.skip(
                f"{path}.method", method.code, f"method {method.label}: not an assay resistx reads"
            )
    return variant


def _specimen(
    b: Builder, variant: Variant, obs: Mapping[str, Any], path: str, specimens: dict[str, Any]
) -> None:
    ref = b.mapping(obs.get("specimen"), f"{path}.specimen")
    if ref is None:
        return
    reference = b.text(ref.get("reference"), f"{path}.specimen.reference")
    if reference not in specimens:
        b.problem(f"{path}.specimen.reference", f"{reference!r} is not a Specimen of this bundle")
        return
    spath, specimen = specimens[reference]
    kind = coded(b, specimen.get("type"), f"{spath}.type", codes.SNOMED)
    said = kind.label or kind.code
    sample, assumed = codes.specimen_sample(kind.code, kind.label, variant.origin)
    variant.sample = sample
    if sample is None:
        b.skip(f"{spath}.type", kind.code, f"specimen {said}: not a sample resistx reads")
    else:
        b.use(spath, kind.code, f"sample {sample}")
        if assumed:
            b.assume(f"{spath}.type", f"specimen {said}: {assumed}", kind.code)
