"""The orders a reason states, kept by the ranking (``follows``)."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st

from resistx.model.regimen import RegimenSpec
from resistx.sequencing import follows
from resistx.sequencing.policy import get

RULES = Path(follows.__file__).parent / "rules"
_TABLE = get("practice-2026").regimens(get("practice-2026").default_evidence())


@attrs.frozen
class _Row:
    spec: RegimenSpec
    after: tuple[str, ...] = ()
    hard: tuple[object, ...] = (False,)
    approved: bool = True
    before: tuple[str, ...] = ()
    band: object = 4


def _ids(rows: list[_Row]) -> list[str]:
    return [r.spec.id for r in rows]


def test_every_kind_a_rule_says_its_option_follows_is_one_the_ranking_knows() -> None:
    """A misspelt kind would raise only in the plan that first meets it, and a kind no rule
    names is dead. The kinds are named as ``after=``, ``before=`` or in rule 28's ``follows``."""
    named = {
        m.group(1)
        for path in RULES.glob("*.py")
        for m in re.finditer(
            r'\b(?:after|before|follows) ?= ?(?:"" if \w+ else )?"([a-z0-9_]+)"',
            path.read_text("utf-8"),
        )
    }
    assert named == set(follows.KINDS), named ^ set(follows.KINDS)


def test_options_said_to_follow_one_move_after_it_in_their_order() -> None:
    serd = [
        _Row(_TABLE[rid], after=("pi3k_or_akt_inhibitor",))
        for rid in ("elacestrant", "vepdegestrant")
    ]
    chemo, capi = _Row(_TABLE["chemotherapy"]), _Row(_TABLE["capivasertib+fulvestrant"])
    placed = follows.kept_in_order([chemo, *serd, capi, _Row(_TABLE["fulvestrant"])])
    assert _ids(placed) == [
        "chemotherapy",
        "capivasertib+fulvestrant",
        "elacestrant",
        "vepdegestrant",
        "fulvestrant",
    ]


def test_an_option_never_moves_past_another_hard_precedence_or_a_trial() -> None:
    """A hard precedence (waiting on a test, say) comes before the order a reason states, and
    an investigational option is not the approved one a reason means."""
    serd = _Row(_TABLE["elacestrant"], after=("pi3k_or_akt_inhibitor",))
    waiting = _Row(_TABLE["capivasertib+fulvestrant"], hard=(True,))
    trial = _Row(_TABLE["alpelisib+fulvestrant"], approved=False)
    assert _ids(follows.kept_in_order([serd, waiting, trial])) == _ids([serd, waiting, trial])
    above = _Row(_TABLE["capivasertib+fulvestrant"])
    assert _ids(follows.kept_in_order([above, serd])) == _ids([above, serd])


def test_an_option_one_of_whose_kind_ranks_above_it_already_stays() -> None:
    """'After the PI3K/AKT-pathway inhibitor' holds once one such inhibitor ranks above: the
    oral SERD is not moved after a second one below it."""
    capi = _Row(_TABLE["capivasertib+fulvestrant"])
    serd = _Row(_TABLE["elacestrant"], after=("pi3k_or_akt_inhibitor",))
    alpelisib = _Row(_TABLE["alpelisib+fulvestrant"])
    assert _ids(follows.kept_in_order([capi, serd, alpelisib])) == _ids([capi, serd, alpelisib])


def test_each_kind_an_option_follows_is_kept_on_its_own() -> None:
    """9801: sacituzumab govitecan comes after olaparib (rule 49) and after chemotherapy (rule
    4); olaparib above it kept it above chemotherapy all the same. Each kind is read on its own,
    and a row moved after its kind is moved again where another's move put that kind below it
    (chemotherapy after olaparib)."""
    olaparib, chemo = _Row(_TABLE["olaparib"]), _Row(_TABLE["chemotherapy"])
    sg = _Row(_TABLE["sacituzumab-govitecan"], after=("olaparib", "chemotherapy"))
    assert _ids(follows.kept_in_order([olaparib, sg, chemo])) == _ids([olaparib, chemo, sg])
    chemo = _Row(_TABLE["chemotherapy"], after=("olaparib",))
    sg = _Row(_TABLE["sacituzumab-govitecan"], after=("chemotherapy",))
    assert _ids(follows.kept_in_order([chemo, sg, olaparib])) == _ids([olaparib, chemo, sg])


def test_an_option_said_to_come_before_one_moves_above_it_within_its_band_only() -> None:
    """Rule 58: trastuzumab deruxtecan is not below chemotherapy (case 1316; 9725). Moving up
    never pulls the options it passes down a tier: across bands it stays."""
    chemo, fulv = _Row(_TABLE["chemotherapy"]), _Row(_TABLE["fulvestrant"])
    tdxd = _Row(_TABLE["trastuzumab-deruxtecan"], before=("chemotherapy",))
    assert _ids(follows.kept_in_order([fulv, chemo, tdxd])) == _ids([fulv, tdxd, chemo])
    better = _Row(_TABLE["chemotherapy"], band=2)
    assert _ids(follows.kept_in_order([better, tdxd])) == _ids([better, tdxd])
    waiting = _Row(_TABLE["chemotherapy"], hard=(True,))
    assert _ids(follows.kept_in_order([waiting, tdxd])) == _ids([waiting, tdxd])


_SPECS = [
    _TABLE[rid]
    for rid in (
        "chemotherapy",
        "sacituzumab-govitecan",
        "olaparib",
        "capivasertib+fulvestrant",
        "alpelisib+fulvestrant",
        "elacestrant",
        "fulvestrant",
        "trastuzumab-deruxtecan",
    )
]


#: the orders the rules state, by who states them: no cycle (an oral SERD after the pathway
#: inhibitor, chemotherapy after olaparib)
_STATES = {
    "elacestrant": ("pi3k_or_akt_inhibitor",),
    "chemotherapy": ("olaparib",),
    "sacituzumab-govitecan": ("olaparib", "chemotherapy"),  # rules 49 and 4 (9801)
}


def _row(spec: RegimenSpec, states: bool, hard: tuple[object, ...], approved: bool) -> _Row:
    return _Row(
        spec, after=_STATES.get(spec.id, ()) if states else (), hard=hard, approved=approved
    )


_rows = st.lists(
    st.builds(
        _row,
        st.sampled_from(_SPECS),
        st.booleans(),
        st.sampled_from([(False,), (True,)]),
        st.booleans(),
    ),
    max_size=12,
)


@given(_rows)
def test_a_stated_after_is_kept_wherever_it_can_be_and_nothing_is_lost(rows: list[_Row]) -> None:
    """The step reorders only: every row stays, rows stating nothing keep their order among
    themselves, and a row that comes 'after' a kind has one ranked above it wherever an
    approved one under the same hard orderings was below it."""
    placed = follows.kept_in_order(rows)
    assert sorted(map(id, placed)) == sorted(map(id, rows))
    still = [r for r in rows if not r.after]
    assert [r for r in placed if not r.after] == still
    for row in (r for r in rows if r.after):
        i = rows.index(row)
        for kind in map(follows.KINDS.__getitem__, row.after):  # each kind on its own (9801)
            was_below = any(
                r.approved and r.hard == row.hard and kind(r.spec) for r in rows[i + 1 :]
            )
            if was_below:
                j = placed.index(row)
                assert any(r.approved and kind(r.spec) for r in placed[:j]), row
