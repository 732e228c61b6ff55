"""The patient profile: what sequencing takes in (CONTRACT section 3).

``__init__`` only validates. Brand names, gene aliases and comorbidity spellings are
normalised on the way in by the converter (``resistx._serde``); the derived views
below are what the sequencing engine reads.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from resistx.model import _validators as v
from resistx.model._show import number
from resistx.model.enums import (
    Assay,
    BiomarkerStatus,
    Classification,
    DrugClass,
    Her2Status,
    HormoneReceptor,
    MenopausalStatus,
    Origin,
    Priority,
    Sample,
    StopReason,
    TreatmentSetting,
)
from resistx.vocab import drugs as drug_vocab

SCHEMA_VERSION = 1
_NOT_RESPONSE = (
    StopReason.TOXICITY,
    StopReason.PATIENT_CHOICE,
    StopReason.COMPLETED,
    StopReason.ONGOING,
)
DAYS_PER_MONTH = 365.25 / 12

# Limits on what one profile may hold: generous for any patient, and small enough that a
# malformed or hostile profile is refused before any per-item work (docs/limitations.md).
#: the longest a treatment may last, in months (50 years)
MAX_MONTHS = 600
MAX_TREATMENTS = 200
MAX_BIOMARKERS = 2_000
MAX_COMORBIDITIES = 100
#: drugs in one treatment
MAX_DRUGS = 20
FIRST_DATE = v.FIRST_DATE
LAST_DATE = v.LAST_DATE


def _ecog(_inst: object, _attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and not 0 <= value <= 4:
        msg = f"ECOG performance status must be 0, 1, 2, 3 or 4 (or null for unknown), got {number(value)}"
        raise ValueError(msg)


def _schema(_inst: object, _attribute: attrs.Attribute[Any], value: int) -> None:
    if value != SCHEMA_VERSION:
        msg = f"schema_version must be {SCHEMA_VERSION}, got {number(value)}"
        raise ValueError(msg)


def _line(_inst: object, _attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 1:
        msg = f"line must be 1 or more, got {number(value)}"
        raise ValueError(msg)


def _known_drugs(_inst: object, _attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not value:
        msg = "drugs must name at least one drug"
        raise ValueError(msg)
    unknown = [d for d in value if d not in drug_vocab.BY_NAME]
    if unknown:
        msg = f"not canonical drug names: {unknown} (use resistx.load_profile to normalise)"
        raise ValueError(msg)


def _end_after_start(inst: Any, _attribute: attrs.Attribute[Any], value: dt.date | None) -> None:
    start = getattr(inst, "started_on", None)
    if value is not None and isinstance(start, dt.date) and value < start:
        msg = f"ended_on {value.isoformat()} is before started_on {start.isoformat()}"
        raise ValueError(msg)


def _not_before_dates(inst: Any, _attribute: attrs.Attribute[Any], value: dt.date | None) -> None:
    """The decision date cannot precede a test or a treatment date of the same profile."""
    if value is None:
        return
    later = [
        f"biomarkers[{i}].tested_on {r.tested_on.isoformat()}"
        for i, r in enumerate(getattr(inst, "biomarkers", ()) or ())
        if r.tested_on is not None and r.tested_on > value
    ] + [
        f"treatments[{i}].{name} {d.isoformat()}"
        for i, t in enumerate(getattr(inst, "treatments", ()) or ())
        for name, d in (("started_on", t.started_on), ("ended_on", t.ended_on))
        if d is not None and d > value
    ]
    if later:
        shown = ", ".join(later[:5]) + (f" and {len(later) - 5:,} more" if len(later) > 5 else "")
        msg = f"as_of {value.isoformat()} is before {shown}; the decision date comes last"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class BiomarkerResult:
    """One test result for one gene."""

    gene: str = attrs.field(validator=v.non_empty)
    status: BiomarkerStatus
    origin: Origin = Origin.SOMATIC
    sample: Sample | None = None
    assay: Assay | None = None
    tested_on: dt.date | None = attrs.field(default=None, validator=v.in_date_range)
    variant: str | None = None
    #: pathogenic or likely pathogenic match; a VUS or (likely) benign variant does not.
    #: None: pathogenic for mutated, amplified and loss, as resistx 0.1 read every result
    classification: Classification | None = None

    @property
    def actionable(self) -> bool:
        """A finding that can select a regimen: not a VUS or a benign variant."""
        return self.classification is None or self.classification.actionable


@attrs.frozen(kw_only=True)
class Treatment:
    """One line of treatment the patient has had."""

    drugs: tuple[str, ...] = attrs.field(
        validator=[v.at_most(MAX_DRUGS, "drugs in one treatment"), _known_drugs]
    )
    setting: TreatmentSetting = TreatmentSetting.METASTATIC
    line: int | None = attrs.field(default=None, validator=_line)
    started_on: dt.date | None = attrs.field(default=None, validator=v.in_date_range)
    ended_on: dt.date | None = attrs.field(
        default=None, validator=[v.in_date_range, _end_after_start]
    )
    months: float | None = attrs.field(
        default=None, validator=[v.non_negative, v.not_above(MAX_MONTHS, " (50 years)")]
    )
    stop_reason: StopReason | None = None

    @property
    def drug_classes(self) -> frozenset[DrugClass]:
        return frozenset(drug_vocab.drug_class(d) for d in self.drugs)

    @property
    def progressed(self) -> bool:
        return self.stop_reason is StopReason.PROGRESSION

    @property
    def metastatic(self) -> bool:
        return self.setting is TreatmentSetting.METASTATIC

    def duration_months(self, as_of: dt.date | None = None) -> float | None:
        """``months`` if given, else the span between the dates (an open treatment runs to ``as_of``)."""
        if self.months is not None:
            return self.months
        end = self.ended_on or (as_of if self.stop_reason in (None, StopReason.ONGOING) else None)
        if self.started_on is None or end is None:
            return None
        return max((end - self.started_on).days, 0) / DAYS_PER_MONTH

    @property
    def end_date(self) -> dt.date | None:
        """``ended_on``, or ``started_on`` plus ``months`` when only those are given."""
        if self.ended_on is not None:
            return self.ended_on
        if self.started_on is not None and self.months is not None:
            return self.started_on + dt.timedelta(days=round(self.months * DAYS_PER_MONTH))
        return None

    def _sort_key(self) -> tuple[Any, ...]:
        return (
            self.started_on or dt.date.min,
            self.line or 0,
            self.ended_on or dt.date.min,
            self.drugs,
            self.setting.value,
            self.stop_reason.value if self.stop_reason else "",
            self.months if self.months is not None else -1.0,
        )


def result_order(r: BiomarkerResult) -> tuple[Any, ...]:
    # newest last; among results of one day, a positive finding outranks a negative one,
    # then NGS over PCR, so the choice does not depend on the order of the input list
    return (
        r.tested_on or dt.date.min,
        r.status
        not in (
            BiomarkerStatus.WILD_TYPE,
            BiomarkerStatus.NOT_DETECTED,
            BiomarkerStatus.INDETERMINATE,
        ),
        r.assay is Assay.NGS,
        r.origin.value,
        r.status.value,
        r.sample.value if r.sample else "",
        r.assay.value if r.assay else "",
        r.variant or "",
        r.classification.value if r.classification else "",
    )


@attrs.frozen(kw_only=True)
class Profile:
    """A patient at the time of a treatment decision."""

    schema_version: int = attrs.field(validator=_schema)
    patient_id: str | None = None
    as_of: dt.date | None = attrs.field(
        default=None, validator=[v.in_date_range, _not_before_dates]
    )
    hormone_receptor: HormoneReceptor
    her2: Her2Status
    menopausal_status: MenopausalStatus = MenopausalStatus.UNKNOWN
    ecog: int | None = attrs.field(default=None, validator=_ecog)
    visceral_crisis: bool = False
    comorbidities: tuple[str, ...] = attrs.field(
        default=(), validator=v.at_most(MAX_COMORBIDITIES, "comorbidities")
    )
    biomarkers: tuple[BiomarkerResult, ...] = attrs.field(
        default=(), validator=v.at_most(MAX_BIOMARKERS, "biomarker results")
    )
    treatments: tuple[Treatment, ...] = attrs.field(
        default=(), validator=v.at_most(MAX_TREATMENTS, "treatments")
    )

    # -- derived views the sequencing engine reads ---------------------------------------

    @property
    def decision_date(self) -> dt.date | None:
        """``as_of``, or else the latest date in the profile (never the clock)."""
        if self.as_of is not None:
            return self.as_of
        dates = [r.tested_on for r in self.biomarkers if r.tested_on]
        for t in self.treatments:
            dates += [d for d in (t.started_on, t.ended_on) if d]
        return max(dates, default=None)

    @property
    def treatments_in_order(self) -> tuple[Treatment, ...]:
        """Treatments oldest first, by start date, then line (undated ones first)."""
        return tuple(sorted(self.treatments, key=Treatment._sort_key))

    @property
    def metastatic_treatments(self) -> tuple[Treatment, ...]:
        return tuple(t for t in self.treatments_in_order if t.metastatic)

    @property
    def cdk46i_courses(self) -> tuple[Treatment, ...]:
        """Treatments with a CDK4/6 inhibitor whose duration says how long the disease stayed
        sensitive: they ended in progression (or how they ended is not given). A course stopped
        for toxicity, by choice or as planned, or still going on, does not measure that."""
        return tuple(
            t
            for t in self.treatments_in_order
            if DrugClass.CDK46_INHIBITOR in t.drug_classes and t.stop_reason not in _NOT_RESPONSE
        )

    @property
    def had_cdk46i(self) -> bool:
        """Any treatment with a CDK4/6 inhibitor, however it ended."""
        return any(DrugClass.CDK46_INHIBITOR in t.drug_classes for t in self.treatments)

    @property
    def cdk46i_months(self) -> float | None:
        """The longest time on a CDK4/6 inhibitor among ``cdk46i_courses``: how long the disease
        stayed sensitive (a short rechallenge after long benefit is not early resistance).
        None if no course measures it."""
        durations = [
            m
            for t in self.cdk46i_courses
            if (m := t.duration_months(self.decision_date)) is not None
        ]
        return max(durations, default=None)

    @property
    def metastatic_chemotherapy_lines(self) -> int:
        """Prior lines for metastatic disease that contained chemotherapy (an ADC is not one)."""
        return sum(DrugClass.CHEMOTHERAPY in t.drug_classes for t in self.metastatic_treatments)

    @property
    def progressed_on_drugs(self) -> frozenset[str]:
        """Drugs of metastatic-setting treatments that ended in progression."""
        return frozenset(d for t in self.metastatic_treatments if t.progressed for d in t.drugs)

    @property
    def latest_progression(self) -> dt.date | None:
        """The latest date a treatment ended in progression (from its end date, or its start
        plus its months)."""
        ends = [e for t in self.treatments if t.progressed and (e := t.end_date) is not None]
        return max(ends, default=None)

    @property
    def latest_results(self) -> dict[str, BiomarkerResult]:
        """The latest result per gene (a view, not part of the model's state)."""
        latest: dict[str, BiomarkerResult] = {}
        for r in sorted(self.biomarkers, key=result_order):
            latest[r.gene] = r
        return latest


@attrs.frozen(kw_only=True)
class Preferences:
    """What the patient and clinician want weighed (CONTRACT section 3)."""

    priority: Priority = Priority.BALANCED
    cost_sensitive: bool = False
    include_trials: bool = True
    short_cdk46i_months: float = attrs.field(
        default=6.0, validator=[v.non_negative, v.not_above(MAX_MONTHS, " (50 years)")]
    )
