// The schema explains itself and docs/MODEL.md keeps up with it: every property of the JSON
// Schema has a description (editors show it on hover), and the model reference names every
// property and every allowed word (channel types, allocation methods, check metrics).
import { describe, expect, it } from "vitest";
import { modelSchema } from "../../src/model/schema.js";

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

  it("a markdownDescription repeats the description and adds the formula", () => {
    const withMarkdown = properties.filter((p) => "markdownDescription" in p.schema);
    expect(withMarkdown.length).toBeGreaterThan(10);
    for (const p of withMarkdown) expect(String(p.schema.markdownDescription).startsWith(String(p.schema.description)), p.path).toBe(true);
  });
});
