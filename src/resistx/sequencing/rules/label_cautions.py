"""Factor 4, continued: a drug label's warnings where the review prints no adverse-event table
for the drug, or not the warning (rules 41, 56, 59, 76, 80, 83, 84, 88 and 97), each a caution on
the regimens with the drug; the labels are not in the review, and each text says so."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, Rule, rule

B = Factor.BALANCE


def _label_caution(
    number: int,
    name: str,
    fn_name: str,
    *,
    applies: Callable[[RegimenSpec], bool],
    code: str,
    condition: str,
    effect: str,
    text: str,
    term: str | None,
) -> Rule:
    """A rule unit whose one effect is a drug label's caution on the regimens it concerns (the
    review prints no adverse-event table for the drug): rules 41, 56, 59, 76 and 80."""

    def caution(_i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
        if applies(spec):
            yield Effect(code=code, caution=True, text=text, term=term)

    caution.__name__ = caution.__qualname__ = fn_name  # where docs/ranking.md says it lives
    return rule(
        number, name, B, condition=condition, effect=effect, codes=(code,), regimens=applies
    )(caution)


# rule 41: ribociclib's QT and liver monitoring, from its label (not in the review)
ribociclib_monitoring = _label_caution(
    41,
    "Ribociclib: QT and liver monitoring",
    "ribociclib_monitoring",
    applies=kinds.has_ribociclib,
    code="ribociclib_qt_liver",
    condition="A regimen with ribociclib.",
    effect="A caution: ribociclib prolongs the QT interval and raises liver enzymes (its label; "
    "the review gives no adverse-event table for it): an ECG, electrolytes and liver tests, and "
    "other QT-prolonging drugs avoided (case 1052); a prolonged QTc or long-QT syndrome "
    "excludes it (rule 12).",
    text="Ribociclib prolongs the QT interval and can raise liver enzymes: an ECG, potassium and "
    "magnesium (corrected), and liver tests before and during treatment; other drugs that "
    "prolong the QT interval are avoided where they can be (its label; not in the review).",
    term="qt prolongation",
)

# rule 56: the PARP inhibitors' blood counts, from their labels (not in the review)
parp_blood_counts = _label_caution(
    56,
    "PARP inhibitors: blood counts",
    "parp_blood_counts",
    applies=kinds.is_parp_inhibitor,
    code="parp_inhibitor_blood_counts",
    condition="A PARP inhibitor.",
    effect="A caution: the review prints no adverse-event figures for PARP inhibitors; their US "
    "labels warn of anaemia, neutropenia and thrombocytopenia and of myelodysplastic syndrome "
    "or acute myeloid leukaemia, and ask for blood counts at baseline and monthly.",
    text="The review prints no adverse-event figures for PARP inhibitors. Their US labels "
    "warn of anaemia, neutropenia and thrombocytopenia, and of myelodysplastic syndrome or "
    "acute myeloid leukaemia (rare, often fatal): blood counts at baseline and monthly, "
    "starting only once the blood toxicity of earlier treatment has recovered (not in the "
    "review).",
    term="anemia",
)

# rule 59: abemaciclib's warnings, from its label (not in the review)
abemaciclib_label = _label_caution(
    59,
    "Abemaciclib: its label's warnings",
    "abemaciclib_label",
    applies=kinds.has_abemaciclib,
    code="abemaciclib_label",
    condition="A regimen with abemaciclib.",
    effect="A caution: the review prints no adverse-event table for abemaciclib; its US label "
    "warns of diarrhoea (its most common adverse reaction: antidiarrhoeal treatment at the "
    "first loose stool), neutropenia, hepatotoxicity, venous thromboembolism and interstitial "
    "lung disease.",
    text="Abemaciclib: diarrhoea is its most common adverse reaction (an antidiarrhoeal such "
    "as loperamide at the first loose stool, and fluids); its label also warns of "
    "neutropenia, hepatotoxicity, venous thromboembolism and interstitial lung disease: "
    "blood counts and liver tests before and during treatment (its US label; not in the "
    "review).",
    term="diarrhea",
)


# rule 97: palbociclib's warnings, from its label (not in the review; recheck of case 673)
palbociclib_label = _label_caution(
    97,
    "Palbociclib: its label's warnings",
    "palbociclib_label",
    applies=kinds.has_palbociclib,
    code="palbociclib_label",
    condition="A regimen with palbociclib.",
    effect="A caution: the review prints no adverse-event table for palbociclib; its US label "
    "warns of neutropenia (blood counts before starting, at the start of each cycle, on day 15 "
    "of the first two cycles, and as clinically indicated) and of interstitial lung disease or "
    "pneumonitis.",
    text="Palbociclib: its label warns of neutropenia, its most common serious effect: blood "
    "counts before starting, at the start of each cycle, on day 15 of the first two cycles, "
    "and as clinically indicated; and of interstitial lung disease or pneumonitis: ask about "
    "cough and breathlessness (its US label; not in the review).",
    term="neutropenia",
)


# rule 76: datopotamab deruxtecan's warnings, from its label (practice-2026; not in the sources)
datopotamab_deruxtecan_label = _label_caution(
    76,
    "Datopotamab deruxtecan: its label's warnings",
    "datopotamab_deruxtecan_label",
    applies=kinds.has_datopotamab_deruxtecan,
    code="datopotamab_deruxtecan_label",
    condition="A regimen with datopotamab deruxtecan (practice-2026).",
    effect="A caution: the evidence pack gives TROPION-Breast01's stomatitis and nausea only; "
    "its US label also warns of interstitial lung disease or pneumonitis and of ocular surface "
    "toxicity, and advises a steroid mouthwash against stomatitis.",
    text="Datopotamab deruxtecan: its US label warns of interstitial lung disease or "
    "pneumonitis (ask about cough and breathlessness at each visit; stop it for a pneumonitis "
    "of grade 2 or worse) and of ocular surface toxicity (an eye examination before starting, "
    "lubricating eye drops), and advises a steroid mouthwash against stomatitis (not in the "
    "review or the evidence pack).",
    term="interstitial lung disease",
)


# rule 80: everolimus's warnings and a steroid mouthwash, from its label and evERA (case 542)
everolimus_label = _label_caution(
    80,
    "Everolimus: its label's warnings and a steroid mouthwash",
    "everolimus_label",
    applies=kinds.has_everolimus,
    code="everolimus_label",
    condition="A regimen with everolimus.",
    effect="A caution: its US label warns of non-infectious pneumonitis, infections, stomatitis, "
    "hyperglycaemia and myelosuppression; a dexamethasone mouthwash from the first day "
    "prevents most stomatitis (SWISH, Rugo et al., Lancet Oncol 2017), and evERA's protocol "
    "strongly recommended one (update-2026.md section 8). The review gives BOLERO-2's rates for "
    "everolimus + exemestane only.",
    text="Everolimus: a dexamethasone mouthwash from the first day prevents most stomatitis "
    "(SWISH, Rugo et al., Lancet Oncol 2017; evERA's protocol strongly recommended one); its "
    "US label also warns of non-infectious pneumonitis, infections, hyperglycaemia and "
    "myelosuppression: ask about cough and breathlessness, and check glucose and blood counts "
    "before and during treatment (not in the review).",
    term=None,  # BOLERO-2's stomatitis caution carries the term and its figure
)


# rule 83: trastuzumab deruxtecan's boxed warnings and LVEF checks, from its label (case 560)
tdxd_label = _label_caution(
    83,
    "Trastuzumab deruxtecan: its label's lung stopping rule and LVEF checks",
    "tdxd_label",
    applies=kinds.is_tdxd,
    code="tdxd_label",
    condition="A regimen with trastuzumab deruxtecan.",
    effect="A caution beside DESTINY-Breast04's rates: its US label's boxed warning for "
    "interstitial lung disease or pneumonitis (held for a grade 1 until it resolves, stopped "
    "for good at grade 2 or worse), and LVEF before starting and at intervals during "
    "treatment (the rechecks of cases 557 and 560).",
    text="Trastuzumab deruxtecan: its US label's boxed warning for interstitial lung disease "
    "or pneumonitis (ask about cough, breathlessness and fever at each visit; hold it for a "
    "grade 1 until it resolves, stop it for good at grade 2 or worse), and LVEF before "
    "starting and at intervals during treatment (not in the review).",
    term=None,  # DESTINY-Breast04's interstitial lung disease caution carries the term
)


# rule 84: sacituzumab govitecan's boxed warnings, from its label (recheck of case 563)
sg_label = _label_caution(
    84,
    "Sacituzumab govitecan: its boxed warnings' actions",
    "sg_label",
    applies=kinds.is_sacituzumab_govitecan,
    code="sg_label",
    condition="A regimen with sacituzumab govitecan.",
    effect="A caution beside TROPiCS-02's rates: its US label's boxed warning for neutropenia "
    "and diarrhoea, with what it asks (blood counts before each dose and the thresholds that "
    "withhold it, G-CSF, atropine and loperamide) and the raised neutropenia risk with reduced "
    "UGT1A1 activity.",
    text="Sacituzumab govitecan: its US label's boxed warning for neutropenia and diarrhoea: "
    "blood counts before each dose, withheld below 1,500 neutrophils/mm3 on day 1 of a cycle "
    "or 1,000 neutrophils/mm3 on day 8, or with neutropenic fever, with G-CSF as the label "
    "advises; atropine for early (cholinergic) diarrhoea and loperamide at the first late loose "
    "stool, with fluids; reduced UGT1A1 activity (homozygous UGT1A1*28) raises the risk of "
    "neutropenia (not in the review).",
    term=None,  # TROPiCS-02's neutropenia and diarrhoea cautions carry the terms
)


# rule 88: elacestrant's dyslipidaemia warning, from its label (cases 597, 608)
elacestrant_label = _label_caution(
    88,
    "Elacestrant: its label's lipid monitoring",
    "elacestrant_label",
    applies=kinds.has_elacestrant,
    code="elacestrant_label",
    condition="A regimen with elacestrant.",
    effect="A caution beside EMERALD's rates, which the review prints without laboratory "
    "values: its US label's dyslipidaemia warning, with a lipid profile before starting and "
    "periodically.",
    text="Elacestrant: its US label warns of dyslipidaemia (raised cholesterol and "
    "triglycerides were common on it in EMERALD, seldom severe): a lipid profile before "
    "starting and periodically during treatment (Orserdu US prescribing information, Warnings "
    "and Precautions; not in the review).",
    term=None,
)
