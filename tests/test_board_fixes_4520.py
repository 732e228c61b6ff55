"""Session 58: the leftovers of session 57's reviews and the reviews of cases 4520 onwards."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import resistx
from resistx.cli import main
from tests.helpers import result
from tests.test_board_fixes_882 import _course
from tests.test_board_fixes_962 import _woman
from tests.test_board_fixes_2205 import _refusal
from tests.test_board_fixes_3702 import (
    _germline,
    _noted,
    _short_palbociclib,
    _tumour_tested_but,
)

ADC = resistx.RegimenKind.ADC
CHEMOTHERAPY_DECLINED = {"declines_kinds": ["chemotherapy"]}


def _asked(plan: resistx.Plan) -> bool:
    return any(a.code == "ask_adc_refusal" for a in plan.actions)


def _after_both_adcs() -> dict[str, Any]:
    """Case 3727's patient, HER2-low, after capecitabine, trastuzumab deruxtecan and
    sacituzumab govitecan, each to progression: the review's two ADCs are left out by her
    history."""
    data = _short_palbociclib("low")
    data["treatments"] = [
        *data["treatments"],
        _course(["capecitabine"], "2026-04-25", "2026-07-01", "progression", line=2),
        _course(["trastuzumab deruxtecan"], "2026-07-05", "2026-10-01", "progression", line=3),
        _course(["sacituzumab govitecan"], "2026-10-05", "2026-11-20", "progression", line=4),
    ]
    return data | {"as_of": "2026-11-25"}


def test_the_adc_question_is_not_asked_where_every_adc_is_left_out_for_another_reason() -> None:
    """Session 57's leftover: a patient declining chemotherapy after both of the review's ADCs
    was asked whether the refusal covers the ADCs, none of which the plan offers; under
    practice-2026 datopotamab deruxtecan is still an option, and the question stands."""
    plan = resistx.sequence(_after_both_adcs(), CHEMOTHERAPY_DECLINED)
    assert not [o for o in plan.options if o.regimen.kind is ADC]
    assert not _asked(plan)
    newer = resistx.sequence(_after_both_adcs(), CHEMOTHERAPY_DECLINED, policy="practice-2026")
    assert [o for o in newer.options if o.regimen.kind is ADC]
    assert _asked(newer)


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_a_patient_who_declines_chemotherapy_but_accepts_the_adcs_has_them_as_the_evidence_stands(
    policy: str,
) -> None:
    """Session 57's leftover: the preferences could not record that the patient, asked, accepts
    the ADCs, so the plan kept asking and kept them after the options of their tier; with
    accepts_kinds ['adc'] they are ranked as without the refusal, nothing asked, and a note
    says the refusal does not cover them."""
    prefs = CHEMOTHERAPY_DECLINED | {"accepts_kinds": ["adc"]}
    plan = resistx.sequence(_short_palbociclib("low"), prefs, policy=policy)
    asked = resistx.sequence(_short_palbociclib("low"), CHEMOTHERAPY_DECLINED, policy=policy)
    assert _asked(asked)
    assert not _asked(plan)
    adcs = [o for o in plan.options if o.regimen.kind is ADC]
    assert adcs
    for o in adcs:
        assert "adc_refusal_unclear" not in {r.code for r in o.reasons}
    # as ranked where nothing is declined, chemotherapy aside
    plain = resistx.sequence(_short_palbociclib("low"), policy=policy)
    kept = [
        o.regimen.id
        for o in plain.options
        if o.regimen.kind is not resistx.RegimenKind.CHEMOTHERAPY
    ]
    assert [o.regimen.id for o in plan.options] == kept
    assert any("accepts" in n and "antibody-drug conjugates" in n for n in plan.notes)


def test_a_kind_both_declined_and_accepted_is_refused_naming_both() -> None:
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.sequence(
            _short_palbociclib(),
            {"declines_kinds": ["chemotherapy", "adc"], "accepts_kinds": ["adc"]},
        )
    message = str(caught.value)
    assert "accepts_kinds" in message and "declines_kinds" in message and "adc" in message


def test_a_kind_accepted_twice_is_refused() -> None:
    with pytest.raises(resistx.ProfileError) as caught:
        resistx.sequence(_short_palbociclib(), {"accepts_kinds": ["adc", "adc"]})
    assert "accepts_kinds" in str(caught.value)


def test_the_command_line_takes_a_kind_accepted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``--accepts-kind adc`` beside ``--declines-kind chemotherapy``: nothing asked."""
    profile = tmp_path / "case3727.json"
    profile.write_text(json.dumps(_short_palbociclib("low")), encoding="utf-8")
    declined = ["sequence", "--json", "--declines-kind", "chemotherapy"]
    assert main([*declined, str(profile)]) == 0
    asked = json.loads(capsys.readouterr().out)
    assert "ask_adc_refusal" in {a["code"] for a in asked["actions"]}
    assert main([*declined, "--accepts-kind", "adc", str(profile)]) == 0
    plan = json.loads(capsys.readouterr().out)
    assert "ask_adc_refusal" not in {a["code"] for a in plan["actions"]}
    with pytest.raises(SystemExit):
        main([*declined, "--accepts-kind", "antibody", str(profile)])


def _germline_pten_and_tumour(tumour: dict[str, Any]) -> dict[str, Any]:
    """A germline pathogenic PTEN variant (Cowden syndrome) and one tumour result of PTEN."""
    germline = _germline("PTEN", "mutated") | {"variant": "p.Arg130Ter"}
    data = _tumour_tested_but(germline)
    data["biomarkers"] = [*data["biomarkers"], tumour]
    return data


