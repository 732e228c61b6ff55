"""Adverse events a treatment can be stopped for (``Treatment.toxicity``): the terms of the
review's adverse-event tables, and the few a CDK4/6-inhibitor or chemotherapy history needs
besides them."""

from __future__ import annotations

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
    }
)  # fmt: skip

ALIASES = {
    # a clinic's words for a severe skin reaction (case 1533: each was refused)
    "grade 3 rash": "severe rash",
    "grade 4 rash": "severe rash",
    "rash grade 3": "severe rash",
    "rash grade 4": "severe rash",
    "bullous rash": "severe rash",
    "grade 3 maculopapular rash": "severe rash",
    "grade 4 maculopapular rash": "severe rash",
    "maculopapular rash grade 3": "severe rash",
    "maculopapular rash grade 4": "severe rash",
    "severe maculopapular rash": "severe rash",
    "rash (grade 3)": "severe rash",
    "rash (grade 4)": "severe rash",
    "g3 rash": "severe rash",
    "g4 rash": "severe rash",
    "scar": "severe cutaneous adverse reaction",
    "stevens johnson syndrome": "severe cutaneous adverse reaction",
    "sjs": "severe cutaneous adverse reaction",
    "toxic epidermal necrolysis": "severe cutaneous adverse reaction",
    "ten": "severe cutaneous adverse reaction",
    "sjs/ten": "severe cutaneous adverse reaction",
    "dress": "severe cutaneous adverse reaction",
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
}


def normalise(name: str) -> str | None:
    """The canonical term for a name (any case, hyphens or underscores as spaces), or None."""
    key = " ".join(name.strip().casefold().replace("_", " ").replace("-", " ").split())
    key = ALIASES.get(key, key)
    return key if key in TERMS else None
