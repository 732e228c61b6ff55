"""Rule 115's tables: what each drug's US label says beside a strong CYP3A inhibitor or inducer
(not in the review), and what the sources leave unknown."""

from __future__ import annotations

from types import MappingProxyType

_AVOID = "advises against giving it with one, and lowers its dose where that cannot be avoided"
_AVOID_INDUCER = "advises against giving it with one (its exposure falls)"
#: what each drug's US label says of a strong CYP3A inhibitor (not in the review)
WITH_AN_INHIBITOR: MappingProxyType[str, str] = MappingProxyType(
    {
        "palbociclib": _AVOID,
        "ribociclib": f"{_AVOID} (its exposure and its QT prolongation rise)",
        "abemaciclib": "advises against ketoconazole and lowers its dose with another strong "
        "inhibitor",
        "everolimus": "advises against giving it with one",
        "capivasertib": _AVOID,
        "elacestrant": "advises against giving it with one (a moderate inhibitor too)",
        "olaparib": f"{_AVOID} (a moderate inhibitor too)",
    }
)
#: ... and of a strong CYP3A inducer
WITH_AN_INDUCER: MappingProxyType[str, str] = MappingProxyType(
    dict.fromkeys(
        (*WITH_AN_INHIBITOR, "alpelisib"),
        _AVOID_INDUCER,
    )
)
LABELS = {"inhibitor": WITH_AN_INHIBITOR, "inducer": WITH_AN_INDUCER}
#: drugs whose interactions with these the sources resistx reads do not give (case 1270): a
#: caution says so, where silence beside another drug's caution would read as none
UNKNOWN = frozenset(
    {"camizestrant", "giredestrant", "imlunestrant", "vepdegestrant", "amcenestrant"}
    | {"inavolisib", "gedatolisib", "talazoparib", "sacituzumab govitecan"}
)


#: newer drugs of ``UNKNOWN`` beside the labelled drug of their class, and the roles its label
#: advises against: until their own label is checked they go no higher than it would (5439,
#: 5440, 5467: vepdegestrant and imlunestrant first beside carbamazepine or clarithromycin,
#: elacestrant later for the interaction its label gives: missing data was rewarded)
LIKE_THEIR_CLASS: MappingProxyType[str, tuple[str, frozenset[str]]] = MappingProxyType(
    {
        **dict.fromkeys(
            ("camizestrant", "giredestrant", "imlunestrant", "vepdegestrant", "amcenestrant"),
            ("elacestrant", frozenset({"inhibitor", "inducer"})),
        ),
        "inavolisib": ("alpelisib", frozenset({"inducer"})),
    }
)

#: investigational drugs with no label whose metabolism by CYP3A4 is published: a strong
#: inhibitor raises their exposure and an inducer lowers it, as for the labelled drugs above
#: (case 1294b: ipatasertib, FINER's AKT inhibitor, came first beside rifampicin)
METABOLISED: MappingProxyType[str, str] = MappingProxyType(
    {
        "ipatasertib": "is metabolised by CYP3A4 (a drug-interaction study of ipatasertib, "
        "Pharmaceutics 2022) and has no label, being investigational",
    }
)


#: what a label says of one drug beside one medication, where it differs from the tables above
#: (cases 1294, 1294b): (what the medication is to the drug, what the label says, whether it
#: advises against the pair). Talazoparib is a P-gp substrate, sacituzumab govitecan's SN-38 a
#: UGT1A1 substrate (their US labels; not in the review).
TALAZOPARIB_PGP = (
    "a P-gp inhibitor",
    "talazoparib's US label lowers its dose with it (its exposure rises)",
    False,
)
_TALAZOPARIB_RIFAMPIN = (
    "a P-gp inducer",
    "talazoparib's US label needs no dose change with rifampin",
    False,
)
_SG_UGT1A1 = (
    "a UGT1A1 inducer",
    "sacituzumab govitecan's US label advises against giving it with one (SN-38's exposure falls)",
    True,
)
PAIRS: MappingProxyType[tuple[str, str], tuple[str, str, bool]] = MappingProxyType(
    {
        ("talazoparib", "itraconazole"): TALAZOPARIB_PGP,
        ("talazoparib", "clarithromycin"): TALAZOPARIB_PGP,
        ("talazoparib", "rifampicin"): _TALAZOPARIB_RIFAMPIN,
        ("talazoparib", "rifampin"): _TALAZOPARIB_RIFAMPIN,
        ("sacituzumab govitecan", "rifampicin"): _SG_UGT1A1,
        ("sacituzumab govitecan", "rifampin"): _SG_UGT1A1,
        # the enzyme-inducing antiepileptics induce UGT1A1 too (case 1348)
        ("sacituzumab govitecan", "carbamazepine"): _SG_UGT1A1,
        ("sacituzumab govitecan", "phenytoin"): _SG_UGT1A1,
        # ... and phenobarbital, primidone (metabolised to it) and fosphenytoin (case 6235)
        ("sacituzumab govitecan", "phenobarbital"): _SG_UGT1A1,
        ("sacituzumab govitecan", "primidone"): _SG_UGT1A1,
        ("sacituzumab govitecan", "fosphenytoin"): _SG_UGT1A1,
    }
)


#: a label that changes the dose beside a strong CYP3A drug and does not advise against it
#: (5451, 5452: exemestane's half of everolimus + exemestane went uncautioned)
DOSE_ONLY: MappingProxyType[tuple[str, str], str] = MappingProxyType(
    {("exemestane", "inducer"): "exemestane's US label raises its dose beside one"}
)


#: what the chemotherapy option's agents' US labels say of a strong CYP3A inhibitor or inducer
#: (not in the review; 5497: voriconazole read, chemotherapy preferred with no caution)
CHEMOTHERAPY_AGENTS: MappingProxyType[str, str] = MappingProxyType(
    {
        "inhibitor": "docetaxel's US label advises against giving it with one (halving its dose "
        "where that cannot be avoided), and paclitaxel's and vinorelbine's ask for caution (their "
        "exposure rises)",
        "inducer": "paclitaxel's US label asks for caution with one, and docetaxel and "
        "vinorelbine are metabolised by CYP3A4 too (their labels)",
    }
)
UNTOUCHED = (
    "capecitabine and eribulin are not metabolised by CYP3A (their labels); check the label of "
    "any other agent chosen"
)
