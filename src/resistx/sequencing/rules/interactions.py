"""Rule 115: a strong CYP3A inhibitor or inducer among the patient's medications puts each drug
whose US label advises against giving it with one after the options without that interaction
(case 1210: itraconazole that could not stop, and ribociclib first)."""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, Precedence, rule
from resistx.vocab.interactions import strong_cyp3a_on_record

_AVOID = "advises against giving it with one, and lowers its dose where that cannot be avoided"
_AVOID_INDUCER = "advises against giving it with one (its exposure falls)"
#: what each drug's US label says of a strong CYP3A inhibitor (not in the review)
WITH_AN_INHIBITOR: MappingProxyType[str, str] = MappingProxyType(
    {
        "palbociclib": _AVOID,
        "ribociclib": f"{_AVOID} (its exposure and its QT prolongation rise)",
        "abemaciclib": "advises against ketoconazole and lowers its dose with another strong "
        "inhibitor",
        "everolimus": "advises against giving it with one",
        "capivasertib": _AVOID,
        "elacestrant": "advises against giving it with one (a moderate inhibitor too)",
        "olaparib": f"{_AVOID} (a moderate inhibitor too)",
    }
)
#: ... and of a strong CYP3A inducer
WITH_AN_INDUCER: MappingProxyType[str, str] = MappingProxyType(
    dict.fromkeys(
        (*WITH_AN_INHIBITOR, "alpelisib"),
        _AVOID_INDUCER,
    )
)
_LABELS = {"inhibitor": WITH_AN_INHIBITOR, "inducer": WITH_AN_INDUCER}
#: drugs whose interactions with these the sources resistx reads do not give (case 1270): a
#: caution says so, where silence beside another drug's caution would read as none
UNKNOWN = frozenset(
    {"camizestrant", "giredestrant", "imlunestrant", "vepdegestrant", "amcenestrant"}
    | {"inavolisib", "gedatolisib", "talazoparib", "sacituzumab govitecan"}
)


#: newer drugs of ``UNKNOWN`` beside the labelled drug of their class, and the roles its label
#: advises against: until their own label is checked they go no higher than it would (5439,
#: 5440, 5467: vepdegestrant and imlunestrant first beside carbamazepine or clarithromycin,
#: elacestrant later for the interaction its label gives: missing data was rewarded)
LIKE_THEIR_CLASS: MappingProxyType[str, tuple[str, frozenset[str]]] = MappingProxyType(
    {
        **dict.fromkeys(
            ("camizestrant", "giredestrant", "imlunestrant", "vepdegestrant", "amcenestrant"),
            ("elacestrant", frozenset({"inhibitor", "inducer"})),
        ),
        "inavolisib": ("alpelisib", frozenset({"inducer"})),
    }
)

#: investigational drugs with no label whose metabolism by CYP3A4 is published: a strong
#: inhibitor raises their exposure and an inducer lowers it, as for the labelled drugs above
#: (case 1294b: ipatasertib, FINER's AKT inhibitor, came first beside rifampicin)
METABOLISED: MappingProxyType[str, str] = MappingProxyType(
    {
        "ipatasertib": "is metabolised by CYP3A4 (a drug-interaction study of ipatasertib, "
        "Pharmaceutics 2022) and has no label, being investigational",
    }
)


#: what a label says of one drug beside one medication, where it differs from the tables above
#: (cases 1294, 1294b): (what the medication is to the drug, what the label says, whether it
#: advises against the pair). Talazoparib is a P-gp substrate, sacituzumab govitecan's SN-38 a
#: UGT1A1 substrate (their US labels; not in the review).
_TALAZOPARIB_PGP = (
    "a P-gp inhibitor",
    "talazoparib's US label lowers its dose with it (its exposure rises)",
    False,
)
_TALAZOPARIB_RIFAMPIN = (
    "a P-gp inducer",
    "talazoparib's US label needs no dose change with rifampin",
    False,
)
_SG_UGT1A1 = (
    "a UGT1A1 inducer",
    "sacituzumab govitecan's US label advises against giving it with one (SN-38's exposure falls)",
    True,
)
PAIRS: MappingProxyType[tuple[str, str], tuple[str, str, bool]] = MappingProxyType(
    {
        ("talazoparib", "itraconazole"): _TALAZOPARIB_PGP,
        ("talazoparib", "clarithromycin"): _TALAZOPARIB_PGP,
        ("talazoparib", "rifampicin"): _TALAZOPARIB_RIFAMPIN,
        ("talazoparib", "rifampin"): _TALAZOPARIB_RIFAMPIN,
        ("sacituzumab govitecan", "rifampicin"): _SG_UGT1A1,
        ("sacituzumab govitecan", "rifampin"): _SG_UGT1A1,
        # the enzyme-inducing antiepileptics induce UGT1A1 too (case 1348)
        ("sacituzumab govitecan", "carbamazepine"): _SG_UGT1A1,
        ("sacituzumab govitecan", "phenytoin"): _SG_UGT1A1,
    }
)


