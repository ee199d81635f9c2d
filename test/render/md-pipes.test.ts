// Issue #22 item 5: Markdown escapes a pipe in model text exactly once, so the row holds.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadText, ROOT } from "../helpers.js";
import { checkLoadedModel } from "../../src/engine/check-model.js";
import { checksAsMarkdown } from "../support/check-render.js";

const worked = readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8");
const loaded = loadText(worked.replace("checks:\n", "checks:\n  - { name: \"a | b\", metric: net_profit, min: 100000000 }\n"), "pipes.yaml");
const result = checkLoadedModel(loaded);
const files = [{ loaded, outcomes: result.outcomes, lints: result.lints }];

describe("Markdown pipes", () => {
  it("a pipe in a check name is escaped once", () => {
    const md = checksAsMarkdown(files, { strict: false });
    expect(md).toContain("| a \\| b: net_profit ≥ 100,000,000 |");
    expect(md).not.toContain("\\\\|");
  });
});
