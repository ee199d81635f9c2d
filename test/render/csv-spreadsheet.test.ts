// CSV for spreadsheets (#16): a field separator and decimal mark a Dutch Excel splits into columns,
// and a BOM so Excel reads UTF-8. The machine default (comma, decimal point, no BOM) is unchanged.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { D } from "../../src/money/decimal.js";
import { renderCsv, MACHINE_CSV } from "../../src/render/csv.js";
import { Figure, type Dataset } from "../../src/views/document.js";
import { ROOT } from "../helpers.js";
import { distplan } from "../support/cli.js";

const data: Dataset = {
  columns: ["scenario", "metric", "value"],
  rows: [
    ["base", "revenue", new Figure("money", D("1234.5"), 2)],
    ["a;b", "margin", new Figure("ratio", D("0.125"))],
    ["x,y", "customers", new Figure("count", null)],
  ],
};

describe("renderCsv for spreadsheets", () => {
  it("machine CSV: comma, decimal point, a field with a comma quoted", () => {
    expect(renderCsv(data, MACHINE_CSV)).toBe("scenario,metric,value\nbase,revenue,1234.50\na;b,margin,0.1250\n\"x,y\",customers,\n");
  });

  it("semicolons and a decimal comma: a field holding the separator is quoted, one with a comma is not", () => {
    expect(renderCsv(data, { delimiter: ";", decimal: ",", bom: false })).toBe("scenario;metric;value\nbase;revenue;1234,50\n\"a;b\";margin;0,1250\nx,y;customers;\n");
  });

  it("a BOM opens the file when asked, and only then", () => {
    expect(renderCsv(data, { ...MACHINE_CSV, bom: true }).startsWith("\ufeffscenario,")).toBe(true);
    expect(renderCsv(data).startsWith("scenario,")).toBe(true);
  });
});

describe("distplan report/compare --format csv options", () => {
  // worked-example: base, 2027, direct net profit is 15,809.96 (docs/MODEL.md, test/engine/worked-example.test.ts).
  const model = "examples/worked-example.yaml";
  const machine = readFileSync(join(ROOT, "test/golden/worked-example/report.csv"), "utf8");

  it("without --locale the output is the machine CSV, byte for byte", () => {
    const r = distplan(["report", model, "--format", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(machine);
  });

  it("--locale nl-NL: semicolons and decimal commas, otherwise the same records", () => {
    const r = distplan(["report", model, "--format", "csv", "--locale", "nl-NL"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("base;2027;direct;;net_profit;15809,96\n");
    expect(r.stdout).toBe(machine.replace(/,/g, ";").replace(/(\d)\.(\d)/g, "$1,$2"));
  });

  it("--csv-delimiter overrides the locale's; tab by name; --bom adds the byte order mark", () => {
    expect(distplan(["report", model, "--format", "csv", "--csv-delimiter", ";"]).stdout).toContain("base;2027;direct;;net_profit;15809.96\n");
    expect(distplan(["report", model, "--format", "csv", "--locale", "nl-NL", "--csv-delimiter", "tab"]).stdout).toContain("base\t2027\tdirect\t\tnet_profit\t15809,96\n");
    const bom = distplan(["compare", "examples/voorbeeld.yaml", "--format", "csv", "--locale", "nl-NL", "--bom"]);
    expect(bom.code).toBe(0);
    expect(bom.stdout.startsWith("\ufeff")).toBe(true);
    expect(bom.stdout.split("\n")[0]).not.toContain(",");
  });

  it("a separator that cannot work is a usage error: one line, a hint, exit 2, no output", () => {
    for (const bad of [[",", "nl-NL"], ["ab"], ['"'], ["5"]]) {
      const r = distplan(["report", model, "--format", "csv", "--csv-delimiter", bad[0]!, ...(bad[1] ? ["--locale", bad[1]] : [])]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/^distplan: --csv-delimiter .* cannot separate fields.*\n  hint: /);
    }
  });
});
