"""Session 68: what session 67's reviews left (a notebook user's API, the evidence files) and
the reviews of cases 7780 onwards."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

import resistx
from resistx.model.enums import HormoneReceptor
from resistx.vocab.comorbidities import Comorbidity
from tests.helpers import option, plan, rank


def test_a_misspelt_regimen_id_asked_of_a_plan_is_refused_with_the_closest_ids() -> None:
    """7674: ``plan.option('elacestrnt')`` returned None, as for a regimen the plan does not
    rank, so a typo read as 'not in the plan' (or failed later on None)."""
    p = plan()
    for ask in (p.option, p.exclusion):
        with pytest.raises(KeyError, match="elacestrant"):
            ask("elacestrnt")


def test_a_known_regimen_the_plan_does_not_hold_is_none() -> None:
    """A regimen id resistx knows, or a trial's, that this plan does not rank (or does not
    leave out) is None, as before: only a name of no regimen is refused."""
    p = plan()
    ranked = {o.regimen.id for o in p.options}
    left_out = {e.regimen.id for e in p.excluded}
    assert ranked and left_out
    for regimen_id in ranked:
        assert p.exclusion(regimen_id) is None
        assert p.option(regimen_id) is not None
    for regimen_id in left_out:
        assert p.option(regimen_id) is None
    assert p.option("trial:NCT00000000") is None


def test_a_plans_frame_gives_each_option_the_codes_of_its_reasons_as_a_cohorts_rows_do() -> None:
    """7675: ``to_frame()`` left an option row's ``codes`` empty where the cohort's rows give
    its reasons' codes (each once, in the plan's order); an exclusion row keeps its codes."""
    pytest.importorskip("pandas")
    p = plan()
    frame = p.to_frame()
    for o in p.options:
        row = frame[frame["regimen"] == o.regimen.id].iloc[0]
        assert row["codes"] == ", ".join(dict.fromkeys(r.code for r in o.reasons))
        assert row["codes"]
    for e in p.excluded:
        row = frame[frame["regimen"] == e.regimen.id].iloc[0]
        assert row["codes"] == ", ".join(c.value for c in e.codes)


def test_a_profile_built_in_code_is_refused_with_every_problem_at_its_path() -> None:
    """7673: ``resistx.Profile(...)`` with an ECOG of 7 and a misspelt comorbidity raised a
    plain ``ValueError`` naming the ECOG only; fixing it showed the next. A ``ProfileError``
    (still a ``ValueError``) now names each, as ``load_profile`` does for JSON."""
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.Profile(
            schema_version=1,
            hormone_receptor=HormoneReceptor.POSITIVE,
            her2=resistx.Her2Status.LOW,
            ecog=7,
            comorbidities=("diabetis",),  # type: ignore[arg-type] # as a notebook user may
        )
    paths = {path for path, _message in caught.value.problems}
    assert "$.ecog" in paths
    assert any(p.startswith("$.comorbidities") for p in paths)
    assert isinstance(caught.value, ValueError)


def test_a_valid_profile_built_in_code_is_built_as_before() -> None:
    p = resistx.Profile(
        schema_version=1,
        hormone_receptor=HormoneReceptor.POSITIVE,
        her2=resistx.Her2Status.LOW,
        ecog=1,
    )
    assert p.ecog == 1
    assert resistx.load_profile(p) == p


def _second_line(drugs: list[str], **course: str) -> dict[str, object]:
    """A second line of ``drugs`` from 2025-04-01 to 2026-03-01, with ``course``'s fields."""
    return {
        "drugs": drugs,
        "line": 2,
        "started_on": "2025-04-01",
        "ended_on": "2026-03-01",
    } | course


def _first_line(cdk46i: str, start: str, end: str) -> dict[str, object]:
    """A first line of ``cdk46i`` with letrozole, to progression."""
    return {
        "drugs": [cdk46i, "letrozole"],
        "line": 1,
        "started_on": start,
        "ended_on": end,
        "stop_reason": "progression",
    }


def _pik3ca_with_diabetes(**diabetes: object) -> dict[str, object]:
    """7792: PIK3CA mutated, HER2-low, one first line of abemaciclib + letrozole over 9 months,
    diabetes on metformin."""
    from tests.helpers import patient, result  # noqa: PLC0415

    return patient(
        her2="low",
        comorbidities=[{"name": "diabetes", **diabetes}],
        biomarkers=[
            result(g, "mutated" if g == "PIK3CA" else "not_detected")
            for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
        ],
        treatments=[_first_line("abemaciclib", "2025-06-15", "2026-03-10")],
    )


def test_capivasertib_above_the_hba1c_limit_waits_on_glucose_control_not_behind_every_option() -> (
    None
):
    """7792 (MAJOR): with an HbA1c of 8.4% and no insulin, capivasertib + fulvestrant ranked
    15th, after trial slots and options waiting on tests, as if contraindicated, while the plan
    asked to bring glucose into range so that it could be given. It now waits on glucose
    control (never preferred, after the options that wait on nothing), and comes first among
    the options that wait; with insulin (outside CAPItello-291 at any HbA1c) it stays behind
    every option."""
    for policy in (None, "practice-2026"):
        p = resistx.sequence(_pik3ca_with_diabetes(hba1c=8.4), policy=policy)
        capi = option(p, "capivasertib+fulvestrant")
        assert any("HbA1c" in w for w in capi.waits_on), capi.waits_on
        waiting = [o for o in p.options if o.waits_on]
        assert waiting[0] is capi, [o.regimen.id for o in waiting]
        assert all(
            o.rank < capi.rank for o in p.options if not o.waits_on and o.tier.value != "trial"
        )
        on_insulin = resistx.sequence(_pik3ca_with_diabetes(hba1c=8.4, insulin=True), policy=policy)
        assert option(on_insulin, "capivasertib+fulvestrant").waits_on == ()
        assert option(on_insulin, "capivasertib+fulvestrant").rank > capi.rank


