"""Rule 61's readings across a class, where the regimen's own drugs were not stopped: the
PI3K-AKT-mTOR pathway's hyperglycaemia and skin reactions (``rechallenge``), a PARP
inhibitor's cytopenia (8304), and a chemotherapy agent stopped for its toxicity (8305)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Effect
from resistx.sequencing.rules.rechallenge import (
    class_hyperglycaemia,
    class_skin_reaction,
    event_before,
    not_stopped,
)
from resistx.vocab.drugs import drug_class

#: the cytopenias both PARP inhibitors' US labels warn of (myelosuppression)
_CYTOPENIAS = frozenset({"anemia", "neutropenia", "thrombocytopenia"})


def class_readings(i: HistoryInputs, spec: RegimenSpec, delta: float) -> Iterator[Effect]:
    """Rule 61 for a regimen none of whose drugs was stopped: what another drug's stop says."""
    yield from class_hyperglycaemia(i, spec, delta)
    yield from class_skin_reaction(i, spec, delta)
    yield from _parp_cytopenia(i, spec)
    yield from _chemotherapy_agent(i, spec)


def _parp_cytopenia(i: HistoryInputs, spec: RegimenSpec) -> Iterator[Effect]:
    """After a cytopenia on one PARP inhibitor, another: a caution naming it (8304, 8322)."""
    if kinds.has_class(spec, DrugClass.PARP_INHIBITOR) and (
        before := _before(i, DrugClass.PARP_INHIBITOR, _CYTOPENIAS)
    ):
        yield Effect(
            code="parp_inhibitor_after_cytopenia",
            caution=True,
            text=f"{before}: {spec.name}'s US label warns of myelosuppression, anaemia most "
            "(not in the review): blood counts before starting and monthly, and a reduced dose "
            "weighed.",
        )


def _chemotherapy_agent(i: HistoryInputs, spec: RegimenSpec) -> Iterator[Effect]:
    """Chemotherapy after an agent stopped for its toxicity: a caution naming it (8305); the
    option stays, another agent or a reduced dose being the clinician's choice."""
    if kinds.is_chemotherapy(spec) and (before := _before(i, DrugClass.CHEMOTHERAPY)):
        yield Effect(
            code="stopped_for_toxicity_before",
            caution=True,
            text=f"{before}: another agent, or the same at its label's reduced dose, weighed "
            "against that history.",
        )


def _before(i: HistoryInputs, of: DrugClass, events: frozenset[str] | None = None) -> str:
    """'Stopped before for an adverse event (capecitabine for ...)' of the drugs of class
    ``of`` stopped for one of ``events`` (any, where None), or ''."""
    stops = sorted(
        (d, e)
        for d, e in i.other_toxicity_stops
        if drug_class(d) is of and (events is None or e in events)
    )
    said = "; ".join(f"{d} for {e}" for d, e in stops)
    return event_before(said, not_stopped(stops, i.toxicity_arose)) if stops else ""
