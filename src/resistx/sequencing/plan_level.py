"""The plan-level rules: what a plan says before choosing (actions, the ones that change what
could be preferred first) and its notes, each naming its rule."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

import attrs

from resistx.model.enums import RegimenKind
from resistx.model.plan import Action
from resistx.sequencing.facts import Facts
from resistx.sequencing.rule import Context, Rule
from resistx.sequencing.rules import timing


def plan_level(
    rules: tuple[Rule, ...],
    facts: Facts,
    ctx: Context,
    ranked: tuple[AbstractSet[RegimenKind | None], AbstractSet[str]],
) -> tuple[tuple[Action, ...], tuple[str, ...]]:
    """The actions and notes of the plan-level rules; ``ranked``: the kinds of regimen and the
    regimens the plan ranks (what an effect about some of them only is said for)."""
    kinds, ids = ranked
    first: list[Action] = []
    later: list[Action] = []
    said: list[str] = []
    for r in rules:
        if r.plan is None:
            continue
        for e in r.plan(facts, ctx):
            if (e.kinds and not e.kinds & kinds) or (e.regimens and not e.regimens & ids):
                continue  # about options the plan does not hold (the ADC question, session 57)
            if e.note:  # a plan's notes are text: the rule is named in it
                said.append(f"{e.text} (rule {r.number})")
            else:
                (first if e.first else later).append(
                    Action(
                        code=e.code,
                        text=e.text,
                        genes=e.genes,
                        rule=r.number,
                        before_choosing=e.first,
                    )
                )
    return (*first, *later), tuple(said)


#: tests whose answer may not change what is preferred once something is, but does while
#: nothing is preferred yet: then they come before choosing too (cases 5238, 5239: the printed
#: plan said so and the plan's data did not), each with what it opens (``timing``: endocrine-
#: based options, drugs by mouth), which may be for a later line all the same
TESTS_WHEN_NOTHING_PREFERRED = {
    "test_hrd_genes": {"oral": True, "parp": True},  # a PARP inhibitor (declined: 8215)
    "test_somatic_brca": {"oral": True, "parp": True},
    "test_germline": {"oral": True, "parp": True},
    "confirm_pathway_tissue": {"endocrine": True, "oral": True},  # a PI3K or AKT inhibitor
    "reread_her2_ultralow_after_chemotherapy": {},  # rule 79: an alternative at best (551)
}


def nothing_preferred_yet(
    actions: tuple[Action, ...], plan_notes: tuple[str, ...], facts: Facts
) -> tuple[tuple[Action, ...], tuple[str, ...]]:
    """The actions and notes of a plan with options, none preferred: the tests that could
    still make an option so come before choosing too, unless what they open is for a later
    line (a visceral crisis, no endocrine therapy yet, ER-low disease, drugs by mouth declined:
    ``timing``); those before choosing first. With none to ask first, a note says what
    'nothing preferred' means (9646)."""
    marked = [
        attrs.evolve(a, before_choosing=True)
        if not a.before_choosing
        and (opens := TESTS_WHEN_NOTHING_PREFERRED.get(a.code)) is not None
        and timing.before_choosing(facts, **opens)
        else a
        for a in actions
    ]
    first = tuple(a for a in marked if a.before_choosing)
    if not first:
        plan_notes = (*plan_notes, NOTHING_PREFERRED)
    return (*first, *(a for a in marked if not a.before_choosing)), plan_notes


#: a plan's note where no option is preferred and no test is asked before choosing (9646)
NOTHING_PREFERRED = (
    "Nothing is preferred: for this patient no option reaches the merit of a preferred "
    "option (docs/ranking.md, the order). The first options are alternatives or "
    "later options, ranked by that merit, then by toxicity and cost, and the choice among them "
    "is the clinician's."
)
