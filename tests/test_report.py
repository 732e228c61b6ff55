"""The standalone tumour-board report (``plan.to_html(full=True)``, ``resistx report``): one
well-formed, self-contained HTML document that shows everything the plan says, escaped, with
a forest plot whose rows are the cited trials' hazard ratios."""

from __future__ import annotations

import math
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest

import resistx
from resistx.display._common import studies
from tests.helpers import patient, result

EXAMPLES = Path(__file__).parent.parent / "examples"
VOID = {"meta", "br"}
FORBIDDEN_TAGS = {"script", "link", "img", "iframe", "object", "embed", "base", "image", "use"}


class Document(HTMLParser):
    """Parses the report; fails on an unclosed or misnested tag, a script, an event handler
    or an attribute that loads something. Keeps the text, the forest rows and the options."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.tags: Counter[str] = Counter()
        self.text: list[str] = []
        self.hr_rows: list[dict[str, str]] = []
        self.hr_text: list[list[str]] = []
        self.hr_marks: list[list[tuple[str, dict[str, str]]]] = []
        self.options: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag not in FORBIDDEN_TAGS, tag
        found = {name: value or "" for name, value in attrs}
        assert not any(name.startswith("on") for name in found), found
        assert not {"src", "href", "xlink:href", "srcset", "action"} & set(found), found
        self.tags[tag] += 1
        if tag == "g" and "hr" in found.get("class", "").split():
            self.hr_rows.append(found)
            self.hr_text.append([])
            self.hr_marks.append([])
        elif self._inside("g", "hr"):
            self.hr_marks[-1].append((tag, found))
        if tag not in VOID:
            self.stack.append((tag, found))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, ([t for t, _ in self.stack[-3:]], tag)
        self.stack.pop()

    def _inside(self, tag: str, cls: str) -> dict[str, str] | None:
        return next(
            (a for t, a in self.stack if t == tag and cls in a.get("class", "").split()), None
        )

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._inside("g", "hr"):
            self.hr_text[-1].append(data)
        article = self._inside("article", "option")
        if article is not None:
            self.options.setdefault(article["id"], []).append(data)


def parse(document: str) -> Document:
    doc = Document()
    doc.feed(document)
    doc.close()
    assert not doc.stack, doc.stack
    return doc


def example(name: str) -> Path:
    return next(EXAMPLES.glob(f"{name}-*.json"))


def _cited(plan: resistx.Plan) -> list[str]:
    keys = [t for o in plan.options for r in o.reasons for t in r.trials]
    keys += [t for e in plan.excluded for r in e.reasons for t in r.trials]
    return list(dict.fromkeys(keys))


CASES = [
    ("01", "ye2024"),  # ESR1-mutated, with a since-the-review section
    ("10", "ye2024"),  # visceral crisis, a test to do first
    ("13", "ye2024"),  # 14 options, clinical trials among them
    ("20", "ye2024"),  # HER2 tests on record, ESR1 and the PI3K pathway to retest
    ("23", "practice-2026"),  # the newer policy on evidence pack 2026.11
]


@pytest.mark.parametrize(("name", "policy"), CASES)
def test_the_report_shows_the_whole_plan(name: str, policy: str) -> None:
    profile = resistx.load_profile(example(name))
    plan = resistx.sequence(profile, policy=policy)
    document = plan.to_html(full=True, profile=profile)
    assert document.startswith("<!DOCTYPE html>")
    doc = parse(document)
    text = " ".join("".join(doc.text).split())
    assert doc.tags["html"] == doc.tags["head"] == doc.tags["body"] == doc.tags["style"] == 1
    assert len(doc.options) == len(plan.options)
    for o in plan.options:
        shown = " ".join("".join(doc.options[f"option-{o.rank}"]).split())
        assert shown.startswith(f"{o.rank}. {o.regimen.name} {o.tier.value}")
        for reason in o.reasons:  # each reason, its rule and its trials
            assert reason.text in shown
            assert f"rule {reason.rule}" in shown
            assert all(studies((t,)) in shown for t in reason.trials)  # 'ref. 33' for its key
        for caution in o.cautions:
            assert caution.text in shown
    for key in _cited(plan):
        assert studies((key,)) in text
    for e in plan.excluded:
        assert e.regimen.name in text and all(r.text in text for r in e.reasons)
    for a in plan.actions:
        assert a.text in text
    for s in plan.since_review:
        assert s.text in text
    assert all(" ".join(n.split()) in text for n in plan.notes)
    assert plan.disclaimer in text
    assert f"Policy {plan.policy.name} version {plan.policy.version}" in text
    assert f"Evidence version {plan.evidence_version}" in text
    assert f"resistx {plan.library_version}" in text
    for r in profile.biomarkers:
        assert r.gene in text
    for t in profile.treatments:
        assert " + ".join(t.drugs) in text
    for h in profile.her2_tests:
        ish = f", ISH {h.ish.value}" if h.ish else ""
        assert f"IHC {h.score.value}{ish}" in text


@pytest.mark.parametrize(("name", "policy"), CASES)
def test_the_report_fetches_nothing(name: str, policy: str) -> None:
    plan = resistx.sequence(example(name), policy=policy)
    document = plan.to_html(full=True).lower()
    for needle in ("http:", "https:", "//", "src=", "url(", "@import", "<script"):
        assert needle not in document, needle


def test_every_text_is_escaped() -> None:
    hostile = "<script>alert('x')</script> & \"co\""
    condition = "<img src=x onerror=alert(1)> asthma"
    profile = resistx.load_profile(
        patient(
            schema_version=2,
            patient_id=hostile,
            other_conditions=[condition],
            biomarkers=[result("ESR1", "mutated", variant="<b>p.D538G</b>")],
        )
    )
    document = resistx.sequence(profile).to_html(full=True, profile=profile)
    assert "<script" not in document and "<img" not in document and "<b>" not in document
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;co&quot;" in document
    text = "".join(parse(document).text)
    assert hostile in text and condition in text and "<b>p.D538G</b>" in text


def _expected_rows(plan: resistx.Plan) -> Counter[tuple[str, str, str, float, float, float]]:
    eb = resistx.evidence(plan.evidence_version)
    rows: Counter[tuple[str, str, str, float, float, float]] = Counter()
    for key in _cited(plan):
        if key not in eb:
            continue
        for h in eb.trial(key).hazard_ratios:
            low, high = h.ci95 or (math.nan, math.nan)
            rows[(eb.trial(key).key, h.endpoint_kind.value, h.population, h.value, low, high)] += 1
    return rows


def _number(value: str) -> float:
    return math.nan if value == "" else float(value)


@pytest.mark.parametrize(("name", "policy"), [*CASES, ("12", "ye2024")])
def test_the_forest_plot_has_one_row_per_cited_hazard_ratio(name: str, policy: str) -> None:
    plan = resistx.sequence(example(name), policy=policy)
    doc = parse(plan.to_html(full=True))
    shown = Counter(
        (
            r["data-trial"],
            r["data-endpoint"],
            r["data-population"],
            _number(r["data-hr"]),
            _number(r["data-low"]),
            _number(r["data-high"]),
        )
        for r in doc.hr_rows
    )
    expected = _expected_rows(plan)
    assert expected and sum(expected.values()) == len(doc.hr_rows)
    # NaN never equals NaN: compare the rows without a CI by their text
    assert {k: v for k, v in shown.items() if not math.isnan(k[4])} == {
        k: v for k, v in expected.items() if not math.isnan(k[4])
    }
    for row, texts in zip(doc.hr_rows, doc.hr_text, strict=True):
        label = "".join(texts)
        assert f"{row['data-endpoint']}, {row['data-population']}" in " ".join(label.split())
        # the label as the sources print a ratio (two decimals: 0.40), the data as numbers
        low, high, hr = (_number(row[k]) for k in ("data-low", "data-high", "data-hr"))
        ci = f"({low:.2f}\u2013{high:.2f})" if row["data-low"] else "(no CI)"
        assert label.endswith(f"{hr:.2f} {ci}")


def test_the_forest_plot_draws_each_ratio_where_it_belongs() -> None:
    """The point and whiskers of every row sit on one shared log scale: x is a linear
    function of log(HR) with the same slope for every row, and the CI spans the point."""
    plan = resistx.sequence(example("13"))
    doc = parse(plan.to_html(full=True))
    points = []
    for row, marks in zip(doc.hr_rows, doc.hr_marks, strict=True):
        rect = next(a for t, a in marks if t == "rect")
        x = float(rect["x"]) + float(rect["width"]) / 2
        points.append((math.log(float(row["data-hr"])), x))
        whiskers = sorted(float(a["x1"]) for t, a in marks if t == "line" and a["x1"] == a["x2"])
        if row["data-low"]:
            assert whiskers[0] < x < whiskers[-1]
    (l0, x0), (l1, x1) = min(points), max(points)
    slope = (x1 - x0) / (l1 - l0)
    assert slope > 0
    for log_hr, x in points:
        assert x == pytest.approx(x0 + slope * (log_hr - l0), abs=0.2)


def test_the_notebook_view_is_unchanged_and_the_options_are_checked() -> None:
    profile = resistx.load_profile(example("01"))
    plan = resistx.sequence(profile)
    assert plan._repr_html_() == plan.to_html()
    assert not plan.to_html().startswith("<!DOCTYPE")
    with pytest.raises(ValueError, match="full report"):
        plan.to_html(profile=profile)
    other = resistx.load_profile(example("10"))
    with pytest.raises(ValueError, match="visceral-crisis"):
        plan.to_html(full=True, profile=other)
    with pytest.raises(ValueError, match=r"2026\.11"):
        plan.to_html(full=True, evidence=resistx.evidence("2026.11"))
    assert "Visceral crisis recorded" in resistx.sequence(other).to_html(full=True)
    assert "Visceral crisis recorded" not in plan.to_html(full=True)


def test_cited_trials_without_a_row_are_named() -> None:
    """A cited trial without a hazard ratio, or missing from the evidence (a plan read back
    from JSON and edited, say), is named under the plot; the other rows are all still drawn."""
    plan = resistx.sequence(example("13"))
    first = plan.options[0]
    reason = attrs.evolve(first.reasons[0], trials=("NOT-A-TRIAL", *first.reasons[0].trials))
    edited = attrs.evolve(
        plan, options=(attrs.evolve(first, reasons=(reason, *first.reasons[1:])), *plan.options[1:])
    )
    doc = parse(edited.to_html(full=True))
    text = " ".join("".join(doc.text).split())
    assert f"Cited but not in evidence {plan.evidence_version}: NOT-A-TRIAL." in text
    assert len(doc.hr_rows) == sum(_expected_rows(plan).values())
    eb = resistx.evidence(plan.evidence_version)
    bare = [k for k in _cited(plan) if not eb.trial(k).hazard_ratios]
    assert "VELA" in bare
    assert f"Cited without a hazard ratio: {studies(tuple(bare))}." in text


def test_the_stylesheet_has_a_phone_and_a_print_layout() -> None:
    document = resistx.sequence(example("01")).to_html(full=True)
    style = document[document.index("<style>") : document.index("</style>")]
    phone = style[style.index("@media (max-width: 640px)") : style.index("@media print")]
    assert "table.stack td::before" in phone and "attr(data-label)" in phone
    printed = style[style.index("@media print") :]
    rule = printed[: printed.index("break-inside: avoid")]
    assert ".option" in rule[rule.rindex("}") :] and ".forest svg" in rule[rule.rindex("}") :]
