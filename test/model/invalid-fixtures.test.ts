// One invalid model per issue code or hazard (test/fixtures/invalid/*.yaml). Each file's first
// line says what must be reported and where, chosen by hand when the fixture was written:
//   # expect: error MIX_NOT_100 at 20:8
// The test asserts the code and the exact line:col, never the wording.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadModelBytes, loadModelText } from "../../src/model/load.js";
import { issuePosition } from "../../src/views/issues.js";
import { TEMPLATES } from "../../src/model/issues.js";
import { ROOT } from "../helpers.js";

const DIR = join(ROOT, "test/fixtures/invalid");
const files = readdirSync(DIR).filter((f) => f.endsWith(".yaml")).sort();

function found(text: string, source: string) {
  const loaded = loadModelText(text, source);
  return loaded.issues.map((issue) => {
    const p = issuePosition(loaded, issue);
    return `${issue.severity} ${issue.code} at ${p ? `${p.line}:${p.col}` : "-"}`;
  });
}

describe("invalid fixtures", () => {
  it("there are at least 40", () => expect(files.length).toBeGreaterThanOrEqual(40));

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(join(DIR, file), "utf8");
      const expected = /^# expect: (.+)$/m.exec(text)![1]!;
      expect(found(text, file)).toContain(expected);
      if (expected.startsWith("error")) {
        // An invalid model yields no scenarios at all: nothing downstream can run on it.
        expect(loadModelText(text, file).scenarios).toEqual([]);
      }
    });
  }

  it("every issue code that a model file can cause has a fixture", () => {
    const covered = new Set(files.map((f) => /^# expect: \w+ (\w+)/.exec(readFileSync(join(DIR, f), "utf8"))![1]));
    // Hazards tested below rather than as fixtures (bytes, size, depth) and file-system errors.
    const elsewhere = new Set(["FILE_NOT_FOUND", "FILE_IS_DIRECTORY", "FILE_NOT_READABLE", "FILE_TOO_LARGE", "NOT_UTF8", "UTF16_FILE", "BINARY_FILE", "TOO_DEEP"]);
    const missing = Object.keys(TEMPLATES).filter((code) => !covered.has(code) && !elsewhere.has(code));
    expect(missing).toEqual([]);
  });
});

