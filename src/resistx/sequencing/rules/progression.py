"""Factor 3, continued: what the disease progressed on (rule 11): the regimen, its drug, or its
class."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, ExclusionCode, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.exhausted import POOR_ECOG
from resistx.sequencing.inputs import HistoryInputs
from resistx.sequencing.rule import Context, Effect, left_out, rule
from resistx.sequencing.rules.chemotherapy_lines import after_degraders
from resistx.sequencing.rules.drug_classes import (
    cross_resistant,
    placed_after,
    related_by_class,
    same_class_drugs,
)
from resistx.sequencing.weights import Weights
from resistx.vocab.drugs import DEGRADER_CLASSES, drug_class

H = Factor.HISTORY
_SOFT_AGAIN = frozenset({DrugClass.SERD, DrugClass.CDK46_INHIBITOR, DrugClass.AROMATASE_INHIBITOR})


# rule 11: progressed on it, on its drug, or on its class
@rule(
    11,
    "Progressed on it, on its drug, or on its class",
    H,
    condition="A metastatic treatment (or a (neo)adjuvant CDK4/6 inhibitor) that ended in "
    "progression.",
    effect="Every drug of the regimen progressed on together, or a CDK4/6 inhibitor with "
    "fulvestrant after progression on another with fulvestrant (case 495): excluded "
    "(progressed_on); "
    "chemotherapy as a class is not. A drug of it in another regimen: demoted. Another "
    "drug of its class (oral SERD, fulvestrant, PI3K-AKT-mTOR, PARP, a TROP2 antibody-drug "
    "conjugate, or one with the deruxtecan payload; fulvestrant alone after an oral SERD too): "
    "demoted out of the preferred tier; a PARP inhibitor after one: excluded (progressed_on: "
    "no trial gave a second); an ADC, a PI3K or AKT inhibitor or an oral SERD "
    "after one, with no trial there: at best a later option, and demoted further, "
    "after the options not progressed on even where rule 6 prefers chemotherapy and ADCs. Everolimus after PI3K or AKT inhibitors only is the later "
    "line the review gives it: at best a later option, with no class penalty. A regimen every "
    "part of which was progressed on, in separate courses (its CDK4/6 inhibitor by its class, "
    "every other drug as itself): at best a later option, after the others (case 656). A "
    "combination with fulvestrant after an oral SERD: said, not demoted (case 853); after "
    "fulvestrant itself: at best an alternative (the recheck of session 54, 2911e). The "
    "gedatolisib triplet's CDK4/6 inhibitor after one is VIKTORIA-1's design: said, not "
    "demoted (case 3050).",
    codes=(
        "progressed_on",
        "progressed_on_drug",
        "same_class_after_progression",
        "everolimus_after_pi3k_or_akt",
        "nothing_new_after_progression",
        "fulvestrant_partner_after_oral_serd",
        "cdk46i_again_by_its_trial",
    ),
    regimens=kinds.is_not_chemotherapy,
)
def progressed_on(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if kinds.is_chemotherapy(spec):
        return
    wanted = set(spec.drugs)
    trial = kinds.is_trial(spec)  # a trial steps back for its class, and is never excluded
    courses = sorted(c for c in i.progressed if wanted <= set(c))
    course = None if trial or not courses else courses[0]
    if course is not None:
        said = (
            f"{' + '.join(course)} is the current treatment: the options are for its progression "
            "(rule 53), after which it is no option."
            if course == i.current
            else f"Progressed on {' + '.join(course)} for metastatic disease."
        )
        yield left_out(ExclusionCode.PROGRESSED_ON, said, spec.key_trials)
        return
    both = None if trial else _cdk46i_with_partner_again(i, spec)
    if both is not None:
        yield left_out(
            ExclusionCode.PROGRESSED_ON,
            f"Progressed on {' + '.join(both)}: {spec.name} gives a "
            "CDK4/6 inhibitor with the same partner again, both parts progressed on, and the "
            "review has no evidence for it (in PACE palbociclib with fulvestrant did not improve "
            "on fulvestrant after a CDK4/6 inhibitor; MAINTAIN changed the endocrine partner).",
            ("PACE", "MAINTAIN"),
        )
        return
    parp = [d for d in i.progressed_drugs if drug_class(d) is DrugClass.PARP_INHIBITOR]
    if parp and not trial and kinds.is_parp_inhibitor(spec):
        yield left_out(
            ExclusionCode.PROGRESSED_ON,
            f"Progressed on {', '.join(sorted(parp))}, a PARP inhibitor: no trial the sources "
            "report gave another after progression on one.",
            spec.key_trials,
        )
        return
    yield from _again(i, spec, ctx.weights, trial=trial)


def _cdk46i_with_partner_again(i: HistoryInputs, spec: RegimenSpec) -> tuple[str, ...] | None:
    """A progressed course that gave a CDK4/6 inhibitor with every other drug of ``spec``, a
    CDK4/6 inhibitor with fulvestrant (case 495: after abemaciclib + fulvestrant, palbociclib
    or ribociclib with fulvestrant; PACE's result is fulvestrant's, and the letrozole doublets
    after a CDK4/6 inhibitor are rule 71's)."""
    if not kinds.has_cdk46i(spec) or "fulvestrant" not in spec.drugs:
        return None
    partner = {d for d in spec.drugs if drug_class(d) is not DrugClass.CDK46_INHIBITOR}
    return next(
        (
            c
            for c in sorted(i.progressed)
            if partner <= set(c) and any(drug_class(d) is DrugClass.CDK46_INHIBITOR for d in c)
        ),
        None,
    )


def _again(i: HistoryInputs, spec: RegimenSpec, w: Weights, *, trial: bool) -> Iterator[Effect]:
    """Rule 11 for a regimen not progressed on as a whole: a drug of it (not for a trial), or
    of its class, was."""
    # an aromatase inhibitor counts only as itself (case 429: exemestane after everolimus +
    # exemestane), never as its class
    used = i.progressed_drugs | i.progressed_aromatase_inhibitors
    again = [d for d in spec.drugs if d in used and not trial]
    if designed := [d for d in again if _again_by_design(spec, d)]:
        again = [d for d in again if d not in designed]
        yield Effect(  # case 3050: not 'no evidence'; VIKTORIA-1 is the evidence
            code="cdk46i_again_by_its_trial",
            text=f"Progressed on {', '.join(designed)} before: VIKTORIA-1 gave palbociclib "
            "after a CDK4/6 inhibitor (all its patients had one; which, the sources do not "
            "say), so giving it again is the trial's design.",
            trials=spec.key_trials,
        )
    defining = [d for d in again if drug_class(d) not in _SOFT_AGAIN]
    groups, same_class = same_class_drugs(i, spec)
    if same_class and not defining and placed_after(spec, same_class):
        yield Effect(
            code="everolimus_after_pi3k_or_akt",
            ceiling=2,
            text=f"Progressed on {', '.join(same_class)} (a PI3K or AKT inhibitor): the review "
            "places everolimus-based regimens in a later line, after the PI3K and AKT "
            "inhibitors.",
            trials=spec.key_trials,
        )
        same_class = []  # said: a partner given again still speaks below
    if defining or same_class:
        # the drug that defines the regimen, or another of its class: out of the preferred tier
        what = (
            f"{', '.join(defining)} before (in another regimen)"
            if defining
            else related_by_class(spec, same_class, groups)
        )
        capped = not defining and cross_resistant(spec, same_class)
        partners = [d for d in again if d not in defining]  # case 429: fulvestrant beside it
        also = f" Progressed on {', '.join(partners)} before too." if partners else ""
        yield Effect(
            code="progressed_on_drug" if defining else "same_class_after_progression",
            delta=w.same_class + (w.cross_resistant if capped else 0.0),
            ceiling=2 if capped else 0,
            text=f"Progressed on {what}; the review has no evidence for it after that.{also}",
            trials=spec.key_trials,
        )
    elif again:
        yield _given_again(i, spec, again, w)
    elif serds := _oral_serds_before_its_fulvestrant(i, spec, trial=trial):
        yield Effect(  # case 853: said, not demoted; the other drug is what it rests on
            code="fulvestrant_partner_after_oral_serd",
            text=f"Progressed on {', '.join(serds)}, which "
            + ("degrade" if len(serds) > 1 else "degrades")
            + " the estrogen receptor as fulvestrant, this regimen's partner, does: no trial the review reports enrolled "
            "patients after an oral SERD, so the partner may add little, and the regimen rests "
            "on its other drug.",
            trials=spec.key_trials,
        )


def _again_by_design(spec: RegimenSpec, drug: str) -> bool:
    return drug_class(drug) is DrugClass.CDK46_INHIBITOR and kinds.gives_cdk46i_after_one(spec)


def _oral_serds_before_its_fulvestrant(
    i: HistoryInputs, spec: RegimenSpec, *, trial: bool
) -> list[str]:
    """The oral SERDs progressed on, for a combination with fulvestrant (not fulvestrant alone:
    rule 11 steps that back, ``ALONE_AFTER``)."""
    if trial or "fulvestrant" not in spec.drugs or len(spec.drugs) < 2:
        return []
    return sorted(d for d in i.progressed_drugs if drug_class(d) is DrugClass.ORAL_SERD)


def _given_again(i: HistoryInputs, spec: RegimenSpec, again: list[str], w: Weights) -> Effect:
    """A partner (fulvestrant, an aromatase inhibitor) or the CDK4/6 inhibitor again: a step
    back; where nothing in the regimen is new (case 656), at best a later option, after the
    others."""
    # MAINTAIN's subgroup: where ribociclib comes again
    ribociclib = kinds.has_cdk46i(spec) and "ribociclib" in again
    subgroup = (
        " (MAINTAIN's ribociclib-after-ribociclib subgroup was inconclusive)" if ribociclib else ""
    )
    trials = ("MAINTAIN", "PACE") if ribociclib else spec.key_trials
    where = "other regimens" if len(again) > 1 else "another regimen"
    spent = _nothing_new(i, spec, again)
    if spent is not None:
        return Effect(
            code="nothing_new_after_progression",
            delta=w.same_drug + w.cross_resistant,
            ceiling=2,
            text=f"Progressed on {', '.join(again)} before (in {where}){spent}: "
            + (_CLASS_SPENT if spent else "every part of it has progressed, nothing in it is new")
            + f" to the disease, and no trial the review reports gave such a regimen{subgroup}.",
            trials=trials,
        )
    # fulvestrant progressed on as this combination's partner: at best an alternative (the
    # recheck, 2911e: two CDK4/6 inhibitors with it were preferred after it)
    partner = "fulvestrant" in again and len(spec.drugs) > 1
    return Effect(
        code="progressed_on_drug",
        delta=w.same_drug,
        ceiling=1 if partner else 0,
        text=f"Progressed on {', '.join(again)} before (in {where}); the review has no evidence "
        f"for giving it again{subgroup}" + (": at best an alternative." if partner else "."),
        trials=trials,
    )


#: where the CDK4/6 inhibitor of ``_nothing_new`` is counted by its class (cases 1539, 1555:
#: abemaciclib never given, yet 'every part of it has progressed')
_CLASS_SPENT = (
    "its partner has progressed, and so has its CDK4/6 inhibitor's class (that drug itself "
    "was not given; a switch of CDK4/6 inhibitor alone keeps the partner), so nothing in it is "
    "new"
)


def _nothing_new(i: HistoryInputs, spec: RegimenSpec, again: list[str]) -> str | None:
    """Where every drug of a combination was progressed on, in separate courses (its CDK4/6
    inhibitor counted by its class: a switch changes the partner too, as MAINTAIN did): '' when
    ``again`` names them all, else ', and on palbociclib (a CDK4/6 inhibitor)'; None where
    something in it is new."""
    cdk = [d for d in spec.drugs if drug_class(d) is DrugClass.CDK46_INHIBITOR and d not in again]
    if len(spec.drugs) < 2 or len(again) + len(cdk) < len(spec.drugs):
        return None
    if not cdk:
        return ""
    if not i.cdk46i_resistant or len(cdk) == len(spec.drugs):
        return None
    return f", and on {' and '.join(sorted(i.cdk46i_resistant))} (a CDK4/6 inhibitor)"


def has_degrader(spec: RegimenSpec) -> bool:
    """A regimen with an oestrogen-receptor degrader: fulvestrant or an oral SERD."""
    return not DEGRADER_CLASSES.isdisjoint(kinds.classes(spec))


def _degrader_or_chemotherapy(spec: RegimenSpec) -> bool:
    """A regimen with an oestrogen-receptor degrader, and chemotherapy."""
    return has_degrader(spec) or kinds.is_chemotherapy(spec)


# rule 93: a degrader-based regimen after two degrader courses progressed on
@rule(
    93,
    "A degrader-based regimen after two degraders progressed on",
    H,
    condition="Progression on two or more courses that gave an oestrogen-receptor degrader "
    "(fulvestrant, or an oral SERD), in any regimen, or relapse during a (neo)adjuvant one "
    "(10271), the latest of them under 6 months (a long response to it is endocrine "
    "sensitivity, not its failure: case 745); the reason names them in time order (10250).",
    effect="A regimen with a degrader (a fulvestrant combination, an oral SERD) steps back, at "
    "best a later option (case 646): two courses of a degrader have failed, and no trial "
    "the sources report enrolled after that (the other options keep their own order: 10308). "
    "Chemotherapy, which does not rest on one, is at least an alternative where no other rule caps it, "
    "before any chemotherapy or ADC line too (after one, rule 4 says so), but not at ECOG 3-4, "
    "where rule 13 governs (9881: with ESR1 and PIK3CA mutations after two fulvestrant courses "
    "it was a later option below elacestrant, and nothing was above 'later'); rule 73 steps "
    "aside (10145).",
    codes=("degrader_failed_twice", "chemotherapy_after_degraders"),
    regimens=_degrader_or_chemotherapy,
)
def degrader_failed_twice(i: HistoryInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not (named := i.degraders_failed):
        return
    # two courses failed, not one drug twice (10100: vepdegestrant was never given)
    failed = f"Progressed on {', on '.join(named[:-1])} and on {named[-1]}, the latest within 6 months: two courses of an oestrogen-receptor degrader have failed"
    if kinds.is_chemotherapy(spec):
        if not (i.chemo_lines or i.adc_lines or (i.ecog or 0) >= POOR_ECOG):
            yield after_degraders(failed, spec)
        return
    if not has_degrader(spec):
        return
    yield Effect(
        code="degrader_failed_twice",
        delta=ctx.weights.same_class,
        ceiling=2,
        text=f"{failed}, this regimen rests on one too, and no trial the review reports "
        "enrolled patients after that, so its result may not hold here; at best a later option.",
        trials=spec.key_trials,
    )
