// Writes examples/hybrid-b2b-actuals.csv from examples/hybrid-b2b.yaml (see example-actuals.ts).
// Run: node scripts/example-actuals.mjs
import { build } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// A CommonJS bundle: the generated schema validator and yaml require() their parts.
const out = join(root, "node_modules/.cache/distplan-example-actuals");
mkdirSync(out, { recursive: true });
const entry = join(out, "entry.ts");
writeFileSync(entry, `export { exampleActuals } from ${JSON.stringify(join(root, "scripts/example-actuals.ts"))};
export { loadModelText } from ${JSON.stringify(join(root, "src/model/load.ts"))};
export { projectScenarios } from ${JSON.stringify(join(root, "src/engine/projection.ts"))};
`);
await build({ entryPoints: [entry], outfile: join(out, "gen.cjs"), bundle: true, format: "cjs", platform: "node", logLevel: "error" });
const { exampleActuals, loadModelText, projectScenarios } = (await import(join(out, "gen.cjs"))).default;
const source = "examples/hybrid-b2b.yaml";
const loaded = loadModelText(readFileSync(join(root, source), "utf8"), source);
const projection = projectScenarios(loaded.scenarios);
writeFileSync(join(root, "examples/hybrid-b2b-actuals.csv"), exampleActuals(projection.scenarios[0]));
