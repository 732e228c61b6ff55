"""The practice-2026 rules on the patient's history and dates (35-37, 46): a newer trial's
population that the treatment history puts a patient outside of (VERITAC-2) or inside
(postMONARCH; SERENA-6 is rule 54, in ``serena6``), and the approvals that came after a plan's
decision date (a note, and the regimens not yet approved then: within a trial)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import EfficacyInputs, HistoryInputs
from resistx.sequencing.postmonarch import POSTMONARCH_ENTRIES
from resistx.sequencing.rule import Context, Effect, PlanEffect, rule
from resistx.sequencing.rules.figures import approval, figures
from resistx.sequencing.rules.populations import SELECTORS

H = Factor.HISTORY


def _approved_oral_serd_or_imlunestrant(spec: RegimenSpec) -> bool:
    """What rule 35 reads: the approved oral SERDs, and EMBER-3's combination."""
    return kinds.is_approved_oral_serd(spec) or kinds.has_imlunestrant(spec)


# rule 35: oral SERDs outside their trial's population (VERITAC-2, EMBER-3; EMERALD's is rule
# 159, under both policies)
@rule(
    35,
    "Oral SERDs outside their trial's population",
    H,
    condition="Vepdegestrant after fulvestrant progressed on, or chemotherapy or an ADC, for "
    "metastatic disease (VERITAC-2 enrolled none of them: update-2026.md section 3); imlunestrant with no "
    "aromatase inhibitor on record (EMBER-3 enrolled recurrence or progression on or after one: "
    "section 2), or after fulvestrant progressed on or chemotherapy or an ADC for metastatic disease "
    "(whether EMBER-3 enrolled either, neither source file says; case 446). Elacestrant past "
    "EMERALD's chemotherapy lines is rule 159, under both policies.",
    effect="Vepdegestrant is at best a later option (as an option outside MAINTAIN's "
    "population is: rule 8); imlunestrant, whose approval after 1 or more endocrine lines "
    "covers the patient, at best an alternative; imlunestrant + abemaciclib, "
    "EMBER-3's investigational arm, after every approved option (case 654). Each reason says "
    "why.",
    codes=(
        "outside_veritac2_population",
        "outside_ember3_population",
        "ember3_earlier_lines_unknown",
    ),
    trials=("VERITAC-2", "EMBER-3"),
    regimens=_approved_oral_serd_or_imlunestrant,
)
def outside_trial_population(
    i: HistoryInputs, spec: RegimenSpec, _ctx: Context
) -> Iterator[Effect]:
    ember3 = kinds.has_imlunestrant(spec)
    # the approved monotherapy is at best an alternative; EMBER-3's investigational combination
    # goes after every approved option (an alternative's standing would put it above the later
    # ones: ``ranking.standing``)
    ceiling, at_best = (1, "at best an alternative") if spec.id == "imlunestrant" else (2, "")
    if ember3 and not i.aromatase_inhibitors_given:
        yield Effect(
            code="outside_ember3_population",
            ceiling=ceiling,
            text="No aromatase inhibitor on record: EMBER-3 enrolled disease that recurred or "
            f"progressed on or after one, so its result may not hold here{_then(at_best)}.",
            trials=("EMBER-3",),
        )
    had = _had(i)
    if ember3 and had:
        yield Effect(
            code="ember3_earlier_lines_unknown",
            ceiling=ceiling,
            text=f"After {' and '.join(had)}: the sources resistx reads give EMBER-3's "
            "population as disease that recurred or progressed on or after an aromatase "
            "inhibitor, with or without a CDK4/6 inhibitor, and do not say whether it enrolled "
            "anyone after fulvestrant or chemotherapy for advanced disease, so its result may "
            f"not hold here{_then(at_best)}.",
            trials=("EMBER-3",),
        )
    if not kinds.is_vepdegestrant(spec):
        return
    if had:
        yield Effect(
            code="outside_veritac2_population",
            ceiling=2,
            text=f"After {' and '.join(had)}: VERITAC-2 enrolled no one who had had fulvestrant "
            "or chemotherapy for advanced disease, so its result may not hold here; at best a "
            "later option.",
            trials=("VERITAC-2",),
        )


def _had(i: HistoryInputs) -> list[str]:
    """What VERITAC-2 enrolled no one after, and EMBER-3's sources do not say, on record."""
    return [
        what
        for what, given in (
            ("fulvestrant", "fulvestrant" in i.progressed_drugs),
            ("chemotherapy for metastatic disease", i.chemo_lines > 0),
            # an ADC's payload is cytotoxic, as for EMERALD above (case 5701)
            ("an ADC for metastatic disease, whose payload is cytotoxic", i.adc_lines > 0),
        )
        if given
    ]


def _then(at_best: str) -> str:
    return f"; {at_best}" if at_best else ""


# rule 36: approvals after the plan's decision date
@rule(
    36,
    "Approvals after the plan's decision date",
    None,
    condition="A regimen of the policy's table approved (with a date in the evidence pack) after "
    "the plan's decision date.",
    effect="A note names each such regimen and its approval: the plan ranks today's table at "
    "the patient's date, so a clinician reading an older decision sees what was not yet "
    "available then.",
    codes=("approved_after_decision_date",),
)
def approved_later(facts: Facts, ctx: Context) -> Iterator[PlanEffect]:
    when = facts.decision_date
    if when is None:
        return
    later = [
        named for date, named in ctx.call(_dated_approvals) if kinds.approved_after(date, when)
    ]
    if later:
        yield PlanEffect(
            code="approved_after_decision_date",
            note=True,
            text=f"Approved after this plan's date ({when.isoformat()}): {', '.join(later)}.",
        )


