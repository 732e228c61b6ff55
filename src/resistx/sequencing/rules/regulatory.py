"""Rule 24: a regimen the table marks investigational in this setting is given within a
clinical trial, its regulatory status said as the evidence records it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import EfficacyInputs
from resistx.sequencing.rule import Context, Effect, rule


# rule 24: investigational regimens: within a clinical trial
@rule(
    24,
    "Investigational regimens: within a clinical trial",
    Factor.EFFICACY,
    condition="The regimen table marks the regimen investigational in this setting (no approval "
    "the source names: camizestrant, giredestrant, amcenestrant, venetoclax, the ribociclib "
    "triplet, trial enrolment).",
    effect="Tier trial; never ranked above an approved option of the same merit band.",
    codes=("investigational",),
    regimens=kinds.is_investigational,
)
def investigational(_i: EfficacyInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if spec.regulatory.investigational:
        source = spec.regulatory.source.rstrip(".")
        # dated events as the evidence records them, not by the plan's date (case 4637a)
        dated = "; dated as the evidence records them, which may be after this plan's date"
        yield Effect(
            code="investigational",
            text=f"Investigational after a CDK4/6 inhibitor ({source}"
            f"{dated * bool(_DATE.search(source))}): within a clinical trial.",
            trials=spec.key_trials,
        )


_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
