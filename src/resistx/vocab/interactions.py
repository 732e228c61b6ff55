"""Medications resistx reads from a profile's ``medications`` list: the strong CYP3A
inhibitors and inducers (FDA's lists of clinical index drugs and the labels of the drugs
resistx ranks name them, and a clinical table built on FDA's guidance, UpToDate's CYP3A
inhibitors and inducers, whose strong ones are read too where the lists differ: the cautious
reading, case 6235; not in the review), and the vitamin K antagonists (capecitabine's
label warns of them: rule 132). Any other medication is repeated in the plan as not assessed
(rule 115, case 1210)."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType

from resistx.vocab.moderate_cyp3a import MODERATE_CYP3A, MODERATE_NAMES

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
                # strong in the FDA-based clinical table (case 6235)
                "idelalisib",
                "mifepristone",
                "levoketoconazole",
                "lonafarnib",
                "ceritinib",
                "atazanavir",
                "darunavir",
                "lopinavir",
                # strong in capivasertib's product information, moderate in the clinical
                # table: the cautious reading (7033)
                "conivaptan",
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
                # strong in the FDA-based clinical table (case 6235: phenobarbital passed)
                "phenobarbital",
                "primidone",
                "fosphenytoin",
                "lumacaftor",
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
        "carbamaz": "carbamazepine",  # 8495
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
        # the recheck of session 56 (3472): Spanish and Italian, and German spellings
        **dict.fromkeys(("hierba de san juan", "iperico", "hiperico"), "st john's wort"),
        "rifampizin": "rifampicin",
        **dict.fromkeys(("saint john's wort", "saint johns wort"), "st john's wort"),
        # the brands and spellings of the strong ones case 6235 found unread
        **dict.fromkeys(("phenobarbitone", "luminal", "gardenal", "luminaletten"), "phenobarbital"),
        # a chart's shorthand, and Spanish, Italian and German spellings (the recheck, 6408)
        **dict.fromkeys(("phenobarb", "fenobarbital", "fenobarbitale"), "phenobarbital"),
        **dict.fromkeys(("primidon", "primidona"), "primidone"),
        "mysoline": "primidone",
        "cerebyx": "fosphenytoin",
        **dict.fromkeys(("orkambi",), "lumacaftor"),
        "zydelig": "idelalisib",
        "vaprisol": "conivaptan",
        "korlym": "mifepristone",
        "recorlev": "levoketoconazole",
        "zokinvy": "lonafarnib",
        "zykadia": "ceritinib",
        "reyataz": "atazanavir",
        **dict.fromkeys(("prezista",), "darunavir"),
        # ombitasvir, paritaprevir and ritonavir (with dasabuvir): ritonavir is the booster
        **dict.fromkeys(("viekira", "viekirax", "technivie"), "ritonavir"),
    }
)
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
    r"->|\u2192|=>|\b(?:switched|changed|swapped) (?:to|for)\b|\breplaced by\b"
    # ... and from the old drug ('changed from warfarin to rivaroxaban': 5379)
    r"|\b(?:switched|changed|swapped|converted) from\b[^,;.]{0,40}?\bto\b"
)
#: words that begin what follows a change mark where the same drug goes on: a dose, a route or
#: form, a schedule ('methadone 40 mg -> 30 mg taper', 'clarithromycin IV switched to oral';
#: the second recheck of session 55, 3210)
_SAME_DRUG = frozenset(
    {"mg", "mcg", "ug", "g", "units", "unit", "u", "iu", "ml", "dose", "doses", "daily", "od"}
    | {"bd", "bid", "tds", "tid", "qds", "qid", "nocte", "mane", "weekly", "twice", "once"}
    | {"oral", "orally", "po", "iv", "intravenous", "sc", "im", "tablet", "tablets", "capsule"}
    | {"capsules", "liquid", "solution", "patch", "depot", "prn", "as", "per", "taper", "review"}
    | {"titrate", "titrated", "lower", "higher", "half", "alternate", "every", "each", "q"}
)
#: an allergy, an intolerance or a contraindication to a drug: what follows or stands before
#: it in its clause is not taken ('clarithromycin allergy', 'Allergies: clarithromycin': the
#: rechecks of session 60, 5567, 5621-5624)
_ALLERGY = frozenset({"allergy", "allergies", "allergic", "intolerance", "contraindicated"})
#: an allergy, an intolerance or 'avoid' in French, German, Italian, Spanish and Dutch, accents
#: folded ('allergie à la clarithromycine', 'Unverträglichkeit: Rifampicin', 'evitar
#: rifampicina': the second recheck of session 60, 5615)
_ALLERGY_ABROAD = frozenset(
    {"allergie", "allergique", "allergia", "allergico", "allergica", "alergia", "alergico"}
    | {"alergica", "unvertraglichkeit", "intolleranza", "intolerancia"}
    | {"evitar", "evitare", "eviter", "vermeiden", "vermijden", "allergisch"}
)
#: an entry opening with a clause of these alone is a heading over what follows ('ALLERGY -
#: CLARITHROMYCIN': the second recheck, 5621)
_HEADINGS = _ALLERGY | _ALLERGY_ABROAD | {"intolerances", "avoid"}
#: words that say what follows them in a clause is not taken now ('no itraconazole', 'allergic
#: to penicillin', 'previously on apixaban', 'switched from citalopram', '20 mg instead of
#: sertraline')
_NOT_AFTER = frozenset(
    {"no", "not", "stopped", "previously", "previous", "formerly", "former", "past", "from"}
    | {"discontinued", "ceased", "held", "allergy", "allergic", "intolerant", "declined"}
    | {"declines", "refused", "refuses", "instead", "replaced", "replacing", "off", "before"}
    | {"planned", "planning", "pending", "awaiting", "consider", "considering"}
    | {"avoid", "avoided", "avoiding"}  # 'avoid rifampicin' (the recheck of session 60, 5594)
    | {"finished", "completed"}  # 'finished rifampicin' (7520)
    | {"was"}  # 'apixaban (was warfarin)' (7561)
    | _ALLERGY
    | _ALLERGY_ABROAD
    # the free-text review of session 57 (3863j): 'Früher Johanniskraut', 'anciennement', ...
    | {"fruher", "ehemals", "anciennement", "precedentemente", "previamente", "antes"}
)
#: words that say what stands before them in a clause is no longer taken ('itraconazole
#: stopped 2024'), unless 'not' comes just before ('not stopped')
_ENDS_BEFORE = frozenset(
    {"stopped", "discontinued", "ceased", "completed", "finished", "held", "withdrawn", "off"}
    | {"declined", "refused", "previously", "intolerant", "c'd", "inactive", "expired", "weaned"}
    # a stop in German, French, Italian, Spanish or Dutch ('abgesetzt 02/2026', 'arrêté',
    # 'sospeso', 'suspendido': the free-text review of session 57, 3863), accents folded
    | {"abgesetzt", "beendet", "gestoppt", "pausiert", "arrete", "arretee", "interrompu"}
    | {"interrompue", "suspendu", "suspendue", "stoppe", "stoppee", "sospeso", "sospesa"}
    | {"interrotto", "interrotta", "suspendido", "suspendida", "interrumpido", "interrumpida"}
    | {"retirado", "retirada", "gestopt"}
    | _ALLERGY
)
#: words that say what follows them is taken now, whatever came before in the clause
_NOW = frozenset({"now", "currently", "started", "restarted", "resumed", "commenced", "continued"})
_NOW |= {"continuing", "continues"}
#: words that say a stopped drug was given again ('held 5 days, restarted'; in German, French,
#: Italian, Spanish and Dutch: 'wieder angesetzt', 'reprise', 'ripresa', 'reiniciada', 'weer
#: gestart', 'hervat': the recheck of session 57, 4247b-f)
_RESTARTED = frozenset({"restarted", "resumed", "wieder", "wiederaufgenommen", "reprise"})
# ... or is held for now, to be given again ('held for procedure, restart tomorrow',
# 'temporarily held': the recheck, 7047, 7048)
_RESTARTED |= {"restart", "resume", "temporarily", "temporary"}
_RESTARTED |= {"repris", "reprises", "ripresa", "ripreso", "riavviato", "riavviata"}
_RESTARTED |= {"reiniciada", "reiniciado", "reanudada", "reanudado", "herstart", "hervat", "weer"}
#: words that deny a stop right after them ('not stopped', 'nicht abgesetzt', 'no suspendido',
#: 'non sospeso', 'niet gestopt': 4249i-l)
_DENIES_STOP = frozenset({"not", "nicht", "no", "non", "pas", "niet", "nao", "never"})
#: a topical form in a clause: barely absorbed, no systemic interaction (case 1286)
_TOPICAL = frozenset(
    {"shampoo", "cream", "topical", "topically", "gel", "ointment", "lotion", "drops"}
)
#: the words a clause of a status alone may hold besides the status ('- completed 5 years',
#: '(stopped 2019)', 'discontinued in March'): it speaks for the whole entry
_STATUS_ONLY = _ENDS_BEFORE | {"in", "on", "at", "since", "by", "for", "after", "due", "to"}
_STATUS_ONLY |= {"the", "patient", "course", "treatment", "therapy", "was", "is", "has", "been"}
_STATUS_ONLY |= {"a", "years", "year", "months", "month", "weeks", "week", "days", "ago", "pd"}
_STATUS_ONLY |= {"status", "reported", "not", "no", "self", "yet", "per", "order", "end", "date"}
# a finished course's dates and length ('(completed 7-day course 2026-02)', 'course finished
# March 2026', '(not used since January)': the recheck of session 56, 3473)
_STATUS_ONLY |= {"day", "used", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep"}
_STATUS_ONLY |= {"needed", "required"}  # '- no longer needed' (3701-117)
_STATUS_ONLY |= {"sept", "oct", "nov", "dec", "january", "february", "march", "april", "june"}
_STATUS_ONLY |= {"july", "august", "september", "october", "november", "december"}
# why and where it stopped ('- stopped 20/03/2026 at progression': the free-text review of
# session 57, 3830), and the small words of a stop in other languages ('arrêté en 02/2026',
# 'sospeso a 02/2026', 'bei Progress abgesetzt', 'seit 2025 nicht mehr')
#: a progression, in English and the languages the stops are read in (a cancer drug stopped at
#: one is a course of this cancer: ``medication_names.medications_read``)
PROGRESSION = frozenset({"progression", "progressive", "progress", "pd", "progresso"})
PROGRESSION |= {"progresion", "progressione", "progressie", "progressionen", "progressed"}
_STATUS_ONLY |= PROGRESSION | {"disease", "relapse", "recurrence", "toxicity"}
_STATUS_ONLY |= {"en", "le", "la", "a", "de", "du", "des", "depuis", "il", "al", "dal", "nel"}
_STATUS_ONLY |= {"el", "desde", "por", "bei", "seit", "im", "am", "dem", "der", "wegen", "nach"}
_STATUS_ONLY |= {"nicht", "mehr"}
# ... and the months in French, German, Italian, Spanish and Dutch ('arrêté en mars 2026',
# 'sospeso a marzo 2026', 'gestopt maart 2026', 'abgesetzt im März 2026': the recheck, 4246)
_STATUS_ONLY |= {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout"}
_STATUS_ONLY |= {"septembre", "octobre", "novembre", "decembre", "januar", "februar", "marz"}
_STATUS_ONLY |= {"juni", "juli", "oktober", "dezember", "gennaio", "febbraio", "marzo"}
_STATUS_ONLY |= {"aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre"}
_STATUS_ONLY |= {"dicembre", "enero", "febrero", "abril", "mayo", "junio", "julio"}
_STATUS_ONLY |= {"septiembre", "octubre", "noviembre", "diciembre", "januari", "februari"}
_STATUS_ONLY |= {"maart", "mei", "augustus", "ad", "nel", "im", "en", "in", "op"}
#: the words that make a clause a status: stops, and 'not taking', 'no longer', 'inactive'
_STOPS = _ENDS_BEFORE | {"taking", "longer", "inactive", "expired", "intolerant", "previously"}


@functools.lru_cache(maxsize=4096)  # each reader of an entry asks it, in every plan
def taken_now_text(medication: str) -> str:
    """The words of a medication entry that say what is taken now (the rechecks of session 55,
    3171, 3210): after a change of drug the new one, unless a dose, a route or a schedule
    follows the mark ('citalopram 20 -> 10 mg' is citalopram); in each clause (split at
    commas, semicolons, brackets and spaced dashes) the words a negation before them ('no',
    'previously', 'switched from', 'instead of') or a stop after them ('stopped 2024') does
    not reach; a clause of a status alone ('- completed 5 years') speaks for the entry."""
    text = _NEVER.sub("stopped", _STILL_TAKEN.sub(_still, folded(medication)))
    *before, after = _CHANGED_TO.split(text)
    first = re.findall(r"[a-z]+|\d", after)[:1]
    text = (
        " ".join(before)
        if before and (not first or first[0].isdigit() or first[0] in _SAME_DRUG)
        else after
    )
    clauses = [
        re.findall(r"[a-z']+|\d+", c)
        for c in re.split(
            r"[,;()\[\]\u2013\u2014]|\s-\s|\s(?=but\s)", text
        )  # 'but on insulin': 5260
    ]
    if any(set(c) & _RESTARTED for c in clauses):  # 'held 5 days, restarted'
        return text
    if clauses and clauses[0] and set(clauses[0]) <= _HEADINGS:  # 'ALLERGY - X' (5621)
        return ""
    # a clause of a status alone speaks for the clauses before it ('tamoxifen 2008-2013 -
    # completed', 'citalopram 20 mg, Patient not taking: Reported on 4/2/2026', 'warfarin -
    # discontinued, now apixaban': the third recheck, 3244)
    kept: list[str] = []
    for c in clauses:
        if _status_alone(c):
            kept = []
        elif not set(c) & _TOPICAL:
            kept.append(" ".join(_kept(c)))
    return " , ".join(kept)


#: phrases whose stop or negation words say the drug goes on (7470: 'declined to stop
#: itraconazole', 'no change: itraconazole continues', 'previously 100 mg', 'completed loading
#: dose', '4 of 6 months completed' were read as not taken now)
_STILL_TAKEN = re.compile(
    r"\b(?:declined|declines|refused|refuses|unwilling|reluctant) to (?:stop|discontinue|switch"
    r"|change|come off|cease|taper|reduce)(?: from)?\b|\bno change\b"
    r"|\b(?:previously|formerly|was)(?= \d)"
    r"|\bcompleted (?:the )?(?:loading|induction|titration)\b"
    r"|\b(?:loading|induction|titration|intensive|initial) (?:dose |phase )?completed\b"
    # the recheck (7519): 'did not stop', 'not stopped:', 'declined discontinuation of'
    r"|\b(?:did not|didn't|does not|has not|not) (?:stop|stopped|discontinue|discontinued)\b"
    r"|\b(?:declined|refused) (?:discontinuation|cessation|a switch)(?: of| from)?\b"
    r"|\b(\d+) ?(?:of|out of|/) ?(\d+)( (?:months?|weeks?|days?|doses?|cycles?))? completed\b"
)
#: never begun or not continued: not taken now (7520: 'itraconazole not continued' was read as
#: taken, 'continued' being a word of now)
_NEVER = re.compile(
    r"\bnot (?:continued|continuing|started|taken|restarted|resumed)\b"
    r"|\bnever (?:started|taken|given)\b"
)


def _still(m: re.Match[str]) -> str:
    """``_STILL_TAKEN``'s phrase in words that neither stop nor negate the drug."""
    if m[1] is None:
        return "continuing" if not m[0][:1].isdigit() else m[0]
    done, planned = int(m[1]), int(m[2])
    return f"{done} of {planned}{m[3] or ''} so far" if done < planned else m[0]


