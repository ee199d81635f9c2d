// The few sentences the command-line shell writes itself (the summary under a model's errors,
// an internal error), in the language of the run. Report labels live in the render catalogues,
// issue texts in src/model.
import { activeLanguage } from "./language.js";

interface Words {
  readonly hint: string;
  errors(n: number): string;
  suppressed(n: number, shown: number): string;
  readonly internal: string;
  readonly debugHint: string;
}

const EN: Words = {
  hint: "hint:",
  errors: (n) => `${n} error${n === 1 ? "" : "s"}`,
  suppressed: (n, shown) => ` (${n} more YAML error${n === 1 ? "" : "s"} suppressed: they follow from the one${shown === 1 ? "" : "s"} shown)`,
  internal: "distplan: internal error:",
  debugHint: "run again with --debug for the stack trace, and please report it",
};

const NL: Words = {
  hint: "tip:",
  errors: (n) => `${n} fout${n === 1 ? "" : "en"}`,
  suppressed: (n, shown) => ` (nog ${n} YAML-fout${n === 1 ? "" : "en"} niet getoond: ze volgen uit de getoonde${shown === 1 ? "" : " fouten"})`,
  internal: "distplan: interne fout:",
  debugHint: "draai opnieuw met --debug voor de stack trace, en meld het alsjeblieft",
};

export const words = (): Words => (activeLanguage() === "nl" ? NL : EN);

/** A sentence of the shell in the run's language: both spellings side by side where it is said. */
export const say = (text: { readonly en: string; readonly nl: string }): string => text[activeLanguage()];
