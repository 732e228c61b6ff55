"""Rule 12's tables: which comorbidity bears on which drug, and how (``balance`` reads them)."""

from __future__ import annotations

from types import MappingProxyType

from resistx.model.enums import ChildPugh
from resistx.sequencing.capecitabine import US_SINCE_2022
from resistx.sequencing.rules.drug_classes import CLASS_TOXICITIES
from resistx.vocab.comorbidities import Comorbidity

C = Comorbidity

#: (comorbidity, drug) -> (exclude?, adverse-event term of the regimen's AE trial)
COMORBIDITY_RISKS: MappingProxyType[tuple[C, str], tuple[bool, str]] = MappingProxyType(
    {
        (C.DIABETES, "alpelisib"): (True, "hyperglycemia"),
        (C.DIABETES, "capivasertib"): (False, "hyperglycemia"),
        (C.DIABETES, "everolimus"): (False, "hyperglycemia"),
        # the later PI3K inhibitors: hyperglycaemia is among their trials' events (case 479)
        (C.DIABETES, "inavolisib"): (False, "hyperglycemia"),
        (C.DIABETES, "gedatolisib"): (False, "hyperglycemia"),
        (C.INTERSTITIAL_LUNG_DISEASE, "trastuzumab deruxtecan"): (
            True,
            "interstitial lung disease",
        ),
        # the same deruxtecan payload; ILD/pneumonitis is among the warnings of its label
        # (Datroway US prescribing information); no ILD figure for it is in the sources
        (C.INTERSTITIAL_LUNG_DISEASE, "datopotamab deruxtecan"): (
            True,
            "interstitial lung disease",
        ),
        (C.INTERSTITIAL_LUNG_DISEASE, "everolimus"): (False, "pneumonitis"),
        # limited pulmonary reserve: the drugs whose labels warn of pneumonitis or ILD (case 510)
        (C.CHRONIC_LUNG_DISEASE, "everolimus"): (False, "pneumonitis"),
        (C.CHRONIC_LUNG_DISEASE, "trastuzumab deruxtecan"): (False, "interstitial lung disease"),
        (C.CHRONIC_LUNG_DISEASE, "datopotamab deruxtecan"): (False, "interstitial lung disease"),
        (C.CHRONIC_LUNG_DISEASE, "abemaciclib"): (False, "interstitial lung disease"),
        (C.UNCONTROLLED_HYPERTENSION, "capivasertib"): (False, "hypertension"),
        (C.CARDIAC_DISEASE, "camizestrant"): (False, "bradycardia"),
        (C.BRADYCARDIA, "camizestrant"): (False, "bradycardia"),
        (C.CARDIAC_DISEASE, "trastuzumab deruxtecan"): (
            False,
            "left ventricular ejection fraction",
        ),
        (C.HEPATIC_IMPAIRMENT, "elacestrant"): (False, "ast increased"),
        (C.HEPATIC_IMPAIRMENT, "trastuzumab deruxtecan"): (False, "increased alt"),
        (C.CYTOPENIA, "sacituzumab govitecan"): (False, "neutropenia"),
        (C.CYTOPENIA, "trastuzumab deruxtecan"): (False, "neutropenia"),
        (C.CYTOPENIA, "everolimus"): (False, "anemia"),
        (C.INFLAMMATORY_BOWEL_DISEASE, "sacituzumab govitecan"): (False, "diarrhea"),
        (C.INFLAMMATORY_BOWEL_DISEASE, "alpelisib"): (False, "diarrhea"),
        (C.INFLAMMATORY_BOWEL_DISEASE, "capivasertib"): (False, "diarrhea"),
        (C.INFLAMMATORY_BOWEL_DISEASE, "everolimus"): (False, "diarrhea"),
        (C.INFLAMMATORY_BOWEL_DISEASE, "elacestrant"): (False, "diarrhea"),
        (C.QTC_PROLONGED, "ribociclib"): (True, "qt prolongation"),
        (C.CARDIAC_DISEASE, "ribociclib"): (False, "qt prolongation"),
        (C.BRADYCARDIA, "ribociclib"): (False, "qt prolongation"),
    }
)

