// money/: exact numbers, the floor under every other layer. The only module that imports
// decimal.js (a Decimal clone at 40 digits, D() from text, sum, cents, largest remainder), and
// scaled.ts: the same arithmetic on BigInt mantissas, for the engine's hot loop.
// May import: nothing of ours.
export * from "./decimal.js";
export * from "./scaled.js";
