"""Checks that a biomarker result's status, test, origin and variant fit together and fit its
gene: each refused combination was read as something it is not (case 1921: an ESR1
'mutation' by IHC put elacestrant first; a germline BRCA1 deletion entered as 'loss' read as
no germline mutation; PIK3CA 'wild_type' naming H1047R read as wild type)."""

from __future__ import annotations

import re
from typing import Any

import attrs

from resistx.model.enums import Assay, BiomarkerStatus, Origin, Sample
from resistx.vocab import genes as gene_vocab
from resistx.vocab.variants import (
    PROTEIN_LENGTHS,
    foreign_hotspot,
    hotspot_of,
    past_the_protein,
    written,
)

S = BiomarkerStatus

#: genes read for their mutations alone (the tumour's, acquired or stable): no protein, copy
#: number or germline result of them selects anything, and a blood sample for them is a liquid
#: biopsy entered as a germline test (case 1092: "ESR1 mutation (germline, blood)")
MUTATION_ONLY = frozenset({"ESR1", "PIK3CA", "AKT1"})
#: samples that carry the germline: a result from one is a germline test whatever origin it
#: was left at (the origin defaults to somatic; ``reliability.as_read``)
GERMLINE_SAMPLES = frozenset({Sample.BLOOD, Sample.SALIVA})
#: genes read for their loss (tumour suppressors): not amplified or overexpressed
TUMOUR_SUPPRESSORS = frozenset({"PTEN", "RB1"})
#: tests that see a protein or copy number, never a sequence
NOT_SEQUENCING = frozenset({Assay.IHC, Assay.FISH})
#: statuses of a protein or copy number: not a germline variant
NOT_A_VARIANT = frozenset({S.LOSS, S.AMPLIFIED, S.OVEREXPRESSED})
#: of those, what a mutation-only gene cannot show (an amplification is read, as not a
#: mutation: rule 2)
NOT_OF_A_MUTATION_ONLY_GENE = frozenset({S.LOSS, S.OVEREXPRESSED})
_NEGATIVE = frozenset({S.WILD_TYPE, S.NOT_DETECTED})
_SEQUENCED = "sequencing (ngs) or pcr"


def _gene(inst: Any) -> str | None:
    return getattr(inst, "gene", None)  # absent where the gene itself failed to read


def status_fits(inst: Any, _attribute: attrs.Attribute[Any], value: BiomarkerStatus) -> None:
    gene = _gene(inst)
    if gene == "ESR1" and value is S.OVEREXPRESSED:
        msg = (
            "ESR1 'overexpressed' is ER expression, which is hormone_receptor (with "
            "er_percent); an ESR1 result is a mutation test by " + _SEQUENCED
        )
        raise ValueError(msg)
    if gene in MUTATION_ONLY and value in NOT_OF_A_MUTATION_ONLY_GENE:
        msg = (
            f"{gene} is read for its mutations, found by {_SEQUENCED}: record 'mutated', "
            f"'wild_type', 'not_detected' or 'indeterminate' (or 'amplified' for its copy "
            f"number), not {value.value!r}"
        )
        raise ValueError(msg)
    if gene in TUMOUR_SUPPRESSORS and value in (S.OVEREXPRESSED, S.AMPLIFIED):  # case 2118
        msg = (
            f"{gene} is read for its loss: a protein retained by IHC is 'not_detected', one "
            f"absent is 'loss', not {value.value!r}"
        )
        raise ValueError(msg)
    if getattr(inst, "origin", None) is Origin.GERMLINE and value in NOT_A_VARIANT:
        msg = (
            f"a germline result is a variant: record a pathogenic deletion or other variant as "
            f"'mutated' (with its variant and classification), not {value.value!r}"
        )
        raise ValueError(msg)


def assay_fits(inst: Any, _attribute: attrs.Attribute[Any], value: Assay | None) -> None:
    """No mutation by IHC or FISH, and no result of a mutation-only gene by them but a FISH
    amplification."""
    if value not in NOT_SEQUENCING:
        return
    gene, status = _gene(inst), getattr(inst, "status", None)
    copies = value is Assay.FISH and status is S.AMPLIFIED  # a copy number, read as one
    if (gene in MUTATION_ONLY and not copies) or status is S.MUTATED:
        what = f"{gene} mutations are" if gene in MUTATION_ONLY else "a mutation is"
        msg = f"{what} found by {_SEQUENCED}, not {value.value}"
        raise ValueError(msg)


def sample_fits(inst: Any, _attribute: attrs.Attribute[Any], value: Sample | None) -> None:
    gene = _gene(inst)
    if value in GERMLINE_SAMPLES and gene in MUTATION_ONLY:
        msg = (
            f"{value.value} is a germline test, which {gene} has none of here: a liquid "
            'biopsy (cell-free DNA from plasma) is "ctdna"'
        )
        raise ValueError(msg)


