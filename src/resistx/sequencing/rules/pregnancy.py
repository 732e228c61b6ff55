"""A pregnancy on record: every option's label warns of embryo-fetal toxicity, so nothing is
preferred and an obstetric and multidisciplinary review comes first (rules 134 and 135; case
1877: ribociclib + letrozole was preferred, the pregnancy kept as free text)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from resistx.model.enums import Factor
from resistx.model.profile import Condition
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, Precedence, rule
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
    effect="Each option is at best a later one (a trial stays a trial), its reason leading: "
    "chemotherapy first, the only kind ESMO's guidance gives in pregnancy (after the first "
    "trimester: an anthracycline or a taxane, not capecitabine); every other option after it, "
    "as a relative contraindication, naming the embryo-fetal toxicity its label warns of (case "
    "1877; case 1968: capivasertib + fulvestrant ranked first).",
    codes=("pregnancy_not_preferred", "pregnancy_contraindicated"),
)
def pregnancy_not_preferred(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if not pregnant(i.comorbidities):
        return
    if kinds.is_chemotherapy(spec):
        yield Effect(
            code="pregnancy_not_preferred",
            ceiling=2,
            leads=True,
            text="A pregnancy is on record: of the options here only chemotherapy is given in "
            "pregnancy, after the first trimester (an anthracycline or a taxane, not "
            "capecitabine); at best a later option, for an obstetric and multidisciplinary "
            f"review ({_WHY}).",
            trials=spec.key_trials,
        )
        return
    yield Effect(
        code="pregnancy_contraindicated",
        ceiling=2,
        leads=True,
        demote=Precedence.RELATIVE_CONTRAINDICATION,
        text=f"A pregnancy is on record: {spec.name} is not given in pregnancy (its label warns "
        "of embryo-fetal toxicity); after chemotherapy, for an obstetric and multidisciplinary "
        f"review ({_WHY}).",
        trials=spec.key_trials,
    )