def test_a_germline_pten_variant_beside_a_tumour_ngs_negative_asks_the_laboratory() -> None:
    """Session 57's leftover: a germline pathogenic PTEN variant beside a tissue NGS 'not
    detected' for PTEN was not flagged; tumour sequencing shows a constitutional variant unless
    the assay subtracts the germline (tumour-normal), so the two disagree, and the tumour's
    negative decides whether capivasertib is selected."""
    tumour = result("PTEN", "not_detected", sample="tissue")
    plan = resistx.sequence(_germline_pten_and_tumour(tumour))
    (asked,) = [a for a in plan.actions if a.code == "resolve_germline_tumour"]
    assert asked.before_choosing and asked.genes == ("PTEN",) and asked.rule == 21
    assert "germline" in asked.text and "not_detected" in asked.text


@pytest.mark.parametrize(
    "tumour",
    [
        result("PTEN", "wild_type", sample="tissue", assay="ihc"),  # expression kept: no doubt
        result("PTEN", "mutated", sample="tissue", variant="p.Arg130Ter"),  # it found it
    ],
)
def test_a_germline_pten_variant_beside_a_tumour_result_that_agrees_asks_nothing(
    tumour: dict[str, Any],
) -> None:
    plan = resistx.sequence(_germline_pten_and_tumour(tumour))
    assert not [a for a in plan.actions if a.code == "resolve_germline_tumour"]
    if tumour["status"] == "mutated":  # the tumour's NGS shows it: CAPItello-291 read so
        capivasertib = plan.option("capivasertib+fulvestrant")
        assert capivasertib is not None
        assert "akt_pathway_alteration_matches_capivasertib" in {
            r.code for r in capivasertib.reasons
        }


def test_a_germline_vus_beside_a_tumour_negative_asks_nothing() -> None:
    germline = _germline("PTEN", "mutated") | {"classification": "vus"}
    data = _tumour_tested_but(germline)
    data["biomarkers"] = [*data["biomarkers"], result("PTEN", "not_detected", sample="tissue")]
    plan = resistx.sequence(data)
    assert not [a for a in plan.actions if a.code == "resolve_germline_tumour"]


def _man_with_esr1(*gnrh: dict[str, Any]) -> dict[str, Any]:
    """Case 4541a: a man with ESR1 Y537S on ctDNA after 31 months of ribociclib + letrozole;
    ``gnrh``: a GnRH-agonist course of its own (4567a: goserelin going on)."""
    data = _woman(
        "2026-06-01",
        [
            result("ESR1", "mutated", tested_on="2026-05-10", variant="Y537S"),
            *(
                result(g, "not_detected", tested_on="2026-05-10")
                for g in ("PIK3CA", "AKT1", "PTEN")
            ),
        ],
        *gnrh,
        _course(["ribociclib", "letrozole"], "2023-09-01", "2026-04-20", "progression", line=1),
    )
    del data["menopausal_status"]
    return data | {"sex": "male"}


@pytest.mark.parametrize("gnrh", [(), (_course(["goserelin"], "2023-09-01", None, "ongoing"),)])
def test_a_man_offered_vepdegestrant_is_told_veritac_2_required_a_gnrh_agonist(
    gnrh: tuple[dict[str, Any], ...],
) -> None:
    """Case 4541a (MAJOR, practice-2026): vepdegestrant was preferred for a man with no word
    that VERITAC-2 required men to start or continue an LHRH agonist (its published eligibility
    criteria), and the note called an agonist beside an oral SERD the clinician's choice."""
    plan = resistx.sequence(_man_with_esr1(*gnrh), policy="practice-2026")
    vepdegestrant = plan.option("vepdegestrant")
    assert vepdegestrant is not None
    (caution,) = [c for c in vepdegestrant.cautions if c.code == "gnrh_agonist_needed"]
    assert "VERITAC-2" in caution.trials and "LHRH" in caution.text
    if gnrh:
        assert "continue goserelin" in caution.text
    (note,) = [n for n in plan.notes if n.startswith("Male patient")]
    assert "VERITAC-2" in note
    # elacestrant: EMERALD's men had no such requirement in the sources; fulvestrant neither
    for other in ("elacestrant", "fulvestrant"):
        option = plan.option(other)
        assert option is None or not [c for c in option.cautions if c.code == "gnrh_agonist_needed"]


def test_a_gnrh_agonist_the_patient_chose_to_stop_is_not_to_be_continued() -> None:
    """Case 4522a (MINOR): goserelin as a course of its own, stopped by the patient's choice on
    the day letrozole's line progressed: every endocrine option said 'continue goserelin'."""
    goserelin = _course(["goserelin"], "2023-09-01", "2026-04-20", "patient_choice")
    data = _man_with_esr1(goserelin) | {"sex": "female", "menopausal_status": "premenopausal"}
    plan = resistx.sequence(data)
    said = [
        c.text for o in plan.options for c in o.cautions if c.code == "ovarian_suppression_needed"
    ]
    assert said
    assert not [t for t in said if "continue goserelin" in t]
    assert not [n for n in plan.notes if "continue goserelin" in n]
    # stopped with the line at its progression: given with it, to be continued
    kept = _course(["goserelin"], "2023-09-01", "2026-04-20", "progression")
    plan = resistx.sequence(
        _man_with_esr1(kept) | {"sex": "female", "menopausal_status": "premenopausal"}
    )
    assert [c for o in plan.options for c in o.cautions if "continue goserelin" in c.text]


