"""Rules 142, 143 and 152: a drug known to prolong the QT interval among the patient's medications
puts ribociclib, whose US label advises against such drugs, after the options without that
interaction, and the plan asks before choosing whether it can be changed (case 2799:
methadone and citalopram on record, ribociclib + fulvestrant first)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, Precedence, rule
from resistx.vocab.comorbidities import Comorbidity
from resistx.vocab.interactions import qt_prolonging_on_record

#: ribociclib's US label (section 7): avoid giving it with drugs known to prolong the QT
#: interval; it is started only after an ECG shows a QTcF within its limit (section 5)
_LABEL = (
    "ribociclib's US label advises against giving it with drugs known to prolong the QT "
    "interval, and starts it only after an ECG"
)


def _named(drugs: tuple[str, ...]) -> str:
    """'methadone', 'methadone and citalopram', 'methadone, citalopram and ondansetron'."""
    return " and ".join(filter(None, (", ".join(drugs[:-1]), drugs[-1])))


# rule 142: a drug known to prolong the QT interval on record: ribociclib later
@rule(
    142,
    "A drug known to prolong the QT interval on record: ribociclib later",
    Factor.BALANCE,
    condition="A drug known to prolong the QT interval among the medications, taken now (those "
    "ribociclib's US label names: amiodarone, sotalol, quinidine, methadone, haloperidol, "
    "ondansetron, the fluoroquinolones, azithromycin and the like; and common ones of "
    "CredibleMeds' known-risk list: citalopram, escitalopram, domperidone, donepezil, "
    "hydroxychloroquine and the like), and a regimen with ribociclib.",
    effect="A caution naming the drug and what the label says, and a relative "
    "contraindication: at best a later option, after every option without such an "
    "interaction, unless the drug can be changed (ribociclib's US label; not in the review; "
    "case 2799).",
    codes=("qt_drug_interaction",),
    regimens=kinds.has_ribociclib,
)
def qt_drug_beside_ribociclib(
    i: BalanceInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if not i.qt_prolonging:
        return
    named = _named(i.qt_prolonging)
    yield Effect(
        code="qt_drug_interaction",
        ceiling=2,
        demote=Precedence.RELATIVE_CONTRAINDICATION,
        text=f"{named.capitalize()} on record, known to prolong the QT interval: {_LABEL} (not "
        "in the review): a relative contraindication to ribociclib, at best a later option, "
        f"after every option without such an interaction, unless {named} can be changed.",
        trials=spec.key_trials,
    )
    yield Effect(
        code="qt_drug_interaction",
        caution=True,
        text=f"{named.capitalize()} on record, known to prolong the QT interval: {_LABEL}; "
        "an ECG, potassium and magnesium before starting (not in the review).",
    )


# rule 143: a drug known to prolong the QT interval on record: whether it can be changed
@rule(
    143,
    "A drug known to prolong the QT interval on record: whether it can be changed, before choosing",
    None,
    condition="A drug known to prolong the QT interval among the medications (rule 142).",
    effect="An action, before choosing: ask whether it can be stopped or changed, and take an "
    "ECG; ribociclib, which rule 142 puts later, comes back once it is (case 2799). With a "
    "prolonged QTc on record, which leaves ribociclib out already (2917f), the action asks the "
    "same of the drug beside the QTc, for every option (5495: the drugs were named nowhere).",
    codes=("qt_drug_change", "qt_drug_review"),
)
def qt_drug_change(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    found = qt_prolonging_on_record(facts.profile.medications)
    qtc = any(c.name is Comorbidity.QTC_PROLONGED for c in facts.profile.comorbidities)
    if not found:
        return
    named = _named(found)
    if qtc:  # ribociclib is out already (2917f); the drugs are not (5495)
        yield PlanEffect(
            code="qt_drug_review",
            first=True,  # it chooses the agent under a visceral crisis too (eribulin: 5555)
            text=f"{named.capitalize()} on record, known to prolong the QT interval, beside the "
            f"prolonged QTc on record: ask whether {'they' if len(found) > 1 else 'it'} can be "
            "stopped or changed, and take an ECG (QTcF), before choosing (not in the review).",
        )
        return
    yield PlanEffect(
        code="qt_drug_change",
        first=not facts.profile.visceral_crisis,
        text=f"{named.capitalize()} on record, known to prolong the QT interval: ask whether "
        f"{'they' if len(found) > 1 else 'it'} can be stopped or changed, and take an ECG "
        f"(QTcF), before choosing ribociclib: {_LABEL} (not in the review); rule 142 puts it "
        "after the options without the interaction until then.",
    )


# rule 152: a drug known to prolong the QT interval on record: eribulin's ECG monitoring
@rule(
    152,
    "A drug known to prolong the QT interval on record: eribulin's ECG monitoring",
    Factor.BALANCE,
    condition="A drug known to prolong the QT interval among the medications (rule 142), and "
    "the chemotherapy option, whose agents include eribulin.",
    effect="A caution naming the drug: eribulin prolongs the QT interval, and its US label asks "
    "for ECG monitoring beside drugs known to prolong it (not in the review; 5466, 5495: the "
    "chemotherapy option's QT caution named no drug).",
    codes=("qt_drug_eribulin",),
    regimens=kinds.is_chemotherapy,
)
def qt_drug_beside_eribulin(
    i: BalanceInputs, _spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    if i.qt_prolonging:
        named = _named(i.qt_prolonging)
        yield Effect(
            code="qt_drug_eribulin",
            caution=True,
            text=f"{named.capitalize()} on record, known to prolong the QT interval: eribulin "
            "prolongs it too, and its US label asks for ECG monitoring beside such drugs (not "
            "in the review).",
        )
