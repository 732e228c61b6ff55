"""Genes the review names, as HGNC symbols, with the aliases the review uses."""

from __future__ import annotations

from types import MappingProxyType

#: HGNC symbol -> what the review calls it
GENES: MappingProxyType[str, str] = MappingProxyType(
    {
        "RB1": "retinoblastoma protein (RB)",
        "CDK4": "cyclin-dependent kinase 4",
        "CDK6": "cyclin-dependent kinase 6",
        "CDK2": "cyclin-dependent kinase 2",
        "CDK7": "cyclin-dependent kinase 7",
        "CCND1": "cyclin D1",
        "CCNE1": "cyclin E1",
        "CCNE2": "cyclin E2",
        "E2F1": "E2F transcription factor 1",
        "E2F2": "E2F transcription factor 2",
        "E2F3": "E2F transcription factor 3",
        "WEE1": "WEE1 kinase",
        "MDM2": "MDM2",
        "CDKN2A": "p16 (INK4A)",
        "FZR1": "FZR1",
        "FAT1": "FAT1",
        "PIK3CA": "PI3K p110 alpha",
        "AKT1": "AKT1",
        "PTEN": "PTEN",
        "TSC1": "TSC1",
        "TSC2": "TSC2",
        "MTOR": "mTOR",
        "ESR1": "estrogen receptor alpha",
        "PGR": "progesterone receptor",
        "ERBB2": "HER2",
        "ERBB3": "HER3",
        "TACSTD2": "Trop-2",
        "SLC39A6": "LIV-1 zinc transporter",
        "ROR2": "receptor tyrosine kinase-like orphan receptor 2",
        "JUN": "AP-1 (c-Jun)",
        "FOS": "AP-1 (c-Fos)",
        "SMAD3": "Smad3",
        "FGFR1": "fibroblast growth factor receptor 1",
        "AURKA": "aurora kinase A",
        "BCL2": "B cell lymphoma 2",
        "BRCA1": "BRCA1",
        "BRCA2": "BRCA2",
        "PALB2": "PALB2",
        "TP53": "TP53",
        "KMT2C": "KMT2C",
        "FOXP1": "FOXP1",
        "ATM": "ATM",
    }
)

#: alias (upper case) -> HGNC symbol
ALIASES: MappingProxyType[str, str] = MappingProxyType(
    {
        "RB": "RB1",
        "P16": "CDKN2A",
        "P16INK4A": "CDKN2A",
        "INK4A": "CDKN2A",
        "HER2": "ERBB2",
        "HER3": "ERBB3",
        "CYCLIN E1": "CCNE1",
        "CYCLIN E2": "CCNE2",
        "CYCLIN D1": "CCND1",
        "PI3KCA": "PIK3CA",  # the review's spelling in 'Predict Response of Biomarkers'
        "P110A": "PIK3CA",
        "P110ALPHA": "PIK3CA",
        "ER": "ESR1",
        "ESR": "ESR1",
        "PR": "PGR",
        "TROP2": "TACSTD2",
        "TROP-2": "TACSTD2",
        "LIV1": "SLC39A6",
        "LIV-1": "SLC39A6",
        "AURORA A": "AURKA",
        "MTOR": "MTOR",
    }
)


#: genes of hereditary and tumour NGS panels that the review does not name (case 2297b: a
#: panel's record was refused whole): accepted, and weighed by no rule (the plan says so)
PANEL_GENES = frozenset(
    {
        *("BRIP1", "BARD1", "CHEK2", "RAD51C", "RAD51D", "NBN", "CDH1", "STK11", "NF1"),
        *("MLH1", "MSH2", "MSH6", "PMS2", "EPCAM", "PIK3R1", "MAP3K1", "MAP2K4", "ARID1A"),
        *("CBFB", "TBX3", "RUNX1", "KMT2D", "NCOR1", "ERBB4", "KRAS", "NOTCH1"),
        # the commonest findings of HR+ tumour and ctDNA panels (case 2325b)
        *("GATA3", "FOXA1", "FGFR2", "MYC", "AKT2", "AKT3", "PIK3CB", "SF3B1", "TERT"),
        *("BRAF", "EGFR", "CDKN1B", "NF2", "CTCF", "ZNF703", "ZNF217", "CDK12", "ARID1B"),
        # the 11q13 amplicon beside CCND1, and others of the same reports (case 2429)
        *("FGF3", "FGF4", "FGF19", "MCL1", "EMSY", "MDM4", "NSD3", "PAK1", "RAD21"),
        *("KDM6A", "GNAS", "AR", "RICTOR", "IGF1R", "SPOP", "NOTCH2", "HRAS", "RARA"),
        # clonal haematopoiesis, which plasma panels report too: a variant of one shows no
        # tumour DNA (8143b; ``sequencing.blood_variants``)
        *("DNMT3A", "TET2", "ASXL1", "PPM1D", "JAK2", "SRSF2"),
    }
)


def normalise(name: str) -> str | None:
    """The HGNC symbol a gene name or review alias stands for, or None if resistx does not use it."""
    key = " ".join(name.strip().upper().split())
    if key in GENES or key in PANEL_GENES:
        return key
    return ALIASES.get(key)


def same_symbol(name: str) -> str | None:
    """The symbol ``name`` spells with other punctuation or spacing ('PALB-2'), or None: the
    only hint an unknown gene gets (a near symbol is another gene: 'BRIP1' is not BRCA1)."""
    folded = "".join(c for c in name.upper() if c.isalnum())
    return next((g for g in (*GENES, *PANEL_GENES) if g == folded), None)
