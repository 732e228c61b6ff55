"""Adverse events a treatment can be stopped for (``Treatment.toxicity``): the terms of the
review's adverse-event tables, and the few a CDK4/6-inhibitor or chemotherapy history needs
besides them."""

from __future__ import annotations

import re

#: canonical terms, lower case, as the evidence spells them
TERMS: frozenset[str] = frozenset(
    {
        # the review's Tables 4 and 5
        "abdominal pain", "alopecia", "anemia", "arthralgia", "ast increased", "asthenia",
        "back pain", "bradycardia", "constipation", "cough", "creatinine increased",
        "decreased appetite", "diarrhea", "dysgeusia", "dyspepsia", "dyspnea", "fatigue",
        "headache", "hepatotoxicity", "hot flashes", "hyperglycemia", "hyperlipidemia",
        "hypertension", "increased alt", "infection", "insomnia", "interstitial lung disease",
        "left ventricular ejection fraction", "leukopenia", "lymphopenia", "maculopapular rash",
        "mucosal inflammation", "musculoskeletal", "nausea", "neutropenia", "peripheral edema",
        "photopsia", "pneumonitis", "proteinuria", "pruritus", "pyrexia", "rash", "stomatitis",
        "thrombocytopenia", "urea increased", "vomiting", "weight loss",
        # the CDK4/6 inhibitors' own (their labels), which the review's tables do not list
        "qt prolongation", "febrile neutropenia", "venous thromboembolism",
        # the taxanes' and eribulin's (their labels): the commonest reason they stop (case 604)
        "peripheral neuropathy",
        # capecitabine's (its label's hand-and-foot syndrome): the commonest reason it stops
        # (case 718)
        "palmar-plantar erythrodysesthesia",
        # fulvestrant's (its label): what stops an intramuscular course (case 1490b)
        "injection site reaction",
        # a rash of grade 3 or worse, and the severe cutaneous adverse reactions (Stevens-Johnson
        # syndrome, toxic epidermal necrolysis, DRESS, erythema multiforme) alpelisib's and
        # capivasertib's labels warn of (case 1533)
        "severe rash", "severe cutaneous adverse reaction",
        # the ADCs' labels: datopotamab deruxtecan's ocular surface toxicity, sacituzumab
        # govitecan's hypersensitivity and infusion-related reactions (case 2454d: refused)
        "ocular surface toxicity", "hypersensitivity reaction", "infusion-related reaction",
        # the GnRH agonists' (their labels): what stops ovarian suppression (the third recheck
        # of session 58, 4824m: each was refused)
        "depression", "bone loss", "decreased libido", "vaginal dryness",
    }
)  # fmt: skip

