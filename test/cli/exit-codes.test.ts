// main() in-process: each call returns its own command's exit code and leaves process.exitCode
// alone (bin/distplan.js sets it once). The build's code-cache step calls main() several times
// in one process, so a code left over from one call must not leak into the next.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { ROOT } from "../helpers.js";

const example = join(ROOT, "examples/voorbeeld.yaml"); // its own check (contribution margin ≥ 10%) fails

describe("main() exit codes", () => {
  beforeEach(() => {
    process.exitCode = undefined;
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
  });

  it("a failing check, then a valid validate in the same process: 1, then 0", async () => {
    expect(await main(["check", example])).toBe(1);
    expect(await main(["validate", example])).toBe(0);
    expect(await main(["report", example])).toBe(0);
    expect(process.exitCode).toBeUndefined();
  });

  it("a stale process.exitCode set by someone else is neither returned nor changed", async () => {
    process.exitCode = 3;
    expect(await main(["validate", example])).toBe(0);
    expect(await main(["schema"])).toBe(0);
    expect(process.exitCode).toBe(3);
  });

  it("usage errors still map to 2, and the next call is unaffected", async () => {
    expect(await main(["validate", join(ROOT, "no-such-file.yaml")])).toBe(2);
    expect(await main(["compare", example])).toBe(0);
  });
});
