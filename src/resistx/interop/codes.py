"""The codes the converters read, from the code systems the two formats use.

Sources (facts from the standards, named where they are used):
- LOINC (loinc.org): 85337-4 ER, 85339-0 PR (Ag [Presence] in breast cancer specimen by immune
  stain), 16112-5 ER and 16113-3 PR (older tissue codes), 48676-1 HER2 [Interpretation] in tissue,
  85319-2 HER2 by immune stain (IHC), 18474-7 HER2 Ag by immune stain (older), 85318-4 ERBB2 gene duplication by FISH (ISH), answer list
  LL4396-9 for the IHC score (LA6111-4 0, LA11841-6 1+, LA11842-4 2+, LA11843-2 3+), 89247-1 ECOG performance status
  with answers LA9622-7 to LA9627-6 (0 to 5), 69548-6 genetic variant assessment with components
  48018-6 gene studied, 48002-0 genomic source class (LA6683-2 germline, LA6684-0 somatic),
  48004-6 DNA change (c.HGVS), 48005-3 amino acid change (p.HGVS), 81290-9 genomic DNA change
  (g.HGVS), 53037-8 clinical significance; LA6576-8 positive, LA6577-6 negative, LA9633-4
  present, LA9634-2 absent.
- mCODE STU3+ (hl7.org/fhir/us/mcode): the procedure-intent and treatment-termination-reason
  extensions and their SNOMED CT value sets.
- SNOMED CT: qualifier values and disorders below, with their preferred terms.
- NCIt (ncit.nci.nih.gov) for phenopackets: treatment intents and responses.
- The HL7 Breast Cancer Data IG's HER2byIHCScoreVS (hl7.org/fhir/us/breastcancer) for the IHC
  score answers; the Genomics Reporting IG for the LOINC answers of variants.
"""

from __future__ import annotations

import re
from types import MappingProxyType

from resistx.vocab import comorbidities as comorbidity_vocab

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm"
HGNC = "http://www.genenames.org"
#: the HGNC identifiers of the genes resistx reads (genenames.org): a result coded by one is
#: that gene, whatever its display says (the review of real records, 3106: ESR1's code
#: displayed 'PIK3CA' was read as PIK3CA; one with no display was dropped)
HGNC_GENES = {
    "HGNC:3467": "ESR1",
    "HGNC:8975": "PIK3CA",
    "HGNC:391": "AKT1",
    "HGNC:9588": "PTEN",
    "HGNC:1100": "BRCA1",
    "HGNC:1101": "BRCA2",
    "HGNC:26144": "PALB2",
    "HGNC:9884": "RB1",
    "HGNC:3430": "ERBB2",
    "HGNC:1589": "CCNE1",
}
MCODE = "http://hl7.org/fhir/us/mcode/StructureDefinition/"
INTENT_EXTENSION = MCODE + "mcode-procedure-intent"
TERMINATION_EXTENSION = MCODE + "mcode-treatment-termination-reason"

ER = frozenset({"85337-4", "16112-5"})
#: ER as estrogen-receptor-stained cells per 100 cells: a percentage (case 1272)
ER_PERCENT = frozenset({"85329-1"})
PR = frozenset({"85339-0", "16113-3"})
HER2_INTERPRETATION = "48676-1"
HER2_IHC = "85319-2"
#: ... and the older code many laboratories still send, 18474-7 HER2 Ag [Presence] in Tissue
#: by Immune stain, read the same where its answer is a score (case 1803)
HER2_IHC_CODES = frozenset({HER2_IHC, "18474-7"})
HER2_ISH = "85318-4"
ECOG = "89247-1"
#: a pregnancy status (LOINC), and the answers that say pregnant (SNOMED CT 77386006, LOINC
#: LA15173-0): session 65's informatician, whose 'Pregnant' was not read
PREGNANCY_STATUS = frozenset({"82810-3", "11449-6"})
PREGNANT = frozenset({"77386006", "LA15173-0"})
VARIANT = "69548-6"
GENE_STUDIED = "48018-6"
SOURCE_CLASS = "48002-0"
HGVS_C = "48004-6"
HGVS_P = "48005-3"
HGVS_G = "81290-9"
SIGNIFICANCE = "53037-8"