def test_gedatolisib_reads_a_ctdna_only_pik3ca_negative_as_alpelisib_does() -> None:
    """Case 4628a (MINOR, practice-2026): a PIK3CA negative on ctDNA alone made gedatolisib a
    match for VIKTORIA-1's wild-type cohort while the same plan had alpelisib wait on tissue
    because plasma can miss a mutation; both now wait on tissue."""
    negatives = [result(g, "not_detected") for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")]
    first = _course(["palbociclib", "letrozole"], "2024-01-10", "2026-04-20", "progression", line=1)
    plan = resistx.sequence(_woman("2026-06-01", negatives, first), policy="practice-2026")
    for rid in ("gedatolisib+fulvestrant", "gedatolisib+palbociclib+fulvestrant"):
        option = plan.option(rid)
        assert option is not None
        codes = {r.code for r in option.reasons}
        assert "pik3ca_wild_type_matches_gedatolisib" not in codes
        assert "gedatolisib_pik3ca_ctdna_only" in codes
        assert "PIK3CA on tissue" in option.waits_on
    alpelisib = plan.option("alpelisib+fulvestrant")
    assert alpelisib is not None and "PIK3CA on tissue" in alpelisib.waits_on


def _germline_rb1_and(tumour: dict[str, Any]) -> dict[str, Any]:
    """Case 4617: a germline RB1 p.Arg579Ter (hereditary retinoblastoma) and one tumour result
    of RB1, after 26 months of palbociclib + letrozole."""
    germline = _germline("RB1", "mutated") | {"variant": "p.Arg579Ter"}
    data = _tumour_tested_but(germline)
    data["biomarkers"] = [*data["biomarkers"], tumour]
    return data


@pytest.mark.parametrize(
    "tumour",
    [
        result("RB1", "mutated", variant="c.1735C>T"),  # 4617c: the same variant, as cDNA
        result("RB1", "mutated"),  # 4617d: plasma names no variant
        result("RB1", "mutated", sample="tissue", variant="R579*"),  # 4605a: seen in the tumour
    ],
)
def test_a_germline_rb1_variant_the_tumour_result_cannot_be_told_from_is_not_rb1_loss(
    tumour: dict[str, Any],
) -> None:
    """Cases 4605 and 4617 (MAJOR): a germline RB1 variant and a tumour result that names it in
    another notation, names no variant (plasma), or names it on tissue (every cell carries it)
    left every CDK4/6 inhibitor out as the tumour's RB1 loss; the germline variant in one copy
    is not the loss of RB the review reads as resistance."""
    plan = resistx.sequence(_germline_rb1_and(tumour))
    assert plan.option("abemaciclib+fulvestrant") is not None
    notes = [n for n in plan.notes if n.startswith("RB1")]
    assert any("germline" in n and "not read as the tumour's" in n for n in notes), notes


@pytest.mark.parametrize(
    "tumour",
    [
        result("RB1", "mutated", variant="p.Arg661Trp"),  # another variant: a second hit
        result("RB1", "loss", sample="tissue"),  # the other copy lost in the tumour
        result("RB1", "loss"),  # ... and in plasma, a copy-number call
    ],
)
def test_a_second_rb1_hit_beside_a_germline_variant_is_the_tumours_loss(
    tumour: dict[str, Any],
) -> None:
    assert resistx.sequence(_germline_rb1_and(tumour)).option("abemaciclib+fulvestrant") is None


def _her2_low_with_lvef(lvef: int) -> dict[str, Any]:
    """Case 4610a: HER2-low after palbociclib + letrozole and capecitabine, cardiac disease with
    its LVEF."""
    data = _short_palbociclib("low")
    data["treatments"] = [
        *data["treatments"],
        _course(["capecitabine"], "2026-04-25", "2026-07-01", "progression", line=2),
    ]
    return data | {
        "as_of": "2026-07-10",
        "comorbidities": [{"name": "cardiac_disease", "lvef": lvef}],
    }


@pytest.mark.parametrize(
    ("lvef", "code", "tier"),
    [
        (48, "lvef_reduced_tdxd_alternative", resistx.Tier.ALTERNATIVE),  # 4610a
        (42, "lvef_reduced_tdxd_later", resistx.Tier.LATER),
    ],
)
def test_trastuzumab_deruxtecan_is_graded_by_the_lvef_bands_of_its_label(
    lvef: int, code: str, tier: resistx.Tier
) -> None:
    """Case 4610a (MAJOR): an LVEF of 48% put trastuzumab deruxtecan after every option, below
    off-label ones, though its label goes on giving it above 45%; between 40% and 45% it stays
    after every option without that risk."""
    for policy in ("ye2024", "practice-2026"):
        tdxd = resistx.sequence(_her2_low_with_lvef(lvef), policy=policy).option(
            "trastuzumab-deruxtecan"
        )
        assert tdxd is not None, policy
        assert code in {r.code for r in tdxd.reasons}, policy
        assert tdxd.tier is tier, (policy, tdxd.tier)


def test_trastuzumab_deruxtecan_is_left_out_at_an_lvef_its_label_stops_it_at() -> None:
    """Case 4592a (MAJOR): an LVEF of 35% (and 20% with heart failure) left trastuzumab
    deruxtecan a ranked option, though its label stops it for good under 40%."""
    for policy in ("ye2024", "practice-2026"):
        plan = resistx.sequence(_her2_low_with_lvef(35), policy=policy)
        assert plan.option("trastuzumab-deruxtecan") is None
        (left,) = [e for e in plan.excluded if e.regimen.id == "trastuzumab-deruxtecan"]
        assert any("35%" in r.text and r.rule == 126 for r in left.reasons)


@pytest.mark.parametrize("policy", ["ye2024", "practice-2026"])
def test_capivasertib_waits_on_the_laboratory_where_a_germline_pten_variant_disputes_the_tumours_negative(
    policy: str,
) -> None:
    """Case 4572a (MAJOR): beside a germline pathogenic PTEN variant, a tumour NGS 'not
    detected' for PTEN left capivasertib out under practice-2026 ('no pathogenic ... PTEN
    alteration') and outside its label under ye2024; tumour sequencing shows a constitutional
    variant unless it subtracts the germline, so its place waits on the laboratory's answer."""
    tumour = result("PTEN", "not_detected", sample="tissue")
    data = _germline_pten_and_tumour(tumour)
    data["biomarkers"] += [
        result(g, "not_detected", sample="tissue", tested_on="2026-04-10") for g in ("AKT1",)
    ]
    plan = resistx.sequence(data, policy=policy)
    capivasertib = plan.option("capivasertib+fulvestrant")
    assert capivasertib is not None, [e.regimen.id for e in plan.excluded]
    assert "PTEN: the laboratory's answer" in capivasertib.waits_on
    (said,) = [r for r in capivasertib.reasons if r.code == "pten_germline_disputed"]
    assert "germline" in said.text


def _draw_with_brca2(vaf: str) -> dict[str, Any]:
    """Case 4579b: one ctDNA draw with no tumour fraction, ESR1, the PI3K pathway, BRCA1 and
    PALB2 not detected, and a BRCA2 frameshift at the given allele fraction."""
    draw = [
        result(g, "not_detected", tumour_fraction=None)
        for g in ("ESR1", "PIK3CA", "AKT1", "PTEN", "BRCA1", "PALB2")
    ]
    brca2 = result("BRCA2", "mutated", tumour_fraction=None, variant=f"c.5946delT VAF {vaf}")
    first = _course(["palbociclib", "letrozole"], "2024-01-10", "2026-03-20", "progression", line=1)
    return _woman("2026-05-01", [*draw, brca2], first)


def test_a_variant_at_a_germline_allele_fraction_does_not_show_the_draw_held_tumour_dna() -> None:
    """Case 4579b (MAJOR): a BRCA2 frameshift at a VAF of 48%, the allele fraction of a
    heterozygous germline variant, was read as proof that the draw held tumour DNA, so its ESR1
    negative left the oral SERDs out; the same draw without it asked for a retest."""
    germline_like = resistx.sequence(_draw_with_brca2("48%"), policy="practice-2026")
    elacestrant = germline_like.option("elacestrant")
    assert elacestrant is not None and "ESR1" in elacestrant.waits_on
    # its note does not say the draw found nothing (the second recheck, 4722b)
    (note,) = [n for n in germline_like.notes if n.startswith("ESR1 not detected on ctDNA")]
    assert "a variant that may be inherited" in note
    # a somatic-looking allele fraction shows the tumour's DNA: the negative stands
    somatic = resistx.sequence(_draw_with_brca2("12%"), policy="practice-2026")
    assert somatic.option("elacestrant") is None


@pytest.mark.parametrize(
    "entry",
    ["ECG: QT interval corrected 495 msec", "Corrected QT 470 ms on ECG", "QT corr. 480 ms"],
)
def test_a_qtc_written_out_in_words_is_checked_against_the_field(entry: str) -> None:
    """Case 4594d (MINOR): 'QT interval corrected 495 msec' passed unread, where 'QTc 495 ms'
    is refused until recorded as qtc_prolonged (ribociclib's label starts it below 450 ms)."""
    assert "qtc_prolonged" in _refusal(_noted(entry))


def test_a_normal_qtc_written_out_in_words_passes() -> None:
    resistx.load_profile(_noted("ECG: QT interval corrected 430 msec"))


def test_a_randomised_reason_names_the_arm_its_medians_are_compared_with() -> None:
    """Case 4620a (MINOR, practice-2026): EMBER-3's combination quoted '9.4 vs 5.5 months'
    beside imlunestrant's own '5.5 vs 3.8', with nothing saying that the first comparison is
    against imlunestrant alone."""
    plan = resistx.sequence(_man_with_esr1() | {"sex": "female"}, policy="practice-2026")
    combination = plan.option("imlunestrant+abemaciclib")
    assert combination is not None
    (said,) = [r for r in combination.reasons if r.code == "randomised_benefit"]
    assert "9.4 vs 5.5 months on imlunestrant," in said.text


@pytest.mark.parametrize(
    ("germline", "plasma"),
    [
        ("p.Arg130*", "R130X"),  # 4685a
        ("p.Arg130*", "p.Arg130Ter"),  # 4687a
        ("p.R130*", "p.Arg130*"),  # 4687d
        ("p.R130*", "PTEN p.R130*"),  # 4685f: the gene named in the variant
        ("p.K267Rfs*9", "p.Lys267ArgfsTer9"),  # 4685k
        ("p.K267fs", "p.Lys267ArgfsTer9"),  # 4685j: a short frameshift form
    ],
)
def test_a_germline_pten_variant_in_plasma_is_recognised_however_it_is_written(
    germline: str, plasma: str
) -> None:
    """The recheck of session 58 (4685, 4687, MAJOR): the germline PTEN variant seen again in
    plasma, written another way ('*', 'X' or 'Ter'; one- or three-letter amino acids; the gene
    named; a frameshift long or short), was read as the tumour's and made capivasertib
    preferred."""
    data = _tumour_tested_but(_germline("PTEN", "mutated") | {"variant": germline})
    data["biomarkers"] = [*data["biomarkers"], result("PTEN", "mutated", variant=plasma)]
    capivasertib = resistx.sequence(data).option("capivasertib+fulvestrant")
    assert capivasertib is not None
    assert "akt_pathway_alteration_matches_capivasertib" not in {
        r.code for r in capivasertib.reasons
    }


@pytest.mark.parametrize(
    ("germline", "tumour"),
    [
        ("p.Arg579*", result("RB1", "mutated", variant="R579X")),  # 4686a
        ("p.Arg579*", result("RB1", "mutated", sample="tissue", variant="R579X")),  # 4686f
        ("p.R579*", result("RB1", "mutated", sample="tissue", variant="RB1 p.R579*")),  # 4686b
        ("c.1735C>T (p.Arg579Ter)", result("RB1", "mutated", sample="tissue", variant="p.Arg579*")),
        ("c.1735C>T", result("RB1", "mutated", sample="tissue", variant="p.R579*")),  # 4686e
    ],
)
def test_a_germline_rb1_variant_is_recognised_in_the_tumour_however_it_is_written(
    germline: str, tumour: dict[str, Any]
) -> None:
    """The recheck of session 58 (4686, MAJOR): the germline RB1 variant written another way in
    the tumour's result (or in cDNA beside a protein change) left every CDK4/6 inhibitor out as
    RB1 loss."""
    data = _tumour_tested_but(_germline("RB1", "mutated") | {"variant": germline})
    data["biomarkers"] = [*data["biomarkers"], tumour]
    assert resistx.sequence(data).option("abemaciclib+fulvestrant") is not None


def test_preferences_given_plain_strings_that_clash_are_refused_with_a_value_error() -> None:
    """The recheck (MAJOR by the brief: a crash): Preferences(declines_kinds=('adc',),
    accepts_kinds=('adc',)) raised AttributeError from the check meant to refuse it."""
    with pytest.raises(ValueError, match="both name adc"):
        resistx.Preferences(declines_kinds=("adc",), accepts_kinds=("adc",))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "prefs",
    [
        {"accepts_kinds": ["adc"]},  # nothing declined
        {"declines_kinds": ["adc"], "accepts_kinds": ["chemotherapy"]},
        {"declines_kinds": ["chemotherapy"], "accepts_kinds": ["parp_inhibitor"]},
    ],
)
def test_a_kind_accepted_that_no_refusal_could_cover_is_refused(prefs: dict[str, Any]) -> None:
    """The recheck (MINOR): accepts_kinds with no refusal that could be read to cover it was
    accepted, and the plan's note said the patient had been asked."""
    with pytest.raises(resistx.ProfileError, match="accepts_kinds"):
        resistx.sequence(_short_palbociclib(), prefs)


