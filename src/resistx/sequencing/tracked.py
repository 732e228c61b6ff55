"""A factor's assessment of one regimen, memoised on the Inputs fields it actually read.

A factor's Inputs hold everything any of its rules may read; the rules that concern one
regimen read a few of those fields, and which ones depends on the values (a rule that finds
no ESR1 mutation reads nothing more). On a miss the rules run over a recorder that notes each
field read and its value; the result is stored under those values. Another patient whose
Inputs hold the same values in those fields would make the rules read exactly the same fields
in the same order (each read depends only on the reads before it) and say exactly the same,
so the stored result is theirs: correct by construction, with no field list to keep by hand.

The same holds for each rule on its own (``Shapes.within``): on a factor's miss, a rule whose
fields hold values it has met before gives its stored effects without running, and its reads
are passed on to the factor's recorder as if it had run (a factor's miss usually differs from
a stored one in a field or two, which most of its rules never read).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

#: results kept per (factor, regimen) or rule; past it, that store starts over
LIMIT = 65_536


class Recorder:
    """Stands in for an Inputs: each attribute read is passed through and written down."""

    __slots__ = ("inputs", "read")

    def __init__(self, inputs: object) -> None:
        self.inputs = inputs
        self.read: dict[str, object] = {}

    def __getattr__(self, name: str) -> object:
        value = getattr(self.inputs, name)
        self.read.setdefault(name, value)
        return value


class _Node(dict[Any, Any]):
    """A field read at this point of a path, and what follows each of its values (the dict's
    own items): another ``_Node`` (the next field read) or the stored result (nothing more was
    read). A dict itself, not an object holding one: a cohort's memo holds hundreds of
    thousands of nodes, and as two objects each they were about half of all the objects the
    garbage collector walks (its full collections took almost twice as long)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class Shapes:
    """The stores of one (factor, regimen), as one tree of the fields its rules read: each
    read depends only on the values read before it, so the values met so far name the next
    field read, and a lookup reads each field of the path once (a list of stores, one per
    set of fields, was walked store by store, about ten a lookup)."""

    __slots__ = ("_root", "_size")

    def __init__(self) -> None:
        self._root: Any = MISSING
        self._size = 0

    def find(self, inputs: object) -> Any:
        """The stored result for these Inputs, or None."""
        node = self._root
        while type(node) is _Node:
            node = node.get(getattr(inputs, node.name), MISSING)
        return None if node is MISSING else node

    def assess(self, inputs: object, run: Callable[[Recorder], T]) -> T:
        """The stored result for these Inputs, or ``run`` over a recorder, stored (a
        factor's result for one regimen, or a factor's column of them)."""
        found: T | None = self.find(inputs)
        if found is not None:
            return found
        recorder = Recorder(inputs)
        result = run(recorder)
        self._keep(recorder.read, result)
        return result

    def within(self, outer: Recorder, run: Callable[[Recorder], Any]) -> Any:
        """One rule's stored effects for the Inputs ``outer`` records, or ``run`` over a
        recorder of its own, stored; either way its reads are written to ``outer`` in the order
        the rule makes them, as if it had run over ``outer`` itself (a path that ends short
        of a stored result is the start of the rule's own reads: it would read the same)."""
        found = self.walk(outer)
        return found if found is not MISSING else self.run_into(outer, run)

    def walk(self, outer: Recorder) -> Any:
        """``within``'s lookup alone: the stored result, or ``MISSING`` (then ``run_into``);
        the path's reads are written to ``outer`` either way. A caller that builds ``run``
        only on a miss saves a closure a call on the hits (most calls)."""
        inputs, read = outer.inputs, outer.read
        node = self._root
        while type(node) is _Node:
            value = getattr(inputs, node.name)
            read.setdefault(node.name, value)
            node = node.get(value, MISSING)
        return node

    def run_into(self, outer: Recorder, run: Callable[[Recorder], Any]) -> Any:
        """``within``'s miss: ``run`` over a recorder of its own, its reads written to
        ``outer``, the result stored."""
        recorder = Recorder(outer.inputs)
        result = run(recorder)
        read = outer.read
        for name, value in recorder.read.items():
            read.setdefault(name, value)
        self._keep(recorder.read, result)
        return result

    def _keep(self, read: dict[str, object], result: Any) -> None:
        if self._size >= LIMIT:
            self._root, self._size = MISSING, 0
        if not read:
            self._root = result
            self._size += 1
            return
        if self._root is MISSING:
            self._root = _Node(next(iter(read)))
        node, items = self._root, list(read.items())
        for k, (name, value) in enumerate(items):
            if type(node) is not _Node or node.name != name:
                return  # not the path a lookup would take: left unstored (never met so far)
            if k == len(items) - 1:
                node[value] = result
            else:
                nxt = node.get(value, MISSING)
                if nxt is MISSING:
                    nxt = node[value] = _Node(items[k + 1][0])
                node = nxt
        self._size += 1


#: what ``Shapes.walk`` returns where nothing is stored (and an empty tree's root)
MISSING: Any = object()