def _found(drug: str, medication: str, role: str) -> tuple[str, str, bool] | None:
    """(what the medication is to ``drug``, what the source says, whether it advises against
    the pair), or None where the sources give nothing for them."""
    if (drug, medication) in PAIRS:
        return PAIRS[drug, medication]
    if drug in METABOLISED or drug in _LABELS[role]:
        said = _said_of(drug, role)
        return f"a strong CYP3A {role}", said, _advised_against(drug, role, medication)
    return None


def _interacts(spec: RegimenSpec) -> bool:
    """A regimen with a drug whose label speaks of a strong CYP3A inhibitor or inducer, or one
    whose interactions the sources resistx reads do not give, enrolment in a trial, or the
    chemotherapy option (some of its agents)."""
    return (
        kinds.is_trial(spec)
        or kinds.is_chemotherapy(spec)
        or any(d in WITH_AN_INDUCER or d in UNKNOWN or d in METABOLISED for d in spec.drugs)
    )


#: what the chemotherapy option's agents' US labels say of a strong CYP3A inhibitor or inducer
#: (not in the review; 5497: voriconazole read, chemotherapy preferred with no caution)
CHEMOTHERAPY_AGENTS: MappingProxyType[str, str] = MappingProxyType(
    {
        "inhibitor": "docetaxel's US label advises against giving it with one (halving its dose "
        "where that cannot be avoided), and paclitaxel's and vinorelbine's ask for caution (their "
        "exposure rises)",
        "inducer": "paclitaxel's US label asks for caution with one, and docetaxel and "
        "vinorelbine are metabolised by CYP3A4 too (their labels)",
    }
)
_UNTOUCHED = (
    "capecitabine and eribulin are not metabolised by CYP3A (their labels); check the label of "
    "any other agent chosen"
)


def _said_of(drug: str, role: str) -> str:
    """What the label, or the published metabolism of a drug with none, says of the pair."""
    if drug in METABOLISED:
        change = "raises" if role == "inhibitor" else "lowers"
        return f"{drug} {METABOLISED[drug]}: a strong CYP3A {role} {change} its exposure"
    return f"{drug}'s US label {_LABELS[role][drug]}"


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
        yield Effect(
            code="cyp3a_interaction",
            caution=True,
            text=f"{medication.capitalize()} on record, {what}: {said} (not in the review).",
        )
    for medication, role in i.strong_cyp3a if kinds.is_chemotherapy(spec) else ():
        yield Effect(
            code="cyp3a_chemotherapy",
            caution=True,
            text=f"{medication.capitalize()} on record, a strong CYP3A {role}: "
            f"{CHEMOTHERAPY_AGENTS[role]}; {_UNTOUCHED} (not in the review).",
        )
    if i.strong_cyp3a and kinds.is_trial(spec):
        yield Effect(
            code="cyp3a_trial_entry",
            caution=True,
            text=f"{', '.join(m for m, _ in i.strong_cyp3a).capitalize()} on record: check "
            f"{spec.key_trials[0]}'s exclusions for it before referral (the sources resistx "
            "reads do not give them).",
        )
    for medication, _role in i.strong_cyp3a:
        if unknown := [d for d in spec.drugs if d in UNKNOWN and (d, medication) not in PAIRS]:
            yield Effect(
                code="cyp3a_interaction_unknown",
                caution=True,
                text=f"{medication.capitalize()} on record: the sources resistx reads give no "
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
        yield Effect(
            code="cyp3a_interaction_later",
            ceiling=2,
            demote=Precedence.RELATIVE_CONTRAINDICATION,
            text=f"{medication.capitalize()} on record, {what}: a relative contraindication to "
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
        yield PlanEffect(
            code="cyp3a_change",
            first=not facts.profile.visceral_crisis,
            text=f"{medication.capitalize()} on record, a strong CYP3A {role}: ask whether it "
            "can be stopped or changed before choosing (a short course that ends, another drug "
            "without the interaction; not in the review): the drugs whose labels advise "
            "against it (rule 115) come back once it is"
            + (
                ", an inducer's effect taking some weeks to wear off." if role == "inducer" else "."
            ),
        )


def _like_their_class(i: BalanceInputs, spec: RegimenSpec) -> Iterator[Effect]:
    """``LIKE_THEIR_CLASS``: a newer drug beside a medication the label of its class's
    labelled drug advises against, at best a later option as that drug is."""
    for medication, role in i.strong_cyp3a:
        for drug in spec.drugs:
            like = LIKE_THEIR_CLASS.get(drug)
            if like is None or role not in like[1] or (drug, medication) in PAIRS:
                continue
            yield Effect(
                code="cyp3a_interaction_unknown_later",
                ceiling=2,
                demote=Precedence.RELATIVE_CONTRAINDICATION,
                text=f"{medication.capitalize()} on record, a strong CYP3A {role}: the sources "
                f"resistx reads give no instruction for {drug} with it, and {like[0]}'s US label "
                f"advises against giving {like[0]} with one: {drug} is at best a later option, "
                "as it is, after every option without such an interaction, until its own label "
                f"is checked or {medication} can be changed (not in the review).",
                trials=spec.key_trials,
            )
            return
