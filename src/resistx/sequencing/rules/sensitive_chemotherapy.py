"""Rule 32's reasons for chemotherapy: after the endocrine-based lines of endocrine-sensitive
disease, the target's where one is found (practice-2026); and what its chemotherapy and ADCs
say after progression on fulvestrant (``LEFT_AFTER_FULVESTRANT``)."""

from __future__ import annotations

from resistx.model.regimen import RegimenSpec
from resistx.sequencing.rule import Effect
from resistx.sequencing.weights import Weights


def chemotherapy_later(
    none: str, evidence: str, spec: RegimenSpec, w: Weights, after_fulvestrant: bool
) -> Effect:
    """With no target (``none`` says what is missing): an endocrine-based line before it; after
    progression on fulvestrant the lines left are placed by their own labels (9669)."""
    return Effect(
        code="endocrine_sensitive_chemotherapy_later",
        delta=w.endocrine_sensitive_cytotoxic,
        text=f"Endocrine-sensitive disease with {none}: "
        + (
            LEFT_AFTER_FULVESTRANT.format("chemotherapy")
            if after_fulvestrant
            else f"an endocrine-based line comes before chemotherapy{evidence}."
        ),
        trials=(*spec.key_trials, "postMONARCH"),
    )


#: rule 32 after progression on fulvestrant: postMONARCH's regimen and fulvestrant alone are
#: closed, and the endocrine lines left may be later options by their labels (rules 94, 96):
#: the reason claims no order the plan may not keep (9669)
LEFT_AFTER_FULVESTRANT = (
    "another endocrine-based line may come first, though after progression on fulvestrant, "
    "postMONARCH's partner, the endocrine lines left are placed by their own labels and "
    "trials, with no order between them and {}."
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