def test_a_pathway_target_held_back_for_glucose_does_not_hold_trastuzumab_deruxtecan_back() -> None:
    """7792 (MAJOR, practice-2026): trastuzumab deruxtecan stepped back because 'that
    endocrine-based line comes first', the line of capivasertib, which waits on glucose
    control: the plan contradicted itself."""
    p = resistx.sequence(_pik3ca_with_diabetes(hba1c=8.4), policy="practice-2026")
    tdxd = option(p, "trastuzumab-deruxtecan")
    assert "endocrine_target_before_tdxd" not in {r.code for r in tdxd.reasons}
    below = resistx.sequence(_pik3ca_with_diabetes(hba1c=7.4), policy="practice-2026")
    assert below.options[0].regimen.id == "capivasertib+fulvestrant"
    assert "endocrine_target_before_tdxd" in {
        r.code for r in option(below, "trastuzumab-deruxtecan").reasons
    }


def _her2_zero_esr1(**kw: object) -> dict[str, object]:
    """7780: HER2 0, an ESR1 mutation after 28 months on palbociclib + letrozole."""
    from tests.helpers import patient, result  # noqa: PLC0415

    return patient(
        her2="0",
        biomarkers=[
            result(g, "mutated" if g == "ESR1" else "not_detected")
            for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")
        ],
        **kw,
    )


def _reread(p: resistx.Plan) -> resistx.Action | None:
    return next((a for a in p.actions if a.code == "reread_her2_ultralow"), None)


def test_an_ultralow_reread_that_cannot_change_what_is_preferred_comes_after_choosing() -> None:
    """7780, 7786 (MINOR, practice-2026): with an ESR1 mutation outside DESTINY-Breast06's
    entry, an ultralow reading leaves trastuzumab deruxtecan behind the oral SERD (rule 58),
    yet the question came before choosing. Without the target it still does."""
    a = _reread(resistx.sequence(_her2_zero_esr1(), policy="practice-2026"))
    assert a is not None
    assert not a.before_choosing
    from tests.helpers import NEGATIVE, PALBOCICLIB, patient  # noqa: PLC0415

    none_left = _reread(
        resistx.sequence(patient(her2="0", biomarkers=NEGATIVE), policy="practice-2026")
    )
    assert none_left is not None
    # without the target rule 32 puts another endocrine line first whatever the reading
    # (8967); within DESTINY-Breast06's entry (a course under 6 months) it comes first
    assert not none_left.before_choosing
    short = {**PALBOCICLIB, "started_on": "2024-10-01", "ended_on": "2025-03-20"}
    within = resistx.sequence(
        patient(her2="0", biomarkers=NEGATIVE, treatments=[short]), policy="practice-2026"
    )
    assert (a := _reread(within)) is not None and a.before_choosing


def test_an_ultralow_reread_for_a_declined_drug_is_not_asked_before_choosing() -> None:
    """7802, 7789 (MINOR): with intravenous treatment declined, trastuzumab deruxtecan is left
    out as declined, yet the plan's first step was to ask whether HER2 0 is ultralow. The
    question comes after choosing and says it matters only if the refusal changes."""
    from tests.helpers import NEGATIVE, patient  # noqa: PLC0415

    for prefs in ({"declines": ["intravenous"]}, {"declines_kinds": ["adc"]}):
        p = resistx.sequence(patient(her2="0", biomarkers=NEGATIVE), prefs, policy="practice-2026")
        a = _reread(p)
        assert a is not None
        assert not a.before_choosing
        assert "declines" in a.text


def test_a_pneumonitis_on_a_course_that_ended_in_progression_is_not_said_to_have_stopped_it() -> (
    None
):
    """7803 (MINOR): everolimus + exemestane ended in progression, a pneumonitis recorded as
    its toxicity; the deruxtecan ADCs' exclusion said the lung disease 'stopped everolimus +
    exemestane'. It arose on it; a course stopped for it is still said to be stopped by it."""
    from tests.helpers import PALBOCICLIB, patient  # noqa: PLC0415

    course = _second_line(["everolimus", "exemestane"], toxicity="pneumonitis")
    for stop, said in (("progression", "arose on"), ("toxicity", "it stopped")):
        p = resistx.sequence(
            patient(
                her2="low",
                comorbidities=[{"name": "interstitial_lung_disease", "grade": 2}],
                treatments=[PALBOCICLIB, {**course, "stop_reason": stop}],
            )
        )
        tdxd = p.exclusion("trastuzumab-deruxtecan")
        assert tdxd is not None
        text = " ".join(r.text for r in tdxd.reasons)
        assert f"({said} everolimus + exemestane)" in text, text


def plan_profile() -> dict[str, object]:
    from tests.helpers import patient  # noqa: PLC0415

    return patient()


def test_the_markdown_and_html_views_name_the_policy_as_the_text_view_does() -> None:
    """7812: a web tool embedding the HTML fragment, or a notebook's Markdown, could not show
    which policy made the plan (the text view names it)."""
    for policy in ("ye2024", "practice-2026"):
        p = resistx.sequence(plan_profile(), policy=policy)
        head_md = p.to_markdown().splitlines()[0]
        head_html = p.to_html().split("</p>")[0]
        for head in (head_md, head_html):
            assert f"policy {policy}" in head, head


