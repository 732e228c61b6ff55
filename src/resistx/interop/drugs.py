"""Drug codes (RxNorm, NCIt, DrugBank) to the drug names resistx profiles use.

Only ingredient codes are listed: RxNorm RXCUIs of the ingredient (RxNav), NCIt concept codes
of the agent (NCI Thesaurus) and DrugBank accession numbers. A code not listed here is read by
its label through resistx's own drug vocabulary (generic, brand and code names), and the report
says so; a label resistx does not know leaves the agent unmapped.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from resistx.vocab import drugs as drug_vocab
from resistx.vocab.drugs import named_in

RXNORM = MappingProxyType(
    {
        "1601374": "palbociclib",
        "1873916": "ribociclib",
        "1946825": "abemaciclib",
        "72965": "letrozole",
        "84857": "anastrozole",
        "258494": "exemestane",
        "10324": "tamoxifen",
        "282357": "fulvestrant",
        "141704": "everolimus",
        "1597582": "olaparib",
        "194000": "capecitabine",
        "56946": "paclitaxel",
        "1045453": "eribulin",
    }
)

NCIT = MappingProxyType(
    {
        "NCIT:C49176": "palbociclib",
        "NCIT:C1527": "letrozole",
        "NCIT:C1688": "fulvestrant",
        "NCIT:C1794": "capecitabine",
    }
)

DRUGBANK = MappingProxyType(
    {
        "DRUGBANK:DB09073": "palbociclib",
        "DRUGBANK:DB11730": "ribociclib",
        "DRUGBANK:DB12001": "abemaciclib",
        "DRUGBANK:DB01006": "letrozole",
        "DRUGBANK:DB01217": "anastrozole",
        "DRUGBANK:DB00675": "tamoxifen",
        "DRUGBANK:DB00947": "fulvestrant",
        "DRUGBANK:DB06374": "elacestrant",
        "DRUGBANK:DB12015": "alpelisib",
        "DRUGBANK:DB01590": "everolimus",
        "DRUGBANK:DB00990": "exemestane",
        "DRUGBANK:DB09074": "olaparib",
        "DRUGBANK:DB01101": "capecitabine",
        "DRUGBANK:DB01229": "paclitaxel",
    }
)


def by_code(code: str) -> str | None:
    """The resistx drug of an NCIt, DrugBank or RxNorm CURIE (any case of prefix) or a bare
    RxNorm RXCUI (FHIR gives the system apart)."""
    prefix, _, local = code.partition(":")
    if not local:
        return RXNORM.get(code)
    if prefix.upper() in ("RXNORM", "RXCUI"):  # a phenopacket writes RxNorm as a CURIE
        return RXNORM.get(local)
    curie = f"{prefix.upper()}:{local}"
    return NCIT.get(curie) or DRUGBANK.get(curie)


def by_label(label: str) -> str | None:
    """The resistx drug a label names (generic, brand or code name, any case), if any; a
    label with its strength and form ('Kisqali 600 mg', 'palbociclib 125 MG Oral Capsule': an
    RxNorm clinical drug's wording) by the name before the strength (cases 1288, 1291)."""
    drug = drug_vocab.lookup(label.strip())
    if drug is None and (name := re.split(r"\s+\d", label.strip(), maxsplit=1)[0]) != label:
        drug = drug_vocab.lookup(name.strip())
    return drug.name if drug is not None else None


#: what separates the agents of a label that names several ('palbo + letrozole', 'letrozole
#: (with palbo)', 'Arimidex/Ibrance')
_AGENTS = re.compile(r"\s*(?:[+/;&,]|\band\b|\bwith\b)\s*", re.IGNORECASE)
#: the words of a label's strength and form, no agent's name ('5 mg' after a decimal comma)
_UNITS = frozenset(
    {"mg", "g", "mcg", "ug", "ml", "tab", "tabs", "tablet", "tablets", "cap", "caps"}
)
_UNITS |= {"capsule", "capsules", "oral", "po", "daily", "od", "bd", "iu", "kg", "m", "l"}
_UNITS |= {"iv", "sc", "im", "infusion", "injection", "day", "days", "week", "weeks", "cycle"}


def unread_agents(label: str) -> tuple[str, ...]:
    """The agents of a label that names several, separated ('+', '/', 'and', 'with', ...),
    that name no drug resistx reads, where another names one: 'palbo + letrozole' gives
    ('palbo',) (case 2683a: read as letrozole alone, the CDK4/6 inhibitor lost)."""
    parts = [p.strip(" ()[].") for p in _AGENTS.split(label)]
    meant = [
        p for p in parts if any(w.casefold() not in _UNITS for w in re.findall(r"[^\W\d_]+", p))
    ]
    if len(meant) < 2 or not named_in(label):
        return ()
    # only a part that looks like a drug's name: a sig's 'with food' or '1 week off' is none
    return tuple(p for p in meant if not named_in(p) and (near(p) or abbreviates(p)))


#: the shortest beginning of a drug's name read as an abbreviation of it ('palbo', 'abema')
_ABBREVIATION = 4


def abbreviates(label: str) -> str | None:
    """The drug whose generic name a word of the label begins, if only one ('Palbo 125 mg':
    palbociclib; case 2764: left out, the plan read no CDK4/6 inhibitor), or None."""
    for word in re.findall(r"[^\W\d_]+", label):
        folded = word.casefold()
        if len(folded) < _ABBREVIATION:
            continue
        found = {d.name for d in drug_vocab.DRUGS if d.name.casefold().startswith(folded)}
        if len(found) == 1:
            return found.pop()
    return None


def not_a_course(label: str) -> str:
    """What a profile says of a label that names a HER2-directed drug (outside the review's
    scope: case 2764, 'Herceptin 440 mg' was dropped), or ""."""
    for word in re.findall(r"[^\W\d_]+", label):
        said = drug_vocab.not_a_drug(word) or ""
        if "HER2" in said:
            return said
    return ""


#: how close a label must be to a drug's name to be taken for a misspelling of it: closer than
#: the profile's hints, which only suggest (omeprazole is not letrozole)
NEAR = 0.85


def near(label: str) -> str | None:
    """The drug name a label not read (``by_label``) likely misspells ('palbociclb 125 mg'),
    or None: a cancer drug left out of a course would change the plan (case 1945)."""
    import difflib  # noqa: PLC0415 - only an unread label needs it

    word = re.split(r"\s+\d", label.strip(), maxsplit=1)[0].casefold()
    folded = {s.casefold(): s for s in drug_vocab.SPELLINGS}
    # the name before its strength, else any word of it ('Letrozol Accord 2,5 mg': case 2682b)
    for candidate in (word, *re.findall(r"[^\W\d_]{5,}", word)):
        found = difflib.get_close_matches(candidate, list(folded), n=1, cutoff=NEAR)
        if found:
            return folded[found[0]]
    return None
