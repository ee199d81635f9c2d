import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readActualsFile } from "../../src/cli/actuals-file.js";

const IDS = { channels: ["direct", "webshop"], segments: ["mkb"] };
const dir = mkdtempSync(join(tmpdir(), "distplan-actuals-"));

describe("reading an actuals file", () => {
  it("reads a Dutch export from disk", async () => {
    const path = join(dir, "nl.csv");
    writeFileSync(path, "period;channel;segment;metric;value\n2027-Q1;webshop;mkb;revenue;€ 12.345,67\n");
    const r = await readActualsFile(path, IDS);
    expect(r.ok && r.dutch && r.rows[0]!.value.toString()).toBe("12345.67");
  });

  it("formats every error with the file name, line and column, and returns no rows", async () => {
    const path = join(dir, "bad.csv");
    writeFileSync(path, "period,channel,segment,metric,value\n2027-Q1,webshp,mkb,revenue,1\n2027-Q9,direct,mkb,revenue,1\n");
    const r = await readActualsFile(path, IDS);
    expect(r.ok).toBe(false);
    const lines = r.ok ? [] : r.text.split("\n").filter((l) => !l.startsWith("  hint:") && l !== "");
    expect(lines.map((l) => l.replace(path, "F").split(": error ")[0] + " " + l.split(" error ")[1]!.split(":")[0])).toEqual(["F:2:9 UNKNOWN_CHANNEL", "F:3:1 BAD_PERIOD"]);
    expect(r.ok ? "" : r.text).toContain("did you mean 'webshop'?");
  });

  it("refuses a file that is not UTF-8 and a missing file", async () => {
    const path = join(dir, "latin1.csv");
    writeFileSync(path, Buffer.from("period,channel,segment,metric,value\n2027,direct,mkb,revenue,\xe9\n", "latin1"));
    expect((await readActualsFile(path, IDS)).ok ? "" : "refused").toBe("refused");
    const missing = await readActualsFile(join(dir, "nope.csv"), IDS);
    expect(missing.ok ? "" : missing.text).toMatch(/nope\.csv:1:1: error FILE_NOT_FOUND/);
  });
});
