"""Regimen kinds the rules speak of: endocrine-based, chemotherapy, ADC, CDK4/6, intensive."""

from __future__ import annotations

import functools

from resistx.model.enums import DrugClass
from resistx.model.regimen import Regimen

_TARGETED_PARTNERS = frozenset(
    {DrugClass.PI3K_INHIBITOR, DrugClass.AKT_INHIBITOR, DrugClass.MTOR_INHIBITOR}
)


Classes = tuple[DrugClass, ...]


@functools.cache
def _chemotherapy(classes: Classes) -> bool:
    return DrugClass.CHEMOTHERAPY in classes


@functools.cache
def _adc(classes: Classes) -> bool:
    return any(c.is_adc for c in classes)


@functools.cache
def _endocrine_based(classes: Classes) -> bool:
    hormonal = any(c.is_endocrine or c is DrugClass.CDK46_INHIBITOR for c in classes)
    return hormonal and not (_chemotherapy(classes) or _adc(classes))


@functools.cache
def _intensive(classes: Classes) -> bool:
    return _chemotherapy(classes) or _adc(classes) or bool(_TARGETED_PARTNERS & set(classes))


def is_chemotherapy(r: Regimen) -> bool:
    return _chemotherapy(r.drug_classes)


def is_adc(r: Regimen) -> bool:
    return _adc(r.drug_classes)


def is_endocrine_based(r: Regimen) -> bool:
    """Endocrine therapy or a CDK4/6 inhibitor (abemaciclib alone too), without chemotherapy
    or an ADC: the regimens rule 6 puts after chemotherapy and ADCs."""
    return _endocrine_based(r.drug_classes)


def has_cdk46i(r: Regimen) -> bool:
    return DrugClass.CDK46_INHIBITOR in r.drug_classes


def is_intensive(r: Regimen) -> bool:
    """Cytotoxic, ADC, or endocrine therapy with a PI3K/AKT/mTOR partner (rule 13)."""
    return _intensive(r.drug_classes)