#: a positive or negative result, as LOINC answers and SNOMED CT qualifier values
POSITIVE = frozenset({"LA6576-8", "10828004", "LA9633-4", "52101004"})  # 52101004 present
NEGATIVE = frozenset({"LA6577-6", "260385009", "LA9634-2", "2667000"})  # 2667000 absent
#: SNOMED CT 260373001 'Detected' and 260415000 'Not detected', as laboratories value a
#: variant where the Genomics Reporting guide binds LOINC's Present/Absent (case 5868)
POSITIVE |= {"260373001"}
NEGATIVE |= {"260415000"}
#: ... and LOINC's LA11882-0 'Detected' and LA11883-8 'Not detected' (case 5953)
POSITIVE |= {"LA11882-0"}
NEGATIVE |= {"LA11883-8"}

#: HER2 IHC score (LOINC answer list LL4396-9) -> resistx's her2_tests score
IHC_SCORE = MappingProxyType(
    {"LA6111-4": "0", "LA11841-6": "1+", "LA11842-4": "2+", "LA11843-2": "3+"}
)
#: the same scores as phenopackets or free-text displays often write them
IHC_LABEL = MappingProxyType({"0": "0", "0+": "0", "1+": "1+", "2+": "2+", "3+": "3+"})

#: ECOG performance status answers (LOINC LL529-9)
ECOG_ANSWER = MappingProxyType(
    {"LA9622-7": 0, "LA9623-5": 1, "LA9624-3": 2, "LA9625-0": 3, "LA9626-8": 4, "LA9627-6": 5}
)

GERMLINE = "LA6683-2"
SOMATIC = "LA6684-0"

#: clinical significance (LOINC LL4034-6) -> resistx classification
SIGNIFICANCE_ANSWER = MappingProxyType(
    {
        "LA6668-3": "pathogenic",
        "LA26332-9": "likely_pathogenic",
        "LA26333-7": "vus",
        "LA26334-5": "likely_benign",
        "LA6675-8": "benign",
    }
)

#: treatment intent (mCODE ProcedureIntentVS, SNOMED CT; NCIt for phenopackets) -> setting.
#: Palliative treatment of breast cancer is treatment of metastatic disease (an assumption the
#: report states); curative intent does not say adjuvant or neoadjuvant, so it is not mapped.
INTENT = MappingProxyType(
    {
        "373846009": "adjuvant",  # SNOMED CT Adjuvant - intent
        "373847000": "neoadjuvant",  # SNOMED CT Neo-adjuvant - intent
        "363676003": "metastatic",  # SNOMED CT Palliative - procedure intent
        "NCIT:C15360": "adjuvant",  # Adjuvant Therapy
        "NCIT:C15665": "neoadjuvant",  # Neoadjuvant Therapy
    }
)
INTENT_WORDS = (
    ("neoadjuvant", "neoadjuvant"),
    ("adjuvant", "adjuvant"),
    ("palliative", "metastatic"),
)

#: why a treatment stopped (mCODE TreatmentTerminationReasonVS, SNOMED CT) -> stop_reason
TERMINATION = MappingProxyType(
    {
        "182992009": "completed",  # Treatment completed
        "266721009": "progression",  # Absent response to treatment
        "58848006": "progression",  # Lack of drug action
        "407563006": "toxicity",  # Treatment not tolerated
        "281647001": "toxicity",  # Adverse reaction
        "105480006": "patient_choice",  # Refusal of treatment by patient
        "160932005": "other",  # Financial problem
        "309846006": "other",  # Treatment not available
        "107724000": "other",  # Patient transfer
        "184081006": "other",  # Patient has moved away
        "399307001": "other",  # Lost to follow-up
        "419620001": "other",  # Death
    }
)

#: NCIt terms phenopackets use for a response or a termination reason -> stop_reason
NCIT_STOP = MappingProxyType(
    {
        "NCIT:C35571": "progression",  # Progressive Disease
        "NCIT:C17747": "progression",  # Disease Progression
        "NCIT:C41331": "toxicity",  # Adverse Event
    }
)
NCIT_RESPONSE_NOT_STOP = frozenset(
    {
        "NCIT:C18213",  # Stable Disease
        "NCIT:C18058",  # Partial Remission
        "NCIT:C4870",  # Complete Remission
    }
)
STOP_WORDS = (
    ("progress", "progression"),
    ("toxicity", "toxicity"),
    ("adverse", "toxicity"),
    ("not tolerated", "toxicity"),
    ("completed", "completed"),
    ("refus", "patient_choice"),
)

