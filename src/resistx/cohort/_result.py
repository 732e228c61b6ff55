"""``sequence_many``: one plan or one error per input, lazily and in input order."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

import resistx
from resistx._errors import ProfileError
from resistx.io.profile import ProfileSource, load_preferences, read_file
from resistx.model.profile import Profile
from resistx.sequencing.engine import evidence_of, policy_of
from resistx.sequencing.policy import get as get_policy

if TYPE_CHECKING:
    from resistx.interop import Conversion

T = TypeVar("T")


def _one_outcome(result: Result, _attribute: attrs.Attribute[Any], error: object) -> None:
    if (result.plan is None) == (error is None):
        msg = "a Result holds either a plan or an error, never both or neither"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Result:
    """The outcome for one input of a cohort: its plan, or the error that kept it from one.

    ``index`` is the input's position (0 for the first); ``patient_id`` is the profile's, or,
    for a profile that did not load, the ``patient_id`` its data gives when that is a string."""

    index: int
    patient_id: str | None
    plan: resistx.Plan | None = None
    #: a ``ProfileError`` (every problem with its path) or an ``OutOfScopeError``
    error: resistx.ResistxError | None = attrs.field(default=None, validator=_one_outcome)
    #: the profile as loaded (None when it did not load): what concordance reads
    profile: Profile | None = attrs.field(default=None, repr=False, eq=False)

    @property
    def ok(self) -> bool:
        return self.plan is not None

    @property
    def problems(self) -> tuple[tuple[str, str], ...]:
        """Every ``(json_path, message)`` of the error; an out-of-scope profile is one at ``$``."""
        if self.error is None:
            return ()
        if isinstance(self.error, resistx.ConversionError):
            return self.error.problems
        return (("$", str(self.error)),)


def patient_id_of(source: object) -> str | None:
    """The ``patient_id`` a profile's data gives, read without loading it (for an error row)."""
    if isinstance(source, resistx.Profile):
        return source.patient_id
    if isinstance(source, Path) or (
        isinstance(source, str) and not source.lstrip().startswith("{")
    ):
        try:  # a file's (case 3306: an error read from a file had no patient_id)
            source = read_file(Path(source))
        except ProfileError:
            return None
    if isinstance(source, str) and source.lstrip().startswith("{"):
        try:
            source = json.loads(source)
        except (ValueError, RecursionError):
            return None
    if isinstance(source, Mapping):
        found = source.get("patient_id")
        # an id the profile check refused for a lone surrogate cannot be written as UTF-8: the
        # error row gives it escaped ("\\ud800")
        if isinstance(found, int) and not isinstance(found, bool):
            return str(found)  # refused as an id, yet what a registry gave (case 5794)
        return _writable(found) if isinstance(found, str) else None
    return None


def _writable(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def attempt(
    index: int,
    source: ProfileSource,
    then: Callable[[Profile], T],
    convert: str | None = None,
) -> T | Result:
    """``then`` of the loaded profile, or the ``Result`` holding the input error that kept it
    from one: a profile that does not load, a document its ``resistx.interop`` converter
    (``convert``) refuses, or either out of scope. Any other exception is a bug and propagates."""
    if convert:
        return attempt_conversion(index, source, lambda c: then(c.profile), convert)
    try:
        return then(resistx.load_profile(source))
    except (resistx.ProfileError, resistx.OutOfScopeError) as e:
        return Result(index=index, patient_id=patient_id_of(source), error=e)


def attempt_conversion(
    index: int, source: ProfileSource, then: Callable[[Conversion], T], convert: str
) -> T | Result:
    """``attempt`` for a document its ``resistx.interop`` converter reads: ``then`` of the whole
    ``Conversion`` (its profile and its report: 9152, a cohort's summary counts the report)."""
    from resistx import interop  # noqa: PLC0415 - only when such a cohort is read

    try:
        return then(getattr(interop, convert)(source))
    except (resistx.ProfileError, resistx.OutOfScopeError) as e:
        return Result(index=index, patient_id=document_patient_id(source, convert), error=e)


def document_patient_id(source: object, convert: str) -> str | None:
    """The patient id a refused document gives, as its converter would read it: a
    phenopacket's ``subject.id``, a bundle's Patient resource's ``id`` (9158: the error rows
    of refused documents had none)."""
    if isinstance(source, Path):
        try:
            source = json.loads(source.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            return None
    if not isinstance(source, Mapping):
        return None
    if convert == "from_phenopacket":
        subject = source.get("subject")
        found = subject.get("id") if isinstance(subject, Mapping) else None
    else:
        entries = source.get("entry")
        resources = (
            [e.get("resource") for e in entries if isinstance(e, Mapping)]
            if isinstance(entries, list)
            else []
        )
        patient = next(
            (r for r in resources if isinstance(r, Mapping) and r.get("resourceType") == "Patient"),
            None,
        )
        found = patient.get("id") if patient is not None else None
    return _writable(found) if isinstance(found, str) else None


def outcome(
    index: int,
    source: ProfileSource,
    preferences: resistx.Preferences,
    policy: resistx.Policy | str | None,
    evidence: resistx.EvidenceBase | None,
) -> Result:
    """The plan or the input error for one profile."""

    def planned(profile: Profile) -> Result:
        plan = resistx.sequence(profile, preferences, policy=policy, evidence=evidence)
        return Result(index=index, patient_id=profile.patient_id, plan=plan, profile=profile)

    return attempt(index, source, planned)


def checked_settings(
    preferences: resistx.Preferences | Mapping[str, Any] | None,
    policy: resistx.Policy | str | None,
    evidence: resistx.EvidenceBase | str | None = None,
) -> resistx.Preferences:
    """Preferences and policy apply to every patient: a problem with them is raised at once
    (``ProfileError`` with ``$.preferences`` paths, ``KeyError``), not repeated as an error
    for each input. The checks are the engine's own."""
    if isinstance(policy, str):
        get_policy(policy)  # KeyError naming the known policies
    prefs = load_preferences(preferences)
    if evidence is not None:  # EvidenceError where the policy cannot run on it (case 6316)
        pol = policy_of(policy)
        pol.table(evidence_of(evidence, pol))
    return prefs


def sequence_many(
    profiles: Iterable[ProfileSource],
    preferences: resistx.Preferences | Mapping[str, Any] | None = None,
    *,
    policy: resistx.Policy | str | None = None,
    evidence: resistx.EvidenceBase | None = None,
) -> Iterator[Result]:
    """A ``Result`` for each profile (a ``Profile``, a mapping or JSON text), lazily and in input
    order: a profile that does not load or is out of scope gives a ``Result`` with its error
    and the cohort goes on. Preferences and policy are checked before the first profile."""
    if isinstance(profiles, str | bytes | Mapping | Path):  # one profile: each key or letter
        msg = (  # would be an error of its own (case 5110)
            f"sequence_many takes an iterable of profiles, not one {type(profiles).__name__}: "
            "for one profile call resistx.sequence"
        )
        raise TypeError(msg)
    prefs = checked_settings(preferences, policy, evidence)
    return (outcome(i, p, prefs, policy, evidence) for i, p in enumerate(profiles))
