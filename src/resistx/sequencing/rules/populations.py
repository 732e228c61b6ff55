"""The population selectors a regimen table's efficacy sources name: which population of a
study speaks for the patient (rule 16), from the efficacy factor's Inputs."""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType

import attrs

from resistx.model.enums import Origin
from resistx.sequencing.inputs import EfficacyInputs
from resistx.sequencing.rule import Effect
from resistx.sequencing.rules.chemotherapy_lines import CHEMOTHERAPY_LINES_ENROLLED

Selector = Callable[[EfficacyInputs], str | None]


def _maintain(i: EfficacyInputs) -> str | None:
    """MAINTAIN enrolled after palbociclib (most) or ribociclib; after abemaciclib alone it
    has no randomised data, so it does not speak for the patient."""
    if "palbociclib" in i.cdk46i_resistant:
        return "palbociclib-pretreated"
    if "ribociclib" in i.cdk46i_resistant:
        return "ribociclib-pretreated"
    return None


def _parp(i: EfficacyInputs) -> str | None:
    """TBCRC 048 reports germline PALB2 and somatic BRCA1/2; germline BRCA1/2 was not its question."""
    if ("PALB2", Origin.GERMLINE) in i.parp_origins:
        return "HR+/HER2- germline-PALB2"
    if i.parp_origins & {("BRCA1", Origin.SOMATIC), ("BRCA2", Origin.SOMATIC)}:
        return "HR+/HER2- somatic-BRCA1/2"
    if i.parp_pending:  # what the test it waits on could open (as alpelisib's SOLAR-1 cohort)
        return "HR+/HER2- somatic-BRCA1/2"
    return None


#: population selectors a regimen table may name, by name
SELECTORS: MappingProxyType[str, Selector] = MappingProxyType(
    {
        "itt": lambda _i: "ITT",
        "esr1": lambda i: "ESR1-mutated" if i.esr1 else "ITT",
        "akt_pathway": lambda i: (
            "AKT-pathway-altered" if i.akt_pathway else (None if i.pam_negative_by_ngs else "ITT")
        ),
        "faktion": lambda i: (
            "pathway-non-altered-NGS"
            if i.pam_negative_by_ngs
            else ("pathway-altered-NGS" if i.akt_pathway else None)
        ),
        "pik3ca_mutated": lambda _i: "PIK3CA-mutated",
        # SOLAR-1: its PIK3CA-mutated cohort had almost no CDK4/6 inhibitor before (20 patients
        # did, the review says), which its prior-CDK4/6i subgroup reports
        "solar1": lambda i: "prior-CDK4/6i" if i.cdk46i_resistant else "PIK3CA-mutated",
        "prior_cdk46i": lambda _i: "prior-CDK4/6i",
        # ref 47 reports both: the arm of the patient's own exposure (cases 1157, 1171)
        "cdk46i_exposure": lambda i: "prior-CDK4/6i" if i.had_cdk46i else "no-prior-CDK4/6i",
        # a trial that enrolled no one after a CDK4/6 inhibitor (BOLERO-2) speaks only for
        # a patient never given one
        "no_cdk46i": lambda i: None if i.had_cdk46i else "ITT",
        # DESTINY-Breast04's chemotherapy arm speaks for chemotherapy beside the drug it
        # compared, not after progression on it (7990, 8004)
        "her2_low_before_tdxd": lambda i: "ITT" if i.her2_low and not i.after_tdxd else None,
        "after_palbociclib": lambda i: "ITT" if "palbociclib" in i.cdk46i_resistant else None,
        # PACE enrolled progression on a CDK4/6 inhibitor
        "after_cdk46i_progression": lambda i: "ITT" if i.cdk46i_resistant else None,
        # ... and postMONARCH's own: a CDK4/6 inhibitor with an AI, and no other line
        "postmonarch": lambda i: "ITT" if i.postmonarch_population else None,
        # MAINTAIN's arm for ribociclib with each partner, where its population holds
        "maintain_fulvestrant": lambda i: (
            None if "fulvestrant" in i.outside_maintain else _maintain(i)
        ),
        "maintain_exemestane": lambda i: (
            None if "exemestane" in i.outside_maintain else _maintain(i)
        ),
        # practice-2026 (the 2026.11 pack)
        "pik3ca_wild_type": lambda i: None if i.pik3ca else "PIK3CA-wild-type",
        # DESTINY-Breast06 enrolled no one with chemotherapy for metastatic disease: after it,
        # not the evidence (case 5309: its 13.2 vs 8.1 months were quoted there)
        "her2_low_or_ultralow": lambda i: (
            None if i.prior_chemotherapy else "HER2-low" if i.her2_low else "HER2-low-or-ultralow"
        ),
        # DESTINY-Breast04 enrolled after chemotherapy: before any, it is not the evidence
        "her2_low_after_chemotherapy": lambda i: (
            "ITT" if i.her2_low and i.prior_chemotherapy else None
        ),
        "concurrently_randomized": lambda _i: "concurrently-randomized",
        "parp": _parp,
    }
)


def germline_brca_only(i: EfficacyInputs) -> bool:
    return bool(i.parp_origins) and all(
        g in ("BRCA1", "BRCA2") and o is Origin.GERMLINE for g, o in i.parp_origins
    )


def chemotherapy_naive(said: list[Effect]) -> list[Effect]:
    """Chemotherapy's figures for a patient with no chemotherapy for metastatic disease: a
    study of her setting first (case 504), then the control arms of the ADC trials, which
    enrolled after chemotherapy (rule 4's ranges), each saying whose they are (cases 487, 490,
    491). The strongest figure still scores, wherever it is said."""
    own, pretreated = [], []
    for e in said:
        enrolled = CHEMOTHERAPY_LINES_ENROLLED.get(e.trials[0]) if e.trials else None
        if enrolled is None:
            own.append(e)
            continue
        pretreated.append(
            attrs.evolve(
                e,
                text=f"{e.text} Its patients were treated with chemotherapy before "
                f"({enrolled[0]}-{enrolled[1]} lines for metastatic disease); this patient has "
                "had none for metastatic disease.",
            )
        )
    return own + pretreated
