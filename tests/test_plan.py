"""The plan explains itself: reasons per factor, traceable trials, figures from the evidence."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given

import resistx
from resistx.model import Factor
from resistx.model.profile import at_most_months, by_line, sensitivity_courses
from resistx.model.profile import cytotoxic as is_cytotoxic
from resistx.sequencing import DISCLAIMER
from resistx.sequencing.patient import for_progression
from resistx.sequencing.slots import tenths
from tests import strategies
from tests.helpers import NEGATIVE, patient, plan, result

EB = resistx.evidence()
PACK = resistx.evidence("2026.11")
EVIDENCE = {EB.version: EB, PACK.version: PACK}
POLICIES = ("ye2024", "practice-2026")


def _evidence_numbers(trial_keys: tuple[str, ...], eb: resistx.EvidenceBase = EB) -> set[float]:
    out: set[float] = set()
    for key in trial_keys:
        t = eb.trial(key)
        for e in t.endpoints:
            out |= {e.value, *(e.ci95 or ()), *((float(e.n),) if e.n else ())}
        for h in t.hazard_ratios:
            out |= {h.value, *(h.ci95 or ())}
        for a in t.adverse_events:
            figures = (a.any_grade_percent, a.grade3plus_percent, a.fatal_patients, a.fatal_percent)
            out |= {p for p in figures if p is not None}
        if t.prior_cdk46i_fraction is not None:
            out.add(round(t.prior_cdk46i_fraction * 100, 6))
        # a recorded discrepancy's readings, each with its source (FAKTION's placebo arm)
        for d in eb.discrepancies:
            if d.trial == key:
                for text in d.readings:
                    out |= {float(x) for x in re.findall(r"\d+(?:\.\d+)?", text)}
        if t.size is not None:
            out.add(float(t.size))
        populations = {e.population for e in t.endpoints} | {h.population for h in t.hazard_ratios}
        for text in (t.population, *(a.label for a in t.arms), *populations, *t.notes):
            out |= {float(x) for x in re.findall(r"\d+(?:\.\d+)?", text)}
    return out


# words with digits (ESR1, CDK4/6, TROPiCS-02, Form 2b), dates, and resistx's own scales
_NOT_FIGURES = [
    r"HbA1c of 8\.0% or more",  # CAPItello-291's entry limit (its report; rule 78, case 527)
    r"day 15 of the first two cycles",  # palbociclib's label's blood counts (rule 97)
    r"[\d,]+ neutrophils/mm3( on day \d+)?",  # a label's threshold (sacituzumab govitecan's)
    r"creatinine clearance (of|below) \d+ mL/min",  # a label's threshold (rule 12, case 597)
    r"December 2022",  # the US capecitabine label's revision (rule 12, 10068)
    r"to 1\.1 mg/m2 at a clearance of 15-50 mL/min",  # eribulin's label's (rule 12, 8479)
    # talazoparib's label's doses by clearance (rules 12, 118; 9648)
    r"to 0\.(5|75) mg once daily \(from 1 mg\) at (a creatinine clearance of )?(15-29|30-59) mL/min",
    r"\b[A-Z][A-Z0-9]*\*\d+\b",  # a star allele (UGT1A1*28), a name not a figure
    r"HER2 0\b",
    r"\bincludes 1\b",  # the null hazard ratio, not a figure
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"\b[\w/-]*[A-Za-z][\w/-]*\d[\w/-]*\b",
    r"\b\d+[A-Za-z][\w/-]*\b",
    r"level \d+(\.\d+)? of \d",
    r"\bgrade \d\b",
    r"95% CI",
    r"ECOG \d(-\d)?",
    r"\(ref\. [\d, ]+\)",  # an unnamed study named by its review reference
    r"refs \d+-\d+",
    r"within \d+ months",  # the trials' early-relapse windows (DESTINY-Breast04, TROPiCS-02)
    r"on \d+ endocrine-based lines",  # counted from the profile's history
    r"\d+ endocrine lines? progressed since",  # counted from the profile's history (rule 8)
    # practice-2026: its rules' conditions, the trials' entry criteria, approval dates
    r"\d+ months or more",
    r"\b1 or more\b",
    r"after 1-2 (chemotherapy )?lines",
    r"within 12 months of adjuvant",
    # a trial's report cited by year (EMERALD's entry, rule 35; SOLAR-1's, rule 69)
    r"(J Clin Oncol|N Engl J Med|Lancet Oncol|Ann Oncol|Pharmaceutics|NPJ Breast Cancer) \d{4}",
    r"\btype [12]\b",  # diabetes (alpelisib's label, rule 12)
    r"\(rule \d+\)",  # a rule named in a reason (rule 53's current treatment)
    r"LVEF (under|of) 50%",  # trastuzumab deruxtecan's label and DESTINY-Breast04 (rule 126)
]


_TRIAL_NAMES = sorted({n for t in PACK.trials for n in (t.key, *t.aliases)}, key=len, reverse=True)


def figures(text: str) -> list[float]:
    for name in _TRIAL_NAMES:
        text = text.replace(name, " ")
    for pattern in _NOT_FIGURES:
        text = re.sub(pattern, " ", text)
    return [float(x) for x in re.findall(r"\d+(?:\.\d+)?", text)]


def profile_numbers(p: resistx.Profile, prefs: resistx.Preferences) -> set[float]:
    lines = p.metastatic_chemotherapy_lines
    # sacituzumab govitecan's lines count ADC lines too (their payload is cytotoxic)
    # a switch within a line is one line (by_line)
    cytotoxic = sum(any(map(is_cytotoxic, line)) for line in by_line(p.metastatic_treatments))
    # the further-chemotherapy reason names the ADC lines beside the chemotherapy lines
    out = {float(lines), float(cytotoxic), float(cytotoxic - lines), prefs.short_cdk46i_months}
    if any(
        not t.metastatic and resistx.DrugClass.CHEMOTHERAPY in t.drug_classes for t in p.treatments
    ):
        # DESTINY-Breast04 and TROPiCS-02 counted one (neo)adjuvant course followed by an early
        # relapse as a line: the reason then says so and counts it
        out |= {float(lines + 1), float(cytotoxic + 1)}
    if p.cdk46i_months is not None:  # printed to the tenth below (``slots.tenths``)
        out.add(tenths(p.cdk46i_months))
    # with no end date, the most the course can have run (case 1542: 'at most 4.5 months')
    courses = sensitivity_courses(p.treatments_in_order)
    ordered = p.treatments_in_order  # the next line's start bounds it too (case 2906b)
    if (bound := at_most_months(courses, p.decision_date, p.cdk46i_months, ordered)) is not None:
        out.add(tenths(bound))
    # a comorbidity's own HbA1c, which its caution names (rule 12)
    out |= {c.hba1c for c in p.comorbidities if c.hba1c is not None}
    out |= {c.creatinine_clearance for c in p.comorbidities if c.creatinine_clearance is not None}
    out |= {float(c.lvef) for c in p.comorbidities if c.lvef is not None}  # rule 126
    # ... and a cytopenia's grade (rule 111)
    out |= {float(c.grade) for c in p.comorbidities if c.grade is not None}
    return out


def check_plan(profile: resistx.Profile, prefs: resistx.Preferences, p: resistx.Plan) -> None:
    assert [o.rank for o in p.options] == list(range(1, len(p.options) + 1))
    eb = EVIDENCE[p.evidence_version]
    assert p.evidence_version == (EB.version if p.policy.name == "ye2024" else PACK.version)
    assert p.library_version == resistx.__version__
    assert p.disclaimer == DISCLAIMER or (
        p.policy.name == "practice-2026" and "evidence pack 2026.11" in p.disclaimer
    )
    # the profile as the options read it: an ongoing course as progressed at the plan's date
    own = profile_numbers(for_progression(profile, prefs).profile, prefs)
    for o in p.options:
        assert {r.factor for r in o.reasons} == set(Factor), o.regimen.id
        for r in o.reasons:
            assert re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", r.code)
            assert r.text.strip()
            assert r.trials or r.references, (o.regimen.id, r.code)
            assert all(t in eb for t in r.trials)
            assert set(r.references) >= {n for t in r.trials for n in eb.trial(t).references}
            allowed = _evidence_numbers(r.trials, eb) | own
            # the ESMO-MCBS grades primary or pre-specified analyses only (case 665)
            assert not ("post hoc" in r.text and "preliminary grade" in r.text), r.text
            for number in figures(r.text):
                assert number in allowed, (o.regimen.id, r.code, number, r.text)
        for c in o.cautions:
            if c.percent is not None:
                assert c.percent in _evidence_numbers(c.trials, eb)
            for number in figures(c.text):
                assert number in _evidence_numbers(c.trials, eb) | own, c.text
    for e in p.excluded:
        # an exclusion cites its evidence, but for the patient's own refusal (rules 110, 128)
        assert e.reasons and all(
            r.text and (r.trials or r.references or r.code == "declined") for r in e.reasons
        )
        for r in e.reasons:
            for number in figures(r.text):
                assert number in _evidence_numbers(r.trials, eb) | own, r.text

    assert not [t for t in _texts(p) if _REVIEW_CASE.search(t)], "a text names a review case"
    check_since_review(p)


#: the blind reviews' case numbers are the project's bookkeeping, never a plan's words (case 671)
_REVIEW_CASE = re.compile(r"\bcases? \d")


def _texts(p: resistx.Plan) -> list[str]:
    """Every text a clinician reads in a plan."""
    texts = [r.text for o in p.options for r in o.reasons] + [
        c.text for o in p.options for c in o.cautions
    ]
    texts += [r.text for e in p.excluded for r in e.reasons] + [a.text for a in p.actions]
    return [*texts, *p.notes]


def check_since_review(p: resistx.Plan) -> None:
    """Each entry names the newer policy, trials of its evidence, the rules that differ, and
    only ranks as numbers; only a default plan carries them."""
    if p.policy.name != "ye2024":
        assert p.since_review == ()
        return
    for s in p.since_review:
        newer = EVIDENCE[s.evidence_version]
        assert s.policy == "practice-2026"
        assert all(t in newer for t in s.trials), s
        assert all(r >= 28 for r in s.rules), s
        assert "--policy practice-2026" in s.how
        if s.change is resistx.Change.ASKED_FIRST:  # the newer plan's own action, its figures
            assert s.rules and s.text.startswith("practice-2026 asks before choosing: "), s
            assert s.regimen == ""
            continue
        assert s.trials, s
        for number in figures(s.text):
            assert number.is_integer() and number >= 1, s.text


LONG_ESR1 = resistx.load_profile(
    {
        "schema_version": 1,
        "hormone_receptor": "positive",
        "her2": "0",
        "comorbidities": [],
        "biomarkers": [{"gene": "ESR1", "status": "mutated", "tested_on": "2021-01-02"}],
        "treatments": [{"drugs": ["palbociclib", "letrozole"], "started_on": "2020-01-01"}],
    }
)

#: two metastatic chemotherapy lines and an adjuvant course with relapse at once: TROPiCS-02's
#: count of 3 lines is the patient's own figure (found by hypothesis)
ADJUVANT_COUNTED = resistx.load_profile(
    {
        "schema_version": 1,
        "hormone_receptor": "positive",
        "her2": "0",
        "treatments": [
            {"drugs": ["palbociclib", "letrozole"]},
            # a line of its own (an undated copy of the same drugs is refused: case 987)
            {"drugs": ["capecitabine"], "line": 2},
            {"drugs": ["capecitabine"], "started_on": "2020-01-01"},
            {
                "drugs": ["capecitabine"],
                "setting": "adjuvant",
                "started_on": "2020-01-01",
                "ended_on": "2020-01-01",
            },
        ],
    }
)


#: a CDK4/6 inhibitor stopped for interstitial lung disease: rule 23's rechallenge caution
#: names the label's grades, which are no figures (found by hypothesis)
LUNG_STOP = resistx.load_profile(
    {
        "schema_version": 1,
        "hormone_receptor": "positive",
        "her2": "0",
        "treatments": [
            {
                "drugs": ["palbociclib", "letrozole"],
                "stop_reason": "toxicity",
                "toxicity": "interstitial lung disease",
            }
        ],
    }
)


@pytest.mark.parametrize("policy", POLICIES)
@given(strategies.profiles, strategies.preferences)
# a population label quoted from the evidence ("prior CDK4/6i >=12 months") is no figure
@example(profile=LONG_ESR1, prefs=resistx.Preferences())
@example(profile=ADJUVANT_COUNTED, prefs=resistx.Preferences())
@example(profile=LUNG_STOP, prefs=resistx.Preferences())
def test_every_option_is_explained_from_the_evidence(
    policy: str, profile: resistx.Profile, prefs: resistx.Preferences
) -> None:
    """At least one reason per factor; each reason names trials; every figure quoted is in them
    (the evidence of the plan's policy: the review's, or pack 2026.11)."""
    check_plan(profile, prefs, resistx.sequence(profile, prefs, policy=policy))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "EMERALD (phase III, 100% after a CDK4/6 inhibitor), ESR1-mutated: median PFS 3.8 vs 1.9 months, "
            "HR 0.55 (95% CI 0.39-0.77); ESMO-MCBS preliminary grade 3 (Form 2b).",
            [100, 3.8, 1.9, 0.55, 0.39, 0.77],
        ),
        (
            "Toxicity level 4 of 4 from SOLAR-1: hyperglycemia 63.7% any grade, 36.6% grade 3 or worse.",
            [63.7, 36.6],
        ),
    ],
)
def test_the_figure_extractor(text: str, expected: list[float]) -> None:
    assert figures(text) == expected


def test_a_misspelled_comorbidity_or_gene_is_an_error_not_a_silent_change_of_plan() -> None:
    """Issue 9, defect 1: 'diabtes' once passed validate and made alpelisib preferred."""
    with pytest.raises(resistx.ProfileError) as info:
        resistx.sequence(patient(biomarkers=[result("ESR2", "mutated")], comorbidities=["diabtes"]))
    found = dict(info.value.problems)
    assert "did you mean diabetes?" in found["$.comorbidities[0]"]
    assert "other_conditions" in found["$.comorbidities[0]"]
    assert "not a gene resistx reads" in found["$.biomarkers[0].gene"]


def test_other_conditions_are_repeated_verbatim_as_not_assessed() -> None:
    p = resistx.sequence(patient(other_conditions=["gout", "prior stroke (2019)"]))
    assert p.not_assessed == ("gout", "prior stroke (2019)")


def test_the_decision_date_comes_from_the_profile_never_the_clock() -> None:
    data = patient(biomarkers=NEGATIVE)
    del data["as_of"]
    p = resistx.sequence(data)
    assert p.as_of is not None and p.as_of.isoformat() == "2026-04-10"
    assert any("as_of not given" in n for n in p.notes)


def test_excluded_and_options_partition_the_considered_regimens() -> None:
    p = plan(biomarkers=[result("CCNE1", "amplified")])
    ids = [o.regimen.id for o in p.options] + [e.regimen.id for e in p.excluded]
    assert len(ids) == len(set(ids))
    from resistx.vocab import regimens  # noqa: PLC0415

    assert set(regimens.BY_ID) <= set(ids)


def test_out_of_scope_profiles_are_refused() -> None:
    with pytest.raises(resistx.OutOfScopeError):
        resistx.sequence(patient(her2="positive"))


def test_bad_preferences_are_a_profile_error() -> None:
    with pytest.raises(resistx.ProfileError, match="priority"):
        resistx.sequence(patient(), {"priority": "speed"})
