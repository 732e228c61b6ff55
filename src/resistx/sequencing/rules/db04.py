"""Factor 1, continued: HER2-low or unknown in DESTINY-Breast04's population (rules 65 and 72):
chemotherapy after trastuzumab deruxtecan, and the HER2 test that decides the ADC."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor, Her2Status
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, rule
from resistx.sequencing.rules.chemotherapy_lines import CHEMOTHERAPY_LINES_ENROLLED

M = Factor.MOLECULAR

#: DESTINY-Breast04 enrolled after 1-2 chemotherapy lines for metastatic disease (rule 4)
DB04_FEWEST, DB04_MOST = CHEMOTHERAPY_LINES_ENROLLED["DESTINY-Breast04"]


# rule 65: hER2-low in DESTINY-Breast04's population: chemotherapy after trastuzumab deruxtecan
@rule(
    65,
    "HER2-low in DESTINY-Breast04's population: chemotherapy after trastuzumab deruxtecan",
    M,
    condition="HER2-low after 1-2 chemotherapy lines for metastatic disease, a relapse within 6 "
    "months of (neo)adjuvant chemotherapy counting as one as the trial counted it (case 993) "
    "(DESTINY-Breast04's population), no interstitial lung disease on record or from a course "
    "it stopped, no progression on a deruxtecan ADC (case 5012), no stop of it for an adverse "
    "event its label does not manage by dose (rule 61: 8025), no LVEF under 50% on record (rule "
    "126 puts it after every option without that risk: case 3724), no severe chronic lung "
    "disease (rule 12) nor a creatinine clearance below its labelled doses (rule 118; 6910, "
    "6949), no visceral crisis.",
    effect="Chemotherapy, the arm trastuzumab deruxtecan did better than in DESTINY-Breast04, "
    "is at best an alternative (as to a PARP inhibitor for germline BRCA1/2: rule 44); in a "
    "visceral crisis chemotherapy comes first (rule 7).",
    codes=("chemotherapy_after_tdxd",),
    trials=("DESTINY-Breast04",),
    references=(62,),
    regimens=kinds.is_chemotherapy,
)
def chemotherapy_after_tdxd(
    i: MolecularInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if i.her2 is not Her2Status.LOW or not kinds.is_chemotherapy(spec) or not db04_population(i):
        return
    counted = (
        " (a relapse within 6 months of (neo)adjuvant chemotherapy counted as one, as the trial "
        "counted it)"
        if i.db04_early_relapse
        else ""
    )
    yield Effect(
        code="chemotherapy_after_tdxd",
        ceiling=1,
        text=f"HER2-low after one or two chemotherapy lines{counted}: DESTINY-Breast04's "
        "population, where trastuzumab deruxtecan did better than chemotherapy of the "
        "physician's choice: chemotherapy is at best an alternative to it.",
        trials=("DESTINY-Breast04",),
        references=(62,),
    )


def _trop2_adc_or_chemotherapy(spec: RegimenSpec) -> bool:
    """Rule 72's regimens: the TROP2 ADCs, and chemotherapy, their trials' control arm."""
    return kinds.is_trop2_adc(spec) or kinds.is_chemotherapy(spec)


# rule 72: hER2 unknown in DESTINY-Breast04's population: the test decides the ADC
@rule(
    72,
    "HER2 unknown in DESTINY-Breast04's population: the test decides the ADC",
    M,
    condition="HER2 status unknown after one or two chemotherapy lines for metastatic disease "
    "(DESTINY-Breast04's population), trastuzumab deruxtecan not ruled out (lung disease, "
    "progression on a deruxtecan ADC), no visceral crisis (case 489).",
    effect="A TROP2 ADC (sacituzumab govitecan; under practice-2026 datopotamab deruxtecan too) "
    "is at best an alternative until the test is read (case 2162: datopotamab deruxtecan was "
    "preferred with an ISH pending), and so is chemotherapy, the control arm that did worse in "
    "DESTINY-Breast04; the ADC's reason leads with what the HER2 test decides: "
    "HER2-low puts trastuzumab deruxtecan, which waits on that test (rule 3), before it.",
    codes=("her2_test_decides_tdxd_first",),
    trials=("DESTINY-Breast04",),
    references=(62,),
    regimens=_trop2_adc_or_chemotherapy,
)
def her2_test_decides_adc(i: MolecularInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if i.her2 is not Her2Status.UNKNOWN or not db04_population(i):
        return
    if kinds.is_chemotherapy(spec):  # its control arm: not lifted by the caps on the ADCs
        yield Effect(
            code="her2_test_decides_tdxd_first",
            ceiling=1,
            text="HER2 status unknown after one or two chemotherapy lines: if the HER2 test "
            "shows HER2-low, trastuzumab deruxtecan comes before chemotherapy, which it did "
            "better than in DESTINY-Breast04; at best an alternative until the test is read.",
            trials=("DESTINY-Breast04",),
            references=(62,),
        )
        return
    yield Effect(
        code="her2_test_decides_tdxd_first",
        leads=True,
        ceiling=1,  # not preferred while the test could put another first (case 2162)
        text="HER2 status unknown after one or two chemotherapy lines: if the HER2 test (the "
        "IHC, or the ISH of an IHC 2+) shows HER2-low, trastuzumab deruxtecan comes before this (DESTINY-Breast04's population, "
        "where it did better than chemotherapy; the review calls it the standard of care for "
        "HER2-low disease after a CDK4/6 inhibitor and 1-2 chemotherapy lines), whose place "
        "waits on that test.",
        trials=("DESTINY-Breast04",),
        references=(62,),
    )


def tdxd_first_if_low(i: MolecularInputs) -> str:
    """What a HER2-low reading would make of trastuzumab deruxtecan (rules 3 and 72)."""
    if not db04_population(i):
        return ""
    return (
        " After one or two chemotherapy lines, HER2-low would put it in DESTINY-Breast04's "
        "population, where it did better than chemotherapy."
    )


def db04_population(i: MolecularInputs) -> bool:
    """One or two chemotherapy lines for metastatic disease, a relapse within 6 months of
    (neo)adjuvant chemotherapy counted as one as the trial did (DESTINY-Breast04's population;
    case 993), trastuzumab deruxtecan not ruled out nor second to chemotherapy (rules 65 and
    72)."""
    lines = i.chemotherapy_lines + i.db04_early_relapse
    return DB04_FEWEST <= lines <= DB04_MOST and _tdxd_open(i)


def tdxd_stands_before(i: MolecularInputs, spec: RegimenSpec) -> bool:
    """``spec`` is chemotherapy, and trastuzumab deruxtecan is not ruled out nor second to it
    (rules 65 and 68)."""
    return kinds.is_chemotherapy(spec) and _tdxd_open(i)


def _tdxd_open(i: MolecularInputs) -> bool:
    """Trastuzumab deruxtecan is not ruled out (lung disease, progression on it, an LVEF under
    50%: ``toxicity.tdxd_ruled_out``) nor second
    to chemotherapy in a visceral crisis (rule 7)."""
    return not i.tdxd_ruled_out and not i.visceral_crisis
