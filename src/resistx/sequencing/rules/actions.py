"""Plan-level rules: steps before choosing (retest, HER2, ERBB2 against HER2, germline:
rules 15, 25, 42); regulatory status (24) is in ``regulatory``, the HRD genes' tests (26) in ``hrd_tests``;
disagreements between results and variants of uncertain significance are in ``results``."""

from __future__ import annotations

from collections.abc import Iterator

from resistx.model.enums import BiomarkerStatus, Her2Status
from resistx.sequencing import germline, kinds
from resistx.sequencing.build_inputs import by_pcr_only, doubtful
from resistx.sequencing.exhausted import pathway_tried, stale_negative, target_left
from resistx.sequencing.facts import PAM_GENES, Facts
from resistx.sequencing.hrd import parp_declined, platinum_resistant
from resistx.sequencing.pten_ihc import pten_unconfirmed
from resistx.sequencing.reliability import course_for_esr1, esr1_before
from resistx.sequencing.rule import Context, PlanEffect, rule
from resistx.sequencing.rules.hrd_tests import parp_closed_for, parp_named
from resistx.sequencing.rules.pathway_lines import past_pathway_trial_lines
from resistx.sequencing.rules.pathway_partner import partner_progressed
from resistx.sequencing.rules.results import adequate_fraction, ctdna_negative, draw_found_tumour
from resistx.sequencing.rules.serena6 import line_start
from resistx.sequencing.rules.timing import (
    before_choosing,
    cytotoxics_declined,
    er_low_first,
    for_next_line,
    least_toxic_first,
    least_toxic_later,
    not_at_progression,
    oral_declined,
)
from resistx.sequencing.rules.tissue_check import confirm_tissue, tissue_for_oral_declined
from resistx.vocab.drugs import drug_class


def _why_retest(genes: list[str]) -> str:
    """Why a retest is asked, for the genes it asks for only (cases 442, 447)."""
    why = ["ESR1 mutations are acquired under endocrine therapy"] if "ESR1" in genes else []
    if set(genes) & set(PAM_GENES):
        why.append("a PI3K-AKT-mTOR alteration opens a pathway inhibitor")
    return f"{', and '.join(why)}; the results decide the next line."


# rule 15: retest
@rule(
    15,
    "Retest",
    None,
    condition="No ESR1 or PI3K-pathway result, one older than the latest progression, a PCR-only "
    "'not detected', or a PTEN loss by IHC only or on ctDNA only; not ESR1 once a mutation of "
    "it was acted on (progression on an oral SERD): no result could change the choice (5903).",
    effect="An action to retest by ctDNA or rebiopsy (retest; PIK3CA also when another pathway "
    "gene is altered, since alpelisib waits on it), by NGS (retest_ngs), or to confirm by NGS "
    "(confirm_ngs; a loss on ctDNA on a tissue biopsy); when the PI3K pathway is negative on ctDNA alone, to confirm on tissue "
    "(confirm_pathway_tissue; with ESR1 too, confirm_tissue, before nothing-actionable moves "
    "the plan to chemotherapy; in a visceral crisis beside chemotherapy, which does not wait "
    "for it): a low-shedding tumour can be missed. When the same draw found a somatic mutation "
    "it held tumour DNA: ESR1 is not asked again, and the pathway's confirmation says plasma "
    "can still miss what tissue finds, on which the PI3K and AKT inhibitors wait (cases 477, "
    "481); it comes before choosing only when no endocrine target is left, so that the plan "
    "turns to chemotherapy for lack of one (case 548), and not after progression on a PI3K, AKT "
    "or mTOR inhibitor, after which the others step back (rule 11; case 1060). In a visceral "
    "crisis each test is for the next line and does not come before choosing; with no "
    "progression on record for metastatic disease (a course stopped for toxicity, a partner "
    "going on through a hold) the pathway's tests are for the next progression, ESR1's not: it "
    "can move the partner from an aromatase inhibitor (cases 1653, 1245); after progression on a "
    "PI3K, AKT or mTOR inhibitor a pathway gene's negative from before the latest progression "
    "is retested after choosing, since a finding would open the others only stepped back "
    "(rule 11; cases 1736, 1747b), unless a test comes before choosing all the same: then on "
    "the same panel, a stepped-back finding able to come first where nothing else is preferred "
    "(cases 1786, 1791). Where the patient declines chemotherapy and the ADCs, "
    "what a short course or ER-low disease puts first is gone, and the tests come before "
    "choosing (case 1782). At ECOG 3-4 the pathway's tests are for a later choice, ESR1's not: "
    "rule 13 puts the pathway inhibitors after the least toxic options (9275, 9278).",
    codes=("retest", "retest_ngs", "confirm_ngs", "confirm_tissue", "confirm_pathway_tissue"),
    trials=("FAKTION", "CAPItello-291"),
    references=(50,),
)
def retest(facts: Facts, ctx: Context) -> Iterator[PlanEffect]:
    pathway_found = any(facts.found(g) for g in PAM_GENES)
    missing = _missing(facts, pathway_found)
    # with no progression on record, the pathway's tests wait for one (case 1653); ESR1 can
    # move the partner from an aromatase inhibitor now (case 1245)
    later = [g for g in missing if g != "ESR1"] if not_at_progression(facts) else []
    # at ECOG 3-4 the pathway inhibitors come after the least toxic options (rule 13): their
    # tests are for a later choice, ESR1's not (9275)
    frail = (
        [g for g in missing if g != "ESR1" and g not in later] if least_toxic_first(facts) else []
    )
    # ... and after a pathway inhibitor, a finding would open the others only stepped back (1736)
    stepped = [
        g
        for g in missing
        if g in PAM_GENES and g not in later and g not in frail and stale_negative(facts, g)
    ]
    if now := [g for g in missing if g not in later and g not in stepped and g not in frail]:
        first = before_choosing(facts, endocrine=True)
        if first:  # one panel: a stepped-back finding can still come first (cases 1786, 1791)
            now, stepped = [*now, *stepped], []
        when = (now == ["ESR1"] and esr1_course_since(facts)) or _when(facts)
        yield _retest(facts, now, when, first, for_next_line(facts, endocrine=True))
    if later:
        yield _retest(facts, later, "at the next progression", False, _NOT_NOW)
    if frail:
        yield _retest(
            facts,
            frail,
            _when(facts),
            False,
            least_toxic_later(facts, "a PI3K, AKT or mTOR inhibitor"),
        )
    if stepped:
        tried = pathway_tried(facts)
        yield _retest(facts, stepped, _when(facts), False, _STEPPED_BACK.format(tried))
    pcr = tuple(g for g in PAM_GENES if (st := facts.genes.get(g)) is not None and by_pcr_only(st))
    pten_only = pten_unconfirmed(facts)
    if pcr and (not pathway_found or pten_only):  # an IHC loss settles no NGS question
        yield PlanEffect(
            code="retest_ngs",
            genes=pcr,
            first=before_choosing(facts, endocrine=True),
            text=f"{', '.join(pcr)} 'not detected' by PCR only: retest by NGS; in FAKTION's "
            "expanded NGS analysis more tumours were pathway-altered than by ddPCR."
            f"{for_next_line(facts, endocrine=True)}",
        )
    if not missing and ctdna_negative(facts, PAM_GENES):
        yield _confirm_on_tissue(facts, ctx)
    if pten_only:
        yield _confirm_pten(facts, pten_only)


