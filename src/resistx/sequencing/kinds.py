"""Regimen kinds the rules speak of, read from a regimen's record (its ``kind`` and drugs)."""

from __future__ import annotations

import datetime as dt
import functools

from resistx.model.enums import DrugClass, RegimenKind
from resistx.model.regimen import Regimen, RegimenSpec
from resistx.vocab.drugs import ENDOCRINE_CLASSES, drug_class

K = RegimenKind
_ENDOCRINE_KINDS = frozenset(
    {K.ENDOCRINE_MONOTHERAPY, K.ENDOCRINE_COMBINATION, K.TARGETED_ENDOCRINE, K.CDK46I_BASED}
)
PAM_CLASSES = frozenset(
    {DrugClass.PI3K_INHIBITOR, DrugClass.AKT_INHIBITOR, DrugClass.MTOR_INHIBITOR}
)


AnyRegimen = RegimenSpec | Regimen


@functools.cache  # keyed by the record itself: its hash is cached, a hit is an identity check
def classes(spec: AnyRegimen) -> tuple[DrugClass, ...]:
    """The drug classes of a regimen, in the order of its drugs (each once)."""
    return tuple(dict.fromkeys(drug_class(d) for d in spec.drugs))


@functools.cache
def regimen(spec: RegimenSpec) -> Regimen:
    """The public ``Regimen`` of a record."""
    return spec.regimen(classes(spec))


def is_chemotherapy(spec: AnyRegimen) -> bool:
    """Chemotherapy (what rule 65 places after trastuzumab deruxtecan)."""
    return spec.kind is K.CHEMOTHERAPY


def is_adc(spec: AnyRegimen) -> bool:
    return spec.kind is K.ADC


_CYTOTOXIC = frozenset({K.CHEMOTHERAPY, K.ADC})


def is_cytotoxic(spec: AnyRegimen) -> bool:
    """ADCs and chemotherapy (what rules 6, 18 and 22 bring forward)."""
    return spec.kind in _CYTOTOXIC


def is_trial(spec: AnyRegimen) -> bool:
    """Enrolment in a trial (trial:<NCT id>)."""
    return spec.kind is K.TRIAL


def is_endocrine_based(spec: AnyRegimen) -> bool:
    """Endocrine therapy alone or with a CDK4/6, PI3K, AKT, mTOR or BCL2 inhibitor."""
    return spec.kind in _ENDOCRINE_KINDS


def is_endocrine_monotherapy(spec: AnyRegimen) -> bool:
    return spec.kind is K.ENDOCRINE_MONOTHERAPY


#: the endocrine drugs: what makes a regimen or a course an endocrine line
ENDOCRINE_DRUGS = ENDOCRINE_CLASSES  # the vocabulary's, under the name the rules read


def has_endocrine_drug(spec: AnyRegimen) -> bool:
    """Regimens with an aromatase inhibitor, a SERD, an oral SERD or a SERM."""
    return not ENDOCRINE_DRUGS.isdisjoint(classes(spec))


def aromatase_inhibitor_only(spec: AnyRegimen) -> bool:
    """Regimens whose one endocrine drug class is an aromatase inhibitor (exemestane's)."""
    return ENDOCRINE_DRUGS.intersection(classes(spec)) == {DrugClass.AROMATASE_INHIBITOR}


def has_cdk46i(spec: AnyRegimen) -> bool:
    """Regimens with a CDK4/6 inhibitor."""
    return DrugClass.CDK46_INHIBITOR in classes(spec)


def has_class(spec: AnyRegimen, drug_class: DrugClass) -> bool:
    return drug_class in classes(spec)


#: the PI3K and AKT inhibitors (not mTOR): one class for what follows progression on them
PI3K_OR_AKT = frozenset({DrugClass.PI3K_INHIBITOR, DrugClass.AKT_INHIBITOR})
#: a definite target's gene -> the drug classes whose progression uses it up (rule 6): an ESR1
#: mutation an oral SERD's, a PI3K-pathway alteration a PI3K or AKT inhibitor's
TARGET_DRUGS: dict[str, frozenset[DrugClass]] = {
    "ESR1": frozenset({DrugClass.ORAL_SERD}),
    **dict.fromkeys(("PIK3CA", "AKT1", "PTEN"), PI3K_OR_AKT),
}


