"""The practice-2026 rules about antibody-drug conjugates (29, 30): trastuzumab deruxtecan for
HER2-low or ultralow disease before chemotherapy (DESTINY-Breast06; after an endocrine line
outside its entry: rule 58, ``practice_tdxd``), and datopotamab deruxtecan after one or two
chemotherapy lines (TROPION-Breast01). A HER2 0 read again for ultralow (rule 34) is in ``her2``."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import EndpointKind, ExclusionCode, Factor, Her2Status
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import HistoryInputs, MolecularInputs
from resistx.sequencing.rule import OPENS_IT, Context, Effect, left_out, rule
from resistx.sequencing.rules.adc_lines import datopotamab_deruxtecan, gated
from resistx.sequencing.rules.db04 import tdxd_first_if_low
from resistx.sequencing.rules.figures import approval, figures

M = Factor.MOLECULAR
H = Factor.HISTORY
PFS = EndpointKind.PFS
OS = EndpointKind.OS


# rule 29: hER2-low or ultralow: trastuzumab deruxtecan
@rule(
    29,
    "HER2-low or ultralow: trastuzumab deruxtecan",
    M,
    condition="HER2-low or HER2-ultralow (DESTINY-Breast06 enrolled both; FDA 27 Jan 2025). "
    "Replaces rule 3.",
    effect="Trastuzumab deruxtecan scores a match; HER2 0 excludes it (out_of_population; "
    "after chemotherapy on DESTINY-Breast04's HER2-low population, before it on "
    "DESTINY-Breast06's); "
    "HER2 unknown: it waits on an IHC test. HER2-ultralow after chemotherapy for metastatic "
    "disease is within the approval but in neither trial's population (DESTINY-Breast06 "
    "enrolled no one with it, DESTINY-Breast04 HER2-low only): no match, and at best an "
    "alternative; without progression on endocrine therapy for metastatic disease it is outside "
    "the approval too, and left out (out_of_population; case 894). For HER2-ultralow "
    "the reason says DESTINY-Breast06's ultralow patients were an exploratory subgroup without "
    "a figure of its own in the pack.",
    codes=(
        "her2_low_or_ultralow_matches_trastuzumab_deruxtecan",
        "out_of_population",
        "her2_status_unknown",
        "her2_ultralow_after_chemotherapy",
    ),
    trials=("DESTINY-Breast06", "DESTINY-Breast04"),
    regimens=kinds.is_tdxd,
)
def her2_low_or_ultralow(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not kinds.is_tdxd(spec):
        return
    chemo = i.chemotherapy_lines or i.db04_early_relapse  # as DESTINY-Breast04 counted them
    if i.her2 is Her2Status.ULTRALOW and chemo and not i.endocrine_progressed:
        yield left_out(
            ExclusionCode.OUT_OF_POPULATION,
            text=f"HER2-ultralow {_after_chemotherapy(i)}, with no endocrine "
            f"therapy for it progressed on: outside its approval ({approval(spec)}: after "
            "progression on 1 or more endocrine therapies for metastatic disease) and both "
            "trials' populations (DESTINY-Breast06 enrolled before chemotherapy, "
            "DESTINY-Breast04 HER2-low disease only).",
            trials=("DESTINY-Breast06", "DESTINY-Breast04"),
        )
    elif i.her2 is Her2Status.ULTRALOW and chemo:
        yield Effect(
            code="her2_ultralow_after_chemotherapy",
            ceiling=1,  # on its label, but no trial enrolled this population: not preferred
            text=f"HER2-ultralow {_after_chemotherapy(i)}: within its approval "
            f"({approval(spec)}: HER2-low or -ultralow disease after progression on 1 or more "
            "endocrine lines, "
            "with no limit on chemotherapy), but neither trial enrolled this patient "
            "(DESTINY-Breast06 no one with chemotherapy for metastatic disease, "
            "DESTINY-Breast04 HER2-low disease only): at best an alternative.",
            trials=("DESTINY-Breast06", "DESTINY-Breast04"),
        )
    elif i.her2 in (Her2Status.LOW, Her2Status.ULTRALOW):
        # DESTINY-Breast06 enrolled no one after chemotherapy, DESTINY-Breast04 HER2-low only
        trials = tuple(
            t
            for t, speaks in (
                ("DESTINY-Breast06", not chemo),
                ("DESTINY-Breast04", i.her2 is Her2Status.LOW),
            )
            if speaks
        )
        yield Effect(
            code="her2_low_or_ultralow_matches_trastuzumab_deruxtecan",
            delta=ctx.weights.match,
            # the HER2 status only: the lines each trial enrolled after are rule 30's
            text=f"HER2-{i.her2.value}: the HER2 status {' and '.join(trials)} enrolled"
            + (_ultralow_subgroup(ctx) if i.her2 is Her2Status.ULTRALOW else "."),
            trials=trials,
        )
    elif i.her2 is Her2Status.UNKNOWN:
        yield Effect(
            code="her2_status_unknown",
            delta=ctx.weights.her2_pending,
            text="HER2 status unknown: trastuzumab deruxtecan is for HER2-low or -ultralow "
            f"disease (DESTINY-Breast06); it waits on an IHC test.{tdxd_first_if_low(i)}",
            waits_on="HER2 IHC",
            trials=spec.key_trials,
        )
    else:
        yield _her2_zero(i)


def _after_chemotherapy(i: MolecularInputs) -> str:
    """How the patient is after chemotherapy: for metastatic disease, or by a relapse within 6
    months of (neo)adjuvant chemotherapy, which DESTINY-Breast04 counted as a line (the recheck
    of case 993)."""
    if i.chemotherapy_lines:
        return "after chemotherapy for metastatic disease"
    return (
        "after chemotherapy (a relapse within 6 months of (neo)adjuvant chemotherapy, which "
        "DESTINY-Breast04 counted as a line)"
    )


def _her2_zero(i: MolecularInputs) -> Effect:
    """HER2 0 leaves it out: after chemotherapy on DESTINY-Breast04's population (case 448),
    before it on DESTINY-Breast06's, whose IHC 0 is to be read again for ultralow (rule 34)."""
    if i.chemotherapy_lines or i.db04_early_relapse:
        return left_out(
            ExclusionCode.OUT_OF_POPULATION,
            text=f"HER2 {i.her2.value} {_after_chemotherapy(i)}: "
            "DESTINY-Breast04, the trial of that setting, enrolled HER2-low disease only "
            "(DESTINY-Breast06 HER2-low and -ultralow disease, before any chemotherapy).",
            trials=("DESTINY-Breast04", "DESTINY-Breast06"),
        )
    reread = i.her2 is Her2Status.ZERO and not i.tdxd_ruled_out  # case 439
    return left_out(
        ExclusionCode.OUT_OF_POPULATION,
        text=f"HER2 {i.her2.value}: DESTINY-Breast06 enrolled HER2-low and -ultralow disease "
        + (
            f"only; a HER2-ultralow or HER2-low reading (of this IHC, or of a current biopsy "
            f"of a metastasis) {OPENS_IT} where the disease has "
            "progressed on an endocrine therapy for metastatic disease, as its approval asks "
            "(rule 34)."
            if reread
            else "only."
        ),
        trials=("DESTINY-Breast06",),
    )


