"""The practice-2026 rule 32: endocrine-sensitive disease (postMONARCH's population, an
induction or an adjuvant reading of it) with no usable target gets another endocrine-based
line before chemotherapy and before an ADC whose trial it is outside."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import Factor, Her2Status
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.endocrine_first import (
    destiny_breast04,
    only_monotherapy_for_esr1,
    visceral_within_approval,
)
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.postmonarch import POSTMONARCH_ENTRIES
from resistx.sequencing.rule import Context, Effect, rule
from resistx.sequencing.rules import sensitive_chemotherapy as cytotoxic
from resistx.sequencing.rules.figures import figures
from resistx.sequencing.unusable import pathway_held_back, rule_32_unusable
from resistx.sequencing.weights import Weights

M = Factor.MOLECULAR


#: what makes the disease endocrine-sensitive, as rule 32 says it (``endocrine_sensitive``)
#: (not short: from short_cdk46i_months on, 6 by default; from 12 until session 66, 7428b)
_NOT_SHORT = (
    "a first-line CDK4/6-inhibitor course of 6 months or more, not short by this plan's "
    "threshold: secondary, not primary, endocrine resistance by ESO-ESMO's fifth consensus, "
    "read here as responsive to a further endocrine-based line; postMONARCH set no minimum, "
    "its benefit reported larger after 12 months or more (a secondary source, no figures); "
    "neither in the review"
)
_SENSITIVE = {
    "metastatic": _NOT_SHORT,
    "induction": f"{_NOT_SHORT}, after induction chemotherapy that ended without progression "
    "in the same line",
    "toxicity": f"{_NOT_SHORT}; a later line stopped for toxicity or by the patient's choice "
    "without progression is not read as another line",
    "adjuvant": "not primary endocrine resistance: relapse on or after adjuvant endocrine "
    "therapy with a CDK4/6 inhibitor, 24 months or more into it, is secondary resistance by "
    "ESO-ESMO's fifth consensus (not in the review), and postMONARCH's adjuvant population; "
    "read here as sensitive to a further endocrine-based line",
}


#: the ADCs' trial entries that endocrine-sensitive disease is outside (rule 32), by whether the
#: regimen is trastuzumab deruxtecan (else datopotamab deruxtecan: case 1037)
_ENTRY = {
    True: "DESTINY-Breast06's entry (2 or more endocrine lines, or progression within 6 months "
    "on first-line endocrine therapy with a CDK4/6 inhibitor)",
    False: "TROPION-Breast01's entry (progression on endocrine therapy, and endocrine therapy "
    "unsuitable)",
}


#: how rule 32's postMONARCH evidence names the arms for a regimen that was one of them
_ARMS = {"fulvestrant": "fulvestrant alone as its control arm, and abemaciclib + fulvestrant"}


# rule 32: endocrine-sensitive disease: another endocrine-based line before chemotherapy
@rule(
    32,
    "Endocrine-sensitive disease: another endocrine-based line before chemotherapy",
    M,
    condition="As rule 6 (tested without an actionable alteration after a CDK4/6 inhibitor, "
    "or with a PI3K-pathway one that diabetes needing insulin leaves no drug for, case 1077, "
    "or an HbA1c of 8.0% or more none for now, case 7846, or whose drugs the patient declines, "
    "case 7917, or each found unusable for its own reason, case 8081), "
    "with a CDK4/6-inhibitor course for metastatic disease not short (short_cdk46i_months or "
    "more, 6 by default: ESO-ESMO's secondary resistance; 12 until session 66, 7428b), no "
    "visceral crisis (nor liver metastases "
    "with hepatic impairment, rule 124: case 1481; nor leptomeningeal metastases, whose "
    "threat rule 121 asks: case 7973), no chemotherapy and "
    "no other line of any kind for metastatic disease (postMONARCH's population; case 557: a "
    "PARP inhibitor line is one; chemotherapy given as induction, ended without progression "
    "before the CDK4/6 inhibitor began, numbered or not, is not: case 1037; nor is a line whose "
    "every course stopped for toxicity or by the patient's choice without progression: cases "
    "1149, 1516), or, with nothing yet "
    "for metastatic disease, relapse on or "
    "after an adjuvant CDK4/6 inhibitor 24 months or more into adjuvant endocrine therapy "
    "(postMONARCH's adjuvant population, not primary resistance: case 780); an RB1 loss "
    "leaves out the CDK4/6 inhibitors (rule 27), not the sensitivity. Rule 6 is silent for "
    "this patient under practice-2026.",
    effect="With an ESR1 mutation whose drugs are unusable and every endocrine partner "
    "declined (drugs by mouth, or both their kinds), silent: endocrine therapy alone is all "
    "that is left, and EMERALD's standard endocrine arm gave ESR1-mutated disease 1.9 months "
    "(8355): rule 6 speaks instead. Otherwise endocrine-based regimens with an endocrine drug gain (not abemaciclib alone, nor "
    "the PI3K and AKT inhibitors that diabetes holds back, whose own reasons say why: 7912; "
    "abemaciclib+fulvestrant more, by rule 37: "
    "postMONARCH's result, against fulvestrant alone); chemotherapy steps back, and so does "
    "trastuzumab deruxtecan, a later option (the next line): this patient is outside "
    "DESTINY-Breast06's entry, and that trial compared it with chemotherapy, not another "
    "endocrine line; so does datopotamab deruxtecan, outside TROPION-Breast01's entry "
    "(endocrine therapy unsuitable; case 1037). Not trastuzumab deruxtecan for HER2-low "
    "disease after chemotherapy for metastatic disease, induction too: DESTINY-Breast04's "
    "population (case 1071), where postMONARCH's result is extended, not shown. The review's "
    "Discussion "
    "sends this patient to chemotherapy; postMONARCH and the guidelines since keep an "
    "endocrine-based line first. With liver or lung metastases on record in HER2-low disease, "
    "trastuzumab deruxtecan within its approval (after endocrine therapy for metastatic "
    "disease) does not step back: postMONARCH reported a larger benefit without visceral "
    "metastases, and DESTINY-Breast06 beat chemotherapy (8571; case 1200); its reason leads. "
    "Not in HER2-ultralow disease, whose subgroup has no figure of its own in the pack (8977). "
    "With an ESR1 or PI3K-pathway target found "
    "(and a drug for it), only chemotherapy steps back, behind the endocrine lines (case 1450: "
    "a PTEN loss put it above everolimus + exemestane); with ESR1 or the pathway untested, the "
    "ADCs outside DESTINY-Breast04's population step back behind the endocrine lines too, as "
    "any result keeps one first (case 7978), a later option until the results are read (9678). "
    "After progression on fulvestrant (postMONARCH's partner), the reasons of chemotherapy and "
    "the ADCs that step back claim no order between them and the endocrine lines left, which "
    "their own labels place (9669).",
    codes=(
        "endocrine_sensitive_endocrine_first",
        "endocrine_sensitive_chemotherapy_later",
        "endocrine_sensitive_adc_later",
        "endocrine_sensitive_visceral_adc",
    ),
    trials=("postMONARCH",),
    regimens=kinds.is_endocrine_or_cytotoxic,
)
def endocrine_sensitive(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    usable = not i.pathway_unusable  # a pathway finding no drug can act on (case 1077)
    if not i.post_cdk46i or not i.endocrine_sensitive or kinds.is_investigational(spec):
        return
    if not (i.tested_without_actionable or not usable):
        yield from _target_or_tests_pending(i, spec, ctx)
        return
    if pathway_held_back(i.pathway_unusable) and kinds.has_pi3k_or_akt_inhibitor(spec):
        return  # the drugs held back themselves: their own reasons say why (7912)
    if only_monotherapy_for_esr1(i):
        return  # rule 6 speaks instead (``practice2026``)
    none = "no ESR1 or PI3K-pathway target" if usable else rule_32_unusable(i)
    trial = "postMONARCH"
    found = figures(ctx, trial, "abemaciclib+fulvestrant", "ITT")
    own = spec.id == "abemaciclib+fulvestrant"
    said = (
        f"postMONARCH: {found}"
        if own
        else f"postMONARCH, after {_entry(i.postmonarch_population)} and no other line, gave "
        f"{_ARMS.get(spec.id, 'abemaciclib + fulvestrant')}: {found}"
    )
    # postMONARCH allowed no other therapy for advanced disease (case 1071)
    after = _EXTENDED.get(i.endocrine_sensitive, "") or _OUTSIDE * (not i.postmonarch_population)
    evidence = f" ({said}{after})" if found else ""
    if kinds.is_endocrine_based(spec) and kinds.has_endocrine_drug(spec):
        yield Effect(
            code="endocrine_sensitive_endocrine_first",
            delta=ctx.weights.endocrine_sensitive_endocrine,
            leads=True,
            text=f"Endocrine-sensitive disease ({_SENSITIVE[i.endocrine_sensitive]}, no "
            f"visceral crisis on record) with {none}: another endocrine-based line before "
            f"chemotherapy{evidence}.",
            trials=(trial,) if own else (*spec.key_trials, trial),
        )
    elif visceral_within_approval(i, spec):
        yield _visceral(none, spec, trial)
    elif kinds.is_tdxd_or_datodxd(spec) and not destiny_breast04(i, spec):
        # endocrine-sensitive (a course not short, one endocrine line) is outside their entry
        yield _adc_later(i, spec, f"with {none}", evidence, ctx.weights)
    elif kinds.is_chemotherapy(spec):
        yield cytotoxic.chemotherapy_later(
            none, "" if i.after_fulvestrant else evidence, spec, ctx.weights, i.after_fulvestrant
        )


def _adc_later(
    i: MolecularInputs, spec: RegimenSpec, none: str, evidence: str, w: Weights
) -> Effect:
    """Rule 32 for an ADC outside its trial's entry (``none``: 'with' what is missing): the
    next line, a later option."""
    return Effect(
        code="endocrine_sensitive_adc_later",
        delta=w.endocrine_sensitive_cytotoxic,
        ceiling=2,  # the next line: after the endocrine-based ones
        text=f"Endocrine-sensitive disease {none}, outside "
        f"{_ENTRY[kinds.is_tdxd(spec)]}, which compared it with chemotherapy, not another "
        "endocrine line: "
        + (
            cytotoxic.LEFT_AFTER_FULVESTRANT.format("this")
            if i.after_fulvestrant
            else f"an endocrine-based line comes first{evidence}."
        )
        + (_ULTRALOW_SITES if i.her2 is Her2Status.ULTRALOW else _SITES).format(
            here=" (on record here)" if i.liver_or_lung else " (none on record here)",
            approval=_APPROVAL[i.endocrine_sensitive != "adjuvant"],
        )
        * kinds.is_tdxd(spec),
        trials=(*spec.key_trials, "postMONARCH"),
    )


def _visceral(none: str, spec: RegimenSpec, trial: str) -> Effect:
    """Rule 32 for trastuzumab deruxtecan within its approval beside liver or lung metastases
    (``endocrine_first.visceral_within_approval``; 8571)."""
    return Effect(
        code="endocrine_sensitive_visceral_adc",
        text=f"Endocrine-sensitive disease with {none}, but with liver or lung metastases: "
        "trastuzumab deruxtecan, within its approval, does not step back behind another "
        "endocrine line (postMONARCH reported a larger benefit without visceral "
        "metastases: its report, a secondary source; no figures).",
        trials=(*spec.key_trials, trial),
    )


def _target_or_tests_pending(
    i: MolecularInputs, spec: RegimenSpec, ctx: Context
) -> Iterator[Effect]:
    """Rule 32 short of no usable target: a target found (not acted on with progression, 6658)
    leaves the disease endocrine-sensitive, chemotherapy after the endocrine lines, the
    target's among them (1450); tests pending step the ADCs back (case 7978)."""
    acted = i.targets_acted_on
    target = (i.esr1 is not None and "ESR1" not in acted) or (
        i.akt_pathway is not None and "PI3K pathway" not in acted
    )
    if target and kinds.is_chemotherapy(spec):
        yield cytotoxic.chemotherapy_after_target(
            _SENSITIVE[i.endocrine_sensitive], ctx.weights.endocrine_sensitive_cytotoxic
        )
    elif not target and _pending(i) and kinds.is_tdxd_or_datodxd(spec):
        yield from _tests_pending(i, spec, ctx)


