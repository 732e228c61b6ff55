"""Closed vocabularies of the domain model, each a str-valued enum.

The value is what appears in JSON; the member name is what code uses.
"""

from __future__ import annotations

import enum


class HormoneReceptor(enum.StrEnum):
    """The tumour's hormone-receptor status (a profile's ``hormone_receptor``): resistx's scope
    is HR-positive disease, ER-low included."""

    POSITIVE = "positive"
    #: ER-low: oestrogen receptor in 1-10% of tumour cells (ASCO/CAP 2020); in scope, its
    #: endocrine options after chemotherapy and the ADCs (rule 114, case 1218)
    LOW = "low"
    NEGATIVE = "negative"


class Her2Status(enum.StrEnum):
    """The tumour's HER2 status as the plan reads it (a profile's ``her2``, or derived from its
    ``her2_tests``)."""

    ZERO = "0"
    ULTRALOW = "ultralow"
    LOW = "low"
    POSITIVE = "positive"
    UNKNOWN = "unknown"


class MenopausalStatus(enum.StrEnum):
    """The patient's menopausal status (a profile's ``menopausal_status``): before the
    menopause, endocrine options need ovarian function suppression."""

    POSTMENOPAUSAL = "postmenopausal"
    PREMENOPAUSAL = "premenopausal"
    PERIMENOPAUSAL = "perimenopausal"
    UNKNOWN = "unknown"


class Sex(enum.StrEnum):
    """The patient's sex (a profile's ``sex``): men are read with the trials and labels that
    enrolled or cover them."""

    FEMALE = "female"
    MALE = "male"


class MetastaticSite(enum.StrEnum):
    """Where the metastatic disease is (a profile's ``metastatic_sites``)."""

    BONE = "bone"
    LYMPH_NODE = "lymph_node"
    SKIN = "skin"
    SOFT_TISSUE = "soft_tissue"
    LIVER = "liver"
    LUNG = "lung"
    PLEURA = "pleura"
    PERITONEUM = "peritoneum"
    ADRENAL = "adrenal"
    BRAIN = "brain"
    LEPTOMENINGEAL = "leptomeningeal"
    OTHER_VISCERAL = "other_visceral"


class ChildPugh(enum.StrEnum):
    """The Child-Pugh class of hepatic impairment."""

    A = "A"
    B = "B"
    C = "C"


class Her2Score(enum.StrEnum):
    """A HER2 immunohistochemistry score (ultralow: IHC 0 with faint incomplete staining)."""

    ZERO = "0"
    ULTRALOW = "ultralow"
    ONE = "1+"
    TWO = "2+"
    THREE = "3+"


class IshResult(enum.StrEnum):
    """An in situ hybridisation result for HER2 (a HER2 test's ``ish``), which settles an IHC 2+
    score."""

    NEGATIVE = "negative"
    POSITIVE = "positive"
    PENDING = "pending"  # HER2 unknown until it is reported (case 1721)


class BiomarkerStatus(enum.StrEnum):
    """What a biomarker test found for its gene (a result's ``status``)."""

    MUTATED = "mutated"
    WILD_TYPE = "wild_type"
    AMPLIFIED = "amplified"
    OVEREXPRESSED = "overexpressed"
    LOSS = "loss"
    NOT_DETECTED = "not_detected"
    INDETERMINATE = "indeterminate"


class Origin(enum.StrEnum):
    """Whether an alteration is the tumour's own (somatic) or inherited (germline)."""

    SOMATIC = "somatic"
    GERMLINE = "germline"


class Sample(enum.StrEnum):
    """What a biomarker test was run on: tumour tissue, plasma ctDNA, or blood or saliva for a
    germline test."""

    TISSUE = "tissue"
    CTDNA = "ctdna"
    BLOOD = "blood"  # germline tests
    SALIVA = "saliva"  # germline tests


class SampleSite(enum.StrEnum):
    """Where a tumour sample was taken (a HER2 score's; case 1425: a sample taken before the
    first metastatic line may be the biopsy of a metastasis)."""

    PRIMARY = "primary"
    METASTASIS = "metastasis"
    #: another primary cancer (an earlier or contralateral one): not read for this cancer's
    #: HER2 (case 1764)
    OTHER_PRIMARY = "other_primary"