#: DESTINY-Breast06's HER2-ultralow patients (update-2026.md section 6, verified; the pack keeps
#: it in the trial's notes): an exploratory subgroup whose own figures the sources disagree on
DB06_ULTRALOW_PATIENTS = 153


def _ultralow_subgroup(ctx: Context) -> str:
    size = ctx.evidence.trial("DESTINY-Breast06").size
    return (
        f", as an exploratory subgroup of {DB06_ULTRALOW_PATIENTS} of its {size} patients: the "
        "evidence pack holds no figure of that subgroup's own (its sources disagree, a recorded "
        "discrepancy), so the result quoted is the whole trial's, most of it HER2-low."
    )


# rule 30: aDCs after the review: trastuzumab deruxtecan before chemotherapy, Dato-DXd after it
@rule(
    30,
    "Trastuzumab deruxtecan before chemotherapy; datopotamab deruxtecan after 1-2 lines",
    H,
    condition="Endocrine lines and chemotherapy lines for metastatic disease. Replaces rule 4 "
    "for these two ADCs (rule 4 still speaks for sacituzumab govitecan and chemotherapy).",
    effect="Trastuzumab deruxtecan after progression on 1 or more endocrine lines and no "
    "chemotherapy "
    "(DESTINY-Breast06) gains enough to come before chemotherapy; after chemotherapy it gains as "
    "under rule 4 (DESTINY-Breast04). Datopotamab deruxtecan after 1-2 chemotherapy lines "
    "(TROPION-Breast01) gains a little and ranks on its merit, before the chemotherapy it beat "
    "(a longer PFS with half the grade 3 or worse adverse events; case 505): its reason says it "
    "brought no overall-survival benefit; before chemotherapy it is gated as rule 4 gates an ADC "
    "before any line (at best a later option, also in a visceral crisis: with no survival benefit "
    "it is not the alternative to the crisis's chemotherapy), and says the same; after more "
    "chemotherapy lines than its trial enrolled after (an ADC line counted too: 8026), at best "
    "an alternative, sacituzumab "
    "govitecan's trial (TROPiCS-02) having enrolled such patients and brought a survival gain "
    "(case 2545); after sacituzumab govitecan, another TROP2 ADC, stopped for toxicity or "
    "ended short of progression any other way, at best an alternative, the sources not saying "
    "whether its result reaches that patient (8209, 8372).",
    codes=(
        "endocrine_therapy_opens_trastuzumab_deruxtecan",
        "prior_chemotherapy_opens_trastuzumab_deruxtecan",
        "prior_chemotherapy_opens_datopotamab_deruxtecan",
        "datopotamab_deruxtecan_past_its_lines",
        "datopotamab_deruxtecan_after_trop2_adc",
        "adc_before_chemotherapy",
    ),
    trials=("DESTINY-Breast06", "DESTINY-Breast04", "TROPION-Breast01"),
    regimens=kinds.is_tdxd_or_datodxd,
)
def later_adcs(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    w = ctx.weights
    if kinds.is_tdxd(spec):
        if i.tdxd_lines >= 1:
            yield Effect(
                code="prior_chemotherapy_opens_trastuzumab_deruxtecan",
                delta=w.tdxd_opened,
                text=f"{i.tdxd_lines} prior chemotherapy line{'s' if i.tdxd_lines > 1 else ''}: "
                "DESTINY-Breast04 enrolled HER2-low disease after 1-2 lines.",
                trials=("DESTINY-Breast04",),
            )
        elif opened_by_endocrine_lines(i):
            # the population the reading falls in: the ultralow subgroup has no figure of its own
            pooled = i.her2_ultralow  # (10002: HER2-low disease was given the pooled one)
            population, said = _DB06_POPULATION[pooled]
            found = figures(ctx, "DESTINY-Breast06", spec.id, population)
            versus = f" ({said}: {found}, against chemotherapy)" if found else ""
            entry = f"2 or more endocrine lines, or progression within 6 months {_FIRST_LINE}"
            # at ECOG 2-4 its ECOG is what the patient is outside of, whatever the lines (7207)
            outside = f"ECOG 0-1, after {entry}" if (i.ecog or 0) > 1 else f"after {entry}"
            covers = (
                f"its approval covers progression on 1 or more endocrine lines ({approval(spec)})"
            )
            if not i.destiny_breast06_lines:
                who = (
                    f"{covers}, though DESTINY-Breast06 enrolled {outside}: this patient is "
                    "outside the trial's entry"
                )
            elif (i.ecog or 0) <= 1:  # its entry
                who = f"DESTINY-Breast06's population ({entry})"
            else:  # within its lines, outside its entry by its ECOG alone (9290)
                who = (
                    f"{covers}; DESTINY-Breast06 enrolled {outside}: this patient is within its "
                    "lines and outside its entry by its ECOG alone"
                )
            yield Effect(
                code="endocrine_therapy_opens_trastuzumab_deruxtecan",
                delta=w.tdxd_chemo_naive,
                text="After endocrine therapy for metastatic disease and no chemotherapy: "
                f"{who}; the trial gave trastuzumab deruxtecan before chemotherapy{versus}.",
                trials=("DESTINY-Breast06",),
            )
        else:
            yield gated(
                "DESTINY-Breast06", "progression on 1 or more endocrine lines", w.adc_gated, i
            )
        return
    if kinds.is_tdxd_or_datodxd(spec):
        yield datopotamab_deruxtecan(i, spec, ctx)


_FIRST_LINE = "on first-line endocrine therapy with a CDK4/6 inhibitor"
#: DESTINY-Breast06's population whose figures rule 30 quotes, and how it names it, by whether
#: the reading is HER2-ultralow (pooled with HER2-low: the pack holds no ultralow figure of its own)
_DB06_POPULATION = {
    False: ("HER2-low", "HER2-low"),
    True: ("HER2-low-or-ultralow", "HER2-low and -ultralow together"),
}


def opened_by_endocrine_lines(i: HistoryInputs) -> bool:
    """Trastuzumab deruxtecan opened by endocrine lines, not chemotherapy (rules 30 and 58)."""
    return i.endocrine_progressed and not i.tdxd_lines
