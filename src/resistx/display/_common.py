"""What the text, Markdown and HTML views share: the one-line why of an option, where a
plan's actions go, and the content of a trial (one builder, three renderings)."""

from __future__ import annotations

import html
import re

import attrs

from resistx.evidence._base import EvidenceBase
from resistx.evidence.mcbs import grade_trial
from resistx.model._show import ratio, ratio_ci
from resistx.model.enums import EndpointKind, Factor, TrialSetting, Verification
from resistx.model.evidence import AdverseEvent, Discrepancy, Trial
from resistx.model.plan import Action, Option, Plan, Reason
from resistx.vocab.adverse_events import shown

ENDPOINT_HEADER = ("endpoint", "arm", "population", "value", "95% CI", "where")
HAZARD_HEADER = ("HR", "population", "arms", "value", "95% CI", "p", "where")
ADVERSE_HEADER = ("arm", "term", "any grade %", "severe % (grades)", "grade 5", "where")
MCBS_HEADER = ("population", "endpoint", "form", "grade", "why")
DISCREPANCY_HEADER = ("field", "the review says", "resistx uses", "why")
#: the same, where the readings come from the sources after the review (an evidence pack's:
#: case 2199's audit found them headed as the review's)
SOURCES_HEADER = ("field", "the sources say", "resistx uses", "why")


#: an unnamed study's key ends in its reference in the review ('retrospective-ref33')
_BY_REFERENCE = re.compile(r"-ref(\d+)$")


def studies(keys: tuple[str, ...]) -> str:
    """Studies as a reader knows them: their names, an unnamed one by its reference in the
    review ('ref. 33', not the key 'retrospective-ref33': case 5652)."""
    return ", ".join(f"ref. {found[1]}" if (found := _BY_REFERENCE.search(k)) else k for k in keys)


def rules_of(rules: tuple[int, ...]) -> str:
    """'rule 35', 'rules 28, 35' or "": the rules a since-review entry names (5014: the
    printed plan did not say which rules moved an option)."""
    return f"rule{'s' if len(rules) > 1 else ''} {', '.join(map(str, rules))}" if rules else ""


# C0 and C1 controls and DEL (except tab and newline), and the bidirectional overrides that
# can make a terminal show text other than what is there
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def printable(text: str) -> str:
    """``text`` with every control character (ESC, BEL, CR, ...) shown as an escape, so that
    echoing a patient id or a file name cannot drive the terminal."""
    return _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def one_line(text: str) -> str:
    """``printable`` for a value shown within a line (a patient id, a file name): its line
    breaks and tabs shown as escapes too, so that it cannot forge a line (case 5540)."""
    return printable(text).replace("\n", "\\n").replace("\t", "\\t")


def escape(text: str) -> str:
    """``text`` for HTML: its markup escaped and its control and direction characters shown
    as escapes (case 5106: a right-to-left override in a patient id reached the page)."""
    return html.escape(printable(text))


def efficacy_text(option: Option) -> str:
    return next((r.text for r in option.reasons if r.factor is Factor.EFFICACY), "")


