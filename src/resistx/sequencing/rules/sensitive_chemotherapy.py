"""Rule 32's reasons for chemotherapy: after the endocrine-based lines of endocrine-sensitive
disease, the target's where one is found (practice-2026)."""

from __future__ import annotations

from resistx.model.regimen import RegimenSpec
from resistx.sequencing.rule import Effect


def chemotherapy_later(none: str, evidence: str, spec: RegimenSpec, delta: float) -> Effect:
    """With no target (``none`` says what is missing): after an endocrine-based line, as its
    reason says (9669: the scores put it above every endocrine line left)."""
    return Effect(
        code="endocrine_sensitive_chemotherapy_later",
        delta=delta,
        after="endocrine_line",
        text=f"Endocrine-sensitive disease with {none}: an endocrine-based line comes "
        f"before chemotherapy{evidence}.",
        trials=(*spec.key_trials, "postMONARCH"),
    )


def chemotherapy_after_target(sensitive: str, delta: float) -> Effect:
    """Beside an ESR1 or PI3K-pathway target (case 1450); ``sensitive``: why the disease is
    read as endocrine-sensitive."""
    return Effect(
        code="endocrine_sensitive_chemotherapy_later",
        delta=delta,
        text=f"Endocrine-sensitive disease ({sensitive}, no visceral "
        "crisis on record) with an ESR1 or PI3K-pathway target: chemotherapy steps back behind "
        "the drugs for it (postMONARCH's population kept an endocrine-based line before it).",
        trials=("postMONARCH",),
    )
