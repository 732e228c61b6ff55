"""Protein changes of the genes resistx reads: their one-letter form, the activating ones a
source lists, and the length of each gene's protein (a change past it is another gene's)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from types import MappingProxyType

_THERASCREEN = (
    "one of the 11 PIK3CA mutations of therascreen PIK3CA (QIAGEN), the companion diagnostic "
    "of alpelisib's approval on SOLAR-1"
)

#: gene -> protein change (one-letter form) -> where it is listed as activating. PIK3CA only:
#: the PI3K-pathway rules wait on a classification (rule 2); the ESR1 rules do not, and the
#: sources name no AKT1 or PTEN list
HOTSPOTS: MappingProxyType[str, MappingProxyType[str, str]] = MappingProxyType(
    {
        "PIK3CA": MappingProxyType(
            dict.fromkeys(
                (
                    "C420R",
                    "E542K",
                    "E545A",
                    "E545D",
                    "E545G",
                    "E545K",
                    "Q546E",
                    "Q546R",
                    "H1047L",
                    "H1047R",
                    "H1047Y",
                ),
                _THERASCREEN,
            )
        ),
    }
)

AMINO_ACIDS = {
    "Ala": "A", "Arg": "R", "Asn": "N", "Asp": "D", "Cys": "C", "Gln": "Q", "Glu": "E",
    "Gly": "G", "His": "H", "Ile": "I", "Leu": "L", "Lys": "K", "Met": "M", "Phe": "F",
    "Pro": "P", "Ser": "S", "Thr": "T", "Trp": "W", "Tyr": "Y", "Val": "V",
}  # fmt: skip


def protein_change(variant: str) -> str:
    """'p.His1047Arg', 'p.(H1047R)', 'PIK3CA H1047R (VAF 3%)' or 'c.3140A>G p.H1047R' as
    'H1047R' (``written``'s protein change: 8652); a text naming none as given, in capitals."""
    return written(variant)[1] or variant.strip().upper()


#: the length in amino acids of each read gene's protein (UniProt's canonical sequences:
#: P03372, P42336, P31749, P60484, P38398, P51587, Q86YC2, P06400, P04626, P24864): a protein
#: change past it belongs to another gene (case 2295a: ESR1 'H1047R', PIK3CA's hotspot)
PROTEIN_LENGTHS = MappingProxyType(
    {
        "ESR1": 595,
        "PIK3CA": 1068,
        "AKT1": 480,
        "PTEN": 403,
        "BRCA1": 1863,
        "BRCA2": 3418,
        "PALB2": 1186,
        "RB1": 928,
        "ERBB2": 1255,
        "CCNE1": 410,
    }
)
_POSITION = re.compile(r"[A-Z](\d+)")


def position(change: str) -> int | None:
    """The residue a protein change in one-letter form names ('H1047R': 1047), or None."""
    found = _POSITION.match(change)
    return int(found[1]) if found else None


def past_the_protein(gene: str, variant: str) -> int | None:
    """The position ``variant`` names where it is past the end of ``gene``'s protein, else
    None (no protein change, or a gene of unknown length)."""
    at = position(protein_change(variant)) or 0
    length = PROTEIN_LENGTHS.get(gene)
    return at if length is not None and at > length else None


#: other genes' best-known activating changes, for the check that a result's variant is its
#: gene's (case 3147: ESR1's ligand-binding-domain mutations, AKT1's E17K; the review's
#: section on ESR1 names Y537S and D538G)
OTHER_HOTSPOTS = MappingProxyType(
    {
        "ESR1": frozenset(
            {"Y537S", "Y537N", "Y537C", "D538G", "E380Q", "L536H", "L536R", "L536P", "S463P"}
        ),
        "AKT1": frozenset({"E17K"}),
    }
)
#: residues known at some positions of a gene's protein (UniProt P03372: ESR1's helix 12,
#: 536-548, LYDLLLEMLDAHR): a change whose first residue is the gene's own there may be its
_RESIDUES = MappingProxyType({"ESR1": dict(zip(range(536, 549), "LYDLLLEMLDAHR", strict=True))})


def foreign_hotspot(gene: str, variant: str) -> str | None:
    """For a gene with listed hotspots (ESR1, PIK3CA, AKT1), the other gene whose listed
    activating change ``variant`` is, where it cannot be ``gene``'s own (not listed for it, and not known to start from ``gene``'s residue there):
    a shifted column (case 3147: E545K on an ESR1 row put elacestrant first)."""
    if gene not in HOTSPOTS and gene not in OTHER_HOTSPOTS:  # BRCA1's residue 1047 may be an H
        return None
    change = protein_change(variant)
    owners = [g for g, listed in HOTSPOTS.items() if change in listed]
    owners += [g for g, listed in OTHER_HOTSPOTS.items() if change in listed]
    if not owners or gene in owners:
        return None
    found = _POSITION.match(change)
    residues = _RESIDUES.get(gene, {})
    if found and residues.get(int(found[1])) == change[0]:
        return None
    return owners[0]


def hotspot_of(variant: str) -> str | None:
    """The gene whose listed activating change ``variant`` is (``HOTSPOTS``), or None."""
    change = protein_change(variant)
    return next((gene for gene, listed in HOTSPOTS.items() if change in listed), None)


#: a variant as written: its cDNA change and its protein change, each in one form, or None
Written = tuple[str | None, str | None]

_CDNA = re.compile(
    r"c\.\s*([0-9][0-9_+\-*]*\s*[ACGTacgt]*\s*(?:>\s*[ACGTacgt]+|del[ACGTacgt]*|dup[ACGTacgt]*|ins[ACGTacgt]+)?)"
)
_PROTEIN = re.compile(
    r"(?:p\.\s*)?\(?\b([A-Z](?:[a-z]{2})?)(\d+)((?:[A-Z](?:[a-z]{2})?|\*|X)?(?:fs)?)"
)


def written(variant: str) -> Written:
    """'c.1735C>T (p.Arg579Ter)', 'p.R579*', 'R579X', 'RB1 p.(Arg579*)' and 'p.Lys267ArgfsTer9'
    in one form each: three-letter amino acids as one, 'Ter' and 'X' as '*', a frameshift as
    its first residue and 'fs' (the recheck of session 58, 4685-4687)."""
    text = re.sub(r"(?i)\(?\s*\b(?:vaf|maf)\b[^)]*\)?", " ", variant)
    cdna = _CDNA.search(text)
    rest = _CDNA.sub(" ", text)
    for three, one in _ONE_LETTER.items():
        rest = rest.replace(three, one)
    rest = re.sub(r"\b[A-Z]{2,}[A-Z0-9]*\b", " ", rest)  # a gene named ('RB1 p.R579*')
    protein = _PROTEIN.search(rest)
    change = None
    if protein is not None and len(protein[1]) == 1:
        after = protein[3].replace("X", "*")
        change = f"{protein[1]}{protein[2]}{'fs' if after.endswith('fs') else after}"
    # a deletion or duplication with or without its bases is one ('c.5946delT', 'c.5946del')
    plain = re.sub(r"(?i)(del|dup)[ACGT]+$", r"\1", re.sub(r"\s+", "", cdna[1])) if cdna else None
    return (plain.upper() if plain else None, change)


def same_variant(a: Written, b: Written) -> bool | None:
    """Whether two variants as written are one (None: no notation of the one is in the other)."""
    if a[0] and b[0]:
        return a[0] == b[0]
    if a[1] and b[1]:
        return a[1] == b[1]
    return None


def might_be(variant: str | None, known: Iterable[Written]) -> bool:
    """Whether a variant as written (or none named) may be one of ``known``: not told apart
    from one of them (``same_variant`` not False); a name that says nothing may be any."""
    mine = written(variant or "")
    return any(same_variant(mine, k) is not False for k in known)


_ONE_LETTER = {"Ter": "*", **AMINO_ACIDS}


#: a variant's allele fraction as a report writes it: 'VAF 48%', 'VAF: 0.48', 'AF 48%',
#: 'allele fraction 0.48', or '48% VAF' (the second recheck of session 58, 4722, 4725)
_NAME = r"(?:v?af|maf|allel(?:e|ic)\s+(?:fraction|frequency|freq\.?)|allele\s+freq\.?)"
_VAF = re.compile(
    rf"(?i)\b{_NAME}(?:\s*\(%\))?"
    r"\s*(?:[:=~≈]|\bof\b|\babout\b|\bapprox(?:imately|\.)?)?\s*[~≈]?\s*(\d+(?:[.,]\d+)?)\s*(%)?"
    rf"|(\d+(?:[.,]\d+)?)\s*(%)\s*{_NAME}"
)


def allele_percent(variant: str) -> float | None:
    """The allele fraction a variant's text gives, in percent (a fraction up to 1 read as one
    of 1), or None."""
    found = _VAF.search(variant)
    if found is None:
        return None
    value = float((found[1] or found[3]).replace(",", "."))
    return value if (found[2] or found[4]) or value > 1 else value * 100