def test_the_lvef_is_not_asked_before_choosing_where_trastuzumab_deruxtecan_is_no_option() -> None:
    """The recheck (4679b, MINOR): after progression on trastuzumab deruxtecan, the plan still
    asked to measure the LVEF before choosing, for a drug it no longer offers."""
    data = _after_both_adcs() | {"comorbidities": ["heart failure"]}
    plan = resistx.sequence(data)
    assert plan.option("trastuzumab-deruxtecan") is None
    assert not [a for a in plan.actions if a.code == "measure_lvef"]
    asked = resistx.sequence(_short_palbociclib("low") | {"comorbidities": ["heart failure"]})
    assert [a for a in asked.actions if a.code == "measure_lvef"]


def test_the_pten_laboratory_question_is_not_asked_where_a_pik3ca_mutation_decides() -> None:
    """The recheck (4690a, MINOR): with a PIK3CA H1047R capivasertib is preferred whatever PTEN
    shows, yet the germline PTEN question said its place waited on the answer."""
    data = _germline_pten_and_tumour(result("PTEN", "not_detected", sample="tissue"))
    data["biomarkers"] = [b for b in data["biomarkers"] if b["gene"] != "PIK3CA"] + [
        result("PIK3CA", "mutated", sample="tissue", variant="H1047R")
    ]
    plan = resistx.sequence(data)
    assert not [a for a in plan.actions if a.code == "resolve_germline_tumour"]


