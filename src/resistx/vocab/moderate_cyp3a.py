"""The moderate CYP3A inhibitors and inducers resistx reads in a profile's ``medications``:
FDA's examples of clinical inhibitors and inducers, and a clinical table built on FDA's guidance
(UpToDate's CYP3A inhibitors and inducers); not in the review. What the labels of the drugs
resistx ranks say of them is rule 153's (case 6933: elacestrant first beside diltiazem).

Not read: the drugs those tables mark as classified differently by other sources (amiodarone,
cimetidine, fosaprepitant) and dexamethasone, which one table counts as moderate and which a
chemotherapy day gives for a day or two as an antiemetic."""

from __future__ import annotations

from types import MappingProxyType

#: a moderate CYP3A inhibitor or inducer, by its generic name (lower case)
MODERATE_CYP3A: MappingProxyType[str, str] = MappingProxyType(
    {
        **dict.fromkeys(
            (
                "aprepitant",
                "ciprofloxacin",
                "crizotinib",
                "cyclosporine",
                "diltiazem",
                "dronedarone",
                "erythromycin",
                "fluconazole",
                "fluvoxamine",
                "imatinib",
                "isavuconazole",
                "verapamil",
                "tofisopam",
                "letermovir",
                "nilotinib",
                "netupitant",
                "fedratinib",
                "duvelisib",
                "berotralstat",
                "lefamulin",
                "fosamprenavir",
            ),
            "inhibitor",
        ),
        **dict.fromkeys(
            (
                "bosentan",
                "cenobamate",
                "dabrafenib",
                "efavirenz",
                "etravirine",
                "lorlatinib",
                "modafinil",
                "nafcillin",
                "pexidartinib",
                "rifabutin",
                "rifapentine",
                "sotorasib",
                "eslicarbazepine",
                "bexarotene",
            ),
            "inducer",
        ),
    }
)

#: brand names and spellings a clinic writes, by the generic name
MODERATE_NAMES: MappingProxyType[str, str] = MappingProxyType(
    {
        **dict.fromkeys(("emend",), "aprepitant"),
        **dict.fromkeys(("cipro", "ciproxin", "ciprobay", "ciprofloxacine"), "ciprofloxacin"),
        "ciprofloxacino": "ciprofloxacin",
        **dict.fromkeys(("xalkori",), "crizotinib"),
        **dict.fromkeys(
            ("ciclosporin", "ciclosporine", "cyclosporin", "ciclosporina", "neoral", "gengraf"),
            "cyclosporine",
        ),
        **dict.fromkeys(
            ("sandimmun", "sandimmune"),
            "cyclosporine",
        ),
        **dict.fromkeys(("cardizem", "tiazac", "cartia", "dilzem"), "diltiazem"),
        # the UK's brands (BNF; case v7200_tildiem: elacestrant came first beside Tildiem LA)
        **dict.fromkeys(
            ("tildiem", "adizem", "slozem", "zemtard", "viazem", "angitil", "dilcardia"),
            "diltiazem",
        ),
        "multaq": "dronedarone",
        **dict.fromkeys(("erythrocin", "erymax", "eritromicina", "erythromycine"), "erythromycin"),
        "ery tab": "erythromycin",
        **dict.fromkeys(("diflucan", "fluconazol", "triflucan", "fluco"), "fluconazole"),
        "erythro": "erythromycin",  # a ward's shorthand (8495)
        **dict.fromkeys(("luvox", "faverin", "floxyfral", "fevarin"), "fluvoxamine"),
        **dict.fromkeys(("gleevec", "glivec"), "imatinib"),
        "cresemba": "isavuconazole",
        **dict.fromkeys(("calan", "isoptin", "verelan", "securon", "verapamilo"), "verapamil"),
        **dict.fromkeys(("univer", "verapress", "cordilox"), "verapamil"),  # the UK's (BNF)
        "prevymis": "letermovir",
        "tasigna": "nilotinib",
        "akynzeo": "netupitant",
        "inrebic": "fedratinib",
        "copiktra": "duvelisib",
        "orladeyo": "berotralstat",
        "xenleta": "lefamulin",
        **dict.fromkeys(("lexiva", "telzir"), "fosamprenavir"),
        "tracleer": "bosentan",
        **dict.fromkeys(("xcopri", "ontozry"), "cenobamate"),
        "tafinlar": "dabrafenib",
        **dict.fromkeys(("sustiva", "stocrin", "atripla", "symfi"), "efavirenz"),
        "intelence": "etravirine",
        **dict.fromkeys(("lorbrena", "lorviqua"), "lorlatinib"),
        **dict.fromkeys(("provigil", "modiodal", "modafinilo"), "modafinil"),
        "turalio": "pexidartinib",
        **dict.fromkeys(("mycobutin", "ansatipine"), "rifabutin"),
        "priftin": "rifapentine",
        **dict.fromkeys(("lumakras", "lumykras"), "sotorasib"),
        **dict.fromkeys(("aptiom", "zebinix"), "eslicarbazepine"),
        "targretin": "bexarotene",
    }
)
