// HTML (#16): any report document as one self-contained page for a board meeting. No network:
// the styles are inline, the charts are SVG generated here from the chart blocks' figures, the
// fonts are the system's, and a Content-Security-Policy forbids loading anything. Every chart has
// a title and a description for screen readers and its figures as a table beside it; the colours
// are the Okabe–Ito palette, told apart by colour-blind readers. Money is shown to the minor unit
// in the chosen locale's separators; it prints on A4 landscape.
import { fixed, type Decimal } from "../money/decimal.js";
import type { Block, Chart, ReportDocument, Table, Tone, Value } from "../views/document.js";
import { groupDigits, percent, yearRanges, PLAIN_STYLE, type NumberStyle } from "./format.js";
import { activeMessages, bar, pageDelta, pageFigure, words, type Writer } from "./text.js";
import type { Catalogue } from "./messages/en.js";

export interface HtmlOptions {
  readonly style: NumberStyle;
  readonly messages?: Catalogue;
  /** The page's language (the catalogue's): `lang` on <html>. */
  readonly lang?: string;
}

/** Okabe & Ito's palette, distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"] as const;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

// Control characters would make the page invalid (or be obeyed by nothing): shown as a visible escape.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const modelText = (s: string) => escapeHtml(s.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));

const STYLE = `
:root{color-scheme:light;--fg:#1b1b1b;--muted:#5f6368;--rule:#d0d4d9;--bad:#b3261e;--good:#0b6b3a}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:#fff}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 12px}
h2{font-size:17px;margin:28px 0 8px}
p{margin:6px 0}
table{border-collapse:collapse;margin:8px 0 16px;font-variant-numeric:tabular-nums}
th,td{padding:3px 10px;border-bottom:1px solid var(--rule);vertical-align:top}
th{text-align:left;background:#f3f5f7}
td.r,th.r{text-align:right;white-space:nowrap}
tr.subtotal td{font-weight:600}
tr.total td{font-weight:700;border-top:2px solid var(--fg)}
tr.delta td{color:var(--muted);font-size:12px}
.neg{color:var(--bad)}.bad{color:var(--bad)}.good{color:var(--good)}.warning{color:#8a5a00}.muted{color:var(--muted)}.strong{font-weight:700}
.notes{list-style:none;padding:0}.notes li{color:#8a5a00}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px}
figure.chart{margin:16px 0 24px;break-inside:avoid;page-break-inside:avoid}
figure.chart figcaption{font-weight:600;margin-bottom:4px}
figure.chart svg{display:block;width:100%;max-width:760px;height:auto}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:4px 16px;padding:0;margin:4px 0}
.swatch{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:-1px;border:1px solid rgba(0,0,0,.25)}
details summary{cursor:pointer;color:var(--muted)}
.star{color:#8a5a00}
@page{size:A4 landscape;margin:12mm}
@media print{main{max-width:none;padding:0}body{font-size:10pt}h2{break-after:avoid}table{break-inside:auto}tr{break-inside:avoid}details{display:none}}
`;

export function renderHtml(doc: ReportDocument, options: HtmlOptions = { style: PLAIN_STYLE }): string {
  const places = doc.minorUnits ?? 2;
  const w = htmlWriter(options, places);
  const parts: string[] = [];
  let title = "distplan";
  let charts = 0;
  let headings = 0;
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      switch (b.kind) {
        case "section": visit(b.blocks); break;
        case "gap": break;
        case "heading": {
          const text = words(b.text, w);
          if (headings++ === 0) {
            title = text.replace(/<[^>]*>/g, "");
            parts.push(`<h1>${text}</h1>`);
          } else parts.push(`<h2>${text}</h2>`);
          break;
        }
        case "paragraph": parts.push(`<p${toneClass(b.tone)}>${words(b.text, w)}</p>`); break;
        case "notes": parts.push(`<ul class="notes">${b.items.map((item) => `<li>⚠ ${words(item, w)}</li>`).join("")}</ul>`); break;
        case "list": parts.push(`<ul>${b.items.map((item) => `<li>${words(item, w)}</li>`).join("")}</ul>`); break;
        case "table": parts.push(tableHtml(b.table, w)); break;
        case "source": parts.push(`<pre><code>${modelText(b.text)}</code></pre>`); break;
        case "chart": parts.push(chartHtml(b.chart, ++charts, w, options.style, places)); break;
      }
    }
  };
  visit(doc.blocks);
  return [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(options.lang ?? "en")}">`,
    "<head>",
    '<meta charset="utf-8">',
    // Nothing may be fetched: the page is complete as it is (and safe to open from a mail).
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="distplan">',
    `<title>${title}</title>`,
    `<style>${STYLE.trim()}</style>`,
    "</head>",
    "<body>",
    "<main>",
    ...parts,
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

const toneClass = (tone: Tone | undefined) => (tone && tone !== "signed" ? ` class="${tone}"` : "");

function htmlWriter(options: HtmlOptions, places: number): Writer {
  const { style } = options;
  const value = (v: Value): string => {
    switch (v.kind) {
      case "money": case "percent": case "rate": case "count": return pageFigure(v, style, places);
      case "delta": {
        const text = pageDelta(v, style, places, options.messages);
        const arrow = v.better === null || !v.full ? "" : v.better ? " ▲" : " ▼";
        return v.better === null ? text : `<span class="${v.better ? "good" : "bad"}">${text}${arrow}</span>`;
      }
      case "spark": return v.levels.map((l) => "▁▂▃▄▅▆▇█"[l] ?? "").join("");
      case "bar": return bar(v.eighths, false);
      case "mix": return v.parts.map((p) => `${modelText(p.id)} ${p.share ? percent(p.share, 1, style) : "0%"}`).join(", ");
      case "mixLegend": return v.ids.map(modelText).join(", ");
      case "year": return String(v.year);
      case "years": return yearRanges(v.years);
      case "period": return v.from === v.to ? String(v.from) : `${v.from}–${v.to}`;
      case "none": return "–";
    }
  };
  return {
    messages: escapedMessages(options.messages ?? activeMessages()),
    value,
    raw: (text, isCode) => (isCode ? `<code>${modelText(text)}</code>` : modelText(text)),
    paint: (text, tone) => {
      if (tone === undefined) return text;
      if (tone === "signed") return /^-.*[1-9]/.test(text) ? `<span class="neg">${text}</span>` : text;
      return `<span class="${tone}">${text}</span>`;
    },
    best: (best) => (best ? ' <span class="star" title="best">★</span>' : ""),
    unit: () => "",
  };
}

// Message templates are the catalogue's own text: escaped like model text before the arguments go in.
function escapedMessages(messages: Catalogue): Catalogue {
  return Object.fromEntries(Object.entries(messages).map(([k, v]) => [k, escapeHtml(v)])) as Catalogue;
}

function tableHtml(table: Table, w: Writer): string {
  const cls = (c: number) => (table.columns[c]?.align === "right" ? ' class="r"' : "");
  const head = table.rows.filter((r) => r.role === "head");
  const body = table.rows.filter((r) => r.role !== "head");
  const row = (cells: readonly string[], tag: "td" | "th") => cells.map((c, i) => `<${tag}${cls(i)}${tag === "th" ? ' scope="col"' : ""}>${c}</${tag}>`).join("");
  const text = (r: (typeof table.rows)[number]) => table.columns.map((_, i) => words(r.cells[i] ?? [], w, i === 0 && r.indent ? "\u00a0\u00a0".repeat(r.indent) : ""));
  return [
    "<table>",
    head.length ? `<thead>${head.map((r) => `<tr>${row(text(r), "th")}</tr>`).join("")}</thead>` : "",
    `<tbody>${body.map((r) => `<tr class="${r.role}">${row(text(r), "td")}</tr>`).join("\n")}</tbody>`,
    "</table>",
  ].join("");
}

// ---- charts -----------------------------------------------------------------------------------
const W = 760;
const H = 320;
const PAD = { left: 92, right: 12, top: 14, bottom: 48 };

/** Pixel geometry only: a figure's position on the axis, never shown (the figures are in the table). */
const px = (d: Decimal): number => Number(fixed(d, 6));