#: the rules of the patient's state (visceral crisis, performance status): their reason is
#: always part of the why, beside the one that moved the option most
STATE_RULES = frozenset({7, 13})
#: reasons of a hard ordering besides the state's, and caps a factor's first reason would
#: hide (olaparib's label, rule 44; a progression on the drug's class, rule 11, beside a
#: biomarker match), and a newer policy's own reading of a match the review's reason states
#: (rule 28: the approval, and the subgroup figures that fit the patient): shown as what
#: placed the option; a balance rule's reasons need no entry here (``_placing``)
PLACING_CODES = frozenset(
    {
        "olaparib_label_prior_chemotherapy",
        "same_class_after_progression",
        "approved_oral_serd_for_esr1",
        # a drug progressed on in another regimen, and MAINTAIN's population, shown beside a
        # history reason that leads (case 429: endocrine resistance hid them)
        "progressed_on_drug",
        "outside_maintain_population",
        # no endocrine therapy yet: shown beside rule 19's reason, which leads (case 443)
        "pathway_before_endocrine_therapy",
        "pathway_before_endocrine_resistance",  # rule 69, endocrine-sensitive (case 782)
        # outside its label: shown beside what leads (rule 75, case 504's recheck)
        "elacestrant_label_esr1_mutated",
        "cdk46i_ai_end_unknown",  # rule 19: an adjuvant AI with no end date (case 1455)
        "monaleesa7_premenopausal",  # rule 19 before the menopause: ribociclib first (case 566)
        "pik3ca_variant_outside_therascreen",  # rule 90: a cap beside the match (case 622)
        "adc_after_topoisomerase_adc",  # rule 92: a cap beside the lines reason (case 640)
        "nothing_new_after_progression",  # rule 11: every part progressed on (case 656)
        "degrader_failed_twice",  # rule 93: beside a biomarker match (case 646)
        "pace_after_another_cdk46i",  # rule 8: PACE's result, beside what leads (case 648)
        "outside_ember3_population",  # rule 35: EMBER-3's population (case 654)
        "ember3_earlier_lines_unknown",
        "sg_within_label",  # rule 4: before any chemotherapy, after it (case 667)
        "ribociclib_ai_after_endocrine_therapy",  # rule 94: outside its label (case 666)
        "everolimus_after_nonsteroidal_ai",  # rule 96: outside its label (case 684)
        "pathway_past_trial_lines",  # rule 104: a cap beside what leads (case 939)
        "pathway_inhibitor_after_hyperglycaemia",  # rule 61: a cap beside the match (case 935)
        # rule 30: within the approval, outside DESTINY-Breast06's entry (case 951)
        "endocrine_therapy_opens_trastuzumab_deruxtecan",
        "pathway_inhibitor_after_skin_reaction",  # rule 61: a severe skin reaction (1533)
        "er_low_endocrine_later",  # rule 114: ER-low disease (case 1322)
        # rule 24: why a regimen is a trial's (no approval found, under review, not part of an
        # approval): the JSON and the report had it, the text and Markdown views did not (9066)
        "investigational",
    }
)


#: the balance factor's baseline (toxicity and cost): every option has its reason
TOXICITY = 14
#: the fallback rules' numbers (17, 20): a factor whose only say is theirs did not place the
#: option
NEUTRAL_RULES = frozenset({17, 20})
#: the rules whose reason is a factor's first shown only where no other speaks
_NOT_FIRST = NEUTRAL_RULES | STATE_RULES


def why(option: Option) -> str:
    """The reasons that placed the option: the molecular one and the history one (the larger
    move first; both when both moved it, so a match marked down by the history shows both; a
    factor counts too when a rule other than its fallback spoke, with or without a score, such
    as one that caps the tier), and a visceral crisis, performance status or relative
    contraindication that marked it down; else the efficacy."""
    moved = {Factor.MOLECULAR: option.scores.molecular, Factor.HISTORY: option.scores.history}
    # a factor's own reason, not the state's (shown below), which would hide it, nor a
    # fallback's where another speaks
    first = {
        f: next(
            (r for r in option.reasons if r.factor is f and r.rule not in _NOT_FIRST),
            next(
                (r for r in option.reasons if r.factor is f and r.rule not in STATE_RULES),
                next(r for r in option.reasons if r.factor is f),
            ),
        )
        for f in moved
    }
    factors = sorted(
        (f for f in moved if moved[f] != 0 or first[f].rule not in NEUTRAL_RULES),
        key=lambda f: (-abs(moved[f]), f is not Factor.MOLECULAR),
    )
    texts = []
    for f in factors:
        # the factor's first reason, then each other that is not a fallback's: a second
        # history reason setting the option back went unshown beside the first (case 3292:
        # rule 30's beside rule 22's), however long the list of placing codes grew
        texts.append(first[f].text)
        own = (r for r in option.reasons if r.factor is f and r is not first[f])
        texts.extend(r.text for r in own if r.rule not in _NOT_FIRST)
    # ... and every balance reason besides rule 14's (toxicity and cost): each placed the
    # option, a cap, a step back or an order (cautions are shown apart); a list of their codes
    # missed rules 81 and 144 at Child-Pugh C, and the plan said 'no rule moved it' (v7203_cpC)
    texts += [r.text for r in option.reasons if _placing(r)]
    if not texts:
        return next(r.text for r in option.reasons if r.factor is Factor.EFFICACY)
    return " ".join(dict.fromkeys(texts))