#: SNOMED CT disorders -> resistx's closed comorbidity vocabulary
COMORBIDITY = MappingProxyType(
    {
        "73211009": "diabetes",  # Diabetes mellitus
        "44054006": "diabetes",  # Diabetes mellitus type 2
        "46635009": "diabetes",  # Diabetes mellitus type 1
        "237599002": "diabetes",  # Insulin treated type 2 diabetes mellitus (case 1276)
        "233703007": "interstitial_lung_disease",  # Interstitial lung disease
        "205237003": "interstitial_lung_disease",  # Pneumonitis
        "22607003": "interstitial_lung_disease",  # Asbestosis (the recheck, 5060)
        "805002": "interstitial_lung_disease",  # Silicosis
        "37471005": "interstitial_lung_disease",  # Extrinsic allergic alveolitis
        "31541009": "interstitial_lung_disease",  # Sarcoidosis of lung
        "24369008": "interstitial_lung_disease",  # Pulmonary sarcoidosis (the second recheck)
        "40122008": "interstitial_lung_disease",  # Pneumoconiosis
        "29422001": "interstitial_lung_disease",  # Coal workers' pneumoconiosis
        "18690003": "interstitial_lung_disease",  # Farmers' lung
        "196051003": "interstitial_lung_disease",  # Drug-induced interstitial lung disorder
        "13645005": "chronic_lung_disease",  # Chronic obstructive lung disease
        "56265001": "cardiac_disease",  # Heart disease
        "84114007": "cardiac_disease",  # Heart failure
        "42343007": "cardiac_disease",  # Congestive heart failure
        "302226006": "neuropathy",  # Peripheral nerve disease
        "42399005": "renal_impairment",  # Renal failure syndrome
        "709044004": "renal_impairment",  # Chronic kidney disease
        "433144002": "renal_impairment",  # Chronic kidney disease stage 3 (case 1259)
        "700378005": "renal_impairment",  # Chronic kidney disease stage 3A (case 1288)
        "700379002": "renal_impairment",  # Chronic kidney disease stage 3B (case 1290)
        "431857002": "renal_impairment",  # Chronic kidney disease stage 4
        "433146000": "renal_impairment",  # Chronic kidney disease stage 5
        "48867003": "bradycardia",  # Bradycardia
        "111975006": "qtc_prolonged",  # Prolonged QT interval
        "34000006": "inflammatory_bowel_disease",  # Crohn's disease
        "64766004": "inflammatory_bowel_disease",  # Ulcerative colitis
        "24526004": "inflammatory_bowel_disease",  # Inflammatory bowel disease
        "59927004": "hepatic_impairment",  # Hepatic failure (case 1956; its class unknown)
        "77386006": "pregnancy",  # Patient currently pregnant (rules 134, 135)
        # ... and the pregnancy findings an EHR codes instead (7234b: 'Normal pregnancy' went
        # to free text, and ribociclib + letrozole was preferred at 24 weeks)
        "72892002": "pregnancy",  # Normal pregnancy
        "47200007": "pregnancy",  # High risk pregnancy
        "57630001": "pregnancy",  # First trimester pregnancy
        "59466002": "pregnancy",  # Second trimester pregnancy
        "41587001": "pregnancy",  # Third trimester pregnancy
        "16356006": "pregnancy",  # Multiple pregnancy (the recheck of session 64, 7244u)
    }
)