#: (comorbidity, drug) pairs of COMORBIDITY_RISKS that also make the regimen at best a later
#: option: a relative contraindication (resistx's reading; everolimus's pneumonitis, 17% with
#: 3% grade 3 or worse in BOLERO-2 as the review prints it, is as frequent as trastuzumab
#: deruxtecan's ILD, which ILD on record leaves out)
AT_BEST_LATER: frozenset[tuple[C, str]] = frozenset(
    {
        (C.INTERSTITIAL_LUNG_DISEASE, "everolimus"),
        # with little reserve to lose (case 510 and its recheck)
        (C.CHRONIC_LUNG_DISEASE, "everolimus"),
        (C.CHRONIC_LUNG_DISEASE, "trastuzumab deruxtecan"),
        (C.CHRONIC_LUNG_DISEASE, "datopotamab deruxtecan"),
        # ribociclib's label asks to avoid it with significant cardiac disease or a
        # bradyarrhythmia, which raise the risk of QT prolongation (case 456)
        (C.CARDIAC_DISEASE, "ribociclib"),
        (C.BRADYCARDIA, "ribociclib"),
    }
)

#: (comorbidity, drug) pairs of UNQUANTIFIED that also make the regimen at best a later option,
#: with why: gedatolisib blocks mTOR, everolimus's target (case 764: ILD that began as
#: pneumonitis on everolimus)
UNQUANTIFIED_AT_BEST_LATER: MappingProxyType[tuple[C, str], str] = MappingProxyType(
    {
        (C.INTERSTITIAL_LUNG_DISEASE, "gedatolisib"): "an mTOR inhibitor, as everolimus is",
        # abemaciclib's US label (case 1238): the other CDK4/6 inhibitors come first
        (C.INFLAMMATORY_BOWEL_DISEASE, "abemaciclib"): "diarrhoea is its most common adverse "
        "reaction, on its label",
    }
)

#: a cytopenia before a myelosuppressive option: its cause first (case 520)
_CYTOPENIA_CAUSE = (
    "find which counts are low and why (marrow infiltration, or an earlier treatment's toxicity "
    "not yet recovered) before starting"
)

#: the PARP inhibitors with a cytopenia on record: what the labels ask before starting (case 457)
_PARP_CYTOPENIA = (
    "PARP inhibitors cause anaemia and other cytopenias: find the cause of this one, and start "
    "only once counts have recovered to grade 1 or better (the labels; not in the review)"
)

#: a grade 1 neuropathy: the agents that follow capecitabine are mostly neurotoxic (case 505)
MILD_NEUROPATHY = (
    "neuropathy grade 1: taxanes, eribulin and vinorelbine can worsen it; grade it before each "
    "cycle (their labels hold, lower or stop them as it worsens; not in the review), or choose "
    "an agent that is not neurotoxic."
)

