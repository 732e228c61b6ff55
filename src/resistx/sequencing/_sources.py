"""Which studies speak for each regimen, and for which population (the key trials).

The first trial listed is the one a regimen's reasons cite when no more specific
evidence applies.
"""

from __future__ import annotations

from types import MappingProxyType

from resistx.model.regimen import TRIAL_PREFIX

KEY_TRIALS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "elacestrant": ("EMERALD",),
        "camizestrant": ("SERENA-2",),
        "amcenestrant": ("AMEERA-3",),
        "giredestrant": ("acelERA",),
        "fulvestrant": ("PACE", "EMERALD", "retrospective-ref33"),
        "alpelisib+fulvestrant": ("BYLieve", "SOLAR-1"),
        "capivasertib+fulvestrant": ("CAPItello-291", "FAKTION"),
        "everolimus+exemestane": ("retrospective-ref47", "retrospective-ref46", "BOLERO-2"),
        "ribociclib+everolimus+exemestane": ("TRINITI-1",),
        "ribociclib+fulvestrant": ("MAINTAIN",),
        "palbociclib+fulvestrant": ("PACE", "retrospective-ref34", "PALOMA-3"),
        "abemaciclib": ("retrospective-ref35", "MONARCH-1"),
        "olaparib": ("TBCRC 048",),
        "talazoparib": ("TBCRC 048",),
        "trastuzumab-deruxtecan": ("DESTINY-Breast04", "phase1b-tdxd-ref61"),
        "sacituzumab-govitecan": ("TROPiCS-02",),
        "chemotherapy": ("retrospective-ref33", "TROPiCS-02", "DESTINY-Breast04"),
        "venetoclax+fulvestrant": ("VERONICA",),
    }
)


#: germline BRCA1/2: PARP inhibitors are approved on trials the review cites without figures
#: (refs 74, 75), in patients who had not received a CDK4/6 inhibitor
GERMLINE_BRCA_REFERENCES = (74, 75)


def key_trials(regimen_id: str) -> tuple[str, ...]:
    """The trials a regimen's reasons cite; a ``trial:`` regimen cites its own study (NCT id)."""
    if regimen_id.startswith(TRIAL_PREFIX):
        return (regimen_id.removeprefix(TRIAL_PREFIX),)
    return KEY_TRIALS[regimen_id]
