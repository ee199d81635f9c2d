// money/: exact numbers, the floor under every other layer. The only module that imports
// decimal.js (a Decimal clone at 40 digits, D() from text, sum, cents, largest remainder).
// May import: nothing of ours.
export * from "./decimal.js";
