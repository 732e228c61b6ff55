"""What the text, Markdown and HTML views of a plan share: the one-line why of an option."""

from __future__ import annotations

from resistx.model.enums import Factor
from resistx.model.plan import Option


def efficacy_text(option: Option) -> str:
    return next((r.text for r in option.reasons if r.factor is Factor.EFFICACY), "")


def why(option: Option) -> str:
    """The reason that moved the option most: molecular or history, else the efficacy."""
    moved = {Factor.MOLECULAR: option.scores.molecular, Factor.HISTORY: option.scores.history}
    factor = max(moved, key=lambda f: (abs(moved[f]), f is Factor.MOLECULAR))
    if moved[factor] == 0:
        factor = Factor.EFFICACY
    return next(r.text for r in option.reasons if r.factor is factor)
