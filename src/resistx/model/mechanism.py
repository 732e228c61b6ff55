"""A mechanism of resistance to CDK4/6 inhibitors (review Figure 1 and text)."""

from __future__ import annotations

import attrs

from resistx.model.enums import Alteration, BiomarkerStatus, MechanismCategory


@attrs.frozen(kw_only=True)
class ResistanceMechanism:
    """What drives resistance, which genes show it, and what targets it.

    ``evidence_statuses`` are the biomarker statuses of ``genes`` in a patient's
    results that point to this mechanism (e.g. CCNE1 ``amplified``).
    """

    key: str
    name: str
    category: MechanismCategory
    genes: tuple[str, ...]
    alteration: Alteration
    evidence_statuses: tuple[BiomarkerStatus, ...] = ()
    strategies: tuple[str, ...] = ()
    trials: tuple[str, ...] = ()
    references: tuple[int, ...] = ()  # empty where the review cites none (immune mechanisms)
    description: str = ""
