"""Concordance: where the treatment a patient was given next stands in the plan for them."""

from __future__ import annotations

import csv
import functools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import attrs

import resistx
from resistx.model.enums import DrugClass, Tier
from resistx.model.plan import rule_numbers
from resistx.vocab import drugs
from resistx.vocab.regimens import ALL_BY_ID

NOT_IN_PLAN = "not in plan"
LEFT_OUT = "left out"
#: the places a given treatment can have, best first (the order of the summary and the plot)
PLACES: tuple[str, ...] = (*(t.value for t in Tier), LEFT_OUT, NOT_IN_PLAN)
CHEMOTHERAPY = "chemotherapy"
_BY_DRUGS: dict[frozenset[str], str] = {frozenset(r.drugs): r.id for r in ALL_BY_ID.values()}


def regimen_for(drug_names: Sequence[str]) -> str:
    """The regimen id the engine gives these drugs (``["Piqray", "Faslodex"]`` is
    ``alpelisib+fulvestrant``; cytotoxic drugs alone are ``chemotherapy``); a GnRH agonist given
    beside other drugs is set aside, as the plans give ovarian suppression with the endocrine
    options (case 1187); drugs that make no regimen of the engine's are named by their generic
    names joined with ``+``."""
    return _regimen_for(tuple(drug_names))


#: the classes of a chemotherapy line: its cytotoxic drugs, and a drug of no class beside them
_CHEMOTHERAPY_LINE = frozenset({DrugClass.CHEMOTHERAPY, DrugClass.UNCLASSIFIED})


@functools.lru_cache(maxsize=4_096)  # a cohort states the same few treatments again and again
def _regimen_for(drug_names: tuple[str, ...]) -> str:
    found = [drugs.lookup(name) for name in drug_names]
    beside = [
        (d, name)
        for d, name in zip(found, drug_names, strict=True)
        if not (d and d.drug_class is DrugClass.OVARIAN_FUNCTION_SUPPRESSION)
    ]
    if beside and len(beside) < len(found):
        found, drug_names = [d for d, _ in beside], tuple(n for _, n in beside)
    names = frozenset(d.name if d else name for d, name in zip(found, drug_names, strict=True))
    classes = [d.drug_class if d else None for d in found]
    # bevacizumab beside a cytotoxic drug: the line is chemotherapy's, as a history reads it
    if DrugClass.CHEMOTHERAPY in classes and all(c in _CHEMOTHERAPY_LINE for c in classes):
        return CHEMOTHERAPY
    return _BY_DRUGS.get(names) or "+".join(sorted(names))


@attrs.frozen(kw_only=True)
class Placement:
    """Where one regimen stands in one plan: its rank and tier, or ``left out`` (excluded),
    or ``not in plan`` (not considered); ``rules`` are the rules that placed or excluded it."""

    regimen: str
    rank: int | None
    place: str
    rules: tuple[int, ...] = ()


class Placed(Protocol):
    """A plan, or a ranking (``engine.ranking``): where each regimen stands."""

    @property
    def options(self) -> tuple[resistx.Option, ...]: ...

    @property
    def excluded(self) -> tuple[resistx.Exclusion, ...]: ...


def place(plan: Placed, regimen: str) -> Placement:
    """Where ``regimen`` (``regimen_for``) stands; drugs that make no regimen of the engine's
    stand where a trial option of the same drugs does (case 1189: fulvestrant + ipatasertib
    is the FINER trial)."""
    # by the lists, not ``option``: the drugs given may make an id of no regimen (refused there)
    option = next((o for o in plan.options if o.regimen.id == regimen), None)
    option = option or _trial_of(plan, regimen)
    if option is not None:
        rules = rule_numbers(option.reasons)
        return Placement(regimen=regimen, rank=option.rank, place=option.tier.value, rules=rules)
    exclusion = next((e for e in plan.excluded if e.regimen.id == regimen), None)
    if exclusion is not None:
        return Placement(
            regimen=regimen, rank=None, place=LEFT_OUT, rules=rule_numbers(exclusion.reasons)
        )
    return Placement(regimen=regimen, rank=None, place=NOT_IN_PLAN)


def _trial_of(plan: Placed, regimen: str) -> resistx.Option | None:
    drugs_given = frozenset(regimen.split("+"))
    return next(
        (
            o
            for o in plan.options
            if o.regimen.is_trial and frozenset(o.regimen.drugs) == drugs_given
        ),
        None,
    )


SUMMARY_COLUMNS = ("by", "value", "patients", "share", "ranked_first")


@attrs.define
class Summary:
    """Counts over the patients whose next treatment is stated: by place (tier, left out, not
    in plan) and by rule (each rule that placed or excluded the treatment given)."""

    planned: int = 0
    stated: int = 0
    ranked_first: int = 0
    by_place: Counter[str] = attrs.field(factory=Counter)
    first_by_place: Counter[str] = attrs.field(factory=Counter)
    by_rule: Counter[int] = attrs.field(factory=Counter)
    first_by_rule: Counter[int] = attrs.field(factory=Counter)

    def add(self, placement: Placement | None) -> None:
        """Count one patient with a plan; ``placement`` None when the next treatment is not stated."""
        self.planned += 1
        if placement is None:
            return
        first = placement.rank == 1
        self.stated += 1
        self.ranked_first += first
        self.by_place[placement.place] += 1
        self.first_by_place[placement.place] += first
        for rule in placement.rules:
            self.by_rule[rule] += 1
            self.first_by_rule[rule] += first

    def merge(self, other: Summary) -> None:
        """Add another part's counts (a summary per partition, added up)."""
        self.planned += other.planned
        self.stated += other.stated
        self.ranked_first += other.ranked_first
        for mine, theirs in (
            (self.by_place, other.by_place),
            (self.first_by_place, other.first_by_place),
        ):
            mine.update(theirs)
        self.by_rule.update(other.by_rule)
        self.first_by_rule.update(other.first_by_rule)

    def rows(self) -> list[dict[str, Any]]:
        def row(by: str, value: object, patients: int, first: int) -> dict[str, Any]:
            share = round(patients / self.stated, 4) if self.stated else None
            return {
                "by": by,
                "value": value,
                "patients": patients,
                "share": share,
                "ranked_first": first,
            }

        out = [
            {
                "by": "all",
                "value": "planned",
                "patients": self.planned,
                "share": None,
                "ranked_first": None,
            },
            row("all", "next treatment stated", self.stated, self.ranked_first),
        ]
        out += [row("tier", p, self.by_place[p], self.first_by_place[p]) for p in PLACES]
        out += [
            row("rule", r, self.by_rule[r], self.first_by_rule[r]) for r in sorted(self.by_rule)
        ]
        return out

    def write_csv(self, path: Path) -> None:
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=SUMMARY_COLUMNS)
            writer.writeheader()
            writer.writerows(self.rows())


def summarise(entries: Iterable[Mapping[str, Any]]) -> Summary:
    """The summary of patient entries (``rows_for``, ``dask_bag``): those with a plan count."""
    summary = Summary()
    for e in entries:
        if e["planned"]:
            summary.add(e["next"])
    return summary
