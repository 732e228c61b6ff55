"""Rules 153 and 154: a moderate CYP3A inhibitor or inducer among the patient's medications
(diltiazem, verapamil, fluconazole, ciclosporin; efavirenz, modafinil, bosentan: the FDA-based
tables, ``vocab.moderate_cyp3a``). The labels of elacestrant and olaparib advise against one as
against a strong one, abemaciclib's against a moderate inducer; capivasertib's and everolimus's
lower their dose beside a moderate inhibitor (case 6933: elacestrant first, preferred, beside
diltiazem and verapamil, with no caution)."""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, rule
from resistx.sequencing.rules.cyp3a_labels import LIKE_THEIR_CLASS, TALAZOPARIB_PGP
from resistx.sequencing.rules.interactions import (
    caution_for,
    change_asked,
    later_for,
    unknown_later,
)
from resistx.vocab.interactions import moderate_cyp3a_on_record, shown_name

_AGAINST_INHIBITOR = "advises against giving it with one (its exposure rises)"
_AGAINST_INDUCER = "advises against giving it with one (its exposure falls)"
_LOWERS = "lowers its dose beside one"
#: what each drug's US label says beside a moderate CYP3A inhibitor or inducer, and whether it
#: advises against the pair (not in the review)
LABELS: MappingProxyType[str, MappingProxyType[str, tuple[str, bool]]] = MappingProxyType(
    {
        "inhibitor": MappingProxyType(
            {
                "elacestrant": (_AGAINST_INHIBITOR, True),
                "olaparib": (
                    f"{_AGAINST_INHIBITOR}, and lowers its dose where that cannot be avoided",
                    True,
                ),
                "capivasertib": (_LOWERS, False),
                "everolimus": (_LOWERS, False),
                "abemaciclib": (
                    "asks that its adverse reactions be watched for beside one, "
                    "its dose lowered if need be",
                    False,
                ),
            }
        ),
        "inducer": MappingProxyType(
            {
                # its label advises against a strong inducer (rule 115); of a moderate one the
                # sources resistx reads are not sure (the recheck, 7002)
                "capivasertib": (
                    "advises against a strong CYP3A inducer, and its exposure may fall beside a "
                    "moderate one: check its label before starting",
                    False,
                ),
                "elacestrant": (_AGAINST_INDUCER, True),
                "olaparib": (_AGAINST_INDUCER, True),
                "abemaciclib": (_AGAINST_INDUCER, True),
            }
        ),
    }
)
#: talazoparib's US label lowers its dose beside the P-gp inhibitors it names: of the drugs
#: resistx reads, verapamil (a moderate CYP3A inhibitor) and amiodarone (a QT drug); the
#: strong ones it names are rule 115's (the recheck, 7020, 7021)
P_GP_TALAZOPARIB = frozenset({"verapamil", "amiodarone"})
#: the drugs whose labels speak of a moderate one, and the newer drugs of their class
_CONCERNED = (
    frozenset(d for said in LABELS.values() for d in said)
    | {d for d, (like, _roles) in LIKE_THEIR_CLASS.items() if like in LABELS["inhibitor"]}
    | {"talazoparib"}
)


def _advises_against(drug: str, role: str) -> bool:
    """The drug's label, or that of the labelled drug of its class, advises against one."""
    like = LIKE_THEIR_CLASS.get(drug)
    return LABELS[role].get(like[0] if like else drug, ("", False))[1]


def _concerned(spec: RegimenSpec) -> bool:
    """Regimens with elacestrant, olaparib, capivasertib, everolimus or abemaciclib, a newer
    oral SERD, and enrolment in a trial."""
    return kinds.is_trial(spec) or any(d in _CONCERNED for d in spec.drugs)


