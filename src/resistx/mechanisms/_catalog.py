"""The resistance-mechanism catalog, read once from the bundled data file."""

from __future__ import annotations

import functools
import json

from resistx import _data, _serde
from resistx._errors import EvidenceError
from resistx.io.profile import ProfileSource, load_profile
from resistx.model.enums import BiomarkerStatus
from resistx.model.mechanism import ResistanceMechanism

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
    """The mechanisms that a profile's findings point to, in catalog order: each gene's results
    read as a plan reads them (a VUS or a (likely) benign variant is no finding; a later
    negative does not erase an earlier stable alteration: ``sequencing.findings``).

    ``profile`` is a ``Profile`` or anything ``load_profile`` reads.
    """
    # the engine's reading of the results (imported here: the engine imports this module)
    from resistx.model.profile import Preferences  # noqa: PLC0415
    from resistx.sequencing.patient import findings_of, for_progression  # noqa: PLC0415

    return mechanisms_of(findings_of(for_progression(load_profile(profile), Preferences())))


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
