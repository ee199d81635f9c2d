// diff/: two versions of a model → the assumptions that changed (by id-addressed path, by
// meaning) and their impact on results, checks and lints. Beside the engine, which it runs.
// May import: money/, model/, engine/.
export { diffAssumptions, type AssumptionChange } from "./assumptions.js";
export { diffImpact, type Impact } from "./impact.js";
