// A bug in normalization is an internal error (exit 70, the stack under --debug), never a silently
// zeroed series and never a missing issue. The bug is simulated by making the series expansion
// of values.ts throw; every other export of the module is the real one.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers.js";

const bug = vi.hoisted(() => ({ on: false }));
vi.mock("../../src/model/values.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/model/values.js")>();
  return {
    ...real,
    expandSeries: (...args: Parameters<typeof real.expandSeries>) => {
      if (bug.on) throw new Error("simulated bug in expandSeries");
      return real.expandSeries(...args);
    },
  };
});

const { loadModelText } = await import("../../src/model/load.js");

const valid = readFileSync(join(ROOT, "examples/voorbeeld.yaml"), "utf8");
// A schema error (a channel written as a bare id) beside parts that the rules of meaning still read.
const schemaInvalid = readFileSync(join(ROOT, "test/fixtures/invalid/WRONG_TYPE.yaml"), "utf8");

describe("exceptions in normalization surface", () => {
  // (That the CLI then exits 70 rather than 2 also needs readModelFile to stop turning every
  // exception into FILE_NOT_FOUND: issue #19's part of the same bug.)
  beforeEach(() => { bug.on = true; });
  afterEach(() => { bug.on = false; });

  it("on a valid file, the loader throws instead of filling the series with zeros", () => {
    expect(() => loadModelText(valid, "voorbeeld.yaml")).toThrow("simulated bug in expandSeries");
  });

  it("on a file with schema errors, the best-effort pass of meaning rethrows a non-shape error", () => {
    expect(() => loadModelText(schemaInvalid, "WRONG_TYPE.yaml")).toThrow("simulated bug in expandSeries");
  });

  it("without the bug, the same inputs load as before (the mock is transparent)", () => {
    bug.on = false;
    expect(loadModelText(valid, "voorbeeld.yaml").scenarios.length).toBe(3);
    expect(loadModelText(schemaInvalid, "WRONG_TYPE.yaml").issues.map((i) => i.code)).toContain("WRONG_TYPE");
  });
});
