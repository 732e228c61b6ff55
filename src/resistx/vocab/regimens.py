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
    _r("palbociclib+fulvestrant", "Palbociclib + fulvestrant", "palbociclib", "fulvestrant"),
    _r("abemaciclib", "Abemaciclib", "abemaciclib"),
    _r("olaparib", "Olaparib", "olaparib"),
    _r("talazoparib", "Talazoparib", "talazoparib"),
    _r("trastuzumab-deruxtecan", "Trastuzumab deruxtecan", "trastuzumab deruxtecan"),
    _r("sacituzumab-govitecan", "Sacituzumab govitecan", "sacituzumab govitecan"),
    _r("chemotherapy", "Chemotherapy (single agent or combination)", "chemotherapy"),
    _r("venetoclax+fulvestrant", "Venetoclax + fulvestrant", "venetoclax", "fulvestrant"),
)

BY_ID: MappingProxyType[str, Regimen] = MappingProxyType({r.id: r for r in REGIMENS})

TRIAL_PREFIX = regimen_model.TRIAL_PREFIX