def has_pi3k_or_akt_inhibitor(spec: AnyRegimen) -> bool:
    """Regimens with a PI3K or AKT inhibitor (alpelisib, capivasertib, inavolisib, ...)."""
    return bool(PI3K_OR_AKT.intersection(classes(spec)))


def is_intensive(spec: AnyRegimen) -> bool:
    """Cytotoxic, an ADC, or endocrine therapy with a PI3K/AKT/mTOR partner (rule 13)."""
    return is_cytotoxic(spec) or bool(PAM_CLASSES & set(classes(spec)))


# -- the regimens a rule concerns (a rule unit's ``regimens=``) ---------------------------------


def any_regimen(_spec: AnyRegimen) -> bool:
    """Every regimen."""
    return True


def has_datopotamab_deruxtecan(spec: AnyRegimen) -> bool:
    """Regimens with datopotamab deruxtecan."""
    return "datopotamab deruxtecan" in spec.drugs


def is_oral_serd(spec: AnyRegimen) -> bool:
    """Regimens with an oral SERD."""
    return has_class(spec, DrugClass.ORAL_SERD)


def acts_on_pi3k_pathway(spec: AnyRegimen) -> bool:
    """Regimens with a PI3K, AKT or mTOR inhibitor."""
    return bool(PAM_CLASSES & set(classes(spec)))


def has_pathway_inhibitor_without_cdk46i(spec: AnyRegimen) -> bool:
    """Endocrine therapy with a PI3K, AKT or mTOR inhibitor and no CDK4/6 inhibitor, outside a
    trial's enrolment (alpelisib, capivasertib or everolimus with fulvestrant or exemestane)."""
    return acts_on_pi3k_pathway(spec) and not has_cdk46i(spec) and not is_trial(spec)


def is_tdxd(spec: AnyRegimen) -> bool:
    """Trastuzumab deruxtecan."""
    return "trastuzumab deruxtecan" in spec.drugs


def is_parp_inhibitor(spec: AnyRegimen) -> bool:
    """PARP inhibitors."""
    return spec.kind is K.PARP_INHIBITOR


def is_not_chemotherapy(spec: AnyRegimen) -> bool:
    """Every regimen but chemotherapy (a class, not a drug one can progress on twice)."""
    return spec.kind is not K.CHEMOTHERAPY


def is_parp_inhibitor_or_chemotherapy(spec: AnyRegimen) -> bool:
    """PARP inhibitors and chemotherapy (what OlympiAD and EMBRACA compared)."""
    return is_parp_inhibitor(spec) or is_chemotherapy(spec)


def is_sacituzumab_govitecan(spec: AnyRegimen) -> bool:
    """Sacituzumab govitecan (the review: for heavily pretreated patients with limited options)."""
    return "sacituzumab govitecan" in spec.drugs


def is_trop2_adc(spec: AnyRegimen) -> bool:
    """Sacituzumab govitecan and datopotamab deruxtecan (a TROP2 antibody-drug conjugate)."""
    return is_sacituzumab_govitecan(spec) or "datopotamab deruxtecan" in spec.drugs


def is_parp_inhibitor_or_what_it_comes_before(spec: AnyRegimen) -> bool:
    """PARP inhibitors, chemotherapy and the TROP2 ADCs (rule 44)."""
    return is_parp_inhibitor_or_chemotherapy(spec) or is_trop2_adc(spec)


def is_endocrine_or_cytotoxic(spec: AnyRegimen) -> bool:
    """Endocrine-based regimens, chemotherapy and ADCs (not trials, not PARP inhibitors)."""
    return is_endocrine_based(spec) or is_cytotoxic(spec)


def has_negative_trial(spec: RegimenSpec) -> bool:
    """Regimens whose record names a negative trial."""
    return spec.negative_trial is not None


def has_dated_approval(spec: RegimenSpec) -> bool:
    """Regimens whose approval in this setting the table dates (rule 46)."""
    return spec.regulatory.date is not None


def approved_after(date: str | None, day: dt.date | None) -> bool:
    """Whether an approval dated ``date`` (ISO) came after ``day``, the plan's date: on the day
    itself it is approved (as ``Coverage.unapproved`` reads it); unknown either way, not after."""
    return date is not None and day is not None and date > day.isoformat()


def is_investigational(spec: RegimenSpec) -> bool:
    """Regimens without an approval in this setting (the regimen table's status)."""
    return spec.regulatory.investigational