#: where a metastasis is (mCODE SecondaryCancerCondition): its SNOMED CT disorder, or the body
#: structure of its bodySite -> metastatic_sites (case 1956: liver metastases with a raised
#: bilirubin went to free text, and the visceral-crisis question was never asked)
METASTASIS_SITES = MappingProxyType(
    {
        "94381002": "liver",  # Secondary malignant neoplasm of liver
        "94222008": "bone",  # Secondary malignant neoplasm of bone
        "94391008": "lung",  # Secondary malignant neoplasm of lung
        "94225005": "brain",  # Secondary malignant neoplasm of brain
        "10200004": "liver",  # Liver structure
        "3138006": "bone",  # Bone tissue structure
        "39607008": "lung",  # Lung structure
        "12738006": "brain",  # Brain structure
        # ICD-10 (-CM) secondary malignant neoplasms, as EHRs code them (case 5855: a liver
        # metastasis coded C78.7 was lost)
        **{f"C77.{n}": "lymph_node" for n in (0, 1, 2, 3, 4, 5, 8, 9)},  # of lymph nodes
        "C78.0": "lung",  # of lung (C78.00-C78.02 in ICD-10-CM)
        "C78.00": "lung",
        "C78.01": "lung",
        "C78.02": "lung",
        "C78.2": "pleura",  # of pleura
        "C78.6": "peritoneum",  # of retroperitoneum and peritoneum
        "C78.7": "liver",  # of liver and intrahepatic bile duct
        "C79.2": "skin",  # of skin
        "C79.3": "brain",  # of brain and cerebral meninges (WHO)
        "C79.31": "brain",  # of brain
        "C79.32": "leptomeningeal",  # of cerebral meninges
        "C79.5": "bone",  # of bone and bone marrow (WHO)
        "C79.51": "bone",  # of bone
        "C79.7": "adrenal",  # of adrenal gland
        "C79.70": "adrenal",
        "C79.71": "adrenal",
        "C79.72": "adrenal",
    }
)

#: the values a comorbidity's code says beside its name (type 1 diabetes always needs insulin,
#: which rule 78 reads: case 962)
COMORBIDITY_VALUES = MappingProxyType(
    {code: MappingProxyType({"insulin": True}) for code in ("46635009", "237599002")}
)


#: the disease (MONDO) and phenotype (HPO) terms a phenopacket codes conditions with, as the
#: GA4GH schema recommends -> resistx's comorbidity entry (case 1963: ILD and type 2 diabetes
#: coded so were dropped, and trastuzumab deruxtecan and alpelisib preferred)
ONTOLOGY_COMORBIDITY: MappingProxyType[str, str | dict[str, object]] = MappingProxyType(
    {
        "MONDO:0005015": "diabetes",  # diabetes mellitus
        "MONDO:0005148": "diabetes",  # type 2 diabetes mellitus
        "MONDO:0005147": {"name": "diabetes", "insulin": True},  # type 1 diabetes mellitus
        "HP:0000819": "diabetes",  # Diabetes mellitus
        "HP:0005978": "diabetes",  # Type II diabetes mellitus (case 2375b)
        "HP:0100651": {"name": "diabetes", "insulin": True},  # Type I diabetes mellitus
        "HP:0006515": "interstitial_lung_disease",  # Interstitial pneumonitis (case 2359)
        "MONDO:0015925": "interstitial_lung_disease",  # interstitial lung disease
        "HP:0006530": "interstitial_lung_disease",  # Abnormal pulmonary interstitial morphology
        "HP:0002206": "interstitial_lung_disease",  # Pulmonary fibrosis
        "MONDO:0005002": "chronic_lung_disease",  # chronic obstructive pulmonary disease
        "HP:0006510": "chronic_lung_disease",  # Chronic pulmonary obstruction
        "MONDO:0005252": "cardiac_disease",  # heart failure
        "HP:0001635": "cardiac_disease",  # Congestive heart failure
        "HP:0009830": "neuropathy",  # Peripheral neuropathy
        "MONDO:0005300": "renal_impairment",  # chronic kidney disease
        "HP:0012622": "renal_impairment",  # Chronic kidney disease
        "HP:0001657": "qtc_prolonged",  # Prolonged QT interval
        "HP:0001662": "bradycardia",  # Bradycardia
        "MONDO:0005011": "inflammatory_bowel_disease",  # Crohn disease
        "MONDO:0005101": "inflammatory_bowel_disease",  # ulcerative colitis
    }
)


