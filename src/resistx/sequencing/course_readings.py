"""Readings of the course history the molecular Inputs take whole (``build_inputs``): the time
on a CDK4/6 inhibitor, and whether anything is on record (rules 6, 18, 31, 39)."""

from __future__ import annotations

from typing import TypedDict

from resistx.sequencing.facts import Facts


class Months(TypedDict):
    long_cdk46i: bool
    short_cdk46i: bool
    cdk46i_under_12_months: bool


class FirstLine(TypedDict):
    untreated: bool
    early_adjuvant_relapse: bool


def cdk46i_months(facts: Facts) -> Months:
    """The molecular Inputs' readings of the time on a CDK4/6 inhibitor."""
    return {
        "long_cdk46i": facts.long_cdk46i,
        "short_cdk46i": facts.short_cdk46i,
        "cdk46i_under_12_months": facts.metastatic_cdk46i_months is not None
        and not facts.long_cdk46i,
    }


def first_line(facts: Facts) -> FirstLine:
    """Nothing on record (rules 31, 39), and INAVO120's population (rule 31)."""
    return {
        "untreated": not facts.profile.treatments,
        "early_adjuvant_relapse": facts.early_adjuvant_endocrine_relapse,
    }


def missing_lines(facts: Facts) -> list[int]:
    """The metastatic line numbers below the highest recorded that no course has (case 2599c:
    lines 1 and 3 on record, no line 2): rules 138 and 140."""
    numbered = {t.line for t in facts.metastatic if t.line is not None}
    return sorted(set(range(1, max(numbered, default=1))) - numbered)
