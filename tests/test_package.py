"""What the installed distribution says about itself: licence, classifiers, extras, exports."""

from __future__ import annotations

import enum
import re
from importlib.metadata import distribution
from pathlib import Path

import pytest

import resistx

ROOT = Path(__file__).parent.parent
META = distribution("resistx").metadata


def test_the_licence_the_metadata_names_ships() -> None:
    assert META["License-Expression"] == "MIT"
    assert META.get_all("License-File") == ["LICENSE"]
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "Copyright (c) 2026 resistx developers" in text
    files = distribution("resistx").files or []
    shipped = [f for f in files if f.name == "LICENSE"]
    assert shipped and shipped[0].read_text(encoding="utf-8") == text


def test_classifiers() -> None:
    classifiers = set(META.get_all("Classifier") or [])
    assert {
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Programming Language :: Python :: 3.13",
        "Development Status :: 3 - Alpha",
        "Topic :: Scientific/Engineering :: Medical Science Apps.",
        "Typing :: Typed",
    } <= classifiers
    assert META["Requires-Python"] == ">=3.11"


def _extra(name: str) -> list[str]:
    marker = re.compile(rf"""extra\s*==\s*["']{name}["']""")
    return [
        r.split(";")[0].strip() for r in META.get_all("Requires-Dist") or [] if marker.search(r)
    ]


def test_the_test_extra_is_what_the_tests_need_and_dev_pins_the_checkers() -> None:
    test = " ".join(_extra("test"))
    assert "pytest" in test and "hypothesis" in test
    assert not re.search(r"\b(mypy|ruff|mkdocs|stubs)\b", test)
    dev = _extra("dev")
    assert any(re.fullmatch(r"mypy==[\d.]+", d) for d in dev), dev
    assert any(re.fullmatch(r"ruff==[\d.]+", d) for d in dev), dev
    assert set(_extra("test")) | set(_extra("docs")) <= set(dev)  # hatchling expands resistx[...]
    assert any(d.startswith("mkdocstrings[python]") for d in _extra("docs"))


@pytest.mark.parametrize("extra", ["plot", "pandas", "cohort", "dask"])
def test_the_missing_extra_hint_installs_it_the_readme_way(extra: str) -> None:
    message = str(resistx.MissingExtraError("needs it", extra))
    assert f'pip install "resistx[{extra}]"' in message
    assert f'pip install ".[{extra}]"' in message
    assert isinstance(resistx.MissingExtraError("x", extra), ImportError)
    assert f'".[{extra}]"' in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_enums_users_need_are_exported() -> None:
    for name in (
        "Priority",
        "DrugClass",
        "Tier",
        "Factor",
        "Her2Status",
        "BiomarkerStatus",
        "HormoneReceptor",
        "ExclusionCode",
        "EndpointKind",
        "StopReason",
    ):
        assert name in resistx.__all__, name
        assert issubclass(getattr(resistx, name), enum.Enum)
    namespace: dict[str, object] = {}
    exec("from resistx import *", namespace)  # noqa: S102 - the star import users write
    assert namespace["Tier"] is resistx.Tier
    plan = resistx.sequence({"schema_version": 1, "hormone_receptor": "positive", "her2": "0"})
    assert all(isinstance(o.tier, resistx.Tier) for o in plan.options)


def _shipped() -> list[tuple[str, tuple[str, ...]]]:
    """Every data file the package reads: (package, path inside it)."""
    root = Path(resistx.__file__).parent
    found = []
    for package in ("resistx.evidence", "resistx.mechanisms"):
        folder = root / package.split(".")[1]
        found += [
            (package, file.relative_to(folder).parts) for file in sorted(folder.rglob("*.json"))
        ]
    return found


def test_a_data_file_read_from_the_package_directory_is_what_importlib_resources_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Read directly where the package is a directory, and through importlib.resources where
    it is not (a package without a file of its own, as a zipped one may be): the same text."""
    import importlib  # noqa: PLC0415
    from importlib import resources  # noqa: PLC0415

    from resistx import _data  # noqa: PLC0415

    shipped = _shipped()
    assert len(shipped) >= 4
    for package, path in shipped:
        expected = resources.files(package).joinpath(*path).read_text("utf-8")
        assert _data.read_text(package, *path) == expected
        module = importlib.import_module(package)
        with monkeypatch.context() as m:
            m.setattr(module, "__file__", None)
            assert _data.read_text(package, *path) == expected
