"""The practice-2026 rules on the history factor (35): a newer trial's population that the
treatment history puts a patient outside of."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, rule

H = Factor.HISTORY


# rule 35: vePDEGESTRANT after fulvestrant or chemotherapy: outside VERITAC-2
@rule(
    35,
    "Vepdegestrant after fulvestrant or chemotherapy: outside VERITAC-2",
    H,
    condition="Fulvestrant progressed on, or chemotherapy, for metastatic disease (VERITAC-2 "
    "enrolled neither: update-2026.md section 3).",
    effect="Vepdegestrant is at best an alternative, and its reason says why.",
    codes=("outside_veritac2_population",),
    trials=("VERITAC-2",),
    regimens=lambda spec: spec.id == "vepdegestrant",
)
def veritac2_population(i: HistoryInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if spec.id != "vepdegestrant":
        return
    had = [
        what
        for what, given in (
            ("fulvestrant", "fulvestrant" in i.progressed_drugs),
            ("chemotherapy for metastatic disease", i.chemo_lines > 0),
        )
        if given
    ]
    if had:
        yield Effect(
            code="outside_veritac2_population",
            ceiling=1,
            text=f"After {' and '.join(had)}: VERITAC-2 enrolled no one who had had fulvestrant "
            "or chemotherapy for advanced disease, so its result may not hold here; at best an "
            "alternative.",
            trials=("VERITAC-2",),
        )