#: comorbidity cautions for which the review prints no figure, by drug
UNQUANTIFIED: MappingProxyType[tuple[C, str], str] = MappingProxyType(
    {
        # the fluoropyrimidines' labels (5493: DPD deficiency could not be recorded)
        (C.DPD_DEFICIENCY, "chemotherapy"): "capecitabine (and fluorouracil) is "
        "contraindicated in complete DPD deficiency (its EU label; its US label finds no dose "
        "proven safe there) and is given at a lowered dose, if at all, in partial deficiency: "
        "choose another agent, or dose it by the DPYD genotype or DPD activity with a "
        "pharmacist",
        (C.NEUROPATHY, "chemotherapy"): "taxanes, eribulin and vinorelbine can worsen neuropathy; "
        "prefer an agent that is not neurotoxic (capecitabine and the anthracyclines are not) "
        "and that the disease has not progressed on",
        # no pneumonitis figure for it in the sources (VIKTORIA-1's safety is partial there)
        (C.INTERSTITIAL_LUNG_DISEASE, "gedatolisib"): "gedatolisib blocks mTOR as well as PI3K, "
        "and mTOR is the target of everolimus, whose US label warns of non-infectious "
        "pneumonitis; the sources give no pneumonitis figure for gedatolisib (not in the "
        "review): weigh the earlier lung disease, and check the trial's entry criteria",
        # a warning of its label; SOLAR-1's figures here have none (recheck of case 535)
        (C.INTERSTITIAL_LUNG_DISEASE, "alpelisib"): "alpelisib's US label warns of severe "
        "pneumonitis and stops it for good once pneumonitis is confirmed (not in the review): "
        "weigh the earlier lung disease",
        (C.CYTOPENIA, "chemotherapy"): "cytotoxic chemotherapy lowers blood counts: "
        + _CYTOPENIA_CAUSE
        + ", and choose and dose the agent for them",
        # the pack gives TROPION-Breast01 no neutropenia figure (recheck of case 520)
        (C.CYTOPENIA, "datopotamab deruxtecan"): _CYTOPENIA_CAUSE,
        (C.CYTOPENIA, "olaparib"): _PARP_CYTOPENIA,
        (C.CYTOPENIA, "talazoparib"): _PARP_CYTOPENIA,
        # a combination adds toxicities that a failing liver clears badly (case 485)
        (C.HEPATIC_IMPAIRMENT, "chemotherapy"): "a single agent, chosen and dosed for liver "
        "function: docetaxel's label advises against it with a bilirubin above normal, and the "
        "labels of paclitaxel, eribulin and the anthracyclines lower their doses in hepatic "
        "impairment, while capecitabine's asks for close monitoring (the labels; not in the "
        "review)",
        (C.HEPATIC_IMPAIRMENT, "everolimus"): "everolimus needs a lower dose by Child-Pugh class "
        "(its label; not in the review)",
        (C.HEPATIC_IMPAIRMENT, "abemaciclib"): "abemaciclib is given once daily in severe "
        "hepatic impairment (its label; not in the review)",
        # renal impairment: what the labels say (the review gives no figure)
        (C.RENAL_IMPAIRMENT, "chemotherapy"): "capecitabine's label lowers its dose in moderate "
        f"renal impairment, its EU label contraindicates it in severe{US_SINCE_2022} (not in the review)",
        (C.RENAL_IMPAIRMENT, "olaparib"): "olaparib's label lowers its dose in moderate renal "
        "impairment (not in the review)",
        (C.RENAL_IMPAIRMENT, "talazoparib"): "talazoparib's label lowers its dose in moderate "
        "and severe renal impairment (not in the review)",
        # cases 541 and 549: the CDK4/6 inhibitors' renal instructions
        (C.RENAL_IMPAIRMENT, "ribociclib"): "ribociclib's label lowers its starting dose in "
        "severe renal impairment, and its QT prolongation rises with exposure: check creatinine "
        "clearance first (not in the review)",
        # Enhertu's label on renal impairment, a risk factor for its lung toxicity (case 597)
        (C.RENAL_IMPAIRMENT, "trastuzumab deruxtecan"): "its US label reports more low-grade "
        "interstitial lung disease in moderate renal impairment and sets no dose below a "
        "creatinine clearance of 30 mL/min: creatinine clearance before starting, and a close "
        "watch for cough, dyspnoea or fever (not in the review)",
        # update-2026.md (V): the label's renal dosing, without its dose (case 925)
        (C.RENAL_IMPAIRMENT, "inavolisib"): "inavolisib's US label, revised since its "
        "approval, gives its dosing in renal impairment (not in the review; the sources resistx "
        "reads give no dose): check renal function and the current label's dose before starting",
        (C.RENAL_IMPAIRMENT, "abemaciclib"): "abemaciclib raises serum creatinine by blocking its "
        "tubular secretion, without a change in glomerular function, so judge renal function by "
        "another marker, and its diarrhoea can dehydrate: fluids at the first loose stool (its "
        "label; not in the review)",
        (C.INFLAMMATORY_BOWEL_DISEASE, "abemaciclib"): "abemaciclib commonly causes "
        "diarrhoea (its label; not in the review)",
        # the other labels' hepatic instructions (the US labels; the review gives none, and a
        # label's dose is not a figure of the evidence, so the text names no number)
        (C.HEPATIC_IMPAIRMENT, "fulvestrant"): "fulvestrant's label lowers its dose in moderate "
        "hepatic impairment (Child-Pugh B); severe was not studied (not in the review)",
        # the newer oral SERDs: no hepatic instruction in the sources (case 707)
        (C.HEPATIC_IMPAIRMENT, "imlunestrant"): "the sources resistx reads give no hepatic "
        "instruction for imlunestrant: check its label's dosing before starting",
        (C.HEPATIC_IMPAIRMENT, "vepdegestrant"): "the sources resistx reads give no hepatic "
        "instruction for vepdegestrant: check its label's dosing before starting",
        (C.HEPATIC_IMPAIRMENT, "elacestrant"): "elacestrant's label lowers its dose in moderate "
        "hepatic impairment (Child-Pugh B) and advises against it in severe (not in the review)",
        (C.HEPATIC_IMPAIRMENT, "ribociclib"): "ribociclib's label lowers its starting dose in "
        "moderate or severe hepatic impairment (not in the review)",
        (C.HEPATIC_IMPAIRMENT, "palbociclib"): "palbociclib's label lowers its dose in severe "
        "hepatic impairment (not in the review)",
        (C.HEPATIC_IMPAIRMENT, "sacituzumab govitecan"): "sacituzumab govitecan's label gives "
        "no starting dose in moderate or severe hepatic impairment, where its safety is not "
        "established (not in the review)",
        (C.HEPATIC_IMPAIRMENT, "datopotamab deruxtecan"): "datopotamab deruxtecan's label has "
        "limited data in moderate hepatic impairment and none in severe (not in the review)",
        (C.HEPATIC_IMPAIRMENT, "capivasertib"): "capivasertib's label has limited data in "
        "moderate hepatic impairment (watch for its adverse reactions); severe was not studied "
        "(not in the review)",
        (C.CARDIAC_DISEASE, "chemotherapy"): "anthracyclines are cardiotoxic, and capecitabine "
        "or fluorouracil can cause coronary vasospasm (their labels; not in the review)",
        (C.QTC_PROLONGED, "chemotherapy"): "eribulin prolongs the QT interval (an ECG, and "
        "potassium and magnesium corrected, on its label), as 5-HT3-antagonist antiemetics can; "
        "not in the review",
        # neutropenia is a warning on each CDK4/6 inhibitor's label (rule 23's class table)
        **{
            (C.CYTOPENIA, drug): "CDK4/6 inhibitors cause neutropenia (a warning on each label: "
            "blood counts before and during treatment; not in the review)"
            for drug in CLASS_TOXICITIES["neutropenia"]
        },
        # Lynparza's label, Warnings and Precautions (case 623)
        (C.INTERSTITIAL_LUNG_DISEASE, "olaparib"): "olaparib's US label warns of pneumonitis, "
        "fatal in some: interrupt it at new or worsening cough, dyspnoea or fever and "
        "investigate, and stop it if pneumonitis is confirmed (not in the review)",
        # the agent chosen for its lung risk (case 599)
        (C.INTERSTITIAL_LUNG_DISEASE, "chemotherapy"): "some agents can cause pneumonitis "
        "(gemcitabine's label warns of pulmonary toxicity; interstitial pneumonitis is reported "
        "with the taxanes): choose the agent with its lung risk in mind, with baseline chest "
        "imaging and lung function tests and a chest physician's view (not in the review)",
        (C.INTERSTITIAL_LUNG_DISEASE, "palbociclib"): "CDK4/6 inhibitors can cause interstitial "
        "lung disease or pneumonitis (a warning on each label; not in the review)",
        (C.INTERSTITIAL_LUNG_DISEASE, "ribociclib"): "CDK4/6 inhibitors can cause interstitial "
        "lung disease or pneumonitis (a warning on each label; not in the review)",
        (C.INTERSTITIAL_LUNG_DISEASE, "abemaciclib"): "CDK4/6 inhibitors can cause interstitial "
        "lung disease or pneumonitis (a warning on each label; not in the review)",
    }
)

