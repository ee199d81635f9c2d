// The Excel workbook (#16 item 3): `report|compare --format xlsx -o FILE`. Read back with exceljs,
// its cached figures must be the JSON report's to the cent; recalculated by an independent
// spreadsheet (LibreOffice headless, its load-time recalculation forced on), its formulas must
// give the same figures, so the formulas, not only the cached values, follow docs/MODEL.md; and a
// changed input must move the derived cells exactly as distplan's own what-if does.
// Without LibreOffice the recalculation tests are skipped and say so in their names; CI installs
// it (.ci/run).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { ROOT } from "../helpers.js";
import { distplan } from "../support/cli.js";
import { WORKBOOK_DATE } from "../../src/render/xlsx.js";
import { syntheticModel } from "../../scripts/synthetic.js";

const SOFFICE = [process.env.DISTPLAN_SOFFICE, "/usr/bin/soffice", "/usr/bin/libreoffice"].find((p): p is string => !!p && existsSync(p));
const SKIPPED = SOFFICE ? "" : " (skipped: LibreOffice is not installed; apt-get install libreoffice-calc-nogui, or set DISTPLAN_SOFFICE)";
const TIMEOUT = 300_000; // LibreOffice converting a dozen workbooks on a loaded machine (a minute when shared)

interface Figures { [line: string]: number | null | Record<string, Record<string, number | null>> }
interface ReportJson {
  model: { currency: string; years: number[] };
  scenarios: { id: string; npv: number; cumulative_net_profit: number; years: { year: number; channels: Record<string, Figures>; total: Record<string, number | null> }[] }[];
}

const tempDir = () => mkdtempSync(join(tmpdir(), "distplan-xlsx-"));

