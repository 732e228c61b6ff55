"""How rule 4 says the lines it counts before an ADC: an early relapse's (neo)adjuvant line,
and sacituzumab govitecan's own earlier course, which is not one (8770)."""

from __future__ import annotations

from resistx.sequencing.inputs import HistoryInputs


def counted_lines(i: HistoryInputs, trial: str, lines: int, window: str) -> str:
    """The early relapse's (neo)adjuvant line, never called one for metastatic disease (7218)."""
    which = "the line" if lines == 1 else "one of them"
    return (
        f" ({which} (neo)adjuvant chemotherapy with relapse within {window} months, which "
        f"{trial} counted){own_course(i, trial)}"
    )


def own_course(i: HistoryInputs, trial: str) -> str:
    """Sacituzumab govitecan's own earlier course, not counted among its lines (8770)."""
    own = trial == "TROPiCS-02" and i.trop2_adc_ended
    return f" (not counting its own earlier course, {i.trop2_adc_ended})" if own else ""