#: the Child-Pugh classes a label's hepatic instruction concerns, by drug: with a class given,
#: the caution speaks only for these (without one it always speaks: the class is not known)
HEPATIC_CLASSES: MappingProxyType[str, frozenset[ChildPugh]] = MappingProxyType(
    {
        "abemaciclib": frozenset({ChildPugh.C}),
        "palbociclib": frozenset({ChildPugh.C}),
        "fulvestrant": frozenset({ChildPugh.B, ChildPugh.C}),
        "elacestrant": frozenset({ChildPugh.B, ChildPugh.C}),
        "ribociclib": frozenset({ChildPugh.B, ChildPugh.C}),
        "capivasertib": frozenset({ChildPugh.B, ChildPugh.C}),
    }
)
#: drugs whose US label advises against them in Child-Pugh C: relatively contraindicated (rule 81)
AVOID_IN_CHILD_PUGH_C = MappingProxyType(
    {"elacestrant": "elacestrant's US label advises against it there"}
)


def _ild_warned(brand: str, where: str) -> str:
    return (
        "left out by resistx (rule 12), not by its label, which lists no contraindication and "
        f"warns of interstitial lung disease {where}: a clinician may weigh it with a chest "
        f"physician ({brand} US prescribing information; not in the review)"
    )


#: what an exclusion of COMORBIDITY_RISKS adds: whose reading it is, where a label says otherwise
EXCLUSION_NOTES: MappingProxyType[tuple[C, str], str] = MappingProxyType(
    {
        (C.DIABETES, "alpelisib"): "left out by resistx (rule 12), not by its label, which "
        "contraindicates it only for severe hypersensitivity and says its safety in type 1 or "
        "uncontrolled type 2 diabetes is not established, SOLAR-1 having enrolled controlled "
        "type 2 diabetes: with controlled type 2 diabetes a clinician may weigh it (Piqray US "
        "prescribing information, Contraindications and Hyperglycemia; not in the review)",
        (C.INTERSTITIAL_LUNG_DISEASE, "trastuzumab deruxtecan"): _ild_warned(
            "Enhertu", "in a boxed warning"
        ),
        (C.INTERSTITIAL_LUNG_DISEASE, "datopotamab deruxtecan"): _ild_warned(  # unboxed (422)
            "Datroway", "among its warnings and precautions"
        ),
        (C.QTC_PROLONGED, "ribociclib"): "its US label advises against ribociclib where the QTc "
        "is already prolonged, and starts it only below a QTcF threshold (not in the review)",
    }
)

