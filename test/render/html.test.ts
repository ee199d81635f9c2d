// The HTML report (#16): one self-contained page, charts drawn from the views' chart blocks, the
// figures exact to the cent in the chosen locale. The real-browser check is test/e2e/browser.test.ts.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadExample, loadText, project, ROOT } from "../helpers.js";
import { compareScenarios } from "../../src/engine/compare.js";
import { reportView } from "../../src/views/report.js";
import { compareView } from "../../src/views/compare.js";
import { chartedComparison, chartedReport } from "../../src/views/charts.js";
import type { Block, ReportDocument } from "../../src/views/document.js";
import { renderHtml } from "../../src/render/html.js";
import { renderTerminal } from "../../src/render/table.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { numberStyle, PLAIN_STYLE } from "../../src/render/format.js";
import { distplan } from "../support/cli.js";

const voorbeeld = project(loadExample("voorbeeld.yaml"));
const page = (p = voorbeeld) => chartedReport(p, reportView(p, { by: "channel", lines: "summary", density: "page" }));
const comparison = (p = voorbeeld) =>
  chartedComparison(p, compareView(p, compareScenarios(p), { density: "page" }), compareScenarios(p, ["npv"]), reportView(p, { by: "channel", lines: "summary", density: "page" }));

const countCharts = (doc: ReportDocument) => {
  let n = 0;
  const visit = (blocks: readonly Block[]) => blocks.forEach((b) => (b.kind === "chart" ? n++ : b.kind === "section" ? visit(b.blocks) : undefined));
  visit(doc.blocks);
  return n;
};
const withoutCharts = (doc: ReportDocument): ReportDocument => ({ ...doc, blocks: doc.blocks.filter((b) => b.kind !== "chart") });

describe("renderHtml", () => {
  it("is self-contained: no script, stylesheet link, font, image or URL to fetch; a CSP forbids loading anything", () => {
    for (const html of [renderHtml(page()), renderHtml(comparison())]) {
      expect(html.startsWith("<!DOCTYPE html>\n")).toBe(true);
      expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|@font-face/i);
      // The only URL is the SVG namespace, which names and never loads.
      expect(html.match(/https?:\/\/[^"\s]+/g)!.every((u) => u === "http://www.w3.org/2000/svg")).toBe(true);
      expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
      expect(html).toContain("@page{size:A4 landscape");
    }
  });

  it("key figures first, then one accessible SVG per chart block, with its data as a table", () => {
    const doc = page();
    // 3 scenarios × 4 charts (revenue, net profit per channel, mix, contribution vs net profit).
    expect(countCharts(doc)).toBe(12);
    const html = renderHtml(doc);
    // docs/MODEL.md §13: base NPV 45,937,223.42, cumulative net profit 58,696,551.79; first in the page.
    const keyTable = html.slice(html.indexOf("<table>"), html.indexOf("</table>"));
    expect(keyTable).toContain('<td class="r">45,937,223.42</td><td class="r">58,696,551.79</td>');
    expect(html.indexOf("45,937,223.42")).toBeLessThan(html.indexOf("<svg"));
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g)!;
    expect(svgs).toHaveLength(12);
    for (const svg of svgs) {
      expect(svg).toMatch(/role="img" aria-labelledby="chart-\d+-title chart-\d+-desc"/);
      expect(svg).toMatch(/<title id="chart-\d+-title">[^<]+<\/title>\n<desc id="chart-\d+-desc">[^<]+<\/desc>/);
      expect(svg).toMatch(/<rect /);
    }
    expect(html.match(/<details><summary>the figures of this chart<\/summary><table>/g)).toHaveLength(12);
    // Each bar's tooltip carries the engine's figure to the cent: base's direct revenue in 2031.
    expect(voorbeeld.scenarios[0]!.years.at(-1)!.channels.direct!.revenue.toFixed(2)).toBe("42751621.70");
    expect(html).toContain("<title>direct · 2031: 42,751,621.70</title>");
  });

  it("compare adds NPV per scenario with the change against base, and net profit per scenario", () => {
    const html = renderHtml(comparison());
    // README: webshop-push NPV 48,174,039.02, +2,236,815.60 (+4.9%) against base.
    expect(html).toContain("<title>NPV · webshop-push: 48,174,039.02</title>");
    expect(html).toContain("vs base +2,236,815.60 (+4.9%) ▲");
    expect(html).toContain("vs base -3,627,210.05 (-7.9%) ▼");
    expect(html.match(/<svg/g)).toHaveLength(2 + 12);
  });

  it("figures follow --locale: nl-NL groups with dots and writes a decimal comma", () => {
    const html = renderHtml(page(), { style: numberStyle("nl-NL") });
    expect(html).toContain('<td class="r">45.937.223,42</td>');
  });

  it("model text is escaped: a name with markup stays text", () => {
    const text = readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8").replace("name: Worked example", 'name: "<script>alert(1)</script> & co"');
    const html = renderHtml(page(project(loadText(text))));
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
  });

  it("byte-identical for the same input", () => {
    expect(renderHtml(comparison())).toBe(renderHtml(comparison()));
  });

  it("the terminal and Markdown leave chart blocks out: the same output as without them", () => {
    for (const doc of [page(), comparison()]) {
      expect(renderTerminal(doc)).toBe(renderTerminal(withoutCharts(doc)));
      expect(renderMarkdown(doc, { style: PLAIN_STYLE })).toBe(renderMarkdown(withoutCharts(doc), { style: PLAIN_STYLE }));
    }
  });
});

describe("distplan report/compare --format html", () => {
  it("to standard output without -o, the same bytes as with -o FILE", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-html-"));
    const file = join(dir, "plan.html");
    const stdout = distplan(["compare", "examples/voorbeeld.yaml", "--format", "html"]);
    expect(stdout.code).toBe(0);
    const written = distplan(["compare", "examples/voorbeeld.yaml", "--format", "html", "-o", file]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe("");
    expect(readFileSync(file, "utf8")).toBe(stdout.stdout);
    expect(stdout.stdout).toContain("<h1>Voorbeeld BV distribution model 2027-2031 — key figures (EUR)</h1>");
  });

  it("-o works for the other formats too; a missing folder is one line, exit 2, no file", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-html-"));
    const json = join(dir, "r.json");
    expect(distplan(["report", "examples/worked-example.yaml", "--format", "json", "-o", json]).code).toBe(0);
    expect(readFileSync(json, "utf8")).toBe(distplan(["report", "examples/worked-example.yaml", "--format", "json"]).stdout);
    const missing = join(dir, "nope", "r.html");
    const r = distplan(["report", "examples/worked-example.yaml", "--format", "html", "-o", missing]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^distplan: cannot write .*nope\/r\.html: the folder .* does not exist\n  hint: /);
    expect(existsSync(missing)).toBe(false);
  });
});

describe("-o FILE for the terminal table", () => {
  it("a file gets no colour (unless --color) and 80 columns, whatever the terminal", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-out-"));
    const file = join(dir, "r.txt");
    expect(distplan(["report", "examples/ecommerce-brand.yaml", "-o", file], { env: { FORCE_COLOR: "1", NO_COLOR: "" } }).code).toBe(0);
    const plain = readFileSync(file, "utf8");
    expect(plain).not.toMatch(/\u001b\[/);
    expect(plain).toBe(distplan(["report", "examples/ecommerce-brand.yaml"]).stdout);
    expect(distplan(["report", "examples/ecommerce-brand.yaml", "-o", file, "--color"]).code).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(/\u001b\[31m-55,750\u001b\[39m/);
  });
});