def test_a_pcr_negative_is_not_read_as_disputing_a_germline_pten_variant() -> None:
    """The recheck (4683o, MINOR): a PCR 'not detected' was called tumour sequencing that
    disagrees with the germline variant; a PCR panel does not look for it."""
    data = _germline_pten_and_tumour(result("PTEN", "not_detected", sample="tissue", assay="pcr"))
    plan = resistx.sequence(data)
    assert not [a for a in plan.actions if a.code == "resolve_germline_tumour"]


def test_the_germline_note_names_the_question_its_disputed_negative_raises() -> None:
    """The recheck (4683a, MINOR): the germline note said no rule weighs it, beside rule 21's
    question and capivasertib waiting on the answer."""
    data = _germline_pten_and_tumour(result("PTEN", "not_detected", sample="tissue"))
    (note,) = [n for n in resistx.sequence(data).notes if n.startswith("PTEN")]
    assert "no rule of this plan weighs it" not in note
    assert "rule 21" in note


def test_a_gnrh_agonist_in_a_course_stopped_by_choice_is_not_to_be_continued() -> None:
    """The recheck (4680f, MINOR): palbociclib + letrozole + goserelin stopped by the man's
    choice still read 'continue goserelin' in the cautions."""
    course = _course(
        ["palbociclib", "letrozole", "goserelin"],
        "2024-01-10",
        "2026-04-20",
        "patient_choice",
        line=1,
    )
    data = _man_with_esr1() | {"treatments": [course]}
    plan = resistx.sequence(data, policy="practice-2026")
    said = [c.text for o in plan.options for c in o.cautions if c.code == "gnrh_agonist_needed"]
    assert said and not [t for t in said if "continue goserelin" in t]


def _after_oophorectomy(**kw: Any) -> dict[str, Any]:
    """Case 4523c: goserelin beside abemaciclib + anastrozole, stopped at a bilateral
    salpingo-oophorectomy 37 days before the decision; ESR1 mutated on ctDNA."""
    goserelin = _course(["goserelin"], "2023-06-01", "2026-04-25", "completed")
    line = _course(
        ["abemaciclib", "anastrozole"], "2023-06-01", "2026-04-20", "progression", line=1
    )
    esr1 = result("ESR1", "mutated", variant="D538G", tested_on="2026-05-10")
    negatives = [
        result(g, "not_detected", tested_on="2026-05-10") for g in ("PIK3CA", "AKT1", "PTEN")
    ]
    return _woman("2026-06-01", [esr1, *negatives], goserelin, line, **kw)


