"""Every drug the review names, with the usual partners and chemotherapies.

Names are matched without regard to case, spaces or hyphens; brand names, code
names and the review's abbreviations are synonyms of the generic name.
"""

from __future__ import annotations

import functools
import re
from types import MappingProxyType

from resistx import _suggest
from resistx.model.enums import DrugClass as C
from resistx.model.enums import Route
from resistx.model.regimen import Drug


def _d(name: str, drug_class: C, *synonyms: str, target: str | None = None) -> Drug:
    return Drug(name=name, drug_class=drug_class, synonyms=synonyms, target=target)


#: the drug a course holds where only its class is known ('CDK4/6 inhibitor'; rule 147 asks which)
UNSPECIFIED_CDK46I = "unspecified cdk4/6 inhibitor"

DRUGS: tuple[Drug, ...] = (
    # CDK4/6 inhibitors
    # ... with their development codes, as trial records name them (6066: LEE011 + letrozole
    # for 29 months was read as no CDK4/6 inhibitor)
    _d("palbociclib", C.CDK46_INHIBITOR, "Ibrance", "PD-0332991", "PD0332991", target="CDK4/6"),
    _d("ribociclib", C.CDK46_INHIBITOR, "Kisqali", "LEE011", target="CDK4/6"),
    _d("abemaciclib", C.CDK46_INHIBITOR, "Verzenio", "Verzenios", "LY2835219", target="CDK4/6"),
    # CDK4-selective; the review names it only by its code, PF-07220060, kept below as printed
    _d("atirmociclib", C.CDK46_INHIBITOR, target="CDK4"),
    # approved in China (not in the review): a history treated there names it (case 1765)
    _d("dalpiciclib", C.CDK46_INHIBITOR, "SHR6390", target="CDK4/6"),
    # ... and one given in a trial whose drug was not disclosed: the class, no drug of it named
    _d(
        UNSPECIFIED_CDK46I,
        C.CDK46_INHIBITOR,
        "CDK4/6 inhibitor",
        "CDK4/6i",
        target="CDK4/6",
    ),
    # endocrine therapy
    # ... with their German, Italian, Spanish, French and Dutch spellings (the second recheck of
    # session 57, 4493-4496: 'Letrozol', 'exemestano', 'anastrozolo' read nowhere)
    _d("letrozole", C.AROMATASE_INHIBITOR, "Femara", "letrozol", "letrozolo"),
    _d("anastrozole", C.AROMATASE_INHIBITOR, "Arimidex", "anastrozol", "anastrozolo"),
    _d("exemestane", C.AROMATASE_INHIBITOR, "Aromasin", "exemestan", "exemestano", "exemestaan"),
    _d("tamoxifen", C.SERM, "Nolvadex", "Soltamox", "tamoxifeno", "tamoxifene"),
    _d("fulvestrant", C.SERD, "Faslodex"),
    _d("elacestrant", C.ORAL_SERD, "Orserdu", "RAD1901"),
    _d("camizestrant", C.ORAL_SERD, "AZD9833"),
    _d("amcenestrant", C.ORAL_SERD, "SAR439859"),
    _d("giredestrant", C.ORAL_SERD, "GDC-9545"),
    # endocrine agents approved or in phase 3 after the review (a 2026 history can name them)
    _d("imlunestrant", C.ORAL_SERD, "Inluriyo", "LY3484356"),
    _d("vepdegestrant", C.ORAL_SERD, "Veppanu", "ARV-471"),  # an oral PROTAC ER degrader
    _d("palazestrant", C.ORAL_SERD, "OP-1250"),  # complete ER antagonist and degrader
    _d("lasofoxifene", C.SERM),
    # older endocrine lines a history can hold (case 2279: refused, the record with them)
    _d("toremifene", C.SERM, "Fareston"),
    _d("megestrol", C.OTHER_ENDOCRINE, "megestrol acetate", "Megace"),
    _d("medroxyprogesterone", C.OTHER_ENDOCRINE, "medroxyprogesterone acetate", "Provera"),
    _d("estradiol", C.OTHER_ENDOCRINE, "oestradiol", "high-dose estradiol"),
    _d("goserelin", C.OVARIAN_FUNCTION_SUPPRESSION, "Zoladex", "Zoladex LA"),
    _d(
        "leuprolide",
        C.OVARIAN_FUNCTION_SUPPRESSION,
        "leuprorelin",
        "Lupron",
        "Eligard",
        "Prostap",
        "Enantone",  # an EU brand (case 1865: it drew 'did you mean onapristone?')
        *("Lupron Depot", "Lucrin", "Lucrin Depot", "Camcevi"),  # case 2252c
    ),
    _d("triptorelin", C.OVARIAN_FUNCTION_SUPPRESSION, "Trelstar", "Decapeptyl", "Gonapeptyl"),
    _d("buserelin", C.OVARIAN_FUNCTION_SUPPRESSION, "Suprefact"),  # case 2252c
    # PI3K-AKT-mTOR pathway
    _d("alpelisib", C.PI3K_INHIBITOR, "Piqray", "BYL719", target="PI3K alpha"),
    _d("copanlisib", C.PI3K_INHIBITOR, "Aliqopa", target="PI3K"),
    _d("capivasertib", C.AKT_INHIBITOR, "Truqap", "AZD5363", target="AKT"),
    _d("ipatasertib", C.AKT_INHIBITOR, "GDC-0068", target="AKT"),
    _d("inavolisib", C.PI3K_INHIBITOR, "Itovebi", "GDC-0077", target="PI3K alpha"),
    _d("gedatolisib", C.PI3K_INHIBITOR, "PF-05212384", target="PI3K/mTOR"),
    _d("everolimus", C.MTOR_INHIBITOR, "Afinitor", target="mTOR"),
    # PARP inhibitors
    _d("olaparib", C.PARP_INHIBITOR, "Lynparza"),
    _d("talazoparib", C.PARP_INHIBITOR, "Talzenna"),
    # not in the review, nor approved for breast cancer; a history can name it (a trial,
    # another cancer): case 6066, an mCODE history whose niraparib line was left out
    _d("niraparib", C.PARP_INHIBITOR, "Zejula", "MK-4827"),
    # antibody-drug conjugates, by target (review: Antibody Drug Conjugate)
    _d(
        "trastuzumab deruxtecan",
        C.ADC_HER2,
        "Enhertu",
        "T-DXd",
        "DS-8201",
        "fam-trastuzumab deruxtecan",
        "fam-trastuzumab deruxtecan-nxki",  # the US label's name, with the FDA's suffix
        target="HER2",
    ),
    _d(
        "trastuzumab emtansine",
        C.ADC_HER2,
        "Kadcyla",
        "T-DM1",
        "ado-trastuzumab emtansine",
        target="HER2",
    ),
    _d("trastuzumab duocarmazine", C.ADC_HER2, "SYD985", target="HER2"),
    _d("a166", C.ADC_HER2, target="HER2"),
    _d("arx788", C.ADC_HER2, target="HER2"),
    _d("disitamab vedotin", C.ADC_HER2, "RC48", "RC-48", target="HER2"),
    _d("patritumab deruxtecan", C.ADC_HER3, "U3-1402", "HER3-DXd", target="HER3"),
    _d("ladiratuzumab vedotin", C.ADC_LIV1, "SGN-LIV1A", target="LIV-1"),
    _d("cab-ror2-adc", C.ADC_ROR2, "BA3021", target="ROR2"),
    _d(
        "sacituzumab govitecan",
        C.ADC_TROP2,
        "Trodelvy",
        "IMMU-132",
        "SG",
        "sacituzumab govitecan-hziy",
        target="TROP2",
    ),
    _d(
        "datopotamab deruxtecan",
        C.ADC_TROP2,
        "Datroway",
        "Dato-DXd",
        "DS-1062",
        "datopotamab deruxtecan-dlnk",
        target="TROP2",
    ),
    # other targeted and investigational agents (review: Other Potential Strategies, Table 3)
    _d("venetoclax", C.BCL2_INHIBITOR, "Venclexta", "Venclyxto", target="BCL2"),
    _d("dinaciclib", C.CDK2_INHIBITOR, target="CDK1/2/5/9"),
    _d("pf-07104091", C.CDK2_INHIBITOR, "tagtociclib", target="CDK2"),
    _d("blu-222", C.CDK2_INHIBITOR, target="CDK2"),
    _d("pf-06873600", C.CDK2_INHIBITOR, "ebvaciclib", target="CDK2/4/6"),
    _d("pf-07220060", C.UNCLASSIFIED),  # the review does not give its class
    _d("sy-1365", C.CDK7_INHIBITOR, target="CDK7"),
    _d("sy-5609", C.CDK7_INHIBITOR, target="CDK7"),
    _d("xl102", C.CDK7_INHIBITOR, target="CDK7"),
    _d("ly3295668", C.AURKA_INHIBITOR, "LY3295668 erbumine", target="AURKA"),
    _d("onapristone", C.PROGESTERONE_RECEPTOR_ANTAGONIST, target="PR"),
    _d("astx727", C.HYPOMETHYLATING_AGENT, "cedazuridine and decitabine", "Inqovi"),
    _d("avelumab", C.IMMUNE_CHECKPOINT_INHIBITOR, "Bavencio", target="PD-L1"),
    _d("pembrolizumab", C.IMMUNE_CHECKPOINT_INHIBITOR, "Keytruda", target="PD-1"),
    # chemotherapy
    _d("chemotherapy", C.CHEMOTHERAPY, "chemo", "cytotoxic chemotherapy"),
    _d("capecitabine", C.CHEMOTHERAPY, "Xeloda"),
    _d("paclitaxel", C.CHEMOTHERAPY, "Taxol"),
    _d("nab-paclitaxel", C.CHEMOTHERAPY, "Abraxane", "albumin-bound paclitaxel"),
    _d("docetaxel", C.CHEMOTHERAPY, "Taxotere"),
    _d("eribulin", C.CHEMOTHERAPY, "Halaven"),
    _d("vinorelbine", C.CHEMOTHERAPY, "Navelbine"),
    _d("doxorubicin", C.CHEMOTHERAPY, "Adriamycin"),
    _d("pegylated liposomal doxorubicin", C.CHEMOTHERAPY, "Doxil", "Caelyx", "PLD"),
    _d("epirubicin", C.CHEMOTHERAPY, "Ellence", "Pharmorubicin"),
    _d("utidelone", C.CHEMOTHERAPY),
    _d("carboplatin", C.CHEMOTHERAPY, "Paraplatin"),
    _d("cisplatin", C.CHEMOTHERAPY, "Platinol"),
    _d("gemcitabine", C.CHEMOTHERAPY, "Gemzar"),
    _d("cyclophosphamide", C.CHEMOTHERAPY, "Cytoxan", "Endoxan"),
    _d("fluorouracil", C.CHEMOTHERAPY, "5-FU", "5-fluorouracil"),
    _d("methotrexate", C.CHEMOTHERAPY),
    _d("ixabepilone", C.CHEMOTHERAPY, "Ixempra"),
    _d("tegafur", C.CHEMOTHERAPY, "S-1", "TS-1", "Teysuno", "tegafur/gimeracil/oteracil"),
    _d("mitoxantrone", C.CHEMOTHERAPY, "Novantrone"),
    # cytotoxic lines a later-line history can hold (case 6066: left out of a converted record)
    _d("etoposide", C.CHEMOTHERAPY, "VP-16", "Vepesid", "oral etoposide"),
    _d("irinotecan", C.CHEMOTHERAPY, "Camptosar", "CPT-11"),
    # an antibody given with chemotherapy (E2100's bevacizumab + paclitaxel), of no class here
    _d("bevacizumab", C.UNCLASSIFIED, "Avastin", target="VEGF-A"),
)