def origin_fits(inst: Any, _attribute: attrs.Attribute[Any], value: Origin) -> None:
    if value is not Origin.GERMLINE:
        return
    gene = _gene(inst)
    if gene in MUTATION_ONLY:
        msg = f"{gene} is read for the tumour's mutations: no germline {gene} result is read"
        raise ValueError(msg)
    if getattr(inst, "sample", None) is Sample.CTDNA:
        msg = (
            "a ctDNA sample cannot tell a germline variant from the tumour's: leave 'origin' "
            "out (a BRCA1, BRCA2 or PALB2 plasma variant is then read as of unknown origin, "
            "and the plan asks for the germline test on blood or saliva that tells it)"
        )
        raise ValueError(msg)


def _names_its_gene(gene: str, value: str) -> None:
    """A variant that begins by naming a gene resistx reads names the result's (the second
    recheck of session 58, 4732a: a PTEN result 'PIK3CA p.H1047R' was read as a PTEN
    alteration); genes named later are a report's comments ('FGF3 co-amplified', 'TP53
    co-mutation', 'HER2-low': the third recheck, 4823)."""
    first = re.match(r"\s*([A-Za-z][A-Za-z0-9-]*)", value)
    named = gene_vocab.normalise(first[1]) if first else None
    if named is not None and named != gene and named in gene_vocab.GENES:
        msg = f"variant {value!r} names {named}, not {gene}: is this {named}'s result?"
        raise ValueError(msg)


def variant_fits(inst: Any, _attribute: attrs.Attribute[Any], value: str | None) -> None:
    status = getattr(inst, "status", None)
    if value is not None and status in _NEGATIVE:
        msg = (
            f"a result that names a variant ({value!r}) found it: its status is 'mutated' "
            f"(with classification 'vus' or 'benign' if it does not count), not {status.value!r}"
        )
        raise ValueError(msg)
    gene = _gene(inst)
    if value is not None and gene is not None:
        _names_its_gene(gene, value)
        # the protein change as written beside a cDNA or a transcript too (4823g, 4823h):
        # each check reads ``protein_change``, which finds it there
        _within_protein(gene, value)
        if (other := foreign_hotspot(gene, value)) is not None:
            msg = (
                f"{value!r} is a hotspot of {other}, not a known change of {gene}: is this "
                f"{other}'s result?"
            )
            raise ValueError(msg)
    if value is not None and gene in MUTATION_ONLY and _structural(value):
        msg = (
            f"variant {value!r} names a fusion, a rearrangement or a copy-number change of "
            f"{gene}, which resistx does not read: the evidence for {gene} ({_EVIDENCE[gene]}) "
            "is for its mutations, found by sequencing, and status 'mutated' records one of "
            "those; where the report found a mutation too, give its protein change as the "
            "variant; else leave the result out and weigh it outside resistx (case 6834)"
        )
        raise ValueError(msg)
    readable = not (value and value.strip()) or written(value) != (None, None)
    if gene == "PIK3CA" and status is S.MUTATED and not readable:
        msg = (
            f"variant {value!r} names no protein change ('H1047R', 'p.His1047Arg') or cDNA "
            "change ('c.3140A>G') resistx can read, and rule 90 reads PIK3CA's to tell "
            "therascreen's 11 mutations from the others: correct it, or leave it out (8652)"
        )
        raise ValueError(msg)
    if value is not None and status is S.MUTATED and _says_none(DENIED_STRUCTURAL.sub("", value)):
        msg = (
            f"variant {value!r} says no mutation was found, beside status 'mutated': one of "
            "the two is miskeyed (a result that found none is 'not_detected'; an "
            "amplification is status 'amplified')"
        )
        raise ValueError(msg)


#: a structural or copy-number change, not a mutation: a fusion ('ESR1-DAB2 fusion',
#: 'ESR1::CCDC170', 'fusión'), a rearrangement, translocation ('t(6;11)') or inversion
#: ('inv(6)'), a structural variant or breakpoint, an exon's duplication, deletion or loss
#: however written ('exon 6-7 tandem duplication', 'ex3del', 'del exons 4-7', 'e3-e6 dup', a
#: cDNA range of intronic breakpoints), a copy-number gain (6834; the recheck, 7024-7032)
_STRUCTURAL = re.compile(
    r"fusi[oó]n|::|rearrang|translocat|structural|\bsv\b|breakpoint|"
    r"copy[ -]?number|\bcnv\b|\bgain\b|"
    r"\b(?:exons?|ex|e)\s*\d+(?:\s*(?:-|_|to|and)\s*(?:exons?|ex|e)?\s*\d+)?\s*"
    r"(?:tandem\s+)?(?:dup|del|duplication|deletion|loss|skipping)|"
    r"\b(?:dup|del|duplication|deletion|loss)\w*\s+(?:of\s+)?exons?\s*\d",
    re.IGNORECASE,
)
#: a gene named with a partner gene ('ESR1-CCDC170', 'ESR1/YAP1', 'PIK3CA>TBL1XR1'): a fusion;
#: not a change of the gene ('ESR1-D538G') nor a word of a report ('ESR1-LBD')
_PARTNER = re.compile(r"\b(?:ESR1|PIK3CA|AKT1)\s*[-\u2013\u2014/>]\s*([A-Z]{2,}[A-Z0-9]*)\b")
_NOT_PARTNERS = frozenset({"LBD", "NGS", "PCR", "DNA", "CTDNA", "MUT", "WT", "MUTATION", "VAF"})
#: the notations of a structural change that hold brackets (read before clauses are split)
_BRACKETED = re.compile(r"\binv\(|\bt\(\d|\bc\.\(", re.IGNORECASE)
#: a fusion or exon change a text denies ('fusion-negative', 'no fusions detected', 'exon 3
#: duplication not seen'): not a finding that the mutation beside it was not found (7030)
DENIED_STRUCTURAL = re.compile(
    r"\bno\s+(?:fusions?|rearrangements?)(?:\s+(?:detected|found|seen))?|"
    r"(?:fusions?|rearrangements?)[- ]negative|"
    r"(?:fusions?|rearrangements?|exon\s*\d+\s+(?:duplication|deletion))\s+not\s+"
    r"(?:detected|found|seen)",
    re.IGNORECASE,
)
#: a clause that denies what it names ('no fusion detected', 'fusion-negative', 'not seen')
_DENIED = re.compile(
    r"\b(?:no|not|without|negative|absent|none)\b|-negative|not (?:seen|detected|found)",
    re.IGNORECASE,
)
#: a point change or small insertion or deletion named ('D538G', 'p.L536_D538del', 'c.1624_1626del')
_POINT_CHANGE = re.compile(r"\bp\.|\bc\.\d|\b[A-Z]\d{2,4}(?:[A-Z*]|fs|del|dup|ins)")