def _status_alone(words: list[str]) -> bool:
    """A clause that only says a drug is no longer taken ('- completed 5 years', '(Status:
    Discontinued)', 'Patient not taking: Reported on ...', '[inactive]'), not 'not stopped'."""
    marks = set(words) & _STOPS
    if "taking" in marks and not {"not", "no"} & set(words):
        marks.discard("taking")
    if any(_no_longer(words, k) for k in range(1, len(words))):  # '(not used since January)'
        marks.add("longer")
    denied = any(
        words[k - 1] in _DENIES_STOP and w in _ENDS_BEFORE for k, w in enumerate(words) if k
    )
    rest = {w for w in words if not w.isdigit()} - _STATUS_ONLY - _STOPS
    return bool(marks) and not denied and not rest


def _no_longer(words: list[str], k: int) -> bool:
    """'no longer', 'not taking', 'not yet' at ``k``: what stood before is not taken now."""
    pair = (words[k - 1], words[k]) if k else ("", words[k])
    return pair in {("no", "longer"), ("not", "taking"), ("not", "yet"), ("no", "taking")} | {
        ("not", "used"),
        ("nicht", "mehr"),  # 'seit 2025 nicht mehr' (3863j)
    }


def _kept(words: list[str]) -> list[str]:
    """The words of one clause a negation does not reach (``taken_now_text``)."""
    kept: list[str] = []
    negated = False
    for k, w in enumerate(words):
        if w in _NOW:
            negated = False
        elif (w in _ENDS_BEFORE and (k == 0 or words[k - 1] not in _DENIES_STOP)) or _no_longer(
            words, k
        ):
            kept = []  # what stood before it is no longer taken
        if w in _NOT_AFTER and not (w == "not" and words[k + 1 : k + 2] == ["stopped"]):
            negated = True
        elif not negated:
            kept.append(w)
    return kept