def _placing(r: Reason) -> bool:
    """A reason that places its option whichever factor leads: the state's, a placing code's
    (``PLACING_CODES``), or a balance rule's beside the toxicity and cost."""
    return (
        r.rule in STATE_RULES
        or r.code in PLACING_CODES
        or (r.factor is Factor.BALANCE and r.rule != TOXICITY)
    )


#: where no rule moved an option, what places it (the reviewers of cases 841 and 853: an option
#: 'ranked with no reason given')
UNMOVED = (
    "No rule moved it for this patient: its place among the options comes from its evidence "
    "and its toxicity alone."
)


def why_besides_evidence(option: Option) -> str:
    """``why``; where that is the evidence sentence itself (shown beside it), ``UNMOVED``."""
    reason = why(option)
    return UNMOVED if reason == efficacy_text(option) else reason


#: the headings of the actions before the options and after them
BEFORE_CHOOSING = "Before choosing"
ALSO_TO_DO = "Also to do (none of these changes the first option)"
#: the heading of the conditions a profile states as free text, which no rule weighs (case 510)
NOT_ASSESSED = (
    "Not assessed by resistx, or read only as each says (no rule weighs the rest; the "
    "clinician must)"
)


def split_actions(p: Plan) -> tuple[tuple[Action, ...], tuple[Action, ...]]:
    """The actions shown before the options (those that could change what is preferred: the
    engine's ``before_choosing``) and those shown after them."""
    return (
        tuple(a for a in p.actions if a.before_choosing),
        tuple(a for a in p.actions if not a.before_choosing),
    )


def _ci(ci95: tuple[float, float] | None) -> str:
    return f"{ci95[0]:g}-{ci95[1]:g}" if ci95 else ""


def _severe(a: AdverseEvent) -> str:
    """The severe figure with the grades the source counts in it: '36.6 (3-4)' where it prints
    grade 3-4, '12.1 (>= 3)' (the blind reading of session 67: a header of 'grade >= 3' sat
    over the review's grade 3-4 figures)."""
    if a.grade3plus_percent is None:
        return "-"
    grades = "3-4" if a.severe_grades == "3-4" else ">= 3"
    return f"{_percent(a.grade3plus_percent)} ({grades})"


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def _fatal(patients: int | None, share: float | None) -> str:
    if patients is None:
        return "-"
    # a count alone says it is one, not a share (case 3370: 'grade 5: 3' read as 3%)
    counted = f"{patients} patient{'s' * (patients != 1)}"
    return counted if share is None else f"{counted} ({share:g}%)"


@attrs.frozen(kw_only=True)
class Table:
    """A titled table of plain text (the views escape it)."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@attrs.frozen(kw_only=True)
class TrialView:
    """Everything any view shows about a trial, as plain text."""

    key: str
    facts: str
    population: str
    tables: tuple[Table, ...]
    notes: tuple[str, ...]


def _level(verification: Verification | None) -> str:
    """A pack figure's verification level, as a suffix; nothing for the review's own."""
    return "" if verification is None else f" [{verification.value} source]"


def endpoint_rows(t: Trial) -> tuple[tuple[str, ...], ...]:
    """A trial's endpoints as table rows of plain text."""
    return tuple(
        (
            e.kind.value + (f" at {e.timepoint_months:g} mo" if e.timepoint_months else ""),
            e.arm,
            e.population,
            f"{e.value:g}",
            _ci(e.ci95),
            e.source + _level(e.verification),
        )
        for e in t.endpoints
    )


def hazard_rows(t: Trial) -> tuple[tuple[str, ...], ...]:
    """A trial's hazard ratios as table rows of plain text."""
    return tuple(
        (
            h.endpoint_kind.value,
            h.population,
            f"{h.experimental} vs {h.control}",
            ratio(h.value),
            ratio_ci(h.ci95, "-"),
            ("-" if h.p_value is None else f"{'<' if h.p_below else ''}{_p(h.p_value)}")
            + (" (boundary not crossed)" if h.boundary_crossed is False else ""),
            # which analysis (investigator or central review, cohort): two HRs of one
            # population read alike without it (case 3365: postMONARCH's 0.73 and 0.55)
            h.source + _level(h.verification),
        )
        for h in t.hazard_ratios
    )


