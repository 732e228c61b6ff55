"""Profile schema 2: what a clinician must be able to say, each field read by the engine."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given

import resistx
from tests import strategies
from tests.helpers import NEGATIVE, PALBOCICLIB, option, patient, plan, result


def v2(**kw: Any) -> dict[str, Any]:
    return patient(schema_version=2, **kw)


def test_a_schema_1_profile_loads_migrated_and_the_plan_says_so() -> None:
    p = plan(biomarkers=NEGATIVE)
    assert any("schema 1, read as schema 2" in n for n in p.notes)
    assert not any("schema 1" in n for n in resistx.sequence(v2(biomarkers=NEGATIVE)).notes)


def test_her2_is_derived_from_its_test_results() -> None:
    tests = [{"score": "0", "sample": "tissue"}, {"score": "2+", "ish": "negative"}]
    data = v2(her2_tests=tests)
    del data["her2"]
    assert resistx.load_profile(data).her2.value == "low"


def test_an_ihc_3_plus_or_ish_positive_result_is_out_of_scope() -> None:
    data = v2(her2_tests=[{"score": "2+", "ish": "positive"}])
    del data["her2"]
    with pytest.raises(resistx.OutOfScopeError):
        resistx.load_profile(data)


def test_her2_and_her2_tests_that_disagree_are_an_error() -> None:
    with pytest.raises(resistx.ProfileError, match="her2_tests say 'low'"):
        resistx.load_profile(v2(her2="0", her2_tests=[{"score": "1+"}]))


def test_a_her2_score_on_a_blood_saliva_or_plasma_sample_is_an_error_at_its_path() -> None:
    """Case 946's reviewer (INPUT): a HER2 IHC score on a saliva sample was accepted and read
    as HER2-low. HER2 is scored on tumour tissue: another sample is an error naming where."""
    for sample in ("saliva", "blood", "ctdna"):
        data = v2(
            her2_tests=[{"score": "0", "sample": "tissue"}, {"score": "1+", "sample": sample}]
        )
        del data["her2"]
        with pytest.raises(resistx.ProfileError, match=r"her2_tests\[1\]\.sample.*tissue"):
            resistx.load_profile(data)


def test_ihc_2_plus_without_its_ish_result_is_an_error() -> None:
    data = v2(her2_tests=[{"score": "2+"}])
    del data["her2"]
    with pytest.raises(resistx.ProfileError, match="ISH"):
        resistx.load_profile(data)


def test_a_premenopausal_woman_is_told_an_ai_or_fulvestrant_needs_ovarian_suppression() -> None:
    p = resistx.sequence(v2(menopausal_status="premenopausal", biomarkers=NEGATIVE))
    fulv = option(p, "fulvestrant")
    assert any(c.code == "ovarian_suppression_needed" for c in fulv.cautions)
    assert not any(
        c.code == "ovarian_suppression_needed" for c in option(p, "chemotherapy").cautions
    )


def test_a_premenopausal_woman_is_told_the_oral_serd_trial_enrolled_postmenopausal_patients() -> (
    None
):
    """The review: EMERALD 'enrolled postmenopausal patients'. Elacestrant (and the other oral
    SERDs) carried no word of it for a premenopausal woman, while fulvestrant did."""
    p = resistx.sequence(v2(menopausal_status="premenopausal", biomarkers=NEGATIVE))
    [said] = [
        c for c in option(p, "elacestrant").cautions if c.code == "ovarian_suppression_needed"
    ]
    assert said.rule == 40 and "postmenopausal" in said.text
    post = resistx.sequence(v2(menopausal_status="postmenopausal", biomarkers=NEGATIVE))
    assert not any(
        c.code == "ovarian_suppression_needed" for c in option(post, "elacestrant").cautions
    )


def test_a_man_is_told_an_aromatase_inhibitor_needs_a_gnrh_agonist() -> None:
    p = resistx.sequence(v2(sex="male", biomarkers=NEGATIVE))
    evex = option(p, "everolimus+exemestane")
    assert any(c.code == "gnrh_agonist_needed" for c in evex.cautions)
    assert not any(c.code == "gnrh_agonist_needed" for c in option(p, "fulvestrant").cautions)
    assert any("Male patient" in n for n in p.notes)


def test_a_prolonged_qtc_excludes_ribociclib_regimens() -> None:
    p = resistx.sequence(v2(comorbidities=["long QT"], biomarkers=NEGATIVE))
    excluded = p.exclusion("ribociclib+fulvestrant")
    assert excluded is not None
    assert "contraindicated" in {c.value for c in excluded.codes}
    ok = resistx.sequence(v2(biomarkers=NEGATIVE))
    assert any(
        c.code == "ribociclib_qt_liver" for c in option(ok, "ribociclib+fulvestrant").cautions
    )


def test_neuropathy_grade_2_cautions_chemotherapy_and_grade_1_asks_to_watch_it() -> None:
    two = resistx.sequence(v2(comorbidities=[{"name": "neuropathy", "grade": 2}]))
    one = resistx.sequence(v2(comorbidities=[{"name": "neuropathy", "grade": 1}]))
    said_two = {c.code for c in option(two, "chemotherapy").cautions}
    said_one = {c.code for c in option(one, "chemotherapy").cautions}
    assert "neuropathy_caution" in said_two and "neuropathy_monitoring" not in said_two
    assert "neuropathy_monitoring" in said_one and "neuropathy_caution" not in said_one


def test_a_neuropathy_caution_suggests_only_agents_not_given_before() -> None:
    """After capecitabine, 'prefer capecitabine' would misread her history: the caution names
    the non-neurotoxic agents, and asks for one the disease has not progressed on."""
    p = resistx.sequence(v2(comorbidities=[{"name": "neuropathy", "grade": 2}]))
    [said] = [c for c in option(p, "chemotherapy").cautions if c.code == "neuropathy_caution"]
    assert "has not progressed on" in said.text


def test_hepatic_impairment_cautions_everolimus_and_abemaciclib_from_their_labels() -> None:
    """Their labels lower the dose (everolimus, by Child-Pugh class) or the frequency
    (abemaciclib, severe impairment); the review has no word of it, and the caution says so."""
    p = resistx.sequence(v2(comorbidities=["hepatic_impairment"], biomarkers=NEGATIVE))
    for rid in ("everolimus+exemestane", "abemaciclib"):
        [said] = [c for c in option(p, rid).cautions if c.code == "hepatic_impairment_caution"]
        assert "label" in said.text and said.rule == 12


def test_a_comorbidity_value_belongs_to_its_comorbidity() -> None:
    with pytest.raises(
        resistx.ProfileError,
        match="grade is read for neuropathy, cytopenia, interstitial_lung_disease and "
        "chronic_lung_disease only",
    ):
        resistx.load_profile(v2(comorbidities=[{"name": "diabetes", "grade": 2}]))


def test_a_ctdna_negative_with_a_low_tumour_fraction_is_not_a_negative() -> None:
    low = [dict(r, tumour_fraction=0.004) for r in NEGATIVE]
    p = resistx.sequence(v2(biomarkers=low))
    assert not any(r.code == "no_actionable_alteration" for r in option(p, "chemotherapy").reasons)
    assert any("not read as a negative" in n for n in p.notes)
    assert any(a.code == "retest" for a in p.actions)


def test_the_toxicity_a_cdk46i_was_stopped_for_is_read() -> None:
    toxic = dict(PALBOCICLIB, stop_reason="toxicity", toxicity="Neutropenia")
    assert resistx.load_profile(v2(treatments=[toxic])).treatments[0].toxicity == "neutropenia"
    with pytest.raises(resistx.ProfileError, match="not an adverse event"):
        resistx.load_profile(v2(treatments=[dict(toxic, toxicity="sneezing fits")]))


def test_germline_results_from_blood_or_saliva_are_read() -> None:
    b = result("BRCA2", "mutated", origin="germline", sample="saliva")
    p = resistx.sequence(v2(biomarkers=[*NEGATIVE, b]))
    olaparib = p.option("olaparib")
    assert olaparib is not None
    assert "germline_brca_matches_parp_inhibitor" in {r.code for r in olaparib.reasons}


def test_preferences_built_in_code_are_checked_like_json() -> None:
    fixed = resistx.sequence(patient(), resistx.Preferences(priority="survival"))  # type: ignore[arg-type]
    assert fixed == resistx.sequence(patient(), {"priority": "survival"})
    with pytest.raises(resistx.ProfileError) as info:
        resistx.sequence(patient(), resistx.Preferences(cost_sensitive="yes"))  # type: ignore[arg-type]
    assert "$.preferences.cost_sensitive" in dict(info.value.problems)


def test_a_profile_built_in_code_with_a_plain_string_menopausal_status_is_read() -> None:
    made = resistx.Profile(
        schema_version=2,
        hormone_receptor="positive",  # type: ignore[arg-type]
        her2="0",  # type: ignore[arg-type]
        menopausal_status="premenopausal",  # type: ignore[arg-type]
    )
    p = resistx.sequence(made)
    assert any("Premenopausal" in n for n in p.notes)


@given(strategies.profile_dicts(), strategies.preferences)
def test_what_validate_accepts_sequence_accepts(data: dict[str, Any], prefs: Any) -> None:
    """Issue 9, defect 4: the checks of ``validate`` are those of ``sequence``: a profile that
    loads never raises in ``sequence``."""
    try:
        profile = resistx.load_profile(data)
    except (resistx.ProfileError, resistx.OutOfScopeError):
        return
    resistx.sequence(profile, prefs)
    resistx.sequence(data, prefs)


def test_dato_dxd_is_datopotamab_deruxtecan_not_t_dxd() -> None:
    dato = {"drugs": ["Dato-DXd"], "started_on": "2025-05-01", "ended_on": "2025-10-01"}
    loaded = resistx.load_profile(v2(treatments=[PALBOCICLIB, dato]))
    assert loaded.treatments[1].drugs == ("datopotamab deruxtecan",)


def test_a_profile_made_in_code_equal_to_a_checked_one_is_still_checked() -> None:
    """Plain strings compare equal to str enums: a Profile made in code that equals one already
    loaded must still go through the converter (checked by identity, not by equality)."""
    loaded = resistx.load_profile(v2(menopausal_status="premenopausal", biomarkers=NEGATIVE))
    made = attrs.evolve(loaded, menopausal_status="premenopausal")  # type: ignore[arg-type]
    assert made == loaded and made is not loaded
    p = resistx.sequence(made)
    assert any(n.startswith("Premenopausal") for n in p.notes)