_DROP = str.maketrans("", "", " \t\n\r-_")


#: longer names are folded without being remembered, so the cache stays small
_CACHED_LENGTH = 100


def fold(name: str) -> str:
    """The matching form of a name: lower case without spaces, hyphens or underscores."""
    return _fold(name) if len(name) <= _CACHED_LENGTH else name.casefold().translate(_DROP)


@functools.lru_cache(maxsize=4096)
def _fold(name: str) -> str:
    return name.casefold().translate(_DROP)


BY_NAME: MappingProxyType[str, Drug] = MappingProxyType({d.name: d for d in DRUGS})

_LOOKUP: dict[str, Drug] = {}
for _drug in DRUGS:
    for _alias in (_drug.name, *_drug.synonyms):
        _LOOKUP[fold(_alias)] = _drug
del _drug, _alias

#: every spelling accepted, for suggestions
SPELLINGS: tuple[str, ...] = tuple(sorted({a for d in DRUGS for a in (d.name, *d.synonyms)}))


#: treatments that are not drugs, and how a profile records them (case 1124): a surgery
#: that ends ovarian function is the menopause, not a course; local treatment and the
#: bone-targeted agents are no line (cases 1339, 1343: radiotherapy drew "did you mean
#: chemotherapy?")
#: the HER2-directed drugs (not the ADCs the review names), by their folded names and brands:
#: given for HER2-positive disease only, outside the review (cases 1944, 6221)
HER2_DIRECTED = frozenset(
    {"trastuzumab", "herceptin", "herzuma", "kanjinti", "ogivri", "ontruzant", "trazimera"}
    | {"pertuzumab", "perjeta", "phesgo", "margetuximab", "lapatinib", "tykerb", "tyverb"}
    | {"neratinib", "nerlynx", "tucatinib", "tukysa", "pyrotinib"}
)
HER2_DIRECTED_SAID = (
    "HER2-directed therapy is given for HER2-positive disease, outside the review "
    "(HR+/HER2- only): confirm the current HER2 status (ASCO/CAP); where any sample is "
    "HER2-positive, anti-HER2 therapy is to be considered (ESMO), which resistx does not rank"
)


