// The five `check` formats as the CLI renders them, for tests that compare their text.
import { checkData, checkView, type CheckedFile } from "../../src/views/check.js";
import { renderTerminal, DEFAULT_TERMINAL_OPTIONS } from "../../src/render/table.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { renderJson } from "../../src/render/json.js";
import { PLAIN_STYLE, type Paint } from "../../src/render/format.js";

export { checksAsJunit } from "../../src/render/junit.js";
export { checksAsGithub } from "../../src/render/github.js";
export type { CheckedFile };

export const checksAsText = (files: readonly CheckedFile[], o: { strict: boolean; paint: Paint }) =>
  renderTerminal(checkView(files, o.strict, "screen"), { ...DEFAULT_TERMINAL_OPTIONS, paint: o.paint });
export const checksAsMarkdown = (files: readonly CheckedFile[], o: { strict: boolean }) => renderMarkdown(checkView(files, o.strict, "page"), { style: PLAIN_STYLE });
export const checksAsJson = (files: readonly CheckedFile[], o: { strict: boolean }) => renderJson(checkData(files, o.strict));
