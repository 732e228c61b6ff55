"""The slots of memoised texts: a place that each plan fills with its own patient's words
(``slots``), so that a text can be shared by every patient it says the same of."""

from __future__ import annotations

SLOT = "\ue000"  # a private-use character: no clinical text holds it

#: the slot of the months on the CDK4/6 inhibitor (rule 18's text)
CDK46I_MONTHS = "CDK4/6i months"
ESR1_BEFORE = "ESR1 before"  #: the slot of an ESR1 mutation a later test missed (rule 60)


def slot(name: str) -> str:
    """A place in a memoised text that each plan fills with its patient's own words: a keyed
    finding's ``describe`` (named by its gene), the months on the CDK4/6 inhibitor."""
    return f"{SLOT}{name}{SLOT}"
