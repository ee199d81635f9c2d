// Issue #11: a ratio whose denominator is zero has no value; say so in words a reader knows.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadText, ROOT } from "../helpers.js";
import { checkLoadedModel } from "../../src/engine/check-model.js";
import { plainPaint } from "../../src/render/format.js";
import { checksAsText } from "../support/check-render.js";

const worked = readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8");

describe("a ratio with no revenue", () => {
  it("reads n/a (no revenue), not undefined (issue #11)", () => {
    const idle = worked.replace("mix:\n", "  - { id: idle, type: direct, fixed_costs: { f: 1 } }\nmix:\n").replace("big: { direct: 100% }", "big: { direct: 100%, idle: 0% }");
    const m = loadText(idle.replace("checks:\n", "checks:\n  - { metric: contribution_margin, channel: idle, years: 2027, min: -100% }\n"));
    const r = checkLoadedModel(m);
    const text = checksAsText([{ loaded: m, outcomes: r.outcomes, lints: r.lints }], { strict: false, paint: plainPaint });
    expect(text.replace(/\s+/g, " ")).toContain("n/a (no revenue)"); // the line may wrap at 80 columns
    expect(text).not.toContain("undefined");
  });
});

