"""What ``import resistx`` leaves for first use: the engine, the schema builder, orjson,
difflib and the readers of a profile's other conditions (their time is measured in
benchmarks/load.py); and importlib.resources, which an
install as a directory never needs (the data files are read beside their modules)."""

from __future__ import annotations

import subprocess
import sys

DEFERRED = (
    "resistx.sequencing",
    "resistx.io.schema",
    "orjson",
    "difflib",
    "resistx.model._free_text",
    "resistx.model._free_text_values",
)
NOT_NEEDED = ("importlib.resources",)


def _modules_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint('\\n'.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_import_resistx_and_loading_a_profile_leave_the_deferred_modules_alone() -> None:
    code = (
        "import resistx\n"
        "resistx.load_profile({'schema_version': 2, 'hormone_receptor': 'positive', 'her2': '0'})"
    )
    assert _modules_after(code).isdisjoint((*DEFERRED, *NOT_NEEDED))


def test_each_deferred_module_comes_with_its_first_use() -> None:
    code = (
        "import resistx\n"
        "plan = resistx.sequence({'schema_version': 2, 'hormone_receptor': 'positive', 'her2': '0'})\n"
        "resistx.json_schema('plan'); resistx.to_json(plan, indent=2)\n"
        "resistx.evidence(); resistx.policies()\n"
        "resistx.load_profile({'schema_version': 2, 'hormone_receptor': 'positive', 'her2': '0',"
        " 'other_conditions': ['gout']})\n"
        "try:\n"
        "    resistx.load_profile({'schema_version': 2, 'hormone_receptor': 'positve', 'her2': '0'})\n"
        "except resistx.ProfileError as e:\n"
        "    assert 'did you mean positive' in str(e), e\n"
    )
    modules = _modules_after(code)
    assert modules.issuperset(DEFERRED)
    assert modules.isdisjoint(NOT_NEEDED)


def test_the_command_line_imports_the_cohort_package_only_for_the_cohort_command() -> None:
    """Every command builds the whole parser; only ``resistx cohort`` needs the cohort code."""
    code = "from resistx.cli import build_parser\nbuild_parser()"
    assert not any(m.startswith("resistx.cohort") for m in _modules_after(code))
