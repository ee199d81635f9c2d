// npm run bench: the project's benchmark, measuring the speed targets of issue #20 as written.
// Not a test: it prints figures and asserts nothing (the exit code is 0 whatever it measures).
//
// Every process is spawned with a clean environment (only PATH, HOME and LANG: a variable such as
// NODE_EXTRA_CA_CERTS can triple `node -e 0` and hide the CLI's own cost). Two commands that are
// compared run as interleaved pairs (A B A B ...), so a burst of load on the machine hits both; a
// ratio is the median of A over the median of B. Peak memory (max RSS) is read from
// `/usr/bin/time -v` when it exists; otherwise from a preloaded script that reports
// process.resourceUsage().maxRSS at exit (the same kernel figure; the preload itself adds a little).
//
// BENCH_RUNS=n sets the pairs for the start-up rows (default 31); BENCH_BIG_RUNS=n the pairs for
// the large rows (default 5).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, ".bench");
mkdirSync(out, { recursive: true });
await build({ entryPoints: [join(root, "scripts/synthetic.ts")], outdir: out, bundle: true, format: "esm", platform: "node", outExtension: { ".js": ".mjs" }, logLevel: "error" });
const { syntheticModel } = await import(join(out, "synthetic.mjs"));

const node = process.execPath;
const bin = join(root, "bin/distplan.js");
const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: process.env.HOME ?? "/", LANG: process.env.LANG ?? "C.UTF-8" };
const runs = Number(process.env.BENCH_RUNS ?? 31);
const bigRuns = Number(process.env.BENCH_BIG_RUNS ?? 5);

