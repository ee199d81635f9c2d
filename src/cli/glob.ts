// Just enough globbing for `distplan check 'models/*.yaml'` when the shell did not expand it
// (quoted in CI config, or on Windows): *, ? and ** in path segments. Matches are sorted.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const hasGlob = (pattern: string) => /[*?[]/.test(pattern);

function segmentRegExp(segment: string): RegExp {
  const body = segment.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]");
  return new RegExp(`^${body}$`);
}

export function expandGlob(pattern: string): string[] {
  const absolute = pattern.startsWith("/");
  const segments = pattern.split("/").filter((s, i) => s !== "" || i === 0);
  const results: string[] = [];
  const walk = (dir: string, i: number): void => {
    if (i === segments.length) {
      results.push(dir);
      return;
    }
    const segment = segments[i]!;
    if (segment === "") return walk("/", i + 1);
    if (!hasGlob(segment)) return walk(dir === "" ? segment : join(dir, segment), i + 1);
    let entries: string[];
    try {
      entries = readdirSync(dir === "" ? "." : dir).sort();
    } catch {
      return;
    }
    if (segment === "**") {
      walk(dir, i + 1);
      for (const entry of entries) {
        const path = dir === "" ? entry : join(dir, entry);
        if (!entry.startsWith(".") && isDirectory(path)) walk(path, i);
      }
      return;
    }
    const re = segmentRegExp(segment);
    for (const entry of entries) {
      if (entry.startsWith(".") && !segment.startsWith(".")) continue;
      if (re.test(entry)) walk(dir === "" ? entry : join(dir, entry), i + 1);
    }
  };
  walk(absolute ? "" : "", 0);
  return [...new Set(results.filter((p) => !isDirectory(p)))].sort();
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
