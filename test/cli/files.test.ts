// writeFileSafely (src/cli/files.ts): the temp-file-and-rename writer of fmt, init and git-setup.
import { mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeFileSafely } from "../../src/cli/files.js";
import { expandGlob, expandPatterns } from "../../src/cli/glob.js";

const temp = () => mkdtempSync(join(tmpdir(), "distplan-files-"));

describe("writeFileSafely", () => {
  it("does not follow a symlink planted at the old, predictable temp name", async () => {
    const dir = temp();
    writeFileSync(join(dir, "victim"), "precious\n");
    writeFileSync(join(dir, "m.yaml"), "old\n");
    // Before: the temp file was .NAME.distplan-PID.tmp, opened without O_EXCL, so it wrote here.
    symlinkSync(join(dir, "victim"), join(dir, `.m.yaml.distplan-${process.pid}.tmp`));
    await writeFileSafely(join(dir, "m.yaml"), "new\n");
    expect(readFileSync(join(dir, "m.yaml"), "utf8")).toBe("new\n");
    expect(readFileSync(join(dir, "victim"), "utf8")).toBe("precious\n");
  });

  it("refuses to replace a file that changed since it was read, and leaves no temp file", async () => {
    const dir = temp();
    const file = join(dir, "m.yaml");
    writeFileSync(file, "as read\n");
    const read = readFileSync(file);
    appendFileSync(file, "an edit made meanwhile\n");
    await expect(writeFileSafely(file, "formatted\n", { expected: read })).rejects.toThrow("it changed while distplan was working on it");
    expect(readFileSync(file, "utf8")).toBe("as read\nan edit made meanwhile\n");
    expect(readdirSync(dir)).toEqual(["m.yaml"]);
    await writeFileSafely(file, "formatted\n", { expected: readFileSync(file) });
    expect(readFileSync(file, "utf8")).toBe("formatted\n");
  });

  it("createOnly refuses an existing file and a dangling symlink", async () => {
    const dir = temp();
    writeFileSync(join(dir, "a"), "kept\n");
    symlinkSync("missing", join(dir, "b"));
    await expect(writeFileSafely(join(dir, "a"), "x", { createOnly: true })).rejects.toThrow("it already exists");
    await expect(writeFileSafely(join(dir, "b"), "x", { createOnly: true })).rejects.toThrow("which does not exist");
    expect(readFileSync(join(dir, "a"), "utf8")).toBe("kept\n");
    expect(readdirSync(dir).sort()).toEqual(["a", "b"]);
    await writeFileSafely(join(dir, "c"), "new\n", { createOnly: true });
    expect(readFileSync(join(dir, "c"), "utf8")).toBe("new\n");
  });
});

describe("expandGlob", () => {
  it("supports classes and ranges, and lists each file once", () => {
    const dir = temp();
    for (const name of ["a1.yaml", "b2.yaml", "c3.yaml", "x.yml"]) writeFileSync(join(dir, name), "");
    symlinkSync("a1.yaml", join(dir, "a9.yaml"));
    expect(expandGlob(`${dir}/[ab]*.yaml`).map((p) => p.slice(dir.length + 1))).toEqual(["a1.yaml", "b2.yaml"]);
    expect(expandGlob(`${dir}/[!a]?.y*ml`).map((p) => p.slice(dir.length + 1))).toEqual(["b2.yaml", "c3.yaml"]);
    expect(expandGlob(`${dir}/*[0-9].yaml`).map((p) => p.slice(dir.length + 1))).toEqual(["a1.yaml", "b2.yaml", "c3.yaml"]);
  });

  it("a file whose name looks like a glob is taken as it is", () => {
    const dir = temp();
    writeFileSync(join(dir, "plan[1].yaml"), "");
    expect(expandPatterns([join(dir, "plan[1].yaml")])).toEqual([join(dir, "plan[1].yaml")]);
    expect(() => expandPatterns([join(dir, "plan[2].yaml")])).toThrow("no model files match");
  });

  it("a malformed pattern is a usage error", () => {
    expect(() => expandGlob("[z-a]*.yaml")).toThrow("the range z-a runs backwards");
    expect(() => expandGlob("*[.yaml")).toThrow("a '[' without its ']'");
  });
});
