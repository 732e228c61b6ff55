"""A ``Policy``: the named, versioned bundle the engine runs (regimen table, rules, weights).

The engine knows no regimen by name and no rule by number: it runs whatever policy it is
given. A second policy is a second ``Policy`` value (its own regimen table and rule list,
which may reuse these rule units), registered with ``register``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

import attrs

from resistx import _suggest
from resistx._errors import EvidenceError, UnknownPolicyError
from resistx.evidence._base import EvidenceBase
from resistx.evidence._regimens import bundled_table
from resistx.model.plan import PolicyInfo
from resistx.model.regimen import RegimenSpec, RegimenTable
from resistx.sequencing.rule import Rule
from resistx.sequencing.rules.populations import SELECTORS
from resistx.sequencing.weights import Weights

_TABLES_KEPT = 8  # evidence bases whose checked table a policy keeps


def _unique_numbers(_inst: object, _a: attrs.Attribute[Any], rules: tuple[Rule, ...]) -> None:
    numbers = [r.number for r in rules]
    twice = sorted({n for n in numbers if numbers.count(n) > 1})
    if twice:
        msg = f"rule numbers must be unique; given more than once: {twice}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Policy:
    """The named, versioned bundle a plan is made under: its rule units, weights and regimen
    table, and the evidence it reads by default. ``ye2024`` (the default) encodes the review;
    ``practice-2026`` adds the evidence after it (``resistx.policies()`` lists them; a plan's
    ``policy`` names the one it came from)."""

    name: str
    version: str
    description: str
    rules: tuple[Rule, ...] = attrs.field(validator=_unique_numbers)
    weights: Weights
    #: the evidence the policy reads by default, and where its regimen table ships
    default_evidence: Callable[[], EvidenceBase] = attrs.field(eq=False, repr=False)
    table_package: str
    table_path: tuple[str, ...]
    #: the newer policy whose differences a plan under this one reports (``since_review``)
    updated_by: str | None = None
    #: the plan's disclaimer where it is not the engine's (which names the review alone)
    disclaimer: str | None = None
    _tables: dict[int, tuple[EvidenceBase, RegimenTable]] = attrs.field(
        factory=dict, eq=False, repr=False, init=False
    )

    @property
    def info(self) -> PolicyInfo:
        return PolicyInfo(name=self.name, version=self.version, description=self.description)

    @property
    def key(self) -> tuple[str, str]:
        return (self.name, self.version)

    def table(self, evidence: EvidenceBase) -> RegimenTable:
        """The regimen table, checked against ``evidence`` (raises ``EvidenceError``)."""
        found = self._tables.get(id(evidence))
        if found is None or found[0] is not evidence:
            try:
                table = bundled_table(self.table_package, self.table_path, evidence)
            except EvidenceError as e:  # case 5543: the problems alone did not say why
                own = self.default_evidence().version
                theirs = [  # case 7676: the advice did not name the policy the evidence is for
                    n for n in names() if get(n).default_evidence().version == evidence.version
                ]
                instead = f", or run policy {theirs[0]!r}, whose evidence it is" if theirs else ""
                source = (  # not resistx's own table file, which the caller never gave (6316)
                    f"the evidence given: policy {self.name!r} cannot run on evidence "
                    f"{evidence.version} (its own is {own}; leave evidence out{instead}, or give "
                    "one that holds its trials)"
                )
                raise EvidenceError(source, e.problems) from None
            _check_selectors(table, "/".join(self.table_path))
            if len(self._tables) >= _TABLES_KEPT:
                self._tables.clear()
            found = self._tables[id(evidence)] = (evidence, table)
        return found[1]

    def regimens(self, evidence: EvidenceBase) -> Mapping[str, RegimenSpec]:
        return MappingProxyType({r.id: r for r in self.table(evidence).regimens})


def _check_selectors(table: RegimenTable, origin: str) -> None:
    problems = [
        (
            f"$.regimens[{i}].efficacy[{j}].population (regimen {spec.id!r})",
            f"no selector {s.population!r}; known: {', '.join(SELECTORS)}",
        )
        for i, spec in enumerate(table.regimens)
        for j, s in enumerate(spec.efficacy)
        if s.population not in SELECTORS
    ]
    if problems:
        raise EvidenceError(origin, problems)


_REGISTRY: dict[str, Policy] = {}


def register(policy: Policy) -> None:
    _REGISTRY[policy.name] = policy


def get(name: str) -> Policy:
    """A registered policy by name (``ye2024``)."""
    from resistx.sequencing import policies  # noqa: F401, PLC0415 - registers the bundled ones

    try:
        return _REGISTRY[name]
    except KeyError:
        hint = _suggest.did_you_mean(name, _REGISTRY)
        msg = f"no policy {name!r}; known: {', '.join(sorted(_REGISTRY))}{hint}"
        raise UnknownPolicyError(msg) from None


def names() -> tuple[str, ...]:
    from resistx.sequencing import policies  # noqa: F401, PLC0415

    return tuple(sorted(_REGISTRY))