/** A round step for about five ticks over `span`. */
function tickStep(span: number): number {
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  return (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
}

/** An axis label: money shortened to k/M/bn (the exact figures are in the table), a share as a percentage. */
function tickLabel(v: number, kind: Chart["value"], style: NumberStyle): string {
  if (kind === "percent") return `${Math.round(v * 100)}%`;
  const abs = Math.abs(v);
  const [div, suffix] = abs >= 1e9 ? [1e9, "bn"] : abs >= 1e6 ? [1e6, "M"] : abs >= 1e3 ? [1e3, "k"] : [1, ""];
  const scaledValue = v / div;
  const text = Number.isInteger(scaledValue) ? String(scaledValue) : scaledValue.toFixed(1);
  return text.replace(".", style.decimal) + suffix;
}

function chartHtml(chart: Chart, n: number, w: Writer, style: NumberStyle, places: number): string {
  const id = `chart-${n}`;
  const title = words(chart.title, w);
  const desc = words(chart.description, w);
  const plain = (s: string) => s.replace(/<[^>]*>/g, "");
  const cats = chart.categories.map((c) => words(c, w));
  const series = chart.series.map((s) => ({ label: words(s.label, w), values: s.values }));
  const fmt = (v: Decimal | null) => (v === null ? "–" : chart.value === "percent" ? percent(v, 1, style) : groupDigits(v, places, style));
  const figure = (svgText: string) => {
    const legend = series.length > 1 || chart.type === "stacked"
      ? `<ul class="legend">${series.map((s, k) => `<li><span class="swatch" style="background:${PALETTE[k % PALETTE.length]}"></span>${s.label}</li>`).join("")}</ul>`
      : "";
    const head = `<thead><tr><th scope="col"></th>${series.map((s) => `<th scope="col" class="r">${s.label}</th>`).join("")}${chart.notes ? '<th scope="col"></th>' : ""}</tr></thead>`;
    const rows = cats.map((cat, c) => `<tr><th scope="row">${cat}</th>${series.map((s) => `<td class="r">${fmt(s.values[c] ?? null)}</td>`).join("")}${chart.notes ? `<td>${words(chart.notes[c] ?? [], w)}</td>` : ""}</tr>`);
    return [
      `<figure class="chart" id="${id}">`,
      `<figcaption>${title}</figcaption>`,
      svgText,
      legend,
      `<p class="muted">${desc}</p>`,
      `<details><summary>${w.messages["chart.data"]}</summary><table>${head}<tbody>${rows.join("")}</tbody></table></details>`,
      "</figure>",
    ].join("\n");
  };
  if (chart.type === "tornado") return figure(tornadoSvg(chart, id, plain(title), plain(desc), cats.map(plain), series, fmt, style));

  // The value range, with zero on the axis.
  let lo = 0;
  let hi = 0;
  cats.forEach((_, c) => {
    if (chart.type === "stacked") {
      let pos = 0;
      let neg = 0;
      for (const s of series) {
        const v = s.values[c];
        if (v === null || v === undefined) continue;
        if (v.isNegative()) neg += px(v);
        else pos += px(v);
      }
      hi = Math.max(hi, pos);
      lo = Math.min(lo, neg);
    } else {
      for (const s of series) {
        const v = s.values[c];
        if (v === null || v === undefined) continue;
        hi = Math.max(hi, px(v));
        lo = Math.min(lo, px(v));
      }
    }
  });
  if (hi === lo) hi = lo + 1;
  const step = tickStep(hi - lo);
  const top = Math.ceil(hi / step) * step;
  const bottom = Math.floor(lo / step) * step;
  const plotH = H - PAD.top - PAD.bottom;
  const plotW = W - PAD.left - PAD.right;
  const y = (v: number) => PAD.top + ((top - v) / (top - bottom)) * plotH;
  const r1 = (v: number) => (Math.round(v * 10) / 10).toString();

  const svg: string[] = [];
  svg.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-title ${id}-desc" data-chart="${chart.type}">`);
  svg.push(`<title id="${id}-title">${plain(title)}</title>`, `<desc id="${id}-desc">${plain(desc)}</desc>`);
  for (let t = bottom; t <= top + step / 2; t += step) {
    const ty = r1(y(t));
    svg.push(`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${ty}" y2="${ty}" stroke="${Math.abs(t) < step / 2 ? "#1b1b1b" : "#e3e6ea"}" stroke-width="1"/>`);
    svg.push(`<text x="${PAD.left - 6}" y="${ty}" dy="0.32em" text-anchor="end" font-size="11" fill="#5f6368">${escapeHtml(tickLabel(Math.abs(t) < step / 2 ? 0 : t, chart.value, style))}</text>`);
  }
  const band = plotW / Math.max(1, cats.length);
  const barArea = band * 0.72;
  cats.forEach((cat, c) => {
    const x0 = PAD.left + band * c + (band - barArea) / 2;
    if (chart.type === "stacked") {
      let pos = 0;
      let neg = 0;
      series.forEach((s, k) => {
        const v = s.values[c];
        if (v === null || v === undefined || v.isZero()) return;
        const h = px(v);
        const from = h < 0 ? neg : pos;
        const to = from + h;
        if (h < 0) neg = to;
        else pos = to;
        const yTop = y(Math.max(from, to));
        const height = Math.abs(y(from) - y(to));
        svg.push(`<rect x="${r1(x0)}" y="${r1(yTop)}" width="${r1(barArea)}" height="${r1(height)}" fill="${PALETTE[k % PALETTE.length]}"><title>${plain(s.label)} · ${plain(cat)}: ${fmt(v)}</title></rect>`);
      });
    } else {
      const bw = barArea / Math.max(1, series.length);
      series.forEach((s, k) => {
        const v = s.values[c];
        if (v === null || v === undefined) return;
        const h = px(v);
        const yTop = y(Math.max(0, h));
        const height = Math.max(0.5, Math.abs(y(0) - y(h)));
        svg.push(`<rect x="${r1(x0 + bw * k)}" y="${r1(yTop)}" width="${r1(Math.max(1, bw - 2))}" height="${r1(height)}" fill="${PALETTE[k % PALETTE.length]}"><title>${plain(s.label)} · ${plain(cat)}: ${fmt(v)}</title></rect>`);
      });
    }
    const cx = r1(PAD.left + band * c + band / 2);
    svg.push(`<text x="${cx}" y="${H - PAD.bottom + 16}" text-anchor="middle" font-size="12" fill="#1b1b1b">${plain(cat)}</text>`);
    const note = chart.notes?.[c];
    if (note && note.length) svg.push(`<text x="${cx}" y="${H - PAD.bottom + 32}" text-anchor="middle" font-size="11" fill="#5f6368">${plain(words(note, w))}</text>`);
  });
  svg.push("</svg>");
  return figure(svg.join("\n"));
}

/**
 * A tornado (the sensitivity command): one row per category, ranked as given; the planned value
 * is a vertical line, and each series a bar from it to the series' value (the first series in the
 * upper half of the row, the second in the lower, so two moves to the same side both show). A
 * value equal to the planned one draws no bar.
 */
function tornadoSvg(chart: Chart, id: string, title: string, desc: string, cats: readonly string[], series: readonly { label: string; values: readonly (Decimal | null)[] }[], fmt: (v: Decimal | null) => string, style: NumberStyle): string {
  const base = px(chart.base!);
  const values = series.flatMap((s) => s.values.filter((v): v is Decimal => v !== null).map(px));
  let lo = Math.min(base, ...values);
  let hi = Math.max(base, ...values);
  if (hi === lo) hi = lo + 1;
  const step = tickStep(hi - lo);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const rowH = 24;
  const labelW = Math.min(300, Math.max(120, Math.max(...cats.map((c) => c.length)) * 6.4 + 14));
  const top = 10;
  const height = top + cats.length * rowH + 30;
  const plotW = W - labelW - PAD.right;
  const x = (v: number) => labelW + ((v - lo) / (hi - lo)) * plotW;
  const r1 = (v: number) => (Math.round(v * 10) / 10).toString();
  const bottom = top + cats.length * rowH;
  const svg: string[] = [];
  svg.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" data-chart="tornado">`);
  svg.push(`<title id="${id}-title">${title}</title>`, `<desc id="${id}-desc">${desc}</desc>`);
  for (let t = lo; t <= hi + step / 2; t += step) {
    const tx = r1(x(t));
    svg.push(`<line x1="${tx}" x2="${tx}" y1="${top}" y2="${bottom}" stroke="#e3e6ea" stroke-width="1"/>`);
    svg.push(`<text x="${tx}" y="${bottom + 16}" text-anchor="middle" font-size="11" fill="#5f6368">${escapeHtml(tickLabel(Math.abs(t) < step / 2 ? 0 : t, chart.value, style))}</text>`);
  }
  cats.forEach((cat, c) => {
    const y0 = top + c * rowH;
    svg.push(`<text x="${labelW - 6}" y="${r1(y0 + rowH / 2)}" dy="0.32em" text-anchor="end" font-size="11" fill="#1b1b1b">${cat}</text>`);
    series.forEach((s, k) => {
      const v = s.values[c];
      if (v === null || v === undefined || px(v) === base) return;
      const from = Math.min(x(base), x(px(v)));
      const width = Math.max(0.5, Math.abs(x(px(v)) - x(base)));
      svg.push(`<rect x="${r1(from)}" y="${r1(y0 + 3 + k * 9)}" width="${r1(width)}" height="8" fill="${PALETTE[k % PALETTE.length]}"><title>${s.label.replace(/<[^>]*>/g, "")} · ${cat}: ${fmt(v)}</title></rect>`);
    });
  });
  const bx = r1(x(base));
  svg.push(`<line x1="${bx}" x2="${bx}" y1="${top - 4}" y2="${bottom + 2}" stroke="#1b1b1b" stroke-width="1.5"/>`);
  svg.push("</svg>");
  return svg.join("\n");
}