#: the ICD-10 and ICD-10-CM systems a Condition may be coded in (US Core allows them; case
#: 2363: an ILD coded J84.9 went to free text, and trastuzumab deruxtecan was preferred)
ICD10 = frozenset({"http://hl7.org/fhir/sid/icd-10-cm", "http://hl7.org/fhir/sid/icd-10"})
#: ICD-10 categories (a code and those under it) -> the profile's comorbidity entry
ICD10_COMORBIDITY: MappingProxyType[str, str | dict[str, object]] = MappingProxyType(
    {
        "E10": {"name": "diabetes", "insulin": True},  # Type 1 diabetes mellitus
        "E11": "diabetes",  # Type 2 diabetes mellitus
        "J84": "interstitial_lung_disease",  # Other interstitial pulmonary diseases
        # the pneumoconioses and hypersensitivity pneumonitis, and sarcoidosis of the lung
        # (the recheck of session 59, 5060)
        **dict.fromkeys(
            ("J60", "J61", "J62", "J63", "J64", "J65", "J67"), "interstitial_lung_disease"
        ),
        **dict.fromkeys(("D86.0", "D86.2"), "interstitial_lung_disease"),
        "D86.85": "cardiac_disease",  # Sarcoid myocarditis
        "J70.0": "interstitial_lung_disease",  # Acute pulmonary manifestations due to radiation
        "J70.1": "interstitial_lung_disease",  # Chronic ... due to radiation
        "J70.2": "interstitial_lung_disease",  # Acute drug-induced interstitial lung disorders
        "J70.3": "interstitial_lung_disease",  # Chronic drug-induced interstitial lung disorders
        "J70.4": "interstitial_lung_disease",  # Drug-induced interstitial lung disorders, unsp.
        "J44": "chronic_lung_disease",  # Other chronic obstructive pulmonary disease
        "I50": "cardiac_disease",  # Heart failure
        "N18": "renal_impairment",  # Chronic kidney disease
        "K50": "inflammatory_bowel_disease",  # Crohn's disease
        "K51": "inflammatory_bowel_disease",  # Ulcerative colitis
        # a current pregnancy (7234c): not Z33.2, an elective termination
        "Z33.1": "pregnancy",  # Pregnant state, incidental
        "Z34": "pregnancy",  # Encounter for supervision of normal pregnancy
        "O09": "pregnancy",  # Supervision of high risk pregnancy
    }
)


def icd10_comorbidity(code: str) -> str | dict[str, object] | None:
    """The comorbidity entry of an ICD-10 code: its own, or its category's (J84.9 -> J84)."""
    code = code.strip().upper()
    found = (  # the code itself first (5173: D86.85's six characters were never looked up)
        ICD10_COMORBIDITY.get(code)
        or ICD10_COMORBIDITY.get(code[:5])
        or ICD10_COMORBIDITY.get(code[:3])
    )
    return dict(found) if isinstance(found, dict) else found  # a profile's own entry


def comorbidity(code: str) -> str | dict[str, object] | None:
    """The profile's comorbidity entry for a SNOMED CT disorder: its name, or an object with
    its name and the values the code says; None for a disorder resistx does not read."""
    name = COMORBIDITY.get(code)
    values = COMORBIDITY_VALUES.get(code)
    return {"name": name, **values} if name is not None and values else name


#: specimen types (SNOMED CT) -> resistx sample
SPECIMEN = MappingProxyType(
    {
        "119361006": "ctdna",  # Plasma specimen: cell-free DNA
        "119297000": "blood",  # Blood specimen
        "119342007": "saliva",  # Saliva specimen
        "119376003": "tissue",  # Tissue specimen
    }
)
#: blood specimens (SNOMED CT: blood, peripheral blood): a tumour's variant found there is in
#: its cell-free DNA (case 4925: a peripheral blood specimen left the sample unknown, and the
#: plan called the negatives tissue)
_BLOOD_SPECIMENS = frozenset({"119297000", "122591000", "122555007", "258580003"})
#: specimens from an organ or of a tumour (SNOMED CT) -> tissue (case 4921: 'Specimen from
#: liver'; the recheck, 5052: 'Tumor tissue sample')
_ORGAN_SPECIMENS = frozenset({"122610009", "258435002"})
#: a specimen's name that says tissue ('Tumour tissue, core biopsy', 'Specimen from lung')
_TISSUE_NAMED = re.compile(r"\btissue\b|\bbiops|\bspecimen from\b|\bresection\b", re.IGNORECASE)
#: a specimen's name that says cell-free DNA ('cfDNA', 'Plasma (ctDNA)', 'liquid biopsy')
_CELL_FREE = re.compile(r"\b(?:cf|ct)dna\b|\bplasma\b|liquid biopsy|cell[- ]free", re.IGNORECASE)


