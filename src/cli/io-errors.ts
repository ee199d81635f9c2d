// Failures of the process's own output and of the file system, in words: one line each, never a
// stack. Imports nothing, so main can install the output guard before anything else loads.

/**
 * Output failures, handled once for the whole process (main calls this first). A reader that
 * stopped early (EPIPE: `distplan report | head -1`) ends the output quietly: nothing more is
 * written, no message, and the exit code is the command's own (0 for a report; a failed `check`
 * piped into `head` still exits 1, so a CI gate cannot pass by accident). Any other failure to
 * write standard output (a full disk: `> /dev/full`) is one line on stderr and exit 2. A failing
 * stderr has nowhere left to report to: the exit code still tells. (A closed stdout cannot be
 * seen: Node opens /dev/null in its place before distplan starts, so the output is discarded.)
 */
export function guardOutput(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE" || readerGone) {
      readerGone = true;
      return;
    }
    try {
      process.stderr.write(`${dutch ? "distplan: kan niet naar de standaarduitvoer schrijven" : "distplan: cannot write standard output"}: ${errnoReason(e)}\n`);
    } finally {
      process.exit(2);
    }
  });
  process.stderr.on("error", () => undefined);
}
let guarded = false;
let readerGone = false;

/** True once the reader of standard output has gone (EPIPE): writing more is pointless. */
export const stdoutReaderGone = () => readerGone;

/**
 * Dutch for the sentences of this module, switched on by useLanguage (src/cli/language.ts): this
 * module imports nothing, so it is told rather than asking.
 */
let dutch = false;
export const useDutchReasons = (on: boolean): void => {
  dutch = on;
};

const DUTCH_REASONS: Readonly<Record<string, string>> = {
  ENOSPC: "geen ruimte meer op het apparaat",
  EDQUOT: "schijfquotum overschreden",
  EACCES: "geen toegang",
  EPERM: "bewerking niet toegestaan",
  EROFS: "alleen-lezen bestandssysteem",
  EISDIR: "het is een map",
  ENOENT: "bestand of map bestaat niet",
  ENOTDIR: "een deel van het pad is geen map",
  EBADF: "de stroom is gesloten",
  EIO: "invoer-/uitvoerfout",
};

/** An errno error in words, without the path or syscall Node puts in its message. */
export function errnoReason(e: NodeJS.ErrnoException): string {
  const words: Record<string, string> = dutch ? DUTCH_REASONS : {
    ENOSPC: "no space left on the device",
    EDQUOT: "disk quota exceeded",
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    EROFS: "read-only file system",
    EISDIR: "it is a directory",
    ENOENT: "no such file or directory",
    ENOTDIR: "a part of the path is not a directory",
    EBADF: "the stream is closed",
    EIO: "input/output error",
  };
  return (e.code && words[e.code]) ?? e.message.replace(/^[A-Z0-9]+: /, "").replace(/, \w+ .*$/, "");
}

export const isErrnoError = (e: unknown): e is NodeJS.ErrnoException =>
  e instanceof Error && typeof (e as NodeJS.ErrnoException).code === "string" && /^E[A-Z0-9]+$/.test((e as NodeJS.ErrnoException).code!) && typeof (e as NodeJS.ErrnoException).syscall === "string";
