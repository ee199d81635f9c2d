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
    const elsewhere = new Set(["FILE_NOT_FOUND", "FILE_IS_DIRECTORY", "FILE_NOT_READABLE", "FILE_TOO_LARGE", "NOT_UTF8", "BINARY_FILE", "TOO_DEEP"]);
    const missing = Object.keys(TEMPLATES).filter((code) => !covered.has(code) && !elsewhere.has(code));
    expect(missing).toEqual([]);
  });
});

describe("hostile input", () => {
  const codes = (bytes: Uint8Array) => loadModelBytes(bytes, "x.yaml").issues.map((i) => i.code);

  it("binary bytes", () => expect(codes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]))).toEqual(["BINARY_FILE"]));
  it("non-UTF-8 text", () => expect(codes(new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]))).toEqual(["NOT_UTF8"]));
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