def test_from_json_reads_a_saved_plan_from_its_path(tmp_path: Path) -> None:
    """7821: ``from_json(Plan, Path(...))`` raised a plain TypeError from the json module, where
    ``load_profile`` and ``EvidenceBase.from_file`` take a path; a wrong type is a
    ``ConversionError`` naming it."""
    p = plan()
    saved = tmp_path / "plan.json"
    saved.write_text(resistx.to_json(p), encoding="utf-8")
    assert resistx.from_json(resistx.Plan, saved) == p
    with pytest.raises(resistx.ConversionError, match="int"):
        resistx.from_json(resistx.Plan, 3)  # type: ignore[arg-type]


def test_preferences_built_in_code_are_refused_with_every_problem_as_loaded_ones_are() -> None:
    """7822: ``Preferences(declines="oral", priority="qol")`` raised a plain ValueError naming
    the first problem, where the same mapping given to ``sequence`` is a ``PreferencesError``
    naming both at their paths."""
    with pytest.raises(resistx.PreferencesError) as caught:
        resistx.Preferences(declines="oral", priority="qol")  # type: ignore[arg-type]
    assert {path for path, _ in caught.value.problems} == {
        "$.preferences.declines",
        "$.preferences.priority",
    }


def test_validate_counts_one_treatment_and_one_result_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """7818: 'valid profile (4 results, 1 treatments)'."""
    import json  # noqa: PLC0415

    from resistx.cli import main  # noqa: PLC0415
    from tests.helpers import patient, result  # noqa: PLC0415

    f = tmp_path / "p.json"
    f.write_text(json.dumps(patient(biomarkers=[result("ESR1", "mutated")])), encoding="utf-8")
    assert main(["validate", str(f)]) == 0
    assert "(1 result, 1 treatment)" in capsys.readouterr().out


def test_a_json_list_given_as_a_profile_is_said_to_be_a_list_not_a_missing_file() -> None:
    """7818: ``echo '[1]' | resistx sequence -`` was told its text is 'neither JSON text nor an
    existing file'; it is JSON, a list where one object belongs."""
    with pytest.raises(resistx.ProfileError, match="starts as a JSON list"):
        resistx.load_profile("[1]\n")


def test_a_cohorts_closing_line_labels_the_policys_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """7818: 'planned under ye2024 1 (evidence ...)': the 1 was the policy's version."""
    import json  # noqa: PLC0415

    from resistx.cli import main  # noqa: PLC0415
    from tests.helpers import patient  # noqa: PLC0415

    given = tmp_path / "in.jsonl"
    given.write_text(json.dumps(patient()) + "\n", encoding="utf-8")
    assert main(["cohort", str(given), "--out", str(tmp_path / "out.jsonl")]) == 0
    assert "1 of 1 patients planned under ye2024 version 1 (evidence" in capsys.readouterr().out


def test_a_mistyped_option_is_refused_with_its_commands_usage_and_the_closest_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """7817: ``resistx sequence --format json FILE`` printed the top-level usage and took
    'json' for the file; the command's own usage, and the option it likely meant, help."""
    from resistx.cli import main  # noqa: PLC0415

    with pytest.raises(SystemExit) as ended:
        main(["sequence", "--jsn", "examples/01-esr1-mutated.json"])
    assert ended.value.code == 2
    said = capsys.readouterr().err
    assert "usage: resistx sequence" in said
    assert "--jsn" in said
    assert "did you mean --json?" in said


def test_a_route_or_priority_as_a_clinic_abbreviates_it_gets_a_hint_on_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """7817: '--declines IV' and '--priority qol' listed the choices only, where the Python
    API (for IV) pointed to the value meant."""
    from resistx.cli import main  # noqa: PLC0415

    for flag, value, meant in (
        ("--declines", "IV", "intravenous"),
        ("--priority", "qol", "quality_of_life"),
    ):
        with pytest.raises(SystemExit):
            main(["sequence", flag, value, "examples/01-esr1-mutated.json"])
        assert f"did you mean {meant}?" in capsys.readouterr().err
    with pytest.raises(resistx.PreferencesError, match="did you mean quality_of_life"):
        resistx.sequence(plan_profile(), {"priority": "QoL"})


def _endocrine_sensitive_pik3ca(**diabetes: object) -> dict[str, object]:
    """7846: HER2-low, PIK3CA E545K (ESR1 not detected), 26 months on palbociclib + letrozole,
    diabetes."""
    from tests.helpers import patient, result  # noqa: PLC0415

    return patient(
        her2="low",
        comorbidities=[{"name": "diabetes", **diabetes}],
        biomarkers=[result("ESR1", "not_detected"), result("PIK3CA", "mutated")],
        treatments=[_first_line("palbociclib", "2024-01-10", "2026-03-20")],
    )


def test_a_pathway_target_waiting_on_glucose_is_no_usable_target_now_as_with_insulin() -> None:
    """7846 (MAJOR, the recheck, practice-2026): with an HbA1c of 9.5% and no insulin, the
    target waiting on glucose no longer held trastuzumab deruxtecan back, and no rule counted
    it unusable: T-DXd came first in endocrine-sensitive disease, where on insulin (and with
    no target) the endocrine-based line leads. It is now read as on insulin: no usable target
    now, its reason saying glucose holds its drugs back (7842: chemotherapy's reason no longer
    says it steps back behind the target's drugs)."""
    for policy in (None, "practice-2026"):
        waiting = resistx.sequence(_endocrine_sensitive_pik3ca(hba1c=9.5), policy=policy)
        insulin = resistx.sequence(
            _endocrine_sensitive_pik3ca(hba1c=9.5, insulin=True), policy=policy
        )
        assert waiting.options[0].regimen.id == insulin.options[0].regimen.id
        text = " ".join(r.text for o in waiting.options for r in o.reasons)
        assert "HbA1c of 8.0% or more holds back the drugs for its PIK3CA finding" in text
        assert "steps back behind the drugs for it" not in text
    p = resistx.sequence(_endocrine_sensitive_pik3ca(hba1c=9.5), policy="practice-2026")
    assert p.options[0].regimen.id != "trastuzumab-deruxtecan"


