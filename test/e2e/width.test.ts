// Issue #12 item 1 (width detection): --width, else the terminal's, else COLUMNS — also when the
// output is piped — else 80. Before, COLUMNS was ignored in a pipe and only --width worked.
import { describe, expect, it } from "vitest";
import { distplan } from "../support/cli.js";

const widest = (text: string) => Math.max(...text.split("\n").map((l) => [...l].length));

describe("the width of piped output", () => {
  const args = ["report", "examples/voorbeeld.yaml", "--allocations"];

  it("follows COLUMNS when stdout is a pipe", () => {
    const wide = distplan(args, { env: { COLUMNS: "200" } });
    expect(wide.code).toBe(0);
    // The allocation table's "new customers" column is shown only where it fits: at 200 columns.
    expect(wide.stdout).toContain("new cust.");
    expect(wide.stdout).toBe(distplan([...args, "--width", "200"]).stdout);
  });

  it("is 80 without COLUMNS, and with a COLUMNS that is not a number", () => {
    const plain = distplan(args);
    expect(plain.stdout).not.toContain("new cust.");
    expect(distplan(args, { env: { COLUMNS: "wide" } }).stdout).toBe(plain.stdout);
    expect(distplan(args, { env: { COLUMNS: "80" } }).stdout).toBe(plain.stdout);
  });

  it("lets --width win over COLUMNS", () => {
    const r = distplan([...args, "--width", "80"], { env: { COLUMNS: "200" } });
    expect(r.stdout).toBe(distplan(args).stdout);
    expect(widest(r.stdout)).toBeLessThan(widest(distplan(args, { env: { COLUMNS: "200" } }).stdout));
  });
});