def her2_directed_in(text: str) -> tuple[str, ...]:
    """The HER2-directed drugs a text names among its words ('Tukysa 300 mg bd'), each once;
    not trastuzumab in 'trastuzumab deruxtecan' or 'trastuzumab emtansine' (ADCs resistx
    reads)."""
    words = re.findall(r"[^\W\d_]+", text.casefold())
    return tuple(
        dict.fromkeys(
            w
            for k, w in enumerate(words)
            if w in HER2_DIRECTED and " ".join(words[k : k + 2]) not in _ADC_NAMES
        )
    )


_ADC_NAMES = frozenset(
    {"trastuzumab deruxtecan", "trastuzumab emtansine", "trastuzumab duocarmazine"}
)


NOT_DRUGS = (
    dict.fromkeys(
        (
            "oophorectomy",
            "bilateraloophorectomy",
            "salpingooophorectomy",
            "bilateralsalpingooophorectomy",
            "bso",
            "ovarianablation",
            "ovarianirradiation",
            "surgicalovarianablation",
        ),
        "a surgery or radiotherapy that ends ovarian function is not a course: record it as "
        'menopausal_status "postmenopausal" (a bilateral oophorectomy\'s date as oophorectomy_on; '
        "with a GnRH agonist, record the agonist)",
    )
    | dict.fromkeys(
        (
            "radiotherapy",
            "radiation",
            "radiationtherapy",
            "palliativeradiotherapy",
            "sbrt",
            "sabr",
            "srs",
            "stereotacticradiosurgery",
            "radiosurgery",
            "wbrt",
            "wholebrainradiotherapy",
            "xrt",
            "rt",
            "ebrt",
            "gammaknife",
            "surgery",
            "mastectomy",
            "lumpectomy",
            "widelocalexcision",
            "axillaryclearance",
            "axillarydissection",
            "craniotomy",
            "metastasectomy",
        ),
        "local treatment (radiotherapy, surgery) is not a systemic course: record it in "
        "other_conditions",
    )
    | dict.fromkeys(
        (
            "zoledronicacid",
            "zoledronate",
            "zometa",
            "denosumab",
            "xgeva",
            "prolia",
            "pamidronate",
            "ibandronate",
            "ibandronicacid",
            "clodronate",
            "bisphosphonate",
        ),
        "a bone-targeted agent is not a line of treatment: record it in medications",
    )
    # the HER2-directed drugs, which drew hints of other classes (case 1944)
    | dict.fromkeys(
        HER2_DIRECTED,
        f"{HER2_DIRECTED_SAID}. A course of it is not recorded here: record a chemotherapy "
        "given with it alone",
    )
    # the class named instead of the drug, which drew no hint (case 1865)
    | dict.fromkeys(
        (
            "ofs",
            "gnrha",
            "gnrhagonist",
            "lhrha",
            "lhrhagonist",
            "ovarianfunctionsuppression",
            "ovariansuppression",
        ),
        "name the GnRH agonist given (goserelin, leuprorelin or triptorelin)",
    )
    # a man's surgical castration, which replaces a GnRH agonist beside an aromatase inhibitor
    # (case 1872; ASCO 2020 male breast cancer guideline, not in the review)
    | dict.fromkeys(
        ("orchiectomy", "orchidectomy", "bilateralorchiectomy", "surgicalcastration"),
        "a surgery is not a course: record it in other_conditions; resistx reads testicular "
        "suppression from a GnRH agonist only, so where it asks for one beside an aromatase "
        "inhibitor, the orchiectomy answers it",
    )
)


