"""What the review reports about a study: arms, endpoints, hazard ratios, adverse events.

Every figure carries ``source``: where the review prints it (a table, or the section
of the running text), and the review references it cites.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from resistx.model import _validators as v
from resistx.model.enums import (
    BiomarkerStatus,
    DecisionStatus,
    EndpointKind,
    Origin,
    TrialSetting,
    TrialStatus,
    Verification,
)

NCT_ID = re.compile(r"NCT\d{8}")


def _nct(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not NCT_ID.fullmatch(value):
        msg = f"{attribute.name} must look like NCT followed by 8 digits, got {value!r}"
        raise ValueError(msg)


def _ci_contains_value(inst: Any, _attribute: attrs.Attribute[Any], value: Any) -> None:
    v.contains_point(inst, "value", value)


@attrs.frozen(kw_only=True)
class Biomarker:
    """A biomarker that defines a study population or subgroup (e.g. germline PALB2)."""

    gene: str
    status: BiomarkerStatus
    origin: Origin | None = None


@attrs.frozen(kw_only=True)
class Arm:
    """One arm or cohort of a study; ``regimen`` links it to a regimen id where one fits."""

    label: str = attrs.field(validator=v.non_empty)
    drugs: tuple[str, ...] = ()
    regimen: str | None = None
    n: int | None = attrs.field(default=None, validator=v.non_negative)
    description: str = ""
    #: the comparator of a trial: what a patient enrolling may get instead of what it tests
    #: (an open trial is matched to a patient, and named, by the arms it tests)
    control: bool = False


@attrs.frozen(kw_only=True)
class Endpoint:
    """A median (PFS/OS, months) or a rate (ORR/CBR/PFS_RATE, percent) for one arm."""

    kind: EndpointKind
    arm: str
    population: str = "ITT"
    value: float = attrs.field(validator=v.non_negative)
    ci95: tuple[float, float] | None = attrs.field(
        default=None, validator=[v.interval, _ci_contains_value]
    )
    timepoint_months: float | None = attrs.field(default=None, validator=v.positive)
    n: int | None = attrs.field(default=None, validator=v.non_negative)
    source: str
    references: tuple[int, ...] = ()
    #: how the figure was verified where it is not the review's (evidence packs after it)
    verification: Verification | None = None

    def __attrs_post_init__(self) -> None:
        if not self.kind.is_median:
            v.percent(self, attrs.fields(Endpoint).value, self.value)
        if (self.kind is EndpointKind.PFS_RATE) != (self.timepoint_months is not None):
            msg = "timepoint_months is required for PFS_RATE and only for PFS_RATE"
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class HazardRatio:
    """A hazard ratio of ``experimental`` against ``control`` in one population."""

    endpoint_kind: EndpointKind
    population: str = "ITT"
    experimental: str
    control: str
    value: float = attrs.field(validator=v.positive)
    ci95: tuple[float, float] | None = attrs.field(
        default=None, validator=[v.interval, _ci_contains_value]
    )
    p_value: float | None = attrs.field(default=None, validator=v.fraction)
    #: the source prints the p-value as below ``p_value`` ('p<0.001': case 2199's audit)
    p_below: bool = False
    n: int | None = attrs.field(default=None, validator=v.non_negative)
    source: str
    references: tuple[int, ...] = ()
    #: how the figure was verified where it is not the review's (evidence packs after it)
    verification: Verification | None = None
    #: False where the trial's report says its prespecified significance boundary was not
    #: crossed (an interim overall survival: EMBER-3's, case 2027), whatever the CI; None: the
    #: report says nothing of one
    boundary_crossed: bool | None = None

    @property
    def significant(self) -> bool | None:
        """True when the 95% CI excludes 1 and no boundary is said not to be crossed; None when
        the source gives no CI."""
        if self.ci95 is None:
            return None
        if self.boundary_crossed is False:
            return False
        return self.ci95[1] < 1.0 or self.ci95[0] > 1.0


@attrs.frozen(kw_only=True)
class AdverseEvent:
    """An adverse event in one arm: any-grade and grade 3 or worse, and deaths from it (grade 5),
    as far as reported."""

    term: str
    arm: str
    any_grade_percent: float | None = attrs.field(default=None, validator=v.percent)
    grade3plus_percent: float | None = attrs.field(default=None, validator=v.percent)
    #: the grades the source's severe figure counts: "3 or worse", or "3-4" where it prints
    #: grade 3-4 (the review's 'grade 3-4 AEs', update-2026's 'Grade 3/4'; case 3366: plans
    #: said 'grade 3 or worse' of them)
    severe_grades: str = attrs.field(
        default="3 or worse", validator=attrs.validators.in_(("3 or worse", "3-4"))
    )
    #: patients who died of it (grade 5), and their share of the arm, where printed
    fatal_patients: int | None = attrs.field(default=None, validator=v.non_negative)
    fatal_percent: float | None = attrs.field(default=None, validator=v.percent)
    source: str
    references: tuple[int, ...] = ()
    #: how the figure was verified where it is not the review's (evidence packs after it)
    verification: Verification | None = None


@attrs.frozen(kw_only=True)
class Discrepancy:
    """Where the review gives one fact two ways: both readings, the one used, and why."""

    trial: str
    field: str
    readings: tuple[str, ...] = attrs.field(validator=attrs.validators.min_len(2))
    chosen: str
    why: str

    def __attrs_post_init__(self) -> None:
        if self.chosen not in self.readings:
            msg = f"chosen reading {self.chosen!r} is not one of the readings {self.readings}"
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Trial:
    """A study the review names, with what it reports about it."""

    key: str = attrs.field(validator=v.non_empty)
    aliases: tuple[str, ...] = ()  # other names the review or registries use for it
    nct_id: str | None = attrs.field(default=None, validator=_nct)
    phase: str
    design: str = ""
    population: str = ""
    size: int | None = attrs.field(default=None, validator=v.non_negative)
    prior_cdk46i_fraction: float | None = attrs.field(default=None, validator=v.fraction)
    #: how that share was verified, where it is not the review's (EMBER-3's 59.8%: V-2nd)
    prior_cdk46i_verification: Verification | None = None
    #: the setting is resistx's assumption where the source does not state prior CDK4/6i
    #: exposure (FAKTION: case 3344, shown as fact before)
    setting_assumed: bool = False
    setting: TrialSetting
    status: TrialStatus
    biomarkers: tuple[Biomarker, ...] = ()
    arms: tuple[Arm, ...] = ()
    endpoints: tuple[Endpoint, ...] = ()
    hazard_ratios: tuple[HazardRatio, ...] = ()
    adverse_events: tuple[AdverseEvent, ...] = ()
    references: tuple[int, ...] = ()  # empty only where the review cites nothing (say so in notes)
    source: str
    notes: tuple[str, ...] = ()
    #: the primary citation (DOI or PMID) of a study an evidence pack adds after the review
    citation: str | None = None

    def __attrs_post_init__(self) -> None:
        labels = [arm.label for arm in self.arms]
        if len(set(labels)) != len(labels):
            msg = f"trial {self.key}: arm labels are not unique: {labels}"
            raise ValueError(msg)
        known = set(labels)
        used = (
            [e.arm for e in self.endpoints]
            + [a.arm for a in self.adverse_events]
            + [h.experimental for h in self.hazard_ratios]
            + [h.control for h in self.hazard_ratios]
        )
        missing = sorted({label for label in used if label not in known})
        if missing:
            msg = f"trial {self.key}: figures name arms it does not have: {missing}"
            raise ValueError(msg)

    def __repr__(self) -> str:
        return (
            f"<Trial {self.key} ({self.nct_id or 'no NCT id'}; phase {self.phase}; "
            f"{self.status.value}; {len(self.arms)} arms, {len(self.endpoints)} endpoints, "
            f"{len(self.hazard_ratios)} hazard ratios)>"
        )

    def __str__(self) -> str:
        return self.to_text()

    def to_text(self) -> str:
        """Every figure of the study as text, as ``resistx trial`` prints it: endpoints, hazard
        ratios, adverse events, ESMO-MCBS grades and the review's contradictions about it."""
        from resistx.display import text  # noqa: PLC0415 - the display layer sits above the model

        return text.trial(self)

    def to_markdown(self) -> str:
        """The same content as ``to_text()``, as Markdown tables."""
        from resistx.display import markdown  # noqa: PLC0415 - the display layer sits above the model

        return markdown.trial(self)

    def to_html(self) -> str:
        """The same content as ``to_text()``, as a self-contained HTML fragment."""
        from resistx.display import html  # noqa: PLC0415 - the display layer sits above the model

        return html.trial(self)

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def arm(self, label: str) -> Arm:
        for arm in self.arms:
            if arm.label == label:
                return arm
        raise KeyError(label)

    @property
    def regimens(self) -> tuple[str, ...]:
        return tuple(sorted({a.regimen for a in self.arms if a.regimen is not None}))


@attrs.frozen(kw_only=True)
class RegulatoryDecision:
    """A regulator's decision on a regimen, as an evidence pack after the review records it."""

    drugs: tuple[str, ...]
    regimen: str | None = None  # None where the source does not say which regimen was filed
    authority: str
    date: str | None = None  # ISO date, or year and month where only those are known
    status: DecisionStatus
    indication: str = ""
    #: None where the record states an absence the source could not verify
    verification: Verification | None = None
    source: str = ""
    notes: tuple[str, ...] = ()
