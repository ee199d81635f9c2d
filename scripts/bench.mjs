// npm run bench: the project's benchmark. Not a test: it prints figures and asserts nothing.
// (a) `distplan report` on the bundled example, as a ratio to bare `node -e 0`, interleaved runs;
// (b) engine time and peak memory on synthetic models, in fresh processes;
// (c) `distplan check` over 50 files in one call against 50 separate calls (when check exists).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, rmSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, ".bench");
mkdirSync(out, { recursive: true });
await build({ entryPoints: [join(root, "scripts/bench-engine.ts"), join(root, "scripts/synthetic.ts")], outdir: out, bundle: true, format: "esm", platform: "node", outExtension: { ".js": ".mjs" }, logLevel: "error", banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } });

const node = process.execPath;
const bin = join(root, "bin/distplan.js");
const env = { PATH: process.env.PATH, NO_COLOR: "1" };
const time = (args) => {
  const start = process.hrtime.bigint();
  const r = spawnSync(node, args, { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

// (a)
const runs = Number(process.env.BENCH_RUNS ?? 21);
const bare = [];
const report = [];
const compare = [];
time(["-e", "0"]); time([bin, "report", "examples/voorbeeld.yaml"]); // warm the file cache
for (let i = 0; i < runs; i++) {
  bare.push(time(["-e", "0"]));
  report.push(time([bin, "report", "examples/voorbeeld.yaml"]));
  compare.push(time([bin, "compare", "examples/voorbeeld.yaml"]));
}
console.log(`(a) start-up, median of ${runs} interleaved runs`);
console.log(`    node -e 0                          ${fmt(median(bare))}`);
console.log(`    distplan report voorbeeld.yaml     ${fmt(median(report))}   ${(median(report) / median(bare)).toFixed(2)}× bare node`);
console.log(`    distplan compare voorbeeld.yaml    ${fmt(median(compare))}   ${(median(compare) / median(bare)).toFixed(2)}× bare node`);

// (b)
console.log("(b) engine on synthetic models (fresh process each; load = parse + validate + normalize all scenarios)");
const sizes = [[200, 12, 10, 25], [800, 12, 10, 25]];
const results = [];
for (const size of sizes) {
  const r = spawnSync(node, [join(out, "bench-engine.mjs"), ...size.map(String)], { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(r.stderr);
  const m = JSON.parse(r.stdout);
  results.push(m);
  console.log(`    ${size.join(" × ")} (${(m.bytes / 1024).toFixed(0)} KiB, ${m.cells} cells): load ${fmt(m.loadMs)}, project ${fmt(m.projectMs)}, total ${fmt(m.loadMs + m.projectMs)}, peak RSS ${m.maxRssMB.toFixed(0)} MB`);
}
const [small, large] = results;
console.log(`    4× the size: ${((large.loadMs + large.projectMs) / (small.loadMs + small.projectMs)).toFixed(2)}× the time (linear = 4.00)`);

// (c)
const help = spawnSync(node, [bin, "--help"], { encoding: "utf8" }).stdout;
if (/^\s+check\b/m.test(help)) {
  const dir = join(out, "check50");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { syntheticModel } = await import(join(out, "synthetic.mjs"));
  const files = Array.from({ length: 50 }, (_, i) => {
    const file = join(dir, `plan-${i}.yaml`);
    writeFileSync(file, syntheticModel({ segments: 6, channels: 3, years: 5, scenarios: 2 }, i + 1));
    return file;
  });
  const one = median([0, 1, 2].map(() => time([bin, "check", ...files])));
  const many = median([0, 1, 2].map(() => files.reduce((sum, f) => sum + time([bin, "check", f]), 0)));
  console.log(`(c) check over 50 files: one call ${fmt(one)}, 50 calls ${fmt(many)} → one call costs ${(one / many * 100).toFixed(1)}% (${(many / one).toFixed(1)}× faster)`);
}