def _missing(facts: Facts, pathway_found: bool) -> list[str]:
    """The genes of ESR1 and the pathway that rule 15 tests: a doubtful call on a known
    activating variant is rule 45's question, not a new test's, and an unresolved conflict is
    rule 21's to resolve, by the other kind of sample."""
    needs = [
        g
        for g in ("ESR1", *PAM_GENES)
        if facts.needs_retest(g)
        and not doubtful(st := facts.genes.get(g))
        and not (st and st.unresolved)
        and not (g == "ESR1" and esr1_acted_on(facts))
    ]
    missing = [g for g in needs if g == "ESR1" or not pathway_found]
    if pathway_found and facts.genes.get("PIK3CA") is None:  # alpelisib waits on it all the same
        missing.append("PIK3CA")
    elif pathway_found and "PIK3CA" in needs and stale_negative(facts, "PIK3CA"):  # case 1791
        missing.append("PIK3CA")  # ... after choosing, beside a pathway inhibitor progressed on
    return missing


def _confirm_pten(facts: Facts, pten_only: str) -> PlanEffect:
    """A PTEN loss by IHC only, or on ctDNA only: confirm by NGS; at ECOG 3-4 for a later
    choice, as an AKT inhibitor comes after the least toxic options (9278)."""
    how = "by NGS" if pten_only == "by IHC only" else "on a tissue biopsy (NGS)"
    frail = least_toxic_first(facts)
    return PlanEffect(
        code="confirm_ngs",
        genes=("PTEN",),
        first=before_choosing(facts, endocrine=True) and not frail,
        text=f"PTEN loss {pten_only}: confirm {how}; CAPItello-291 selected its AKT-pathway "
        f"altered population by NGS of tumour tissue.{for_next_line(facts, endocrine=True)}"
        + least_toxic_later(facts, "an AKT inhibitor")
        * frail,
    )


def esr1_acted_on(facts: Facts) -> bool:
    """An ESR1 mutation on record (current or earlier) and progression on an oral SERD: no
    ESR1 result could change the choice any more (5903: retested at every later line)."""
    st = facts.genes.get("ESR1")
    mutated = st is not None and (st.finding is not None or st.past_positive is not None)
    return mutated and bool(facts.progressed_classes & kinds.TARGET_DRUGS["ESR1"])