def not_a_drug(name: str) -> str | None:
    """What to record instead, for a treatment that is not a systemic course (``NOT_DRUGS``):
    by its folded name, or a longer name that starts with one ('radiotherapy 20 Gy'), unless it
    starts with a longer drug name resistx knows ('trastuzumab deruxtecan 5.4 mg/kg' is no
    trastuzumab: case 1967)."""
    key = fold(name)
    found = NOT_DRUGS.get(key)
    if found is None:
        found = next(
            (
                v
                for k, v in NOT_DRUGS.items()
                if len(k) >= 6
                and key.startswith(k)
                and not any(len(d) > len(k) and key.startswith(d) for d in _FOLDED_SPELLINGS)
            ),
            None,
        )
    return found


#: every drug name resistx knows, folded (``not_a_drug``)
_FOLDED_SPELLINGS = frozenset(_LOOKUP)


#: how each class is given (the labels; not in the review), and the drugs given otherwise than
#: their class: what a trial option's routes are read from (rule 110; case 1181)
_CLASS_ROUTES = {
    **dict.fromkeys(
        (
            C.CDK46_INHIBITOR,
            C.AROMATASE_INHIBITOR,
            C.SERM,
            C.ORAL_SERD,
            C.PARP_INHIBITOR,
            C.PI3K_INHIBITOR,
            C.AKT_INHIBITOR,
            C.MTOR_INHIBITOR,
            C.BCL2_INHIBITOR,
        ),
        Route.ORAL,
    ),
    C.SERD: Route.INTRAMUSCULAR,
    **dict.fromkeys((c for c in C if c.is_adc), Route.INTRAVENOUS),
}
_DRUG_ROUTES = {"gedatolisib": Route.INTRAVENOUS}