def _taken_now(medication: str, names: Mapping[str, str]) -> str | None:
    """The generic name of the first drug of ``names`` (a name a clinic writes -> its generic
    name) a medication entry names, taken now (``taken_now_text``); None where it names none."""
    return next(iter(_all_taken_now(medication, names)), None)


def _all_taken_now(medication: str, names: Mapping[str, str]) -> tuple[str, ...]:
    """Every generic name of ``names`` a medication entry names, taken now, in the order
    written (the recheck of session 60, 5574: 'rifampicin and clarithromycin' was read as
    clarithromycin alone)."""
    return _named_in(_words(taken_now_text(medication)), names)


def _named_in(said: str, *names: Mapping[str, str]) -> tuple[str, ...]:
    """Every generic name of ``names`` the words ``said`` name, in the order written."""
    found = sorted(
        (said.find(f" {n} "), generic)
        for each in names
        for n, generic in each.items()
        if f" {n} " in said
    )
    return tuple(dict.fromkeys(generic for _at, generic in found))


#: every name of a strong CYP3A inhibitor or inducer a clinic writes, by its generic name
_CYP3A_NAMES = MappingProxyType({**{n: n for n in STRONG_CYP3A}, **OTHER_NAMES})


@functools.lru_cache(maxsize=4096)  # read by the balance Inputs and by the plan's listing
def _cyp3a_all(medication: str) -> tuple[str, ...]:
    return _all_taken_now(medication, _CYP3A_NAMES)