def specimen_sample(
    code: str | None, label: str | None, origin: str | None
) -> tuple[str | None, str]:
    """The resistx sample of a genomic result's specimen, and the assumption that reading
    makes ("" where the code says it): a tumour's (not germline) variant on blood is of its
    cell-free DNA, as is a specimen named so; a specimen from an organ is tissue; None for
    any other."""
    known = SPECIMEN.get(code or "")
    germline = origin == "germline"
    if not germline and (
        code in _BLOOD_SPECIMENS or (not known and _CELL_FREE.search(label or ""))
    ):
        return "ctdna", "a tumour result on blood is of its cell-free DNA: sample ctdna"
    if germline and code == "122591000":
        return "blood", ""
    if known is None and (code in _ORGAN_SPECIMENS or _TISSUE_NAMED.search(label or "")):
        return "tissue", "a specimen from an organ or a tumour: sample tissue"
    return known, ""


#: sampled tissues (UBERON) of a phenopacket biosample -> resistx sample
UBERON_SAMPLE = MappingProxyType(
    {
        "UBERON:0001969": "ctdna",  # blood plasma
        "UBERON:0000178": "blood",  # blood
        "UBERON:0001836": "saliva",  # saliva
    }
)


def diabetes_named(label: str) -> dict[str, object] | None:
    """The comorbidity a condition's label names as diabetes mellitus where its code is not
    listed (case 2768: latent autoimmune diabetes, MODY, 'Type 1 diabetes mellitus' went to
    free text, the diabetes rules unread): type 1 or insulin-treated needs insulin; not
    diabetes insipidus or a past gestational diabetes (``comorbidities.recorded_as``)."""
    record = comorbidity_vocab.recorded_as(label)
    if record is None:
        return None
    if record == comorbidity_vocab.INSULIN:
        return {"name": "diabetes", "insulin": True}
    return {"name": "diabetes"}


#: a test's name that says it is of HER2 (case 4930a: a FISH under a code not mapped was only
#: listed, and an IHC 1+ beside it made the disease HER2-low)
#: ... however written ('Her2Neu', 'HER2SCORE', 'ERBB-2', 'HercepTest', 'CD340', 'neu
#: oncoprotein': the recheck, 5056)
_HER2_NAMED = re.compile(
    r"\bher[\s-]?2|\berb[\s-]?b[\s-]?2|c-?erb-?b-?2|\bhercep|\bcd[\s-]?340|\bneu\b"
    r"|human epidermal growth factor receptor[\s-]?2",
    re.IGNORECASE,
)


#: HER2 tests by LOINC code that resistx does not map, sent with no name (the second recheck,
#: 5170), and answers that say HER2 whatever the test's name: an IHC score's, and SNOMED CT
#: 427685000 'HER2 positive carcinoma of breast'
_HER2_TESTS = frozenset({"31150-6", "72383-3", "74885-5", "74860-8", "96893-3", "49683-6"})
_HER2_ANSWERS = frozenset({*IHC_SCORE, "427685000"})
#: ... but an IHC score's answers score other markers too (ER, PR: the second recheck, 5171)
_OTHER_MARKER = re.compile(
    r"\b(?:er|pr|pgr|ar|egfr|ki-?67|estrogen|oestrogen|progesterone|androgen)\b", re.IGNORECASE
)


def her2_named(label: str | None) -> bool:
    """A label that names HER2 (ERBB2, HER2/neu)."""
    return bool(_HER2_NAMED.search(label or ""))


def unmapped_her2(code: str | None, label: str | None, answer: str | None = None) -> str:
    """The refusal of a HER2 result under a test code resistx does not map ("" for a test
    not of HER2): it may be the result that makes the disease HER2-positive. A test is of HER2
    by its name or its LOINC code, or by its value (a HER2 IHC score's answer code, unless the
    test names another marker those answers score)."""
    named = _HER2_NAMED.search(label or "") or code in _HER2_TESTS
    by_answer = answer in _HER2_ANSWERS and not _OTHER_MARKER.search(label or "")
    if not (named or by_answer):
        return ""
    return (
        f"{label} [{code}]: a HER2 test under a code resistx does not map, which may decide the "
        "HER2 status (an ISH or FISH positive is HER2-positive disease): give it as HER2 IHC "
        f"({HER2_IHC}) or ISH ({HER2_ISH}), or write the profile's her2_tests by hand"
    )
