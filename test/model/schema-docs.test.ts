// The schema explains itself and docs/MODEL.md keeps up with it: every property of the JSON
// Schema has a description (editors show it on hover), and the model reference names every
// property and every allowed word (channel types, allocation methods, check metrics).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { modelSchema } from "../../src/model/schema.js";
import { ROOT, loadExample, project } from "../helpers.js";

interface Found {
  readonly properties: { path: string; name: string; schema: Record<string, unknown> }[];
  readonly enums: string[];
}

/** Every property (with its path in the schema) and every enum word, anywhere in the schema. */
function walk(node: unknown, path = "#", found: Found = { properties: [], enums: [] }): Found {
  if (Array.isArray(node)) {
    node.forEach((x, i) => walk(x, `${path}/${i}`, found));
    return found;
  }
  if (node === null || typeof node !== "object") return found;
  for (const [key, value] of Object.entries(node)) {
    if (key === "properties" && value && typeof value === "object") {
      for (const [name, schema] of Object.entries(value)) found.properties.push({ path: `${path}/properties/${name}`, name, schema: schema as Record<string, unknown> });
    }
    if (key === "enum" && Array.isArray(value)) found.enums.push(...value.map(String));
    walk(value, `${path}/${key}`, found);
  }
  return found;
}

const undocumented = (schema: unknown) =>
  walk(schema).properties.filter((p) => typeof p.schema.description !== "string" || p.schema.description.trim() === "").map((p) => p.path);

describe("schema descriptions", () => {
  const { properties } = walk(modelSchema);

  it("every property of the schema has a description", () => {
    expect(properties.length).toBeGreaterThan(60); // the walk reaches the nested definitions
    expect(undocumented(modelSchema)).toEqual([]);
  });

  it("the walk finds a missing description (the test is not vacuous)", () => {
    const copy = JSON.parse(JSON.stringify(modelSchema)) as { $defs: { conflict: { properties: { overlap: { description?: string } } } } };
    delete copy.$defs.conflict.properties.overlap.description;
    expect(undocumented(copy)).toEqual(["#/$defs/conflict/properties/overlap"]);
  });

  it("a plain description has no Markdown (editors would show the backticks escaped)", () => {
    expect(properties.filter((p) => String(p.schema.description).includes("`")).map((p) => p.path)).toEqual([]);
  });

  it("a markdownDescription repeats the description and adds the formula", () => {
    const withMarkdown = properties.filter((p) => "markdownDescription" in p.schema);
    expect(withMarkdown.length).toBeGreaterThan(10);
    for (const p of withMarkdown) expect(String(p.schema.markdownDescription).startsWith(String(p.schema.description)), p.path).toBe(true);
  });
});

describe("docs/MODEL.md", () => {
  const text = readFileSync(join(ROOT, "docs/MODEL.md"), "utf8");
  const { properties, enums } = walk(modelSchema);
  const names = [...new Set([...properties.map((p) => p.name), ...enums])].sort();

  it("names every schema property and every allowed word, as code", () => {
    expect(names).toContain("compensation");
    expect(names).toContain("new_customers");
    expect(names.filter((n) => !text.includes(`\`${n}\``))).toEqual([]);
  });

  it("shows the engine's figures for the worked and the complete example", () => {
    const grouped = (d: { toFixed: (n: number) => string }) => d.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    const worked = project(loadExample("worked-example.yaml")).scenarios[0]!;
    const figures = [
      ...worked.years.flatMap((y) => [y.total.net_profit, y.total.cumulative_net_profit, y.total.contribution, ...Object.values(y.channels).map((c) => c.cm1)]),
      ...Object.values(worked.years[0]!.channels).flatMap((c) => [c.net_profit, c.shared_costs, c.contribution]),
      worked.npv,
    ];
    const complete = project(loadExample("voorbeeld.yaml")).scenarios;
    figures.push(...complete.map((s) => s.npv), complete[0]!.cumulativeNetProfit, ...complete[0]!.years.map((y) => y.total.net_profit));
    expect(figures.map(grouped).filter((f) => !text.includes(f))).toEqual([]);
  });
});
