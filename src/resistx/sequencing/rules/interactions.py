"""Rule 115: a strong CYP3A inhibitor or inducer among the patient's medications puts each drug
whose US label advises against giving it with one after the options without that interaction
(case 1210: itraconazole that could not stop, and ribociclib first)."""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, Precedence, rule

_AVOID = "advises against giving it with one, and lowers its dose where that cannot be avoided"
_AVOID_INDUCER = "advises against giving it with one (its exposure falls)"
#: what each drug's US label says of a strong CYP3A inhibitor (not in the review)
WITH_AN_INHIBITOR: MappingProxyType[str, str] = MappingProxyType(
    {
        "palbociclib": _AVOID,
        "ribociclib": f"{_AVOID} (its exposure and its QT prolongation rise)",
        "abemaciclib": "advises against ketoconazole and lowers its dose with another strong "
        "inhibitor",
        "everolimus": "advises against giving it with one",
        "capivasertib": _AVOID,
        "elacestrant": f"{_AVOID} (a moderate inhibitor too)",
        "olaparib": f"{_AVOID} (a moderate inhibitor too)",
    }
)
#: ... and of a strong CYP3A inducer
WITH_AN_INDUCER: MappingProxyType[str, str] = MappingProxyType(
    dict.fromkeys(
        (*WITH_AN_INHIBITOR, "alpelisib"),
        _AVOID_INDUCER,
    )
)
_LABELS = {"inhibitor": WITH_AN_INHIBITOR, "inducer": WITH_AN_INDUCER}


def _interacts(spec: RegimenSpec) -> bool:
    """A regimen with a drug whose label speaks of a strong CYP3A inhibitor or inducer."""
    return any(d in WITH_AN_INDUCER for d in spec.drugs)


# rule 115: a strong CYP3A inhibitor or inducer on record: the drugs it interacts with later
@rule(
    115,
    "A strong CYP3A inhibitor or inducer on record: the drugs it interacts with later",
    Factor.BALANCE,
    condition="A strong CYP3A inhibitor (itraconazole, ketoconazole, posaconazole, "
    "voriconazole, clarithromycin, ritonavir and the like) or inducer (rifampicin, "
    "carbamazepine, phenytoin, St John's wort, enzalutamide and the like) among the "
    "medications, and a regimen with a drug whose US label advises against giving it with one "
    "(the CDK4/6 inhibitors, everolimus, capivasertib, elacestrant, olaparib; alpelisib with an "
    "inducer).",
    effect="A caution naming both and what the label says; a relative contraindication: at "
    "best a later option, after every option without such an interaction, unless the other "
    "medication can be changed (the labels; not in the review; case 1210).",
    codes=("cyp3a_interaction", "cyp3a_interaction_later"),
    regimens=_interacts,
)
def cyp3a(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    found = [
        (medication, role, drug, _LABELS[role][drug])
        for medication, role in i.strong_cyp3a
        for drug in spec.drugs
        if drug in _LABELS[role]
    ]
    for medication, role, drug, said in found:
        yield Effect(
            code="cyp3a_interaction",
            caution=True,
            text=f"{medication.capitalize()} on record, a strong CYP3A {role}: {drug}'s US label "
            f"{said} (not in the review).",
        )
    if found:
        medication, role, drug, _said = found[0]
        yield Effect(
            code="cyp3a_interaction_later",
            ceiling=2,
            demote=Precedence.RELATIVE_CONTRAINDICATION,
            text=f"{medication.capitalize()} on record, a strong CYP3A {role}: a relative "
            f"contraindication to {drug}: at best a later option, after every option without "
            f"such an interaction, unless {medication} can be changed.",
            trials=spec.key_trials,
        )
