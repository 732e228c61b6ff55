"""Regimen kinds the rules speak of: endocrine-based, chemotherapy, ADC, CDK4/6, intensive."""

from __future__ import annotations

from resistx.model.enums import DrugClass
from resistx.model.regimen import Regimen

_TARGETED_PARTNERS = frozenset(
    {DrugClass.PI3K_INHIBITOR, DrugClass.AKT_INHIBITOR, DrugClass.MTOR_INHIBITOR}
)


def is_chemotherapy(r: Regimen) -> bool:
    return DrugClass.CHEMOTHERAPY in r.drug_classes


def is_adc(r: Regimen) -> bool:
    return any(c.is_adc for c in r.drug_classes)


def is_endocrine_based(r: Regimen) -> bool:
    """Contains endocrine therapy and neither chemotherapy nor an ADC."""
    return any(c.is_endocrine for c in r.drug_classes) and not (is_chemotherapy(r) or is_adc(r))


def has_cdk46i(r: Regimen) -> bool:
    return DrugClass.CDK46_INHIBITOR in r.drug_classes


def is_intensive(r: Regimen) -> bool:
    """Cytotoxic, ADC, or endocrine therapy with a PI3K/AKT/mTOR partner (rule 13)."""
    return is_chemotherapy(r) or is_adc(r) or bool(_TARGETED_PARTNERS & set(r.drug_classes))