def is_trial_or_investigational(spec: RegimenSpec) -> bool:
    """A trial's enrolment, or a regimen given only within its trial (rule 52)."""
    return is_trial(spec) or is_investigational(spec)


def has_palbociclib(spec: AnyRegimen) -> bool:
    """Regimens with palbociclib."""
    return "palbociclib" in spec.drugs


def has_ribociclib(spec: AnyRegimen) -> bool:
    """Regimens with ribociclib."""
    return "ribociclib" in spec.drugs


def has_abemaciclib(spec: AnyRegimen) -> bool:
    """Regimens with abemaciclib."""
    return "abemaciclib" in spec.drugs


def has_everolimus(spec: AnyRegimen) -> bool:
    """Regimens with everolimus."""
    return "everolimus" in spec.drugs


def has_capivasertib(spec: AnyRegimen) -> bool:
    """Regimens with capivasertib."""
    return "capivasertib" in spec.drugs


def has_alpelisib(spec: AnyRegimen) -> bool:
    """Regimens with alpelisib."""
    return "alpelisib" in spec.drugs


def has_inavolisib(spec: AnyRegimen) -> bool:
    """Regimens with inavolisib."""
    return "inavolisib" in spec.drugs


def has_elacestrant(spec: AnyRegimen) -> bool:
    """Regimens with elacestrant."""
    return "elacestrant" in spec.drugs


# -- the regimens the practice-2026 rules concern ----------------------------------------------

_LATER_PI3K = frozenset({"inavolisib", "gedatolisib"})


def is_abemaciclib_fulvestrant(spec: RegimenSpec) -> bool:
    """Abemaciclib + fulvestrant (postMONARCH's regimen)."""
    return spec.id == "abemaciclib+fulvestrant"


def is_vepdegestrant(spec: RegimenSpec) -> bool:
    """Vepdegestrant (VERITAC-2's regimen)."""
    return spec.id == "vepdegestrant"


def is_approved_oral_serd(spec: RegimenSpec) -> bool:
    """Oral SERD monotherapy approved in this setting (the regimen table's status)."""
    return is_oral_serd(spec) and is_endocrine_monotherapy(spec) and not is_investigational(spec)


def has_imlunestrant(spec: RegimenSpec) -> bool:
    """Imlunestrant, alone (approved) or with abemaciclib (EMBER-3's investigational arm)."""
    return "imlunestrant" in spec.drugs


def is_tdxd_or_datodxd(spec: AnyRegimen) -> bool:
    """Trastuzumab deruxtecan and datopotamab deruxtecan."""
    return is_tdxd(spec) or "datopotamab deruxtecan" in spec.drugs


def is_adc_or_chemotherapy_but_tdxd(spec: AnyRegimen) -> bool:
    """ADCs and chemotherapy, trastuzumab deruxtecan and datopotamab deruxtecan left out."""
    return is_cytotoxic(spec) and not is_tdxd_or_datodxd(spec)


def has_later_pi3k_inhibitor(spec: AnyRegimen) -> bool:
    """Regimens with a PI3K inhibitor tested after the review (inavolisib, gedatolisib)."""
    return bool(_LATER_PI3K & set(spec.drugs))


def acts_on_pi3k_pathway_as_reviewed(spec: AnyRegimen) -> bool:
    """Regimens with a PI3K, AKT or mTOR inhibitor the review discusses (not inavolisib or
    gedatolisib)."""
    return acts_on_pi3k_pathway(spec) and not has_later_pi3k_inhibitor(spec)


def gives_cdk46i_after_one(spec: AnyRegimen) -> bool:
    """The gedatolisib triplet: VIKTORIA-1 gave palbociclib with it after a CDK4/6 inhibitor
    (100% of its patients), so a CDK4/6 inhibitor given again is its trial's design."""
    return has_cdk46i(spec) and "gedatolisib" in spec.drugs


def has_cdk46i_without_later_pi3k(spec: AnyRegimen) -> bool:
    """CDK4/6-inhibitor regimens, the inavolisib and gedatolisib triplets left out (INAVO120 and
    VIKTORIA-1 tested palbociclib with them, VIKTORIA-1 after a CDK4/6 inhibitor)."""
    return has_cdk46i(spec) and not has_later_pi3k_inhibitor(spec)
