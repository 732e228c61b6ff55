"""What rules 6 and 32 say where no target found is usable, each for its own reason (a
``MolecularInputs.pathway_unusable`` of two parts: ESR1's, then the pathway's; case 8081)."""

from __future__ import annotations

from resistx.sequencing.exhausted import declined_targets_said
from resistx.sequencing.inputs import MolecularInputs

#: the pathway's reasons that hold its own inhibitors back (their own reasons say why: rules 6
#: and 32 give them none of the reason written for the lines without them, 7912)
HELD_BACK = frozenset({"insulin", "glucose", "lines"})


def pathway_held_back(why: str) -> bool:
    """The pathway's drugs held back (``HELD_BACK``), the finding alone or beside ESR1's reason."""
    return pathway_part(why) in HELD_BACK


def pathway_part(why: str) -> str:
    """The pathway's reason of a ``pathway_unusable`` ("glucose" of "declined+glucose")."""
    return why.rpartition("+")[2]


def mixed_said(i: MolecularInputs) -> str:
    """Rules 6 and 32's reason where each target found is unusable for its own reason (a
    ``pathway_unusable`` of two parts: ESR1's, then the pathway's; case 8081)."""
    esr1, pam = i.pathway_unusable.split("+")
    return f"no usable target ({_ESR1_SAID[esr1]}; {pathway_said(i, pam)})"


def pathway_said(i: MolecularInputs, why: str) -> str:
    """Why the pathway's finding opens nothing (``why``: a part of ``pathway_unusable``), in
    the one wording rules 6 and 32 give it."""
    gene = i.akt_pathway.gene if i.akt_pathway else "PI3K-pathway"
    # alpelisib acts on a PIK3CA mutation only (8359: an AKT1 finding named it)
    alpelisib = "alpelisib left out, " if gene in ("PIK3CA", "PI3K-pathway") else ""
    return _PATHWAY_SAID[why].format(gene=gene, alpelisib=alpelisib)


_ESR1_SAID = {
    "declined": "the patient declines the drugs for its ESR1 finding (the preferences)",
    "acted": "the ESR1 mutation was acted on (progression on an oral oestrogen-receptor degrader)",
}
_PATHWAY_SAID = {
    "declined": "the patient declines the drugs for its {gene} finding (the preferences)",
    "acted": "the PI3K-pathway alteration was acted on (progression on a PI3K or AKT inhibitor)",
    "insulin": "diabetes needing insulin holds back the drugs for its {gene} finding: "
    "{alpelisib}capivasertib outside CAPItello-291",
    "glucose": "an HbA1c of 8.0% or more holds back the drugs for its {gene} finding until "
    "glucose is in range: {alpelisib}capivasertib waiting on glucose control",
    "lines": "the {gene} finding past the cytotoxic lines the PI3K, AKT and mTOR inhibitors' "
    "trials enrolled after",
}


def rule_32_unusable(i: MolecularInputs) -> str:
    """Rule 32's no usable target: a pathway finding no drug can act on (``pathway_unusable``)."""
    if "+" in i.pathway_unusable:  # case 8081
        return mixed_said(i)
    if i.pathway_unusable == "declined":  # case 7917
        return f"no usable target ({declined_targets_said(i)})"
    now = " now" if i.pathway_unusable == "glucose" else ""  # case 7846
    return f"no usable target{now} ({pathway_said(i, i.pathway_unusable)})"
