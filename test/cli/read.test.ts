// readModelFile's file-system errors (src/cli/read.ts): each kind has its own issue code, and
// the read is bounded whatever the file is.
import { mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readModelFile } from "../../src/cli/read.js";
import { issueText } from "../../src/model/issues.js";

const temp = () => mkdtempSync(join(tmpdir(), "distplan-read-"));

describe("readModelFile", () => {
  it("not found, a directory, and an unreadable path (a symlink loop) have their own codes", async () => {
    const dir = temp();
    writeFileSync(join(dir, "b.yaml"), "");
    writeFileSync(join(dir, "a.yml"), "");
    symlinkSync("loop", join(dir, "loop"));
    const [missing, folder, loop] = await Promise.all([join(dir, "nope.yaml"), dir, join(dir, "loop")].map(readModelFile));
    expect(missing!.issues.map((i) => i.code)).toEqual(["FILE_NOT_FOUND"]);
    expect(folder!.issues.map((i) => i.code)).toEqual(["FILE_IS_DIRECTORY"]);
    // The hint names a model inside the directory, not 'distplan init'.
    expect(issueText(folder!.issues[0]!).hint).toBe(`pass a model file inside it, such as ${join(dir, "a.yml")}`);
    expect(loop!.issues.map((i) => i.code)).toEqual(["FILE_NOT_READABLE"]);
    expect(issueText(loop!.issues[0]!).message).toMatch(/^cannot read .*loop: too many symbolic links/);
  });

  it("a device is read up to the limit only", async () => {
    const loaded = await readModelFile("/dev/zero");
    expect(loaded.issues.map((i) => i.code)).toEqual(["FILE_TOO_LARGE"]);
    expect(issueText(loaded.issues[0]!).message).toBe("the file is larger than 5242880 bytes; a model may be at most 5242880 bytes");
  });
});
