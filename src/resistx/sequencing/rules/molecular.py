"""Factor 1 (review, Discussion): the molecular aberrations present at this time point.

ESR1 -> oral SERD (rule 1); germline BRCA1/2 or PALB2, somatic BRCA1/2 -> PARP inhibitors
(rule 5; their place before chemotherapy: ``parp``); the PI3K-AKT pathway (rule 2) has its own
module (``pathway``). A finding from
before the latest progression counts half (stale_factor).
"""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.findings import Finding
from resistx.sequencing.hrd import germline_brca, parp_targets
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, rule
from resistx.sequencing.rules.hrd_tests import talazoparib_waits_on_germline
from resistx.sequencing.rules.parp_absent import no_parp_target

M = Factor.MOLECULAR


def weight(f: Finding, ctx: Context) -> float:
    return ctx.weights.stale_factor if f.stale else 1.0


# rule 1: eSR1 mutation: oral SERD
@rule(
    1,
    "ESR1 mutation: oral SERD",
    M,
    condition="A current ESR1 mutation (a ctDNA positive after the latest progression stands "
    "against a negative tissue test of the same time).",
    effect="Oral SERDs score a biomarker match (half if the mutation predates the latest "
    "progression); ESR1 not mutated on a test since the latest progression: they score "
    "against, except an oral SERD given with a CDK4/6 inhibitor, whose trial compared it in all "
    "patients (EMBER-3); a negative from before it counts as no current result. With no "
    "current result an oral SERD alone waits on one (below every option that does not wait).",
    codes=(
        "esr1_mutation_matches_oral_serd",
        "esr1_not_mutated",
        "esr1_does_not_select_combination",
        "esr1_negative_stale",
        "esr1_untested",
    ),
    trials=("EMERALD", "SERENA-2"),
    references=(65, 66, 68),
    regimens=kinds.is_oral_serd,
)
def esr1_oral_serd(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if not kinds.has_class(spec, DrugClass.ORAL_SERD):
        return
    if (f := i.esr1) is not None:
        yield Effect(
            code="esr1_mutation_matches_oral_serd",
            delta=ctx.weights.match * weight(f, ctx),
            text=f"ESR1 mutation {f.describe()}: {_after_the_review(spec)}",
            trials=spec.key_trials,
        )
    elif i.esr1_negative and not i.esr1_negative_current:
        yield Effect(
            code="esr1_negative_stale",
            # the test's date, or an endocrine course after it (9790: 11 days after the latest
            # progression, then alpelisib + fulvestrant)
            text="ESR1 not detected on a test that is not current (from before the latest "
            "progression, not dated after it, or followed by an endocrine course): ESR1 "
            "mutations are acquired under endocrine therapy, so a current result decides "
            "whether an oral SERD is preferred" + _waits(spec),
            waits_on=_waits_on(spec),
            trials=spec.key_trials,
        )
    elif i.esr1_negative and kinds.has_cdk46i(spec):
        yield Effect(
            code="esr1_does_not_select_combination",
            text=f"{esr1_absent(i)}: {' and '.join(spec.key_trials)} compared this combination "
            "with the oral SERD alone in all patients, not by ESR1 status, so ESR1 does not "
            "select it.",
            trials=spec.key_trials,
        )
    elif i.esr1_negative:
        yield Effect(
            code="esr1_not_mutated",
            delta=ctx.weights.against,
            text=f"{esr1_absent(i)}: the ESR1-mutant subgroup drew the greater benefit from oral "
            "SERDs, so an oral SERD is not preferred.",
            trials=(*spec.key_trials, "acelERA"),
        )
    else:
        yield Effect(
            code="esr1_untested",
            text="ESR1 status unknown: a current ESR1 result decides whether an oral SERD is "
            "preferred" + _waits(spec),
            waits_on=_waits_on(spec),
            trials=spec.key_trials,
        )


def _after_the_review(spec: RegimenSpec) -> str:
    """Why an ESR1 mutation selects the degrader: the review's words for its oral SERDs, its
    own trial for one after the review (case 1137: vepdegestrant is no SERD)."""
    if kinds.is_vepdegestrant(spec):
        return (
            "vepdegestrant, an oral PROTAC oestrogen-receptor degrader (not a SERD; not in the "
            "review), beat fulvestrant in ESR1-mutated disease in VERITAC-2."
        )
    if kinds.has_imlunestrant(spec):
        return (
            "imlunestrant, an oral SERD not in the review, beat standard endocrine therapy in "
            "ESR1-mutated disease in EMBER-3; the review prefers oral SERDs there."
        )
    return (
        "oral SERDs overcome ESR1-mutant resistance; the review prefers them for ESR1-mutated "
        "disease."
    )


def _waits_on(spec: RegimenSpec) -> str | None:
    """An oral SERD alone waits on the ESR1 result that decides it (case 422); one given with
    another drug does not (its trial compared it in all patients, or the partner decides it)."""
    return "ESR1" if set(kinds.classes(spec)) == {DrugClass.ORAL_SERD} else None


def _waits(spec: RegimenSpec) -> str:
    return "; its place waits on that result." if _waits_on(spec) else "."


def esr1_absent(i: MolecularInputs) -> str:
    """How a reason says there is no ESR1 mutation: not mutated, or only a variant of uncertain
    significance, which the plan does not count as one (rule 45)."""
    return (
        "ESR1: a variant of uncertain significance only, not counted as a mutation"
        if i.esr1_vus
        else "ESR1 not mutated"
    )


# rule 5: homologous-recombination genes: PARP inhibitor
@rule(
    5,
    "Homologous-recombination genes: PARP inhibitor",
    M,
    condition="Germline BRCA1/2 or PALB2, or a somatic BRCA1/2 mutation (pathogenic).",
    effect="Olaparib scores a match (talazoparib by class, and fully for germline BRCA1/2, for "
    "which both are approved on trials the review cites without names or figures: OlympiAD "
    "and EMBRACA, "
    "HER2-negative disease); with BRCA1, BRCA2 or PALB2 never tested both wait on the test; "
    "with BRCA1/2 tested in the germline only, olaparib waits on a tumour test (TBCRC 048's "
    "somatic mutations) and talazoparib, whose trial selected germline mutations, is excluded; "
    "a tumour BRCA1/2 mutation with no germline result for the gene is of unknown origin, and "
    "talazoparib waits on the germline test; with all three tested in the tumour only and "
    "no mutation, both wait on the germline test (germline_untested); "
    "otherwise both are excluded (biomarker_absent).",
    codes=(
        "hrd_mutation_matches_parp_inhibitor",
        "hrd_mutation_matches_parp_inhibitor_class",
        "brca_origin_unknown",
        "germline_brca_matches_parp_inhibitor",
        "hrd_untested",
        "somatic_brca_untested",
        "germline_untested",
        "biomarker_absent",
    ),
    trials=("TBCRC 048",),
    references=(74, 75, 76),
    regimens=kinds.is_parp_inhibitor,
)
def parp_inhibitor(i: MolecularInputs, spec: RegimenSpec, ctx: Context) -> Iterator[Effect]:
    if spec.kind.value != "parp_inhibitor":
        return
    if not i.parp:
        yield no_parp_target(i, spec)
        return
    best = max(i.parp, key=lambda f: (weight(f, ctx), f.gene))
    genes = ", ".join(parp_targets(i.parp, unknown=i.brca_origin_unknown))
    any_germline_brca = any(map(germline_brca, i.parp))
    match = ctx.weights.match * weight(best, ctx)
    if any_germline_brca:
        yield Effect(
            code="germline_brca_matches_parp_inhibitor",
            delta=match,
            text=f"{genes} mutation {best.describe()}: olaparib and talazoparib are approved for "
            "germline BRCA-mutated HER2-negative metastatic breast cancer, hormone-receptor-"
            "positive included (the trials of review refs 74-75, in patients without a prior "
            "CDK4/6 inhibitor); their use here extends that.",
            references=spec.references,
        )
    elif spec.id == "talazoparib" and i.brca_origin_unknown:
        yield talazoparib_waits_on_germline(i, best.describe(), match / 2, spec)
    elif spec.id == "talazoparib":
        yield Effect(
            code="hrd_mutation_matches_parp_inhibitor_class",
            delta=match / 2,
            text=f"{genes} mutation {best.describe()}: TBCRC 048 tested olaparib; talazoparib is "
            "another PARP inhibitor, supported here by class only." + _LABEL_IF_GERMLINE[False],
            trials=spec.key_trials,
        )
    else:
        yield Effect(
            code="hrd_mutation_matches_parp_inhibitor",
            delta=match,
            text=f"{genes} mutation {best.describe()}: TBCRC 048 saw responses with germline "
            "PALB2 and somatic BRCA1/2 mutations, also after a CDK4/6 inhibitor."
            + _LABEL_IF_GERMLINE[bool(i.brca_origin_unknown)],
            trials=spec.key_trials,
        )


#: the PARP inhibitors' US labels (germline BRCA1/2) for a finding they do not name, by whether
#: the finding may yet prove germline (a tumour BRCA1/2 mutation of unknown origin)
_LABEL_IF_GERMLINE = (
    " Their US labels are for germline BRCA1/2 mutations: here it is given outside its label "
    "(not in the review).",
    " Their US labels are for germline BRCA1/2 mutations: within its label only if the germline "
    "test finds it (not in the review).",
)


@rule(
    17,
    "No biomarker selects it",
    M,
    condition="No other molecular rule speaks for the regimen.",
    effect="A neutral reason: the regimen needs no biomarker, or none on record selects it.",
    codes=("no_biomarker_required", "no_matching_biomarker"),
    fallback=True,
)
def no_biomarker(_i: MolecularInputs, spec: RegimenSpec, _ctx: Context) -> Iterator[Effect]:
    if kinds.is_cytotoxic(spec):
        yield Effect(
            code="no_biomarker_required",
            text=f"{spec.name} needs no biomarker.",
            trials=spec.key_trials,
        )
    else:
        yield Effect(
            code="no_matching_biomarker",
            text=f"No biomarker on record selects {spec.name}.",
            trials=spec.key_trials,
        )
