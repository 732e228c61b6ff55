"""Factor 4: survival benefit against quality of life, financial and other toxicity.

Toxicity burden comes from the review's adverse-event tables (grade >= 3 rates where
it gives them); comorbidities exclude or caution regimens through their adverse
events (rule 12); the ``priority`` preference weighs toxicity, ``cost_sensitive`` and
``quality_of_life`` weigh financial burden.

The toxicity and cost levels are resistx's ordinal scales, not figures of the review:
toxicity 1 (endocrine monotherapy) to 4 (a grade >= 3 adverse event in 30% or more);
cost 1 (generic) to 3 (antibody-drug conjugate).
"""

from __future__ import annotations

from types import MappingProxyType

from resistx.evidence._base import EvidenceBase
from resistx.model.enums import DrugClass, ExclusionCode, Factor
from resistx.model.evidence import AdverseEvent, Trial
from resistx.model.plan import Caution, Reason
from resistx.model.regimen import Regimen
from resistx.sequencing import _kinds
from resistx.sequencing._assessment import Assessment, exclusion, num, reason
from resistx.sequencing._facts import Facts
from resistx.sequencing._sources import key_trials
from resistx.vocab.comorbidities import Comorbidity

F = Factor.BALANCE

#: the study whose adverse-event table speaks for each regimen (Tables 4 and 5)
AE_TRIALS: MappingProxyType[str, str] = MappingProxyType(
    {
        "elacestrant": "EMERALD",
        "camizestrant": "SERENA-2",
        "amcenestrant": "AMEERA-3",
        "giredestrant": "acelERA",
        "alpelisib+fulvestrant": "SOLAR-1",
        "capivasertib+fulvestrant": "FAKTION",
        "everolimus+exemestane": "BOLERO-2",
        "trastuzumab-deruxtecan": "DESTINY-Breast04",
        "sacituzumab-govitecan": "TROPiCS-02",
    }
)

#: the risk each regimen is known for, always shown among its cautions when the review gives it
SIGNATURE_RISKS: MappingProxyType[str, tuple[str, ...]] = MappingProxyType(
    {
        "trastuzumab-deruxtecan": ("interstitial lung disease",),
        "alpelisib+fulvestrant": ("hyperglycemia",),
        "capivasertib+fulvestrant": ("hyperglycemia", "hypertension"),
        "everolimus+exemestane": ("stomatitis", "pneumonitis"),
        "sacituzumab-govitecan": ("neutropenia", "diarrhea"),
        "camizestrant": ("bradycardia", "photopsia"),
        "giredestrant": ("hepatotoxicity",),
    }
)

#: (comorbidity, regimen id) -> (exclude?, adverse-event term)   (rule 12 and its kin)
COMORBIDITY_RULES: MappingProxyType[tuple[Comorbidity, str], tuple[bool, str]] = MappingProxyType(
    {
        (Comorbidity.DIABETES, "alpelisib+fulvestrant"): (True, "hyperglycemia"),
        (Comorbidity.DIABETES, "capivasertib+fulvestrant"): (False, "hyperglycemia"),
        (Comorbidity.DIABETES, "everolimus+exemestane"): (False, "hyperglycemia"),
        (Comorbidity.INTERSTITIAL_LUNG_DISEASE, "trastuzumab-deruxtecan"): (
            True,
            "interstitial lung disease",
        ),
        (Comorbidity.INTERSTITIAL_LUNG_DISEASE, "everolimus+exemestane"): (False, "pneumonitis"),
        (Comorbidity.UNCONTROLLED_HYPERTENSION, "capivasertib+fulvestrant"): (
            False,
            "hypertension",
        ),
        (Comorbidity.CARDIAC_DISEASE, "camizestrant"): (False, "bradycardia"),
        (Comorbidity.BRADYCARDIA, "camizestrant"): (False, "bradycardia"),
        (Comorbidity.CARDIAC_DISEASE, "trastuzumab-deruxtecan"): (
            False,
            "left ventricular ejection fraction",
        ),
        (Comorbidity.HEPATIC_IMPAIRMENT, "elacestrant"): (False, "ast increased"),
        (Comorbidity.HEPATIC_IMPAIRMENT, "trastuzumab-deruxtecan"): (False, "increased alt"),
        (Comorbidity.CYTOPENIA, "sacituzumab-govitecan"): (False, "neutropenia"),
        (Comorbidity.CYTOPENIA, "trastuzumab-deruxtecan"): (False, "neutropenia"),
        (Comorbidity.INFLAMMATORY_BOWEL_DISEASE, "sacituzumab-govitecan"): (False, "diarrhea"),
        (Comorbidity.INFLAMMATORY_BOWEL_DISEASE, "alpelisib+fulvestrant"): (False, "diarrhea"),
        (Comorbidity.INFLAMMATORY_BOWEL_DISEASE, "capivasertib+fulvestrant"): (False, "diarrhea"),
    }
)