def test_a_bilateral_oophorectomy_on_record_establishes_the_menopause_within_a_depots_reach() -> (
    None
):
    """Case 4523c (MINOR): a bilateral oophorectomy 37 days before the decision could not be
    entered as postmenopausal (a GnRH depot's 84 days), and entered as premenopausal every
    option said 'continue goserelin' and elacestrant fell to an alternative; oophorectomy_on
    records it."""
    with pytest.raises(resistx.ProfileError, match="GnRH agonist"):
        resistx.load_profile(_after_oophorectomy())
    plan = resistx.sequence(_after_oophorectomy(oophorectomy_on="2026-04-25"))
    elacestrant = plan.option("elacestrant")
    assert elacestrant is not None and elacestrant.tier is resistx.Tier.PREFERRED
    said = [c.text for o in plan.options for c in o.cautions]
    assert not [t for t in said if "goserelin" in t]


@pytest.mark.parametrize(
    ("kw", "named"),
    [
        ({"menopausal_status": "premenopausal"}, "a bilateral oophorectomy is the menopause"),
        ({"oophorectomy_on": "2026-07-01"}, "is before oophorectomy_on"),  # after the decision
    ],
)
def test_an_oophorectomy_that_contradicts_the_profile_is_refused(
    kw: dict[str, Any], named: str
) -> None:
    data = _after_oophorectomy(oophorectomy_on="2026-04-25") | kw
    message = _refusal(data)
    assert "oophorectomy_on" in message and named in message


def test_an_oophorectomy_beside_sex_male_is_refused() -> None:
    data = _man_with_esr1() | {"oophorectomy_on": "2026-01-10"}
    assert "oophorectomy_on 2026-01-10 beside sex 'male'" in _refusal(data)


def test_a_plasma_pten_variant_at_a_germline_allele_fraction_offers_germline_testing() -> None:
    """Case 4606a (MINOR): PTEN p.Arg130Ter at a VAF of 50% in plasma, likely Cowden syndrome's
    variant, brought no germline referral, as a tumour BRCA finding does."""
    plasma = result("PTEN", "mutated", variant="p.Arg130Ter VAF 50%")
    data = _tumour_tested_but(plasma)
    plan = resistx.sequence(data)
    (asked,) = [a for a in plan.actions if a.code == "test_germline_plasma_variant"]
    assert asked.genes == ("PTEN",) and not asked.before_choosing and asked.rule == 150
    # at a tumour's allele fraction, or beside a germline result of the gene, nothing is asked
    data["biomarkers"][-1] = result("PTEN", "mutated", variant="p.Arg130Ter VAF 6%")
    assert not [a for a in resistx.sequence(data).actions if a.code.startswith("test_germline_p")]
    data["biomarkers"].append(_germline("PTEN", "not_detected"))
    data["biomarkers"][-2] = plasma
    assert not [a for a in resistx.sequence(data).actions if a.code.startswith("test_germline_p")]


def test_a_dated_regulatory_event_says_it_is_dated_as_the_evidence_records_it() -> None:
    """Case 4637a (MINOR, practice-2026): a plan dated 2025-06-01 quoted camizestrant's CHMP
    opinion of 2026-05-22 as current, with nothing saying the events are the evidence pack's,
    which may come after the plan's date (approvals are held back by date; these are not)."""
    plan = resistx.sequence(_man_with_esr1() | {"as_of": "2026-06-01"}, policy="practice-2026")
    camizestrant = plan.option("camizestrant")
    assert camizestrant is not None
    (said,) = [r for r in camizestrant.reasons if r.code == "investigational"]
    assert "2026-05-22" in said.text and "may be after this plan's date" in said.text


@pytest.mark.parametrize(
    "vaf", ["VAF 0.49", "49% VAF", "AF 49%", "allele fraction 0.49", "VAF=49%"]
)
def test_an_allele_fraction_is_read_however_its_report_writes_it(vaf: str) -> None:
    """The second recheck of session 58 (4725d, 4722d-f, MAJOR): 'VAF 0.49', '49% VAF' and 'AF
    49%' were not read, so a germline-like variant again showed the draw held tumour DNA."""
    draw = _draw_with_brca2("12%")
    draw["biomarkers"][-1]["variant"] = f"c.5946delT {vaf}"
    elacestrant = resistx.sequence(draw, policy="practice-2026").option("elacestrant")
    assert elacestrant is not None and "ESR1" in elacestrant.waits_on


def test_a_plasma_variant_matching_a_germline_variant_does_not_show_tumour_dna() -> None:
    """The second recheck (4726d, MAJOR): a germline BRCA2 (or CHEK2) variant seen again in
    plasma counted as proof that the draw held tumour DNA, so its ESR1 negative left the oral
    SERDs out."""
    draw = _draw_with_brca2("12%")
    draw["biomarkers"][-1]["variant"] = "c.5946delT"
    germline = result("BRCA2", "mutated", origin="germline", variant="c.5946delT")
    draw["biomarkers"].append(germline)
    elacestrant = resistx.sequence(draw, policy="practice-2026").option("elacestrant")
    assert elacestrant is not None and "ESR1" in elacestrant.waits_on


