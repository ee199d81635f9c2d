// Just enough globbing for `distplan check 'models/*.yaml'` when the shell did not expand it
// (quoted in CI config, or on Windows): *, ?, [abc], [a-z], [!a] and ** in path segments. Matches
// are sorted. A directory reached through a symlink is never entered by a wildcard (one
// `ln -s . loop` would otherwise visit every file again and again), and a file reached twice
// (two names, or a symlink to a file) is listed once. A malformed pattern is a usage error.
import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { UsageError } from "./errors.js";
import { say } from "./words.js";

export const hasGlob = (pattern: string) => /[*?[]/.test(pattern);

/** Model arguments with their globs expanded; a glob that matches nothing is a usage error. */
export function expandPatterns(args: readonly string[]): string[] {
  const paths: string[] = [];
  for (const arg of args) {
    // A file that exists under this very name is itself, even with [ or * in it (plan[1].yaml).
    if (!hasGlob(arg) || existsSync(arg)) { paths.push(arg); continue; }
    const matches = expandGlob(arg);
    if (matches.length === 0) {
      throw new UsageError(
        say({ en: `no model files match '${arg}'`, nl: `geen modelbestanden passen bij '${arg}'` }),
        say({ en: "check the pattern, or quote it so distplan expands it (e.g. 'models/*.yaml')", nl: "controleer het patroon, of zet het tussen aanhalingstekens zodat distplan het uitvouwt (bijv. 'models/*.yaml')" }),
      );
    }
    paths.push(...matches);
  }
  return [...new Set(paths)];
}

const badPattern = (pattern: string, why: string) =>
  new UsageError(say({ en: `'${pattern}' is not a valid glob: ${why}`, nl: `'${pattern}' is geen geldige glob: ${why}` }), say({ en: "use *, ?, ** and classes such as [abc] or [a-z]; write [[] for a literal [", nl: "gebruik *, ?, ** en klassen zoals [abc] of [a-z]; schrijf [[] voor een letterlijke [" }));

function segmentRegExp(segment: string, pattern: string): RegExp {
  let body = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "*") body += "[^/]*";
    else if (c === "?") body += "[^/]";
    else if (c === "[") {
      const close = segment.indexOf("]", i + 2);
      if (close < 0) throw badPattern(pattern, say({ en: "a '[' without its ']'", nl: "een '[' zonder ']'" }));
      let inner = [...segment.slice(i + 1, close)];
      const negate = inner[0] === "!" || inner[0] === "^";
      if (negate) inner = inner.slice(1);
      if (inner.length === 0) throw badPattern(pattern, say({ en: "an empty [ ]", nl: "een lege [ ]" }));
      let cls = "";
      for (let k = 0; k < inner.length; k++) {
        const from = inner[k]!;
        if (inner[k + 1] === "-" && k + 2 < inner.length) {
          const to = inner[k + 2]!;
          if (from.codePointAt(0)! > to.codePointAt(0)!) throw badPattern(pattern, say({ en: `the range ${from}-${to} runs backwards`, nl: `het bereik ${from}-${to} loopt achteruit` }));
          cls += `${escapeClass(from)}-${escapeClass(to)}`;
          k += 2;
        } else cls += escapeClass(from);
      }
      body += `[${negate ? "^" : ""}${cls}]`;
      i = close;
    } else body += c.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${body}$`, "u");
}

const escapeClass = (c: string) => c.replace(/[\\\]^-]/g, "\\$&");

export function expandGlob(pattern: string): string[] {
  const segments = pattern.split("/").filter((s, i) => s !== "" || i === 0);
  const matchers = segments.map((s) => (hasGlob(s) && s !== "**" ? segmentRegExp(s, pattern) : null));
  const results: string[] = [];
  const walk = (dir: string, i: number): void => {
    if (i === segments.length) {
      results.push(dir);
      return;
    }
    const segment = segments[i]!;
    if (segment === "") return walk("/", i + 1);
    if (!hasGlob(segment)) return walk(dir === "" ? segment : join(dir, segment), i + 1);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir === "" ? "." : dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    const path = (entry: Dirent) => (dir === "" ? entry.name : join(dir, entry.name));
    if (segment === "**") {
      walk(dir, i + 1);
      // Dirent types come from lstat: a symlink to a directory is not a directory here.
      for (const entry of entries) if (!entry.name.startsWith(".") && entry.isDirectory()) walk(path(entry), i);
      return;
    }
    const re = matchers[i]!;
    const last = i === segments.length - 1;
    for (const entry of entries) {
      if (entry.name.startsWith(".") && !segment.startsWith(".")) continue;
      if (!re.test(entry.name)) continue;
      if (!last && !entry.isDirectory()) continue; // a wildcard never leads through a symlink
      walk(path(entry), i + 1);
    }
  };
  walk("", 0);
  const seen = new Set<string>();
  const files: string[] = [];
  for (const path of [...new Set(results)].sort()) {
    if (isDirectory(path)) continue;
    const identity = realPath(path);
    if (seen.has(identity)) continue;
    seen.add(identity);
    files.push(path);
  }
  return files;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