class Assay(enum.StrEnum):
    """How a biomarker was tested (next-generation sequencing, PCR, immunohistochemistry, FISH)."""

    NGS = "ngs"
    PCR = "pcr"
    IHC = "ihc"
    FISH = "fish"


class TreatmentSetting(enum.StrEnum):
    """When a course was given: before or after surgery for early disease, or for metastatic
    disease."""

    NEOADJUVANT = "neoadjuvant"
    ADJUVANT = "adjuvant"
    METASTATIC = "metastatic"


class StopReason(enum.StrEnum):
    """Why a course ended (a treatment's ``stop_reason``); only ``progression`` is read as
    resistance."""

    PROGRESSION = "progression"
    TOXICITY = "toxicity"
    COMPLETED = "completed"
    PATIENT_CHOICE = "patient_choice"
    ONGOING = "ongoing"
    OTHER = "other"
    #: ended, how not recorded (an EHR export's unknown; case 1429): not read as progression,
    #: and the plan asks (rule 50)
    UNKNOWN = "unknown"


class Priority(enum.StrEnum):
    """What the patient puts first (the preferences' ``priority``), which the balance factor
    weighs."""

    BALANCED = "balanced"
    SURVIVAL = "survival"
    QUALITY_OF_LIFE = "quality_of_life"


class DrugClass(enum.StrEnum):
    """The pharmacological class of a drug, as the drug vocabulary reads it from its name."""

    CDK46_INHIBITOR = "cdk4/6_inhibitor"
    AROMATASE_INHIBITOR = "aromatase_inhibitor"
    SERD = "serd"
    ORAL_SERD = "oral_serd"
    SERM = "serm"
    PI3K_INHIBITOR = "pi3k_inhibitor"
    AKT_INHIBITOR = "akt_inhibitor"
    MTOR_INHIBITOR = "mtor_inhibitor"
    PARP_INHIBITOR = "parp_inhibitor"
    ADC_HER2 = "adc_her2"
    ADC_TROP2 = "adc_trop2"
    ADC_HER3 = "adc_her3"
    ADC_LIV1 = "adc_liv1"
    ADC_ROR2 = "adc_ror2"
    BCL2_INHIBITOR = "bcl2_inhibitor"
    CDK2_INHIBITOR = "cdk2_inhibitor"
    CDK7_INHIBITOR = "cdk7_inhibitor"
    AURKA_INHIBITOR = "aurka_inhibitor"
    IMMUNE_CHECKPOINT_INHIBITOR = "immune_checkpoint_inhibitor"
    PROGESTERONE_RECEPTOR_ANTAGONIST = "progesterone_receptor_antagonist"
    HYPOMETHYLATING_AGENT = "hypomethylating_agent"
    CHEMOTHERAPY = "chemotherapy"
    #: progestins and oestrogens, endocrine lines of old (megestrol; case 2279): no regimen
    #: of the review's acts on them
    OTHER_ENDOCRINE = "other_endocrine"
    OVARIAN_FUNCTION_SUPPRESSION = "ovarian_function_suppression"
    UNCLASSIFIED = "unclassified"

    @property
    def is_adc(self) -> bool:
        return self.value.startswith("adc_")

    @property
    def is_endocrine(self) -> bool:
        return self in _ENDOCRINE


_ENDOCRINE = frozenset(
    {
        DrugClass.AROMATASE_INHIBITOR,
        DrugClass.SERD,
        DrugClass.ORAL_SERD,
        DrugClass.SERM,
        DrugClass.OTHER_ENDOCRINE,
        DrugClass.OVARIAN_FUNCTION_SUPPRESSION,
    }
)


class TrialStatus(enum.StrEnum):
    """A trial's recruitment status as the evidence records it."""

    COMPLETED = "completed"
    ONGOING = "ongoing"
    TERMINATED = "terminated"
    UNKNOWN = "unknown"


class TrialSetting(enum.StrEnum):
    """How a study's population relates to prior CDK4/6-inhibitor treatment."""

    AFTER_CDK46I = "after_cdk4/6i"  # all or most patients progressed on a CDK4/6 inhibitor
    MIXED = "mixed"  # some patients had one, some did not
    CDK46I_NAIVE = "cdk4/6i_naive"  # endocrine-resistant, no prior CDK4/6 inhibitor
    FIRST_LINE = "first_line"  # first-line CDK4/6-inhibitor trials cited as background
    UNKNOWN = "unknown"  # the review does not say


