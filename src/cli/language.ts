// The language a person reads distplan in: --lang, else the locale of messages in the
// environment (LC_ALL, then LC_MESSAGES, then LANG: nl_NL.UTF-8 → Dutch), else English. Only
// what a person reads changes; model files, ids, JSON keys and codes stay as they are.
import { useIssueLanguage, type Language } from "../model/issues.js";
import { en } from "../render/messages/en.js";
import { useMessages } from "../render/text.js";
import { useDutchReasons } from "./io-errors.js";

export const LANGUAGES: readonly Language[] = ["en", "nl"];

let current: Language = "en";

/** The language chosen for this run (English until the CLI has chosen). */
export const activeLanguage = (): Language => current;

/** POSIX order: the first of LC_ALL, LC_MESSAGES, LANG that is set decides. */
export function environmentLanguage(env: NodeJS.ProcessEnv): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^nl([_.@-]|$)/i.test(locale) ? "nl" : "en";
}

/**
 * `--lang X` or `--lang=X` among the options (before a `--`), read before commander parses, so
 * help texts and parse errors are in that language too. An unknown value is left to commander,
 * which refuses it with the allowed choices.
 */
export function languageArgument(argv: readonly string[]): Language | undefined {
  const end = argv.includes("--") ? argv.indexOf("--") : argv.length;
  let found: string | undefined;
  for (let i = 0; i < end; i++) {
    const a = argv[i]!;
    if (a === "--lang") found = argv[i + 1];
    else if (a.startsWith("--lang=")) found = a.slice("--lang=".length);
  }
  return LANGUAGES.find((l) => l === found);
}

/** Every text from here on in `language`: report labels and the issues of a model. */
export async function useLanguage(language: Language): Promise<void> {
  current = language;
  useDutchReasons(language === "nl");
  if (language === "nl") {
    const [{ nl }, { TEMPLATES_NL }] = await Promise.all([import("../render/messages/nl.js"), import("../model/issues-nl.js")]);
    useMessages(nl);
    useIssueLanguage("nl", TEMPLATES_NL);
  } else {
    useMessages(en);
    useIssueLanguage("en");
  }
}
