"""Medications resistx reads from a profile's ``medications`` list: the strong CYP3A
inhibitors and inducers (FDA's lists of clinical index drugs and the labels of the drugs
resistx ranks name them; not in the review), and the vitamin K antagonists (capecitabine's
label warns of them: rule 132). Any other medication is repeated in the plan as not assessed
(rule 115, case 1210)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

#: a strong CYP3A inhibitor or inducer, by the name a clinic writes (generic, lower case)
STRONG_CYP3A: MappingProxyType[str, str] = MappingProxyType(
    {
        **dict.fromkeys(
            (
                "itraconazole",
                "ketoconazole",
                "posaconazole",
                "voriconazole",
                "clarithromycin",
                "telithromycin",
                "ritonavir",
                "cobicistat",
                "nefazodone",
                "nelfinavir",
                "indinavir",
                "saquinavir",
                "grapefruit juice",
            ),
            "inhibitor",
        ),
        **dict.fromkeys(
            (
                "rifampicin",
                "rifampin",
                "carbamazepine",
                "phenytoin",
                "st john's wort",
                "enzalutamide",
                "apalutamide",
                "mitotane",
            ),
            "inducer",
        ),
    }
)


#: brand names and spellings a clinic writes, by the generic name (cases 1267-1270)
OTHER_NAMES: MappingProxyType[str, str] = MappingProxyType(
    {
        "sporanox": "itraconazole",
        "nizoral": "ketoconazole",
        "noxafil": "posaconazole",
        "vfend": "voriconazole",
        "klacid": "clarithromycin",
        "klaricid": "clarithromycin",
        "biaxin": "clarithromycin",
        "norvir": "ritonavir",
        "paxlovid": "ritonavir",
        "rifadin": "rifampicin",
        "rimactane": "rifampicin",
        "rifinah": "rifampicin",
        "rifater": "rifampicin",
        "rhze": "rifampicin",
        "tegretol": "carbamazepine",
        "epanutin": "phenytoin",
        "dilantin": "phenytoin",
        "st johns wort": "st john's wort",
        "st john wort": "st john's wort",
        "hypericum": "st john's wort",
        "xtandi": "enzalutamide",
        "erleada": "apalutamide",
        "lysodren": "mitotane",
        # European spellings and brands, and the combinations boosted by ritonavir or
        # cobicistat (case 1904: each passed unread)
        **{f"{n}e": n for n in ("rifampicin", "clarithromycin", "phenytoin")},
        **{n[:-1]: n for n in ("itraconazole", "ketoconazole", "posaconazole", "voriconazole")},
        "carbamazepin": "carbamazepine",
        **dict.fromkeys(("tegretal", "timonil"), "carbamazepine"),
        **dict.fromkeys(("rimactan", "rifadine", "eremfat"), "rifampicin"),
        "kaletra": "ritonavir",
        **dict.fromkeys(("genvoya", "stribild", "prezcobix", "evotaz", "symtuza"), "cobicistat"),
        "tybost": "cobicistat",
        "rezolsta": "cobicistat",  # an EU brand of darunavir/cobicistat (case 1975)
        # a clinic's shorthand (case 2111: 'itra 200mg bd' and 'warf' passed unread)
        "itra": "itraconazole",
        "lozanoc": "itraconazole",
        **dict.fromkeys(("clarithro", "clari"), "clarithromycin"),
        "vori": "voriconazole",
        "posa": "posaconazole",
        "cbz": "carbamazepine",
        "sjw": "st john's wort",
        "rif": "rifampicin",
        # Spanish, Italian, German and French spellings and brands, and US brands (case 1976,
        # 1977, 1978)
        **dict.fromkeys(("fenitoina", "fenytoin", "phenytek", "phenhydan"), "phenytoin"),
        **dict.fromkeys(("claritromicina",), "clarithromycin"),
        **dict.fromkeys(("carbamazepina", "epitol", "carbatrol", "equetro"), "carbamazepine"),
        **dict.fromkeys(("rifampicina", "rifaldin"), "rifampicin"),
        **dict.fromkeys(("itraconazolo", "sempera", "trisporal", "itrizole"), "itraconazole"),
        "posanol": "posaconazole",
        "crixivan": "indinavir",
        "invirase": "saquinavir",
        "viracept": "nelfinavir",
        **dict.fromkeys(("johanniskraut", "millepertuis"), "st john's wort"),
        **dict.fromkeys(("saint john's wort", "saint johns wort"), "st john's wort"),
    }
)
#: words that say an entry's drug is not taken now: never read as current (case 1268)
NOT_TAKEN = frozenset(
    {"no", "not", "stopped", "previously", "previous", "formerly", "former", "past"}
    | {"allergy", "allergic", "discontinued", "ceased", "held", "intolerant"}
    | {"declined", "declines", "refused", "refuses", "completed", "finished"}
    # a topical form is barely absorbed: no systemic interaction (case 1286)
    | {"shampoo", "cream", "topical", "topically", "gel", "ointment", "lotion", "drops"}
)


def folded(text: str) -> str:
    """Lower case, accents removed ('carbamazépine' reads as 'carbamazepine', case 1904)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("\u2019", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z']+", folded(text))) + " "


#: marks of one drug changed for another, the new one after the mark ('escitalopram switched
#: to sertraline': session 54's sweep, 3020, read escitalopram as taken now)
_CHANGED_TO = re.compile(
    r"->|\u2192|=>|>|\b(?:switched|changed|swapped) (?:to|for)\b|\breplaced by\b|\bthen\b"
)
#: a clause's words that say its drug is the one given before ('(switched from citalopram)',
#: '(replaced warfarin 2023)', '(previously on apixaban)')
_BEFORE = frozenset({"from", "instead", "replaced", "replacing"})
#: a clause's words that say its drug is taken now, whatever else it says
_NOW = frozenset({"now", "currently", "started", "restarted", "resumed", "commenced", "continued"})
#: words of a dose, its timing or its reason, not of another drug ('citalopram 20 -> 10 mg')
_DOSING = frozenset(
    {"mg", "mcg", "ug", "units", "unit", "iu", "ml", "dose", "daily", "nocte", "mane", "bd"}
    | {"tds", "qds", "od", "weekly", "twice", "once", "qtc", "inr", "tablet", "tablets"}
)


#: the words a clause of a status alone may hold besides the status ('- completed', '(stopped
#: 2019)', 'discontinued in March'); its numbers are dropped
_STATUS_ONLY = NOT_TAKEN | {"in", "on", "at", "since", "by", "for", "after", "due", "to", "the"}
_STATUS_ONLY |= {"patient", "course", "treatment", "therapy", "was", "is", "has", "been", "a"}


def taken_now_text(medication: str) -> str:
    """The part of a medication entry that says what is taken now (the recheck of session 55,
    3171, 3179a): after a change of drug, the new one ('X switched to Y', 'X -> Y'; a dose
    changed keeps its drug: 'citalopram 20 -> 10 mg'); of the clauses (split at punctuation),
    those that do not say their drug is stopped or given before ('itraconazole 200 mg bd, no
    side effects' is taken; 'sertraline (switched from citalopram)' is sertraline)."""
    text = folded(medication)
    *before, after = _CHANGED_TO.split(text)
    if before and set(re.findall(r"[a-z]{3,}", after)) - _DOSING:
        text = after
    elif before:
        text = " ".join(before)
    clauses = re.split(r"[,;:()\[\]\u2013\u2014]|\s-\s", text)
    words = [set(re.findall(r"[a-z']+", c)) for c in clauses]
    if any(w & {"restarted", "resumed"} for w in words):  # 'warfarin held, restarted 04/2026'
        return text
    # a clause of a status alone says it of the whole entry ('tamoxifen 2008-2013 - completed')
    if any(w and w <= _STATUS_ONLY and w & NOT_TAKEN for w in words) and not any(
        w & _NOW for w in words
    ):
        return ""
    return " , ".join(
        c for c, w in zip(clauses, words, strict=True) if w & _NOW or not w & (NOT_TAKEN | _BEFORE)
    )


def _taken_now(medication: str, names: Mapping[str, str]) -> str | None:
    """The generic name of the drug of ``names`` (a name a clinic writes -> its generic name) a
    medication entry names, taken now (``taken_now_text``); None where it names none."""
    said = _words(taken_now_text(medication))
    return next((generic for name, generic in names.items() if f" {name} " in said), None)


#: every name of a strong CYP3A inhibitor or inducer a clinic writes, by its generic name
_CYP3A_NAMES = MappingProxyType({**{n: n for n in STRONG_CYP3A}, **OTHER_NAMES})


def strong_cyp3a(medication: str) -> tuple[str, str] | None:
    """The strong CYP3A inhibitor or inducer a medication entry names ("itraconazole 200 mg
    twice daily"): (its name, "inhibitor" or "inducer"); None for any other medication."""
    generic = _taken_now(medication, _CYP3A_NAMES)
    return None if generic is None else (generic, STRONG_CYP3A[generic])


#: the vitamin K antagonists (coumarins and the like), by the names a clinic writes, and their
#: generic names: capecitabine raises their INR (its US label; case 1799, rule 132)
VITAMIN_K_ANTAGONISTS: MappingProxyType[str, str] = MappingProxyType(
    {
        **{n: n for n in ("warfarin", "acenocoumarol", "phenprocoumon", "fluindione")},
        **dict.fromkeys(("coumadin", "jantoven", "marevan"), "warfarin"),
        "sintrom": "acenocoumarol",
        **dict.fromkeys(("marcumar", "marcoumar", "falithrom"), "phenprocoumon"),
        **dict.fromkeys(("warfarine", "warfarina", "coumadine", "warf"), "warfarin"),
        **dict.fromkeys(("sinthrome", "acenocumarol", "acenocumarolo"), "acenocoumarol"),
        "previscan": "fluindione",
    }
)


def vitamin_k_antagonist(medication: str) -> str | None:
    """The vitamin K antagonist a medication entry names, taken now, by its generic name."""
    return _taken_now(medication, VITAMIN_K_ANTAGONISTS)


def vitamin_k_antagonist_on_record(medications: tuple[str, ...]) -> str:
    """The first vitamin K antagonist the medications name ("" if none): rule 132 reads it."""
    return next((g for g in map(vitamin_k_antagonist, medications) if g), "")


def strong_cyp3a_on_record(medications: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each strong CYP3A inhibitor or inducer the medications name, once, in order: what rules
    115 (``BalanceInputs.strong_cyp3a``) and 116 read."""
    return tuple(sorted({m for m in map(strong_cyp3a, medications) if m}))


def unread_medications(medications: tuple[str, ...]) -> tuple[str, ...]:
    """The medications resistx does not read, as the plan repeats them (not assessed): an
    insulin taken now is read, against the diabetes on record (``Profile`` checks the two)."""
    return tuple(
        f"{m} ({UNREAD})"
        for m in medications
        if not (
            strong_cyp3a(m) or vitamin_k_antagonist(m) or insulin_taken_now(m) or qt_prolonging(m)
        )
    )


#: what the plan says of a medication it does not read (case 1799: it read as if interactions
#: were screened)
UNREAD = (
    "not read by resistx, which reads a strong CYP3A inhibitor or inducer, a vitamin K "
    "antagonist, a drug known to prolong the QT interval and an insulin taken now, and no other "
    "interaction"
)


#: insulin by its brands, as electronic records export it (case 2771: 'Lantus' was not read,
#: and the diabetes kept no insulin)
INSULIN_BRANDS = frozenset(
    {
        "lantus", "toujeo", "levemir", "tresiba", "humalog", "novorapid", "novolog", "apidra",
        "fiasp", "lyumjev", "admelog", "humulin", "novolin", "novomix", "mixtard", "actrapid",
        "insulatard", "basaglar", "abasaglar", "semglee", "ryzodeg", "xultophy", "soliqua",
        "insuman", "glargine", "detemir", "degludec", "lispro", "aspart", "glulisine",
        "rezvoglar", "afrezza", "awiqli", "icodec",
    }
)  # fmt: skip


def is_insulin(medication: str) -> bool:
    """A medication that is insulin: named so, by a brand or an insulin's own name
    ('Lantus SoloStar', 'INS GLARG': case 2771)."""
    words = re.findall(r"[a-z]+", medication.casefold())
    if _NOT_INSULIN & set(words):  # an insulin sensitiser, insulin resistance: no insulin
        return False
    return "insulin" in words or any(w in INSULIN_BRANDS or w.startswith("glarg") for w in words)


_NOT_INSULIN = frozenset({"sensitiser", "sensitizer", "sensitising", "sensitizing", "resistance"})


def insulin_taken_now(medication: str) -> bool:
    """An insulin the entry names, taken now ('insulin stopped 2019' is not)."""
    return is_insulin(taken_now_text(medication))


#: drugs known to prolong the QT interval, by the names a clinic writes, and their generic
#: names: those ribociclib's US label names (section 7: the antiarrhythmics amiodarone,
#: disopyramide, procainamide, quinidine, sotalol; chloroquine, halofantrine, ciprofloxacin,
#: levofloxacin, azithromycin, haloperidol, methadone, moxifloxacin, bepridil, pimozide,
#: ondansetron), and common ones on CredibleMeds' list of known risk of torsades de pointes
#: (session 54, case 2799: methadone and citalopram beside ribociclib first); clarithromycin,
#: a strong CYP3A inhibitor too, is read as one (rule 115)
QT_PROLONGING: MappingProxyType[str, str] = MappingProxyType(
    {
        **{
            n: n
            for n in (
                "amiodarone", "disopyramide", "procainamide", "quinidine", "sotalol",
                "chloroquine", "halofantrine", "ciprofloxacin", "levofloxacin",
                "azithromycin", "haloperidol", "methadone", "moxifloxacin", "bepridil",
                "pimozide", "ondansetron", "citalopram", "escitalopram", "domperidone",
                "donepezil", "droperidol", "hydroxychloroquine", "erythromycin",
                "fluconazole", "flecainide", "dofetilide", "dronedarone", "ibutilide",
                "chlorpromazine", "thioridazine", "levomepromazine", "sulpiride",
                "pentamidine", "anagrelide", "cilostazol",
            )
        },
        **dict.fromkeys(("cordarone", "pacerone", "nexterone"), "amiodarone"),
        # European spellings and brands (the recheck of session 55, 3172)
        **dict.fromkeys(("amiodaron", "cordarex"), "amiodarone"),
        "methadon": "methadone",
        **dict.fromkeys(("levofloxacine", "levofloxacino"), "levofloxacin"),
        **dict.fromkeys(("betapace", "sotalex"), "sotalol"),
        **dict.fromkeys(("celexa", "cipramil", "seropram"), "citalopram"),
        **dict.fromkeys(("lexapro", "cipralex", "seroplex"), "escitalopram"),
        **dict.fromkeys(("zofran", "zofron"), "ondansetron"),
        "haldol": "haloperidol",
        **dict.fromkeys(("motilium", "domperidon"), "domperidone"),
        "aricept": "donepezil",
        **dict.fromkeys(("plaquenil", "quensyl"), "hydroxychloroquine"),
        **dict.fromkeys(("zithromax", "azithromycine"), "azithromycin"),
        **dict.fromkeys(("cipro", "ciproxin", "ciprobay"), "ciprofloxacin"),
        **dict.fromkeys(("levaquin", "tavanic"), "levofloxacin"),
        "avelox": "moxifloxacin",
        **dict.fromkeys(("diflucan", "triflucan"), "fluconazole"),
        "tambocor": "flecainide",
        "multaq": "dronedarone",
        "tikosyn": "dofetilide",
        "orap": "pimozide",
        **dict.fromkeys(("methadose", "dolophine", "physeptone"), "methadone"),
        "largactil": "chlorpromazine",
        "pletal": "cilostazol",
    }
)  # fmt: skip


def qt_prolonging(medication: str) -> str | None:
    """The drug known to prolong the QT interval a medication entry names, taken now, by its
    generic name; None for any other medication."""
    return _taken_now(medication, QT_PROLONGING)


def qt_prolonging_on_record(medications: tuple[str, ...]) -> tuple[str, ...]:
    """Each drug known to prolong the QT interval the medications name, once, in order of
    mention (rules 142 and 143 read them)."""
    return tuple(dict.fromkeys(g for g in map(qt_prolonging, medications) if g))


#: drugs used only for diabetes, by the names a clinic writes (the sulfonylureas, the DPP-4
#: inhibitors, the glinides, pioglitazone, acarbose): taken now, they say the patient has
#: diabetes, which the PI3K and AKT inhibitors read (rules 12, 78; the regression sweep of
#: session 54, 3032m: gliclazide and no diabetes on record, alpelisib preferred). Not
#: metformin, the SGLT2 inhibitors or the GLP-1 agonists, which have other uses.
DIABETES_ONLY = frozenset(
    {
        "gliclazide", "glimepiride", "glipizide", "glibenclamide", "glyburide", "tolbutamide",
        "sitagliptin", "saxagliptin", "linagliptin", "alogliptin", "vildagliptin",
        "repaglinide", "nateglinide", "pioglitazone", "acarbose",
        "diamicron", "amaryl", "glucotrol", "daonil", "januvia", "janumet", "onglyza",
        "trajenta", "tradjenta", "jentadueto", "galvus", "eucreas", "vipidia", "nesina",
        "prandin", "novonorm", "starlix", "actos", "glucobay",
    }
)  # fmt: skip


def diabetes_drug_taken_now(medication: str) -> bool:
    """A drug used only for diabetes (``DIABETES_ONLY``) the entry names, taken now."""
    return bool(set(_words(taken_now_text(medication)).split()) & DIABETES_ONLY)
