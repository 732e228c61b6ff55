"""Conditions a free text names by an organ and what happened to it, not by their names
(session 65: 'amiodarone pulmonary toxicity', 'drug-induced lung injury' passed beside
trastuzumab deruxtecan preferred, 7269; 'numbness of fingers and toes since paclitaxel' beside
chemotherapy with no neuropathy caution): a live clause that holds a word of each of a pair's
two sets names its condition, unless a denial reaches it (``denied_at``)."""

from __future__ import annotations

from collections.abc import Callable

#: the lungs, in English and the languages the vocabulary reads
_LUNG = frozenset({"lung", "lungs", "pulmonary", "pulmonar", "pulmonaire", "polmonare"})
_LUNG |= {"lunge", "lungen", "pulmonale"}  # not the Dutch 'long': 'long-term toxicity'
#: what happened to them that is an interstitial lung disease's concern (the ADCs' labels, the
#: DESTINY-Breast trials' entry: any non-infectious one, or one that imaging cannot rule out)
_LUNG_INJURY = frozenset({"toxicity", "injury", "fibrosis", "fibrotic", "fibrosing"})
_LUNG_INJURY |= {"abnormality", "abnormalities", "toxicite", "toxicidad", "tossicita"}
_LUNG_INJURY |= {"damage", "reaction"}  # the recheck: 'lung damage from methotrexate'
#: a connective-tissue disease whose lung is an interstitial lung disease ('systemic sclerosis
#: with lung involvement': the recheck)
_CONNECTIVE = frozenset({"scleroderma", "sclerosis", "rheumatoid", "sjogren", "sjogrens"})
_CONNECTIVE |= {"myositis", "dermatomyositis", "polymyositis", "antisynthetase"}
#: a sensory neuropathy's symptoms, and where a neuropathy of the limbs is felt
_NUMB = frozenset({"numbness", "numb", "tingling", "paraesthesia", "paraesthesiae"})
_NUMB |= {"paresthesia", "paresthesias", "paraesthesias", "dysaesthesia", "dysesthesia"}
_NUMB |= {"needles", "sensation", "sensory", "burning"}  # 'pins and needles in both feet'
_LIMBS = frozenset({"fingers", "finger", "toes", "toe", "hands", "feet", "foot", "fingertips"})
_LIMBS |= {"stocking", "glove", "limbs", "extremities"}

#: a kidney disease by its name, not named as a comorbidity (its name is refused there with a
#: pointer to renal impairment and its clearance: case 1782)
_KIDNEY = frozenset({"nephrosclerosis", "nephroangiosclerosis", "nephropathy"})

#: a kidney or a liver, and the words of its function lost (session 72, 9394 and 9396: 'stage
#: 4 kidney disease' and 'impaired liver function from metastases' passed, and olaparib, then
#: trastuzumab deruxtecan, came first with no clearance asked for and no visceral-crisis
#: question); a kidney's failure is ``_free_text``'s, with its dialysis
_KIDNEYS = frozenset({"kidney", "kidneys", "renal"})
_LIVER = frozenset({"liver", "hepatic"})
_LIVER |= {"leberfunktion", "hepatica", "hepatico", "epatica", "epatico", "lever", "leverfunctie"}
_FUNCTION_LOST = frozenset({"impaired", "impairment", "dysfunction", "insufficiency"})
_FUNCTION_LOST |= {"insufficient", "failing", "reduced", "decreased", "poor", "compromised"}
# ... in German, Spanish, Italian and Dutch (9501: 'eingeschränkte Leberfunktion')
_FUNCTION_LOST |= {"eingeschrankte", "eingeschrankt", "disfuncion", "disfunzione"}
_FUNCTION_LOST |= {"verminderde", "gestoorde"}
_KIDNEY_LOST = _FUNCTION_LOST | {"disease"}  # a chronic kidney disease by its stage
_LIVER_LOST = _FUNCTION_LOST | {"failure", "decompensated", "decompensation"}
#: a DPYD result that is a variant (9395: 'DPYD*2A heterozygous' passed, and chemotherapy had
#: no DPD caution): '*2A' and 'c.1905+1G>A' are read as their words ('2a', 'c')
_DPYD = frozenset({"dpyd", "dpd"})  # 'DPD poor metaboliser' (9502)
_DPYD_VARIANT = frozenset({"heterozygous", "heterozygote", "homozygous", "variant", "variants"})
_DPYD_VARIANT |= {"mutation", "mutated", "deficient", "deficiency", "intermediate", "poor"}
_DPYD_VARIANT |= {"2a", "13", "c", "positive", "carrier", "metaboliser", "metabolizer"}
#: a reduced ejection fraction, nerve damage and low blood counts in everyday words (9395):
#: 'reduced EF', 'LV dysfunction' (9503); not 'impaired LV relaxation', a normal EF's (9555)
_EJECTION = frozenset({"ejection", "ef", "lv", "lvef"})
_LOWERED = frozenset({"reduced", "low", "dysfunction", "impairment", "decreased", "poor"})
_NERVES = frozenset({"nerve", "nerves"})
_COUNTS = frozenset({"neutrophils", "neutrophil", "platelets", "platelet", "haemoglobin"})
_COUNTS |= {"hemoglobin", "wbc", "anc"}

