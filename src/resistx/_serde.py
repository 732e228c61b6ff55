"""The one cattrs converter: strict structuring that collects every problem with its JSON path.

Unstructuring is cattrs' own (enums to their values, dates to ISO strings, tuples to
lists). Structuring is strict: ``"1"`` is not an int, ``True`` is not an ECOG score, a
string is not a list, unknown keys are errors. Problems are gathered across the whole
document before anything is raised.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import enum
import json
import math
import re
import types
import typing
from collections.abc import Callable, Hashable, Iterator, Mapping
from functools import cache
from typing import Any, TypeVar

import attrs
import cattrs

from resistx import _output, _suggest
from resistx._errors import (
    ConversionError,
    ItemProblemsError,
    OutOfScopeError,
    ProfileError,
    ResistxError,
)
from resistx.model import _show, enums
from resistx.model import profile as profile_model
from resistx.model._unread import LoaderView, UnreadFieldError
from resistx.model._validators import BLANK, blank
from resistx.model.profile import BiomarkerResult, Her2Test, Preferences, Profile, Treatment
from resistx.model.regimen import Regimen
from resistx.vocab import adverse_events, comorbidities, drugs, genes
from resistx.vocab.comorbidities import Comorbidity

T = TypeVar("T")
Problems = list[tuple[str, str]]

#: a list reports the problems of this many of its items, then how many more have some
MAX_ITEM_PROBLEMS = 20
#: JSON integers are 64-bit in most other readers; a larger one is a mistake, not a count
MAX_INT = 2**63 - 1
_SIMPLE_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,63}")


class DataProblemsError(Exception):
    """Problems found below one value, each with a path relative to that value."""

    def __init__(self, problems: Problems, read: tuple[tuple[int, Any], ...] | None = None) -> None:
        super().__init__(problems)
        self.problems = problems
        #: a list's items that were read, by their index: what its validators can still check
        self.read = read


def _type_name(value: object) -> str:
    return {
        type(None): "null",
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        tuple: "a list",
        dict: "an object",
    }.get(type(value), type(value).__name__)


def _got(value: object) -> str:
    """``value`` as "got ..." shows it: its type, and the value when that is short to say."""
    if value is None:
        return "null"
    if type(value) not in _JSON_TYPES and not isinstance(value, enum.Enum):
        return _foreign(value)
    shown = _show.value(value)
    if isinstance(value, list | tuple | Mapping) or shown.startswith(("an ", "a negative ")):
        return shown  # "a list of 3 items", "an integer of 5,001 digits"
    return f"{_type_name(value)} {shown}"


#: the types JSON text reads into (and a subclass of none of them is foreign: numpy's int64)
_JSON_TYPES = (type(None), bool, int, float, str, list, tuple, dict)


def _foreign(value: object) -> str:
    """A value of another library's type, as a notebook gives it ('numpy.int64 (1)' from
    ``df.to_dict("records")``; case 7677: 'got int64 a int64'), with how to pass it."""
    kind = type(value)
    owner = kind.__module__.split(".")[0]
    said = repr(value)
    said = said if len(said) <= 40 else said[:37] + "..."
    where = f"{owner}.{kind.__name__}" if owner != "builtins" else kind.__name__
    return (
        f"a {where} ({said}): convert it to a plain JSON value first (int(), float(), str(), "
        "a date's isoformat())"
    )


def key_path(key: object) -> str:
    """The JSON-path step to ``key``: ``.name``, or ``['odd key']`` with non-printables escaped."""
    if isinstance(key, str) and _SIMPLE_KEY.fullmatch(key):
        return f".{key}"
    return f"[{_show.value(key)}]"


def _fail(message: str) -> typing.NoReturn:
    raise DataProblemsError([("", message)])


# -- primitives ----------------------------------------------------------------------------


def _str(value: object, t: type) -> str:
    if t is not str:  # a StrEnum reaches the str hook through single dispatch
        return _enum(value, t)  # type: ignore[return-value]
    if not isinstance(value, str):
        _fail(f"expected a string, got {_got(value)}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        bad = _show.text(value[e.start : e.end])
        _fail(f"holds a lone surrogate {bad} at character {e.start:,}, which is not text")
    return value


def _int(value: object, _t: type) -> int:
    if type(value) is float and value.is_integer():
        # a whole number written as a float: an 'integer' under the JSON Schema the profile
        # publishes, and what pandas writes for a column with a missing value (case 6309)
        value = int(value)
    if type(value) is float and math.isnan(value):  # a data frame's missing value (8100)
        _fail(f"expected an integer, got {_got(value)} (a missing value: null, where allowed)")
    if isinstance(value, bool) or not isinstance(value, int):
        _fail(f"expected an integer, got {_got(value)}")
    if not -MAX_INT <= value <= MAX_INT:
        _fail(f"{_show.number(value)} is too large; integers are at most {MAX_INT:,}")
    return value


def _float(value: object, _t: type) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        _fail(f"expected a number, got {_got(value)}")
    try:
        number = float(value)
    except OverflowError:
        _fail(f"{_show.number(value)} is too large for a number")
    if not math.isfinite(number):
        _fail(f"expected a finite number, got {_show.number(value)}")
    return number


def _bool(value: object, _t: type) -> bool:
    if not isinstance(value, bool):
        _fail(f"expected true or false, got {_got(value)}")
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH_ONLY = re.compile(r"\d{4}-\d{2}")  # a month without its day (case 1638)


def _date(value: object, _t: type) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _MONTH_ONLY.fullmatch(value.strip()):
        _fail(
            f"expected a date as YYYY-MM-DD, got the month {_show.text(value)} only: give the day "
            "from the report (the windows after a course, 6 and 12 months, are read to the day: "
            "where the record has no day, choose one knowingly and say so in other_conditions)"
        )
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        _fail(f"expected a date as YYYY-MM-DD, got {_got(value)}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"{_show.text(value)} is not a calendar date")


@cache
def _members(t: type[enum.Enum]) -> tuple[dict[object, enum.Enum], tuple[str, ...]]:
    return {m.value: m for m in t}, tuple(str(m.value) for m in t)


#: a clinic's words for a value whose nearest spelling would mislead (case 1092: "detected"
#: was pointed to not_detected, "plasma" to nothing)
ENUM_HINTS: dict[type, dict[str, str]] = {
    # a sex as a record abbreviates it (8100)
    enums.Sex: {"f": "female", "m": "male", "woman": "female", "man": "male"},
    # an ISH result as a report words it (case 1281)
    enums.IshResult: {
        **dict.fromkeys(("not_amplified", "non-amplified", "non_amplified"), "negative"),
        **dict.fromkeys(("amplified", "her2_amplified"), "positive"),
    },
    # an EHR export's stop reasons (case 1706)
    enums.StopReason: {
        **dict.fromkeys(("adverse_event", "ae", "adverse_reaction", "side_effects"), "toxicity"),
        **dict.fromkeys(
            (
                *("pd", "progressive_disease", "disease_progression"),
                *("relapse", "relapsed", "recurrence"),
            ),
            "progression",
        ),
        **dict.fromkeys(
            ("patient_preference", "patient_decision", "patient_request"), "patient_choice"
        ),
        **dict.fromkeys(("discontinued", "stopped", "ended"), "unknown"),
    },
    # a kind of treatment as a clinic abbreviates it (8349)
    enums.RegimenKind: {
        **dict.fromkeys(("chemo", "cytotoxic", "cytotoxics", "ct"), "chemotherapy"),
        **dict.fromkeys(("adcs", "antibody_drug_conjugate", "antibody-drug_conjugate"), "adc"),
        **dict.fromkeys(("parp", "parpi", "parp_inhibitors"), "parp_inhibitor"),
        **dict.fromkeys(("cdk4/6i", "cdk46i", "cdk4/6_inhibitor"), "cdk4/6i_based"),
    },
    # a priority as a clinic abbreviates it (7817)
    enums.Priority: {
        **dict.fromkeys(("qol", "quality", "quality-of-life", "comfort"), "quality_of_life"),
        **dict.fromkeys(("os", "pfs", "efficacy", "overall_survival", "longevity"), "survival"),
    },
    # a route as a chart abbreviates it (6938)
    enums.Route: {
        **dict.fromkeys(("iv", "i.v.", "intravenously", "infusion"), "intravenous"),
        **dict.fromkeys(("po", "p.o.", "by_mouth", "oral_route", "tablets"), "oral"),
        **dict.fromkeys(("im", "i.m.", "intramuscularly"), "intramuscular"),
    },
    enums.Sample: {
        **dict.fromkeys(
            ("plasma", "cfdna", "cell_free_dna", "liquid_biopsy"), "ctdna (a liquid biopsy)"
        ),
        # a clinic's words for a tumour block (case 1678)
        **dict.fromkeys(("archival_tissue", "archival", "ffpe", "tumour", "tumor"), "tissue"),
    },
    enums.BiomarkerStatus: {
        **dict.fromkeys(
            ("detected", "mutation_detected", "positive"), "mutated (or amplified, or loss)"
        ),
        "negative": "not_detected (or wild_type)",
    },
    # a test's brand name for the method it uses (case 1099)
    enums.Assay: dict.fromkeys(
        ("guardant360", "guardant", "foundationone", "foundationone_liquid_cdx", "foundation_one"),
        "ngs",
    ),
}


#: a clinic's word for what a field holds in other terms: what to write instead, said whole
#: (cases 1124, 1142, 1143, 1146)
ENUM_ADVICE: dict[type, dict[str, str]] = {
    enums.Her2Status: {
        **dict.fromkeys(
            ("negative", "her2_negative", "her2-negative", "her2-"),
            "HER2-negative covers IHC 0, 1+ and 2+ with a negative ISH: record the score (in "
            "her2_tests, or her2 0, ultralow or low), or unknown, and the plan asks for it",
        ),
        # an IHC score where the category goes (case 1839): what to write, never 'positive'
        **dict.fromkeys(
            ("1+", "ihc_1+", "2+", "ihc_2+", "3+", "ihc_3+"),
            'an IHC score goes in her2_tests ({"score": "1+"}, a 2+ with its "ish"); '
            'here, her2 "low" for 1+ or 2+ with a negative ISH (3+ is HER2-positive, outside '
            "resistx's scope)",
        ),
    },
    enums.HormoneReceptor: dict.fromkeys(
        ("er_low", "er-low", "low_positive", "weakly_positive", "er_low_positive"),
        "an ER-low tumour (1-10% of cells) is hormone_receptor low: its endocrine options come "
        "after chemotherapy and the ADCs",
    ),
    enums.MenopausalStatus: dict.fromkeys(
        ("surgical_menopause", "surgically_menopausal", "surgical", "post_oophorectomy"),
        "a surgical menopause (bilateral oophorectomy) is postmenopausal",
    ),
    enums.Sample: dict.fromkeys(
        ("bone", "bone_biopsy", "decalcified_bone", "bone_marrow"),
        "a bone biopsy is tissue; where the laboratory doubts a decalcified sample, give status "
        "indeterminate and the plan asks for a retest",
    ),
    enums.BiomarkerStatus: {
        **dict.fromkeys(
            ("vus", "variant_of_uncertain_significance", "uncertain_significance"),
            "a variant of uncertain significance is status mutated with classification vus "
            "(not a match)",
        ),
        # an IHC report's words, which mean the opposite for a tumour suppressor (case 2118)
        **dict.fromkeys(
            ("negative", "absent", "not_expressed", "no_staining", "lost"),
            "a mutation test that found nothing is not_detected (or wild_type); a protein "
            "absent by IHC (PTEN, RB1) is loss",
        ),
        **dict.fromkeys(
            ("positive", "retained", "expressed", "intact"),
            "a mutation found is mutated (or amplified); a protein retained by IHC (PTEN, RB1) "
            "is not_detected, and one absent is loss",
        ),
        # a germline report's words (case 1681)
        **dict.fromkeys(
            ("pathogenic", "likely_pathogenic", "pathogenic_variant", "deleterious"),
            "a pathogenic variant is status mutated with classification pathogenic (or "
            "likely_pathogenic)",
        ),
    },
    enums.StopReason: dict.fromkeys(
        (
            *("dose_reduction", "dose_reduced", "dose-reduction", "reduced_dose", "dose_change"),
            *("dose_modification", "dose_modified", "dose_adjustment"),
        ),
        "a dose reduction is no stop: keep one course through it, or, where the drug was held "
        "for an adverse event, end the course with stop_reason toxicity and its toxicity, and "
        "record the resumed course",
    ),
}


def _enum(value: object, t: type[enum.Enum]) -> enum.Enum:
    if isinstance(value, t):
        return value
    by_value, allowed = _members(t)
    if isinstance(value, str):
        member = by_value.get(value)
        if member is not None:
            return member
        key = value.casefold().replace(" ", "_")
        meant, advice = ENUM_HINTS.get(t, {}).get(key), ENUM_ADVICE.get(t, {}).get(key)
        hint = (
            f"; {advice}"
            if advice
            else f"; did you mean {meant}?"
            if meant
            else _suggest.did_you_mean(value, allowed)
        )
        _fail(f"{_show.text(value)} is not one of: {', '.join(allowed)}{hint}")
    if isinstance(value, int | float) and not isinstance(value, bool):
        written = _show.number(value)
        if written in allowed:
            _fail(f"{written} must be written as the string {written!r}")
    _fail(f"expected one of: {', '.join(allowed)}; got {_got(value)}")


# -- containers ----------------------------------------------------------------------------


def _is_tuple(t: Any) -> bool:
    return typing.get_origin(t) is tuple


def _tuple(value: object, t: Any) -> tuple[Any, ...]:
    if not isinstance(value, list | tuple):
        _fail(f"expected a list, got {_got(value)}")
    args = typing.get_args(t)
    if len(args) == 2 and args[1] is Ellipsis:
        item_types = [args[0]] * len(value)
    else:
        if len(value) != len(args):
            _fail(f"expected a list of {len(args)} items, got {len(value)}")
        item_types = list(args)
    out: list[Any] = []
    problems: Problems = []
    failed: list[int] = []
    for i, (item, item_type) in enumerate(zip(value, item_types, strict=True)):
        try:
            out.append(converter.structure(item, item_type))
        except DataProblemsError as e:
            failed.append(i)
            if len(failed) <= MAX_ITEM_PROBLEMS:
                problems += [(f"[{i}]{p}", m) for p, m in e.problems]
    if len(failed) > MAX_ITEM_PROBLEMS:
        problems.append(("", _more(len(failed) - MAX_ITEM_PROBLEMS, "item", "with problems")))
    if problems:  # a list of text: its checks read each item alone (8655)
        read = [i for i in range(len(item_types)) if i not in failed]
        text = args == (str, Ellipsis)
        raise DataProblemsError(problems, tuple(zip(read, out, strict=True)) if text else None)
    return tuple(out)


def _more(count: int, what: str, which: str = "") -> str:
    return f"and {count:,} more {what}{'s' if count != 1 else ''}" + (f" {which}" if which else "")


def _at_most(limit: int, what: str, value: object) -> None:
    """A list longer than ``limit`` is one problem at its path, found before any item is read."""
    if isinstance(value, list | tuple) and len(value) > limit:
        _fail(f"{len(value):,} {what}; at most {limit:,} are accepted")


def _is_optional(t: Any) -> bool:
    origin = typing.get_origin(t)
    return origin in (typing.Union, types.UnionType) and type(None) in typing.get_args(t)


def _optional(value: object, t: Any) -> Any:
    if value is None:
        return None
    (inner,) = [a for a in typing.get_args(t) if a is not type(None)]
    return converter.structure(value, inner)


def _is_literal(t: Any) -> bool:
    return typing.get_origin(t) is typing.Literal


def _literal(value: object, t: Any) -> Any:
    allowed = typing.get_args(t)
    if value in allowed and type(value) in {type(a) for a in allowed}:
        return value
    _fail(f"{_show.value(value)} is not one of: {', '.join(map(str, allowed))}")


def _is_frozenset(t: Any) -> bool:
    return typing.get_origin(t) is frozenset


def _frozenset(value: object, t: Any) -> frozenset[Any]:
    (item_type,) = typing.get_args(t)
    return frozenset(_tuple(value, tuple[item_type, ...]))  # type: ignore[valid-type]


# -- attrs classes -------------------------------------------------------------------------

FieldHook = Callable[[Any], Any]
_FIELD_HOOKS: dict[tuple[type, str], FieldHook] = {}


@cache
def _fields(cls: type) -> tuple[tuple[attrs.Attribute[Any], Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f, hints[f.name]) for f in attrs.fields(cls) if f.init)


@cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(sorted(f.name for f, _ in _fields(cls)))


_VAF = (
    "the variant allele fraction is not recorded, and it is not the tumour fraction "
    "(tumour_fraction: the share of a ctDNA draw's cell-free DNA that comes from the tumour, "
    "as the laboratory estimates it; leave it out if the report gives none)"
)
#: keys a clinic writes for what no field records, where the nearest field's name would
#: mislead (a variant allele fraction written as the tumour fraction: the blind review of
#: cases 1062-1066)
#: a FHIR resource's or a phenopacket's own keys: the document converts, not loads (8349)
_CONVERT = {
    "resourcetype": "a FHIR resource's; an mCODE bundle converts with `resistx convert --from "
    "fhir` (resistx.interop.from_fhir)",
    **dict.fromkeys(
        ("metadata", "phenotypicfeatures"),
        "a phenopacket's; it converts with `resistx convert --from phenopacket` "
        "(resistx.interop.from_phenopacket)",
    ),
}
NOT_RECORDED = _CONVERT | dict.fromkeys(
    (
        "allele_fraction",
        "allele_frequency",
        "mutant_allele_fraction",
        "vaf",
        "variant_allele_fraction",
        "variant_allele_frequency",
        "variant_fraction",  # a near miss of both tumour_fraction and variant (case 1081)
    ),
    _VAF,
)


#: the module of a plan and its parts: read back from JSON, each field is required (case 6315:
#: a plan whose options had lost their cautions came back with none, and no error)
_PLAN_MODULE = "resistx.model.plan"


@cache
def kept_even_empty(cls: type) -> frozenset[str]:
    """The fields of ``cls`` that a JSON record must give even where empty: a trial's lists of
    figures (case 7671: an evidence file without a trial's hazard_ratios loaded, and a
    plan's ranking moved with no word). Every record of the bundled evidence gives them."""
    from resistx.evidence._base import EvidenceBase  # noqa: PLC0415 - it imports this module
    from resistx.model.evidence import Trial  # noqa: PLC0415

    figures = ("arms", "endpoints", "hazard_ratios", "adverse_events")
    return {Trial: frozenset(figures), EvidenceBase: frozenset({"discrepancies"})}.get(
        cls, frozenset()
    )


#: a field, the value its validators check, and for a list whose other items did not
#: structure the index of each item checked
Check = tuple["attrs.Attribute[Any]", Any, "tuple[tuple[int, Any], ...] | None"]


def _validated(view: LoaderView, checks: list[Check]) -> Problems:
    """The problems the validators find, before ``__init__``, so that range problems are named
    beside type problems. A validator that reads a field that did not structure waits for it
    (``LoaderView``); a list with some items that did not structure has the others checked,
    each problem at its own index (8420, 8655)."""
    problems: Problems = []
    for f, checked, read in checks:
        if f.validator is None:
            continue
        try:
            f.validator(view, f, checked)
        except ItemProblemsError as e:  # each where it is (the items of a list)
            at = [read[i][0] for i, _m in e.items] if read else [i for i, _m in e.items]
            problems += [(f".{f.name}[{i}]", m) for i, (_j, m) in zip(at, e.items, strict=True)]
        except UnreadFieldError:
            continue
        except (ValueError, TypeError) as e:
            if read is None:  # of the items read alone, a check of the whole list may be wrong
                problems.append((f".{f.name}", str(e)))
    return problems


def _attrs(value: object, cls: type[T]) -> T:
    if not isinstance(value, Mapping):
        _fail(f"expected an object, got {_got(value)}")
    fields = _fields(typing.cast(type, cls))
    names = _names(typing.cast(type, cls))
    problems: Problems = []
    unknown = [key for key in value if key not in names]
    for key in unknown[:MAX_ITEM_PROBLEMS]:
        if isinstance(key, str) and (why := NOT_RECORDED.get(key.casefold())):
            problems.append((key_path(key), f"unknown key: {why}"))
            continue
        hint = _suggest.did_you_mean(key, names) if isinstance(key, str) else ""
        expected = "; expected one of: " + ", ".join(names)
        problems.append((key_path(key), f"unknown key{hint or expected}"))
    if len(unknown) > MAX_ITEM_PROBLEMS:
        problems.append(("", _more(len(unknown) - MAX_ITEM_PROBLEMS, "unknown key")))
    kwargs: dict[str, Any] = {}
    unread: set[str] = set()  # the fields that did not structure
    partly: list[tuple[attrs.Attribute[Any], tuple[tuple[int, Any], ...]]] = []
    # to_json writes each field of a plan's parts, its regimens' too (the recheck, 6315)
    every = cls.__module__ == _PLAN_MODULE or cls is Regimen
    for f, t in fields:
        if f.name not in value:
            if (
                every
                or f.default is attrs.NOTHING
                or f.name in kept_even_empty(typing.cast(type, cls))
            ):
                problems.append((f".{f.name}", "required field missing"))
                unread.add(f.name)
            continue
        hook = _FIELD_HOOKS.get((cls, f.name))
        try:
            kwargs[f.name] = hook(value[f.name]) if hook else converter.structure(value[f.name], t)
        except DataProblemsError as e:
            problems += [(f".{f.name}{p}", m) for p, m in e.problems]
            unread.add(f.name)
            if e.read and f.validator is not None:
                partly.append((f, e.read))
    checks: list[Check] = [(f, kwargs[f.name], None) for f, _ in fields if f.name in kwargs]
    checks += [(f, tuple(v for _i, v in read), read) for f, read in partly]
    problems += _validated(LoaderView(kwargs, unread), checks)
    if problems:
        raise DataProblemsError(problems)
    try:
        return cls(**kwargs)
    except (ValueError, TypeError) as e:
        _fail(str(e))


# -- normalisation of profile input --------------------------------------------------------


def _read_each(value: object, read: Callable[[str], str]) -> tuple[str, ...]:
    """A list of drug names (at most MAX_DRUGS), each item ``read`` (its ValueError a problem
    at its index); an item of another type is a problem at its index too, so that a wrong
    type does not hide a misspelt name beside it (8655)."""
    _at_most(profile_model.MAX_DRUGS, "drugs in one treatment", value)
    if not isinstance(value, list | tuple):
        _fail(f"expected a list, got {_got(value)}")
    out: list[tuple[int, str]] = []
    problems: Problems = []
    for i, item in enumerate(value):
        try:
            out.append((i, read(converter.structure(item, str))))
        except DataProblemsError as e:
            problems += [(f"[{i}]{p}", m) for p, m in e.problems]
        except ValueError as e:
            problems.append((f"[{i}]", str(e)))
    if problems:
        raise DataProblemsError(problems, tuple(out))
    return tuple(name for _i, name in out)


def _drug_name(name: str) -> str:
    """The drug's own name for a name it answers to, or a ValueError naming the nearest."""
    drug = drugs.lookup(name)
    if drug is None:
        raise ValueError(f"{_show.text(name)} is not a drug resistx knows{drugs.hint(name)}")
    return drug.name


def _drug_names(value: object) -> tuple[str, ...]:
    return _read_each(value, _drug_name)


#: no near gene is offered: a near symbol is another gene (case 2297b: 'BRIP1' -> BRCA1)
_NO_GENE = (
    " (its symbol is neither one the review names nor one of the panel genes resistx accepts "
    "unread: docs/profile.md)"
)


def _gene(value: object) -> str:
    name = _str(value, str)
    symbol = genes.normalise(name)
    if symbol is None:
        same = genes.same_symbol(name)
        hint = f"; did you mean {same}?" if same else _NO_GENE
        _fail(f"{_show.text(name)} is not a gene resistx reads{hint}")
    return symbol


_OTHER = "; free text resistx does not assess goes in other_conditions"


def _comorbidity_name(value: object) -> Comorbidity:
    name = _str(value, str)
    if blank(name):  # as a blank medication is (9302)
        _fail(BLANK)
    found = comorbidities.known(name)
    if found is None and (instead := comorbidities.elsewhere(name)):
        _fail(f"{_show.text(name)} is not a comorbidity resistx reads{instead}")
    if found is None and (recorded := comorbidities.recorded_as(name)):  # a correction (6219)
        _fail(f"{_show.text(name)}: record it as {recorded} (the value its rules read)")
    if found is None:
        meant = comorbidities.hint(name) or comorbidities.slip(name)
        hint = (
            f"; did you mean {meant}?"
            if meant
            else _suggest.did_you_mean(
                comorbidities.normalise(name), [c.value for c in Comorbidity]
            )
        )
        _fail(f"{_show.text(name)} is not a comorbidity resistx reads{hint}{_OTHER}")
    return found


def _condition(value: object) -> profile_model.Condition:
    """A comorbidity: its name, or an object with its name and the value its rules read."""
    if isinstance(value, str):
        return profile_model.Condition(name=_comorbidity_name(value))
    return _attrs(value, profile_model.Condition)


def _comorbidities(value: object) -> tuple[profile_model.Condition, ...]:
    _at_most(profile_model.MAX_COMORBIDITIES, "comorbidities", value)
    return _tuple(value, tuple[profile_model.Condition, ...])


#: where a stop's event ends and what is said of it begins
_TOXICITY_MORE = re.compile(r"[,;(]| - | with | treated ")


def _toxicity(value: object) -> str | None:
    if value is None:
        return None
    name = _str(value, str)
    term = adverse_events.normalise(name)
    # the event first, then what the record says of it (case 7886)
    head = _TOXICITY_MORE.split(name, maxsplit=1)[0].strip()
    graded = None if term else adverse_events.with_grade(name) or adverse_events.with_grade(head)
    if term is None and graded is None and head != name:
        graded = adverse_events.normalise(head)
    if term is None and graded is not None:
        _fail(  # case 6219: 'pneumonitis grade 1' was answered 'did you mean pneumonitis?'
            f"{_show.text(name)}: name the event alone ({graded!r}); the stop records no grade, "
            "and where rules read one it goes on the comorbidity (a lung disease's on "
            'interstitial_lung_disease, with "steroids" and "resolved"; a neuropathy\'s on '
            "neuropathy)"
        )
    if term is None:
        names = sorted({*adverse_events.TERMS, *adverse_events.ALIASES})
        hint = _suggest.did_you_mean(name.casefold(), names)
        _fail(f"{_show.text(name)} is not an adverse event resistx knows{hint}")
    return term


def _limited(t: Any, limit: int, what: str) -> FieldHook:
    def hook(value: object) -> Any:
        _at_most(limit, what, value)
        return converter.structure(value, t)

    return hook


def _next_drugs(value: object) -> tuple[str, ...] | None:
    """``next_treatment``: the names as given, each one the vocabulary does not know a problem
    at its index (case 6321: they were one problem at the list)."""
    if value is None:
        return None
    return _read_each(value, _next_drug)


def _next_drug(name: str) -> str:
    """The name as given, or a ValueError saying what it is if no drug answers to it."""
    for _i, said in drugs.unknown_at((name,)):
        raise ValueError(said)
    return name


_FIELD_HOOKS[(Treatment, "drugs")] = _drug_names
_FIELD_HOOKS[(Profile, "next_treatment")] = _next_drugs
_FIELD_HOOKS[(BiomarkerResult, "gene")] = _gene
_FIELD_HOOKS[(Profile, "comorbidities")] = _comorbidities
_FIELD_HOOKS[(profile_model.Condition, "name")] = _comorbidity_name
_FIELD_HOOKS[(Treatment, "toxicity")] = _toxicity
_FIELD_HOOKS[(Profile, "treatments")] = _limited(
    tuple[Treatment, ...], profile_model.MAX_TREATMENTS, "treatments"
)
_FIELD_HOOKS[(Profile, "biomarkers")] = _limited(
    tuple[BiomarkerResult, ...], profile_model.MAX_BIOMARKERS, "biomarker results"
)


# -- the converter -------------------------------------------------------------------------

converter = cattrs.Converter(forbid_extra_keys=True)
converter.register_structure_hook(str, _str)
converter.register_structure_hook(int, _int)
converter.register_structure_hook(float, _float)
converter.register_structure_hook(bool, _bool)
converter.register_structure_hook(dt.date, _date)
converter.register_structure_hook(profile_model.Condition, lambda v, _t: _condition(v))
converter.register_structure_hook_func(
    lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum
)
converter.register_structure_hook_func(_is_optional, _optional)
converter.register_structure_hook_func(_is_literal, _literal)
converter.register_structure_hook_func(_is_tuple, _tuple)
converter.register_structure_hook_func(_is_frozenset, _frozenset)
converter.register_structure_hook_func(attrs.has, _attrs)

converter.register_unstructure_hook(dt.date, dt.date.isoformat)
# a str-valued enum would otherwise pass through as itself (cattrs dispatches it as a str)
for _enum_type in vars(enums).values():
    if isinstance(_enum_type, type) and issubclass(_enum_type, enum.Enum):
        converter.register_unstructure_hook(
            _enum_type, lambda e: e.value if isinstance(e, enum.Enum) else e
        )


def _error(e: ResistxError) -> dict[str, Any]:
    """An error as data (a cohort ``Result``'s: case 5111 raised TypeError): its kind, as a
    cohort's errors file names it, and every problem with its path."""
    problems = e.problems if isinstance(e, ConversionError) else (("$", str(e)),)
    kind = "out_of_scope" if isinstance(e, OutOfScopeError) else "invalid"
    return {"kind": kind, "problems": [{"path": p, "message": m} for p, m in problems]}


@attrs.frozen
class _ErrorProblem:
    path: str
    message: str


@attrs.frozen
class _ErrorData:
    kind: typing.Literal["invalid", "out_of_scope"]
    problems: tuple[_ErrorProblem, ...]


def _error_back(value: object, _t: type) -> ResistxError:
    """``_error``'s inverse (case 7670: a failed ``Result`` written by ``to_json`` did not read
    back): the kind and the problems, as the error a cohort's ``Result`` holds."""
    data = converter.structure(value, _ErrorData)
    problems = tuple((p.path, p.message) for p in data.problems)
    if data.kind == "invalid":
        return ProfileError(problems)
    if len(problems) != 1 or problems[0][0] != "$":
        raise DataProblemsError([(".problems", "an out-of-scope error has one problem, at '$'")])
    return OutOfScopeError(problems[0][1])


converter.register_unstructure_hook_func(
    lambda t: isinstance(t, type) and issubclass(t, ResistxError), _error
)
converter.register_structure_hook_func(
    lambda t: isinstance(t, type) and issubclass(t, ResistxError), _error_back
)
converter.register_unstructure_hook_func(_is_tuple, lambda t: [converter.unstructure(x) for x in t])
converter.register_unstructure_hook_func(
    _is_frozenset, lambda s: sorted(converter.unstructure(x) for x in s)
)


def problems_of(exc: DataProblemsError, root: str = "$") -> tuple[tuple[str, str], ...]:
    return tuple((root + path, message) for path, message in exc.problems)


#: off inside ``straightforward()``: inputs by the collecting hooks, output by cattrs and json
_use_compiled: contextvars.ContextVar[bool] = contextvars.ContextVar("compiled", default=True)


@contextlib.contextmanager
def straightforward() -> Iterator[None]:
    """Inside the block, input classes and ``to_json`` skip the compiled paths (for tests and
    benchmarks)."""
    token = _use_compiled.set(False)
    try:
        yield
    finally:
        _use_compiled.reset(token)


#: the classes a user's input is read into: their problems are a ``ProfileError``
INPUT_CLASSES: tuple[type, ...] = (Profile, Preferences, Treatment, BiomarkerResult)


def _evidence_base() -> type:
    from resistx.evidence._base import EvidenceBase  # noqa: PLC0415 - it imports this module

    return EvidenceBase


@cache
def _compiled_structurer(cls: Hashable) -> Callable[[Any], Any] | None:
    """The compiled fast path of an input class (``resistx._compiled``), or None."""
    if cls not in (*INPUT_CLASSES, tuple[Her2Test, ...], _evidence_base()):
        return None
    from resistx import _compiled  # noqa: PLC0415 - it imports this module

    try:
        return _compiled.compiled(cls)
    except NotImplementedError:  # a type or a normalising hook it does not mirror
        return None


def structure_or_problems(data: object, cls: type[T]) -> T:
    """Structure JSON-like ``data`` into ``cls``, or raise ``DataProblemsError`` with every problem.

    An input class takes its compiled path first; on any doubt the collecting hooks
    structure the data again and say what is wrong.
    """
    fast = _compiled_structurer(typing.cast(Hashable, cls)) if _use_compiled.get() else None
    if fast is not None:
        try:  # not contextlib.suppress: its context manager cost about 1 us a valid load
            return fast(data)  # type: ignore[no-any-return]
        except Exception:  # noqa: S110 - any doubt: the collecting path says what
            pass
    return structure_collecting(data, cls)


def structure_collecting(data: object, cls: type[T]) -> T:
    """``structure_or_problems`` by the collecting hooks alone.

    Suggestions are rationed per document, and data nested too deeply for the interpreter
    is one problem at the root rather than a ``RecursionError``.
    """
    try:
        with _suggest.rationed():
            return converter.structure(data, cls)
    except (RecursionError, MemoryError):
        raise DataProblemsError([("", "nested too deeply to read")]) from None


def structure(data: object, cls: type[T], error: type[ConversionError] = ConversionError) -> T:
    """Structure JSON-like ``data`` into ``cls``, raising ``error`` with every problem."""
    try:
        return structure_or_problems(data, cls)
    except DataProblemsError as e:
        raise error(problems_of(e)) from None


def to_dict(obj: object) -> Any:
    """JSON-compatible data for any public model object."""
    return converter.unstructure(obj)


def from_dict(cls: type[T], data: object) -> T:
    """The inverse of ``to_dict``; bad data raises a ``ConversionError`` listing every problem."""
    error = ProfileError if cls in INPUT_CLASSES else ConversionError
    return structure(data, cls, error)


def to_json(obj: object, *, indent: int | None = None) -> str:
    """``json.dumps(to_dict(obj))`` with stable key order.

    Model objects take a compiled path, written by orjson when the ``resistx[fast]`` extra is
    installed; the text is the same either way.
    """
    if _use_compiled.get():
        with contextlib.suppress(Exception):
            return _output.dumps(obj, indent)
    return to_json_slow(obj, indent=indent)


def to_json_slow(obj: object, *, indent: int | None = None) -> str:
    """``to_json`` by cattrs' unstructuring and ``json.dumps``: what the fast output must equal."""
    return json.dumps(to_dict(obj), sort_keys=True, indent=indent, ensure_ascii=False)