def test_a_plasma_rb1_variant_at_a_germline_allele_fraction_is_not_read_as_rb1_loss() -> None:
    """The second recheck (4723b, 4725a, MAJOR): RB1 p.R579* at a VAF of 49% with no germline
    result left every CDK4/6 inhibitor out as RB1 loss; germline RB1 testing comes before
    choosing."""
    data = _tumour_tested_but(result("RB1", "mutated", variant="p.R579* (VAF 49%)"))
    plan = resistx.sequence(data)
    assert plan.option("abemaciclib+fulvestrant") is not None
    (asked,) = [a for a in plan.actions if a.code == "test_germline_plasma_variant"]
    assert asked.before_choosing
    # a germline RB1 negative settles it: the plasma variant is the tumour's
    data["biomarkers"].append(_germline("RB1", "not_detected"))
    assert resistx.sequence(data).option("abemaciclib+fulvestrant") is None


def test_a_variant_naming_another_gene_is_refused() -> None:
    """The second recheck (4732a, MAJOR): a PTEN result with variant 'PIK3CA p.H1047R' was read
    as a PTEN alteration."""
    data = _tumour_tested_but(result("PTEN", "mutated", variant="PIK3CA p.H1047R"))
    message = _refusal(data)
    assert "PIK3CA" in message and "PTEN" in message


def test_a_gnrh_agonist_course_that_ended_otherwise_than_at_the_progression_is_not_continued() -> (
    None
):
    """The second recheck (4730d-f, MINOR): goserelin's course ended 'completed' (or other,
    unknown) still read 'continue goserelin'."""
    for how in ("completed", "other", "unknown"):
        goserelin = _course(["goserelin"], "2023-09-01", "2026-04-20", how)
        data = _man_with_esr1(goserelin) | {"sex": "female", "menopausal_status": "premenopausal"}
        plan = resistx.sequence(data)
        assert not [c for o in plan.options for c in o.cautions if "continue goserelin" in c.text]


def test_a_plain_string_for_a_list_of_preferences_is_refused_at_once() -> None:
    """The second recheck (MINOR): Preferences(declines_kinds='adc') built, read letter by
    letter, and failed later in sequence()."""
    with pytest.raises(ValueError, match="a list"):
        resistx.Preferences(declines_kinds="adc")  # type: ignore[arg-type]


def test_an_oophorectomy_without_a_menopausal_status_names_none_as_missing() -> None:
    data = _after_oophorectomy(oophorectomy_on="2026-04-25")
    del data["menopausal_status"]
    message = _refusal(data)
    assert "None" not in message and "oophorectomy" in message


def test_a_failed_germline_test_does_not_hold_back_the_germline_offer() -> None:
    """The second recheck (4723m, MINOR): an indeterminate germline PTEN result suppressed
    rule 150's offer; a failed test is no result."""
    data = _tumour_tested_but(_germline("PTEN", "indeterminate"))
    data["biomarkers"].append(result("PTEN", "mutated", variant="p.Arg130Ter VAF 50%"))
    plan = resistx.sequence(data)
    assert [a for a in plan.actions if a.code == "test_germline_plasma_variant"]


def test_since_review_names_an_alternative_here_that_is_a_later_option_under_the_newer_policy() -> (
    None
):
    """The clinic week (4779a, MINOR): under practice-2026 chemotherapy fell from an
    alternative (rank 3) to a later option (rank 8), as `compare` showed, but the default
    plan's since_review named only the options it raised."""
    brca2 = _germline("BRCA2", "mutated") | {"variant": "c.5946delT"}
    negatives = [result(g, "not_detected") for g in ("ESR1", "PIK3CA", "AKT1", "PTEN")]
    line = _course(["palbociclib", "letrozole"], "2025-01-10", "2026-04-20", "progression", line=1)
    case = _woman("2026-06-01", [*negatives, brca2], line, her2="0", ecog=1)
    case["metastatic_sites"] = ["bone", "liver"]
    plan = resistx.sequence(case)
    chemotherapy = plan.option("chemotherapy")
    assert chemotherapy is not None and chemotherapy.tier is resistx.Tier.ALTERNATIVE
    newer = resistx.sequence(case, policy="practice-2026")
    lowered = {
        o.regimen.id
        for o in plan.options
        if o.tier is resistx.Tier.ALTERNATIVE
        and (n := newer.option(o.regimen.id)) is not None
        and n.tier in (resistx.Tier.LATER, resistx.Tier.TRIAL)
    }
    assert "chemotherapy" in lowered
    named = {e.regimen for e in plan.since_review}
    assert lowered <= named, (lowered, named)
    for e in plan.since_review:
        if e.regimen in lowered:
            assert "a later option" in e.text or "within a trial" in e.text


def test_a_retest_of_pten_beside_a_germline_pten_variant_asks_for_tissue() -> None:
    """The second recheck (4685a, MINOR): beside a germline PTEN variant the retest of PTEN
    offered ctDNA, which would show the germline variant again."""
    data = _tumour_tested_but(_germline("PTEN", "mutated") | {"variant": "p.Arg130Ter"})
    data["biomarkers"].append(result("PTEN", "mutated", variant="R130X"))
    plan = resistx.sequence(data)
    (retest,) = [a for a in plan.actions if a.code == "retest" and "PTEN" in a.genes]
    assert "tissue NGS: plasma would show the germline variant again" in retest.text


