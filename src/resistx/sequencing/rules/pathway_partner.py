"""A PI3K or AKT inhibitor given with fulvestrant after progression on fulvestrant (rule 109),
and what that means for rule 15's tissue check of the pathway (case 969 and its recheck)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, rule
from resistx.vocab.drugs import drug_class

_TRIALS = ("SOLAR-1", "CAPItello-291", "BYLieve")


def _with_fulvestrant(spec: RegimenSpec) -> bool:
    """A PI3K or AKT inhibitor with fulvestrant."""
    return kinds.has_pi3k_or_akt_inhibitor(spec) and "fulvestrant" in spec.drugs


# rule 109: a PI3K or AKT inhibitor with fulvestrant after progression on fulvestrant
@rule(
    109,
    "A PI3K or AKT inhibitor with fulvestrant after progression on fulvestrant",
    Factor.HISTORY,
    condition="Progression on fulvestrant (alone or as a partner) for metastatic disease, and "
    "a regimen that gives a PI3K or AKT inhibitor with fulvestrant, outside a trial's "
    "enrolment.",
    effect="At best an alternative (never preferred), with no step of its own (rule 11 steps "
    "the regimen back for fulvestrant given again): SOLAR-1 and CAPItello-291 enrolled "
    "patients who had not had fulvestrant, and BYLieve gave alpelisib with letrozole after a "
    "CDK4/6 inhibitor with fulvestrant (their reports; not in the review), so no trial gave "
    "the combination after progression on its partner and the regimen rests on its inhibitor "
    "(the recheck of case 967: a tissue PIK3CA mutation made both preferred candidates).",
    codes=("pathway_inhibitor_after_fulvestrant",),
    trials=_TRIALS,
    regimens=_with_fulvestrant,
)
def pathway_inhibitor_after_fulvestrant(
    i: HistoryInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if "fulvestrant" not in i.progressed_drugs or not _with_fulvestrant(spec):
        return
    if kinds.is_trial(spec):  # its own entry is the trial's to say
        return
    yield Effect(
        code="pathway_inhibitor_after_fulvestrant",
        ceiling=1,
        text="Progressed on fulvestrant, this regimen's partner: SOLAR-1 and CAPItello-291 "
        "enrolled patients who had not had fulvestrant, and BYLieve gave alpelisib with "
        "letrozole after a CDK4/6 inhibitor with fulvestrant (their reports; not in the "
        "review): no trial gave it after progression on its partner, and it rests on its "
        "inhibitor; at best an alternative.",
        trials=_TRIALS,
    )


def partner_progressed(ctx: Context, facts: Facts) -> tuple[str, bool]:
    """The drug every PI3K- or AKT-inhibitor regimen of the policy gives beside its inhibitor
    and the disease progressed on (fulvestrant), or "", and whether the options turn to
    chemotherapy for a short CDK4/6-inhibitor course all the same (rule 18), so that a
    pathway finding, at best an alternative (rule 109), leaves the choice as it is (case 969).
    Not for endocrine resistance (rule 22): a target found lifts its drug above chemotherapy
    there (the second recheck of case 967)."""
    partner = min(ctx.call(_shared_partners) & facts.progressed_drugs, default="")
    return partner, bool(partner) and facts.short_cdk46i


def _shared_partners(ctx: Context) -> frozenset[str]:
    """The drugs every PI3K- or AKT-inhibitor regimen of the policy gives beside its inhibitor,
    once per (policy, evidence)."""
    shared: set[str] | None = None
    for spec in ctx.regimens.values():
        if kinds.has_pi3k_or_akt_inhibitor(spec):
            drugs = {d for d in spec.drugs if drug_class(d) not in kinds.PI3K_OR_AKT}
            shared = drugs if shared is None else shared & drugs
    return frozenset(shared or ())
