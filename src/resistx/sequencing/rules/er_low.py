"""Rule 114: ER-low disease (oestrogen receptor in 1-10% of tumour cells) puts every option with
an endocrine drug or a CDK4/6 inhibitor (whose benefit rests on the oestrogen receptor's
signalling: abemaciclib alone too) after chemotherapy and the antibody-drug conjugates (case
1218)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import BiomarkerStatus, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.facts import Facts
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, PlanEffect, Precedence, rule
from resistx.sequencing.rules.mechanisms import nothing_left_after_cdk46i


def _through_the_receptor(spec: RegimenSpec) -> bool:
    """An endocrine drug or a CDK4/6 inhibitor (whose benefit rests on the receptor)."""
    return kinds.has_endocrine_drug(spec) or kinds.has_cdk46i(spec)


def _concerned(spec: RegimenSpec) -> bool:
    """Regimens with an endocrine drug or a CDK4/6 inhibitor, and cytotoxic ones (chemotherapy,
    the ADCs)."""
    return _through_the_receptor(spec) or kinds.is_cytotoxic(spec)


# rule 114: ER-low disease: the endocrine options after chemotherapy and the ADCs
@rule(
    114,
    "ER-low disease: the endocrine options after chemotherapy and the ADCs",
    Factor.MOLECULAR,
    condition="hormone_receptor low (ER in 1-10% of tumour cells) and a regimen with an "
    "endocrine drug or a CDK4/6 inhibitor.",
    effect="Chemotherapy and the ADCs gain as under rule 6 (where rule 6 is silent: an ESR1 or "
    "PI3K-pathway finding), their reason leading; the others are at best a later option, after "
    "every option without either "
    "(chemotherapy, the ADCs, a PARP inhibitor where one is matched): ASCO/CAP's 2020 "
    "guideline reports ER-low tumours as heterogeneous, often close to ER-negative disease in "
    "their biology, with limited data on endocrine benefit; neither the review nor the update "
    "file gives a result for ER-low tumours (not in the review). Rule 32 reads no endocrine "
    "sensitivity in it.",
    codes=("er_low_endocrine_later", "er_low_cytotoxic_first"),
    regimens=_concerned,
)
def er_low(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not i.er_low:
        return
    if kinds.is_cytotoxic(spec) and not (kinds.is_trial(spec) or nothing_left_after_cdk46i(i)):
        # rule 6's lift, which an ESR1 or pathway finding keeps silent (the recheck, 1247b)
        yield Effect(
            code="er_low_cytotoxic_first",
            delta=ctx.weights.no_actionable,
            leads=True,
            text="ER-low disease: chemotherapy and the antibody-drug conjugates come before the "
            "endocrine options, whatever ESR1 or the PI3K pathway shows (the drugs those "
            "findings open are given with endocrine therapy).",
            trials=spec.key_trials,
        )
    if _through_the_receptor(spec):
        yield Effect(
            code="er_low_endocrine_later",
            ceiling=2,
            demote=Precedence.RELATIVE_CONTRAINDICATION,
            text="ER-low disease: the guideline that defines it (ASCO/CAP's on ER testing) "
            "reports limited data on endocrine benefit and a biology often close to "
            "ER-negative disease, and neither the review nor the update file gives a result "
            "of this option for ER-low tumours (not in the review): at best a later option, "
            "after chemotherapy and the antibody-drug conjugates.",
            trials=spec.key_trials,
        )


# rule 117: ER-low disease beside signs of oestrogen dependence: re-assess ER before choosing
@rule(
    117,
    "ER-low disease beside signs of oestrogen dependence: re-assess ER before choosing",
    None,
    condition="hormone_receptor low, with an ESR1 mutation on record or 12 months or more on a "
    "CDK4/6 inhibitor for metastatic disease.",
    effect="An action, before choosing (not in a visceral crisis): re-assess ER (and PR) on a "
    "current biopsy; an ESR1 mutation, acquired under endocrine therapy, and a long response to "
    "a CDK4/6 inhibitor show a tumour that depends on the oestrogen receptor, and an "
    "ER-positive result puts the endocrine options back (rule 114 reads the profile's ER; the "
    "rechecks of case 1218: 1247b, 1287, 1289).",
    codes=("reassess_er",),
)
def reassess_er(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    if not facts.profile.er_low:
        return
    signs = [
        *(["an ESR1 mutation on record"] if facts.found("ESR1", BiomarkerStatus.MUTATED) else []),
        *(["12 months or more on a CDK4/6 inhibitor"] if facts.long_cdk46i else []),
    ]
    if signs:
        yield PlanEffect(
            code="reassess_er",
            genes=("ESR1",) if facts.found("ESR1", BiomarkerStatus.MUTATED) else (),
            first=not facts.profile.visceral_crisis,
            text=f"ER-low disease beside {' and '.join(signs)}, which show a tumour that depends "
            "on the oestrogen receptor: re-assess ER (and PR) on a current biopsy before "
            "choosing (not in the review); an ER-positive result puts the endocrine options "
            "back before chemotherapy (rule 114).",
        )
