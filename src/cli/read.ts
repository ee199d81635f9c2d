// Reading a model's bytes, bounded: at most MAX_FILE_BYTES + 1 bytes are ever read, from a file,
// a device (/dev/zero), a FIFO or standard input ("-"), in chunks; one byte more than the limit
// means "too large". The size from `stat` is not trusted (it is 0 for devices and pipes).
// Errors of the file system become issues; anything else is a bug and propagates. The shell's
// side of loading: src/model never touches the file system or the process.
import { open, readdir } from "node:fs/promises";
import { join } from "node:path";
import { MAX_FILE_BYTES } from "../model/parse.js";
import { error, type Issue } from "../model/issues.js";
import { fromIssue, loadModelBytes, type LoadedModel } from "../model/load.js";
import { say } from "./words.js";

/** The model path that means standard input, and its name in messages. */
export const STDIN_PATH = "-";
export const STDIN_SOURCE = "<stdin>";

export const sourceName = (path: string) => (path === STDIN_PATH ? STDIN_SOURCE : path);

export type ReadResult = { readonly bytes: Buffer } | { readonly issue: Issue };

const CHUNK = 64 * 1024;

/** The bytes of `path` (or of standard input for "-"), or the issue that stopped the read. */
export async function readModelInput(path: string, limit = MAX_FILE_BYTES): Promise<ReadResult> {
  try {
    const bytes = path === STDIN_PATH ? await readStdin(limit) : await readPath(path, limit);
    return bytes === null ? { issue: error("FILE_TOO_LARGE", [], { limit }) } : { bytes };
  } catch (e) {
    const issue = await readIssue(path, e);
    if (issue) return { issue };
    throw e;
  }
}

async function readPath(path: string, limit: number): Promise<Buffer | null> {
  const handle = await open(path, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(Math.min(CHUNK, limit + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return null;
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

async function readStdin(limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    total += buffer.length;
    if (total > limit) {
      process.stdin.destroy();
      return null;
    }
  }
  return Buffer.concat(chunks, total);
}

/** A file-system error as an issue: not found, a directory, or not readable; null for a bug. */
async function readIssue(path: string, e: unknown): Promise<Issue | null> {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== "string" || !/^E[A-Z0-9]+$/.test(code)) return null;
  const file = sourceName(path);
  if (code === "ENOENT" || code === "ENOTDIR") return error("FILE_NOT_FOUND", [], { file, reason: say({ en: "no such file", nl: "het bestand bestaat niet" }) });
  if (code === "EISDIR") return error("FILE_IS_DIRECTORY", [], { file, example: await modelInside(path) });
  if (code === "EACCES" || code === "EPERM") return error("FILE_NOT_READABLE", [], { file, reason: say({ en: "permission denied", nl: "geen toegang" }) });
  const message = (e as Error).message.replace(/^[A-Z0-9]+: /, "").replace(/, (open|read) .*$/, "");
  return error("FILE_NOT_READABLE", [], { file, reason: message });
}

/** For the hint of a directory: a model file inside it, or the default name. */
async function modelInside(dir: string): Promise<string> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const model = names.filter((n) => /\.ya?ml$/.test(n) && !n.startsWith(".")).sort()[0];
  return join(dir, model ?? "distplan.yaml");
}

/**
 * Read a model file (or standard input for "-", named <stdin>), bounded by the size limit, and
 * load it; a failure to read becomes an issue (FILE_NOT_FOUND, FILE_IS_DIRECTORY,
 * FILE_NOT_READABLE, FILE_TOO_LARGE), never an exception.
 */
export async function readModelFile(path: string): Promise<LoadedModel> {
  const read = await readModelInput(path);
  const source = sourceName(path);
  return "issue" in read ? fromIssue(source, read.issue) : loadModelBytes(read.bytes, source);
}
