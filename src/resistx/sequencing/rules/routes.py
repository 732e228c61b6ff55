"""Factor 4, the patient's own weighing: a route of administration she or he declines (rule
110; case 1000)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import ExclusionCode, Factor, Route
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, left_out, rule

B = Factor.BALANCE
#: how a regimen is given, by route
_GIVEN = {
    Route.ORAL: "by mouth",
    Route.INTRAMUSCULAR: "by intramuscular injection",
    Route.INTRAVENOUS: "intravenously",
}


def _routes_known(spec: RegimenSpec) -> bool:
    """A route of the regimen is known (the table's, or for a trial its drugs')."""
    return bool(spec.routes)


# rule 110: a route the patient declines
@rule(
    110,
    "A route of administration the patient declines: left out",
    B,
    condition="The preferences name a route the patient declines (declines: intravenous, "
    "intramuscular or oral), and the regimen is given by it: a combination by any of its "
    "parts' routes; chemotherapy, whose agents are given by vein or by mouth, only when every "
    "route of them is declined (case 1000).",
    effect="Left out (declined), the reason naming the route and how the regimen is given, so "
    "that the choice can be revisited with the patient; chemotherapy with agents left by "
    "another route: said, and ranked as before. The review's fourth factor weighs the burden of "
    "treatment and the patient's wishes; a refused route is the plainest case of them. A "
    "trial option's routes are those its drugs are known to be given by (their class: case "
    "1181); a regimen with no route known is not judged.",
    codes=("declined", "declined_route_other_agents"),
    regimens=_routes_known,
)
def declined_route(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    declined = [r.value for r in spec.routes if r in i.declines]
    if not declined:
        return
    refused = f"The patient declines {' and '.join(declined)} treatment (the preferences)"
    left = [r.value for r in spec.routes if r not in i.declines]
    if kinds.is_chemotherapy(spec) and left:
        yield Effect(
            code="declined_route_other_agents",
            text=f"{refused}: chemotherapy by its {' and '.join(left)} agents only.",
        )
        return
    *first, last = [_GIVEN[r] for r in spec.routes]
    given = f"{', '.join(first)} and {last}" if first else last
    yield left_out(
        ExclusionCode.DECLINED,
        f"{refused}: {spec.name} is given {given}; left out, to be revisited with the patient "
        "if that changes.",
    )