def test_a_targeted_line_the_patient_declines_holds_nothing_back() -> None:
    """7859, 7841 (MAJOR, the recheck): with drugs by mouth declined, the ESR1 line is left
    out, yet trastuzumab deruxtecan stepped back for 'that endocrine-based line', and the
    HER2-ultralow question left 'before choosing' for it."""
    from tests.helpers import NEGATIVE, patient, result  # noqa: PLC0415

    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:]]
    declined = {"declines": ["oral"]}
    low = resistx.sequence(
        patient(her2="ultralow", biomarkers=esr1), declined, policy="practice-2026"
    )
    tdxd = option(low, "trastuzumab-deruxtecan")
    assert "endocrine_target_before_tdxd" not in {r.code for r in tdxd.reasons}
    zero = resistx.sequence(patient(her2="0", biomarkers=esr1), declined, policy="practice-2026")
    a = _reread(zero)
    assert a is not None
    assert a.before_choosing
    kept = resistx.sequence(patient(her2="ultralow", biomarkers=esr1), policy="practice-2026")
    assert "endocrine_target_before_tdxd" in {
        r.code for r in option(kept, "trastuzumab-deruxtecan").reasons
    }


def _her2_low_after_chemotherapy_with_lung_disease(**lungs: object) -> dict[str, object]:
    """7888: HER2-low after palbociclib and capecitabine, a grade 1 radiation pneumonitis in
    2019."""
    from tests.helpers import CAPECITABINE, PALBOCICLIB, patient  # noqa: PLC0415

    return patient(
        her2="low",
        comorbidities=[{"name": "interstitial_lung_disease", "grade": 1, **lungs}],
        treatments=[PALBOCICLIB, CAPECITABINE],
    )


def test_a_grade_1_lung_disease_resolved_without_steroids_leaves_tdxd_within_its_trial() -> None:
    """7888 (MAJOR, both policies): a remote grade 1 pneumonitis that needed no steroids put
    chemotherapy first and trastuzumab deruxtecan at best an alternative 'until a chest
    physician and a CT' said so, with no field to record the answer. DESTINY-Breast04 left out
    only a lung disease that needed steroids, or one current or suspected: recorded as
    resolved without steroids, T-DXd ranks as the evidence stands, with a caution."""
    for policy in (None, "practice-2026"):
        p = resistx.sequence(
            _her2_low_after_chemotherapy_with_lung_disease(steroids=False, resolved=True),
            policy=policy,
        )
        tdxd = option(p, "trastuzumab-deruxtecan")
        assert tdxd.tier.value == "preferred", [(o.regimen.id, o.tier.value) for o in p.options]
        assert "lung_disease_grade_1" not in {r.code for r in tdxd.reasons}
        assert any("resolved without steroids" in c.text for c in tdxd.cautions)
        for held in (
            {},
            {"steroids": True, "resolved": True},
            {"steroids": False, "resolved": False},
        ):
            q = resistx.sequence(
                _her2_low_after_chemotherapy_with_lung_disease(**held), policy=policy
            )
            assert option(q, "trastuzumab-deruxtecan").tier.value != "preferred"


def test_a_grade_1_lung_disease_without_its_course_asks_it_before_choosing() -> None:
    """7888: the question (did it need steroids, has it resolved) sat in a reason only."""
    p = resistx.sequence(_her2_low_after_chemotherapy_with_lung_disease())
    asked = [a for a in p.actions if a.code == "lung_disease_course"]
    assert asked and asked[0].before_choosing
    assert '"steroids"' in asked[0].text and '"resolved"' in asked[0].text
    told = resistx.sequence(
        _her2_low_after_chemotherapy_with_lung_disease(steroids=False, resolved=True)
    )
    assert not [a for a in told.actions if a.code == "lung_disease_course"]


def test_steroids_and_resolved_are_read_for_an_interstitial_lung_disease_only() -> None:
    from tests.helpers import patient, refusal  # noqa: PLC0415

    said = refusal(patient(comorbidities=[{"name": "diabetes", "steroids": False}]))
    assert "steroids is read for interstitial_lung_disease only" in said


def test_a_cdk46i_course_that_ended_in_progression_is_not_said_to_be_stopped_for_its_event() -> (
    None
):
    """7863-7865 (MINOR, the recheck): abemaciclib + letrozole ended in progression, a
    pneumonitis recorded as its toxicity; ten reasons said 'abemaciclib was stopped for
    pneumonitis' (and 'stopped for toxicity before'). The event arose on it: the cautions stand,
    worded so; a course stopped for it is still said to be."""
    from tests.helpers import NEGATIVE, patient  # noqa: PLC0415

    course = {**_first_line("abemaciclib", "2024-01-10", "2026-03-20"), "toxicity": "pneumonitis"}
    p = resistx.sequence(patient(her2="low", biomarkers=NEGATIVE, treatments=[course]))
    said = [
        t for o in p.options for t in (*(r.text for r in o.reasons), *(c.text for c in o.cautions))
    ]
    assert not [t for t in said if "abemaciclib was stopped" in t]
    assert [t for t in said if "pneumonitis arose on abemaciclib" in t]
    stopped = resistx.sequence(
        patient(her2="low", biomarkers=NEGATIVE, treatments=[{**course, "stop_reason": "toxicity"}])
    )
    assert any(
        "abemaciclib was stopped for pneumonitis" in c.text
        for o in stopped.options
        for c in o.cautions
    )