def _dated_approvals(ctx: Context) -> tuple[tuple[str, str], ...]:
    """(date, 'name (authority date)') of each regimen of the table whose approval the pack
    dates, by date: once per (policy, evidence), not once per plan."""
    return tuple(
        sorted(
            (a.date, f"{spec.name.lower()} ({_approved(a.authority, a.date, a.source)})")
            for spec in ctx.regimens.values()
            if (a := spec.regulatory).date is not None
        )
    )


# rule 46: not yet approved at the plan's decision date (the date's twin of rule 24)
@rule(
    46,
    "Approved after the plan's decision date: within a trial at that date",
    Factor.EFFICACY,
    condition="The policy's table dates the regimen's approval in this setting after the plan's "
    "decision date, and no earlier approval covered the patient (trastuzumab deruxtecan's "
    "dated one extends its approval for HER2-low disease after chemotherapy).",
    effect="Tier trial, after every approved option, as an investigational regimen (rule 24); "
    "the reason names the approval. Rule 36's note names it too.",
    codes=("not_yet_approved",),
    regimens=kinds.has_dated_approval,
)
def not_yet_approved(i: EfficacyInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    earlier = spec.regulatory.earlier
    if spec.id not in i.not_yet_approved or (earlier and SELECTORS[earlier](i) is not None):
        return
    opens = _EARLIER_OPENS.get(earlier or "")
    yield Effect(
        code="not_yet_approved",
        investigational=True,
        leads=True,
        text=f"Not yet approved{' for this patient' if earlier else ''} on the plan's date "
        f"({approval(spec)}): before then, within a clinical trial only."
        + (f" {opens[1]}" if opens and opens[0](i) else ""),
        trials=spec.key_trials,
    )


#: an earlier approval the patient could still enter, and how the reason says so (cases 537,
#: 540: trastuzumab deruxtecan's of 2022 for HER2-low disease after chemotherapy)
_EARLIER_OPENS = {
    "her2_low_after_chemotherapy": (
        lambda i: i.her2_low,
        "Its earlier approval, for HER2-low disease after chemotherapy for metastatic disease "
        "(DESTINY-Breast04's population), covers this patient after a chemotherapy line.",
    ),
}


def _approved(authority: str | None, date: str, source: str | None) -> str:
    """'FDA 2025-01-27: <indication>' where the pack's source gives the indication after a
    colon (an approval may be of a new indication only, not of the drug)."""
    when = " ".join(x for x in (authority, date) if x)
    indication = source.split(": ", 1)[1] if source and ": " in source else ""
    return f"{when}: {indication}" if indication else when


#: a line stopped for toxicity, set aside (case 1152): postMONARCH allowed no other therapy
_ASIDE = (
    " but one stopped for toxicity without progression (postMONARCH allowed no other therapy "
    "for advanced disease: its result extended here, not shown)"
)
#: postMONARCH's entry: ECOG 0-1 (its registry entry, NCT05169567; case 541's recheck)
POSTMONARCH_ECOG = 1


# rule 37: abemaciclib + fulvestrant in postMONARCH's population
@rule(
    37,
    "Abemaciclib + fulvestrant in postMONARCH's population",
    H,
    condition="Progression on palbociclib or ribociclib given with an aromatase inhibitor (or as "
    "(neo)adjuvant therapy with endocrine therapy), and no other line for metastatic disease "
    "(postMONARCH's population: update-2026.md section 1; a line whose every course stopped "
    "for toxicity is set aside, and the reason says so: case 1152), no oestrogen-receptor "
    "degrader in "
    "that line (a switch to camizestrant within it: case 1114), at ECOG 0-1 or unknown (its "
    "registry entry).",
    effect="Abemaciclib + fulvestrant gains (postMONARCH, phase III, against fulvestrant alone), "
    "as switching to ribociclib with fulvestrant does after palbociclib (MAINTAIN, rule 8); "
    "after progression on a CDK4/6 inhibitor outside that population it is at best a later "
    "option and says why; "
    "together with rule 32 it comes before fulvestrant alone.",
    codes=("postmonarch_population", "outside_postmonarch_population"),
    trials=("postMONARCH",),
    regimens=kinds.is_abemaciclib_fulvestrant,
)
def postmonarch_population(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not i.cdk46i_resistant:
        return
    if "abemaciclib" in i.cdk46i_resistant or "fulvestrant" in i.progressed_drugs:
        return  # rule 11 speaks: the drug again
    if not i.postmonarch_population or (i.ecog or 0) > POSTMONARCH_ECOG:
        yield Effect(
            code="outside_postmonarch_population",
            ceiling=2,
            text=(
                "Another line for advanced disease, or no aromatase inhibitor with the CDK4/6 "
                "inhibitor: postMONARCH enrolled progression on a CDK4/6 inhibitor with an "
                "aromatase inhibitor and no other line"
                if not i.postmonarch_population
                else f"ECOG {i.ecog}: postMONARCH enrolled ECOG 0-1 (its registry entry, "
                "NCT05169567; not in the evidence pack)"
            )
            + ", so its result may not hold here; at best a later option.",
            trials=("postMONARCH",),
        )
        return
    found = figures(ctx, "postMONARCH", spec.id, "ITT")
    yield Effect(
        code="postmonarch_population",
        delta=ctx.weights.postmonarch_regimen,
        text=POSTMONARCH_ENTRIES[i.postmonarch_population]
        + ", and no other line for metastatic disease"
        + _ASIDE * i.line_stopped_for_toxicity
        + ": postMONARCH's population"
        + (f" (against fulvestrant alone: {found})." if found else "."),
        trials=("postMONARCH",),
    )
