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
import { say } from "./words.js";
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
  throw new UsageError(say({ en: `cannot write ${path}: too many levels of symbolic links`, nl: `kan ${path} niet schrijven: te veel niveaus van symbolische links` }));
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
  const fail = (reason: string, hint?: string) => new UsageError(say({ en: `cannot write ${path}: ${reason}`, nl: `kan ${path} niet schrijven: ${reason}` }), hint);
  let temp: string | null = null;
  try {
    const { target: existing, path: target, viaLink } = await writeTarget(path);
    if (options.createOnly && (existing || viaLink)) throw fail(viaLink && !existing ? say({ en: `it is a symlink to ${target}, which does not exist`, nl: `het is een symlink naar ${target}, dat niet bestaat` }) : say({ en: "it already exists", nl: "het bestaat al" }));
    if (existing) refuseToReplace(existing, target, fail);
    if (existing) await access(target, constants.W_OK).catch(() => { throw fail(say({ en: "the file is read-only", nl: "het bestand is alleen-lezen" }), say({ en: `make it writable (chmod u+w ${target}) if you mean to change it`, nl: `maak het schrijfbaar (chmod u+w ${target}) als je het wilt wijzigen` })); });
    const folder = dirname(target);
    temp = join(folder, `.${basename(target)}.${randomHex()}.distplan.tmp`);
    const handle = await open(temp, "wx", existing ? 0o600 : 0o666).catch((e: NodeJS.ErrnoException) => {
      temp = null;
      if (e.code === "ENOENT") throw fail(say({ en: `the folder ${folder} does not exist`, nl: `de map ${folder} bestaat niet` }), say({ en: `create it first (mkdir -p ${folder})`, nl: `maak die eerst aan (mkdir -p ${folder})` }));
      if (e.code === "EACCES" || e.code === "EPERM" || e.code === "EROFS") throw fail(say({ en: `cannot create a file in ${folder}: ${errnoReason(e)}`, nl: `kan geen bestand maken in ${folder}: ${errnoReason(e)}` }));
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
      await link(temp, target).catch((e: NodeJS.ErrnoException) => { throw e.code === "EEXIST" ? fail(say({ en: "it already exists", nl: "het bestaat al" })) : e; });
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
  if (existing.isDirectory()) throw fail(say({ en: "it is a directory", nl: "het is een map" }), say({ en: "name a file, such as ", nl: "noem een bestand, zoals " }) + join(target, "distplan.yaml"));
  if (!existing.isFile()) throw fail(say({ en: "it is not a regular file (a device, FIFO or socket)", nl: "het is geen gewoon bestand (een apparaat, FIFO of socket)" }));
  if (existing.nlink > 1) {
    throw fail(say({ en: `it has ${existing.nlink} hard links, which replacing it would break`, nl: `het heeft ${existing.nlink} harde links, en vervangen zou die verbreken` }), say({ en: "write to a copy and copy it back over the file (cp keeps its links)", nl: "schrijf naar een kopie en kopieer die terug over het bestand (cp houdt de links heel)" }));
  }
  if ((existing.mode & 0o222) === 0) throw fail(say({ en: "the file is read-only", nl: "het bestand is alleen-lezen" }), say({ en: `make it writable (chmod u+w ${target}) if you mean to change it`, nl: `maak het schrijfbaar (chmod u+w ${target}) als je het wilt wijzigen` }));
}

async function refuseIfChanged(target: string, before: Stats | null, expected: Uint8Array, fail: (reason: string, hint?: string) => UsageError): Promise<void> {
  const now = await stat(target).catch(() => null);
  const same = now !== null && before !== null && now.ino === before.ino && now.dev === before.dev
    && now.size === expected.length && Buffer.from(await readFile(target)).equals(expected);
  if (!same) throw fail(say({ en: "it changed while distplan was working on it; it is left as it is", nl: "het is gewijzigd terwijl distplan ermee bezig was; het blijft zoals het is" }), say({ en: "run the command again", nl: "draai het commando opnieuw" }));
}