@pytest.mark.parametrize(
    "plasma",
    [
        result("RB1", "mutated", variant="c.2359_2360del"),  # 4822p: the bases left off
        result("RB1", "mutated", variant="p.R579* (VAF ~49%)", tumour_fraction=None),  # 4822e
        result("RB1", "mutated", variant="p.R579*, allelic fraction 0.49", tumour_fraction=None),
        result("RB1", "loss", variant="p.R579* VAF 49%", tumour_fraction=None),  # 4822m
    ],
)
def test_a_plasma_rb1_call_that_may_be_inherited_is_not_read_as_rb1_loss(
    plasma: dict[str, Any],
) -> None:
    """The third recheck of session 58 (4822, MAJOR): the germline RB1 c.2359_2360delAG seen
    in plasma as c.2359_2360del, and an RB1 call at a germline allele fraction written 'VAF
    ~49%', 'allelic fraction 0.49' or reported as 'loss', left every CDK4/6 inhibitor out."""
    data = _tumour_tested_but(
        _germline("RB1", "mutated") | {"variant": "c.2359_2360delAG"}
        if "c." in (plasma.get("variant") or "")
        else result("ESR1", "not_detected", sample="tissue")
    )
    data["biomarkers"].append(plasma)
    plan = resistx.sequence(data)
    assert plan.option("abemaciclib+fulvestrant") is not None


def test_a_germline_positive_named_without_its_variant_is_not_tumour_dna_in_plasma() -> None:
    """The third recheck (4821c, MAJOR): a germline BRCA2 mutation recorded with no variant,
    and a BRCA2 frameshift in plasma, showed the draw held tumour DNA."""
    draw = _draw_with_brca2("12%")
    draw["biomarkers"][-1]["variant"] = "p.S1982fs"
    draw["biomarkers"].append(result("BRCA2", "mutated", origin="germline"))
    elacestrant = resistx.sequence(draw, policy="practice-2026").option("elacestrant")
    assert elacestrant is not None and "ESR1" in elacestrant.waits_on


@pytest.mark.parametrize(
    ("gene", "variant", "owner"),
    [
        ("ESR1", "c.49G>A (p.Glu17Lys)", "AKT1"),
        ("PTEN", "NM_006218.4:c.3140A>G (p.His1047Arg)", "PIK3CA"),
    ],
)
def test_a_protein_change_beside_its_cdna_is_checked_against_the_gene(
    gene: str, variant: str, owner: str
) -> None:
    """The third recheck (4823g, 4823h, MAJOR): a cDNA prefix hid AKT1's E17K on an ESR1 row
    and PIK3CA's H1047R past PTEN's end from the checks that refuse them written alone."""
    data = _tumour_tested_but(result(gene, "mutated", variant=variant))
    assert f"is this {owner}'s result?" in _refusal(data)


@pytest.mark.parametrize(
    ("gene", "variant"),
    [
        ("PIK3CA", "p.H1047R; ER+/PR+, HER2-low"),
        ("PIK3CA", "H1047R; TP53 p.R273H co-mutation"),
        ("ERBB2", "HER2 L755S"),
        ("ESR1", "ESR1 D538G"),
        ("PTEN", "NM_000314.8:c.388C>T (p.Arg130Ter)"),
    ],
)
def test_a_variant_that_mentions_other_genes_in_its_comments_is_accepted(
    gene: str, variant: str
) -> None:
    """The third recheck (4823a-f, MINOR): genes named in a report's comments ('TP53
    co-mutation', 'HER2-low') were refused as another gene's result."""
    resistx.load_profile(_tumour_tested_but(result(gene, "mutated", variant=variant)))


def test_a_since_review_line_gives_the_options_tier_here_beside_its_rank() -> None:
    """The third recheck (4825c, MINOR): 'Trastuzumab deruxtecan is preferred (rank 2; rank 2
    here)' did not say it is an alternative here."""
    plan = resistx.sequence(_short_palbociclib("low"))
    said = [e.text for e in plan.since_review if re.search(r"rank \d+ here", e.text)]
    assert said
    for text in said:
        assert re.search(
            r"rank \d+ here, (preferred|an alternative|a later option|within a trial)\)", text
        )


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("depression", "depression"),
        ("mood changes", "depression"),
        ("osteoporosis", "bone loss"),
        ("decreased libido", "decreased libido"),
        ("vaginal dryness", "vaginal dryness"),
        ("DVT", "venous thromboembolism"),
        ("pulmonary embolism", "venous thromboembolism"),
    ],
)
def test_the_reasons_a_gnrh_agonist_is_stopped_for_toxicity_are_read(said: str, read: str) -> None:
    """The third recheck (4824m, MINOR): 'depression', 'osteoporosis', 'decreased libido',
    'vaginal dryness' and 'DVT', the usual reasons a GnRH agonist is stopped for toxicity,
    were refused; the plan does not say the agonist goes on."""
    goserelin = _course(["goserelin"], "2023-09-01", "2026-04-20", "toxicity", toxicity=said)
    data = _man_with_esr1(goserelin) | {"sex": "female", "menopausal_status": "premenopausal"}
    profile = resistx.load_profile(data)
    assert [t.toxicity for t in profile.treatments if "goserelin" in t.drugs] == [read]
    plan = resistx.sequence(data)
    assert not [c for o in plan.options for c in o.cautions if "continue goserelin" in c.text]


def test_a_pten_loss_by_ihc_beside_a_pik3ca_mutation_holds_nothing_back() -> None:
    """Reading the change again: a PIK3CA mutation selects capivasertib whatever PTEN shows, so
    a PTEN loss by IHC beside it asks no NGS confirmation before capivasertib (the guard
    ``pten_unconfirmed`` shares with the germline PTEN question, ``germline.pathway_mutation``,
    had no test)."""
    data = _tumour_tested_but(result("PTEN", "loss", sample="tissue", assay="ihc"))
    data["biomarkers"] = [b for b in data["biomarkers"] if b["gene"] != "PIK3CA"] + [
        result("PIK3CA", "mutated", sample="tissue", variant="H1047R")
    ]
    capivasertib = resistx.sequence(data).option("capivasertib+fulvestrant")
    assert capivasertib is not None and not capivasertib.waits_on
    assert "pathway_confirm_by_ngs" not in {r.code for r in capivasertib.reasons}
