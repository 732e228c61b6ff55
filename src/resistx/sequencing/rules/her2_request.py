"""What rules 25 and 66 ask of an unknown HER2: a test, or what stands in the way of reading
the tests on record (an ISH pending, another primary cancer's result)."""

from __future__ import annotations

from resistx.model.enums import IshResult, SampleSite
from resistx.sequencing.facts import Facts


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