#: (first words, second words, the comorbidity they name together, by its value)
PAIRS: tuple[tuple[frozenset[str], frozenset[str], str], ...] = (
    (_LUNG, _LUNG_INJURY, "interstitial_lung_disease"),
    (_CONNECTIVE, _LUNG, "interstitial_lung_disease"),
    (_NUMB, _LIMBS, "neuropathy"),
    (_NERVES, _LIMBS, "neuropathy"),  # 'nerve damage in feet'; not one nerve's (9509)
    (frozenset({"peripheral"}), frozenset({"damage", "damaged"}), "neuropathy"),
    # 'PN' with a grade ('PN gr. 2', 'PN G2': 9504); alone it may be parenteral nutrition
    (
        frozenset({"pn"}),
        frozenset({"g1", "g2", "g3", "g4", "gr", "grade", "grad", "grado"}),
        "neuropathy",
    ),
    (_KIDNEY, _KIDNEY, "renal_impairment"),  # one word of either set names it
    (_KIDNEYS, _KIDNEY_LOST, "renal_impairment"),
    (_LIVER, _LIVER_LOST, "hepatic_impairment"),
    (_DPYD, _DPYD_VARIANT, "dpd_deficiency"),
    (_EJECTION, _LOWERED, "cardiac_disease"),
    (frozenset({"lvsd"}), frozenset({"lvsd"}), "cardiac_disease"),  # one word names it
    (_COUNTS, frozenset({"low"}), "cytopenia"),
)
#: words anywhere in an entry that give a pair another meaning, by the comorbidity: a plan or
#: a risk spoken of, an old tuberculosis's scar; a nerve trapped or cold fingers (the recheck)
_OTHERWISE = {
    "interstitial_lung_disease": frozenset(
        {"monitoring", "discussed", "screening", "surveillance", "tb", "tuberculosis", "apical"}
    ),
    "neuropathy": frozenset(
        {"carpal", "tunnel", "raynaud", "raynauds", "shoes", "shoe", "cold", "sciatica"}
        # one nerve's injury or a procedure's (9557, 9558: 'digital nerve injury index finger')
        | {"digital", "ulnar", "radial", "median", "sciatic", "peroneal", "block", "stimulator"}
        | {"sheath"}
    ),
    # a DPYD test without a variant found, or not yet read ('DPYD wild-type', '... pending')
    "dpd_deficiency": frozenset(
        {"wild", "wildtype", "wt", "normal", "negative", "pending", "awaited", "requested"}
        | {"ordered", "sent", "planned"}
        # a panel read negative, however laid out ('DPYD *2A, *13, HapB3: not detected': 9508)
        | {"not", "no", "none", "undetected", "absent"}
    ),
}


def named_by_cause(
    clauses: list[list[str]], denied: Callable[[list[str], int], bool]
) -> str | None:
    """The comorbidity (its value) a pair of words of one clause names, neither denied, or None."""
    everywhere = {w for c in clauses for w in c}
    for words in clauses:
        for first, second, condition in PAIRS:
            if everywhere & _OTHERWISE.get(condition, frozenset()):
                continue
            at = next((k for k, w in enumerate(words) if w in first), None)
            other = next((k for k, w in enumerate(words) if w in second), None)
            if at is None or other is None:
                continue
            if not denied(words, min(at, other)) and not denied(words, max(at, other)):
                return condition
    return None
