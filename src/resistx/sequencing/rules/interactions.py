"""Rule 115: a strong CYP3A inhibitor or inducer among the patient's medications puts each drug
whose US label advises against giving it with one after the options without that interaction
(case 1210: itraconazole that could not stop, and ribociclib first)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, Precedence, rule
from resistx.sequencing.rules.cyp3a_labels import (
    CHEMOTHERAPY_AGENTS,
    DOSE_ONLY,
    LABELS,
    LIKE_THEIR_CLASS,
    METABOLISED,
    PAIRS,
    UNKNOWN,
    UNTOUCHED,
    WITH_AN_INDUCER,
)
from resistx.vocab.interactions import shown_name, strong_cyp3a_on_record


def _found(drug: str, medication: str, role: str) -> tuple[str, str, bool] | None:
    """(what the medication is to ``drug``, what the source says, whether it advises against
    the pair), or None where the sources give nothing for them."""
    if (drug, medication) in PAIRS:
        return PAIRS[drug, medication]
    if (drug, role) in DOSE_ONLY:
        return f"a strong CYP3A {role}", DOSE_ONLY[drug, role], False
    if drug in METABOLISED or drug in LABELS[role]:
        said = _said_of(drug, role)
        return f"a strong CYP3A {role}", said, _advised_against(drug, role, medication)
    return None


#: the drugs ``DOSE_ONLY`` speaks of
_DOSE_ONLY_DRUGS = frozenset(drug for drug, _role in DOSE_ONLY)


def _interacts(spec: RegimenSpec) -> bool:
    """A regimen with a drug whose label speaks of a strong CYP3A inhibitor or inducer, or one
    whose interactions the sources resistx reads do not give, enrolment in a trial, or the
    chemotherapy option (some of its agents)."""
    return (
        kinds.is_trial(spec)
        or kinds.is_chemotherapy(spec)
        or any(
            d in WITH_AN_INDUCER or d in UNKNOWN or d in METABOLISED or d in _DOSE_ONLY_DRUGS
            for d in spec.drugs
        )
    )


def _said_of(drug: str, role: str) -> str:
    """What the label, or the published metabolism of a drug with none, says of the pair."""
    if drug in METABOLISED:
        change = "raises" if role == "inhibitor" else "lowers"
        return f"{drug} {METABOLISED[drug]}: a strong CYP3A {role} {change} its exposure"
    return f"{drug}'s US label {LABELS[role][drug]}"


def _advised_against(drug: str, role: str, medication: str) -> bool:
    """The label advises against giving them together: abemaciclib's only ketoconazole of the
    inhibitors, lowering its dose with the others (case 1267)."""
    return not (drug == "abemaciclib" and role == "inhibitor" and medication != "ketoconazole")


# rule 115: a strong CYP3A inhibitor or inducer on record: the drugs it interacts with later
@rule(
    115,
    "A strong CYP3A inhibitor or inducer on record: the drugs it interacts with later",
    Factor.BALANCE,
    condition="A strong CYP3A inhibitor (itraconazole, ketoconazole, posaconazole, "
    "voriconazole, clarithromycin, ritonavir and the like) or inducer (rifampicin, "
    "carbamazepine, phenytoin, St John's wort, enzalutamide and the like) among the "
    "medications, and a regimen with a drug whose US label advises against giving it with one "
    "(the CDK4/6 inhibitors, everolimus, capivasertib, elacestrant, olaparib; alpelisib with an "
    "inducer).",
    effect="A caution naming both and what the label says; where the label advises against "
    "them together (not abemaciclib with an inhibitor other than ketoconazole, whose dose it "
    "lowers), a relative contraindication: at best a later option, after every option without "
    "such an interaction, unless the other medication can be changed (the labels; not in the "
    "review; case 1210). A newer drug whose interactions the sources do not give says so, and "
    "an oral SERD (or inavolisib beside an inducer) goes no higher than the labelled drug of "
    "its class would, until its label is checked (5439, 5440). "
    "Ipatasertib, investigational with no label, is metabolised by CYP3A4 (Pharmaceutics "
    "2022): its trial goes later the same way, and every trial option asks that the "
    "trial's exclusions be checked for the medication (case 1294b). Talazoparib's label "
    "lowers its dose with itraconazole or clarithromycin (P-gp inhibitors) and needs no change "
    "with rifampin; sacituzumab govitecan's advises against a UGT1A1 inducer: rifampicin, "
    "carbamazepine, phenytoin (cases 1294, 1294b, 1348). The chemotherapy option says which of "
    "its agents the labels speak of (docetaxel, paclitaxel, vinorelbine) and which not "
    "(capecitabine, eribulin; 5497).",
    codes=(
        "cyp3a_chemotherapy",
        "cyp3a_interaction",
        "cyp3a_interaction_later",
        "cyp3a_interaction_unknown",
        "cyp3a_interaction_unknown_later",
        "cyp3a_trial_entry",
    ),
    regimens=_interacts,
)
def cyp3a(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    found = [
        (medication, drug, source)
        for medication, role in i.strong_cyp3a
        for drug in spec.drugs
        if (source := _found(drug, medication, role)) is not None
    ]
    for medication, _drug, (what, said, _against) in found:
        yield caution_for("cyp3a_interaction", (medication, what, said))
    for medication, role in i.strong_cyp3a if kinds.is_chemotherapy(spec) else ():
        yield Effect(
            code="cyp3a_chemotherapy",
            caution=True,
            text=f"{shown_name(medication)} on record, a strong CYP3A {role}: "
            f"{CHEMOTHERAPY_AGENTS[role]}; {UNTOUCHED} (not in the review).",
        )
    if i.strong_cyp3a and kinds.is_trial(spec):
        yield Effect(
            code="cyp3a_trial_entry",
            caution=True,
            text=f"{shown_name(', '.join(m for m, _ in i.strong_cyp3a))} on record: check "
            f"{spec.key_trials[0]}'s exclusions for it before referral (the sources resistx "
            "reads do not give them).",
        )
    for medication, _role in i.strong_cyp3a:
        if unknown := [d for d in spec.drugs if d in UNKNOWN and (d, medication) not in PAIRS]:
            yield Effect(
                code="cyp3a_interaction_unknown",
                caution=True,
                text=f"{shown_name(medication)} on record: the sources resistx reads give no "
                f"instruction for {' or '.join(unknown)} with it; check "
                + (
                    # no label to check for a drug not approved (case 1419: camizestrant)
                    "its trial's exclusions and investigator's brochure before referral."
                    if kinds.is_investigational(spec)
                    else "its label's interactions before starting."
                ),
            )
    yield from _like_their_class(i, spec)
    against = [(m, d, what) for m, d, (what, _said, no) in found if no]
    if against:
        medication, drug, what = against[0]
        yield later_for("cyp3a_interaction_later", (medication, what, drug), spec)


def caution_for(code: str, said: tuple[str, str, str]) -> Effect:
    """A caution naming the medication, what it is to the drug and what the label says of the
    pair; rules 115 and 153."""
    medication, what, label = said
    return Effect(
        code=code,
        caution=True,
        text=f"{shown_name(medication)} on record, {what}: {label} (not in the review).",
    )


def later_for(code: str, pair: tuple[str, str, str], spec: RegimenSpec) -> Effect:
    """A relative contraindication for an interaction the label advises against: (the
    medication, what it is to the drug, the drug); rules 115 and 153."""
    medication, what, drug = pair
    return Effect(
        code=code,
        ceiling=2,
        demote=Precedence.RELATIVE_CONTRAINDICATION,
        text=f"{shown_name(medication)} on record, {what}: a relative contraindication to "
        f"{drug}: at best a later option, after every option without such an interaction, "
        f"unless {medication} can be changed.",
        trials=spec.key_trials,
    )


# rule 116: a strong CYP3A inhibitor or inducer on record: whether it can be changed
@rule(
    116,
    "A strong CYP3A inhibitor or inducer on record: whether it can be changed, before choosing",
    None,
    condition="A strong CYP3A inhibitor or inducer among the medications (rule 115).",
    effect="An action, before choosing: ask whether it can be stopped or changed (a short "
    "course that ends, another drug without the interaction); the options rule 115 puts later "
    "come back once it is (cases 1268, 1270: a week of clarithromycin, St John's wort).",
    codes=("cyp3a_change",),
)
def cyp3a_change(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    for medication, role in strong_cyp3a_on_record(facts.profile.medications):
        said = (medication, f"a strong CYP3A {role}", role == "inducer")
        yield change_asked("cyp3a_change", facts, said, (115, "a short course that ends, "))


def change_asked(
    code: str,
    facts: Facts,
    on_record: tuple[str, str, bool],
    placed: tuple[int, str],
    regimens: frozenset[str] = frozenset(),
) -> PlanEffect:
    """The action before choosing of rules 116 and 154: (the medication, what it is, whether an
    inducer), and (the rule that puts the drugs it interacts with later, a way to change it
    besides another drug)."""
    medication, what, inducer = on_record
    placed_by, short = placed
    return PlanEffect(
        code=code,
        first=not facts.profile.visceral_crisis,
        regimens=regimens,
        text=f"{shown_name(medication)} on record, {what}: ask whether it can be stopped or "
        f"changed before choosing ({short}another drug without the interaction; not in the "
        f"review): the drugs whose labels advise against it (rule {placed_by}) come back once "
        "it is" + (", an inducer's effect taking some weeks to wear off." if inducer else "."),
    )


def unknown_later(code: str, said: tuple[str, str, str, str], spec: RegimenSpec) -> Effect:
    """A newer drug whose interactions the sources do not give, beside a medication the label
    of its class's labelled drug advises against: (the medication, what it is, the drug, the
    labelled drug); at best a later option as that drug is (rules 115 and 153)."""
    medication, what, drug, like = said
    return Effect(
        code=code,
        ceiling=2,
        demote=Precedence.RELATIVE_CONTRAINDICATION,
        text=f"{shown_name(medication)} on record, {what}: the sources resistx reads give no "
        f"instruction for {drug} with it, and {like}'s US label advises against giving {like} "
        f"with one: {drug} is at best a later option, as it is, after every option without such "
        f"an interaction, until its own label is checked or {medication} can be changed (not in "
        "the review).",
        trials=spec.key_trials,
    )


def _like_their_class(i: BalanceInputs, spec: RegimenSpec) -> Iterator[Effect]:
    """``LIKE_THEIR_CLASS``: a newer drug beside a medication the label of its class's
    labelled drug advises against, at best a later option as that drug is."""
    for medication, role in i.strong_cyp3a:
        for drug in spec.drugs:
            like = LIKE_THEIR_CLASS.get(drug)
            if like is None or role not in like[1] or (drug, medication) in PAIRS:
                continue
            said = (medication, f"a strong CYP3A {role}", drug, like[0])
            yield unknown_later("cyp3a_interaction_unknown_later", said, spec)
            return
