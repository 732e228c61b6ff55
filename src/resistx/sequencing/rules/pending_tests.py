"""Factor 1, continued: the tests of a progression still to come after chemotherapy lines for
metastatic disease (rule 158). Rule 6 says what the plan is once the tests find nothing
actionable; until they are read, the endocrine-based regimens without a target had only their
evidence and toxicity to place them, and endocrine monotherapy came first (case 7603)."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import DrugClass, Factor
from resistx.model.regimen import RegimenSpec
from resistx.sequencing import kinds
from resistx.sequencing.inputs import MolecularInputs
from resistx.sequencing.rule import Context, Effect, rule
from resistx.sequencing.rules.mechanisms import nothing_left_after_cdk46i

M = Factor.MOLECULAR
#: cytotoxic lines for metastatic disease (chemotherapy, an ADC) from which it holds: the
#: reviewers' cases had two or more (7590, 7591, 7597, 7603, 7612). Before them the review's
#: sequencing factors (the response to endocrine therapy) leave an endocrine line while the
#: tests are read to the clinician: the step is not taken (the recheck asked, 7750b)
CYTOTOXIC_LINES = 2
#: the classes whose place waits on the tests themselves (an oral SERD on ESR1, a PI3K or AKT
#: inhibitor on the pathway): rules 1 and 2 place them
_WAIT_ON_THE_TESTS = frozenset({DrugClass.ORAL_SERD, *kinds.PI3K_OR_AKT})


def _applies(i: MolecularInputs) -> bool:
    # a target acted on (progression on its drug) is no target left, as rule 6 reads it (the
    # recheck, 7753a: abemaciclib ranked first after elacestrant for an ESR1 mutation)
    esr1 = i.esr1 is not None and not i.after_oral_serd
    pathway = (i.pik3ca is not None or i.akt_pathway is not None) and not i.after_pi3k_or_akt
    known = esr1 or pathway
    return (
        i.post_cdk46i
        and _lines(i) >= CYTOTOXIC_LINES
        and not known
        and not nothing_left_after_cdk46i(i)
    )


def _lines(i: MolecularInputs) -> int:
    """Cytotoxic lines for metastatic disease: chemotherapy, and an ADC (its payload)."""
    return i.chemotherapy_lines + i.adc_lines


# rule 158: tests pending after chemotherapy lines: endocrine-based regimens step back
@rule(
    158,
    "Tests pending after chemotherapy lines: endocrine therapy without a target steps back",
    M,
    condition="After progression on a CDK4/6 inhibitor and two or more cytotoxic lines for "
    "metastatic disease (chemotherapy or an ADC), with no ESR1 mutation or PI3K-pathway "
    "alteration on record that is not already acted on (progression on its drug), and ESR1 "
    "and the pathway not yet tested as rule 6 reads them (not since the latest progression, "
    "or by PCR only). Not before two such lines: there the review's sequencing factors leave "
    "an endocrine line while the tests are read to the clinician.",
    effect="Endocrine-based regimens lose as under rule 6, and their reason leads, except those "
    "whose place the tests themselves decide (an oral SERD, a PI3K or AKT inhibitor); "
    "chemotherapy and the ADCs gain nothing (the tests may still open a targeted drug): no "
    "answer of the tests puts an endocrine regimen without a target first (case 7603).",
    codes=("tests_pending_endocrine_steps_back",),
    regimens=kinds.is_endocrine_based,
)
def tests_pending_after_chemotherapy(
    i: MolecularInputs, spec: RegimenSpec, ctx: Context
) -> Iterator[Effect]:
    if kinds.is_trial(spec) or _WAIT_ON_THE_TESTS.intersection(kinds.classes(spec)):
        return
    if not _applies(i):
        return
    yield Effect(
        code="tests_pending_endocrine_steps_back",
        delta=ctx.weights.no_actionable_endocrine,
        leads=True,
        text=f"After {_lines(i)} cytotoxic lines for metastatic disease, with a test of ESR1 "
        "or the PI3K pathway still to be read at this progression and no ESR1 or pathway "
        "target on record that is not already acted on: an endocrine-based regimen without a "
        "target is not what any answer puts first (an ESR1 mutation opens an oral SERD, a "
        "pathway alteration its inhibitor, and with nothing actionable the review prefers "
        "chemotherapy and ADCs), so it steps back behind them until the results are read.",
        trials=spec.key_trials,
    )
