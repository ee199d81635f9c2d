// engine/: pure arithmetic, Model → Projection (customers, cells, channels, allocation, totals,
// NPV), comparisons, checks and lints. Exact, footed to the cent, deterministic, no I/O.
// May import: money/, model/.
export { projectScenarios } from "./projection.js";
export { compareScenarios } from "./compare.js";
export { compareAllocations } from "./allocation.js";
export { checkLoadedModel } from "./check-model.js";
export type { Projection, ScenarioProjection } from "./projection-types.js";