def _pending(i: MolecularInputs) -> bool:
    """ESR1 or the PI3K pathway with no current result: any answer keeps an endocrine-based
    line first here, a target's or the endocrine-sensitive one (case 7978)."""
    esr1 = i.esr1 is None and not i.esr1_negative_current
    return esr1 or (i.akt_pathway is None and not i.pam_negative)


def _tests_pending(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    """Rule 32 while ESR1 or the pathway is untested: the ADCs outside DESTINY-Breast04's
    population step back, as with no target (case 7978: trastuzumab deruxtecan came first while
    the tests were pending)."""
    if destiny_breast04(i, spec):
        return
    yield Effect(
        code="endocrine_sensitive_adc_later",
        delta=ctx.weights.endocrine_sensitive_cytotoxic,
        ceiling=2,
        text=f"Endocrine-sensitive disease ({_SENSITIVE[i.endocrine_sensitive]}, no visceral "
        "crisis on record) with ESR1 or the PI3K pathway still to be tested: whatever they "
        "find, an endocrine-based line comes first (the target's, or postMONARCH's with none), "
        f"so {spec.name} steps back, a later option, until the results are read.",
        trials=(*spec.key_trials, "postMONARCH"),
    )


#: postMONARCH's entry said after induction chemotherapy (update-2026.md section 1; case 1071)
#: or a line stopped for toxicity (case 1149)
_EXTENDED = {
    why: "; it allowed no other therapy for advanced disease, so after "
    f"{what} its result is extended here, not shown"
    for why, what in (
        ("induction", "induction chemotherapy"),
        ("toxicity", "a line stopped for toxicity or by choice"),
    )
}


#: postMONARCH's population is not this patient's (cases 1524, 1658: a CDK4/6 inhibitor given
#: with fulvestrant)
_OUTSIDE = (
    "; this patient is outside its population (a CDK4/6 inhibitor given with an aromatase "
    "inhibitor, then no other line), so its result is extended here, not shown"
)


#: how rule 32 weighs the sites of metastasis (case 1200: liver metastases were read as
#: bone-only disease; 8571: and still held trastuzumab deruxtecan back; 8977: not ultralow)
_SITES = (
    " With liver or lung metastases{here}, trastuzumab deruxtecan{approval} does not step "
    "back: postMONARCH reported a larger benefit without visceral metastases (its report, a "
    "secondary source; no figures)."
)
_ULTRALOW_SITES = (
    " In HER2-ultralow disease trastuzumab deruxtecan{approval} steps back with liver or lung "
    "metastases{here} too: the evidence pack holds no figure of the ultralow subgroup's own."
)
#: ... where nothing has yet been given for metastatic disease, its approvals (endocrine
#: therapy or chemotherapy for metastatic disease first) do not cover her (case 2652b)
_APPROVAL = {
    True: ", within its approval,",
    False: ", once its approval covers her (it does not yet cover relapse on adjuvant therapy "
    "before any endocrine therapy or chemotherapy for metastatic disease),",
}


def _entry(entry: str) -> str:
    """postMONARCH's entry the patient meets, or both where she meets neither (case 2328)."""
    said = POSTMONARCH_ENTRIES.get(entry)
    if said is None:
        return (
            "progression on a CDK4/6 inhibitor with an aromatase inhibitor, or recurrence on or "
            "after a (neo)adjuvant one,"
        )
    return said[:1].lower() + said[1:]
