"""``EvidenceBase``: the studies of the review, and the queries over them."""

from __future__ import annotations

import functools
import os
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NoReturn

import attrs

from resistx import _suggest
from resistx.model.enums import DrugClass, TrialSetting
from resistx.model.evidence import Discrepancy, RegulatoryDecision, Trial
from resistx.vocab import drugs as drug_vocab
from resistx.vocab import genes as gene_vocab
from resistx.vocab import regimens as regimen_vocab

#: the genes each population label of the evidence is defined by
POPULATION_GENES: dict[str, tuple[str, ...]] = {
    "ESR1-mutated": ("ESR1",),
    "PIK3CA-mutated": ("PIK3CA",),
    "PIK3CA-not-mutated": ("PIK3CA",),
    "AKT-pathway-altered": ("PIK3CA", "AKT1", "PTEN"),
    "pathway-altered-ddPCR": ("PIK3CA", "AKT1", "PTEN"),
    "pathway-non-altered-ddPCR": ("PIK3CA", "AKT1", "PTEN"),
    "pathway-altered-NGS": ("PIK3CA", "AKT1", "PTEN"),
    "pathway-non-altered-NGS": ("PIK3CA", "AKT1", "PTEN"),
    "germline-PALB2": ("PALB2",),
    "somatic-BRCA1/2": ("BRCA1", "BRCA2"),
    "HR+/HER2- germline-PALB2": ("PALB2",),
    "HR+/HER2- somatic-BRCA1/2": ("BRCA1", "BRCA2"),
    "HER2-low": ("ERBB2",),
    "PTEN-mutated": ("PTEN",),
    # evidence pack 2026.11
    "PIK3CA-wild-type": ("PIK3CA",),
    "ESR1-not-detected": ("ESR1",),
    "HER2-low-or-ultralow": ("ERBB2",),
    "ESR1-mutated, prior CDK4/6i >=12 months": ("ESR1",),
    "ESR1-mutated, prior CDK4/6i >=18 months": ("ESR1",),
}


if TYPE_CHECKING:
    import pandas as pd


def fold_key(name: str) -> str:
    """A trial name for matching: no case, spaces, hyphens or underscores."""
    return drug_vocab.fold(name)


#: the usual abbreviations of trial series ('DB-06' for DESTINY-Breast06; session 66)
_SERIES = {"db": "destinybreast", "tb": "tropionbreast"}


def _expanded(folded: str) -> str:
    """A folded trial key with its series' abbreviation written out ('db06': 'destinybreast06')."""
    head, rest = folded[:2], folded[2:]
    return _SERIES[head] + rest if head in _SERIES and rest.isdigit() else folded


class _Index:
    """Lookups built once per evidence base, every list in a stable (key) order; each built
    when first asked for (a plan looks trials up by name only)."""

    def __init__(self, trials: Iterable[Trial]) -> None:
        self.ordered = sorted(trials, key=lambda t: t.key)
        self.by_key: dict[str, Trial] = {}
        for t in self.ordered:
            for name in (t.key, *t.aliases, *([t.nct_id] if t.nct_id else [])):
                self.by_key.setdefault(fold_key(name), t)
        self.names = [t.key for t in self.ordered]

    def _grouped(self, keys: Callable[[Trial], Iterable[str]]) -> dict[str, tuple[Trial, ...]]:
        """The trials under each of their keys, in key order within each group."""
        found: defaultdict[str, list[Trial]] = defaultdict(list)
        for t in self.ordered:
            for k in keys(t):
                found[k].append(t)
        return {k: tuple(v) for k, v in found.items()}

    @functools.cached_property
    def by_regimen(self) -> dict[str, tuple[Trial, ...]]:
        return self._grouped(lambda t: t.regimens)

    @functools.cached_property
    def by_drug(self) -> dict[str, tuple[Trial, ...]]:
        return self._grouped(lambda t: sorted({d for arm in t.arms for d in arm.drugs}))

    @functools.cached_property
    def by_gene(self) -> dict[str, tuple[Trial, ...]]:
        return self._grouped(_genes)

    @functools.cached_property
    def regimen_ids(self) -> frozenset[str]:
        """Every regimen id a query may name: the studies' arms' and resistx's vocabulary's."""
        return frozenset({*self.by_regimen, *regimen_vocab.ALL_BY_ID})


_CLASSES = frozenset(c.value for c in DrugClass)


def _unknown(what: str, name: str, known: Iterable[str]) -> NoReturn:
    """Raise ``KeyError`` for a name of no ``what``, naming the closest known ones."""
    hint = _suggest.closest(str(name), sorted(known), n=5)
    near = f"; closest: {', '.join(hint)}" if hint else ""
    msg = f"no {what} {name!r} resistx knows{near}"
    raise KeyError(msg)


#: a trial population's words that name a gene's state it enrolled on, where its figures are of
#: its whole population (case 6314: DESTINY-Breast04, all HER2-low, was no HER2 trial)
_POPULATION_WORDS = re.compile(r"\bHER2-(?:low|ultralow)\b")


def _genes(t: Trial) -> list[str]:
    """The genes a trial selects on or reports a population of."""
    genes = {b.gene for b in t.biomarkers}
    if _POPULATION_WORDS.search(t.population):
        genes.add("ERBB2")  # HER2, as the gene vocabulary names it
    for population in {e.population for e in t.endpoints} | {h.population for h in t.hazard_ratios}:
        genes.update(POPULATION_GENES.get(population, ()))
    return sorted(genes)


