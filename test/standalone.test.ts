// The repository stands on its own: no file in it sends the reader (or a test) to a document
// outside it. The product's contract lives in docs/MODEL.md; only .ci/run may look beside the
// repository (for the third-party JUnit XSDs).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const OUTSIDE = [/\.\.\/shared/, /\bSPEC(\.md| §)/, /\bSCREENS\.md/, /\bSTYLE\.md/];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe("the repository stands alone", () => {
  const checked = [join(ROOT, "README.md"), join(ROOT, "package.json"), ...["docs", "examples", "src", "test", "scripts", "bin", "models"].flatMap((d) => files(join(ROOT, d)))]
    .filter((f) => f !== join(ROOT, "test/standalone.test.ts"));

  it("no README, doc, example, source, test or script refers to a file outside it", () => {
    expect(checked.length).toBeGreaterThan(50);
    const hits = checked.flatMap((f) =>
      readFileSync(f, "utf8").split("\n").flatMap((line, i) => (OUTSIDE.some((p) => p.test(line)) ? [`${relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(hits).toEqual([]);
  });
});
