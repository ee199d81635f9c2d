// The one place that looks at the terminal: colour (chalk's detection, NO_COLOR, FORCE_COLOR,
// --color/--no-color) and width. Renderers get the answer as options.
import type * as ChalkModule from "chalk";
import { KNOWN_STYLES, numberStyle, plainPaint, type NumberStyle, type Paint, type Unit } from "../render/format.js";
import { UsageError } from "./errors.js";
import { stdoutReaderGone } from "./io-errors.js";
import { activeLanguage } from "./language.js";
import { say, words } from "./words.js";

export interface GlobalOptions {
  readonly color?: boolean;
  readonly debug?: boolean;
}

/** The output options of a command that writes a table and its records (csv). */
export interface TableOutputOptions extends GlobalOptions {
  readonly csvDelimiter?: string;
  readonly bom?: boolean;
  readonly locale?: string;
  readonly width?: string;
  readonly ascii?: boolean;
  readonly unit?: Unit | "auto";
}

let chalk: typeof ChalkModule | undefined;

/**
 * Loads chalk when colour is possible at all: --color, FORCE_COLOR, or a terminal on stdout or
 * stderr. chalk's colour detection loads node:tty, 1.5 ms of a cold start; without any of those
 * it answers "no colour" anyway (supports-color: not a TTY and no FORCE_COLOR is level 0), so a
 * pipe gets the same answer without asking. Called by main (and by init, a bundle of its own)
 * before anything is painted.
 */
export async function loadColour(argv: readonly string[]): Promise<void> {
  if (chalk) return;
  const terminal = !noColor() && (process.stdout.isTTY === true || process.stderr.isTTY === true);
  const possible = argv.includes("--color") || process.env.FORCE_COLOR !== undefined || terminal;
  if (possible) chalk = await import("chalk");
}

function makePaint(enabled: boolean): Paint {
  if (!enabled || !chalk) return plainPaint;
  const c = new chalk.Chalk({ level: 1 });
  return { red: c.red, green: c.green, yellow: c.yellow, dim: c.dim, bold: c.bold };
}

/** NO_COLOR set and not empty (no-color.org): no colour unless --color or FORCE_COLOR asks. */
const noColor = () => (process.env.NO_COLOR ?? "") !== "" && process.env.FORCE_COLOR === undefined;

/** Colour for stdout (`stream = "stdout"`) or for diagnostics on stderr. */
export function paintForStream(options: GlobalOptions, stream: "stdout" | "stderr" = "stdout"): Paint {
  if (options.color === true) return makePaint(true);
  // chalk's detection honours FORCE_COLOR but not NO_COLOR, which the README promises.
  if (options.color === false || !chalk || noColor()) return plainPaint;
  const detected = stream === "stdout" ? chalk.supportsColor : chalk.supportsColorStderr;
  return makePaint(detected !== false && detected.level > 0);
}

export const stdoutPaint = (options: GlobalOptions) => paintForStream(options, "stdout");
export const stderrPaint = (options: GlobalOptions) => paintForStream(options, "stderr");

/**
 * The width tables must fit: --width, else the terminal's, else COLUMNS (also when piped, so
 * `COLUMNS=200 distplan report … | less` is wide), else 80. Never below 40.
 */
export function terminalWidth(requested?: string): number {
  if (requested !== undefined) return Math.max(40, Number.parseInt(requested, 10) || 80);
  if (process.stdout.isTTY && process.stdout.columns) return process.stdout.columns;
  const columns = /^\d+$/.test(process.env.COLUMNS ?? "") ? Number(process.env.COLUMNS) : 0;
  return columns > 0 ? Math.max(40, columns) : 80;
}

export function writeOut(text: string): void {
  if (text && !stdoutReaderGone()) process.stdout.write(text);
}

/** A usage error as printed: `distplan: message` and its hint on a line of its own. */
export function usageErrorText(e: { readonly message: string; readonly hint?: string }, paint: Paint): string {
  return `${paint.red("distplan:")} ${e.message}\n${e.hint ? `  ${paint.dim(words().hint)} ${e.hint}\n` : ""}`;
}

export function writeErr(text: string): void {
  if (text) process.stderr.write(text);
}

/** Unicode glyphs unless asked not to, or the locale says the terminal is not UTF-8. */
export function wantsAscii(flag: boolean | undefined): boolean {
  if (flag) return true;
  const locale = process.env.LC_ALL || process.env.LC_CTYPE || process.env.LANG || "";
  // No locale, C or POSIX (usual in CI): Unicode, which nearly every terminal shows today.
  return locale !== "" && locale !== "C" && locale !== "POSIX" && !/utf-?8/i.test(locale);
}

/**
 * The number style of a --locale, or a usage error for a tag Intl does not accept. Without
 * --locale, Dutch (--lang nl) writes numbers the Dutch way (nl-NL), English plainly.
 */
export function localeStyle(locale: string | undefined): NumberStyle {
  if (locale === undefined) return numberStyle(activeLanguage() === "nl" ? "nl-NL" : undefined);
  if (Object.hasOwn(KNOWN_STYLES, locale)) return numberStyle(locale);
  try {
    Intl.getCanonicalLocales(locale);
  } catch {
    throw new UsageError(say({ en: `--locale ${locale} is not a BCP 47 language tag`, nl: `--locale ${locale} is geen BCP 47-taalcode` }), say({ en: "write it like nl-NL, de-DE or en-GB", nl: "schrijf het als nl-NL, de-DE of en-GB" }));
  }
  return numberStyle(locale);
}
