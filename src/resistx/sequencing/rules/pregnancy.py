"""A pregnancy on record: every option's label warns of embryo-fetal toxicity, so nothing is
preferred and an obstetric and multidisciplinary review comes first (rules 134 and 135; case
1877: ribociclib + letrozole was preferred, the pregnancy kept as free text)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from resistx.model.enums import Factor
from resistx.model.profile import Condition
from resistx.model.regimen import RegimenSpec
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, rule
from resistx.vocab.comorbidities import Comorbidity


def pregnant(conditions: Iterable[Condition]) -> bool:
    return any(c.name is Comorbidity.PREGNANCY for c in conditions)


_WHY = (
    "ESMO's guidance for cancer in pregnancy gives no endocrine therapy, CDK4/6, PI3K, AKT, "
    "mTOR or PARP inhibitor or antibody-drug conjugate in pregnancy, and some chemotherapy "
    "only after the first trimester (not in the review)"
)


# rule 134: a pregnancy: obstetric and multidisciplinary review before choosing
@rule(
    134,
    "A pregnancy on record: obstetric and multidisciplinary review before choosing",
    None,
    condition="A pregnancy among the comorbidities.",
    effect="An action before choosing: every option ranked carries an embryo-fetal toxicity "
    "warning in its label; the choice is for an obstetric and multidisciplinary review, which "
    "ESMO's guidance for cancer in pregnancy frames (not in the review). Rule 82's pregnancy "
    "test and contraception are not said beside it.",
    codes=("pregnancy_review",),
)
def pregnancy_review(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    if pregnant(facts.profile.comorbidities):
        yield PlanEffect(
            code="pregnancy_review",
            first=True,
            text="A pregnancy is on record: every option below carries an embryo-fetal "
            "toxicity warning in its label, and none is preferred. Before choosing, an "
            "obstetric and multidisciplinary review (the gestation, and whether treatment can "
            f"wait or the pregnancy continue); {_WHY}.",
        )


# rule 135: a pregnancy: every option later at best
@rule(
    135,
    "A pregnancy on record: every option at best a later option",
    Factor.BALANCE,
    condition="A pregnancy among the comorbidities.",
    effect="Each option is at best a later one (a trial stays a trial), its reason naming the "
    "embryo-fetal toxicity the labels warn of; the order among them stays the evidence's, for "
    "the review rule 134 asks for (case 1877).",
    codes=("pregnancy_not_preferred",),
)
def pregnancy_not_preferred(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if pregnant(i.comorbidities):
        yield Effect(
            code="pregnancy_not_preferred",
            ceiling=2,
            text="A pregnancy is on record: the drugs ranked here carry embryo-fetal toxicity "
            "warnings (their labels); at best a later option, for an obstetric and "
            f"multidisciplinary review ({_WHY}).",
            trials=spec.key_trials,
        )