def route_of(name: str) -> Route | None:
    """How a drug (canonical name) is given, where its class or the drug says; else None
    (chemotherapy, the GnRH agonists, investigational agents)."""
    return _DRUG_ROUTES.get(name) or _CLASS_ROUTES.get(BY_NAME[name].drug_class)


#: the salt a record may name after the drug ('goserelin acetate', 'triptorelin pamoate',
#: 'eribulin mesylate'): the drug is the same (case 1859)
_SALTS = (" acetate", " pamoate", " embonate", " mesylate", " hydrochloride", " citrate")


def lookup(name: str) -> Drug | None:
    """The drug a generic, brand or code name stands for, its salt named or not, or None."""
    found = _LOOKUP.get(fold(name))
    if found is None and (bare := name.casefold().strip()).endswith(_SALTS):
        found = _LOOKUP.get(fold(bare.rsplit(" ", 1)[0]))
    return found


def unknown(name: str) -> str:
    """How a name no drug answers to is refused, with the nearest spellings."""
    return f"{name!r} is not a drug resistx knows{hint(name)}"


def hint(name: str) -> str:
    """What follows "is not a drug resistx knows" for a name no drug answers to: a spelling it
    could be a slip of ('; did you mean ...?'), else what the name is where resistx knows
    (``not_a_drug``: ': HER2-directed therapy is ...'), else ''. Only a slip is offered
    (session 67, 7590s: 'MK-2870', sacituzumab tirumotecan, drew 'MK-4827', niraparib, and a
    case that followed it lost both PARP inhibitors; 'mitomycin' drew Adriamycin,
    'sacitizumab' bevacizumab first); beside what the name is, only one close over the whole
    name ('trastuzumab deruxtecn' was refused as HER2-directed therapy; 'trastuzumab' is)."""
    instead = not_a_drug(name)
    slip = _suggest.did_you_mean(name, SPELLINGS, _whole_slip_of if instead else _a_slip_of)
    return slip or (f": {instead}" if instead else "")


def _whole_slip_of(name: str, spelling: str) -> bool:
    return _suggest.likeness(name, spelling) >= _SLIP_RATIO and _a_slip_of(name, spelling)


#: how alike a name and a spelling must be (difflib's ratio) to be offered as its slip
_SLIP_RATIO = 0.85