ALIASES = {
    # the ADCs' stopping events in a clinic's words (case 2454d: refused, or hinted to another)
    "keratitis": "ocular surface toxicity",
    "dry eye": "ocular surface toxicity",
    "conjunctivitis": "ocular surface toxicity",
    "ocular toxicity": "ocular surface toxicity",
    "ejection fraction decreased": "left ventricular ejection fraction",
    "lvef decreased": "left ventricular ejection fraction",
    "decreased lvef": "left ventricular ejection fraction",
    "left ventricular dysfunction": "left ventricular ejection fraction",
    "hypersensitivity": "hypersensitivity reaction",
    "infusion related reaction": "infusion-related reaction",
    "infusion reaction": "infusion-related reaction",
    "mucositis": "mucosal inflammation",
    "oral mucositis": "stomatitis",
    # a clinic's words for a severe skin reaction (case 1533: each was refused)
    "bullous rash": "severe rash",
    "severe maculopapular rash": "severe rash",
    "scar": "severe cutaneous adverse reaction",
    "stevens johnson syndrome": "severe cutaneous adverse reaction",
    "sjs": "severe cutaneous adverse reaction",
    "toxic epidermal necrolysis": "severe cutaneous adverse reaction",
    "ten": "severe cutaneous adverse reaction",
    "sjs/ten": "severe cutaneous adverse reaction",
    "dress": "severe cutaneous adverse reaction",
    "dress syndrome": "severe cutaneous adverse reaction",  # 8233: not hand-foot syndrome
    "drug rash with eosinophilia and systemic symptoms": "severe cutaneous adverse reaction",
    "drug reaction with eosinophilia and systemic symptoms": "severe cutaneous adverse reaction",
    "erythema multiforme": "severe cutaneous adverse reaction",
    "injection-site reaction": "injection site reaction",
    "injection site pain": "injection site reaction",
    "diarrhoea": "diarrhea",
    "anaemia": "anemia",
    "hyperglycaemia": "hyperglycemia",
    "hot flushes": "hot flashes",  # British usage (case 1580c)
    "ild": "interstitial lung disease",
    "alt increased": "increased alt",
    # the CTCAE v5 term, and a clinic's words (case 1171)
    "alanine aminotransferase increased": "increased alt",
    "alt elevation": "increased alt",
    "elevated alt": "increased alt",
    "alt rise": "increased alt",
    "aspartate aminotransferase increased": "ast increased",
    "liver toxicity": "hepatotoxicity",
    # a clinic's words for a drug's liver injury (case 1073)
    "hepatitis": "hepatotoxicity",
    "drug induced hepatitis": "hepatotoxicity",
    "transaminitis": "hepatotoxicity",
    "raised transaminases": "hepatotoxicity",
    "elevated transaminases": "hepatotoxicity",
    "drug induced liver injury": "hepatotoxicity",
    "dili": "hepatotoxicity",
    "qtc prolongation": "qt prolongation",
    "long qt": "qt prolongation",
    "vte": "venous thromboembolism",
    "oedema": "peripheral edema",
    "edema": "peripheral edema",
    "neuropathy": "peripheral neuropathy",
    "peripheral sensory neuropathy": "peripheral neuropathy",
    "palmar plantar erythrodysesthesia": "palmar-plantar erythrodysesthesia",
    "hand foot syndrome": "palmar-plantar erythrodysesthesia",
    "hand and foot syndrome": "palmar-plantar erythrodysesthesia",
    "ppe": "palmar-plantar erythrodysesthesia",
    # an infection of the lung is an infection, never a pneumonitis (case 1363c: "did you mean
    # pneumonitis?" recorded an interstitial lung disease for a bacterial pneumonia)
    "pneumonia": "infection",
    "bacterial pneumonia": "infection",
    "chest infection": "infection",
    "lower respiratory tract infection": "infection",
    "sepsis": "infection",
    # ... but a sepsis from neutropenia is febrile neutropenia, the event the labels manage by
    # dose (case 1743), and British spellings
    "neutropenic sepsis": "febrile neutropenia",
    "neutropenic fever": "febrile neutropenia",
    "fn": "febrile neutropenia",
    "febrile neutropaenia": "febrile neutropenia",
    "neutropaenic sepsis": "febrile neutropenia",
    "neutropaenia": "neutropenia",
    "thrombocytopaenia": "thrombocytopenia",  # 8376: refused as a misspelt neutropaenia
    "emesis": "vomiting",  # 8777: 'did you mean sepsis?'
    "leucopenia": "leukopenia",
    "leucopaenia": "leukopenia",
    "leukopaenia": "leukopenia",
    "lymphopaenia": "lymphopenia",
    "prolonged qtc": "qt prolongation",
    "prolonged qt": "qt prolongation",
    # a clinic's words for the GnRH agonists' events, and for a venous thrombosis (4824m)
    "mood changes": "depression",
    "low mood": "depression",
    "osteoporosis": "bone loss",
    "osteopenia": "bone loss",
    "bone density loss": "bone loss",
    "loss of libido": "decreased libido",
    "low libido": "decreased libido",
    "dvt": "venous thromboembolism",
    "deep vein thrombosis": "venous thromboembolism",
    "pulmonary embolism": "venous thromboembolism",
}


def normalise(name: str) -> str | None:
    """The canonical term for a name (any case, hyphens or underscores as spaces), or None."""
    key = " ".join(name.strip().casefold().replace("_", " ").replace("-", " ").split())
    key = ALIASES.get(key, key)
    return key if key in TERMS else _graded_rash(key)


#: a CTCAE grade written beside a rash: 'grade 3', 'G3', '(grade 2)', 'CTCAE grade 1'
_GRADE = re.compile(r"\bg(?:rade)?\s*([1-4])\b")
#: what a rash's words may hold besides its grade (case 1628: 'rash, grade 2' was refused)
_RASH_WORDS = re.compile(r"^(?:ctcae|maculopapular|skin|rash|[(),])+$")


def with_grade(name: str) -> str | None:
    """The event a name gives with its CTCAE grade ('pneumonitis grade 1', 'diarrhoea G3'),
    where it is not a rash (a rash's grade is read: ``_graded_rash``); else None."""
    key = name.strip().casefold()
    if _GRADE.search(key) is None:
        return None
    bare = re.sub(r"\bctcae\b|[(),:]", " ", _GRADE.sub(" ", key))
    return normalise(bare) if bare.strip() else None


def _graded_rash(key: str) -> str | None:
    """A rash with its grade (cases 1606, 1628): grade 3 or 4 is a severe rash, which rule 61
    reads across the PI3K and AKT inhibitors; grade 1 or 2 the rash itself. None otherwise."""
    grade = _GRADE.search(key)
    rest = _GRADE.sub(" ", key).replace("(", " ( ").replace(")", " ) ").replace(",", " , ")
    if grade is None or "rash" not in key or not all(map(_RASH_WORDS.match, rest.split())):
        return None
    if int(grade.group(1)) >= 3:
        return "severe rash"
    return "maculopapular rash" if "maculopapular" in key else "rash"


def shown(term: str) -> str:
    """A term as a clinician writes it: 'QT prolongation', not 'qt prolongation' (3724); 'AST
    increased', as the review prints it (6108)."""
    return _ABBREVIATED.sub(lambda m: _CAPITALS[m.group()], term)


_ABBREVIATED = re.compile(r"\b(qtc?|ild|lvef|alt|ast|dpd)\b")
_CAPITALS = {
    "qt": "QT",
    "qtc": "QTc",
    "ild": "ILD",
    "lvef": "LVEF",
    "alt": "ALT",
    "ast": "AST",
    "dpd": "DPD",  # a comorbidity's name in a caution (the recheck of 6108)
}
