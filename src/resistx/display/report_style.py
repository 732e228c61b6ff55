"""The one stylesheet of the tumour-board report: inline, system fonts only, a phone layout
that stacks tables into labelled rows, and a print layout that keeps each option on one page."""

from __future__ import annotations

CSS = """
:root { --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --panel: #f5f6f8;
  --preferred: #1b7837; --alternative: #3b5b92; --later: #666; --trial: #8c510a;
  --alert: #a50026; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0 auto; padding: 16px 20px 40px; max-width: 980px; color: var(--ink);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; overflow-wrap: break-word; }
h1 { font-size: 1.5em; margin: 0.2em 0 0.1em; overflow-wrap: anywhere; }
h2 { font-size: 1.2em; margin: 1.4em 0 0.5em; padding-bottom: 0.2em;
  border-bottom: 2px solid var(--ink); }
h3 { font-size: 1em; margin: 1em 0 0.4em; }
p, ul { margin: 0.4em 0; }
ul { padding-left: 1.3em; }
.meta { color: var(--muted); margin: 0; }
.disclaimer { border: 1px solid var(--rule); background: var(--panel); padding: 8px 12px;
  font-style: italic; }
.alert { border-left: 5px solid var(--alert); background: #fdf0f0; padding: 8px 12px; }
/* minmax(0, ...) and anywhere: a long unbroken value (an id) wraps instead of widening the page */
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 16px;
  margin: 0.4em 0; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
table.stack { border-collapse: collapse; width: 100%; margin: 0.4em 0; }
table.stack th, table.stack td { text-align: left; vertical-align: top; padding: 4px 8px;
  border-bottom: 1px solid var(--rule); overflow-wrap: break-word; }
table.stack th { background: var(--panel); font-weight: 600; }
.option { border: 1px solid var(--rule); border-left: 6px solid var(--later);
  border-radius: 4px; padding: 8px 12px; margin: 0 0 12px; }
.option h3 { margin: 0 0 0.3em; font-size: 1.08em; }
.tier { display: inline-block; font-size: 0.8em; font-weight: 600; color: #fff;
  background: var(--later); border-radius: 3px; padding: 1px 6px; vertical-align: 2px; }
.tier-preferred { border-left-color: var(--preferred); }
.tier-preferred .tier { background: var(--preferred); }
.tier-alternative { border-left-color: var(--alternative); }
.tier-alternative .tier { background: var(--alternative); }
.tier-trial { border-left-color: var(--trial); }
.tier-trial .tier { background: var(--trial); }
.label { font-weight: 600; }
.nowrap { white-space: nowrap; }
.reasons li, .cautions li { margin: 0.15em 0; }
.factor { font-variant: small-caps; font-weight: 600; color: var(--muted); }
.cite { color: var(--muted); font-size: 0.9em; }
.cautions { color: #6b2b00; }
.forest-box { max-width: 480px; }
.forest svg { display: block; width: 100%; height: auto; }
.forest svg.trial { margin: 2px 0; }
.forest text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 13px; fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 3px;
  stroke-linejoin: round; }
.forest .g { font-weight: 700; }
.forest .t { font-size: 11px; fill: var(--muted); }
footer { margin-top: 2em; border-top: 1px solid var(--rule); padding-top: 0.6em;
  color: var(--muted); font-size: 0.9em; }
@media (max-width: 640px) {
  body { padding: 10px 12px 32px; font-size: 15px; }
  /* a row becomes a card of labelled values that flow side by side while they fit */
  table.stack, table.stack tbody, table.stack tr { display: block; width: 100%; }
  table.stack thead { display: none; }
  table.stack tr { border: 1px solid var(--rule); border-radius: 4px; margin: 0 0 6px;
    padding: 3px 0; }
  table.stack td { display: inline-block; max-width: 100%; border: 0; padding: 1px 8px; }
  table.stack td::before { content: attr(data-label) ": "; font-weight: 600; }
  .option { padding: 8px 10px; }
}
@media print {
  @page { size: A4; margin: 14mm 12mm 16mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .option, tr, li, .alert, .disclaimer, .facts, .forest svg, footer {
    break-inside: avoid; page-break-inside: avoid; }
  .forest-box { max-width: 120mm; }
}
"""
