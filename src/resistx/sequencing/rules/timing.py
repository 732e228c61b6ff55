"""When a test asked for comes: before choosing, or for the next line (rules 15, 26)."""

from __future__ import annotations

from resistx.sequencing.facts import Facts


def before_choosing(facts: Facts, *, endocrine: bool = False) -> bool:
    """A test comes before choosing, except in a visceral crisis (chemotherapy answers it now,
    rule 7) or, for a test that opens endocrine-based options (``endocrine``), before any
    endocrine therapy (case 475: they come after it, rules 69, 70)."""
    return not facts.profile.visceral_crisis and not (endocrine and facts.endocrine_naive)


def for_next_line(facts: Facts, *, endocrine: bool = False) -> str:
    """What a test's text adds where it does not come before choosing."""
    if facts.profile.visceral_crisis:
        return " For the next line: chemotherapy for the visceral crisis does not wait for it."
    if endocrine and facts.endocrine_naive:
        return " No endocrine therapy is on record: the next line is the one after it."
    return ""