describe("hostile input", () => {
  const codes = (bytes: Uint8Array) => loadModelBytes(bytes, "x.yaml").issues.map((i) => i.code);

  it("binary bytes", () => expect(codes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))).toEqual(["BINARY_FILE"]));
  it("non-UTF-8 text", () => expect(codes(new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]))).toEqual(["NOT_UTF8"]));
  it("non-UTF-8 text is reported at the first bad byte, named, with the likely encoding", () => {
    const text = readFileSync(join(ROOT, "examples/voorbeeld.yaml"), "utf8").replace(/§/g, "S").replace("name: Mid-market", "name: Mid-markét");
    const loaded = loadModelBytes(new Uint8Array(Buffer.from(text, "latin1")), "cp1252.yaml");
    const [issue] = loaded.issues;
    expect(issue!.code).toBe("NOT_UTF8");
    const line = text.split("\n").findIndex((l) => l.includes("Mid-markét")) + 1;
    expect(issuePosition(loaded, issue!)).toEqual({ line, col: "    name: Mid-mark".length + 1 });
    expect(issue!.args).toMatchObject({ byte: "0xE9", char: "é", encoding: "Windows-1252 (Latin-1)" });
  });
  it("UTF-16, with or without a byte order mark, is named as UTF-16, not binary", () => {
    const text = readFileSync(join(ROOT, "examples/voorbeeld.yaml"), "utf8");
    const le = Buffer.from(text, "utf16le");
    const be = Buffer.from(le).swap16();
    expect(codes(new Uint8Array([0xff, 0xfe, ...le]))).toEqual(["UTF16_FILE"]);
    expect(codes(new Uint8Array([0xfe, 0xff, ...be]))).toEqual(["UTF16_FILE"]);
    expect(codes(new Uint8Array(le))).toEqual(["UTF16_FILE"]);
    expect(codes(new Uint8Array(be))).toEqual(["UTF16_FILE"]);
  });
  it("old Mac line ends (CR only) are read as line ends, and positions stay exact", () => {
    const text = readFileSync(join(ROOT, "examples/voorbeeld.yaml"), "utf8");
    const cr = new TextEncoder().encode(text.replace(/\n/g, "\r"));
    expect(loadModelBytes(cr, "mac.yaml").issues.filter((i) => i.severity === "error")).toEqual([]);
    const broken = loadModelBytes(new TextEncoder().encode(text.replace("churn: 6%", "churn: 600%").replace(/\n/g, "\r")), "mac.yaml");
    const line = text.split("\n").findIndex((l) => l.includes("churn: 6%")) + 1;
    expect(broken.issues.map((i) => [i.code, issuePosition(broken, i)])).toEqual([["PERCENT_OVER_100", { line, col: 12 }]]);
  });
  it("a UTF-8 byte order mark is accepted", () => {
    const text = readFileSync(join(ROOT, "examples/voorbeeld.yaml"));
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...text]);
    expect(loadModelBytes(withBom, "bom.yaml").issues.filter((i) => i.severity === "error")).toEqual([]);
  });
  it("a file over the size limit", () => expect(codes(new Uint8Array(6 * 1024 * 1024).fill(0x20))).toEqual(["FILE_TOO_LARGE"]));
  it("deep nesting, block and flow", () => {
    expect(codes(new TextEncoder().encode(`a: ${"[".repeat(5000)}${"]".repeat(5000)}\n`))).toEqual(["TOO_DEEP"]);
    const block = Array.from({ length: 200 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n") + " 1\n";
    expect(codes(new TextEncoder().encode(block))).toEqual(["TOO_DEEP"]);
  });
  it("a 50 MB file is refused before it is parsed, in well under a second", () => {
    const start = process.hrtime.bigint();
    const result = codes(new Uint8Array(50 * 1024 * 1024).fill(0x61));
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    expect(result).toEqual(["FILE_TOO_LARGE"]);
    // Not a benchmark: a loose bound that only a pathological regression (parsing it) would break.
    expect(ms).toBeLessThan(1000);
  });
  it("__proto__ keys do not pollute prototypes", () => {
    loadModelText(readFileSync(join(DIR, "proto-UNKNOWN_KEY.yaml"), "utf8"), "p.yaml");
    loadModelText(readFileSync(join(DIR, "proto-BAD_ID.yaml"), "utf8"), "p.yaml");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
  it("an alias bomb is stopped", () => {
    expect(loadModelText(readFileSync(join(DIR, "ALIAS_LIMIT.yaml"), "utf8"), "a.yaml").issues.map((i) => i.code)).toEqual(["ALIAS_LIMIT"]);
  });
});

describe("one YAML mistake, one error", () => {
  const example = readFileSync(join(ROOT, "examples/voorbeeld.yaml"), "utf8");
  const shown = (text: string) => {
    const loaded = loadModelText(text, "m.yaml");
    return loaded.issues.map((i) => ({ code: i.code, at: issuePosition(loaded, i), suppressed: i.args.suppressed, hint: i.args.hint }));
  };

  it("every nested line indented twice as far: one error at the first line out of step, with the column it should have", () => {
    const doubled = example.split("\n").map((l) => " ".repeat(/^ */.exec(l)![0].length) + l).join("\n");
    const found = shown(doubled);
    expect(found).toHaveLength(1);
    // `    - id: enterprise` puts the entry's keys at column 7, the lines after it at column 9:
    // moving the dash to column 7 lines them up.
    const line = doubled.split("\n").findIndex((l) => l.startsWith("    - id: enterprise")) + 1;
    expect(found[0]).toMatchObject({ code: "YAML_SYNTAX", at: { line, col: 5 } });
    expect(found[0]!.hint).toContain(`indent line ${line} to column 7`);
    expect(found[0]!.suppressed).toBeGreaterThan(100); // the parser's cascade, counted
  });

  it("one tab in the indentation: one error at the tab, saying to indent with spaces", () => {
    for (const indent of ["\t", "  \t"]) {
      const tabbed = example.replace("    customers: 900", `${indent}customers: 900`);
      const found = shown(tabbed);
      const line = tabbed.split("\n").findIndex((l) => l.includes("customers: 900")) + 1;
      expect(found).toEqual([expect.objectContaining({ code: "YAML_SYNTAX", at: { line, col: indent.length } })]);
      expect(found[0]!.hint).toMatch(/indent with spaces, not tabs.*column 5/);
    }
  });

  it("a second, different mistake in another section is still reported", () => {
    const deeper = example.replace("    customers: 900", "      customers: 900");
    expect(shown(deeper.replace("    metric: net_profit", "\tmetric: net_profit")).map((f) => [f.code, f.at!.line])).toEqual([["YAML_SYNTAX", 21], ["YAML_SYNTAX", 98]]);
    expect(shown(deeper.replace("    metric: net_profit", "   metric: net_profit")).map((f) => [f.code, f.at!.line])).toEqual([["YAML_SYNTAX", 21], ["YAML_SYNTAX", 98]]);
  });

  it("any one line of the example indented wrongly (a tab, two spaces more or less): at most one error, at or next to that line", () => {
    const lines = example.split("\n");
    let broken = 0;
    lines.forEach((line, i) => {
      if (!/^\s*[a-z-]/.test(line)) return;
      for (const changed of ["\t" + line, "  " + line, line.startsWith("  ") ? line.slice(2) : null]) {
        if (changed === null) continue;
        const found = shown([...lines.slice(0, i), changed, ...lines.slice(i + 1)].join("\n")).filter((f) => f.code === "YAML_SYNTAX");
        expect(found.length).toBeLessThanOrEqual(1);
        if (found.length === 1) {
          broken++;
          expect(Math.abs(found[0]!.at!.line - (i + 1))).toBeLessThanOrEqual(1);
        }
      }
    });
    expect(broken).toBeGreaterThan(150);
  });

  it("a YAML mistake that the parser reports once is unchanged (an unclosed quote)", () => {
    const found = shown(example.replace("name: Mid-market", 'name: "Mid-market'));
    expect(found).toHaveLength(1);
    expect(found[0]!.suppressed).toBe(0);
  });
});

describe("one error per node", () => {
  const fixture = readFileSync(join(DIR, "CHECK_YEAR_RANGE.yaml"), "utf8");
  const at = (years: string) => {
    const loaded = loadModelText(fixture.replace(/years: .*\n(?![\s\S]*years: )/, `years: ${years}\n`), "c.yaml");
    return loaded.issues.map((i) => `${i.code} ${issuePosition(loaded, i)!.line}:${issuePosition(loaded, i)!.col}`);
  };
  it("a year outside the plan is reported once, whether written as a year or a range", () => {
    expect(at("2040")).toEqual(["CHECK_YEAR_RANGE 23:12"]);
    expect(at('"2040..2041"')).toEqual(["CHECK_YEAR_RANGE 23:12"]);
    expect(at('"2041..2040"')).toEqual(["CHECK_YEAR_RANGE 23:12"]);
  });
});
