"""Where the disease is (a profile's ``metastatic_sites``): leptomeningeal disease and brain
metastases, which the ranking does not weigh drug by drug (case 1309: elacestrant was
preferred for symptomatic leptomeningeal disease; case 1308)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor, MetastaticSite
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.adjuvant import liver_dysfunction
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, rule
from resistx.sequencing.rules.history import VISCERAL_CRISIS_REFERENCES


# rule 120: leptomeningeal disease or brain metastases: what comes before or beside the choice
@rule(
    120,
    "Leptomeningeal disease or brain metastases: life-threatening disease and local treatment",
    None,
    condition="Leptomeningeal disease among the metastatic sites; or brain metastases.",
    effect="Leptomeningeal disease with no visceral crisis recorded: an action before choosing, to decide whether it is "
    "life-threatening disease, for which practice guidelines give chemotherapy first as for a "
    "visceral crisis (the review keeps CDK4/6i + ET for disease without either; recorded as "
    "visceral_crisis: chemotherapy first, rule 7), and to weigh CNS-directed "
    "treatment (radiotherapy, intrathecal therapy) beside the systemic choice (the EANO-ESMO "
    "guideline; not in the review); recorded as a crisis, the CNS-directed treatment beside "
    "chemotherapy (cases 1323b, 1329). Brain metastases: an action, before choosing outside a "
    "crisis, that local treatment (surgery, radiosurgery, radiotherapy) comes first or beside, "
    "and that the ranking does not weigh how each drug acts in the brain.",
    codes=(
        "leptomeningeal_life_threatening",
        "leptomeningeal_cns_treatment",
        "brain_metastases_local_treatment",
    ),
    references=VISCERAL_CRISIS_REFERENCES,
)
def cns_disease(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    p = facts.profile
    if p.leptomeningeal and not p.visceral_crisis:
        yield PlanEffect(
            code="leptomeningeal_life_threatening",
            first=True,
            text="Leptomeningeal disease on record: decide whether it is life-threatening "
            "disease, for which practice guidelines give chemotherapy first as for a visceral "
            "crisis (the review keeps a CDK4/6 inhibitor with endocrine therapy for disease "
            "without either; record visceral_crisis: true, which puts chemotherapy first, rule "
            "7), and weigh "
            "CNS-directed treatment (radiotherapy, intrathecal therapy) beside the systemic "
            "choice (the EANO-ESMO guideline; not in the review). Until then nothing is "
            "preferred (rule 121).",
        )
    if p.leptomeningeal and p.visceral_crisis:  # cases 1323b, 1329: the crisis is recorded
        yield PlanEffect(
            code="leptomeningeal_cns_treatment",
            first=False,
            text="Leptomeningeal disease recorded as a visceral crisis: chemotherapy does not "
            "wait, and CNS-directed treatment (radiotherapy to symptomatic sites, intrathecal "
            "therapy) is weighed beside it (the EANO-ESMO guideline; not in the review); the "
            "ranking does not weigh how each drug reaches the leptomeninges.",
        )
    if MetastaticSite.BRAIN in p.metastatic_sites:
        yield PlanEffect(
            code="brain_metastases_local_treatment",
            first=not p.visceral_crisis,
            text="Brain metastases on record: local treatment (surgery, radiosurgery, "
            "radiotherapy) comes first or beside the systemic choice, and the ranking does not "
            "weigh how each drug acts in the brain (not in the review).",
        )


# rule 121: leptomeningeal disease not recorded as a crisis: nothing preferred
@rule(
    121,
    "Leptomeningeal disease: nothing preferred until rule 120's question is answered",
    Factor.BALANCE,
    condition="Leptomeningeal disease among the metastatic sites with no visceral crisis recorded.",
    effect="Every option is at best an alternative: whether the disease is life-threatening "
    "(chemotherapy first) decides the order, and the ranking does not weigh how each drug "
    "reaches the leptomeninges (case 1309).",
    codes=("leptomeningeal_not_preferred",),
)
def leptomeningeal_not_preferred(
    i: BalanceInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if i.leptomeningeal_not_crisis:
        yield _until_decided(
            "leptomeningeal_not_preferred",
            "Leptomeningeal disease on record: at best an alternative until it is decided "
            "whether it is life-threatening disease (rule 120), which puts chemotherapy first; "
            "the ranking does not weigh how each drug reaches the leptomeninges.",
            spec,
        )


def _until_decided(code: str, text: str, spec: RegimenSpec) -> Effect:
    """Rules 121 and 129: at best an alternative until a question that could put chemotherapy
    first is answered."""
    return Effect(code=code, ceiling=1, text=text, trials=spec.key_trials)


# rule 124: liver metastases with hepatic impairment: impending organ dysfunction?
@rule(
    124,
    "Liver metastases with hepatic impairment: impending organ dysfunction?",
    None,
    condition="Liver metastases among the metastatic sites, hepatic impairment on record, and no "
    "visceral crisis recorded.",
    effect="An action before choosing: decide whether the liver dysfunction comes from the "
    "metastases and threatens the organ (ESMO ABC 5's visceral crisis), to be recorded as "
    "visceral_crisis (chemotherapy first, rule 7); meanwhile nothing is preferred (rule 129) "
    "and, under a policy with rule 32, it does not read the disease as endocrine-sensitive "
    "(case 1481: fulvestrant alone led trastuzumab deruxtecan and chemotherapy beside growing "
    "liver metastases); the action does not name rule 32, which the default policy lacks (case "
    "1784).",
    codes=("liver_organ_dysfunction",),
    references=VISCERAL_CRISIS_REFERENCES,
)
def liver_organ_dysfunction(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    if liver_dysfunction(facts):
        yield PlanEffect(
            code="liver_organ_dysfunction",
            first=True,
            text="Liver metastases with hepatic impairment on record: decide whether the liver "
            "dysfunction comes from the metastases and threatens the organ, a visceral crisis "
            "in the ESO-ESMO ABC 5 sense (record visceral_crisis: true, which puts "
            "chemotherapy first, rule 7; not the review's words). Meanwhile nothing is "
            "preferred (rule 129). Where the impairment has "
            'another cause (cirrhosis, say), record it ("from_metastases": false), and the '
            "order stands as the evidence gives it.",
        )


# rule 129: liver metastases with hepatic impairment, no crisis recorded: nothing preferred
@rule(
    129,
    "Liver metastases with hepatic impairment: nothing preferred until rule 124's question is "
    "answered",
    Factor.BALANCE,
    condition="As rule 124: liver metastases, hepatic impairment not recorded as of another "
    "cause, no visceral crisis recorded.",
    effect="Every option is at best an alternative: whether the liver is failing from the "
    "cancer (a visceral crisis: chemotherapy first) decides the order, at any performance "
    "status (case 1713: an oral degrader was preferred at ECOG 3 beside a rising bilirubin).",
    codes=("liver_dysfunction_not_preferred",),
)
def liver_dysfunction_not_preferred(
    i: BalanceInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if i.liver_dysfunction:
        # chemotherapy is what a 'yes' puts first: its reason says so, not that it waits (7294)
        then = (
            "if it is, chemotherapy comes first (rule 7)"
            if kinds.is_chemotherapy(spec)
            else "a failing liver puts chemotherapy first"
        )
        yield _until_decided(
            "liver_dysfunction_not_preferred",
            "Liver metastases with hepatic impairment on record: at best an alternative until "
            f"it is decided whether the liver is failing from the cancer (rule 124); {then}.",
            spec,
        )
