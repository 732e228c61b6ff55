"""An ESR1 mutation acquired on an oral SERD: first found after the drug began, with an ESR1
test from its work-up or its course that found nothing (case 8146: every reason said the
mutation was 'acted on', as if the drug had been given for it)."""

from __future__ import annotations

import datetime as dt

from resistx.model.enums import BiomarkerStatus, DrugClass
from resistx.sequencing import kinds
from resistx.sequencing.facts import Facts
from resistx.vocab.drugs import drug_class


def esr1_arose_on(facts: Facts) -> str:
    """The oral SERD progressed on with an ESR1 test that found nothing before it began and
    no ESR1 mutation on record until after: the mutation arose on it, not the target it was
    given for (8146)."""
    st = facts.genes.get("ESR1")
    blind = set(st.uninformative) if st is not None else set()
    esr1 = [r for r in facts.biomarkers if r.gene == "ESR1" and r.tested_on is not None]
    for t in facts.progressed:
        start, end = t.started_on, t.ended_on
        if start is None or not t.drug_classes & kinds.TARGET_DRUGS["ESR1"]:
            continue
        # a negative that rules something out, from its work-up (up to 6 months before it
        # began: not an archival test before earlier lines, the recheck's 8196) or during it
        clear = [
            r
            for r in esr1
            if r.tested_on is not None
            and r.status is not BiomarkerStatus.MUTATED
            and r not in blind
            and start - dt.timedelta(days=183) <= r.tested_on <= (end or r.tested_on)
        ]
        early = [r for r in esr1 if r.status is BiomarkerStatus.MUTATED and r.tested_on]
        if clear and not any(r.tested_on and r.tested_on <= start for r in early):
            return next(d for d in t.drugs if drug_class(d) is DrugClass.ORAL_SERD)
    return ""
