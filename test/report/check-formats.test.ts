// `distplan check` renderers on a mixed run: the complete example (a check fails, a lint warns), the
// committed plan (passes, one lint) and an invalid model. JUnit is validated against the
// Jenkins xunit and the Ant schemas, read from the folder named by DISTPLAN_JUNIT_XSD_DIR: the
// two third-party XSDs are not part of this repository. `.ci/run` sets the variable (and fails
// when the folder is missing); without it the XSD tests are skipped and say so in their name.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { validateXML } from "xmllint-wasm";
import { ROOT } from "../helpers.js";
import { checkFiles } from "../../src/cli/commands/check.js";
import { checksAsGithub, checksAsJson, checksAsJunit, checksAsMarkdown, checksAsText } from "../support/check-render.js";
import { plainPaint } from "../../src/render/format.js";

const XSD_DIR = process.env.DISTPLAN_JUNIT_XSD_DIR ?? "";
const NO_XSD = XSD_DIR === "";
const SCHEMAS = resolve(ROOT, XSD_DIR); // a relative folder is read from the repository root
const XSD_SKIPPED = NO_XSD ? " (skipped: set DISTPLAN_JUNIT_XSD_DIR to the folder of the JUnit XSDs)" : "";
const files = ["examples/voorbeeld.yaml", "models/plan.yaml", "test/fixtures/invalid/MIX_NOT_100.yaml"];

async function xsdErrors(xml: string, xsd: string) {
  const result = await validateXML({ xml: [{ fileName: "report.xml", contents: xml }], schema: [{ fileName: xsd, contents: readFileSync(join(SCHEMAS, xsd), "utf8") }] });
  return result.errors.map((e) => e.message);
}

describe("check output formats", async () => {
  process.chdir(ROOT);
  const checked = await checkFiles(files);
  const golden = (f: string) => join(ROOT, "test/golden/check", f);

  it("text: failing check with its line, lint, passes and a summary", async () => {
    const text = checksAsText(checked, { strict: false, paint: plainPaint });
    // At 80 columns the line wraps (the layout is the golden file's): the words, whatever the breaks.
    expect(text.replace(/\s+/g, " ")).toContain("examples/voorbeeld.yaml:100 ✗ contribution_margin ≥ 10% · partners · base · 2027: 5.3% (also 2028–2031)");
    expect(text).toContain("test/fixtures/invalid/MIX_NOT_100.yaml:20:8  ✗ invalid MIX_NOT_100");
    expect(text.trim().split("\n").at(-1)).toBe("3 files · 1 invalid · 1 check failed · 4 passed · 2 warnings");
    await expect(text).toMatchFileSnapshot(golden("mixed.txt"));
  });

  it("json: every check and lint with status, scenario, scope, year, value and bound", async () => {
    const doc = JSON.parse(checksAsJson(checked, { strict: false }));
    expect(doc.files.map((f: { status: string }) => f.status)).toEqual(["failed", "passed", "invalid"]);
    const margin = doc.files[0].checks[1];
    expect(margin).toMatchObject({ metric: "contribution_margin", scope: { channel: "partners" }, line: 100, min: 0.1, status: "failed" });
    expect(margin.results[0]).toEqual({ scenario: "base", year: 2027, value: 0.0533, status: "failed", missing: null });
    expect(doc.files[0].lints[0]).toMatchObject({ code: "PRICE_UNDERCUT", status: "warning", scenario: "base", line: 53 });
    expect(doc.files[2].errors[0]).toMatchObject({ code: "MIX_NOT_100", line: 20, column: 8 });
    await expect(checksAsJson(checked, { strict: false })).toMatchFileSnapshot(golden("mixed.json"));
  });

  for (const strict of [false, true]) {
    const flag = strict ? " --strict" : "";
    it(`junit${flag}: lints as ${strict ? "failures" : "output"}, golden`, async () => {
      const xml = checksAsJunit(checked, { strict });
      expect(xml).toContain(strict ? '<failure type="lint"' : "<system-out>warning PRICE_UNDERCUT");
      await expect(xml).toMatchFileSnapshot(golden(`mixed${strict ? "-strict" : ""}.xml`));
    });

    it.skipIf(NO_XSD)(`junit${flag} is valid against both XSDs${XSD_SKIPPED}`, async () => {
      const xml = checksAsJunit(checked, { strict });
      expect(await xsdErrors(xml, "jenkins-junit-10.xsd")).toEqual([]);
      // Ant's schema describes one <testsuite> per document: validate each suite alone too.
      expect(await xsdErrors(xml, "ant-junit.xsd")).toEqual([]);
      for (const suite of xml.match(/<testsuite [\s\S]*?<\/testsuite>/g)!) {
        const single = `<?xml version="1.0" encoding="UTF-8"?>\n${suite.replace(/ package="distplan" id="\d+"/, "")}\n`;
        expect(await xsdErrors(single, "ant-junit.xsd")).toEqual([]);
      }
    });
  }

  it.skipIf(NO_XSD)(`junit: the XSDs do reject a broken report (the validation is not vacuous)${XSD_SKIPPED}`, async () => {
    const broken = checksAsJunit(checked, { strict: false }).replace(/ tests="\d+" failures/, " failures");
    expect(await xsdErrors(broken, "jenkins-junit-10.xsd")).not.toEqual([]);
  });

  it("github: annotations on the failing check's line, warnings for lints, escaped", async () => {
    const out = checksAsGithub(checked, { strict: false });
    // "%" is escaped as %25 in workflow commands; GitHub shows it as "%".
    expect(out).toContain("::error file=examples/voorbeeld.yaml,line=100,title=contribution_margin ≥ 10%25 · partners::base · 2027: 5.3%25  (also 2028–2031)");
    expect(out).toMatch(/^::warning file=models\/plan\.yaml,line=55,title=lint PRICE_UNDERCUT::/m);
    expect(out).toContain("::error file=test/fixtures/invalid/MIX_NOT_100.yaml,line=20,col=8,title=MIX_NOT_100::");
    expect(out).toContain("%0Ahint: "); // a newline in the message is escaped
    expect(checksAsGithub(checked, { strict: true })).toMatch(/^::error file=models\/plan\.yaml,line=55,title=lint PRICE_UNDERCUT::/m);
    await expect(out).toMatchFileSnapshot(golden("mixed.github.txt"));
  });

  it("md: a summary table for a PR comment", async () => {
    const md = checksAsMarkdown(checked, { strict: false });
    expect(md.split("\n")[0]).toBe("### distplan check ❌ failed");
    expect(md).toContain("| ❌ | `examples/voorbeeld.yaml`:100 | contribution_margin ≥ 10% · partners |");
    await expect(md).toMatchFileSnapshot(golden("mixed.md"));
  });
});