def prior_cdk46i(t: Trial) -> str:
    """Who of a study's patients had a CDK4/6 inhibitor: its share as printed (59.8%, not
    60%), else what its setting says ('all', 'some', 'none'; 'assumed' where resistx assumed
    it: case 3344's review of the listing, blank for MAINTAIN and PACE before)."""
    if t.prior_cdk46i_fraction is not None:
        return f"{t.prior_cdk46i_fraction * 100:.4g}%"
    said = _BY_SETTING.get(t.setting, "")
    return f"{said} (assumed)" if said and t.setting_assumed else said


_BY_SETTING = {
    TrialSetting.AFTER_CDK46I: "all",
    TrialSetting.MIXED: "some",
    TrialSetting.CDK46I_NAIVE: "none",
}


def _p(value: float) -> str:
    """A p-value as sources print it: 0.00001, never 1e-05."""
    return f"{value:.10f}".rstrip("0") if value < 0.0001 else f"{value:g}"


def _discrepancies(t: Trial, eb: EvidenceBase | None) -> tuple[Discrepancy, ...]:
    """The review's contradictions about ``t``: from ``eb``, else from the bundled evidence
    when ``t`` is the bundled study of that name."""
    if eb is None:
        from resistx.evidence import bundled  # noqa: PLC0415 - loaded only for a trial's view

        eb = bundled()
        if t.key not in eb or eb.trial(t.key) != t:
            return ()
    return eb.discrepancies_for(t.key) if t.key in eb else ()


def _reviews(
    found: tuple[Discrepancy, ...],
) -> tuple[tuple[Discrepancy, ...], tuple[Discrepancy, ...]]:
    """``found`` split: those the review's own evidence records, and the others (a pack's)."""
    from resistx.evidence import bundled  # noqa: PLC0415 - loaded only for a trial's view

    review = set(bundled().discrepancies)
    return tuple(d for d in found if d in review), tuple(d for d in found if d not in review)


def trial_view(t: Trial, eb: EvidenceBase | None = None) -> TrialView:
    """The content of every view of a trial: its figures, adverse events, ESMO-MCBS grades,
    the review's contradictions about it, and its notes."""
    facts = (
        f"{t.nct_id or 'no NCT id'}; phase {t.phase}; {t.status.value}; "
        f"n={t.size if t.size is not None else 'unknown'}; "
        f"review refs {', '.join(map(str, t.references)) or 'none'}"
        + (f"; citation {t.citation}" if t.citation else "")
    )
    tables = [
        Table(title="Endpoints", header=ENDPOINT_HEADER, rows=endpoint_rows(t)),
        Table(title="Hazard ratios", header=HAZARD_HEADER, rows=hazard_rows(t)),
        Table(
            title="Adverse events",
            header=ADVERSE_HEADER,
            rows=tuple(
                (
                    a.arm,
                    shown(a.term),
                    _percent(a.any_grade_percent),
                    _severe(a),
                    _fatal(a.fatal_patients, a.fatal_percent),
                    a.source + _level(a.verification),
                )
                for a in t.adverse_events
            ),
        ),
    ]
    graded = sorted(
        {(h.population, h.endpoint_kind) for h in t.hazard_ratios if h.endpoint_kind.is_median},
        key=lambda pk: (pk[1] is not EndpointKind.PFS, pk[0]),
    )
    grades = [grade_trial(t, population, kind) for population, kind in graded]
    tables.append(
        Table(
            title="ESMO-MCBS v1.1 preliminary grade",
            header=MCBS_HEADER,
            rows=tuple(
                (
                    g.population,
                    g.endpoint_kind.value,
                    g.form,
                    "not gradable" if g.grade is None else str(g.grade),
                    g.reason,
                )
                for g in grades
            ),
        )
    )
    own, after = _reviews(_discrepancies(t, eb))
    for title, header, rows in (
        ("Where the review contradicts itself", DISCREPANCY_HEADER, own),
        ("Where the sources after the review disagree", SOURCES_HEADER, after),
    ):
        tables.append(
            Table(
                title=title,
                header=header,
                rows=tuple((d.field, " | ".join(d.readings), d.chosen, d.why) for d in rows),
            )
        )
    return TrialView(
        key=t.key,
        facts=facts,
        population=t.population,
        tables=tuple(table for table in tables if table.rows),
        notes=t.notes,
    )
