// One engine measurement in a fresh process: load + validate + project every scenario of a
// synthetic model, then report times and the process's peak memory (max RSS) as JSON.
import { loadModelText } from "../src/model/load.js";
import { projectScenarios } from "../src/engine/projection.js";
import { syntheticModel } from "./synthetic.js";

const [segments, channels, years, scenarios] = process.argv.slice(2).map(Number) as [number, number, number, number];
const text = syntheticModel({ segments, channels, years, scenarios });
const t0 = process.hrtime.bigint();
const loaded = loadModelText(text, "synthetic.yaml");
const t1 = process.hrtime.bigint();
if (loaded.scenarios.length === 0) throw new Error(JSON.stringify(loaded.issues.slice(0, 3)));
const projection = projectScenarios(loaded.scenarios);
const t2 = process.hrtime.bigint();
const cells = projection.scenarios.reduce((n, s) => n + s.years.reduce((m, y) => m + Object.values(y.channels).reduce((k, c) => k + Object.keys(c.segments).length, 0), 0), 0);
process.stdout.write(JSON.stringify({
  bytes: text.length,
  loadMs: Number(t1 - t0) / 1e6,
  projectMs: Number(t2 - t1) / 1e6,
  cells,
  maxRssMB: process.resourceUsage().maxRSS / 1024,
}) + "\n");
