// compare --shift --format html in a real browser (#16): Debian's chromium driven by
// playwright-core, as in browser.test.ts. No console error, a chart per scenario that has drawn,
// and every figure of the page's shift tables equal to the JSON's (distplan.shift/v1) to the cent.
// Without chromium the test is skipped and says so in its name; CI installs it (.ci/run).
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { distplan } from "../support/cli.js";
import { ARTIFACTS, CHROMIUM, SKIPPED, launchChromium, openWatched } from "../support/browser.js";


type Figures = { revenue: number; customers: number; contribution?: number; cm1?: number };
interface ShiftJson {
  shifts: { scenario: string; channels: ({ channel: string; segments: ({ segment: string } & Figures)[] } & Figures)[]; total: Figures }[];
}

describe("compare --shift as HTML in headless Chromium", () => {
  it.skipIf(!CHROMIUM)(`no console error, a drawn chart per scenario, every figure equal to the JSON's${SKIPPED}`, async () => {
    const file = join(mkdtempSync(join(tmpdir(), "distplan-shift-")), "shift.html");
    expect(distplan(["compare", "examples/voorbeeld.yaml", "--shift", "--format", "html", "-o", file]).code).toBe(0);
    const json = JSON.parse(distplan(["compare", "examples/voorbeeld.yaml", "--shift", "--format", "json"]).stdout) as ShiftJson;
    const browser = await launchChromium();
    try {
      const { page, errors } = await openWatched(browser, file);
      const seen = await page.evaluate(() => {
        const text = (e: Element | null) => (e?.textContent ?? "").trim();
        const charts = [...document.querySelectorAll("figure.chart")].map((f) => {
          const rects = [...f.querySelectorAll("svg rect")] as SVGRectElement[];
          return { bars: rects.length, drawn: rects.filter((r) => r.getBBox().width > 0 && r.getBBox().height > 0).length, title: text(f.querySelector("svg title")) };
        });
        // The shift tables: those whose head has three figures (revenue, customers, contribution).
        const tables = [...document.querySelectorAll("main > table")].filter((t) => t.querySelectorAll("thead th").length === 4)
          .map((t) => [...t.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map(text)));
        return { charts, tables };
      });
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, "compare-shift-voorbeeld.png"), fullPage: true });

      expect(errors).toEqual([]);
      expect(seen.charts).toHaveLength(json.shifts.length);
      seen.charts.forEach((c, i) => {
        // Two bars per channel (revenue, contribution); a channel that does not move has none of height.
        expect(c.bars).toBe(2 * json.shifts[i]!.channels.length);
        expect(c.drawn).toBeGreaterThan(0);
        expect(c.title).toContain(json.shifts[i]!.scenario);
      });
      const shown = (s: string) => s.replace(/,/g, "").replace(/^\+/, "");
      const exact = (n: number) => n.toFixed(2);
      expect(seen.tables).toHaveLength(json.shifts.length);
      let compared = 0;
      json.shifts.forEach((s, i) => {
        const expected = [
          ...s.channels.flatMap((ch) => [[ch.channel, ch.revenue, ch.customers, ch.contribution!], ...ch.segments.map((g) => [g.segment, g.revenue, g.customers, g.cm1!])]),
          ["total", s.total.revenue, s.total.customers, s.total.contribution!],
        ] as [string, number, number, number][];
        expect(seen.tables[i]!.map((r) => r[0])).toEqual(expected.map((r) => r[0]));
        seen.tables[i]!.forEach((row, k) => {
          expect(row.slice(1).map(shown), `${s.scenario} ${row[0]}`).toEqual(expected[k]!.slice(1).map((n) => exact(n as number)));
          compared += 3;
        });
      });
      expect(compared).toBeGreaterThan(30);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
