"""The docs: every code example runs, generated pages are current, the site builds cleanly."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import resistx

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def python_blocks(path: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.DOTALL)


@pytest.mark.parametrize("page", [p for p in PAGES if python_blocks(p)], ids=lambda p: p.name)
def test_every_code_example_runs(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # examples refer to files of the repository
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    for block in python_blocks(page):
        exec(compile(block, str(page), "exec"), namespace)  # noqa: S102 - running our own docs


def test_generated_pages_are_current() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_docs.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def _docs_tools() -> Path:
    """The mkdocs of the docs extra; without it the site test skips (README's test command),
    unless ``RESISTX_REQUIRE_DOCS`` is set (CI installs the dev extra and sets it)."""
    mkdocs = Path(sys.executable).parent / "mkdocs"
    missing = [m for m in ("mkdocs", "mkdocstrings_handlers.python") if not _importable(m)]
    if missing or not mkdocs.exists():
        if os.environ.get("RESISTX_REQUIRE_DOCS"):
            pytest.fail(f"the docs extra is not installed: {missing}")
        pytest.skip('the site build needs the docs extra: pip install ".[docs]"')
    return mkdocs


def _importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def test_the_site_builds_without_warnings(tmp_path: Path) -> None:
    mkdocs = _docs_tools()
    done = subprocess.run(
        [str(mkdocs), "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "WARNING" not in done.stderr
    assert (tmp_path / "site" / "ranking" / "index.html").exists()
    pages = {
        p.relative_to(tmp_path / "site").as_posix(): p.read_text(encoding="utf-8")
        for p in (tmp_path / "site").rglob("*.html")
    }
    # the pages describe; they do not cite a document the package does not ship
    assert not [name for name, page in pages.items() if "CONTRACT" in page]
    api = re.sub(r"<[^>]+>", " ", pages["api/index.html"])
    # the reference is generated from the docstrings: methods, properties and resistx.plot
    for name in (
        "to_text",
        "to_markdown",
        "to_html",
        "to_frame",
        "adverse_events_frame",
        "discrepancies_for",
        "from_json",
        "resistx.plot",
        "forest_rows",
        "merit",
        "BALANCED",
        "MissingExtraError",
    ):
        assert name in api, name
    for name in resistx.__all__:
        assert f"resistx.{name}" in api, name


def test_the_ranking_page_names_the_regimens_each_rule_concerns() -> None:
    """A rule's named regimen predicate carries the docstring the generated page shows: without
    one the page would say the rule concerns "every regimen" when it does not."""
    import inspect  # noqa: PLC0415

    from resistx.sequencing.policies import PRACTICE_2026, YE2024  # noqa: PLC0415

    for policy in (YE2024, PRACTICE_2026):
        for r in policy.rules:
            named = r.factor is not None and r.regimens.__name__ != "<lambda>"
            assert not named or inspect.getdoc(r.regimens), (r.number, r.regimens.__name__)
