// The layering of src/, enforced: every module imports only from its own layer or the layers
// below it (money ← model ← engine ← diff ← views ← render ← cli), and nothing below cli/ touches
// the file system, the process, the console, colour detection or the clock. docs/ARCHITECTURE.md
// draws the same picture.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

/** Rank of each top-level folder of src/: a module may import from a rank equal or lower. */
export const LAYERS: Readonly<Record<string, number>> = {
  money: 0,
  model: 1,
  engine: 2,
  diff: 3, // beside the engine: two models → changes and their impact, computed by the engine
  views: 4,
  render: 5,
  cli: 6,
};

/** Known exceptions to the "no I/O below cli" rule, each with its reason. */
const IO_ALLOWED: Readonly<Record<string, string>> = {
  // none: reading a model file (cli/read.ts) is the shell's job; src/model gets the bytes.
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(ts|cts|mts)$/.test(e.name) && !e.name.endsWith(".d.cts") && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, statically or dynamically. */
export function importsOf(text: string): string[] {
  const specs: string[] = [];
  const patterns = [/\b(?:import|export)\s[^;'"]*?\bfrom\s*["']([^"']+)["']/g, /\bimport\s*["']([^"']+)["']/g, /\bimport\(\s*["']([^"']+)["']\s*\)/g];
  for (const re of patterns) for (const m of text.matchAll(re)) specs.push(m[1]!);
  return specs;
}

/** Source text without comments and string contents, so a word in a comment is not a use. */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:])\/\/.*$/gm, "$1")
    .replace(/`(?:\\.|[^`\\])*`|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, '""');
}

const layerOf = (file: string): string => relative(join(ROOT, "src"), file).split(/[\\/]/)[0]!;

const files = sourceFiles(join(ROOT, "src"));

describe("layering", () => {
  it("knows every folder of src/", () => {
    const unknown = [...new Set(files.map(layerOf))].filter((l) => !(l in LAYERS));
    expect(unknown).toEqual([]);
  });

  it("imports point down only", () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      for (const spec of importsOf(readFileSync(file, "utf8"))) {
        if (!spec.startsWith(".")) continue;
        const target = resolve(dirname(file), spec);
        const to = layerOf(target);
        if (!(to in LAYERS)) violations.push(`${relative(ROOT, file)} imports ${spec}, outside src/`);
        else if (LAYERS[to]! > LAYERS[from]!) violations.push(`${relative(ROOT, file)} (${from}) imports ${spec} (${to})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("only src/money imports decimal.js", () => {
    const importers = files.filter((f) => importsOf(readFileSync(f, "utf8")).includes("decimal.js")).map((f) => relative(ROOT, f));
    expect(importers).toEqual(["src/money/decimal.ts"]);
  });

  it("nothing below cli/ does I/O, reads the process or the clock, or picks colours", () => {
    const violations: string[] = [];
    for (const file of files) {
      if (layerOf(file) === "cli") continue;
      const name = relative(ROOT, file).split("\\").join("/");
      const text = readFileSync(file, "utf8");
      for (const spec of importsOf(text)) {
        const forbidden = /^(node:)?(fs|fs\/promises|child_process|process|readline|tty|net|http|https)$/.test(spec) || /^chalk(\/|$)/.test(spec);
        if (forbidden && IO_ALLOWED[name] !== spec) violations.push(`${name} imports ${spec}`);
      }
      const body = code(text);
      for (const [word, re] of [["process", /\bprocess\s*[.[]/], ["console", /\bconsole\s*\./], ["clock", /\bDate\.now\b|\bnew\s+Date\s*\(\s*\)|\bperformance\.now\b/]] as const) {
        if (re.test(body)) violations.push(`${name} uses ${word}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("the rules above can fail", () => {
    // The checks read real text: a model file importing the engine, and a console call, are seen.
    expect(importsOf('import { x } from "../engine/projection.js";\nexport * from "./y.js";\nawait import("../cli/z.js");')).toEqual([
      "../engine/projection.js", "./y.js", "../cli/z.js",
    ]);
    expect(/\bconsole\s*\./.test(code('// console.log in a comment\nconst s = "console.log";'))).toBe(false);
    expect(/\bconsole\s*\./.test(code("console.log(1);"))).toBe(true);
  });
});