def test_an_ultralow_reread_comes_after_choosing_where_a_parp_inhibitor_comes_first() -> None:
    """7870, 7876, 7877 (MINOR, practice-2026): with a germline BRCA2 mutation outside
    DESTINY-Breast06's entry, an ultralow reading leaves trastuzumab deruxtecan behind the PARP
    inhibitor (rule 58), yet the question came before choosing."""
    from tests.helpers import NEGATIVE, patient, result  # noqa: PLC0415

    brca = [*NEGATIVE, result("BRCA2", "mutated", origin="germline")]
    a = _reread(resistx.sequence(patient(her2="0", biomarkers=brca), policy="practice-2026"))
    assert a is not None
    assert not a.before_choosing


def test_a_treatment_or_result_built_in_code_is_refused_with_every_problem_at_its_path() -> None:
    """7869 (MINOR, the recheck): ``Treatment(months=-5)`` in code raised a plain ValueError
    with no path; a ``ProfileError`` names each problem, as for the profile."""
    from resistx.model.profile import BiomarkerResult, Condition, Treatment  # noqa: PLC0415

    with pytest.raises(resistx.ProfileError, match=r"\$\.months"):
        Treatment(drugs=("palbociclib",), months=-5)
    with pytest.raises(resistx.ProfileError, match=r"\$\.hba1c"):
        Condition(name=Comorbidity.DIABETES, hba1c=25.0)
    with pytest.raises(resistx.ProfileError, match=r"\$\.tested_on"):
        BiomarkerResult(
            gene="ESR1", status=resistx.BiomarkerStatus.MUTATED, tested_on=dt.date(2300, 1, 1)
        )


def test_a_regimen_asked_by_its_drugs_in_another_order_or_by_a_brand_name_is_pointed_to() -> None:
    """7869 (MINOR, the recheck): 'fulvestrant+capivasertib' was pointed to 'fulvestrant' only,
    'T-DXd' and 'Enhertu' to nothing."""
    p = plan()
    for asked, meant in (
        ("fulvestrant+capivasertib", "capivasertib+fulvestrant"),
        ("T-DXd", "trastuzumab-deruxtecan"),
        ("Enhertu", "trastuzumab-deruxtecan"),
        ("CAPIVASERTIB+FULVESTRANT", "capivasertib+fulvestrant"),
    ):
        with pytest.raises(KeyError, match=f"closest: {re.escape(meant)}"):
            p.option(asked)


def test_a_stop_reason_with_more_said_after_its_event_points_to_the_event_alone() -> None:
    """7886 (MINOR): 'pneumonitis grade 2, treated with steroids, resolved' was 'not an adverse
    event resistx knows', with no hint; 'pneumonitis grade 2' alone was answered well."""
    from tests.helpers import PALBOCICLIB, patient, refusal  # noqa: PLC0415

    course = {**PALBOCICLIB, "stop_reason": "toxicity"}
    said = refusal(
        patient(
            treatments=[
                {**course, "toxicity": "pneumonitis grade 2, treated with steroids, resolved"}
            ]
        )
    )
    assert "name the event alone ('pneumonitis')" in said
    assert '"steroids"' in said and '"resolved"' in said


_TDXD_PNEUMONITIS = {
    "drugs": ["trastuzumab deruxtecan"],
    "line": 3,
    "started_on": "2025-11-01",
    "ended_on": "2026-02-01",
    "stop_reason": "toxicity",
    "toxicity": "pneumonitis",
}


def _lung_grade_1(her2: str, *extra: dict[str, object], **lungs: object) -> dict[str, object]:
    from tests.helpers import CAPECITABINE, NEGATIVE, PALBOCICLIB, patient  # noqa: PLC0415

    return patient(
        her2=her2,
        biomarkers=NEGATIVE,
        comorbidities=[{"name": "interstitial_lung_disease", "grade": 1, **lungs}],
        treatments=[PALBOCICLIB, CAPECITABINE, *extra],
    )


def test_a_current_grade_1_lung_disease_keeps_the_deruxtecan_adcs_later_and_asks_nothing_said() -> (
    None
):
    """7901, 7902 (MAJOR, the second recheck): recorded as needing steroids or not resolved,
    the reason still asked to record both; one not resolved (DESTINY-Breast04 left out a
    current one; the label holds the drug at grade 1 until it resolves) is at best later."""
    for lungs, tier in (
        ({"steroids": True, "resolved": True}, "alternative"),
        ({"steroids": False, "resolved": False}, "later"),
    ):
        p = resistx.sequence(_lung_grade_1("low", **lungs))
        tdxd = option(p, "trastuzumab-deruxtecan")
        text = " ".join(r.text for r in tdxd.reasons)
        assert 'record "steroids"' not in text, text
        assert tdxd.tier.value == tier, (lungs, tdxd.tier.value)


def test_a_lung_disease_tdxd_caused_and_not_resolved_does_not_leave_it_first() -> None:
    """7905d (MAJOR): a pneumonitis that stopped trastuzumab deruxtecan, recorded as grade 1
    and not resolved, gave it first: its label gives it again only once resolved."""
    p = resistx.sequence(_lung_grade_1("low", _TDXD_PNEUMONITIS, steroids=False, resolved=False))
    assert p.options[0].regimen.id != "trastuzumab-deruxtecan"
    assert option(p, "trastuzumab-deruxtecan").tier.value == "later"


