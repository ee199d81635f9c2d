// The sensitivity tornado in HTML (#16): `sensitivity --format html -o FILE`, opened in Debian's
// chromium through playwright-core as the HTML report is (browser.test.ts). The page must load
// without a console error or a network request, the tornado must have drawn a bar for every move
// that changes the metric, on the side it moves to, and the chart's data table must equal the JSON's
// figures to the cent. A screenshot is kept in artifacts/browser/ (git-ignored).
// Without chromium the test is skipped and says so in its name; CI installs it (.ci/run).
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { distplan } from "../support/cli.js";
import { ARTIFACTS, CHROMIUM, SKIPPED, launchChromium, openWatched } from "../support/browser.js";


interface SensitivityJson {
  base: number;
  inputs: { path: string; low: number; high: number; swing: number }[];
}

describe("the sensitivity tornado", () => {
  it("--format html writes the page to -o FILE, a tornado first and the ranked table after it", () => {
    const file = join(mkdtempSync(join(tmpdir(), "distplan-tornado-")), "t.html");
    const r = distplan(["sensitivity", "examples/worked-example.yaml", "--format", "html", "-o", file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    const html = readFileSync(file, "utf8");
    expect(html.match(/data-chart="tornado"/g)).toHaveLength(1);
    expect(html.indexOf('data-chart="tornado"')).toBeLessThan(html.indexOf("<table"));
    // The same page to standard output without -o, byte for byte.
    expect(distplan(["sensitivity", "examples/worked-example.yaml", "--format", "html"]).stdout).toBe(html);
  });

  it.skipIf(!CHROMIUM)(`in headless Chromium: no console error, every bar drawn on its side, the data equal the JSON's${SKIPPED}`, async () => {
    const file = join(mkdtempSync(join(tmpdir(), "distplan-tornado-")), "voorbeeld-sensitivity.html");
    expect(distplan(["sensitivity", "examples/voorbeeld.yaml", "--format", "html", "-o", file]).code).toBe(0);
    const json = JSON.parse(distplan(["sensitivity", "examples/voorbeeld.yaml", "--format", "json"]).stdout) as SensitivityJson;

    const browser = await launchChromium();
    try {
      const { page, errors } = await openWatched(browser, file);
      const drawn = await page.evaluate(() => {
        const svg = document.querySelector('svg[data-chart="tornado"]') as SVGSVGElement;
        const lines = [...svg.querySelectorAll("line")] as SVGLineElement[];
        const axis = lines.at(-1)!.getBBox().x; // the planned value's line, drawn last
        const rects = [...svg.querySelectorAll("rect")] as SVGRectElement[];
        const table = [...document.querySelectorAll("figure.chart details tbody tr")].map((tr) => [...tr.children].map((c) => (c.textContent ?? "").trim()));
        return {
          width: svg.getBoundingClientRect().width,
          axis,
          bars: rects.map((r) => ({ title: r.querySelector("title")?.textContent ?? "", x: r.getBBox().x, width: r.getBBox().width, height: r.getBBox().height })),
          table,
          title: svg.querySelector("title")?.textContent ?? "",
          desc: svg.querySelector("desc")?.textContent ?? "",
        };
      });
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, "sensitivity-voorbeeld.png"), fullPage: true });

      expect(errors).toEqual([]);
      expect(drawn.width).toBeGreaterThan(300);
      expect(drawn.title).toContain("NPV");
      expect(drawn.desc).toContain("45,937,223.42"); // the planned NPV, where every bar starts
      // One bar per move that changes NPV, each of real size, left of the axis when NPV falls.
      const moves = json.inputs.flatMap((x) => [x.low, x.high].filter((v) => v !== json.base));
      expect(drawn.bars).toHaveLength(moves.length);
      for (const bar of drawn.bars) expect(bar.width * bar.height).toBeGreaterThan(0);
      const cents = (shown: string) => Number(shown.replace(/,/g, ""));
      for (const bar of drawn.bars) {
        const value = cents(bar.title.split(": ").at(-1)!);
        if (value < json.base) expect(bar.x + bar.width, bar.title).toBeLessThanOrEqual(drawn.axis + 1);
        else expect(bar.x, bar.title).toBeGreaterThanOrEqual(drawn.axis - 1);
      }
      // The data behind the chart: every input in rank order, its NPV at −10% and at +10%, to the cent.
      expect(drawn.table.map((r) => r[0])).toEqual(json.inputs.map((x) => x.path));
      drawn.table.forEach((row, i) => {
        expect(row[1]!.replace(/,/g, "")).toBe(json.inputs[i]!.low.toFixed(2));
        expect(row[2]!.replace(/,/g, "")).toBe(json.inputs[i]!.high.toFixed(2));
      });
    } finally {
      await browser.close();
    }
  }, 120_000);
});
