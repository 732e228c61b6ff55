"""Drugs and regimens: what a patient can be given."""

from __future__ import annotations

import attrs

from resistx.model.enums import DrugClass, RegimenKind, RegulatoryStatus, Route, Verification

TRIAL_PREFIX = "trial:"


@attrs.frozen(kw_only=True)
class Drug:
    """One drug by its generic name, with its class and the names it also goes by."""

    name: str
    drug_class: DrugClass
    synonyms: tuple[str, ...] = ()
    target: str | None = (
        None  # the antigen of an antibody-drug conjugate, the kinase of an inhibitor
    )


@attrs.frozen(kw_only=True)
class Regimen:
    """A regimen the sequencing engine can rank, under a fixed id that plans and tests refer to."""

    id: str
    name: str
    drugs: tuple[str, ...]
    drug_classes: tuple[DrugClass, ...]
    kind: RegimenKind | None = None  # None only in plans written by resistx 0.1

    @property
    def is_trial(self) -> bool:
        return self.id.startswith(TRIAL_PREFIX)

    @property
    def trial_id(self) -> str | None:
        """The NCT id of a ``trial:<NCT id>`` regimen, else None."""
        return self.id.removeprefix(TRIAL_PREFIX) if self.is_trial else None


@attrs.frozen(kw_only=True)
class Approval:
    """Whether a regimen is approved in the setting after a CDK4/6 inhibitor, as the source says.

    ``authority`` and ``year`` are given only where the source gives them; ``source`` says where.
    """

    status: RegulatoryStatus
    authority: str | None = None
    year: int | None = None
    #: the decision's date (ISO, e.g. ``2025-09-25``) where an evidence pack gives it
    date: str | None = None
    source: str = ""
    #: the population an earlier approval in this setting already covered, which the dated one
    #: extends to a new indication (a population selector of the engine, as an efficacy source
    #: names one: trastuzumab deruxtecan's ``her2_low_after_chemotherapy``, DESTINY-Breast04 in
    #: the review); None: the dated approval is the regimen's first
    earlier: str | None = None
    #: how the dated decision was verified, where the source grades it (``update-2026.md``:
    #: secondary reports only for vepdegestrant's); None: the review itself, or no grade given
    verification: Verification | None = None

    @property
    def investigational(self) -> bool:
        return self.status is RegulatoryStatus.INVESTIGATIONAL

    def said(self) -> str:
        """The approval as a plan names it: authority and date (or year), and ', secondary
        source' where only secondary reports give it."""
        when = self.date or (str(self.year) if self.year else "")
        named = " ".join(x for x in (self.authority or "", when) if x) or "approved"
        return (
            f"{named}, secondary source" if self.verification is Verification.SECONDARY else named
        )


@attrs.frozen(kw_only=True)
class EfficacySource:
    """A study that carries a regimen's efficacy, and how the patient's population in it is
    chosen (``population`` names a selector of the sequencing engine, e.g. ``esr1``)."""

    trial: str
    population: str = "itt"
    #: the regimen whose arm of the study carries this one's efficacy, where one arm gave
    #: either (MAINTAIN: ribociclib with fulvestrant or exemestane, one arm, which the
    #: evidence links to ``ribociclib+fulvestrant``); ``None``: the regimen's own arm
    arm_of: str | None = None


@attrs.frozen(kw_only=True, cache_hash=True)  # a memo key part, hashed on every lookup
class RegimenSpec:
    """What the engine knows about one regimen: one record of a policy's regimen table."""

    id: str
    name: str
    drugs: tuple[str, ...]
    kind: RegimenKind
    routes: tuple[Route, ...]
    key_trials: tuple[str, ...]  # cited by its reasons when nothing more specific applies
    efficacy: tuple[EfficacySource, ...] = ()
    ae_trial: str | None = None  # the study whose adverse-event table speaks for it
    signature_risks: tuple[str, ...] = ()  # adverse events always shown among its cautions
    negative_trial: str | None = None  # a trial that showed no benefit after a CDK4/6 inhibitor
    cost_level: float  # resistx's assumption, 1 (least) to 3; not review data
    regulatory: Approval
    references: tuple[int, ...] = ()  # review references its reasons cite beyond its trials

    def regimen(self, drug_classes: tuple[DrugClass, ...]) -> Regimen:
        return Regimen(
            id=self.id, name=self.name, drugs=self.drugs, drug_classes=drug_classes, kind=self.kind
        )


@attrs.frozen(kw_only=True)
class RegimenTable:
    """A policy's regimen table (``regimens.json``), shipped beside the evidence it cites."""

    version: str
    evidence_version: str
    source: str = ""
    regimens: tuple[RegimenSpec, ...]