@attrs.frozen(kw_only=True)
class EvidenceBase:
    """Every study the review names, with what it reports; immutable and queryable.

    Build one with ``EvidenceBase.from_file(path)`` or take the bundled one from
    ``resistx.evidence()``.
    """

    version: str
    source: str = ""
    trials: tuple[Trial, ...]
    discrepancies: tuple[Discrepancy, ...] = ()
    #: an evidence pack after the review: its date, the evidence version it extends, and the
    #: regulators' decisions it records (empty for the review's own evidence)
    date: str | None = None
    extends: str | None = None
    approvals: tuple[RegulatoryDecision, ...] = ()

    @functools.cached_property
    def _index(self) -> _Index:
        return _Index(self.trials)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> EvidenceBase:
        """Load and validate an evidence file of the bundled form.

        Raises ``EvidenceError`` naming the file, the record and the field of every problem,
        and ``TypeError`` when ``path`` is not a path.
        """
        from resistx.evidence._load import load_file  # noqa: PLC0415 - the loader imports this module

        return load_file(path)

    # -- display -------------------------------------------------------------------------

    def __repr__(self) -> str:
        return (
            f"<EvidenceBase {self.version}: {len(self.trials)} studies, "
            f"{len(self.discrepancies)} discrepancies>"
        )

    def __str__(self) -> str:
        from resistx.display import text  # noqa: PLC0415 - the display layer sits above

        return text.evidence(self)

    def _repr_html_(self) -> str:
        from resistx.display import html  # noqa: PLC0415 - the display layer sits above

        return html.evidence(self)

    def _repr_markdown_(self) -> str:
        from resistx.display import markdown  # noqa: PLC0415 - the display layer sits above

        return markdown.evidence(self)

    def to_frame(self) -> pd.DataFrame:
        """One row per endpoint and hazard ratio (needs the ``resistx[pandas]`` extra)."""
        from resistx.display import frames  # noqa: PLC0415 - pandas only when asked for

        return frames.endpoints_frame(self)

    def adverse_events_frame(self) -> pd.DataFrame:
        """One row per adverse event (needs the ``resistx[pandas]`` extra)."""
        from resistx.display import frames  # noqa: PLC0415 - pandas only when asked for

        return frames.adverse_events_frame(self)

    # -- lookups ---------------------------------------------------------------------------

    def trial(self, key: str) -> Trial:
        """The trial by name (case, spaces and hyphens ignored) or NCT id."""
        folded = fold_key(key)
        found = self._index.by_key.get(folded) or self._index.by_key.get(_expanded(folded))
        if found is None:
            hint = _suggest.closest(key, self._index.names, n=5)
            near = f"; closest: {', '.join(hint)}" if hint else ""
            msg = f"no trial {key!r} in evidence {self.version}{near}"
            raise KeyError(msg)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and fold_key(key) in self._index.by_key

    def by_regimen(self, regimen_id: str) -> tuple[Trial, ...]:
        """Trials with an arm given under ``regimen_id``; an id no regimen has raises
        ``KeyError`` naming the closest (case 5108: a misspelt id gave no trials)."""
        return self._index.by_regimen.get(self._regimen_id(regimen_id), ())

    def _regimen_id(self, regimen_id: str) -> str:
        known = self._index.regimen_ids
        if regimen_id not in known and not any(a.regimen == regimen_id for a in self.approvals):
            _unknown("regimen id", regimen_id, known)
        return regimen_id

    def by_drug(self, name: str) -> tuple[Trial, ...]:
        """Trials with an arm containing the drug (generic, brand or code name); a name of no
        drug raises ``KeyError`` naming the closest."""
        drug = drug_vocab.lookup(name)
        if drug is None:
            _unknown("drug", name, drug_vocab.SPELLINGS)
        return self._index.by_drug.get(drug.name, ())

    def by_class(self, drug_class: DrugClass | str) -> tuple[Trial, ...]:
        """Trials with an arm containing a drug of the class."""
        if not isinstance(drug_class, DrugClass) and drug_class not in _CLASSES:
            _unknown("drug class", str(drug_class), _CLASSES)
        wanted = DrugClass(drug_class)
        names = [d.name for d in drug_vocab.DRUGS if d.drug_class is wanted]
        found = {t.key: t for n in names for t in self._index.by_drug.get(n, ())}
        return tuple(found[k] for k in sorted(found))

    def by_biomarker(self, gene: str) -> tuple[Trial, ...]:
        """Trials whose population or a reported subgroup is defined by the gene."""
        symbol = gene_vocab.normalise(gene)
        if symbol is None:
            _unknown("gene", gene, gene_vocab.GENES)
        return self._index.by_gene.get(symbol, ())

    def after_cdk46i(self) -> tuple[Trial, ...]:
        """Trials in patients who had received a CDK4/6 inhibitor (all or some of them)."""
        return tuple(
            t
            for t in sorted(self.trials, key=lambda t: t.key)
            if t.setting in (TrialSetting.AFTER_CDK46I, TrialSetting.MIXED)
            or (t.prior_cdk46i_fraction or 0) > 0
        )

    def added_since(self, base: EvidenceBase) -> tuple[Trial, ...]:
        """The studies of this evidence that ``base`` does not hold (a pack's new trials)."""
        return tuple(t for t in sorted(self.trials, key=lambda t: t.key) if t.key not in base)

    def approvals_for(self, regimen_id: str) -> tuple[RegulatoryDecision, ...]:
        """The regulators' decisions on a regimen that this evidence records."""
        rid = self._regimen_id(regimen_id)
        return tuple(a for a in self.approvals if a.regimen == rid)

    def discrepancies_for(self, key: str) -> tuple[Discrepancy, ...]:
        trial = self.trial(key)
        return tuple(d for d in self.discrepancies if d.trial == trial.key)
