"""The resistance-mechanism catalog, read once from the bundled data file."""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping

from resistx import _data, _serde
from resistx._errors import EvidenceError
from resistx.io.profile import ProfileSource, load_profile
from resistx.model.enums import BiomarkerStatus
from resistx.model.mechanism import ResistanceMechanism
from resistx.model.profile import BiomarkerResult

BUNDLED = "mechanisms.json"


@functools.cache
def catalog() -> tuple[ResistanceMechanism, ...]:
    """Every mechanism of the review's Figure 1 and text, in the file's order."""
    origin = f"resistx/mechanisms/data/{BUNDLED}"
    data = json.loads(_data.read_text("resistx.mechanisms", "data", BUNDLED))
    try:
        return _serde.converter.structure(data["mechanisms"], tuple[ResistanceMechanism, ...])
    except _serde.DataProblemsError as e:
        raise EvidenceError(origin, _serde.problems_of(e, "$.mechanisms")) from None


def mechanisms_for(profile: ProfileSource) -> tuple[ResistanceMechanism, ...]:
    """The mechanisms that a profile's latest results point to, in catalog order.

    ``profile`` is a ``Profile`` or anything ``load_profile`` reads.
    """
    return matching_mechanisms(load_profile(profile).latest_results)


def matching_mechanisms(latest: Mapping[str, BiomarkerResult]) -> tuple[ResistanceMechanism, ...]:
    """The mechanisms that latest results per gene point to, in catalog order."""
    return mechanisms_of(frozenset((gene, r.status) for gene, r in latest.items()))


@functools.lru_cache(maxsize=4_096)
def mechanisms_of(
    statuses: frozenset[tuple[str, BiomarkerStatus]],
) -> tuple[ResistanceMechanism, ...]:
    """The mechanisms that (gene, status) pairs point to, in catalog order: a function of the
    statuses alone, so patients with the same ones share it."""
    by_gene = dict(statuses)
    return tuple(
        m for m in catalog() if any(by_gene.get(gene) in m.evidence_statuses for gene in m.genes)
    )


def for_gene(gene: str) -> tuple[ResistanceMechanism, ...]:
    return tuple(m for m in catalog() if gene in m.genes)
