"""Notebook display: self-contained, escaped HTML and Markdown tables; data frames; figures."""

from __future__ import annotations

import builtins
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import resistx
from resistx.vocab.adverse_events import shown as term_shown
from tests.helpers import PALBOCICLIB, patient, result, second_line

VOID = {"br"}


class Checker(HTMLParser):
    """Parses HTML and checks that every tag is closed in order, with no script or resource."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag not in {"script", "link", "img", "iframe", "object", "style"}, tag
        assert all(not name.startswith("on") and name not in {"src", "href"} for name, _ in attrs)
        self.tags.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (self.stack[-3:], tag)
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> Checker:
    checker = Checker()
    checker.feed(html)
    checker.close()
    assert not checker.stack
    return checker


HOSTILE = patient(
    patient_id="<script>alert(1)</script> & co", biomarkers=[result("ESR1", "mutated")]
)


def test_plan_html_is_a_readable_self_contained_table() -> None:
    plan = resistx.sequence(HOSTILE)
    checker = parse(plan._repr_html_())
    text = "".join(checker.text)
    assert "<script>alert(1)</script> & co" in text  # shown as text, not markup
    since = len(plan.since_review) + 1 if plan.since_review else 0  # its own table
    assert checker.tags.count("tr") == len(plan.options) + 1 + len(plan.excluded) + 1 + since
    assert "Elacestrant" in text and "EMERALD" in text and plan.disclaimer in text


@pytest.mark.parametrize("key", ["EMERALD", "CAPItello-291", "TBCRC 048", "VELA"])
def test_trial_html_and_markdown(key: str) -> None:
    trial = resistx.evidence().trial(key)
    text = "".join(parse(trial._repr_html_()).text)
    assert trial.key in text
    md = trial._repr_markdown_()
    assert md.startswith(f"**{trial.key}**")
    for e in trial.endpoints:
        assert f"{e.value:g}" in md


def test_evidence_and_option_views() -> None:
    eb = resistx.evidence()
    assert "".join(parse(eb._repr_html_()).text).count("completed") >= 20
    assert eb._repr_markdown_().count("\n| ") == len(eb.trials) + 1
    option = resistx.sequence(HOSTILE).options[0]
    parse(option._repr_html_())
    assert option._repr_markdown_().count("\n| ") == len(option.reasons) + 1


def test_markdown_escapes_table_cells() -> None:
    from resistx.display.markdown import cell  # noqa: PLC0415

    assert cell("a | b\nc") == "a \\| b c"
    md = resistx.sequence(HOSTILE)._repr_markdown_()
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    header = rows[0].count(" | ")
    assert all(row.replace("\\|", "").count(" | ") == header for row in rows[: len(rows) // 2])


def test_plan_frame() -> None:
    plan = resistx.sequence(HOSTILE)
    frame = plan.to_frame()
    options = frame[~frame["excluded"]]
    assert list(options["rank"]) == [o.rank for o in plan.options]
    assert list(options["regimen"]) == [o.regimen.id for o in plan.options]
    assert frame.loc[0, "total"] == pytest.approx(plan.options[0].scores.total)
    assert set(frame["patient_id"]) == {plan.patient_id}
    assert set(frame["as_of"]) == {plan.as_of}
    left_out = frame[frame["excluded"]]
    assert list(left_out["regimen"]) == [e.regimen.id for e in plan.excluded]
    assert left_out["rank"].isna().all() and left_out["total"].isna().all()
    assert list(left_out["codes"]) == [", ".join(c.value for c in e.codes) for e in plan.excluded]
    assert "negative_trial" in set(left_out["codes"])


def test_evidence_frames() -> None:
    eb = resistx.evidence()
    endpoints = eb.to_frame()
    assert len(endpoints) == sum(len(t.endpoints) + len(t.hazard_ratios) for t in eb.trials)
    row = endpoints[
        (endpoints.trial == "EMERALD")
        & (endpoints.kind == "HR_PFS")
        & (endpoints.population == "ESR1-mutated")
    ].iloc[0]
    assert (row.value, row.ci_low, row.ci_high) == (0.55, 0.39, 0.77)
    aes = eb.adverse_events_frame()
    assert len(aes) == sum(len(t.adverse_events) for t in eb.trials)
    assert set(aes.columns) >= {"trial", "arm", "term", "any_grade_percent", "grade3plus_percent"}


def _without(monkeypatch: pytest.MonkeyPatch, module: str) -> None:
    real = builtins.__import__

    def fake(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == module or name.startswith(module + "."):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake)


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = resistx.sequence(HOSTILE)
    _without(monkeypatch, "pandas")
    with pytest.raises(ImportError, match=r"resistx\[pandas\]"):
        plan.to_frame()
    with pytest.raises(ImportError, match=r"resistx\[pandas\]"):
        resistx.evidence().adverse_events_frame()


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import resistx.plot  # noqa: PLC0415

    _without(monkeypatch, "matplotlib")
    with pytest.raises(ImportError, match=r"resistx\[plot\]"):
        resistx.plot.forest()


def test_forest_plot_renders(tmp_path: Path) -> None:
    import resistx.plot  # noqa: PLC0415

    rows = resistx.plot.forest_rows()
    assert {r["trial"] for r in rows} >= {
        "EMERALD",
        "CAPItello-291",
        "DESTINY-Breast04",
        "TROPiCS-02",
    }
    assert all(r["low"] <= r["hr"] <= r["high"] for r in rows)
    assert "BOLERO-2" not in {r["trial"] for r in rows}  # no CDK4/6-inhibitor-pretreated patients
    fig = resistx.plot.forest()
    ax = fig.axes[0]
    assert ax.get_xscale() == "log"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert any("EMERALD (PFS, ESR1-mutated)" in label for label in labels)
    assert {"Oral SERD", "AKT inhibitor", "ADC (HER2)"} <= set(labels)
    out = tmp_path / "forest.png"
    fig.savefig(out, dpi=50)
    assert out.read_bytes().startswith(b"\x89PNG")


def test_plan_plot_renders(tmp_path: Path) -> None:
    import resistx.plot  # noqa: PLC0415

    plan = resistx.sequence(HOSTILE)
    fig = resistx.plot.plan(plan)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels[-1].startswith("1. Elacestrant")
    assert len(labels) == len(plan.options)
    fig.savefig(tmp_path / "plan.png", dpi=50)
    assert (tmp_path / "plan.png").stat().st_size > 1000


def test_importing_resistx_does_not_import_pandas_or_matplotlib() -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    code = (
        "import sys, resistx; resistx.sequence({'schema_version': 1, 'hormone_receptor': 'positive', "
        "'her2': '0'}); print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pandas', 'matplotlib', 'resistx.cli')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


# -- short reprs, public renderings (issue 13, item 10) -----------------------------------------


def test_reprs_are_short() -> None:
    plan = resistx.sequence(HOSTILE)
    eb = resistx.evidence()
    assert len(repr(plan)) < 300 and repr(plan).startswith("<Plan for ")
    # its two tests, its menopausal status, not given (rule 100), and a restaging: its last
    # progression is over a year before the plan's date (rule 108)
    assert "elacestrant [preferred]" in repr(plan) and ", 4 actions;" in repr(plan)
    one = resistx.sequence(Path(__file__).parent.parent / "examples" / "04-akt1-mutated.json")
    assert ", 1 action;" in repr(one)
    assert len(repr(plan.options[0])) < 120 and "elacestrant" in repr(plan.options[0])
    assert (
        repr(eb)
        == f"<EvidenceBase {eb.version}: 48 studies, {len(eb.discrepancies)} discrepancies>"
    )
    assert "\n" not in str(eb) and len(str(eb)) < 120
    trial = eb.trial("EMERALD")
    assert len(repr(trial)) < 200 and repr(trial).startswith("<Trial EMERALD (NCT03778931")
    assert str(trial) == trial.to_text()


def test_the_renderings_are_public(capsys: pytest.CaptureFixture[str]) -> None:
    from resistx.cli import main  # noqa: PLC0415

    path = Path(__file__).parent.parent / "examples" / "01-esr1-mutated.json"
    plan = resistx.sequence(path)
    assert str(plan) == plan.to_text()
    assert main(["sequence", str(path)]) == 0
    assert capsys.readouterr().out == plan.to_text() + "\n"
    assert main(["sequence", "--markdown", str(path)]) == 0
    assert capsys.readouterr().out == plan.to_markdown() + "\n"
    assert plan.to_html() == plan._repr_html_()
    assert plan.to_markdown() == plan._repr_markdown_()
    assert len(plan.to_text(width=60).splitlines()) > len(plan.to_text().splitlines())


def test_from_json_is_the_inverse_of_to_json() -> None:
    plan = resistx.sequence(HOSTILE)
    assert resistx.from_json(resistx.Plan, resistx.to_json(plan)) == plan
    assert resistx.from_json(resistx.Plan, resistx.to_json(plan).encode()) == plan
    trial = resistx.evidence().trial("EMERALD")
    assert resistx.from_json(resistx.Trial, resistx.to_json(trial, indent=2)) == trial
    with pytest.raises(resistx.ConversionError, match="not valid JSON"):
        resistx.from_json(resistx.Plan, "{")
    with pytest.raises(resistx.ProfileError, match="not valid JSON"):
        resistx.from_json(resistx.Profile, "[")
    with pytest.raises(resistx.ConversionError, match=r"\$"):
        resistx.from_json(resistx.Plan, "{}")


def test_models_do_not_import_display_code() -> None:
    import subprocess  # noqa: PLC0415
    import sys  # noqa: PLC0415

    code = (
        "import sys, resistx; p = resistx.sequence({'schema_version': 1, 'hormone_receptor': "
        "'positive', 'her2': '0'}); repr(p); repr(resistx.evidence()); "
        "print(sorted(m for m in sys.modules if m.startswith('resistx.display')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


# -- one trial content, every surface (item 11) ---------------------------------------------------


def _texts(trial: resistx.Trial) -> dict[str, str]:
    return {
        "text": trial.to_text(),
        "markdown": trial.to_markdown(),
        "html": "".join(parse(trial.to_html()).text),
    }


@pytest.mark.parametrize("key", ["EMERALD", "BYLIEVE", "CAPItello-291", "VELA"])
def test_every_trial_view_shows_the_same_content(key: str) -> None:
    eb = resistx.evidence()
    trial = eb.trial(key)
    for surface, shown in _texts(trial).items():
        flat = shown.replace("\\|", "|")
        if surface == "markdown":  # '<' and '&' as entities: inert where HTML passes through
            flat = flat.replace("&lt;", "<").replace("&amp;", "&")
        words = " ".join(flat.split())
        for a in trial.adverse_events:
            assert term_shown(a.term) in flat, (surface, a.term)  # as printed: AST (6108)
        for h in trial.hazard_ratios:
            assert f"{h.value:g}" in flat, surface
        for d in eb.discrepancies_for(key):
            assert " ".join(d.why.split()) in words, (surface, d.field)
        for note in trial.notes:
            assert " ".join(note.split()) in words, surface
        if any(h.endpoint_kind.value == "PFS" for h in trial.hazard_ratios):
            assert "ESMO-MCBS" in flat, surface
            for h in trial.hazard_ratios:
                g = resistx.mcbs_grade(trial, h.population, h.endpoint_kind)
                assert " ".join(g.reason.split()) in words, surface


def test_a_trial_of_another_evidence_base_shows_no_bundled_discrepancy() -> None:
    import attrs  # noqa: PLC0415

    bylieve = resistx.evidence().trial("BYLIEVE")
    changed = attrs.evolve(bylieve, notes=())
    assert "contradicts itself" in bylieve.to_text()
    assert "contradicts itself" not in changed.to_text()


# -- actions first when a test could change what is preferred (item 14) ------------------------------

EXAMPLES = Path(__file__).parent.parent / "examples"


def _positions(shown: str, plan: resistx.Plan) -> tuple[int, int]:
    # after the options the actions are headed as not changing what is preferred
    heading = "Before choosing" if "Before choosing" in shown else "Also to do (none of these"
    return shown.index(heading), shown.index(plan.options[0].regimen.name)


@pytest.mark.parametrize(
    ("example", "first"),
    [
        ("14-untested", True),  # HER2 unknown, ESR1 and the pathway untested: nothing preferred
        ("17-pcr-negative-stale", True),  # stale or PCR-only results to retest
        ("09-germline-palb2", True),  # nothing preferred; BRCA1/2 untested
        ("01-esr1-mutated", False),  # elacestrant preferred; BRCA/PALB2 testing can wait
        ("13-ccne1-amplified", True),  # ctDNA-only negatives: confirm on tissue first
    ],
)
def test_actions_come_first_when_they_could_change_what_is_preferred(
    example: str, first: bool
) -> None:
    plan = resistx.sequence(EXAMPLES / f"{example}.json")
    assert plan.actions
    for shown in (plan.to_text(), plan.to_markdown(), "".join(parse(plan.to_html()).text)):
        actions, option = _positions(shown, plan)
        assert (actions < option) is first
        assert ("Before choosing" in shown) is first  # never over actions that follow


def test_every_view_of_a_default_plan_shows_its_since_review_section() -> None:
    path = Path(__file__).parent.parent / "examples" / "23-her2-ultralow-no-chemotherapy.json"
    plan = resistx.sequence(path)
    assert plan.since_review
    for view, title in (
        (plan.to_text(), "Since the review:"),
        (plan.to_markdown(), "**Since the review**"),
        (plan.to_html(), "<b>Since the review</b>"),
    ):
        assert title in view
        assert "DESTINY-Breast06" in view and "FDA 2025-01-27" in view
    parse(plan.to_html())  # well formed
    newer = resistx.sequence(path, policy="practice-2026")
    assert "Since the review" not in newer.to_text()


def test_an_option_marked_down_beside_its_match_shows_both_reasons_in_every_view() -> None:
    """A PIK3CA mutation matches capivasertib, and progression on everolimus (the same
    pathway) marks it down as much: the one-line why named only the match, so the clinician
    could not see why it was not first. Every view now shows both."""
    everolimus = second_line("everolimus", "exemestane")
    plan = resistx.sequence(
        patient(biomarkers=[result("PIK3CA", "mutated")], treatments=[PALBOCICLIB, everolimus])
    )
    capi = plan.option("capivasertib+fulvestrant")
    assert capi is not None
    codes = {r.code for r in capi.reasons}
    assert {"akt_pathway_alteration_matches_capivasertib", "same_class_after_progression"} <= codes
    demoted = next(r.text for r in capi.reasons if r.code == "same_class_after_progression")
    matched = next(
        r.text for r in capi.reasons if r.code == "akt_pathway_alteration_matches_capivasertib"
    )
    # the class named is the one she progressed on, not every class of the regimen
    assert "(PI3K-AKT-mTOR inhibitor)" in demoted and "fulvestrant" not in demoted
    for view in (plan.to_text(), plan.to_markdown(), plan.to_html()):
        flat = " ".join(view.split())
        for text in (demoted, matched):
            assert " ".join(text.split())[:60] in flat