def _retest(facts: Facts, genes: list[str], when: str, first: bool, tail: str) -> PlanEffect:
    """Rule 15's retest of ``genes`` (none, or older than the latest progression); ``tail``:
    what the text adds where it does not come before choosing. Plasma would show a germline
    variant again: tissue (the second recheck of session 58, 4685a)."""
    how = "by ctDNA or rebiopsy"
    if any((st := facts.genes.get(g)) and st.uninformative for g in genes):  # shed little DNA
        how = "by rebiopsy (tissue NGS), or ctDNA only with an adequate tumour fraction"
    if germline.variant_genes(facts) & set(genes):
        how = "by rebiopsy (tissue NGS: plasma would show the germline variant again)"
    return PlanEffect(
        code="retest",
        genes=tuple(genes),
        first=first,
        text=f"Test {', '.join(genes)} {when} {how}: {_why_retest(genes)}{tail}",
    )


#: why rule 15's pathway tests wait where no progression is on record (case 1653)
_NOT_NOW = (
    " No progression is on record for metastatic disease: the options now do not turn on them."
)


#: why rule 15's pathway tests come after choosing after a pathway inhibitor (case 1736)
_STEPPED_BACK = (
    " After progression on {}, a PI3K or AKT inhibitor is only stepped back (rule 11): the "
    "result does not hold the choice."
)


def _confirm_on_tissue(facts: Facts, ctx: Context) -> PlanEffect:
    """Rule 15's tissue confirmation of a PI3K pathway (and an ESR1) negative on ctDNA only."""
    held = draw_found_tumour(facts)  # then ESR1 is no question for tissue (cases 139, 146)
    with_esr1 = ctdna_negative(facts, ("ESR1",)) and not held
    if oral_declined(facts):  # what it would open is given by mouth (rule 110)
        return tissue_for_oral_declined(with_esr1)
    return confirm_tissue(
        with_esr1,
        facts.profile.visceral_crisis,
        parp_named(facts)
        if not (parp_closed_for(facts) or platinum_resistant(facts) or parp_declined(facts))
        else (),  # 8051: not a PARP inhibitor declined
        held_tumour=held,
        fraction=adequate_fraction(
            st.negative if (st := facts.genes.get(g)) else None for g in PAM_GENES
        ),
        no_target=not target_left(facts),
        past_lines=past_pathway_trial_lines(facts.cytotoxic_lines),
        partner=partner_progressed(ctx, facts),
        short=facts.short_cdk46i and not cytotoxics_declined(facts),  # case 1782
        er_low=er_low_first(facts),
        pathway_drug=min(
            (d for d in facts.progressed_drugs if drug_class(d) in kinds.PAM_CLASSES), default=""
        ),
    )


# rule 42: an ERBB2 amplification beside a HER2-negative result: retest HER2 first
@rule(
    42,
    "ERBB2 amplified beside a HER2-negative result: retest HER2",
    None,
    condition="An ERBB2 amplification or overexpression on record (tissue or ctDNA) while HER2 "
    "is 0, ultralow or low.",
    effect="An action, before every other, to retest HER2 by IHC and ISH: the disease may be "
    "HER2-positive, which is outside the review (a resistx safeguard; the review does not discuss "
    "ERBB2 on NGS).",
    codes=("retest_her2",),
)
def her2_discordant(facts: Facts, _ctx: Context) -> Iterator[PlanEffect]:
    if facts.her2 not in (Her2Status.ZERO, Her2Status.ULTRALOW, Her2Status.LOW):
        return
    st = facts.genes.get("ERBB2")
    if st is None or st.finding is None:
        return
    r = st.finding.result
    if r.status not in (BiomarkerStatus.AMPLIFIED, BiomarkerStatus.OVEREXPRESSED):
        return
    yield PlanEffect(
        code="retest_her2",
        genes=("ERBB2",),
        first=True,
        text=f"Retest HER2 by IHC and ISH before choosing: ERBB2 {r.status.value} "
        f"{st.finding.describe()} disagrees with HER2 {facts.her2.value}. HER2-positive disease is "
        "outside the review and would change every option here.",
    )


def esr1_course_since(facts: Facts) -> str:
    """The endocrine course that makes an ESR1 negative from after the latest progression no
    longer current (``esr1_before``), by its drugs, or "" (9790: the retest said the test came
    before the progression it followed by 11 days)."""
    st = facts.genes.get("ESR1")
    if st is None or st.finding is not None or st.negative is None or facts.unplaced:
        return ""
    tested, progression = st.negative.tested_on, facts.results_from
    if tested is None or (progression is not None and tested < progression):
        return ""
    latest = course_for_esr1(facts)
    if latest is None or not esr1_before(latest, tested, facts.decision_date):
        return ""
    return f"after {' + '.join(latest.drugs)}, given since its test of {tested.isoformat()}"


def _when(facts: Facts) -> str:
    """When the retest is for: the progression of the ongoing course read as progressed (rule
    53; case 713: results from before it predate it), or the latest dated one."""
    course, since = facts.current, facts.progressed_on
    if course is not None and since is not None and since == course.started_on:
        # no progression yet: the options are for it (cases 921, 924); a hold for toxicity and
        # a resumption in one line date from the first course
        start = line_start(facts, course) or since
        return f"at the progression of {' + '.join(course.drugs)}, still going on (given since {start.isoformat()})"
    if facts.unplaced:  # rule 122 asks for the date (case 1428b)
        return "after the latest progression (its date not recorded)"
    return f"after the progression of {since.isoformat()}" if since else "at this time point"
