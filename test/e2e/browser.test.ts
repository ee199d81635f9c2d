// The HTML report in a real browser (#16): Debian's chromium, driven by playwright-core (which
// downloads no browser). The page must load without a console error, every chart must have drawn
// (its SVG laid out, with bars of real size), and the figures in the page must equal the JSON
// report's to the cent. A screenshot and the A4 print are kept in artifacts/browser/ (git-ignored).
// Without chromium the test is skipped and says so in its name; CI installs it (.ci/run).
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { distplan } from "../support/cli.js";
import { ARTIFACTS, CHROMIUM, SKIPPED, launchChromium, openWatched } from "../support/browser.js";
import { en } from "../../src/render/messages/en.js";


// The P&L line labels back to the engine's field names (line.net_profit → net_profit).
const FIELD_OF_LABEL = new Map(Object.entries(en).filter(([k]) => k.startsWith("line.")).map(([k, v]) => [v, k.slice(5)]));

interface PageFigures {
  keyFigures: string[][];
  charts: { svgWidth: number; bars: number; drawnBars: number; title: string; desc: string }[];
  plTables: { heading: string; rows: { role: string; cells: string[] }[] }[];
}

describe("the HTML report in headless Chromium", () => {
  it.skipIf(!CHROMIUM)(`compare --format html: no console error, every chart drawn, figures equal the JSON report's${SKIPPED}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-browser-"));
    const file = join(dir, "voorbeeld.html");
    expect(distplan(["compare", "examples/voorbeeld.yaml", "--format", "html", "-o", file]).code).toBe(0);
    const json = JSON.parse(distplan(["compare", "examples/voorbeeld.yaml", "--format", "json"]).stdout) as {
      model: { years: number[] };
      scenarios: { id: string; npv: number; cumulative_net_profit: number; years: { total: Record<string, number>; channels: Record<string, Record<string, number>> }[] }[];
    };

    const browser = await launchChromium();
    try {
      const { page, errors } = await openWatched(browser, file);

      const figures: PageFigures = await page.evaluate(() => {
        const text = (e: Element | null) => (e?.textContent ?? "").trim();
        const keyFigures = [...document.querySelectorAll("main > table:first-of-type tbody tr")].map((tr) => [...tr.children].map(text));
        const charts = [...document.querySelectorAll("figure.chart")].map((f) => {
          const svg = f.querySelector("svg")!;
          const rects = [...svg.querySelectorAll("rect")] as SVGRectElement[];
          return {
            svgWidth: svg.getBoundingClientRect().width,
            bars: rects.length,
            drawnBars: rects.filter((r) => r.getBBox().width > 0 && r.getBBox().height > 0).length,
            title: text(svg.querySelector("title")),
            desc: text(svg.querySelector("desc")),
          };
        });
        // After "Full P&L per scenario": a heading per scenario, then its P&L table (the first
        // table under the heading; the horizon table follows it).
        const all = [...document.querySelectorAll("main > *")];
        const start = all.findIndex((e) => e.tagName === "H2" && text(e) === "Full P&L per scenario");
        const plTables: PageFigures["plTables"] = [];
        let heading = "";
        let taken = true;
        for (const e of all.slice(start + 1)) {
          if (e.tagName === "H2") { heading = text(e); taken = false; }
          if (e.tagName === "TABLE" && !taken && (taken = true)) plTables.push({ heading, rows: [...e.querySelectorAll("tbody tr")].map((tr) => ({ role: tr.className, cells: [...tr.children].map(text) })) });
        }
        return { keyFigures, charts, plTables };
      });

      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, "compare-voorbeeld.png"), fullPage: true });
      const pdf = await page.pdf({ preferCSSPageSize: true });
      writeFileSync(join(ARTIFACTS, "compare-voorbeeld.pdf"), pdf);

      expect(errors).toEqual([]);
      // 2 comparison charts + 3 scenarios × 4.
      expect(figures.charts).toHaveLength(14);
      for (const c of figures.charts) {
        expect(c.svgWidth).toBeGreaterThan(300);
        expect(c.bars).toBeGreaterThan(0);
        expect(c.drawnBars).toBe(c.bars);
        expect(c.title).not.toBe("");
        expect(c.desc).not.toBe("");
      }

      // Figures as the page shows them (plain style: 45,937,223.42) against the JSON's, to the cent.
      const cents = (shown: string) => shown.replace(/,/g, "");
      const exact = (n: number) => n.toFixed(2);
      const lastYear = json.model.years.length - 1;
      expect(figures.keyFigures.map((r) => r[0])).toEqual(json.scenarios.map((s) => s.id));
      json.scenarios.forEach((s, i) => {
        const row = figures.keyFigures[i]!.slice(1).map(cents);
        expect(row).toEqual([exact(s.npv), exact(s.cumulative_net_profit), exact(s.years[lastYear]!.total.revenue!), exact(s.years[lastYear]!.total.net_profit!)]);
      });

      // Every money figure of every P&L table: the channel it belongs to, its line, each year.
      expect(figures.plTables).toHaveLength(json.scenarios.length);
      let compared = 0;
      figures.plTables.forEach((table, i) => {
        const s = json.scenarios[i]!;
        expect(table.heading).toContain(`scenario ${s.id}`);
        let group = "";
        for (const row of table.rows) {
          if (row.cells[0]) group = row.cells[0];
          const field = FIELD_OF_LABEL.get(row.cells[1]!);
          expect(field, `a known line: ${row.cells[1]}`).toBeDefined();
          if (field!.endsWith("_margin")) continue; // a percentage, not money
          row.cells.slice(2).forEach((shown, t) => {
            const source = row.role === "total" ? s.years[t]!.total : s.years[t]!.channels[group]!;
            expect(cents(shown), `${s.id} ${group} ${field} ${json.model.years[t]}`).toBe(exact(source[field!]!));
            compared++;
          });
        }
      });
      // 3 scenarios × (3 channels × 6 money lines + total 7 money lines) × 5 years.
      expect(compared).toBe(3 * (3 * 6 + 7) * 5);
      // The print is A4 landscape (842 × 595 points).
      expect(pdf.toString("latin1")).toMatch(/\/MediaBox \[0 0 841\.9\d* 59[45]\.\d+\]/);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