#: ... when it stopped a drug of the same payload (``PAYLOAD_GROUPS``), or this one where
#: RECHALLENGE_NOTES has nothing: not weighed as a new drug (case 422's recheck)
SAME_PAYLOAD_NOTE = (
    "the same payload as the drug it arose on: left out by resistx (rule 12), not to be weighed "
    "as a new drug"
)

#: what a label asks before a drug is started with the comorbidity (in place of "monitor closely")
BEFORE_STARTING: MappingProxyType[tuple[C, str], str] = MappingProxyType(
    {
        (C.DIABETES, "capivasertib"): "check fasting glucose and HbA1c and optimise control "
        "before starting, then monitor closely (its label)",
        # Afinitor's label asks for glucose control before starting (recheck of case 541)
        (C.DIABETES, "everolimus"): "optimise glycaemic control before starting and monitor "
        "fasting glucose during treatment (its US label; not in the review)",
        # Itovebi's label, Warnings and Precautions 5.1 (case 596)
        (C.DIABETES, "inavolisib"): "test fasting glucose and HbA1c and optimise fasting "
        "glucose before starting, then check fasting glucose often in the first weeks, as its "
        "label schedules (its US label; not in the evidence pack)",
        # the boxed warning's thresholds and G-CSF are rule 84's caution, on every plan
        (C.CYTOPENIA, "sacituzumab govitecan"): f"{_CYTOPENIA_CAUSE}, then its boxed warning's "
        "thresholds before each dose (not in the review)",
        (C.CYTOPENIA, "trastuzumab deruxtecan"): f"{_CYTOPENIA_CAUSE}, then monitor closely",
        # the labels in severe hepatic impairment (a rule 81 patient, case 560)
        (C.HEPATIC_IMPAIRMENT, "trastuzumab deruxtecan"): "its label sets no dose for a "
        "bilirubin above 3 times the upper limit of normal (severe hepatic impairment), and "
        "DESTINY-Breast04 enrolled adequate liver function; monitor closely (not in the review)",
    }
)
