"""Drug and gene vocabularies: every name the review uses resolves, brands are synonyms."""

from __future__ import annotations

import pytest

from resistx.model.enums import DrugClass
from resistx.vocab import drugs, genes, regimens


@pytest.mark.parametrize(
    ("name", "generic", "drug_class"),
    [
        ("Ibrance", "palbociclib", DrugClass.CDK46_INHIBITOR),
        ("KISQALI", "ribociclib", DrugClass.CDK46_INHIBITOR),
        ("verzenio", "abemaciclib", DrugClass.CDK46_INHIBITOR),
        ("Faslodex", "fulvestrant", DrugClass.SERD),
        ("Orserdu", "elacestrant", DrugClass.ORAL_SERD),
        ("Piqray", "alpelisib", DrugClass.PI3K_INHIBITOR),
        ("Truqap", "capivasertib", DrugClass.AKT_INHIBITOR),
        ("Afinitor", "everolimus", DrugClass.MTOR_INHIBITOR),
        ("Enhertu", "trastuzumab deruxtecan", DrugClass.ADC_HER2),
        ("T-DXd", "trastuzumab deruxtecan", DrugClass.ADC_HER2),
        ("Trodelvy", "sacituzumab govitecan", DrugClass.ADC_TROP2),
        ("Lynparza", "olaparib", DrugClass.PARP_INHIBITOR),
        ("Talzenna", "talazoparib", DrugClass.PARP_INHIBITOR),
        ("Xeloda", "capecitabine", DrugClass.CHEMOTHERAPY),
        ("nab paclitaxel", "nab-paclitaxel", DrugClass.CHEMOTHERAPY),
        ("utidelone", "utidelone", DrugClass.CHEMOTHERAPY),
        ("Zoladex", "goserelin", DrugClass.OVARIAN_FUNCTION_SUPPRESSION),
        ("venetoclax", "venetoclax", DrugClass.BCL2_INHIBITOR),
        ("PF-07104091", "pf-07104091", DrugClass.CDK2_INHIBITOR),
        ("SY 5609", "sy-5609", DrugClass.CDK7_INHIBITOR),
        ("avelumab", "avelumab", DrugClass.IMMUNE_CHECKPOINT_INHIBITOR),
        ("chemotherapy", "chemotherapy", DrugClass.CHEMOTHERAPY),
    ],
)
def test_drug_lookup_without_regard_to_case_spaces_or_hyphens(
    name: str, generic: str, drug_class: DrugClass
) -> None:
    drug = drugs.lookup(name)
    assert drug is not None
    assert (drug.name, drug.drug_class) == (generic, drug_class)


def test_unknown_drug_is_none() -> None:
    assert drugs.lookup("aspirinib") is None


def test_no_spelling_names_two_drugs() -> None:
    seen: dict[str, str] = {}
    for d in drugs.DRUGS:
        for spelling in (d.name, *d.synonyms):
            key = drugs.fold(spelling)
            assert seen.setdefault(key, d.name) == d.name, spelling


@pytest.mark.parametrize(
    ("alias", "symbol"),
    [
        ("p16", "CDKN2A"),
        ("HER2", "ERBB2"),
        ("cyclin E1", "CCNE1"),
        ("PI3KCA", "PIK3CA"),
        ("rb", "RB1"),
        ("esr1", "ESR1"),
        ("Trop-2", "TACSTD2"),
    ],
)
def test_gene_aliases_the_review_uses(alias: str, symbol: str) -> None:
    assert genes.normalise(alias) == symbol


def test_unknown_gene_is_none() -> None:
    assert genes.normalise("PIK3A") is None


def test_fixed_regimen_ids_of_the_contract() -> None:
    assert set(regimens.BY_ID) == {
        "elacestrant",
        "camizestrant",
        "fulvestrant",
        "alpelisib+fulvestrant",
        "capivasertib+fulvestrant",
        "everolimus+exemestane",
        "ribociclib+everolimus+exemestane",
        "ribociclib+fulvestrant",
        "ribociclib+exemestane",
        "palbociclib+letrozole",
        "ribociclib+letrozole",
        "abemaciclib+letrozole",
        "palbociclib+fulvestrant",
        "abemaciclib",
        "abemaciclib+fulvestrant",
        "olaparib",
        "talazoparib",
        "trastuzumab-deruxtecan",
        "sacituzumab-govitecan",
        "chemotherapy",
        "venetoclax+fulvestrant",
        "amcenestrant",
        "giredestrant",
    }
