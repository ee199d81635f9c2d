// Model text reaches every renderer as written: names, descriptions, scenario and check names can
// hold control characters (YAML's "\e" and "\a" escapes) and Markdown syntax. A terminal must
// never receive them raw (issue #19 item 9: `\e]0;pwned\a` would retitle the window), Markdown
// must keep one heading or row per line, and JUnit and GitHub annotations must stay well formed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadText, ROOT } from "../helpers.js";
import { projectScenarios } from "../../src/engine/projection.js";
import { compareScenarios } from "../../src/engine/compare.js";
import { checkLoadedModel } from "../../src/engine/check-model.js";
import { reportView } from "../../src/views/report.js";
import { compareView } from "../../src/views/compare.js";
import { renderTerminal } from "../../src/render/table.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { PLAIN_STYLE, plainPaint } from "../../src/render/format.js";
import { checksAsGithub, checksAsJunit, checksAsMarkdown, checksAsText, type CheckedFile } from "../support/check-render.js";

const worked = readFileSync(join(ROOT, "examples/worked-example.yaml"), "utf8");
const hostile = worked
  .replace("name: Worked example", 'name: "Evil \\e]0;pwned\\a\\e[2J co\\nsecond line | pipe"')
  .replace("checks:\n", 'checks:\n  - { name: "rich \\e]0;x\\a | and\\nmore", metric: net_profit, min: 100000000, scenarios: all }\n')
  + [
    "scenarios:",
    "  - id: cheap",
    '    name: "Cheap \\e[31mred"',
    '    description: "tab\\there, bell\\a"',
    "    set: { channels.web.price_discount: 20% }",
    "",
  ].join("\n");

const loaded = loadText(hostile, "hostile.yaml");
const projection = projectScenarios(loaded.scenarios);
const result = checkLoadedModel(loaded);
const files: CheckedFile[] = [{ loaded, outcomes: result.outcomes, lints: result.lints }];

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe("control characters in model text", () => {
  it("the model loads with them (they are legal YAML escapes)", () => {
    expect(loaded.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(projection.name).toContain("\u001b]0;pwned\u0007");
  });

  it("a terminal gets them escaped, visibly, for report, compare and check", () => {
    const outputs = [
      renderTerminal(reportView(projection, { by: "channel", lines: "summary", density: "screen" })),
      renderTerminal(compareView(projection, compareScenarios(projection), { density: "screen" })),
      checksAsText(files, { strict: false, paint: plainPaint }),
    ];
    for (const out of outputs) expect(out).not.toMatch(CONTROL);
    expect(outputs[0]).toContain("Evil \\e]0;pwned\\a\\e[2J co\\nsecond line");
    expect(outputs[0]).toContain("Cheap \\e[31mred");
    expect(outputs[2]).toContain("rich \\e]0;x\\a | and\\nmore");
  });

  it("Markdown keeps one heading and one table row per line", () => {
    const report = renderMarkdown(reportView(projection, { by: "channel", lines: "summary", density: "page" }), { style: PLAIN_STYLE });
    const compare = renderMarkdown(compareView(projection, compareScenarios(projection), { density: "page" }), { style: PLAIN_STYLE });
    const check = checksAsMarkdown(files, { strict: false });
    for (const out of [report, compare, check]) {
      expect(out).not.toMatch(CONTROL);
      // Every line that starts a table row is a whole row: it ends with a pipe.
      for (const line of out.split("\n").filter((l) => l.startsWith("|"))) expect(line.endsWith("|")).toBe(true);
    }
    const heading = report.split("\n").find((l) => l.startsWith("### "))!;
    expect(heading).toContain("co second line");
    expect(report.split("\n")).not.toContain("second line | pipe — scenario `base` · EUR");
  });

  it("JUnit and GitHub annotations carry no control character and one annotation per line", () => {
    const junit = checksAsJunit(files, { strict: false });
    const github = checksAsGithub(files, { strict: false });
    expect(junit).not.toMatch(CONTROL);
    expect(github).not.toMatch(CONTROL);
    expect(junit).toContain("rich \\e]0;x\\a | and\\nmore");
    for (const line of github.trimEnd().split("\n")) expect(line).toMatch(/^(::(error|warning) |distplan check: )/);
  });
});

