"""A PARP inhibitor before chemotherapy: for germline BRCA1/2, on the trials behind the
approvals (rule 44); for germline PALB2 or somatic BRCA1/2, on TBCRC 048 (rule 49)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.build_inputs import CHEMOTHERAPY_LINES_CAP
from resistx.sequencing.hrd import germline_brca, of_unknown_origin, parp_targets
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, rule

M = Factor.MOLECULAR


# rule 44: germline BRCA1/2: a PARP inhibitor before chemotherapy
@rule(
    44,
    "Germline BRCA1/2: a PARP inhibitor before chemotherapy",
    M,
    condition="After progression on a CDK4/6 inhibitor, a germline BRCA1/2 mutation, at most 2 "
    "cytotoxic lines for metastatic disease, an ADC's counted (OlympiAD's limit of chemotherapy "
    "regimens; EMBRACA's was 3; past it, the PARP inhibitors' reason says so), no "
    "progression on a PARP inhibitor, and no platinum resistance (rule 105).",
    effect="Olaparib and talazoparib gain and their reason leads; chemotherapy is at best an "
    "alternative, except in a visceral crisis (rule 7: chemotherapy first, the PARP inhibitors "
    "the option after it): each PARP inhibitor gave longer progression-free survival than "
    "chemotherapy of the physician's choice in its phase III trial (OlympiAD, EMBRACA; the review's refs 74-75, not named and "
    "without figures). "
    "Sacituzumab govitecan, which the review considers for heavily pretreated patients with "
    "limited treatment options (TROPiCS-02), is at best an alternative too, and in a visceral "
    "crisis (every option but chemotherapy a later one) it steps back behind the PARP "
    "inhibitors (a match's weight); under practice-2026 so does datopotamab deruxtecan. With no "
    "chemotherapy on record in any setting olaparib, whose label asks for it, is at best an "
    "alternative (talazoparib's US label does not ask for it).",
    codes=(
        "olaparib_label_prior_chemotherapy",
        "germline_brca_parp_before_chemotherapy",
        "parp_inhibitor_before_chemotherapy",
        "parp_inhibitor_before_sacituzumab_govitecan",
        "parp_beyond_olympiad_lines",
    ),
    trials=("TROPiCS-02",),
    references=(74, 75),
    regimens=kinds.is_parp_inhibitor_or_what_it_comes_before,
)
def parp_before_chemotherapy(
    i: MolecularInputs, spec: RegimenSpec, ctx: Context
) -> Iterator[Effect]:
    # progression on a PARP inhibitor or a platinum (rule 105: outside OlympiAD's and EMBRACA's
    # populations), or a myelodysplastic syndrome (rule 112)
    if not i.post_cdk46i or i.parp_closed:
        return
    brca = [f for f in i.parp if germline_brca(f)]
    if not brca:
        return
    genes = " and ".join(f"germline {f.gene}" for f in brca)
    if i.chemotherapy_lines + i.adc_lines > OLYMPIAD_CHEMOTHERAPY_LINES:
        if kinds.is_parp_inhibitor(spec):  # said, not silent (case 5742)
            yield _beyond_olympiad(genes, i)
        return
    trials = (
        "OlympiAD (olaparib) and EMBRACA (talazoparib) (not named in the review; its refs 74-75)"
    )
    if kinds.is_parp_inhibitor(spec):
        if spec.id == "olaparib" and not i.chemotherapy_ever:
            yield Effect(
                code="olaparib_label_prior_chemotherapy",
                ceiling=1,
                text="No chemotherapy on record in any setting: olaparib's US label asks for prior "
                "chemotherapy (neoadjuvant, adjuvant or metastatic; its EU label an anthracycline "
                "and a taxane), talazoparib's US label does not (its EU label asks for an "
                "anthracycline and/or a taxane unless unsuitable; the labels, not in the "
                "review): at best an alternative.",
                references=(74, 75),
            )
        place = _place("a PARP inhibitor", i.visceral_crisis)
        if spec.id == "olaparib" and not i.chemotherapy_ever and not i.visceral_crisis:
            place = _LABEL_AFTER  # 9675: it ranks after chemotherapy, as its label asks
        yield Effect(
            code="germline_brca_parp_before_chemotherapy",
            delta=ctx.weights.parp_before_chemotherapy,
            leads=True,
            text=f"{genes} mutation: in {trials}, each PARP inhibitor gave longer "
            "progression-free survival than chemotherapy of the physician's choice, with no "
            "significant difference in overall survival, in patients treated with chemotherapy "
            f"before (the trials' reports; not in the review): {place}.",
            references=(74, 75),
        )
    elif i.adjuvant_parp is not None:  # rule 102: the PARP inhibitor is no sure step first
        return
    elif kinds.is_trop2_adc(spec):
        yield _trop2_adc_after_parp(i, spec, ctx, genes, trials)
    elif not i.visceral_crisis:
        yield Effect(
            code="parp_inhibitor_before_chemotherapy",
            ceiling=1,
            leads=True,
            text=f"{genes} mutation: a PARP inhibitor did better than chemotherapy of the "
            f"physician's choice ({trials}): chemotherapy comes after it.",
            references=(74, 75),
        )


def _trop2_adc_after_parp(
    i: MolecularInputs, spec: RegimenSpec, ctx: Context, genes: str, trials: str
) -> Effect:
    """Rule 44 for a TROP2 ADC: after the PARP inhibitor not yet given. A crisis caps every
    option but chemotherapy at 'later' (rule 7), so the tiers no longer put it after the PARP
    inhibitor: it gives up a match's worth there (case 371)."""
    sg = kinds.is_sacituzumab_govitecan(spec)
    why = (
        "the review considers sacituzumab govitecan for heavily pretreated patients with "
        "limited treatment options"
        if sg
        else "datopotamab deruxtecan's trial (TROPION-Breast01) enrolled after 1-2 "
        "chemotherapy lines, with no overall-survival benefit"
    )
    return Effect(
        code="parp_inhibitor_before_sacituzumab_govitecan",
        ceiling=1,
        delta=-ctx.weights.match if i.visceral_crisis else 0.0,
        leads=True,
        text=f"{genes} mutation: a PARP inhibitor not yet given is a targeted option "
        f"({trials}); {why}, so it comes after the PARP inhibitor"
        + (", also after the crisis's chemotherapy." if i.visceral_crisis else "."),
        trials=("TROPiCS-02",) if sg else ("TROPION-Breast01",),
        references=(74, 75),
    )


