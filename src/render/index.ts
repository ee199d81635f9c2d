// render/: one file per format, each rendering any ReportDocument — table.ts (terminal: the block
// rule, units, colour, ASCII), markdown.ts, csv.ts (a view's records), json.ts (a view's record
// tree). Labels come from a catalogue by key (messages/en.ts). format.ts holds the number and
// escaping helpers they share; grid.ts lays out aligned columns.
// May import: money/, model/, engine/, diff/, views/. No process, console or chalk: the CLI
// passes colour (a Paint), width, unit and locale in.
export { renderTerminal, type TerminalOptions } from "./table.js";
export { renderMarkdown, type MarkdownOptions } from "./markdown.js";
export { renderCsv } from "./csv.js";
export { renderJson } from "./json.js";
export { checksAsJunit } from "./junit.js";
export { checksAsGithub } from "./github.js";
export { en } from "./messages/en.js";