def _a_slip_of(name: str, spelling: str) -> bool:
    """A spelling a name could be a slip of: the same numbers (a code name's are its identity),
    and close over the whole, or its first word one slip from the name or begun by it
    ('datopotamab' for datopotamab deruxtecan)."""
    word, other = name.casefold().strip(), spelling.casefold()
    numbers = re.findall(r"\d+", other)
    if numbers and re.findall(r"\d+", word) != numbers:
        return False  # a code name's numbers are its identity
    first = other.split(" ")[0]
    words = re.findall(r"[a-z0-9]+", word)
    # a known name among the words ('paclitaxel weekly', 'capecitabine (Xeloda)'; the
    # recheck, 7768: they had lost their hint), or one slip from it ('Ibrans')
    if any(w == other or (len(w) >= _SLIP_WORD and _suggest.one_slip(w, first)) for w in words):
        return True
    return (
        _suggest.likeness(word, other) >= _SLIP_RATIO
        or other.startswith((word + " ", word + "-"))  # 'Dato' for Dato-DXd
        or (len(word) >= _SLIP_WORD and _suggest.one_slip(word, first))
    )


#: a word this long or longer may be one slip from a spelling's first word
_SLIP_WORD = 6


def unknown_at(names: tuple[str, ...] | list[str]) -> list[tuple[int, str]]:
    """(index, refusal) of each name no drug answers to: a list of drug names' problems, each
    at its place (a profile's next_treatment, a cohort's column: cases 5783, 6321); a name of
    no systemic course says what it is (7502: 'denosumab' was no drug resistx knows, and
    'radiotherapy' drew 'did you mean chemotherapy?')."""
    return [(i, _not_given_next(n)) for i, n in enumerate(names) if lookup(n) is None]


def _not_given_next(name: str) -> str:
    why = not_a_drug(name) or ""
    if ": record" not in why:
        return unknown(name)
    return (
        f"{name!r}: {why.split(': record')[0]}: leave it out of next_treatment, which names the "
        "systemic drugs given next"
    )


def drug_class(name: str) -> C:
    """The class of a canonical drug name (KeyError for an unknown one)."""
    return BY_NAME[name].drug_class


#: the oestrogen-receptor degraders: fulvestrant and the oral SERDs (rule 93)
DEGRADER_CLASSES = frozenset({C.SERD, C.ORAL_SERD})
#: the non-steroidal aromatase inhibitors, whose failure BOLERO-2 enrolled (the review) and
#: whose doublets with a CDK4/6 inhibitor the first-line trials gave (rules 71, 96)
NONSTEROIDAL_AROMATASE_INHIBITORS = frozenset({"letrozole", "anastrozole"})
#: the platinum drugs, whose failure OlympiAD and EMBRACA excluded (rule 105)
PLATINUM = frozenset({"carboplatin", "cisplatin"})
#: the endocrine classes: an aromatase inhibitor, a SERD (fulvestrant or oral), a SERM
ENDOCRINE_CLASSES = frozenset(
    {C.AROMATASE_INHIBITOR, C.SERD, C.ORAL_SERD, C.SERM, C.OTHER_ENDOCRINE}
)


#: the longest drug name in words ('trastuzumab deruxtecan', a brand with its maker's word)
_MOST_WORDS = 4


def named_in(label: str) -> tuple[str, ...]:
    """Each resistx drug a label names among its words, each once, in the label's order: by
    its generic, brand or code name in any case, the longest name first at each word
    ('IBRANCE (palbociclib) 125 mg capsule': palbociclib; 'letrozole 2.5mg + ribociclib
    600mg': letrozole and ribociclib; case 2609)."""
    # a hyphenated word that names no drug whole is read by its parts (case 2682b:
    # 'Palbociclib-ratiopharm', 'palbociclib-letrozole')
    words = [
        part
        for word in re.findall(r"[^\W_]+(?:-[^\W_]+)*", label)
        for part in ([word] if "-" not in word or lookup(word) else word.split("-"))
    ]
    found: dict[str, None] = {}
    k = 0
    while k < len(words):
        for n in range(min(_MOST_WORDS, len(words) - k), 0, -1):
            drug = lookup(" ".join(words[k : k + n]))
            if drug is not None:
                found[drug.name] = None
                k += n
                break
        else:
            k += 1
    return tuple(found)