/** Wall time of one process, in ms; its output is read and dropped. Exit 0 or 1 is fine. */
function time(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(node, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const rssProbe = join(out, "rss-probe.cjs");
writeFileSync(rssProbe, 'process.on("exit", () => { require("node:fs").writeSync(3, String(process.resourceUsage().maxRSS)); });\n');
const gnuTime = existsSync("/usr/bin/time") && spawnSync("/usr/bin/time", ["-v", "true"], { env }).status === 0;

/** Peak resident memory of one process, in MB. */
function peakRss(args) {
  if (gnuTime) {
    const r = spawnSync("/usr/bin/time", ["-v", node, ...args], { cwd: root, env, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 1 << 24 });
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
    if (kb) return Number(kb[1]) / 1024;
  }
  const r = spawnSync(node, ["-r", rssProbe, ...args], { cwd: root, env, stdio: ["ignore", "ignore", "ignore", "pipe"], encoding: "utf8", maxBuffer: 1 << 24 });
  return Number(r.output[3]) / 1024;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Interleaved pairs of A and B (after one unmeasured run of each): medians and their ratio. */
function pair(a, b, n) {
  time(a);
  time(b);
  const ta = [];
  const tb = [];
  for (let i = 0; i < n; i++) {
    ta.push(time(a));
    tb.push(time(b));
  }
  return { a: median(ta), b: median(tb), ratio: median(ta) / median(tb) };
}

const rows = [];
const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);
const write = (name, text) => {
  const file = join(out, name);
  writeFileSync(file, text);
  return file;
};

// 1. Cold start of a whole report, and of --version, against bare node.
const bare = ["-e", "0"];
const report = pair([bin, "report", "examples/voorbeeld.yaml"], bare, runs);
rows.push({ figure: "`report examples/voorbeeld.yaml` / `node -e 0`", value: `${report.ratio.toFixed(2)}×`, detail: `${ms(report.a)} vs ${ms(report.b)}`, target: "≤ 2.0×", ok: report.ratio <= 2.0 });
const version = pair([bin, "--version"], bare, runs);
rows.push({ figure: "`distplan --version` / `node -e 0`", value: `${version.ratio.toFixed(2)}×`, detail: `${ms(version.a)} vs ${ms(version.b)}`, target: "≤ 1.3×", ok: version.ratio <= 1.3 });

// 2. The synthetic plan: every channel in every segment's mix, 10-decimal shares, all scenarios
// as a table, whole process. Then 4× the segments against 1×.
const shape = { segments: 200, channels: 12, years: 10, scenarios: 25 };
const small = write("plan-200.yaml", syntheticModel(shape));
const large = write("plan-800.yaml", syntheticModel({ ...shape, segments: 4 * shape.segments }));
const planArgs = (file) => [bin, "report", file, "--scenario", "all"];
const plans = pair(planArgs(large), planArgs(small), bigRuns);
const rss = Math.max(...[0, 1, 2].map(() => peakRss(planArgs(small))));
rows.push({ figure: "200 seg × 12 ch × 10 yr × 25 scen, `report --scenario all`, table, whole process", value: `${ms(plans.b)}, ${rss.toFixed(0)} MB`, detail: `peak RSS by ${gnuTime ? "/usr/bin/time -v" : "process.resourceUsage()"}`, target: "≤ 2 s, ≤ 1 GB", ok: plans.b <= 2000 && rss <= 1024 });
rows.push({ figure: "4× the segments / 1×", value: `${plans.ratio.toFixed(2)}×`, detail: `${ms(plans.a)} vs ${ms(plans.b)}`, target: "≤ 4.4×", ok: plans.ratio <= 4.4 });

// 3. check of 50 model files in one call against check of one of them. Each file has a seed of its
// own: the same shape as the example (6 segments, 3 channels, 5 years, 2 scenarios, about 2.5 KB),
// different figures, so no two files are alike and no cache of a result could serve another file.
const files = Array.from({ length: 50 }, (_, i) => write(`check-${String(i).padStart(2, "0")}.yaml`, syntheticModel({ segments: 6, channels: 3, years: 5, scenarios: 2 }, i + 1)));
const check = pair([bin, "check", ...files], [bin, "check", files[0]], runs);
rows.push({ figure: "`check` of 50 model files in one call / `check` of one", value: `${check.ratio.toFixed(2)}×`, detail: `${ms(check.a)} vs ${ms(check.b)}`, target: "≤ 3×", ok: check.ratio <= 3 });

// 4. Issue #13: sensitivity of NPV to every input of the complete example, whole process.
const sens = pair([bin, "sensitivity", "examples/voorbeeld.yaml"], bare, bigRuns);
rows.push({ figure: "`sensitivity examples/voorbeeld.yaml` (every input), whole process", value: ms(sens.a), detail: `${sens.ratio.toFixed(1)}× \`node -e 0\` (${ms(sens.b)})`, target: "≤ 1.5 s", ok: sens.a <= 1500 });

// 5. Issue #13: diff with six changed assumptions, split over them with Shapley values (2^6 plans).
const sixEdits = [["partner_margin: 25%", "partner_margin: 27%"], ["churn: 18%", "churn: 15%"], ["discount_rate: 8%", "discount_rate: 9%"], ["revenue_per_customer: 3600", "revenue_per_customer: 3900"], ["service_cost: 300", "service_cost: 280"], ["acquisition_cost: 1200", "acquisition_cost: 1500"]];
const six = write("voorbeeld-6.yaml", sixEdits.reduce((text, [from, to]) => text.replace(from, to), readFileSync(join(root, "examples/voorbeeld.yaml"), "utf8")));
const attribution = pair([bin, "diff", "examples/voorbeeld.yaml", six], bare, bigRuns);
rows.push({ figure: "`diff` of the complete example with 6 changed assumptions (attribution), whole process", value: ms(attribution.a), detail: `${attribution.ratio.toFixed(1)}× \`node -e 0\``, target: "≤ 1 s", ok: attribution.a <= 1000 });

// 6. Issue #14: the tier review of 100,000 partners, whole process.
const partnerRows = ["id,name,revenue,certified,specialisations,tier,missed"];
for (let i = 0; i < 100_000; i++) partnerRows.push(`p${i},Partner ${i},${(i * 7919) % 600_000},${1 + (i % 6)},${i % 3 ? "heat pumps" : "heat pumps|hybrid systems"},${["registered", "silver", "gold"][i % 3]},${i % 2}`);
const partnersCsv = write("partners-100k.csv", `${partnerRows.join("\n")}\n`);
const classify = pair([bin, "partners", "classify", partnersCsv, "--model", "examples/installer-tiers.yaml"], bare, bigRuns);
rows.push({ figure: "`partners classify` of 100,000 partners, whole process", value: ms(classify.a), detail: `${classify.ratio.toFixed(1)}× \`node -e 0\``, target: "≤ 2 s", ok: classify.a <= 2000 });

// 7. Issue #17: the optimal mix of the complete example (HiGHS loaded from its WebAssembly), whole process.
const optimise = pair([bin, "optimise", "examples/voorbeeld.yaml", "--no-checks"], bare, bigRuns);
rows.push({ figure: "`optimise examples/voorbeeld.yaml --no-checks` (LP by HiGHS, optimum by the engine, compare), whole process", value: ms(optimise.a), detail: `${optimise.ratio.toFixed(1)}× \`node -e 0\``, target: "≤ 1.5 s", ok: optimise.a <= 1500 })
// 8. Issue #17: 10,000 draws of the complete example with ranges, whole process.
const simulate = pair([bin, "simulate", "examples/voorbeeld-ranges.yaml"], bare, bigRuns);
rows.push({ figure: "`simulate examples/voorbeeld-ranges.yaml` (10,000 draws), whole process", value: ms(simulate.a), detail: `${simulate.ratio.toFixed(1)}× \`node -e 0\``, target: "≤ 5 s", ok: simulate.a <= 5000 });
// 9. Issue #16: the Excel workbook of the complete example's comparison (exceljs is loaded for it
// alone, from dist/xlsx.cjs), whole process.
const workbook = pair([bin, "compare", "examples/voorbeeld.yaml", "--format", "xlsx", "-o", join(out, "voorbeeld.xlsx")], bare, bigRuns);
rows.push({ figure: "`compare examples/voorbeeld.yaml --format xlsx -o FILE`, whole process", value: ms(workbook.a), detail: `${workbook.ratio.toFixed(1)}× \`node -e 0\``, target: "≤ 1 s", ok: workbook.a <= 1000 });

const version_ = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
console.log(`distplan ${version_} · node ${process.version} · ${runs} pairs (start-up, check), ${bigRuns} pairs (synthetic plan) · medians\n`);
console.log("| figure | measured | target | met | medians |");
console.log("| --- | --- | --- | --- | --- |");
for (const r of rows) console.log(`| ${r.figure} | ${r.value} | ${r.target} | ${r.ok ? "yes" : "NO"} | ${r.detail} |`);
