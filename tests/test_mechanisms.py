"""The resistance-mechanism catalog: complete against Figure 1 and the text, and answers per profile."""

from __future__ import annotations

from typing import Any

import pytest

import resistx
from resistx.model import Alteration, DrugClass, MechanismCategory
from resistx.vocab import genes, regimens

CATALOG = resistx.mechanisms()


def profile(*biomarkers: dict[str, Any]) -> resistx.Profile:
    return resistx.load_profile(
        {
            "schema_version": 1,
            "hormone_receptor": "positive",
            "her2": "0",
            "biomarkers": list(biomarkers),
        }
    )


def test_every_mechanism_the_review_names() -> None:
    gene_sets = {g for m in CATALOG for g in m.genes}
    assert {
        "RB1",
        "CDK6",
        "CCNE1",
        "CCNE2",
        "CDK2",
        "E2F1",
        "CDK4",
        "WEE1",
        "MDM2",
        "CDKN2A",
        "FZR1",
        "FAT1",
        "PIK3CA",
        "AKT1",
        "PTEN",
        "ESR1",
        "PGR",
        "JUN",
        "SMAD3",
        "FGFR1",
        "AURKA",
    } <= gene_sets
    keys = {m.key for m in CATALOG}
    assert {"autophagy-activation", "immune-mechanisms"} <= keys
    assert {m.category for m in CATALOG} == set(MechanismCategory)


def test_catalog_entries_are_well_formed() -> None:
    eb = resistx.evidence()
    classes = {c.value for c in DrugClass}
    assert len({m.key for m in CATALOG}) == len(CATALOG)
    for m in CATALOG:
        assert all(g in genes.GENES for g in m.genes), m.key
        assert all(t in eb for t in m.trials), m.key
        assert all(s in regimens.BY_ID or s in classes for s in m.strategies), m.key
        assert all(1 <= r <= 93 for r in m.references)
        assert m.references or "without citing" in m.description
        assert isinstance(m.alteration, Alteration)


@pytest.mark.parametrize(
    ("result", "mechanism", "strategy", "trial"),
    [
        (
            {"gene": "CCNE1", "status": "amplified"},
            "cyclin-e-overexpression",
            "cdk2_inhibitor",
            "VELA",
        ),
        ({"gene": "RB1", "status": "loss"}, "rb-loss", None, None),
        (
            {"gene": "PIK3CA", "status": "mutated"},
            "pam-pathway-activation",
            "alpelisib+fulvestrant",
            "CAPItello-291",
        ),
        (
            {"gene": "PTEN", "status": "loss"},
            "pam-pathway-activation",
            "capivasertib+fulvestrant",
            None,
        ),
        ({"gene": "ESR1", "status": "mutated"}, "esr1-mutation", "elacestrant", "EMERALD"),
        (
            {"gene": "AURKA", "status": "amplified"},
            "aurka-amplification",
            "aurka_inhibitor",
            "NCT03955939",
        ),
        ({"gene": "p16", "status": "overexpressed"}, "ink4-p16-overexpression", None, None),
    ],
)
def test_what_could_explain_this_resistance_and_what_targets_it(
    result: dict[str, str], mechanism: str, strategy: str | None, trial: str | None
) -> None:
    found = {m.key: m for m in resistx.mechanisms_for(profile(result))}
    assert mechanism in found
    if strategy:
        assert strategy in found[mechanism].strategies
    if trial:
        assert trial in found[mechanism].trials


def test_negative_results_point_to_nothing() -> None:
    assert (
        resistx.mechanisms_for(
            profile(
                {"gene": "CCNE1", "status": "not_detected"}, {"gene": "RB1", "status": "wild_type"}
            )
        )
        == ()
    )


def test_the_latest_result_decides() -> None:
    p = profile(
        {"gene": "RB1", "status": "loss", "tested_on": "2024-01-01"},
        {"gene": "RB1", "status": "wild_type", "tested_on": "2025-01-01"},
    )
    assert resistx.mechanisms_for(p) == ()


def test_mechanisms_for_reads_a_mapping_too() -> None:
    data = {
        "schema_version": 1,
        "hormone_receptor": "positive",
        "her2": "0",
        "biomarkers": [{"gene": "AURKA", "status": "amplified"}],
    }
    assert [m.key for m in resistx.mechanisms_for(data)] == ["aurka-amplification"]