def _pathway_open(i: MolecularInputs) -> str | None:
    """The gene of a PI3K-pathway alteration found (confirmed, not PTEN by IHC only) whose
    inhibitors can come first: not progressed on, nor on fulvestrant, their partner (rule
    109), and not after a short CDK4/6-inhibitor course (rule 18): a definite target still open
    (rule 49)."""
    found = i.akt_pathway
    if found is None or i.akt_pathway_unconfirmed:
        return None
    if i.after_pi3k_or_akt or i.after_fulvestrant or i.short_cdk46i:
        return None
    return found.result.gene


def _definite_target_first(gene: str, ctx: Context) -> Effect:
    """Rule 49 beside an open PI3K-pathway target (case 1008): olaparib takes back the step it
    gains before chemotherapy, so the pathway's inhibitor, where nothing else holds it back,
    comes first (a ceiling here would leave nothing preferred where another rule holds the
    inhibitor back: after a short course or progression on fulvestrant)."""
    return Effect(
        code="definite_target_before_tbcrc048",
        delta=-ctx.weights.parp_before_chemotherapy,
        text=f"A {gene} alteration is on record too: the review's Discussion names the PI3K "
        "pathway a definite target, its inhibitors to be used, with a phase III result after "
        "a CDK4/6 inhibitor (CAPItello-291), where olaparib for this mutation rests on a phase "
        "II trial (TBCRC 048) and is given outside its label: it gains no step over the "
        "pathway's inhibitor.",
        trials=("CAPItello-291", "TBCRC 048"),
        references=(76,),
    )


def _olaparib_label(i: MolecularInputs) -> str:
    """What olaparib's US label says of the patient's mutation (rule 49; case 490 and its
    recheck: a tumour mutation of unknown origin, and the label's prior chemotherapy)."""
    if not i.brca_origin_unknown:
        return "for this mutation olaparib is given outside its label (not in the review)."
    if not i.chemotherapy_ever:  # case 614: outside its label either way
        return (
            "if germline, olaparib's US label (OlympiAD, not named in the review; its ref 74) "
            "still asks for prior chemotherapy, and none is on record, while talazoparib's does "
            "not; if somatic, it is given outside its label (not in the review)."
        )
    return (
        "if germline, olaparib is within its US label (OlympiAD, not named in the review; its "
        "ref 74); if somatic, it is given outside its label (not in the review)."
    )


#: rule 44's place for olaparib where its label asks for the chemotherapy none has had (9675)
_LABEL_AFTER = (
    "a PARP inhibitor within its label comes before chemotherapy (talazoparib's asks for no "
    "prior chemotherapy), while olaparib's label places it after chemotherapy (below)"
)


def _place(drug: str, crisis: bool) -> str:
    """Where the PARP inhibitor stands against chemotherapy: before it, or after a crisis."""
    if crisis:
        return f"a visceral crisis calls for chemotherapy first, and {drug} can follow once it is controlled"
    return "it comes before chemotherapy"


