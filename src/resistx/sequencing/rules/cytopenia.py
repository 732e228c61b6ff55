"""Rule 111: a cytopenia of grade 3 or worse, or a myelodysplastic syndrome, puts every option
that lowers blood counts (the CDK4/6 and PARP inhibitors, the antibody-drug conjugates,
chemotherapy, everolimus), whose labels do not start them at such counts, after every option
without that risk (cases 1159, 1173, 1549). Rule 112: a myelodysplastic syndrome on record
leaves the PARP inhibitors out (1176). Rule 113: such a cytopenia asks its cause, and a
myelodysplastic syndrome a haematologist's view, before choosing (1203b, 1549)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from resistx.model.enums import ExclusionCode, Factor
from resistx.model.profile import Condition
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import BalanceInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, Precedence, left_out, rule
from resistx.vocab.comorbidities import Comorbidity

B = Factor.BALANCE
#: the CTCAE grade from which the labels do not start them
SEVERE_GRADE = 3
#: what the labels of each kind of option that lowers blood counts say of starting on low
#: counts (not in the review), in the order a regimen is matched
_LABELS: tuple[tuple[Callable[[RegimenSpec], bool], str], ...] = (
    (
        kinds.has_cdk46i,
        "the CDK4/6 inhibitors' labels start them only once the neutrophils have recovered "
        "(ribociclib's and palbociclib's set a count to start from; abemaciclib's holds it at "
        "grade 3); where none has been given, endocrine therapy can start alone and the CDK4/6 "
        "inhibitor be added once the counts allow",
    ),
    (
        kinds.is_parp_inhibitor,
        "the PARP inhibitors' labels start them only once the counts have recovered to grade 1 "
        "or better",
    ),
    (
        kinds.is_adc,
        "an antibody-drug conjugate lowers blood counts, and its label holds it at such counts",
    ),
    (
        kinds.is_chemotherapy,
        "cytotoxic chemotherapy lowers blood counts, and its agents' labels give a cycle only "
        "once they have recovered",
    ),
    (
        kinds.has_everolimus,
        "everolimus lowers blood counts (anaemia, thrombocytopenia), and its label asks for "
        "them before and during treatment",
    ),
)


def _myelosuppressive(spec: RegimenSpec) -> bool:
    """A regimen that lowers blood counts: a CDK4/6 or PARP inhibitor, an antibody-drug
    conjugate, chemotherapy or everolimus (case 1173: all of them, not some)."""
    return any(matches(spec) for matches, _said in _LABELS)


#: what supports the counts in a crisis's chemotherapy, by whether transfusion is declined (1776)
_SUPPORT = {
    False: "transfusion support",
    # a combination's deeper nadirs need the transfusions she declines (case 1814b)
    True: "without transfusion, which the patient declines: a single agent dosed to the "
    "counts, not a combination, whose deeper nadirs would need it; iron, an erythropoiesis-"
    "stimulating agent and a haematology view; with low platelets, the bleeding risk weighed "
    "(no anticoagulant or antiplatelet drug that can be avoided)",
}


# rule 111: a cytopenia of grade 3 or worse: the options that lower blood counts after the others
@rule(
    111,
    "A cytopenia of grade 3 or worse, or a myelodysplastic syndrome: the options that lower "
    "blood counts after the others",
    B,
    condition="A cytopenia on record with its CTCAE grade (the worst count's), 3 or 4, or a "
    "myelodysplastic syndrome (case 1549: therapy-related MDS put chemotherapy first), and a "
    "regimen that lowers blood counts: a CDK4/6 or a PARP inhibitor, an antibody-drug "
    "conjugate, chemotherapy or everolimus (case 1173: all of them).",
    effect="A relative contraindication: at best a later option, after every option without "
    "such a risk: their labels do not start them at such counts (not in the review); the "
    "cause of the cytopenia first (marrow infiltration, an earlier treatment's toxicity, a "
    "marrow disease); among them the order is as without it. In a visceral crisis "
    "chemotherapy is not capped: it comes first (rule 7), with a caution to adjust its dose to "
    "the counts, with transfusion support (case 1395), or where transfusion is declined a "
    "single agent, not a combination, with the bleeding risk weighed (case 1814b); with a "
    "myelodysplastic syndrome and no "
    "such cytopenia, neither are the ADCs (case 1578b). At grade 0-2 or an unknown grade, rule "
    "12's cautions stand alone (case 1159).",
    codes=(
        "cytopenia_myelosuppressive_later",
        "myelodysplasia_myelosuppressive_later",
        "cytopenia_crisis_chemotherapy",
    ),
    regimens=_myelosuppressive,
)
def severe_cytopenia(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    grade = _worst_grade(i.comorbidities)
    mds = _myelodysplasia(i.comorbidities)
    label = next((said for matches, said in _LABELS if matches(spec)), None)
    if (grade < SEVERE_GRADE and not mds) or label is None:
        return
    what = f"A cytopenia of grade {grade}" if grade >= SEVERE_GRADE else _MDS
    # chemotherapy cannot wait (case 1395), nor, for a myelodysplastic syndrome, the ADCs (1578b)
    crisis_option = kinds.is_chemotherapy(spec) or (grade < SEVERE_GRADE and kinds.is_adc(spec))
    if i.visceral_crisis and crisis_option:
        yield Effect(
            code="cytopenia_crisis_chemotherapy",
            caution=True,
            text=f"{what} with a visceral crisis recorded (a marrow failing from the cancer "
            "among the causes of low counts): the crisis's cytotoxic options are not set back "
            "for it: chemotherapy first (rule 7), with the dose adjusted to the counts and "
            f"{_SUPPORT[i.declines_transfusion]} (not in the review).",
        )
        return
    if grade < SEVERE_GRADE:  # case 1549: a myelodysplastic syndrome, counts not graded 3-4
        yield Effect(
            code="myelodysplasia_myelosuppressive_later",
            ceiling=2,
            demote=Precedence.RELATIVE_CONTRAINDICATION,
            text=f"{_MDS} on record, a marrow at risk: {label} (not in the review): at best a "
            "later option, after every option without such a risk, once a haematologist has "
            "given a view (rule 113).",
            trials=spec.key_trials,
        )
        return
    yield Effect(
        code="cytopenia_myelosuppressive_later",
        ceiling=2,
        demote=Precedence.RELATIVE_CONTRAINDICATION,
        text=f"A cytopenia of grade {grade} on record: {label} (not in the review): at best a "
        "later option, after every option without such a risk, once the counts and their "
        "cause are known.",
        trials=spec.key_trials,
    )


_MDS = "A myelodysplastic syndrome"


def _myelodysplasia(comorbidities: Iterable[Condition]) -> bool:
    return any(c.name is Comorbidity.MYELODYSPLASTIC_SYNDROME for c in comorbidities)


# rule 112: a myelodysplastic syndrome on record: the PARP inhibitors left out
@rule(
    112,
    "A myelodysplastic syndrome on record: the PARP inhibitors left out",
    B,
    condition="A myelodysplastic syndrome (or an acute myeloid leukaemia before) among the "
    "comorbidities, and a PARP inhibitor.",
    effect="Left out (contraindicated): the PARP inhibitors' labels warn of MDS and acute "
    "myeloid leukaemia, and stop them once either is confirmed (not in the review; case 1176: "
    "a tumour BRCA2 mutation made olaparib first for a woman with therapy-related MDS).",
    codes=("contraindicated",),
    regimens=kinds.is_parp_inhibitor,
)
def myelodysplasia(i: BalanceInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if not kinds.is_parp_inhibitor(spec):
        return
    if _myelodysplasia(i.comorbidities):
        yield left_out(
            ExclusionCode.CONTRAINDICATED,
            text="A myelodysplastic syndrome (or acute myeloid leukaemia) on record: the PARP "
            "inhibitors' labels warn of "
            "myelodysplastic syndrome and acute myeloid leukaemia, and stop them once either is "
            "confirmed (not in the review); left out.",
            trials=spec.key_trials,
        )


def _worst_grade(comorbidities: Iterable[Condition]) -> int:
    """The worst CTCAE grade of the cytopenias on record (0 without one, or ungraded)."""
    return max(
        (c.grade for c in comorbidities if c.name is Comorbidity.CYTOPENIA and c.grade), default=0
    )


# rule 113: a cytopenia of grade 3 or worse: its cause before choosing; a myelodysplastic
# syndrome: a haematologist's view
@rule(
    113,
    "A cytopenia of grade 3 or worse: its cause before choosing; a myelodysplastic syndrome: "
    "a haematologist's view",
    None,
    condition="A cytopenia on record with CTCAE grade 3 or 4, and no visceral crisis recorded; "
    "or a myelodysplastic syndrome on record (case 1549).",
    effect="An action, before choosing: find the cause (a blood film; a bone marrow "
    "examination where infiltration is suspected). Rule 111 puts the options that lower blood "
    "counts after the others, which is right for an earlier treatment's toxicity, not for a "
    "marrow failing from the cancer: that is organ dysfunction from the disease, to be recorded "
    "as a visceral crisis, which puts chemotherapy first (rule 7) (not in the review; case "
    "1203b: grade 4 thrombocytopenia from marrow infiltration after 4.9 months of palbociclib "
    "put elacestrant and fulvestrant first). With a myelodysplastic syndrome: a haematologist's "
    "view of the marrow before any option that lowers blood counts (rule 111).",
    codes=("cytopenia_cause", "myelodysplasia_haematology"),
)
def cytopenia_cause(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    if _myelodysplasia(facts.profile.comorbidities):
        yield PlanEffect(
            code="myelodysplasia_haematology",
            first=not facts.profile.visceral_crisis,
            text=f"{_MDS} on record: a haematologist's view of the marrow before choosing "
            "any option that lowers blood counts (the CDK4/6 inhibitors, the antibody-drug "
            "conjugates, chemotherapy, everolimus), which rule 111 places after the options "
            "without that risk (not in the review)"
            + (
                "; in a visceral crisis, beside the urgent treatment, never delaying it."
                if facts.profile.visceral_crisis
                else "."
            ),
        )
    grade = _worst_grade(facts.profile.comorbidities)
    if grade < SEVERE_GRADE or facts.profile.visceral_crisis:
        return
    yield PlanEffect(
        code="cytopenia_cause",
        first=True,
        text=f"A cytopenia of grade {grade} on record: find its cause before choosing (a blood "
        "film, and a bone marrow examination where infiltration by the cancer is suspected, "
        "for example a leucoerythroblastic film; not in the review). After an earlier "
        "treatment's toxicity the options that lower blood counts wait for recovery (rule 111). "
        "A marrow failing from the cancer is organ dysfunction from the disease: record it as a "
        "visceral crisis (visceral_crisis: true), which puts chemotherapy first, with its dose "
        "adjusted to the counts and transfusion support.",
    )
