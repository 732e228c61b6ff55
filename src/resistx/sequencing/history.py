"""Factor 3: treatment history, duration of response and physical status (review, Discussion).

What was given and how it ended (progressed on it -> excluded; on a drug or pathway of it
-> demoted), time on the CDK4/6 inhibitor, prior chemotherapy lines (gating the ADCs as
their trials did), ECOG and visceral crisis.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from resistx.evidence._base import EvidenceBase
from resistx.model.enums import DrugClass, ExclusionCode, Factor
from resistx.model.plan import Reason
from resistx.model.regimen import Regimen
from resistx.sequencing import _kinds
from resistx.sequencing._assessment import Assessment, exclusion, num, reason
from resistx.sequencing._facts import Facts
from resistx.sequencing._sources import key_trials
from resistx.vocab.drugs import drug_class

F = Factor.HISTORY
NEGATIVE_TRIALS = {
    "venetoclax+fulvestrant": "VERONICA",
    "amcenestrant": "AMEERA-3",
    "giredestrant": "acelERA",
}
VISCERAL_CRISIS_REFERENCES = (30, 31, 32)  # CDK4/6i + ET is for disease without visceral crisis
VISCERAL_CRISIS_CHEMO = 6.0
VISCERAL_CRISIS_OTHERS = -3.0
SHORT_ENDOCRINE = -5.0  # outweighs a biomarker match: the review puts chemotherapy and ADCs first
SHORT_CYTOTOXIC = 4.0  # chemotherapy comes out preferred, as the review prefers it
ADC_GATED = -5.5  # before the lines its trial required, an ADC follows chemotherapy (rule 4)
TDXD_OPENED = 1.0
SG_OPENED = 2.5  # preferred after two lines, ECOG 2 included
SAME_DRUG = -1.5
SAME_PATHWAY = -2.0  # enough to take a preferred option out of that tier
POOR_PS_INTENSIVE = -4.0
POOR_PS_COMBINATION = -1.5
CDK46I_NAIVE_FIRST = 4.5  # no CDK4/6 inhibitor yet: one with endocrine therapy comes first
CDK46I_NAIVE_REFERENCES = (9, 10, 11, 30, 31, 32)
CDK46I_FIRST_PENALTY = -2.0
CDK46I_WITH_FULVESTRANT = ("palbociclib+fulvestrant", "ribociclib+fulvestrant")
EVEROLIMUS_LATER = -2.0
REDUCED_PS_INTENSIVE = -0.5

#: classes whose drugs act on one target: after progression on one, another is not supported
_PATHWAYS = {
    DrugClass.PI3K_INHIBITOR: "PI3K-AKT-mTOR",
    DrugClass.AKT_INHIBITOR: "PI3K-AKT-mTOR",
    DrugClass.MTOR_INHIBITOR: "PI3K-AKT-mTOR",
    DrugClass.ORAL_SERD: "oral SERD",
    DrugClass.PARP_INHIBITOR: "PARP",
}
#: partners given with the drug that defines a regimen; progression on them alone says little
_PARTNERS = frozenset({DrugClass.SERD, DrugClass.AROMATASE_INHIBITOR})


class Inputs(NamedTuple):
    """Everything this factor reads about the patient, and nothing more (the memo key)."""

    visceral_crisis: bool
    short_months: float | None  # months on the last CDK4/6 inhibitor, when under the limit
    short_limit: float
    chemo_lines: int
    ecog: int | None
    after_palbociclib: bool
    had_cdk46i: bool
    progressed: tuple[str, ...] | None  # drugs of a treatment with every drug of the regimen
    progressed_drugs: frozenset[str]  # every drug of a metastatic treatment that progressed
    after_pi3k_or_akt: bool  # progressed on a PI3K or AKT inhibitor


def inputs(facts: Facts) -> Inputs:
    """The facts this factor reads, before the regimen is known (``progressed`` is None)."""
    return Inputs(
        visceral_crisis=facts.profile.visceral_crisis,
        short_months=round(facts.cdk46i_months, 1)  # as the reason prints it
        if facts.short_cdk46i and facts.cdk46i_months is not None
        else None,
        short_limit=facts.preferences.short_cdk46i_months,
        chemo_lines=facts.chemo_lines,
        ecog=facts.profile.ecog,
        after_palbociclib="palbociclib" in facts.prior_cdk46i_drugs,
        had_cdk46i=facts.had_cdk46i,
        progressed=None,
        progressed_drugs=facts.progressed_drugs,
        after_pi3k_or_akt=any(
            drug_class(d) in (DrugClass.PI3K_INHIBITOR, DrugClass.AKT_INHIBITOR)
            for d in facts.progressed_drugs
        ),
    )


def table(facts: Facts, evidence: EvidenceBase) -> dict[str, Assessment]:
    """The memo of this factor's assessments for patients with these facts, by regimen id.

    The key holds the shared inputs and the drugs of every treatment that progressed, from
    which each regimen's ``progressed`` follows.
    """
    key = ("history", inputs(facts), tuple(t.drugs for t in facts.progressed))
    return evidence.memoised(key, dict)


def assess(
    facts: Facts,
    regimen: Regimen,
    evidence: EvidenceBase,
    memo: dict[str, Assessment] | None = None,
) -> Assessment:
    """``memo`` is ``table(facts, evidence)``, looked up once per plan by the caller."""
    if memo is None:
        memo = table(facts, evidence)
    found = memo.get(regimen.id)
    if found is None:
        progressed = None
        if not regimen.is_trial and regimen.id != "chemotherapy":
            treatment = facts.progressed_on(regimen.drugs)
            progressed = treatment.drugs if treatment is not None else None
        own = inputs(facts)._replace(progressed=progressed)
        found = memo[regimen.id] = _assess(own, regimen, evidence)
    return found


def _assess(facts: Inputs, regimen: Regimen, evidence: EvidenceBase) -> Assessment:
    rid = regimen.id
    trials = key_trials(rid)
    excluded = _exclusions(facts, regimen, evidence, trials)
    if excluded:
        return Assessment(exclusions=excluded)

    score = 0.0
    out: list[Reason] = []

    def add(
        delta: float,
        code: str,
        text: str,
        cited: tuple[str, ...] = trials,
        references: tuple[int, ...] = (),
    ) -> None:
        nonlocal score
        score += delta
        out.append(reason(F, code, text, evidence, cited, references=references))

    if facts.visceral_crisis:
        if _kinds.is_chemotherapy(regimen):
            add(
                VISCERAL_CRISIS_CHEMO,
                "visceral_crisis_chemotherapy_first",
                "Visceral crisis: chemotherapy comes first; CDK4/6 inhibitor plus endocrine therapy "
                "is for disease without visceral crisis.",
                (),
                VISCERAL_CRISIS_REFERENCES,
            )
        else:
            add(
                VISCERAL_CRISIS_OTHERS,
                "visceral_crisis_not_first",
                "Visceral crisis: chemotherapy comes first, this after it.",
                (),
                VISCERAL_CRISIS_REFERENCES,
            )
    if (months := facts.short_months) is not None:
        limit = num(facts.short_limit)
        if _kinds.is_endocrine_based(regimen):
            add(
                SHORT_ENDOCRINE,
                "short_cdk46i_endocrine_resistance",
                f"Only {months:.1f} months on the CDK4/6 inhibitor (under {limit}): early endocrine "
                "resistance, so endocrine-based regimens come after chemotherapy and ADCs.",
            )
        elif _kinds.is_chemotherapy(regimen) or _kinds.is_adc(regimen):
            add(
                SHORT_CYTOTOXIC,
                "short_cdk46i_prefers_chemotherapy_or_adc",
                f"Only {months:.1f} months on the CDK4/6 inhibitor (under {limit}): the review "
                "prefers chemotherapy and ADCs.",
            )
    _chemotherapy_lines(facts, regimen, add)
    _after_progression(facts, regimen, add)
    if regimen.id == "everolimus+exemestane" and not facts.after_pi3k_or_akt:
        add(
            EVEROLIMUS_LATER,
            "everolimus_later_line",
            "The review places everolimus after PI3K and AKT inhibitors: about 4 months' median "
            "PFS after a CDK4/6 inhibitor.",
            ("retrospective-ref46", "retrospective-ref47"),
        )
    if facts.ecog is not None and facts.ecog >= 3 and _kinds.is_intensive(regimen):
        add(
            POOR_PS_INTENSIVE,
            "poor_performance_status_intensive",
            f"ECOG {facts.ecog}: an intensive regimen, demoted in favour of the least toxic options.",
        )
    elif facts.ecog is not None and facts.ecog >= 3 and not _single_endocrine(regimen):
        add(
            POOR_PS_COMBINATION,
            "poor_performance_status_more_toxic",
            f"ECOG {facts.ecog}: more toxic than endocrine monotherapy, which comes first.",
        )
    elif facts.ecog == 2 and _kinds.is_intensive(regimen):
        add(
            REDUCED_PS_INTENSIVE,
            "reduced_performance_status_intensive",
            f"ECOG {facts.ecog}: an intensive regimen.",
        )
    if (
        not facts.had_cdk46i
        and _kinds.is_endocrine_based(regimen)
        and not _kinds.has_cdk46i(regimen)
    ):
        add(
            CDK46I_FIRST_PENALTY,
            "cdk46i_first",
            "No CDK4/6 inhibitor on record: one with endocrine therapy comes before endocrine "
            "therapy without it; this regimen's evidence is after a CDK4/6 inhibitor.",
            (),
            references=CDK46I_NAIVE_REFERENCES,
        )
    if not facts.had_cdk46i and regimen.id in CDK46I_WITH_FULVESTRANT:
        add(
            CDK46I_NAIVE_FIRST,
            "cdk46i_naive_first",
            "No CDK4/6 inhibitor on record: a CDK4/6 inhibitor with endocrine therapy is the "
            "preferred option without visceral crisis, and with fulvestrant after an aromatase "
            "inhibitor it doubled median PFS.",
            ("PALOMA-3", "MONALEESA-3", "MONARCH-2"),
            references=CDK46I_NAIVE_REFERENCES,
        )
    if not out:
        if not facts.had_cdk46i:
            add(
                0.0,
                "no_cdk46i_on_record",
                "No CDK4/6 inhibitor on record; the review's evidence is for patients after one.",
            )
        else:
            add(
                0.0, "not_given_before", f"No progression on {regimen.name} or its drugs on record."
            )
    return Assessment(score=score, reasons=tuple(out))


class _Add(Protocol):
    """The ``add`` helper of ``_assess``, as the helpers below call it."""

    def __call__(
        self,
        delta: float,
        code: str,
        text: str,
        cited: tuple[str, ...] = ...,
        references: tuple[int, ...] = ...,
    ) -> None: ...


def _single_endocrine(regimen: Regimen) -> bool:
    return len(regimen.drugs) == 1 and all(c.is_endocrine for c in regimen.drug_classes)


def _chemotherapy_lines(facts: Inputs, regimen: Regimen, add: _Add) -> None:
    """ADCs follow the chemotherapy lines their trials required (rules 3 and 4)."""
    lines = facts.chemo_lines
    if regimen.id == "trastuzumab-deruxtecan":
        if lines >= 1:
            add(
                TDXD_OPENED,
                "prior_chemotherapy_opens_trastuzumab_deruxtecan",
                f"{lines} prior chemotherapy line(s) for metastatic disease; DESTINY-Breast04 "
                + (
                    "enrolled after 1-2 lines."
                    if lines <= 2
                    else "enrolled after 1-2 lines, fewer than this."
                ),
            )
        else:
            add(
                ADC_GATED,
                "adc_before_chemotherapy",
                "No chemotherapy for metastatic disease yet: DESTINY-Breast04 enrolled after 1-2 "
                "lines, so chemotherapy comes first.",
            )
    elif regimen.id == "sacituzumab-govitecan":
        if lines >= 2:
            add(
                SG_OPENED,
                "prior_chemotherapy_opens_sacituzumab_govitecan",
                f"{lines} prior chemotherapy lines for metastatic disease; TROPiCS-02 "
                + (
                    "enrolled after 2-4 lines."
                    if lines <= 4
                    else "enrolled after 2-4 lines, fewer than this."
                ),
            )
        else:
            add(
                ADC_GATED,
                "adc_before_chemotherapy",
                f"{lines} prior chemotherapy line(s) for metastatic disease: TROPiCS-02 enrolled "
                "after 2-4 lines, so chemotherapy comes first.",
            )
    elif _kinds.is_chemotherapy(regimen) and lines:
        add(
            0.0,
            "further_chemotherapy",
            f"{lines} prior chemotherapy line(s) for metastatic disease; another agent can follow.",
        )


def _after_progression(facts: Inputs, regimen: Regimen, add: _Add) -> None:
    """Switching CDK4/6 inhibitor after palbociclib (rule 8); demotion after progression on a
    drug of the regimen, or on another drug of its pathway."""
    if facts.after_palbociclib and regimen.id == "ribociclib+fulvestrant":
        add(
            1.0,
            "switch_cdk46i_after_palbociclib",
            "After palbociclib, switching to ribociclib with fulvestrant is an option: MAINTAIN "
            "enrolled mostly palbociclib-pretreated patients.",
            ("MAINTAIN",),
        )
    elif facts.after_palbociclib and regimen.id == "abemaciclib":
        add(
            0.5,
            "switch_cdk46i_after_palbociclib",
            "After palbociclib, switching to abemaciclib is an option: a multicentre cohort reports "
            "it after palbociclib, without a randomised comparison.",
        )
    if regimen.is_trial or _kinds.is_chemotherapy(regimen):
        return
    defining = [d for d in regimen.drugs if drug_class(d) not in _PARTNERS]
    again = [d for d in defining if d in facts.progressed_drugs]
    if again:
        add(
            SAME_DRUG,
            "progressed_on_drug",
            f"Progressed on {', '.join(again)} before (in another combination); the review has no "
            "evidence for giving it again (MAINTAIN's ribociclib-after-ribociclib subgroup was "
            "inconclusive).",
            ("MAINTAIN", "PACE") if _kinds.has_cdk46i(regimen) else (),
        )
        return
    pathways = {_PATHWAYS[drug_class(d)] for d in defining if drug_class(d) in _PATHWAYS}
    before = sorted(d for d in facts.progressed_drugs if _PATHWAYS.get(drug_class(d)) in pathways)
    if before:
        add(
            SAME_PATHWAY,
            "same_pathway_after_progression",
            f"Progressed on {', '.join(before)}, which acts on the same target "
            f"({', '.join(sorted(pathways))}); the review has no evidence for another drug of it after that.",
        )


def _exclusions(
    facts: Inputs, regimen: Regimen, evidence: EvidenceBase, trials: tuple[str, ...]
) -> tuple[Reason, ...]:
    rid = regimen.id
    out: list[Reason] = []
    if rid in NEGATIVE_TRIALS:
        key = NEGATIVE_TRIALS[rid]
        out.append(
            exclusion(
                ExclusionCode.NEGATIVE_TRIAL,
                F,
                f"{key} showed no significant benefit after a CDK4/6 inhibitor; "
                "outside a trial it is left out.",
                evidence,
                (key,),
            )
        )
    if rid == "palbociclib+fulvestrant" and facts.after_palbociclib:
        out.append(
            exclusion(
                ExclusionCode.NEGATIVE_TRIAL,
                F,
                "Continuing palbociclib with fulvestrant after palbociclib did not "
                "improve PFS in PACE.",
                evidence,
                ("PACE",),
            )
        )
    if facts.progressed is not None:
        out.append(
            exclusion(
                ExclusionCode.PROGRESSED_ON,
                F,
                f"Progressed on {' + '.join(facts.progressed)} for metastatic disease.",
                evidence,
                trials,
            )
        )
    return tuple(out)
