// File writes of the CLI (fmt, init, git-setup): never lose data.
// - The new text goes to a temporary file with an unpredictable name, created exclusively (O_EXCL)
//   in the target's folder, flushed to disk, then renamed over the target: a reader never sees half
//   a file, and a failed write (a full disk, no permission) leaves the old file as it was. The
//   temporary file is removed on every failure.
// - A symlink is written through: its target gets the new text and the link stays a link.
// - The target keeps its permissions (and, when distplan runs as root, its owner).
// - Refused with a clear error, the file left as it is: a directory, a device or FIFO, a file with
//   more than one hard link (a rename would split it from its other names), a read-only file, and
//   with `expected`, a file whose bytes changed since they were read (an edit made while distplan
//   ran is never overwritten; compared right before the rename).
import { constants } from "node:fs";
import { access, link, lstat, open, readFile, readlink, rename, stat, unlink } from "node:fs/promises";
import type { Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import { UsageError } from "./errors.js";
import { errnoReason, isErrnoError } from "./io-errors.js";

export interface WriteOptions {
  /** The bytes the file held when it was read: refuse to replace it if it holds anything else now. */
  readonly expected?: Uint8Array;
  /** Only create: refuse when anything (a file, a symlink, even a dangling one) is at the path. */
  readonly createOnly?: boolean;
}

/** The path a write lands on: symlinks followed (a dangling one to its missing target). */
export async function writeTarget(path: string): Promise<{ target: Stats | null; path: string; viaLink: boolean }> {
  let current = path;
  for (let hops = 0; hops <= 40; hops++) {
    const info = await lstat(current).catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return null;
      throw e;
    });
    if (info === null) return { target: null, path: current, viaLink: hops > 0 };
    if (!info.isSymbolicLink()) return { target: await stat(current), path: current, viaLink: hops > 0 };
    current = resolve(dirname(current), await readlink(current));
  }
  throw new UsageError(`cannot write ${path}: too many levels of symbolic links`);
}

/**
 * 16 unpredictable hex digits. node:crypto costs a cold start 3 ms, so it is required here, when
 * a file is written, not when the CLI loads (a dynamic import() does not work in the bundle's vm
 * context; a require of a built-in module does not depend on the path it is created for).
 */
function randomHex(): string {
  const { randomBytes } = createRequire(resolve("distplan.cjs"))("node:crypto") as typeof import("node:crypto");
  return randomBytes(8).toString("hex");
}

export async function writeFileSafely(path: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const fail = (reason: string, hint?: string) => new UsageError(`cannot write ${path}: ${reason}`, hint);
  let temp: string | null = null;
  try {
    const { target: existing, path: target, viaLink } = await writeTarget(path);
    if (options.createOnly && (existing || viaLink)) throw fail(viaLink && !existing ? `it is a symlink to ${target}, which does not exist` : "it already exists");
    if (existing) refuseToReplace(existing, target, fail);
    if (existing) await access(target, constants.W_OK).catch(() => { throw fail("the file is read-only", `make it writable (chmod u+w ${target}) if you mean to change it`); });
    const folder = dirname(target);
    temp = join(folder, `.${basename(target)}.${randomHex()}.distplan.tmp`);
    const handle = await open(temp, "wx", existing ? 0o600 : 0o666).catch((e: NodeJS.ErrnoException) => {
      temp = null;
      if (e.code === "ENOENT") throw fail(`the folder ${folder} does not exist`, `create it first (mkdir -p ${folder})`);
      if (e.code === "EACCES" || e.code === "EPERM" || e.code === "EROFS") throw fail(`cannot create a file in ${folder}: ${errnoReason(e)}`);
      throw e;
    });
    try {
      await handle.writeFile(data);
      if (existing) {
        await handle.chmod(existing.mode & 0o7777);
        if (process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) await handle.chown(existing.uid, existing.gid);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.expected) await refuseIfChanged(target, existing, options.expected, fail);
    if (options.createOnly) {
      // link() fails when the name was taken meanwhile, where rename() would silently replace it.
      await link(temp, target).catch((e: NodeJS.ErrnoException) => { throw e.code === "EEXIST" ? fail("it already exists") : e; });
      await unlink(temp);
    } else {
      await rename(temp, target);
    }
    temp = null;
  } catch (e) {
    if (isErrnoError(e)) throw fail(errnoReason(e));
    throw e;
  } finally {
    if (temp !== null) await unlink(temp).catch(() => undefined);
  }
}

function refuseToReplace(existing: Stats, target: string, fail: (reason: string, hint?: string) => UsageError): void {
  if (existing.isDirectory()) throw fail("it is a directory", "name a file, such as " + join(target, "distplan.yaml"));
  if (!existing.isFile()) throw fail("it is not a regular file (a device, FIFO or socket)");
  if (existing.nlink > 1) {
    throw fail(`it has ${existing.nlink} hard links, which replacing it would break`, "write to a copy and copy it back over the file (cp keeps its links)");
  }
  if ((existing.mode & 0o222) === 0) throw fail("the file is read-only", `make it writable (chmod u+w ${target}) if you mean to change it`);
}

async function refuseIfChanged(target: string, before: Stats | null, expected: Uint8Array, fail: (reason: string, hint?: string) => UsageError): Promise<void> {
  const now = await stat(target).catch(() => null);
  const same = now !== null && before !== null && now.ino === before.ino && now.dev === before.dev
    && now.size === expected.length && Buffer.from(await readFile(target)).equals(expected);
  if (!same) throw fail("it changed while distplan was working on it; it is left as it is", "run the command again");
}