# rule 153: a moderate CYP3A inhibitor or inducer on record: what the labels say
@rule(
    153,
    "A moderate CYP3A inhibitor or inducer on record: the drugs whose labels advise against it "
    "later",
    Factor.BALANCE,
    condition="A moderate CYP3A inhibitor (diltiazem, verapamil, fluconazole, erythromycin, "
    "ciprofloxacin, ciclosporin, aprepitant, imatinib and the like) or inducer (efavirenz, "
    "modafinil, bosentan, rifabutin and the like) among the medications, and a regimen with a "
    "drug whose US label speaks of one: elacestrant and olaparib (both), abemaciclib (an "
    "inducer; an inhibitor: watch, lower the dose if need be), capivasertib and everolimus (an "
    "inhibitor: a lower dose).",
    effect="A caution naming both and what the label says; where it advises against them "
    "together, a relative contraindication: at best a later option, after every option without "
    "such an interaction, unless the other medication can be changed, as rule 115 does for a "
    "strong one (the labels; not in the review; case 6933). A newer oral SERD goes no higher "
    "than elacestrant would, until its own label is checked; a trial option asks that the "
    "trial's exclusions be checked for it. Capivasertib beside a moderate inducer: a caution "
    "to check its label (it advises against a strong one). Talazoparib beside verapamil or "
    "amiodarone, P-gp inhibitors its label names: a caution that it lowers its dose (7020).",
    codes=(
        "moderate_cyp3a_interaction",
        "moderate_cyp3a_interaction_later",
        "moderate_cyp3a_unknown_later",
        "moderate_cyp3a_trial_entry",
        "p_gp_talazoparib",
    ),
    regimens=_concerned,
)
def moderate_cyp3a(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    against: list[tuple[str, str, str]] = []
    for medication, role in i.moderate_cyp3a:
        for drug in spec.drugs:
            said = LABELS[role].get(drug)
            if said is None:
                continue
            what = f"a moderate CYP3A {role}"
            label = f"{drug}'s US label {said[0]}"
            yield caution_for("moderate_cyp3a_interaction", (medication, what, label))
            if said[1]:
                against.append((medication, role, drug))
    if "talazoparib" in spec.drugs:
        for medication in sorted(
            P_GP_TALAZOPARIB & ({m for m, _ in i.moderate_cyp3a} | set(i.qt_prolonging))
        ):
            what, label, _against = TALAZOPARIB_PGP  # as rule 115 says of itraconazole
            yield caution_for("p_gp_talazoparib", (medication, what, label))
    if i.moderate_cyp3a and kinds.is_trial(spec):
        yield Effect(
            code="moderate_cyp3a_trial_entry",
            caution=True,
            text=f"{shown_name(', '.join(m for m, _ in i.moderate_cyp3a))} on record, a "
            f"moderate CYP3A drug: check {spec.key_trials[0]}'s exclusions for it before "
            "referral (the sources resistx reads do not give them).",
        )
    if against:
        medication, role, drug = against[0]
        what = f"a moderate CYP3A {role}"
        yield later_for("moderate_cyp3a_interaction_later", (medication, what, drug), spec)
        return
    yield from _like_their_class(i, spec)


def _like_their_class(i: BalanceInputs, spec: RegimenSpec) -> Iterator[Effect]:
    """A newer oral SERD beside a moderate one elacestrant's label advises against: at best a
    later option as elacestrant is (missing label data is not rewarded, as in rule 115)."""
    for medication, role in i.moderate_cyp3a:
        for drug in spec.drugs:
            like = LIKE_THEIR_CLASS.get(drug)
            if like is None or not _advises_against(drug, role):
                continue
            said = (medication, f"a moderate CYP3A {role}", drug, like[0])
            yield unknown_later("moderate_cyp3a_unknown_later", said, spec)
            return


# rule 154: a moderate CYP3A inhibitor or inducer on record: whether it can be changed
@rule(
    154,
    "A moderate CYP3A inhibitor or inducer on record: whether it can be changed, before choosing",
    None,
    condition="A moderate CYP3A inhibitor or inducer among the medications, and a regimen "
    "ranked that rule 153 puts later for it.",
    effect="An action, before choosing: ask whether it can be stopped or changed (another drug "
    "without the interaction: a calcium-channel blocker that CYP3A does not need, an "
    "antibiotic course that ends); the options rule 153 puts later come back once it is (case "
    "6933).",
    codes=("moderate_cyp3a_change",),
)
def moderate_cyp3a_change(facts: Facts, ctx: Context) -> Iterator[PlanEffect]:
    for medication, role in moderate_cyp3a_on_record(facts.profile.medications):
        said = (medication, f"a moderate CYP3A {role}", role == "inducer")
        later = ctx.call(_put_later, role)  # the policy's regimens, once per role
        yield change_asked("moderate_cyp3a_change", facts, said, (153, ""), later)


def _put_later(ctx: Context, role: str) -> frozenset[str]:
    """The policy's regimens with a drug whose label (or its class's) advises against a
    moderate ``role``: what rule 154's action concerns."""
    return frozenset(
        rid
        for rid, spec in ctx.regimens.items()
        if any(_advises_against(d, role) for d in spec.drugs)
    )