#: comorbidity cautions for which the review prints no figure
UNQUANTIFIED: MappingProxyType[tuple[Comorbidity, str], str] = MappingProxyType(
    {
        (
            Comorbidity.NEUROPATHY,
            "chemotherapy",
        ): "taxanes, eribulin and vinorelbine can worsen neuropathy",
        (Comorbidity.CYTOPENIA, "chemotherapy"): "cytotoxic chemotherapy lowers blood counts",
        (Comorbidity.CYTOPENIA, "olaparib"): "PARP inhibitors cause anaemia and other cytopenias",
        (
            Comorbidity.CYTOPENIA,
            "talazoparib",
        ): "PARP inhibitors cause anaemia and other cytopenias",
        (Comorbidity.HEPATIC_IMPAIRMENT, "chemotherapy"): "many cytotoxics need dose adjustment",
        (Comorbidity.CARDIAC_DISEASE, "chemotherapy"): "anthracyclines are cardiotoxic",
        (Comorbidity.INTERSTITIAL_LUNG_DISEASE, "ribociclib+everolimus+exemestane"): (
            "everolimus, part of this regimen, causes pneumonitis (BOLERO-2)"
        ),
    }
)


def _cost(regimen: Regimen) -> float:
    classes = set(regimen.drug_classes)
    if _kinds.is_adc(regimen):
        return 3.0
    if classes & {
        DrugClass.CDK46_INHIBITOR,
        DrugClass.PI3K_INHIBITOR,
        DrugClass.AKT_INHIBITOR,
        DrugClass.PARP_INHIBITOR,
        DrugClass.ORAL_SERD,
    }:
        return 2.0
    if DrugClass.MTOR_INHIBITOR in classes:
        return 1.5
    return 1.0


def _events(
    evidence: EvidenceBase, regimen_id: str
) -> tuple[Trial | None, tuple[AdverseEvent, ...]]:
    key = AE_TRIALS.get(regimen_id)
    if key is None or key not in evidence:
        return None, ()
    trial = evidence.trial(key)
    arms = {a.label for a in trial.arms if a.regimen == regimen_id}
    return trial, tuple(a for a in trial.adverse_events if a.arm in arms)


def _find(events: tuple[AdverseEvent, ...], term: str) -> AdverseEvent | None:
    term = term.casefold()
    exact = [a for a in events if a.term.casefold() == term]
    near = [a for a in events if term in a.term.casefold()]
    found = exact or near
    return found[0] if found else None


def _figure(a: AdverseEvent) -> str:
    parts = []
    if a.any_grade_percent is not None:
        parts.append(f"{num(a.any_grade_percent)}% any grade")
    if a.grade3plus_percent is not None:
        parts.append(f"{num(a.grade3plus_percent)}% grade 3 or worse")
    return ", ".join(parts)


def _caution(code: str, text: str, ae: AdverseEvent | None, trial: Trial | None) -> Caution:
    percent = None
    if ae is not None:
        percent = (
            ae.grade3plus_percent if ae.grade3plus_percent is not None else ae.any_grade_percent
        )
    return Caution(
        code=code,
        text=text,
        term=ae.term if ae else None,
        percent=percent,
        trials=(trial.key,) if trial else (),
        references=trial.references if trial else (),
    )