def _beyond_olympiad(genes: str, i: MolecularInputs) -> Effect:
    """Rule 44 past OlympiAD's lines: the PARP inhibitor stays where its evidence puts it. Both
    drugs are read by OlympiAD's limit, EMBRACA's named beside it (5801: at three lines the
    text said neither trial enrolled the patient, though EMBRACA did)."""
    lines = i.chemotherapy_lines + i.adc_lines
    adc = f" (of them {i.adc_lines} with an ADC, whose payload is cytotoxic)" * bool(i.adc_lines)
    capped = max(i.chemotherapy_lines, i.adc_lines) >= CHEMOTHERAPY_LINES_CAP
    return Effect(
        code="parp_beyond_olympiad_lines",
        text=f"{genes} mutation, but {lines} {'or more ' * capped}cytotoxic lines for metastatic "
        f"disease{adc}: OlympiAD (olaparib) enrolled after at most two chemotherapy regimens, "
        "EMBRACA (talazoparib) after at most three (the trials' reports; not in the review); "
        "resistx reads both PARP inhibitors by OlympiAD's limit, so neither comes before "
        "chemotherapy here.",
        references=(74, 75),
    )


#: OlympiAD enrolled after at most 2 chemotherapy regimens for metastatic disease (Robson et al.,
#: NEJM 2017; EMBRACA after at most 3: Litton et al., NEJM 2018); the review prints neither
OLYMPIAD_CHEMOTHERAPY_LINES = 2


# rule 49: germline PALB2 or somatic BRCA1/2: olaparib before chemotherapy
@rule(
    49,
    "Germline PALB2 or somatic BRCA1/2: olaparib before chemotherapy",
    M,
    condition="After progression on a CDK4/6 inhibitor, a germline PALB2 or somatic BRCA1/2 "
    "mutation, no germline BRCA1/2 (rule 44), no progression on a PARP inhibitor and no "
    "platinum resistance (rule 105). The "
    "review's Discussion lists ESR1 and the PI3K pathway as its definite targets; its "
    "PARP-inhibitor section finds PARP inhibitors effective for these mutations even after a "
    "CDK4/6 inhibitor (TBCRC 048): a recorded discrepancy, read for the section on the trial.",
    effect="Olaparib, the drug TBCRC 048 gave, gains and its reason leads; beside a PI3K-pathway "
    "alteration (confirmed, its inhibitors not progressed on), a definite target with a phase "
    "III trial (CAPItello-291), olaparib takes that gain back, so the pathway's inhibitor comes "
    "first where nothing else holds it back (case 1008); chemotherapy and "
    "sacituzumab govitecan are at best alternatives, ranked after olaparib (9674), except in a visceral crisis (rule 7: "
    "chemotherapy first). Talazoparib, which TBCRC 048 did not give, gains nothing. A tumour "
    "BRCA1/2 mutation with no germline result for the gene is named of unknown origin, and "
    "olaparib's reason says its label covers it if germline (case 490).",
    codes=(
        "tbcrc048_olaparib_first",
        "definite_target_before_tbcrc048",
        "tbcrc048_olaparib_before_chemotherapy",
    ),
    trials=("TBCRC 048",),
    references=(74, 76),
    regimens=kinds.is_parp_inhibitor_or_what_it_comes_before,
)
def tbcrc048_before_chemotherapy(
    i: MolecularInputs, spec: RegimenSpec, ctx: Context
) -> Iterator[Effect]:
    # progression on a PARP inhibitor or a platinum (rule 105), or MDS (rule 112)
    if not (i.post_cdk46i and i.parp) or i.parp_closed or any(map(germline_brca, i.parp)):
        return
    unknown = i.brca_origin_unknown
    genes = " and ".join(parp_targets(i.parp, unknown=unknown))
    origin = f", {of_unknown_origin(unknown)}" if unknown else ""
    found = (
        f"{genes} mutation{origin}: the review finds PARP inhibitors effective for germline "
        "PALB2 or somatic BRCA1/2 mutations even after a CDK4/6 inhibitor (TBCRC 048, olaparib)"
    )
    if "olaparib" in spec.drugs:
        place = _place("olaparib", i.visceral_crisis)
        yield Effect(
            code="tbcrc048_olaparib_first",
            delta=ctx.weights.parp_before_chemotherapy,
            leads=True,
            text=f"{found}: {place}. Its US label covers germline BRCA1/2 mutations only: "
            f"{_olaparib_label(i)}",
            trials=("TBCRC 048",),
            references=(74, 76) if unknown else (76,),
        )
        if (pathway := _pathway_open(i)) is not None:
            yield _definite_target_first(pathway, ctx)
    elif not kinds.is_parp_inhibitor(spec) and not i.visceral_crisis and not i.adjuvant_parp:
        yield Effect(
            code="tbcrc048_olaparib_before_chemotherapy",
            ceiling=1,
            after="olaparib",
            leads=True,
            text=f"{found}: olaparib comes first, this after it.",
            trials=("TBCRC 048",),
            references=(76,),
        )
