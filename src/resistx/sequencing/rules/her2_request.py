"""What rules 25 and 66 ask of an unknown HER2: a test, or what stands in the way of reading
the tests on record (an ISH pending, another primary cancer's result); and what rule 34 asks
of a HER2 0 scored before the metastases."""

from __future__ import annotations

from resistx.model.enums import IshResult, SampleSite
from resistx.sequencing.facts import Facts
from resistx.sequencing.toxicity import deruxtecan_adcs_in


def her2_request(facts: Facts, ultralow: bool = False) -> str:
    """What rules 25 and 66 ask: the ISH of an IHC 2+ where it is pending (case 1721), else a
    HER2 test (under practice-2026 with an IHC 0 read for ultralow)."""
    tests = facts.profile.her2_tests
    if any(t.ish is IshResult.PENDING for t in tests):
        return "IHC 2+ with its ISH pending: wait for the ISH before choosing"
    if tests and all(t.site is SampleSite.OTHER_PRIMARY for t in tests):  # case 1764
        return (
            "HER2 is known only from another primary cancer, not read for this one: test it "
            "by IHC (ISH if IHC 2+) on this cancer, a metastasis where one can be biopsied"
        )
    if ultralow:
        return (
            "Test HER2 by IHC (ISH if IHC 2+), and ask whether an IHC 0 shows faint membrane "
            "staining (HER2-ultralow)"
        )
    return "Test HER2 by IHC (ISH if IHC 2+)"


#: HER2 known only from the primary tumour, or from samples taken before the first line for
#: metastatic disease whose site is not recorded (case 1409: a 2019 primary, read before
#: HER2-low was scored, and a HER2-low metastasis would put trastuzumab deruxtecan first; case
#: 1425: a sample taken before the first line is often the biopsy of a metastasis)
_RESCORE = (
    "score it (0, ultralow, low) on a current biopsy of a metastasis too, as the ESMO expert "
    "consensus on HER2-low disease advises where earlier results are 0 (Ann Oncol 2023; not in "
    "the review)."
)


def before_metastases(facts: Facts) -> str:
    """What rule 34 adds where no metastasis is known to have been scored: every HER2 test from
    the primary tumour, or each dated before the first metastatic course with its site not
    recorded (a HER2 status given without its tests says nothing of the sample)."""
    tests = [t for t in facts.profile.her2_tests if t.site is not SampleSite.OTHER_PRIMARY]
    if not tests or any(t.site is SampleSite.METASTASIS for t in tests):
        return ""
    if all(t.site is SampleSite.PRIMARY for t in tests):
        return f" HER2 is known only from the primary tumour: {_RESCORE}"
    starts = [t.started_on for t in facts.metastatic if t.started_on is not None]
    first = min(starts, default=None)
    if first is None or not all(t.tested_on is not None and t.tested_on < first for t in tests):
        return ""
    latest = max(t.tested_on for t in tests if t.tested_on is not None)
    return (
        f" HER2 was last scored on {latest.isoformat()}, before the first treatment for "
        "metastatic disease, on a sample whose site is not recorded: if it was a metastasis, "
        f"record its site (metastasis); if the primary tumour, {_RESCORE}"
    )


def deruxtecan_progressed(facts: Facts) -> tuple[str, ...]:
    """The ADCs with trastuzumab deruxtecan's payload the disease progressed on (rule 11 makes
    it a later option at best after one: rule 34's question then changes nothing chosen)."""
    return deruxtecan_adcs_in(facts.progressed_drugs)


def payload_said(payload: tuple[str, ...]) -> str:
    """What rule 34's question adds after progression on a deruxtecan ADC (9597)."""
    if not payload:
        return ""
    return (
        f" The disease has progressed on {', '.join(payload)}, with trastuzumab deruxtecan's "
        "deruxtecan payload: whatever the reading, trastuzumab deruxtecan would be a later "
        "option at best (rule 11)."
    )


def db06_missed(facts: Facts, payload: tuple[str, ...] = ()) -> str:
    """Which of DESTINY-Breast06's entry criteria the patient misses (recheck of case 513);
    an ADC line counts as the chemotherapy it enrolled before (9597)."""
    ecog = facts.profile.ecog
    if ecog is not None and ecog >= 2:
        return f"it enrolled ECOG 0-1, its report; this patient is ECOG {ecog}"
    if payload:
        return (
            "it enrolled before any chemotherapy for metastatic disease; resistx counts an ADC "
            "line as one"
        )
    return (
        "2 or more endocrine lines, or progression within 6 months on first-line endocrine "
        "therapy with a CDK4/6 inhibitor"
    )
