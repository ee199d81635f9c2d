// The JSON Schema is the single source of truth for structure: the committed copy must match the
// source, and every example and plan must pass it through an independent validator (a fresh ajv
// compiled from the committed JSON file, not distplan's precompiled one).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Ajv2020 } from "ajv/dist/2020.js";
import { modelSchema } from "../../src/model/schema.js";
import { ROOT } from "../helpers.js";

const committed = readFileSync(join(ROOT, "models/distplan.schema.json"), "utf8");

describe("JSON Schema", () => {
  it("the committed models/distplan.schema.json is up to date (npm run schema)", () => {
    expect(committed).toBe(JSON.stringify(modelSchema, null, 2) + "\n");
  });

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(committed) as object);
  const files = [
    ...readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml")).map((f) => `examples/${f}`),
    ...readdirSync(join(ROOT, "models")).filter((f) => f.endsWith(".yaml")).map((f) => `models/${f}`),
  ];

  it.each(files)("%s passes the schema, independently validated", (file) => {
    const text = readFileSync(join(ROOT, file), "utf8");
    expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=(\.\.\/models\/|\.\/)distplan\.schema\.json$/);
    const ok = validate(parse(text));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("the independent validator rejects what it should (it is not vacuous)", () => {
    expect(validate({ version: 1 })).toBe(false);
    expect(validate({ ...parse(readFileSync(join(ROOT, "examples/voorbeeld.yaml"), "utf8")), extra: 1 })).toBe(false);
  });
});