def toxicity_level(regimen: Regimen, events: tuple[AdverseEvent, ...]) -> float:
    worst = max(
        (a.grade3plus_percent for a in events if a.grade3plus_percent is not None), default=None
    )
    if worst is not None:
        return 4.0 if worst >= 30 else 3.0 if worst >= 10 else 2.0
    if len(regimen.drugs) == 1 and all(c.is_endocrine for c in regimen.drug_classes):
        return 1.0  # endocrine monotherapy
    if DrugClass.BCL2_INHIBITOR in regimen.drug_classes:
        return 1.5
    return 3.0 if _kinds.is_intensive(regimen) else 2.0


def assess(facts: Facts, regimen: Regimen, evidence: EvidenceBase) -> Assessment:
    # the result depends only on the evidence, the regimen and these few facts
    key = (
        "balance",
        regimen.id,
        tuple(sorted(facts.comorbidities)),
        facts.toxicity_weight,
        facts.cost_weight,
        facts.preferences.priority,
        facts.preferences.cost_sensitive,
    )
    return evidence.memoised(key, lambda: _assess(facts, regimen, evidence))


def _assess(facts: Facts, regimen: Regimen, evidence: EvidenceBase) -> Assessment:
    trial, events = _events(evidence, regimen.id)
    cited = (trial.key,) if trial else ()
    excluded: list[Reason] = []
    cautions: list[Caution] = []
    for comorbidity in sorted(facts.comorbidities):
        rule = COMORBIDITY_RULES.get((comorbidity, regimen.id))
        if rule is not None:
            exclude, term = rule
            ae = _find(events, term)
            figure = f"{ae.term} {_figure(ae)} in {trial.key}" if ae and trial else term
            if exclude:
                excluded.append(
                    exclusion(
                        ExclusionCode.CONTRAINDICATED,
                        F,
                        f"{comorbidity.value.replace('_', ' ')}: {figure}.",
                        evidence,
                        cited,
                    )
                )
            else:
                name = comorbidity.value.replace("_", " ")
                cautions.append(
                    _caution(
                        f"{comorbidity.value}_caution",
                        f"{name}: {figure}; monitor closely.",
                        ae,
                        trial,
                    )
                )
        note = UNQUANTIFIED.get((comorbidity, regimen.id))
        if note is not None:
            cautions.append(
                Caution(
                    code=f"{comorbidity.value}_caution",
                    text=f"{comorbidity.value.replace('_', ' ')}: {note}.",
                )
            )
    if excluded:
        return Assessment(exclusions=tuple(excluded))

    tox = toxicity_level(regimen, events)
    cost = _cost(regimen)
    score = -0.5 * (facts.toxicity_weight * tox + facts.cost_weight * cost)
    top = (
        sorted(
            (a for a in events if a.grade3plus_percent is not None),
            key=lambda a: (-(a.grade3plus_percent or 0.0), a.term),
        )[:2]
        or sorted(
            (a for a in events if a.any_grade_percent is not None),
            key=lambda a: (-(a.any_grade_percent or 0.0), a.term),
        )[:2]
    )
    signature = [
        a
        for term in SIGNATURE_RISKS.get(regimen.id, ())
        if (a := _find(events, term)) is not None and a not in top
    ]
    cautions += [
        _caution("adverse_event", f"{a.term}: {_figure(a)} in {trial.key}.", a, trial)
        for a in (*top, *signature)
        if trial is not None
    ]
    if top and trial is not None:
        worst = ", ".join(f"{a.term} {_figure(a)}" for a in top)
        text = f"resistx toxicity level {num(tox)} of 4, from {trial.key}: {worst}."
    else:
        text = (
            f"resistx toxicity level {num(tox)} of 4 by drug class "
            "(the review gives no adverse-event table for it)."
        )
    weight = facts.preferences.priority.value.replace("_", " ")
    text += f" resistx cost level {num(cost)} of 3 (an assumption, not review data); weighed for a {weight} priority"
    text += ", cost-sensitive." if facts.preferences.cost_sensitive else "."
    trials = cited or key_trials(regimen.id)
    return Assessment(
        score=round(score, 6),
        reasons=(reason(F, "toxicity_and_cost", text, evidence, trials),),
        cautions=tuple(cautions),
    )