def test_the_lung_course_is_asked_where_datopotamab_deruxtecan_is_an_option_in_her2_0() -> None:
    """7904 (MAJOR, practice-2026): HER2 0 after chemotherapy, datopotamab deruxtecan capped
    for a grade 1 lung disease whose course no question asked (rule 160 read HER2-low only)."""
    p = resistx.sequence(_lung_grade_1("0"), policy="practice-2026")
    assert [a for a in p.actions if a.code == "lung_disease_course" and a.before_choosing]


def test_a_resolved_lung_disease_without_steroids_leaves_the_ultralow_question() -> None:
    """7908 (MAJOR, practice-2026): HER2 0 before chemotherapy after a 5-month course, a grade
    1 lung disease resolved without steroids: the ultralow question was left out as if the lung
    disease ruled trastuzumab deruxtecan out."""
    from tests.helpers import NEGATIVE, patient  # noqa: PLC0415

    short = _first_line("palbociclib", "2025-10-01", "2026-03-01")
    p = resistx.sequence(
        patient(
            her2="0",
            biomarkers=NEGATIVE,
            comorbidities=[
                {
                    "name": "interstitial_lung_disease",
                    "grade": 1,
                    "steroids": False,
                    "resolved": True,
                }
            ],
            treatments=[short],
        ),
        policy="practice-2026",
    )
    assert _reread(p) is not None


def test_a_target_whose_drugs_the_patient_declines_is_read_as_no_usable_target() -> None:
    """7914n, 7917 (MAJOR, the second recheck): with drugs by mouth declined, an ESR1 mutation
    (its oral SERDs left out as declined) still held chemotherapy back under ye2024, nothing
    preferred, where with no target chemotherapy is preferred; under practice-2026 trastuzumab
    deruxtecan came first where with no target the endocrine line leads. Declined, the target
    is no usable target, as one no drug can act on, and the reason says why."""
    from tests.helpers import NEGATIVE, patient, result  # noqa: PLC0415

    course = _first_line("ribociclib", "2024-01-10", "2026-03-20")
    declined = {"declines": ["oral"]}
    for policy in (None, "practice-2026"):
        esr1 = resistx.sequence(
            patient(
                her2="low",
                biomarkers=[result("ESR1", "mutated"), *NEGATIVE[1:]],
                treatments=[course],
            ),
            declined,
            policy=policy,
        )
        none = resistx.sequence(
            patient(her2="low", biomarkers=NEGATIVE, treatments=[course]), declined, policy=policy
        )
        if policy is None:
            assert esr1.options[0].regimen.id == none.options[0].regimen.id, policy
        else:  # 8355: fulvestrant alone is no line to hold an ADC back for an ESR1 mutation
            assert none.options[0].regimen.id == "fulvestrant"
            assert esr1.options[0].regimen.id == "trastuzumab-deruxtecan"
        text = " ".join(r.text for r in esr1.options[0].reasons)
        assert "declines the drugs for its ESR1 finding" in text, text


def test_diabetes_without_its_hba1c_beside_a_pathway_target_asks_it_before_choosing() -> None:
    """7919 (MINOR, the second recheck): diabetes (no insulin) with no HbA1c left capivasertib
    preferred and asked nothing, though at 8.0% or more it waits on glucose control."""
    p = resistx.sequence(_endocrine_sensitive_pik3ca(insulin=False))
    asked = [a for a in p.actions if a.code == "diabetes_hba1c_unknown"]
    assert asked and asked[0].before_choosing
    assert '"hba1c"' in asked[0].text
    told = resistx.sequence(_endocrine_sensitive_pik3ca(insulin=False, hba1c=7.0))
    assert not [a for a in told.actions if a.code == "diabetes_hba1c_unknown"]


def test_the_lung_course_is_not_asked_where_its_answer_changes_nothing() -> None:
    """7911 (MINOR, the second recheck): under ye2024 with HER2-ultralow disease (no
    deruxtecan ADC for it in the review) the course was asked before choosing; and with
    steroids recorded, which decides the tier alone, the resolution was still asked."""
    assert not [
        a
        for a in resistx.sequence(_lung_grade_1("ultralow")).actions
        if a.code == "lung_disease_course"
    ]
    assert not [
        a
        for a in resistx.sequence(_lung_grade_1("low", steroids=True)).actions
        if a.code == "lung_disease_course"
    ]


def test_an_adverse_event_on_a_course_that_ended_in_progression_is_not_said_to_have_stopped_it() -> (
    None
):
    """7921e, 7922b (MINOR, the second recheck): a Stevens-Johnson syndrome on palbociclib +
    letrozole, and a hyperglycaemia on alpelisib + fulvestrant, each on a course that ended in
    progression, were said to have stopped it ('Stopped before for ...', 'Stopped alpelisib
    before for hyperglycaemia')."""
    from tests.helpers import NEGATIVE, PALBOCICLIB, patient, result  # noqa: PLC0415

    alpelisib = _second_line(
        ["alpelisib", "fulvestrant"], stop_reason="progression", toxicity="hyperglycemia"
    )
    sjs = {**PALBOCICLIB, "toxicity": "Stevens-Johnson syndrome"}
    pik3ca = [result("PIK3CA", "mutated"), *NEGATIVE[:1], *NEGATIVE[2:]]
    for treatments in ([PALBOCICLIB, alpelisib], [sjs]):
        p = resistx.sequence(patient(biomarkers=pik3ca, treatments=treatments))
        said = [r.text for e in p.excluded for r in e.reasons] + [
            t
            for o in p.options
            for t in (*(r.text for r in o.reasons), *(c.text for c in o.cautions))
        ]
        assert not [t for t in said if t.startswith("Stopped")], [t for t in said if "Stopped" in t]


