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
#: a sensory neuropathy's symptoms, and where a neuropathy of the limbs is felt
_NUMB = frozenset({"numbness", "numb", "tingling", "paraesthesia", "paraesthesiae"})
_NUMB |= {"paresthesia", "paresthesias", "paraesthesias", "dysaesthesia", "dysesthesia"}
_LIMBS = frozenset({"fingers", "finger", "toes", "toe", "hands", "feet", "foot", "fingertips"})
_LIMBS |= {"stocking", "glove", "limbs", "extremities"}

#: (first words, second words, the comorbidity they name together, by its value)
PAIRS: tuple[tuple[frozenset[str], frozenset[str], str], ...] = (
    (_LUNG, _LUNG_INJURY, "interstitial_lung_disease"),
    (_NUMB, _LIMBS, "neuropathy"),
)


def named_by_cause(
    clauses: list[list[str]], denied: Callable[[list[str], int], bool]
) -> str | None:
    """The comorbidity (its value) a pair of words of one clause names, neither denied, or None."""
    for words in clauses:
        for first, second, condition in PAIRS:
            at = next((k for k, w in enumerate(words) if w in first), None)
            other = next((k for k, w in enumerate(words) if w in second), None)
            if at is None or other is None:
                continue
            if not denied(words, min(at, other)) and not denied(words, max(at, other)):
                return condition
    return None
