"""The regimens the sequencing engine ranks, each under a fixed id that plans refer to."""

from __future__ import annotations

from types import MappingProxyType

from resistx.model import regimen as regimen_model
from resistx.model.regimen import Regimen
from resistx.vocab import drugs


def _r(regimen_id: str, name: str, *drug_names: str) -> Regimen:
    classes = tuple(dict.fromkeys(drugs.drug_class(d) for d in drug_names))
    return Regimen(id=regimen_id, name=name, drugs=drug_names, drug_classes=classes)


REGIMENS: tuple[Regimen, ...] = (
    _r("elacestrant", "Elacestrant", "elacestrant"),
    _r("camizestrant", "Camizestrant", "camizestrant"),
    _r("amcenestrant", "Amcenestrant", "amcenestrant"),
    _r("giredestrant", "Giredestrant", "giredestrant"),
    _r("fulvestrant", "Fulvestrant", "fulvestrant"),
    _r("alpelisib+fulvestrant", "Alpelisib + fulvestrant", "alpelisib", "fulvestrant"),
    _r("capivasertib+fulvestrant", "Capivasertib + fulvestrant", "capivasertib", "fulvestrant"),
    _r("everolimus+exemestane", "Everolimus + exemestane", "everolimus", "exemestane"),
    _r(
        "ribociclib+everolimus+exemestane",
        "Ribociclib + everolimus + exemestane",
        "ribociclib",
        "everolimus",
        "exemestane",
    ),
    _r("ribociclib+fulvestrant", "Ribociclib + fulvestrant", "ribociclib", "fulvestrant"),
    _r("ribociclib+exemestane", "Ribociclib + exemestane", "ribociclib", "exemestane"),
    # the first-line trials' regimens (PALOMA-2, MONALEESA-2, MONARCH-3; case 483)
    _r("palbociclib+letrozole", "Palbociclib + letrozole", "palbociclib", "letrozole"),
    _r("ribociclib+letrozole", "Ribociclib + letrozole", "ribociclib", "letrozole"),
    _r("abemaciclib+letrozole", "Abemaciclib + letrozole", "abemaciclib", "letrozole"),
    _r("palbociclib+fulvestrant", "Palbociclib + fulvestrant", "palbociclib", "fulvestrant"),
    _r("abemaciclib", "Abemaciclib", "abemaciclib"),
    _r("abemaciclib+fulvestrant", "Abemaciclib + fulvestrant", "abemaciclib", "fulvestrant"),
    _r("olaparib", "Olaparib", "olaparib"),
    _r("talazoparib", "Talazoparib", "talazoparib"),
    _r("trastuzumab-deruxtecan", "Trastuzumab deruxtecan", "trastuzumab deruxtecan"),
    _r("sacituzumab-govitecan", "Sacituzumab govitecan", "sacituzumab govitecan"),
    _r("chemotherapy", "Chemotherapy (single agent or combination)", "chemotherapy"),
    _r("venetoclax+fulvestrant", "Venetoclax + fulvestrant", "venetoclax", "fulvestrant"),
)

BY_ID: MappingProxyType[str, Regimen] = MappingProxyType({r.id: r for r in REGIMENS})

TRIAL_PREFIX = regimen_model.TRIAL_PREFIX

#: regimens of evidence packs after the review (``2026.11``): not part of the review's fixed
#: contract above, but ids a pack's trials and a later policy's table may use
LATER_REGIMENS: tuple[Regimen, ...] = (
    _r("imlunestrant", "Imlunestrant", "imlunestrant"),
    _r("vepdegestrant", "Vepdegestrant", "vepdegestrant"),
    _r(
        "inavolisib+palbociclib+fulvestrant",
        "Inavolisib + palbociclib + fulvestrant",
        "inavolisib",
        "palbociclib",
        "fulvestrant",
    ),
    _r("datopotamab-deruxtecan", "Datopotamab deruxtecan", "datopotamab deruxtecan"),
    _r("giredestrant+everolimus", "Giredestrant + everolimus", "giredestrant", "everolimus"),
    _r(
        "gedatolisib+palbociclib+fulvestrant",
        "Gedatolisib + palbociclib + fulvestrant",
        "gedatolisib",
        "palbociclib",
        "fulvestrant",
    ),
    _r("gedatolisib+fulvestrant", "Gedatolisib + fulvestrant", "gedatolisib", "fulvestrant"),
    _r("imlunestrant+abemaciclib", "Imlunestrant + abemaciclib", "imlunestrant", "abemaciclib"),
)

LATER_BY_ID: MappingProxyType[str, Regimen] = MappingProxyType({r.id: r for r in LATER_REGIMENS})
#: every regimen id an evidence pack may name: the review's and the later ones
ALL_BY_ID: MappingProxyType[str, Regimen] = MappingProxyType({**BY_ID, **LATER_BY_ID})
