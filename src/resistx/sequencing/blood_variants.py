"""Plasma variants that do not show that a draw held tumour DNA: those of clonal haematopoiesis
and, with no germline result for the gene on record, those of inherited-cancer genes (cases
8143b, 8143d, 8152e: a TP53, a CHEK2 or a BRCA2 variant made a draw's negatives count)."""

from __future__ import annotations

from collections.abc import Iterable

from resistx.model.enums import BiomarkerStatus, Origin
from resistx.model.profile import BiomarkerResult
from resistx.vocab.variants import allele_percent

#: genes whose plasma variants arise in blood cells as often as in a tumour (clonal
#: haematopoiesis of indeterminate potential): ESMO's ctDNA recommendations (Pascual et al.,
#: Ann Oncol 2022) name it a source of false positives; the list is resistx's reading of the
#: genes most reported, not in the review
CHIP_GENES = frozenset(
    {"DNMT3A", "TET2", "ASXL1", "PPM1D", "TP53", "JAK2", "CHEK2", "ATM", "SF3B1", "SRSF2", "GNAS"}
)
#: genes with inherited predisposition whose plasma variant may be germline until a germline
#: test of the gene says otherwise
INHERITED_GENES = frozenset({"BRCA1", "BRCA2", "PALB2", "CHEK2", "ATM", "TP53"})


def germline_clear(results: Iterable[BiomarkerResult]) -> frozenset[str]:
    """The genes with a germline test on record that found nothing."""
    return frozenset(
        r.gene
        for r in results
        if r.origin is Origin.GERMLINE
        and r.status in (BiomarkerStatus.NOT_DETECTED, BiomarkerStatus.WILD_TYPE)
    )


def not_tumour_proof(r: BiomarkerResult, clear: frozenset[str]) -> bool:
    """A plasma variant that may come from blood cells, or from the germline: of an
    inherited-cancer gene with no germline test that found nothing in it (``clear``) and no
    allele fraction written (one far from a heterozygous variant's 50% is the tumour's: case
    4579b)."""
    if r.gene in CHIP_GENES:
        return True
    return (
        r.gene in INHERITED_GENES
        and r.gene not in clear
        and allele_percent(r.variant or "") is None
    )