function jsonReport(args: string[]): ReportJson {
  const r = distplan([...args, "--format", "json"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ReportJson;
}

function writeWorkbook(args: string[], file: string): void {
  const r = distplan([...args, "--format", "xlsx", "-o", file]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toBe("");
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A cell's figure: a formula's cached result (exceljs's `value` getter drops a cached 0, its model keeps it), or a constant. */
function figure(cell: ExcelJS.Cell): number | string | boolean | null | undefined {
  if (cell.formula) return cell.model.result as number | string | boolean | undefined;
  return cell.value as number | string | null;
}

/** The rows of a P&L sheet by their key (column A). */
function rowsByKey(ws: ExcelJS.Worksheet): Map<string, ExcelJS.Row> {
  const rows = new Map<string, ExcelJS.Row>();
  ws.eachRow((row) => rows.set(String(row.getCell(1).value), row));
  return rows;
}

/**
 * Every figure of the JSON report (each cell's lines, each channel's, the total's, NPV) against
 * the workbook's: money and customers to the cent, ratios to the JSON's 4 decimals. Returns the
 * differences, so a failure names them all.
 */
function differences(wb: ExcelJS.Workbook, json: ReportJson): string[] {
  const out: string[] = [];
  let compared = 0;
  json.scenarios.forEach((s, i) => {
    const ws = wb.worksheets[i + 1]!;
    const rows = rowsByKey(ws);
    const at = (key: string, t: number) => {
      const row = rows.get(key);
      return row === undefined ? undefined : figure(row.getCell(3 + t));
    };
    const same = (key: string, t: number, want: number | null, ratio: boolean) => {
      compared++;
      const got = at(key, t);
      if (want === null) {
        if (got !== "" && got !== undefined) out.push(`${ws.name} ${key} ${t}: ${String(got)}, want none`);
        return;
      }
      if (typeof got !== "number") return out.push(`${ws.name} ${key} ${t}: ${String(got)}, want ${want}`);
      // To the minor unit: three decimals covers cents, whole yen and fils alike.
      const ok = ratio ? Math.abs(got - want) <= 0.00005 : got.toFixed(3) === want.toFixed(3);
      if (!ok) out.push(`${ws.name} ${key} ${t}: ${got}, want ${want}`);
    };
    const isRatio = (line: string) => ["gross_margin", "contribution_margin", "net_margin"].includes(line);
    s.years.forEach((y, t) => {
      for (const [c, figures] of Object.entries(y.channels)) {
        for (const [line, value] of Object.entries(figures)) {
          if (line === "segments") {
            for (const [segment, cell] of Object.entries(value as Record<string, Record<string, number | null>>)) {
              for (const [field, v] of Object.entries(cell)) same(`${c}.${segment}.${field}`, t, v, isRatio(field));
            }
          } else same(`${c}.${line}`, t, value as number | null, isRatio(line));
        }
      }
      for (const [line, value] of Object.entries(y.total)) same(`total.${line}`, t, value, isRatio(line));
    });
    same("total.npv", 0, s.npv, false);
  });
  if (compared < 100) out.push(`only ${compared} figures compared`);
  return out;
}

/**
 * The worked example with a check of every kind the Checks sheet writes as a formula: a channel's
 * NPV and cumulative net profit, the total's NPV, a segment's sum and ratio, a channel's
 * customers, a ratio of the total; some pass, some fail (hand-checked against docs/MODEL.md §12:
 * NPV 123,761.85 < 200,000; partners' 47.50 customers in 2027 > 40; net margin 0.2095 > 10%).
 */
function everyKindOfCheck(dir: string): string {
  const file = join(dir, "every-check.yaml");
  const text = readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8").replace(/^checks:[\s\S]*$/m, `checks:
  - { metric: npv, channel: direct, min: 0 }
  - { metric: cumulative_net_profit, channel: web, min: 0 }
  - { metric: npv, min: 200000 }
  - { metric: revenue, segment: small, years: last, min: 0 }
  - { metric: gross_margin, segment: small, min: 40% }
  - { metric: customers, channel: partners, max: 40 }
  - { metric: net_margin, max: 10% }
`);
  writeFileSync(file, text);
  return file;
}

/**
 * The Checks sheet against `check --format json` of the same model: a row per check, scenario and
 * year, its value to 4 decimals and its pass/fail; with `formulas`, every value a formula on a P&L
 * sheet. Returns the differences.
 */
function checkDifferences(wb: ExcelJS.Workbook, model: string, formulas: boolean): string[] {
  const ws = wb.worksheets.at(-1)!;
  const r = distplan(["check", model, "--format", "json"]);
  const check = JSON.parse(r.stdout) as { files: { checks: { name: string; results: { scenario: string; year: number | null; value: number | null; status: string }[] }[] }[] };
  const points = check.files[0]!.checks.flatMap((c) => c.results.map((p) => ({ name: c.name, scenario: p.scenario, year: p.year, value: p.value, passed: p.status === "passed" })));
  const rows: { name: string; scenario: string; year: number | null; value: unknown; passed: unknown; formula: string | undefined }[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const year = row.getCell(3).value;
    rows.push({ name: String(row.getCell(1).value), scenario: String(row.getCell(2).value), year: typeof year === "number" ? year : null, value: figure(row.getCell(8)), passed: figure(row.getCell(9)), formula: row.getCell(8).formula });
  });
  const out: string[] = [];
  if (points.length === 0 || rows.length !== points.length) out.push(`${rows.length} rows for ${points.length} points`);
  for (const p of points) {
    const where = `${p.name} ${p.scenario} ${p.year}`;
    const row = rows.find((x) => x.name === p.name && x.scenario === p.scenario && x.year === p.year);
    if (!row) { out.push(`${where}: no row`); continue; }
    if (row.passed !== p.passed) out.push(`${where}: passed ${String(row.passed)}, want ${p.passed}`);
    if (p.value !== null && (typeof row.value !== "number" || row.value.toFixed(4) !== p.value.toFixed(4))) out.push(`${where}: ${String(row.value)}, want ${p.value}`);
    if (formulas && !/P&L/.test(row.formula ?? "")) out.push(`${where}: not a formula on the P&L: ${row.formula}`);
  }
  return out;
}

/**
 * LibreOffice's recalculation: convert to xlsx with every formula recalculated on load
 * (org.openoffice.Office.Calc/Formula/Load OOXMLRecalcMode = 0, "always"; its default is to
 * trust the cached values), in a profile of its own. Returns the recalculated copies.
 */
function recalculate(files: string[]): string[] {
  const dir = tempDir();
  const profile = join(dir, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  writeFileSync(join(profile, "user/registrymodifications.xcu"), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`);
  const out = join(dir, "out");
  const r = spawnSync(SOFFICE!, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, ...files], { encoding: "utf8", timeout: TIMEOUT });
  const converted = files.map((f) => join(out, basename(f)));
  const missing = converted.filter((f) => !existsSync(f));
  if (missing.length > 0) throw new Error(`LibreOffice did not convert ${missing.join(", ")}: ${r.stderr}${String(r.error ?? "")}`);
  return converted;
}

const EXAMPLES = ["worked-example", "voorbeeld", "hybrid-b2b", "indirect-mkb", "ecommerce-brand", "installer-tiers"];

describe("the workbook as written", () => {
  it("has the Inputs sheet, a P&L sheet per scenario and the Checks sheet, frozen headers, number formats in the currency", async () => {
    const dir = tempDir();
    const file = join(dir, "voorbeeld.xlsx");
    writeWorkbook(["compare", "examples/voorbeeld.yaml"], file);
    const wb = await readWorkbook(file);
    const json = jsonReport(["compare", "examples/voorbeeld.yaml"]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Inputs", ...json.scenarios.map((s) => `P&L ${s.id}`), "Checks"]);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: "frozen" });
      expect((ws.views[0] as { ySplit?: number }).ySplit).toBeGreaterThanOrEqual(1);
    }
    // Inputs: one row per input and scenario, one column per year.
    const inputs = wb.getWorksheet("Inputs")!;
    expect(inputs.getRow(1).values).toEqual([undefined, "scenario", "input", "unit", ...json.model.years]);
    const paths = new Set<string>();
    inputs.eachRow((row, r) => { if (r > 1 && row.getCell(1).value === "base") paths.add(String(row.getCell(2).value)); });
    for (const p of ["discount_rate", "segments.smb.churn", "channels.webshop.fixed_costs.platform", "mix.smb.webshop", "channels.partners.partner_margin"]) expect(paths, p).toContain(p);
    // Money in the model's currency.
    const pl = wb.worksheets[1]!;
    const revenue = rowsByKey(pl).get("total.revenue")!.getCell(3);
    expect(revenue.numFmt).toContain(json.model.currency);
  });

  it("every derived figure of a P&L sheet is a formula; the only constants are a definition's 0 (no partner margin outside indirect channels, a sum of no lines) and an equal split's weight 1", async () => {
    const file = join(tempDir(), "w.xlsx");
    writeWorkbook(["report", "examples/worked-example.yaml"], file);
    const ws = (await readWorkbook(file)).worksheets[1]!;
    let formulas = 0;
    const constants: string[] = [];
    ws.eachRow((row, r) => {
      if (r < 3) return;
      row.eachCell((cell, col) => {
        if (col < 3) return;
        if (cell.formula) formulas++;
        else if (!((cell.value === 0 && /\.(partner_margin|conflict_costs|variable_costs|fixed_costs|income)$/.test(String(row.getCell(1).value))) || (cell.value === 1 && /\.weight\./.test(String(row.getCell(1).value))))) constants.push(`${cell.address}=${String(cell.value)}`);
      });
    });
    expect(constants).toEqual([]);
    expect(formulas).toBeGreaterThan(400);
    // Leaves round to the cent (§4), NPV once (§7), the allocation by largest remainder (§6).
    const rows = rowsByKey(ws);
    expect(rows.get("web.small.conflict_costs")!.getCell(3).formula).toMatch(/^ROUND\(.*,2\)$/);
    expect(rows.get("total.npv")!.getCell(3).formula).toMatch(/^ROUND\(.*\^3,2\)$/);
    expect(rows.get("allocation.marketing.part.direct")!.getCell(3).formula).toContain("SUMPRODUCT");
  });

  it.each(EXAMPLES)("%s: every cached figure equals the JSON report's to the cent", async (example) => {
    const file = join(tempDir(), `${example}.xlsx`);
    const args = ["report", `examples/${example}.yaml`, "--scenario", "all"];
    writeWorkbook(args, file);
    expect(differences(await readWorkbook(file), jsonReport(args))).toEqual([]);
  });

  it("holds the worked example's hand-checked figures (docs/MODEL.md §12)", async () => {
    const file = join(tempDir(), "w.xlsx");
    writeWorkbook(["report", "examples/worked-example.yaml"], file);
    const rows = rowsByKey((await readWorkbook(file)).worksheets[1]!);
    const at = (key: string, t: number) => figure(rows.get(key)!.getCell(3 + t));
    expect(at("web.small.conflict_costs", 0)).toBe(427.5); // 42,750 × 10% × 10%
    expect(at("partners.small.cm1", 0)).toBe(15115);
    expect([at("direct.shared_costs.marketing", 0), at("partners.shared_costs.marketing", 0), at("web.shared_costs.marketing", 0)]).toEqual([5190.04, 1792.92, 2017.04]);
    expect(at("allocation.marketing.left", 0)).toBe(2); // 900,000 − 899,998 cents
    expect(at("total.cumulative_net_profit", 2)).toBe(151330.95);
    expect(at("total.npv", 0)).toBe(123761.85);
  });

  it.each([...EXAMPLES, "every kind of check"])("%s: the Checks sheet has every check's value and pass/fail as `check` computes them, as formulas on the P&L", async (example) => {
    const dir = tempDir();
    const model = example === "every kind of check" ? everyKindOfCheck(dir) : join(ROOT, `examples/${example}.yaml`);
    if (example === "every kind of check") expect(distplan(["check", model]).code).toBe(1); // both outcomes are compared
    const file = join(dir, "plan.xlsx");
    writeWorkbook(["compare", model], file);
    expect(checkDifferences(await readWorkbook(file), model, true)).toEqual([]);
  });

  it("is byte-identical when written twice, with constant dates in the properties and the zip", async () => {
    const dir = tempDir();
    const [a, b] = [join(dir, "a.xlsx"), join(dir, "b.xlsx")];
    writeWorkbook(["compare", "examples/voorbeeld.yaml"], a);
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past the zip's two-second clock
    writeWorkbook(["compare", "examples/voorbeeld.yaml"], b);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const wb = await readWorkbook(a);
    expect(wb.created.toISOString()).toBe(WORKBOOK_DATE.toISOString());
    expect(wb.modified.toISOString()).toBe(WORKBOOK_DATE.toISOString());
    // Every local file header's DOS date is 2000-01-01 (((2000 − 1980) << 9) | (1 << 5) | 1).
    const bytes = readFileSync(a);
    const dates: number[] = [];
    for (let i = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); i >= 0; i = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), i + 4)) dates.push(bytes.readUInt16LE(i + 12));
    expect(dates.length).toBeGreaterThan(5);
    expect(new Set(dates)).toEqual(new Set([(20 << 9) | (1 << 5) | 1]));
  }, 20_000);

  it("labels in Dutch under --lang nl", async () => {
    const file = join(tempDir(), "nl.xlsx");
    const r = distplan(["report", "examples/voorbeeld.yaml", "--lang", "nl", "--format", "xlsx", "-o", file]);
    expect(r.code, r.stderr).toBe(0);
    const wb = await readWorkbook(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Invoer", "W&V base", "Toetsen"]);
    expect(rowsByKey(wb.worksheets[1]!).get("total.revenue")!.getCell(2).value).toBe("  omzet");
    expect(rowsByKey(wb.worksheets[1]!).get("total.npv")!.getCell(3).formula).toContain("'Invoer'!");
  });
});

describe("writing the workbook", () => {
  it("needs -o: a binary workbook never goes to standard output", () => {
    for (const args of [["report", "examples/voorbeeld.yaml", "--format", "xlsx"], ["compare", "examples/voorbeeld.yaml", "--format", "xlsx", "-o", "-"]]) {
      const r = distplan(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toContain("--format xlsx writes a binary workbook: name its file with -o");
      expect(r.stderr).toMatch(/hint: for example: distplan (report|compare) --format xlsx -o plan.xlsx/);
    }
  });

  it("refuses --allocations and --shift, and touches no file on bad input", () => {
    const dir = tempDir();
    const file = join(dir, "plan.xlsx");
    writeFileSync(file, "before");
    expect(distplan(["report", "examples/voorbeeld.yaml", "--allocations", "--format", "xlsx", "-o", file]).code).toBe(2);
    expect(distplan(["compare", "examples/voorbeeld.yaml", "--shift", "--format", "xlsx", "-o", file]).code).toBe(2);
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8").replace("gross_margin: 50%", "gross_margin: 50%%"));
    const r = distplan(["report", bad, "--format", "xlsx", "-o", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+/);
    expect(readFileSync(file, "utf8")).toBe("before");
    expect(readdirSync(dir).sort()).toEqual(["bad.yaml", "plan.xlsx"]); // no temporary file left
  });

  it("replaces an existing file whole", async () => {
    const file = join(tempDir(), "plan.xlsx");
    writeFileSync(file, "before");
    writeWorkbook(["report", "examples/worked-example.yaml"], file);
    expect((await readWorkbook(file)).worksheets.length).toBe(3);
  });

  it("keeps exceljs out of the CLI's bundle: it is dist/xlsx.cjs, required only for xlsx", () => {
    const cli = readFileSync(join(ROOT, "dist/distplan.cjs"), "utf8");
    expect(cli).toContain('require("./xlsx.cjs")');
    expect(cli).not.toContain("xl/worksheets");
    expect(readFileSync(join(ROOT, "dist/xlsx.cjs"), "utf8")).toContain("xl/worksheets");
  });
});

describe("the workbook recalculated by LibreOffice", () => {
  it.skipIf(!SOFFICE)(`every example's formulas give distplan's figures to the minor unit, also in KWD and on synthetic plans${SKIPPED}`, async () => {
    const dir = tempDir();
    // The examples; the complete example in dinar (three decimals); and synthetic plans whose mix
    // shares have ten decimals (scripts/synthetic.ts), so that products rarely fall on whole cents.
    const kwd = join(dir, "voorbeeld-kwd.yaml");
    writeFileSync(kwd, readFileSync(join(ROOT, "examples/voorbeeld.yaml"), "utf8").replace(/^currency: .*$/m, "").replace(/^name: (.*)$/m, "name: $1\ncurrency: KWD"));
    expect(jsonReport(["report", kwd]).model.currency).toBe("KWD");
    const synthetic = [1, 2, 3, 4].map((seed) => {
      const file = join(dir, `synthetic-${seed}.yaml`);
      writeFileSync(file, syntheticModel({ segments: 6, channels: 3, years: 5, scenarios: 2 }, seed));
      return file;
    });
    const models = [...EXAMPLES.map((e) => join(ROOT, `examples/${e}.yaml`)), kwd, ...synthetic, everyKindOfCheck(dir)];
    const files = models.map((m, i) => join(dir, `${i}-${basename(m, ".yaml")}.xlsx`));
    models.forEach((m, i) => writeWorkbook(["compare", m], files[i]!));
    const recalculated = recalculate(files);
    for (const [i, m] of models.entries()) {
      const wb = await readWorkbook(recalculated[i]!);
      expect(differences(wb, jsonReport(["compare", m])), m).toEqual([]);
      expect(checkDifferences(wb, m, false), m).toEqual([]);
    }
  }, TIMEOUT);

  it.skipIf(!SOFFICE)(`a changed input moves the derived cells as distplan's what-if does${SKIPPED}`, async () => {
    const dir = tempDir();
    const file = join(dir, "w.xlsx");
    writeWorkbook(["report", "examples/worked-example.yaml"], file);
    // The controller's edit: big's revenue per customer to 20,000 in every year (the cached
    // figures stay as they were: only a recalculation can bring them in line).
    const wb = await readWorkbook(file);
    const inputs = wb.getWorksheet("Inputs")!;
    let edited = 0;
    inputs.eachRow((row) => {
      if (row.getCell(2).value === "segments.big.revenue_per_customer") for (let c = 4; c <= 6; c++, edited++) row.getCell(c).value = 20000;
    });
    expect(edited).toBe(3);
    const changed = join(dir, "changed.xlsx");
    await wb.xlsx.writeFile(changed);
    const [recalculated] = recalculate([changed]);
    const after = await readWorkbook(recalculated!);
    const whatIf = jsonReport(["report", "examples/worked-example.yaml", "--set", "segments.big.revenue_per_customer=20000"]);
    expect(differences(after, whatIf)).toEqual([]);
    // And it did move: direct's 2027 revenue 11 × 20,000, not the 110,000 cached before.
    expect(figure(rowsByKey(after.worksheets[1]!).get("direct.revenue")!.getCell(3))).toBe(220000);
  }, TIMEOUT);
});