def test_a_trial_with_no_population_to_grade_says_so_not_an_empty_list() -> None:
    """7819 (the developer's review): ``mcbs_grade(eb.trial("TAKTIC"))`` said "its populations: "
    with nothing after; it now says the trial reports no figure to grade."""
    eb = resistx.evidence()
    with pytest.raises(KeyError, match="reports no population with a figure to grade"):
        resistx.mcbs_grade(eb.trial("TAKTIC"))


def test_a_fhir_bundle_with_no_patient_says_what_it_assumed() -> None:
    """7826 (the developer's review): a bundle with its Patient removed converted with
    patient_id and sex unset and nothing in the report about it."""
    import json  # noqa: PLC0415

    from resistx import interop  # noqa: PLC0415

    root = Path(__file__).parents[1] / "examples" / "interop"
    bundle = json.loads((root / "01-esr1-mutated.fhir.json").read_text(encoding="utf-8"))
    bundle["entry"] = [e for e in bundle["entry"] if e["resource"]["resourceType"] != "Patient"]
    done = interop.from_fhir(bundle)
    assert any("no Patient resource" in a.text for a in done.assumptions)


def test_leptomeningeal_disease_is_not_read_as_endocrine_sensitive_disease() -> None:
    """7973 (MAJOR, practice-2026): leptomeningeal metastases (no crisis recorded) after 14
    months of ribociclib + letrozole: abemaciclib + fulvestrant came first as 'postMONARCH's
    population', which excluded leptomeningeal carcinomatosis, and chemotherapy sixth, while
    the plan asked whether the disease is life-threatening. As with liver metastases and
    hepatic impairment (rule 124), the endocrine-sensitive reading waits on that answer."""
    from tests.helpers import NEGATIVE, patient  # noqa: PLC0415

    p = resistx.sequence(
        patient(
            biomarkers=NEGATIVE,
            metastatic_sites=["leptomeningeal", "bone"],
            treatments=[_first_line("ribociclib", "2025-01-10", "2026-03-20")],
        ),
        policy="practice-2026",
    )
    codes = {r.code for o in p.options for r in o.reasons}
    assert not codes & {
        "endocrine_sensitive_endocrine_first",
        "endocrine_sensitive_chemotherapy_later",
    }
    assert p.options[0].regimen.id != "abemaciclib+fulvestrant"


def test_with_tests_pending_after_a_long_first_line_no_adc_leads_the_endocrine_lines() -> None:
    """7978 (MAJOR, practice-2026): bone-only HER2-low disease after 30 months of abemaciclib +
    anastrozole, nothing tested: trastuzumab deruxtecan came first ('at best an alternative
    until the tests are back'), though any result keeps an endocrine-based line first: a target
    its drug, none the endocrine-sensitive line (7982)."""
    from tests.helpers import patient  # noqa: PLC0415

    p = resistx.sequence(
        patient(
            her2="low",
            biomarkers=[],
            metastatic_sites=["bone"],
            treatments=[_first_line("abemaciclib", "2023-11-01", "2026-04-10")],
        ),
        policy="practice-2026",
    )
    first = p.options[0].regimen
    assert first.id != "trastuzumab-deruxtecan", [(o.regimen.id, o.tier.value) for o in p.options]
    tdxd = option(p, "trastuzumab-deruxtecan")
    endocrine = (
        resistx.RegimenKind.ENDOCRINE_MONOTHERAPY,
        resistx.RegimenKind.ENDOCRINE_COMBINATION,
    )
    assert any(o.rank < tdxd.rank and o.regimen.kind in endocrine for o in p.options)


def test_tdxd_after_its_own_grade_1_pneumonitis_of_unknown_resolution_waits_on_it() -> None:
    """7905c (MAJOR, the third recheck): its label gives it again only once resolved to grade
    0; with the resolution not recorded it came first, preferred, and nothing asked."""
    p = resistx.sequence(_lung_grade_1("low", _TDXD_PNEUMONITIS))
    tdxd = option(p, "trastuzumab-deruxtecan")
    assert tdxd.tier.value != "preferred"
    assert [a for a in p.actions if a.code == "lung_disease_course" and a.before_choosing]
    resolved = resistx.sequence(_lung_grade_1("low", _TDXD_PNEUMONITIS, resolved=True))
    assert option(resolved, "trastuzumab-deruxtecan").tier.value == "preferred"


def test_a_deruxtecan_adc_with_a_lung_disease_not_resolved_ranks_after_every_option_without() -> (
    None
):
    """7957 (MAJOR, the third recheck): HER2-low after chemotherapy, tests pending, a grade 1
    lung disease not resolved: with nothing preferred, trastuzumab deruxtecan ('at best a later
    option until then') ranked first, above chemotherapy."""
    from tests.helpers import CAPECITABINE, PALBOCICLIB, patient  # noqa: PLC0415

    p = resistx.sequence(
        patient(
            her2="low",
            biomarkers=[],
            comorbidities=[{"name": "interstitial_lung_disease", "grade": 1, "resolved": False}],
            treatments=[PALBOCICLIB, CAPECITABINE],
        )
    )
    tdxd = option(p, "trastuzumab-deruxtecan")
    assert rank(p, "chemotherapy") < tdxd.rank, [(o.regimen.id, o.tier.value) for o in p.options]


