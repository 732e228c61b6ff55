"""What counts as the same class after progression (rule 11): drugs that act on one target,
and antibody-drug conjugates that share a payload."""

from __future__ import annotations

from types import MappingProxyType

from resistx.model.enums import DrugClass
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.toxicity import DERUXTECAN_ADCS
from resistx.vocab.drugs import drug_class

#: classes whose drugs act on one target: after progression on one, another of them steps back
CLASS_GROUPS = {
    DrugClass.PI3K_INHIBITOR: "PI3K-AKT-mTOR inhibitor",
    DrugClass.AKT_INHIBITOR: "PI3K-AKT-mTOR inhibitor",
    DrugClass.MTOR_INHIBITOR: "PI3K-AKT-mTOR inhibitor",
    #: vepdegestrant, a PROTAC, is no SERD: the class is the oral degraders (case 1166)
    DrugClass.ORAL_SERD: "oral oestrogen-receptor degrader",
    DrugClass.SERD: "fulvestrant",
    DrugClass.PARP_INHIBITOR: "PARP inhibitor",
    DrugClass.ADC_TROP2: "TROP2 antibody-drug conjugate",
}
#: antibody-drug conjugates that share a payload across targets (the deruxtecan ADCs share its
#: lung toxicity too: rule 12)
PAYLOAD_GROUPS = dict.fromkeys(
    sorted(DERUXTECAN_ADCS), "antibody-drug conjugate with the deruxtecan payload"
)


def groups_of(drug: str) -> set[str]:
    """The classes (``CLASS_GROUPS``, ``PAYLOAD_GROUPS``) a drug belongs to."""
    found = {CLASS_GROUPS.get(drug_class(drug)), PAYLOAD_GROUPS.get(drug)}
    return {g for g in found if g is not None}


def cross_resistant(spec: RegimenSpec, same_class: list[str]) -> bool:
    """An ADC after progression on one of its target or payload, a PI3K or AKT inhibitor after
    one, an oral SERD or a PARP inhibitor after one: no trial of it there (TROPION-Breast01
    after 1-2 chemotherapy lines; the review places only everolimus after the PI3K and AKT
    inhibitors), so at best a later option."""
    theirs = {drug_class(d) for d in same_class}
    mine = {drug_class(d) for d in spec.drugs}
    return any(c.is_adc for c in theirs) or any(
        mine & group and theirs & group for group in _CAPPED
    )


def placed_after(spec: RegimenSpec, same_class: list[str]) -> bool:
    """Everolimus after PI3K or AKT inhibitors only: the review places it there, in a later
    line ('everolimus should be used in later line'), so it is not a class repeat."""
    return DrugClass.MTOR_INHIBITOR in {drug_class(d) for d in spec.drugs} and all(
        drug_class(d) in kinds.PI3K_OR_AKT for d in same_class
    )


#: classes after progression on one of which another is at best a later option
_CAPPED = (
    kinds.PI3K_OR_AKT,
    frozenset({DrugClass.ORAL_SERD}),
    frozenset({DrugClass.PARP_INHIBITOR}),
)

#: a drug that, given alone, steps back after another class as after its own, and not the
#: reverse: fulvestrant after an oral SERD (both degrade the estrogen receptor; the review has
#: no evidence for fulvestrant after one, while EMERALD enrolled patients after fulvestrant)
#: (the other class, what the two share as a reason says it)
ALONE_AFTER = {
    "fulvestrant": (CLASS_GROUPS[DrugClass.ORAL_SERD], "both degrade the estrogen receptor")
}


#: after progression on a CDK4/6 inhibitor, the regimen the evidence reads as fulvestrant alone:
#: in PACE palbociclib added nothing to fulvestrant there (case 486)
AS_FULVESTRANT_AFTER_CDK46I = frozenset({"palbociclib", "fulvestrant"})


def _alone(i: HistoryInputs, spec: RegimenSpec) -> str | None:
    """The drug a regimen is read as given alone: its one drug, or fulvestrant for palbociclib
    + fulvestrant after a CDK4/6 inhibitor (``AS_FULVESTRANT_AFTER_CDK46I``)."""
    if len(spec.drugs) == 1:
        return spec.drugs[0]
    return (
        "fulvestrant"
        if i.cdk46i_resistant and set(spec.drugs) == AS_FULVESTRANT_AFTER_CDK46I
        else None
    )


