// views/: one file per view (report, allocations, compare, …). Each builds a ReportDocument
// (document.ts): sections, tables with column alignment, rows with a role, cells of message keys,
// model text and typed values; plus, for the machine formats, its records (csv) and its
// documented record tree (json). No digits grouped, no colour, no padding, no language.
// May import: money/, model/, engine/, diff/.
export * from "./document.js";
export type { MessageKey } from "./messages.js";
export { reportView, reportRecords, reportData } from "./report.js";
export { allocationsView, allocationsRecords, allocationsData } from "./allocations.js";
export { compareView, compareRecords, compareData } from "./compare.js";
export { checkView, checkData, fileStatus, type CheckedFile } from "./check.js";
export { textconvView } from "./textconv.js";
export { issuesView, sortedIssues, issuePosition } from "./issues.js";
export { diffView, diffData, isEmptyDiff, type ModelDiff } from "./diff.js";