def test_a_germline_brca_target_whose_parp_inhibitors_are_declined_holds_nothing_back() -> None:
    """7933 (MAJOR, the third recheck): with drugs by mouth declined, both PARP inhibitors are
    left out as declined, yet chemotherapy's reason said 'a PARP inhibitor did better ...:
    chemotherapy comes after it', beside one that says no usable target."""
    from tests.helpers import NEGATIVE, patient, result  # noqa: PLC0415

    brca = [*NEGATIVE, result("BRCA2", "mutated", origin="germline")]
    for prefs in ({"declines": ["oral"]}, {"declines_kinds": ["parp_inhibitor"]}):
        p = resistx.sequence(patient(biomarkers=brca), prefs)
        codes = {r.code for r in option(p, "chemotherapy").reasons}
        assert "parp_inhibitor_before_chemotherapy" not in codes, prefs
    kept = resistx.sequence(patient(biomarkers=brca))
    assert "parp_inhibitor_before_chemotherapy" in {
        r.code for r in option(kept, "chemotherapy").reasons
    }


def test_events_on_courses_that_ended_in_progression_are_worded_once_and_without_a_stop() -> None:
    """7953, 7954 (MINOR, the third recheck): 'QT prolongation arose on ribociclib' beside 'qt
    prolongation arose on ribociclib before' in one plan; datopotamab deruxtecan 'the same
    payload as the drug it stopped' after trastuzumab deruxtecan ended in progression."""
    from tests.helpers import CAPECITABINE, NEGATIVE, PALBOCICLIB, patient  # noqa: PLC0415

    qt = {**_first_line("ribociclib", "2024-01-10", "2026-03-20"), "toxicity": "QT prolongation"}
    p = resistx.sequence(patient(biomarkers=NEGATIVE, treatments=[qt]))
    texts = [
        t for o in p.options for t in (*(r.text for r in o.reasons), *(c.text for c in o.cautions))
    ]
    assert not [t for t in texts if "qt prolongation" in t]
    tdxd = {**_TDXD_PNEUMONITIS, "stop_reason": "progression"}
    q = resistx.sequence(
        patient(her2="low", biomarkers=NEGATIVE, treatments=[PALBOCICLIB, CAPECITABINE, tdxd]),
        policy="practice-2026",
    )
    said = [r.text for e in q.excluded for r in e.reasons]
    assert not [t for t in said if "the drug it stopped" in t]


def test_a_trial_of_a_declined_kind_is_left_out_with_it() -> None:
    """7936 (MAJOR, the third recheck): with targeted + endocrine regimens declined, FINER and
    TAKTIC (ipatasertib with fulvestrant) stayed in and could rank first."""
    from tests.helpers import NEGATIVE, patient, result  # noqa: PLC0415

    pik3ca = [result("PIK3CA", "mutated"), *NEGATIVE[:1], *NEGATIVE[2:]]
    kept = resistx.sequence(patient(biomarkers=pik3ca))
    assert [o for o in kept.options if "ipatasertib" in o.regimen.drugs]
    p = resistx.sequence(patient(biomarkers=pik3ca), {"declines_kinds": ["targeted+endocrine"]})
    assert not [o for o in p.options if "ipatasertib" in o.regimen.drugs]
    assert [
        e
        for e in p.excluded
        if "ipatasertib" in e.regimen.drugs and "declined" in {c.value for c in e.codes}
    ]


def test_questions_for_declined_drugs_are_not_asked_before_choosing() -> None:
    """7938, 7939, 7958 (MINOR, the third recheck): the HbA1c question with the PI3K drugs
    declined or in a visceral crisis, and the lung question with the deruxtecan ADCs declined,
    came before choosing, though no answer could change the plan."""
    glucose = _endocrine_sensitive_pik3ca(insulin=False)
    for prefs, extra in (
        ({"declines_kinds": ["targeted+endocrine"]}, {}),
        (None, {"visceral_crisis": True}),
    ):
        p = resistx.sequence({**glucose, **extra}, prefs)
        assert not [
            a for a in p.actions if a.code == "diabetes_hba1c_unknown" and a.before_choosing
        ]
    lungs = resistx.sequence(_lung_grade_1("low"), {"declines_kinds": ["adc"]})
    assert not [a for a in lungs.actions if a.code == "lung_disease_course" and a.before_choosing]


def test_a_parp_inhibitor_declined_by_its_kind_holds_the_ultralow_question_back_no_more() -> None:
    """Rule 34 read a PARP inhibitor declined by route only: declined by its kind, it comes
    first no more, so the ultralow question comes before choosing again (the review of the
    session's change: one reading of a declined PARP inhibitor, ``hrd.parp_declined``)."""
    from tests.helpers import NEGATIVE, patient, result  # noqa: PLC0415

    # within DESTINY-Breast06's entry nothing holds it back; outside it, for endocrine-
    # sensitive disease with no ESR1 or pathway finding, rule 32 does (8967): an ESR1 finding
    # whose drugs by mouth are declined leaves only the PARP inhibitor to hold it back
    esr1 = [result("ESR1", "mutated"), *NEGATIVE[1:], result("BRCA2", "mutated", origin="germline")]
    p = resistx.sequence(
        patient(her2="0", biomarkers=esr1),
        {"declines_kinds": ["parp_inhibitor"], "declines": ["oral"]},
        policy="practice-2026",
    )
    a = _reread(p)
    assert a is not None
    assert a.before_choosing