def _structural(variant: str) -> bool:
    """A variant text that names a structural or copy-number change, not denied in its clause,
    and no point change or small insertion or deletion beside it (which is the mutation read:
    'exon 8 del (p.V534_P535del)', 'D538G (no fusion detected)': 7026, 7030)."""
    if _BRACKETED.search(variant):  # 'inv(6)', 't(6;11)', 'c.(1014+1_1015-1)_(...)dup'
        return True
    if _POINT_CHANGE.search(variant):
        return False
    for clause in re.split(r"[;,()]", variant):
        named = _STRUCTURAL.search(clause) or any(
            m.group(1) not in _NOT_PARTNERS for m in _PARTNER.finditer(clause)
        )
        if named and not _DENIED.search(clause):
            return True
    return False


#: the trials whose evidence a mutation of each mutation-only gene selects
_EVIDENCE = {
    "ESR1": "EMERALD and the other oral SERDs' trials: the ligand-binding-domain mutations",
    "PIK3CA": "SOLAR-1 and CAPItello-291",
    "AKT1": "CAPItello-291",
}
#: a variant's words that say no mutation was found, or that name another kind of alteration
#: (case 3148; the recheck, 3174: 'No pathogenic variant identified', 'nicht nachgewiesen')
_NONE_FOUND = re.compile(
    r"\b(none|not detected|not found|no mutation|no pathogenic|no variant|negative|neg|"
    r"wild[ -]?type|wt|unmutated|absent|nil|n/?a|nd|undetected|normal|amplification|"
    r"amplified|nicht nachgewiesen|non d[eé]tect[eé])\b|<\s*lod"
)
#: ... of those, the words that say a change was not found (an amplification beside a change
#: is another alteration: 'E545K + amplification' found E545K)
_NOT_FOUND = re.compile(
    r"\b(none|not detected|not found|no mutation|no pathogenic|no variant|negative|neg|"
    r"wild[ -]?type|wt|unmutated|absent|nil|undetected|nicht nachgewiesen|non d[eé]tect[eé]|"
    r"nd|no)\b|<\s*lod"
)
#: a named change ('D538G', 'p.Tyr537Ser', 'c.5946delT'): a text that names one found it
_A_CHANGE = re.compile(r"\b[A-Z]\d+(?:[A-Z*]|fs|del|dup|ins)|\b[pc]\.|\b[A-Z][a-z]{2}\d+")


def _says_none(variant: str) -> bool:
    """A variant text that says nothing was found: no change it names stands unnegated in its
    part of the text ('D538G; Y537S not detected' names one: the recheck, 3174; 'Y537S not
    detected' and 'E545K, H1047R: not detected' name none: the second recheck, 3212)."""
    head, _, tail = variant.rpartition(":")
    if head and _NOT_FOUND.search(tail.casefold()) and not _A_CHANGE.search(tail):
        return True  # what the colon follows is what was not found
    found = [
        part
        for part in re.split(r"[;,()]", variant)  # 'E545K (negative for H1047R)' names E545K
        if _A_CHANGE.search(part) and not _NOT_FOUND.search(part.casefold())
    ]
    said = variant.casefold()
    return not found and bool(_NONE_FOUND.search(said) or _NOT_FOUND.search(said))


def _within_protein(gene: str, variant: str) -> None:
    position = past_the_protein(gene, variant)
    if position is None:
        return
    other = hotspot_of(variant)
    msg = (
        f"{gene}'s protein has {PROTEIN_LENGTHS[gene]} amino acids: {variant!r} names position "
        f"{position}, past its end"
        + (f" ({variant} is a hotspot of {other}: is this {other}'s result?)" if other else "")
    )
    raise ValueError(msg)