@functools.lru_cache(maxsize=4096)  # read by the balance Inputs and by the plan's listing
def _moderate_all(medication: str) -> tuple[str, ...]:
    return _all_taken_now(medication, _MODERATE_NAMES)


def moderate_cyp3a_on_record(medications: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each moderate CYP3A inhibitor or inducer the medications name, taken now, once, in
    order: what rules 153 (``BalanceInputs.moderate_cyp3a``) and 154 read."""
    return tuple(sorted({(g, MODERATE_CYP3A[g]) for m in medications for g in _moderate_all(m)}))


def shown_name(name: str) -> str:
    """A medication's generic name at the head of a sentence: 'Itraconazole', 'St John's wort'
    (6931: 'St john's wort')."""
    name = name.replace("st john's wort", "St John's wort")
    return name[:1].upper() + name[1:]


def strong_cyp3a(medication: str) -> tuple[str, str] | None:
    """The strong CYP3A inhibitor or inducer a medication entry names ("itraconazole 200 mg
    twice daily"): (its name, "inhibitor" or "inducer"); None for any other medication."""
    generic = next(iter(_cyp3a_all(medication)), None)
    return None if generic is None else (generic, STRONG_CYP3A[generic])


#: the vitamin K antagonists (coumarins and the like), by the names a clinic writes, and their
#: generic names: capecitabine raises their INR (its US label; case 1799, rule 132)
VITAMIN_K_ANTAGONISTS: MappingProxyType[str, str] = MappingProxyType(
    {
        **{n: n for n in ("warfarin", "acenocoumarol", "phenprocoumon", "fluindione")},
        **dict.fromkeys(("coumadin", "jantoven", "marevan"), "warfarin"),
        "sintrom": "acenocoumarol",
        **dict.fromkeys(("marcumar", "marcoumar", "falithrom", "fenprocoumon"), "phenprocoumon"),
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


#: the other anticoagulants (the direct oral ones, the low-molecular-weight heparins and
#: fondaparinux), by the names a clinic writes: fulvestrant's intramuscular injection is given
#: with caution beside any anticoagulant (its label; case 4888, rule 136). Not plain
#: 'heparin', whose name also opens 'heparin-induced thrombocytopenia'.
OTHER_ANTICOAGULANTS: MappingProxyType[str, str] = MappingProxyType(
    {
        **{n: n for n in ("apixaban", "rivaroxaban", "edoxaban", "dabigatran")},
        **{n: n for n in ("enoxaparin", "dalteparin", "tinzaparin", "nadroparin")},
        "fondaparinux": "fondaparinux",
        "eliquis": "apixaban",
        "xarelto": "rivaroxaban",
        **dict.fromkeys(("lixiana", "savaysa"), "edoxaban"),
        "pradaxa": "dabigatran",
        **dict.fromkeys(("clexane", "lovenox", "inhixa"), "enoxaparin"),
        "fragmin": "dalteparin",
        "innohep": "tinzaparin",
        "fraxiparine": "nadroparin",
        "arixtra": "fondaparinux",
    }
)


def other_anticoagulant(medication: str) -> str | None:
    """The anticoagulant other than a vitamin K antagonist a medication entry names, taken now,
    by its generic name."""
    return _taken_now(medication, OTHER_ANTICOAGULANTS)


def other_anticoagulant_on_record(medications: tuple[str, ...]) -> str:
    """The first such anticoagulant the medications name ("" if none): rule 136 reads it."""
    return next((g for g in map(other_anticoagulant, medications) if g), "")


def strong_cyp3a_on_record(medications: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each strong CYP3A inhibitor or inducer the medications name, once, in order: what rules
    115 (``BalanceInputs.strong_cyp3a``) and 116 read."""
    found = {g for m in medications for g in _cyp3a_all(m)}
    if found & _BOOSTERS:  # a booster and what it boosts, in one entry or two (the recheck)
        found -= _BOOSTED
    return tuple(sorted((g, STRONG_CYP3A[g]) for g in found))


#: the boosters of a protease inhibitor, and the inhibitors they boost: medications that name
#: both ('Symtuza (darunavir/cobicistat/...)', or darunavir and ritonavir on two lines) are one
#: strong inhibitor, the booster, said once (session 65, 7265: every action and caution was
#: said twice, for each)
_BOOSTERS = frozenset({"ritonavir", "cobicistat"})
_BOOSTED = frozenset(
    {"darunavir", "atazanavir", "lopinavir", "saquinavir", "indinavir", "nelfinavir"}
)


def medications_as_read(medications: tuple[str, ...]) -> tuple[str, ...]:
    """Every medication, as the plan repeats it among what it does not assess: one resistx
    does not read, or one it reads with what it read each drug as, their other interactions
    and any other drug the entry names not being read (5487: 'Reyataz 300 mg + Norvir 100 mg
    daily' read ritonavir and named atazanavir nowhere; 5469: fluconazole, read as prolonging
    the QT interval, was not said to be unread as a moderate CYP3A inhibitor; the second
    recheck, 5604: which drug was read as what). An insulin taken now is read against the
    diabetes on record (``Profile`` checks the two)."""
    return tuple(
        f"{m} (read: {'; '.join(found)}{_also_not_now(m)}; {READ_ONLY})"
        if (found := read_as(m))
        else f"{m} (read as not taken now: {', '.join(past)}; {NOT_NOW})"
        if (past := named_not_taken(m))
        else f"{m} ({UNREAD})"
        for m in medications
    )


def _also_not_now(medication: str) -> str:
    """Beside what an entry is read as, the read drugs it names as not taken now ('diltiazem
    stopped 2025; verapamil 80 mg tds': the recheck, 7045)."""
    past = named_not_taken(medication)
    return f"; read as not taken now: {', '.join(past)}" if past else ""


@functools.lru_cache(maxsize=4096)  # every plan lists every entry
def named_not_taken(medication: str) -> tuple[str, ...]:
    """The drugs resistx reads that an entry names but says are not taken now ('clarithromycin
    stopped 2025', 'no longer on citalopram'): the plan says so, not that it does not read them
    (6944)."""
    every = (_CYP3A_NAMES, _MODERATE_NAMES, VITAMIN_K_ANTAGONISTS, OTHER_ANTICOAGULANTS)
    named = _named_in(_words(medication), *every, _QT_NAMES)
    taken = set(_named_in(_words(taken_now_text(medication)), *every, _QT_NAMES))
    return tuple(g for g in named if g not in taken)


@functools.lru_cache(maxsize=4096)  # every plan lists every entry
def read_as(medication: str) -> tuple[str, ...]:
    """What resistx reads a medication entry's drugs as, taken now, each drug once ('rifampicin
    as a strong CYP3A inducer'); () for an entry it does not read."""
    said: dict[str, list[str]] = {}
    for g in _cyp3a_all(medication):
        said.setdefault(g, []).append(f"a strong CYP3A {STRONG_CYP3A[g]}")
    for g in _moderate_all(medication):
        said.setdefault(g, []).append(f"a moderate CYP3A {MODERATE_CYP3A[g]}")
    for name, what in (
        (vitamin_k_antagonist(medication), "a vitamin K antagonist"),
        (other_anticoagulant(medication), "an anticoagulant"),
    ):
        if name:
            said.setdefault(name, []).append(what)
    for g in _qt_all(medication):
        said.setdefault(g, []).append("a drug known to prolong the QT interval")
    if insulin_taken_now(medication):
        said.setdefault("insulin", []).append("an insulin taken now")
    return tuple(f"{drug} as {' and '.join(what)}" for drug, what in said.items())


#: what the plan says of a medication it does not read (case 1799: it read as if interactions
#: were screened)
UNREAD = (
    "not read by resistx, which reads only the strong and moderate CYP3A inhibitors and "
    "inducers, the anticoagulants and the drugs known to prolong the QT interval it lists, and "
    "an insulin taken now: any other interaction, a weak CYP3A or a P-gp one too, is not screened"
)
#: ... of one that names a drug it reads, not taken now (6944)
NOT_NOW = "no interaction of it is weighed"
#: ... and of one it reads, beside what it read it as
READ_ONLY = (
    "their other interactions, and any drug the entry names that is not listed here, are not read "
    "by resistx"
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
        # biosimilars and national brands (8232)
        "liprolog", "kirsty", "truvelog", "glaritus", "basalog", "wosulin", "insugen",
        "lusduna", "optisulin", "huminsulin", "berlinsulin",
        # more biosimilars and animal insulins, and Soliqua's EU name (8426, 8427)
        "trurapi", "hypurin", "suliqua", "inpremzia", "myxredlin",
    }
)  # fmt: skip
#: a brand a clinic writes in two words ('Novo Rapid FlexPen', 8426), as its one word
_TWO_WORD_BRANDS = {("novo", "rapid"): "novorapid", ("novo", "mix"): "novomix"}


def is_insulin(medication: str) -> bool:
    """A medication that is insulin: named so, by a brand or an insulin's own name
    ('Lantus SoloStar', 'INS GLARG': case 2771)."""
    words = re.findall(r"[a-z]+", medication.casefold())
    if _NOT_INSULIN & set(words):  # an insulin sensitiser, insulin resistance: no insulin
        return False
    joined = [_TWO_WORD_BRANDS.get(pair, "") for pair in itertools.pairwise(words)]
    return bool(_INSULIN_WORDS & set(words)) or any(
        w in INSULIN_BRANDS or w.startswith("glarg") for w in (*words, *joined)
    )


#: insulin by its name in English, Italian, Spanish, Dutch, French (the fourth recheck, 5397)
_INSULIN_WORDS = frozenset({"insulin", "insulina", "insuline", "insulinica", "insulinico"})


_NOT_INSULIN = frozenset({"sensitiser", "sensitizer", "sensitising", "sensitizing", "resistance"})


def insulin_taken_now(medication: str) -> bool:
    """An insulin the entry names, taken now ('insulin stopped 2019' is not)."""
    return is_insulin(taken_now_text(medication))


#: drugs known to prolong the QT interval, by the names a clinic writes, and their generic
#: names: those ribociclib's US label names (section 7: the antiarrhythmics amiodarone,
#: disopyramide, procainamide, quinidine, sotalol; chloroquine, halofantrine, ciprofloxacin,
#: levofloxacin, azithromycin, haloperidol, methadone, moxifloxacin, bepridil, pimozide,
#: ondansetron), and common ones on CredibleMeds' list of known risk of torsades de pointes
#: (session 54, case 2799: methadone and citalopram beside ribociclib first), and
#: clarithromycin, a strong CYP3A inhibitor too (rule 115)
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
        # named by ribociclib's label among the drugs that prolong the QT interval, and a
        # strong CYP3A inhibitor too (rule 115): by every name it is read by (the recheck of
        # session 60, 5551: Biaxin beside a prolonged QTc was named by no QT action)
        **{n: "clarithromycin" for n, g in _CYP3A_NAMES.items() if g == "clarithromycin"},
        **dict.fromkeys(("cordarone", "pacerone", "nexterone"), "amiodarone"),
        # European spellings and brands (the recheck of session 55, 3172)
        **dict.fromkeys(("amiodaron", "cordarex", "amiodarona"), "amiodarone"),
        **dict.fromkeys(("methadon", "metadona", "metadone"), "methadone"),
        **dict.fromkeys(("levofloxacine", "levofloxacino"), "levofloxacin"),
        **dict.fromkeys(("betapace", "sotalex", "sotacor", "sotalolo"), "sotalol"),
        **dict.fromkeys(("celexa", "cipramil", "seropram"), "citalopram"),
        **dict.fromkeys(("lexapro", "cipralex", "seroplex"), "escitalopram"),
        **dict.fromkeys(("zofran", "zofron"), "ondansetron"),
        "haldol": "haloperidol",
        **dict.fromkeys(("motilium", "domperidon"), "domperidone"),
        "aricept": "donepezil",
        **dict.fromkeys(("plaquenil", "quensyl", "hcq"), "hydroxychloroquine"),
        **dict.fromkeys(("zithromax", "azithromycine", "azitromicina"), "azithromycin"),
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
        # a ward's shorthand (8495: 'fluco' and 'azithro' passed unread)
        "fluco": "fluconazole",
        "erythro": "erythromycin",
        "azithro": "azithromycin",
        "moxi": "moxifloxacin",
        "levoflox": "levofloxacin",
        "citalo": "citalopram",
        "escitalo": "escitalopram",
        "ondans": "ondansetron",
    }
)  # fmt: skip


def qt_prolonging(medication: str) -> str | None:
    """The drug known to prolong the QT interval a medication entry names, taken now, by its
    generic name; None for any other medication."""
    return next(iter(_qt_all(medication)), None)


def qt_prolonging_on_record(medications: tuple[str, ...]) -> tuple[str, ...]:
    """Each drug known to prolong the QT interval the medications name, once, in order of
    mention (rules 142 and 143 read them)."""
    return tuple(dict.fromkeys(g for m in medications for g in _qt_all(m)))


@functools.lru_cache(maxsize=4096)  # read by the balance Inputs, rule 143 and the listing
def _qt_all(medication: str) -> tuple[str, ...]:
    return _all_taken_now(medication, _QT_NAMES)


#: every name of a moderate CYP3A inhibitor or inducer a clinic writes, by its generic name
#: (rule 153, case 6933), with the QT list's names of the same drugs ('Ciproxin')
_MODERATE_NAMES = MappingProxyType(
    {
        **{n: n for n in MODERATE_CYP3A},
        **MODERATE_NAMES,
        **{n: g for n, g in QT_PROLONGING.items() if g in MODERATE_CYP3A},
    }
)
#: ... and the QT list's names with the moderate list's spellings of the same drugs (7004:
#: 'Fluconazol' was read as a moderate inhibitor alone, and ribociclib kept its place)
_QT_NAMES = MappingProxyType(
    {
        **QT_PROLONGING,
        **{n: g for n, g in MODERATE_NAMES.items() if g in QT_PROLONGING.values()},
    }
)


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
