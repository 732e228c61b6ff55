"""What rule 13 says of chemotherapy at a reduced performance status (``status``)."""

from __future__ import annotations

#: chemotherapy in a visceral crisis: at ECOG 2 the decline may be the crisis itself, which a
#: fast response reverses (case 504); at ECOG 3-4 a single agent
CRISIS_AT_ECOG_2 = (
    ". Where the disease brought the decline, a combination or a fast-acting single agent may "
    "be chosen for a quick response (ESMO's advanced breast cancer guidelines keep combinations "
    "for rapid progression or a visceral crisis; not in the review); otherwise a single agent, "
    "dosed for the performance status."
)
CRISIS_AT_ECOG_3 = (
    "; a single agent, chosen and dosed for the performance status (best supportive care is the "
    "other course to discuss)."
)

#: chemotherapy at ECOG 2 without a crisis (case 491)
SINGLE_AGENT = (
    " A single agent rather than a combination (ESMO's advanced breast cancer guidelines keep "
    "combinations for rapid progression or a visceral crisis; not in the review)."
)