def same_class_drugs(i: HistoryInputs, spec: RegimenSpec) -> tuple[set[str], list[str]]:
    """The regimen's classes (with ``ALONE_AFTER``'s for a drug read as given alone), and the
    drugs of them (not its own) the disease progressed on."""
    groups = set().union(*map(groups_of, spec.drugs))
    if (alone := _alone(i, spec)) and (also := ALONE_AFTER.get(alone)):
        groups.add(also[0])
    return groups, sorted(
        d for d in i.progressed_drugs if groups_of(d) & groups and d not in spec.drugs
    )


#: adverse events that a CDK4/6 inhibitor shares with others of its class, by the drugs whose
#: labels warn of them (resistx's reading of the US labels; the review gives no figures)
CLASS_TOXICITIES: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "neutropenia": ("palbociclib", "ribociclib", "abemaciclib"),
        "febrile neutropenia": ("palbociclib", "ribociclib", "abemaciclib"),
        "hepatotoxicity": ("ribociclib", "abemaciclib"),
        "increased alt": ("ribociclib", "abemaciclib"),
        "ast increased": ("ribociclib", "abemaciclib"),
        # a warning on each label, as rule 12 says for interstitial lung disease on record
        "interstitial lung disease": ("palbociclib", "ribociclib", "abemaciclib"),
        "pneumonitis": ("palbociclib", "ribociclib", "abemaciclib"),
        # ribociclib's label warns of it and stops it for good once one is confirmed (7921e)
        "severe cutaneous adverse reaction": ("ribociclib",),
    }
)


def related_by_class(spec: RegimenSpec, same_class: list[str], groups: set[str]) -> str:
    """The drugs progressed on, and the class they share with the regimen: its own, or the
    related one a drug given alone steps back after (``ALONE_AFTER``)."""
    shared = sorted(groups & set().union(*map(groups_of, same_class)))
    own = set().union(*map(groups_of, spec.drugs))
    if set(shared) <= own:
        return f"{', '.join(same_class)}, of the same class ({', '.join(shared)})"
    why = next(w for g, w in ALONE_AFTER.values() if g in shared)
    pace = (
        "; after a CDK4/6 inhibitor PACE found palbociclib adding nothing to fulvestrant"
        if set(spec.drugs) == AS_FULVESTRANT_AFTER_CDK46I
        else ""
    )
    return f"{', '.join(same_class)}, of a related class ({', '.join(shared)}: {why}{pace})"


#: the lung events each CDK4/6 inhibitor's label warns of (``CLASS_TOXICITIES``)
LUNG_EVENTS = frozenset({"pneumonitis", "interstitial lung disease"})


#: a rechallenge after pneumonitis or ILD on the same CDK4/6 inhibitor (recheck of case 535)
LUNG_RECHALLENGE = (
    ": its label stops it for good after a severe pneumonitis (grade 3 or worse), and a dose "
    "reduction is for a persistent grade 2 only (not in the review): ask how severe it was and "
    "whether it resolved before giving it again."
)
#: ... and after any other adverse event
RECHALLENGE = (
    ": a rechallenge needs the earlier adverse event weighed (dose reduction or another CDK4/6 "
    "inhibitor)."
)


def endocrine_trial(spec: RegimenSpec) -> bool:
    """Enrolment in a trial whose regimen holds an endocrine drug: what rules 40 and 87 say of
    an endocrine-based regimen, they say of it (cases 882, 891)."""
    return kinds.is_trial(spec) and kinds.has_endocrine_drug(spec)


def endocrine_based_or_trial(spec: RegimenSpec) -> bool:
    """Endocrine-based regimens and trials (``endocrine_trial``)."""
    return kinds.is_endocrine_based(spec) or endocrine_trial(spec)


def endocrine_cytotoxic_or_trial(spec: RegimenSpec) -> bool:
    """Endocrine-based regimens, chemotherapy and ADCs, and trials of an endocrine drug."""
    return kinds.is_endocrine_or_cytotoxic(spec) or endocrine_trial(spec)