class EndpointKind(enum.StrEnum):
    """The kind of an efficacy endpoint: progression-free or overall survival (medians),
    response or clinical-benefit rate, or a PFS rate at a time point."""

    PFS = "PFS"
    OS = "OS"
    ORR = "ORR"
    CBR = "CBR"
    PFS_RATE = "PFS_RATE"

    @property
    def is_median(self) -> bool:
        return self in (EndpointKind.PFS, EndpointKind.OS)


class MechanismCategory(enum.StrEnum):
    """The family of a resistance mechanism in the review: the cell cycle, the PI3K/AKT/mTOR
    pathway, oestrogen-receptor signalling, or other."""

    CELL_CYCLE = "cell_cycle"
    PAM_PATHWAY = "pam_pathway"
    ER_SIGNALING = "er_signaling"
    OTHER = "other"


class Alteration(enum.StrEnum):
    """How a gene is altered in a resistance mechanism (loss, amplification, overexpression,
    activation, mutation)."""

    LOSS = "loss"
    AMPLIFICATION = "amplification"
    OVEREXPRESSION = "overexpression"
    ACTIVATION = "activation"
    MUTATION = "mutation"
    OTHER = "other"


class Factor(enum.StrEnum):
    """The review's four sequencing factors, each scoring every option: molecular, efficacy,
    history and balance."""

    MOLECULAR = "molecular"
    EFFICACY = "efficacy"
    HISTORY = "history"
    BALANCE = "balance"


class Tier(enum.StrEnum):
    """How strongly the plan puts an option forward: preferred, alternative, later, or within a
    clinical trial."""

    PREFERRED = "preferred"
    ALTERNATIVE = "alternative"
    LATER = "later"
    TRIAL = "trial"


class ExclusionCode(enum.StrEnum):
    """Why an option is left out of the plan (each exclusion's ``codes``)."""

    CONTRAINDICATED = "contraindicated"
    PROGRESSED_ON = "progressed_on"
    BIOMARKER_ABSENT = "biomarker_absent"
    NEGATIVE_TRIAL = "negative_trial"
    OUT_OF_POPULATION = "out_of_population"
    DECLINED = "declined"  # a route the patient declines (rule 110)


class Classification(enum.StrEnum):
    """ACMG-style classification of a variant; only pathogenic or likely pathogenic ones match."""

    PATHOGENIC = "pathogenic"
    LIKELY_PATHOGENIC = "likely_pathogenic"
    VUS = "vus"
    LIKELY_BENIGN = "likely_benign"
    BENIGN = "benign"

    @property
    def actionable(self) -> bool:
        return self in (Classification.PATHOGENIC, Classification.LIKELY_PATHOGENIC)


class RegimenKind(enum.StrEnum):
    """What kind of regimen a table record is; the rules speak of kinds, not of regimen ids."""

    ENDOCRINE_MONOTHERAPY = "endocrine_monotherapy"
    ENDOCRINE_COMBINATION = "endocrine_combination"
    TARGETED_ENDOCRINE = "targeted+endocrine"
    CDK46I_BASED = "cdk4/6i_based"
    PARP_INHIBITOR = "parp_inhibitor"
    ADC = "adc"
    CHEMOTHERAPY = "chemotherapy"
    TRIAL = "trial"


class Route(enum.StrEnum):
    """How a drug is given; the preferences' ``declines`` names the routes a patient declines."""

    ORAL = "oral"
    INTRAMUSCULAR = "intramuscular"
    INTRAVENOUS = "intravenous"


class RegulatoryStatus(enum.StrEnum):
    """Whether a regimen is approved in this setting or investigational (then tier ``trial``)."""

    APPROVED = "approved"
    INVESTIGATIONAL = "investigational"


class Verification(enum.StrEnum):
    """How a figure after the review was verified (``update-2026.md``): in a primary source
    (journal abstract, PubMed record, FDA label) or only in a secondary report."""

    PRIMARY = "primary"
    SECONDARY = "secondary"


class DecisionStatus(enum.StrEnum):
    """A regulator's decision on a regimen in an evidence pack (``approvals``)."""

    APPROVED = "approved"
    UNDER_REVIEW = "under_review"
    NOT_APPROVED_IN_THIS_SETTING = "not_approved_in_this_setting"
    POSITIVE_OPINION = "positive_opinion"
    NO_DECISION = "no_decision"
