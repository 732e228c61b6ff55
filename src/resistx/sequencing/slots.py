"""Filling a plan's slots: memoised reasons name a finding by a slot (``findings.keyed``), and
each plan puts the patient's own description of the result (date, sample, assay, variant) in
its place; the months on the CDK4/6 inhibitor (rule 18) likewise. Where the slots are is found once per memoised result; only the options whose
texts hold one are copied."""

from __future__ import annotations

import attrs

from resistx.model.plan import Caution, Exclusion, Option, Reason
from resistx.sequencing.facts import Facts
from resistx.sequencing.findings import CDK46I_MONTHS, SLOT, slot


def descriptions(facts: Facts) -> dict[str, str]:
    """Each slot the patient's facts can fill, and the text it is filled with."""
    found = {
        slot(gene): st.finding.describe()
        for gene, st in facts.genes.items()
        if st.finding is not None
    }
    if (months := facts.cdk46i_months) is not None:
        found[slot(CDK46I_MONTHS)] = f"{round(months, 1):.1f}"
    return found


def _text(text: str, slots: dict[str, str]) -> str:
    for mark, filled in slots.items():
        text = text.replace(mark, filled)
    return text


def _reasons(reasons: tuple[Reason, ...], slots: dict[str, str]) -> tuple[Reason, ...]:
    return tuple(
        attrs.evolve(r, text=_text(r.text, slots)) if SLOT in r.text else r for r in reasons
    )


def _cautions(cautions: tuple[Caution, ...], slots: dict[str, str]) -> tuple[Caution, ...]:
    return tuple(
        attrs.evolve(c, text=_text(c.text, slots)) if SLOT in c.text else c for c in cautions
    )


@attrs.frozen(kw_only=True, eq=False)  # one object per memoised result: a key by identity
class Ranked:
    """A memoised ranked result, and which of its options and exclusions hold a slot."""

    options: tuple[Option, ...]
    excluded: tuple[Exclusion, ...]
    slotted_options: tuple[int, ...]
    slotted_exclusions: tuple[int, ...]

    def filled(self, slots: dict[str, str]) -> tuple[tuple[Option, ...], tuple[Exclusion, ...]]:
        """The options and exclusions with every slot filled with the patient's own text."""
        options, excluded = self.options, self.excluded
        if self.slotted_options:
            copy = list(options)
            for n in self.slotted_options:
                o = copy[n]
                copy[n] = attrs.evolve(
                    o, reasons=_reasons(o.reasons, slots), cautions=_cautions(o.cautions, slots)
                )
            options = tuple(copy)
        if self.slotted_exclusions:
            copied = list(excluded)
            for n in self.slotted_exclusions:
                e = copied[n]
                copied[n] = attrs.evolve(e, reasons=_reasons(e.reasons, slots))
            excluded = tuple(copied)
        return options, excluded
