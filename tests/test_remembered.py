"""``remembered``: a plan asks several questions of one patient's facts more than once; the
answer is kept for the last facts asked about, by identity, and never given for other facts."""

from __future__ import annotations

from resistx.sequencing.once import remembered, remembered_each


class _Facts:
    """Stands in for a patient's facts: equal by value, told apart by identity."""

    def __init__(self, value: int) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Facts) and other.value == self.value

    def __hash__(self) -> int:
        return hash(self.value)


def test_an_answer_is_kept_for_the_last_facts_only_and_by_identity() -> None:
    asked: list[int] = []

    @remembered
    def double(f: _Facts) -> int:
        asked.append(f.value)
        return 2 * f.value

    one, other, equal = _Facts(1), _Facts(2), _Facts(1)
    assert [double(one), double(one)] == [2, 2]
    assert asked == [1]
    assert double(other) == 4
    assert double(one) == 2  # one entry: asked again after another patient's facts
    assert double(equal) == 2  # equal but another object: asked again, never assumed
    assert asked == [1, 2, 1, 1]
    assert double.__name__ == "double"


def test_answers_by_a_second_argument_are_kept_for_the_last_facts() -> None:
    asked: list[tuple[int, str]] = []

    @remembered_each
    def tested(f: _Facts, gene: str) -> str:
        asked.append((f.value, gene))
        return f"{gene}{f.value}"

    one, other = _Facts(1), _Facts(2)
    assert [tested(one, "ESR1"), tested(one, "PIK3CA"), tested(one, "ESR1")] == [
        "ESR11",
        "PIK3CA1",
        "ESR11",
    ]
    assert asked == [(1, "ESR1"), (1, "PIK3CA")]
    assert tested(other, "ESR1") == "ESR12"
    assert tested(one, "ESR1") == "ESR11"
    assert asked == [(1, "ESR1"), (1, "PIK3CA"), (2, "ESR1"), (1, "ESR1")]
