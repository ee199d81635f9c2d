// Issue #18: `--lang nl`. Only what a person reads changes: labels, notes, lints, issues and
// the shell's own sentences; ids, JSON keys and codes stay. The catalogues must agree key for
// key and placeholder for placeholder, or a Dutch screen would show a raw {name} or lose a figure.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers.js";
import { distplan } from "../support/cli.js";
import { en } from "../../src/render/messages/en.js";
import { nl } from "../../src/render/messages/nl.js";
import { TEMPLATES } from "../../src/model/issues.js";
import { TEMPLATES_NL } from "../../src/model/issues-nl.js";
import { environmentLanguage, languageArgument } from "../../src/cli/language.js";

const examples = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".yaml")).sort();
const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the catalogues", () => {
  it("Dutch has every English key and no other", () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });
  it("each Dutch text takes the same arguments as the English one", () => {
    const differing = Object.keys(en).filter((k) => placeholders(en[k as keyof typeof en]).join() !== placeholders(nl[k as keyof typeof nl]).join());
    expect(differing).toEqual([]);
  });
  it("no Dutch text is left in English (the same text is allowed only for symbols and templates)", () => {
    const same = Object.keys(en).filter((k) => en[k as keyof typeof en] === nl[k as keyof typeof nl] && /[a-z]{3,}/i.test(en[k as keyof typeof en].replace(/\{\w+\}/g, "")));
    // Words that are the same in both languages: scenario, horizon, service, plan, over, and
    // the command's own name.
    const alike = ["chart.column.scenario", "compare.column.scenario", "compare.horizon", "horizon.title", "diff.title.page", "line.service_costs",
      "report.title.screen", "report.title.page", "report.title.page.named", "actuals.column.plan",
      "actuals.pvm.plan", "actuals.pvm.volume", "actuals.pvm.mix", "actuals.reforecast.plan", "decide.column.tornado", "partners.column.partner",
      "xlsx.column.scenario", "xlsx.checks.scenario", "xlsx.checks.min", "xlsx.checks.max"];
    expect(same.filter((k) => !alike.includes(k))).toEqual([]);
  });
  it("every issue code has a Dutch message and hint", () => {
    expect(Object.keys(TEMPLATES_NL).sort()).toEqual(Object.keys(TEMPLATES).sort());
    // Every argument a template may read, present (a missing one would print "undefined").
    const args = new Proxy({}, { get: (_, key) => (typeof key === "string" ? `‹${key}›` : undefined), has: () => true }) as Record<string, string>;
    for (const [code, t] of Object.entries(TEMPLATES_NL)) {
      expect(t.message(args), code).not.toMatch(/undefined|\{/);
      expect(typeof t.hint(args), code).toBe("string");
    }
  });
});

describe("choosing the language", () => {
  it("follows LC_ALL, then LC_MESSAGES, then LANG", () => {
    expect(environmentLanguage({ LANG: "nl_NL.UTF-8" })).toBe("nl");
    expect(environmentLanguage({ LANG: "nl_BE.UTF-8" })).toBe("nl");
    expect(environmentLanguage({ LANG: "nl" })).toBe("nl");
    expect(environmentLanguage({ LC_ALL: "C", LANG: "nl_NL.UTF-8" })).toBe("en");
    expect(environmentLanguage({ LC_MESSAGES: "en_GB.UTF-8", LANG: "nl_NL.UTF-8" })).toBe("en");
    expect(environmentLanguage({ LC_MESSAGES: "nl_NL.UTF-8", LANG: "en_US.UTF-8" })).toBe("nl");
    expect(environmentLanguage({ LANG: "nld" })).toBe("en"); // not a Dutch locale name
    expect(environmentLanguage({})).toBe("en");
  });
  it("--lang wins over the environment, in either spelling, before a --", () => {
    expect(languageArgument(["report", "--lang", "nl"])).toBe("nl");
    expect(languageArgument(["--lang=en", "report"])).toBe("en");
    expect(languageArgument(["report", "--", "--lang", "nl"])).toBeUndefined();
    expect(languageArgument(["report", "--lang", "fr"])).toBeUndefined();
  });
  it("LANG=nl_NL gives Dutch, --lang en English again", () => {
    const dutch = distplan(["report", "examples/voorbeeld.yaml"], { env: { LANG: "nl_NL.UTF-8" } });
    expect(dutch.stdout).toContain("nettowinst");
    const english = distplan(["report", "examples/voorbeeld.yaml", "--lang", "en"], { env: { LANG: "nl_NL.UTF-8" } });
    expect(english.stdout).toContain("net profit");
    expect(english.stdout).not.toContain("nettowinst");
  });
  it("an unknown language is a usage error with the choices", () => {
    const r = distplan(["report", "examples/voorbeeld.yaml", "--lang", "nk"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Allowed choices are en, nl. Did you mean 'nl'?");
  });
});

// English labels a Dutch reader must not meet. Model text (names, descriptions, check names)
// stays as the model's author wrote it, so each run's model text is taken out first; ids such
// as contribution_margin are identifiers, not words (\b does not split them at '_').
const ENGLISH = ["revenue", "contribution", "net profit", "shared costs", "gross profit", "partner margin", "NPV", "cumulative", "thousands", "millions", "customers", "scenarios vs base", "vs base", "best:", "break-even", "check failed", "check fails", "passed", "failed", "error", "hint:", "lint", "total", "year"];
const englishIn = (text: string) => ENGLISH.filter((w) => new RegExp(`(?<![\\w-])${w}(?![\\w-])`).test(text));

function withoutModelText(text: string, file: string): string {
  // Names, descriptions and check names of the example, as its author wrote them (English).
  const model = distplan(["report", `examples/${file}`, "--format", "json", "--scenario", "all"]);
  const data = JSON.parse(model.stdout) as { model: { name: string }; scenarios: { id: string; name: string; description: string }[] };
  const texts = [data.model.name, ...data.scenarios.flatMap((s) => [s.name, s.description])].filter((t) => t && t.length > 3);
  const checks = distplan(["check", `examples/${file}`, "--format", "json"]);
  const names = (JSON.parse(checks.stdout) as { files: { checks: { name: string }[] }[] }).files.flatMap((f) => f.checks.map((c) => c.name));
  let out = text;
  for (const t of [...texts, ...names].sort((a, b) => b.length - a.length)) out = out.split(t).join("⟨model text⟩");
  // A check's condition is written with the model's metric ids ("contribution ≥ 0"), as in the file.
  // An input's path (segments.smb.churn, mix.mkb.webshop) is the model's own keys, as in the file.
  return out.replace(/\b[a-z_]+ (?=[≥≤])/g, "⟨metric⟩ ").replace(/\b[a-z][\w-]*(\.[\w-]+)+/g, "⟨path⟩");
}

describe.each(examples)("--lang nl on %s", (file) => {
  const runs = [
    ["report", "--scenario", "all"],
    ["report", "--by", "both", "--lines", "full"],
    ["report", "--allocations"],
    ["report", "--format", "md"],
    ["compare"],
    ["compare", "--format", "md"],
    ["check", "--strict"],
    ["check", "--format", "md"],
    ["optimise"],
    ["optimise", "--format", "md"],
    ["compare", "--shift"],
    ["sensitivity", "--width", "200"], // wide: a check's name (model text) stays on one line
    ["simulate", "--draws", "200"],
    ...(file === "installer-tiers.yaml" ? [["report", "--by", "tier"], ["report", "--lines", "full"]] : []),
  ];
  it.each(runs.map((r) => [r.join(" "), r] as const))("%s has no English labels", (_name, args) => {
    const [command, ...rest] = args;
    const r = distplan([command!, `examples/${file}`, ...rest, "--lang", "nl"]);
    expect([0, 1]).toContain(r.code);
    expect(englishIn(withoutModelText(r.stdout + r.stderr, file)), r.stdout).toEqual([]);
  });
});

describe("Dutch numbers and messages", () => {
  it("--lang nl writes numbers the Dutch way unless --locale says otherwise", () => {
    const r = distplan(["report", "examples/voorbeeld.yaml", "--lang", "nl", "--unit", "1"]);
    expect(r.stdout).toMatch(/\d{1,3}(\.\d{3}){2}/); // 32.136.000
    const gb = distplan(["report", "examples/voorbeeld.yaml", "--lang", "nl", "--unit", "1", "--locale", "en-GB"]);
    expect(gb.stdout).toMatch(/\d{1,3}(,\d{3}){2}/);
    expect(gb.stdout).not.toMatch(/\d{1,3}(\.\d{3}){2}/);
  });
  it("JSON keys and codes stay English", () => {
    const en = distplan(["report", "examples/voorbeeld.yaml", "--format", "json"]);
    const nlJson = distplan(["report", "examples/voorbeeld.yaml", "--format", "json", "--lang", "nl"]);
    expect(nlJson.stdout).toBe(en.stdout);
  });
  it("an invalid model's errors, hints and summary are Dutch, codes and positions unchanged", () => {
    const r = distplan(["validate", "-", "--lang", "nl"], { input: "version: 1\nname: x\nstart_year: 2027\nsegments: []\nchannels: []\nmix: {}\nchrun: 5%\n" });
    expect(r.code).toBe(2);
    expect(englishIn(r.stderr)).toEqual([]);
    expect(r.stderr).toMatch(/<stdin>:\d+:\d+: fout [A-Z_]+: /);
    expect(r.stderr).toContain("tip:");
    expect(r.stderr).toMatch(/\d+ fout(en)?\n$/);
  });
});

describe("actuals in Dutch", () => {
  it("plan vs actual, price/volume/mix and the re-forecast have no English labels", () => {
    const r = distplan(["actuals", "examples/hybrid-b2b.yaml", "examples/hybrid-b2b-actuals.csv", "--pvm", "--reforecast", "--by", "both", "--lang", "nl"]);
    expect(r.code).toBe(0);
    expect(englishIn(withoutModelText(r.stdout + r.stderr, "hybrid-b2b.yaml")), r.stdout).toEqual([]);
  });
});

describe("usage errors of the shell in Dutch", () => {
  it("an unknown scenario, a bad --set and a glob that matches nothing", () => {
    const scenario = distplan(["report", "examples/voorbeeld.yaml", "--scenario", "webshop-pus", "--lang", "nl"]);
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toBe("distplan: onbekend scenario 'webshop-pus' in examples/voorbeeld.yaml\n  tip: bedoel je 'webshop-push'?\n");
    const set = distplan(["report", "examples/voorbeeld.yaml", "--set", "churn", "--lang", "nl"]);
    expect(set.stderr).toContain("is geen PAD=WAARDE");
    const glob = distplan(["check", "nowhere/*.yaml", "--lang", "nl"]);
    expect(glob.stderr).toContain("geen modelbestanden passen bij 'nowhere/*.yaml'");
  });
});

describe("Dutch golden files (checked by hand: the words follow docs/MODEL.md §15, the figures are those of the English goldens)", () => {
  it("report", async () => {
    await expect(distplan(["report", "examples/voorbeeld.yaml", "--lang", "nl"]).stdout).toMatchFileSnapshot(join(ROOT, "test/golden/nl/report.txt"));
  });
  it("compare", async () => {
    await expect(distplan(["compare", "examples/voorbeeld.yaml", "--lang", "nl"]).stdout).toMatchFileSnapshot(join(ROOT, "test/golden/nl/compare.txt"));
  });
  it("an error", async () => {
    const r = distplan(["validate", "-", "--lang", "nl"], { input: "version: 1\nname: x\nstart_year: 2027\nsegments:\n  - id: mkb\n    customers: 18.000\n    churn: 5%\n    revenue_per_customer: 1,6M\n    gross_margin: 40%\nchannels:\n  - id: direct\n    type: direct\nmix:\n  mkb: { direct: 100% }\n" });
    await expect(r.stderr).toMatchFileSnapshot(join(ROOT, "test/golden/nl/error.txt"));
  });
});

describe("the glossary", () => {
  it("every Dutch P&L label is a word of docs/MODEL.md §15 (or a documented short form)", async () => {
    const { readFileSync } = await import("node:fs");
    const doc = readFileSync(join(ROOT, "docs/MODEL.md"), "utf8");
    const glossary = doc.slice(doc.indexOf("## 15. Glossary"));
    const dutchColumn = glossary.split("\n").filter((l) => l.startsWith("| ")).map((l) => l.split("|")[2] ?? "").join(" ").toLowerCase();
    const shortForms = ["DB1 (na variabele kosten)", "NCW", "kostprijs omzet", "conflictcompensatie"];
    const labels = Object.entries(nl).filter(([k]) => k.startsWith("line.")).map(([, v]) => v);
    const missing = labels.filter((l) => !shortForms.includes(l) && !dutchColumn.includes(l.toLowerCase()));
    expect(missing).toEqual([]);
    // The short forms are explained there too.
    for (const s of shortForms) expect(glossary).toContain(s);
  });
});

describe("--help in Dutch", () => {
  it("every description of every command, argument and option has a Dutch text", async () => {
    const { buildProgram } = await import("../../src/cli/main.js");
    const { dutchDescription, helpDescriptions } = await import("../../src/cli/help-nl.js");
    const missing = helpDescriptions(buildProgram({ code: 0 }, undefined)).filter((d) => dutchDescription(d) === undefined);
    expect(missing).toEqual([]);
  });
  it("distplan --help and a command's help are Dutch", () => {
    const top = distplan(["--help", "--lang", "nl"]);
    expect(top.stdout).toContain("Commando's:");
    expect(top.stdout).toContain("Plan een distributiemodel");
    const report = distplan(["report", "--help", "--lang", "nl"]);
    expect(report.stdout).toContain("Opties:");
    expect(report.stdout).toContain("resultatenrekening per kanaal per jaar");
    expect(report.stdout).toContain("standaard: \"table\"");
    expect(report.stdout).not.toMatch(/default:|choices:/);
  });
});

describe("commander's own errors in Dutch", () => {
  it("each parse error commander writes is Dutch under --lang nl, with the ids and values as typed", () => {
    const usage = "(draai 'distplan --help' voor het gebruik)\n";
    const nl = (args: string[]) => distplan([...args, "--lang", "nl"]);
    expect(nl(["report", "--bogus"])).toEqual({ code: 2, stdout: "", stderr: `fout: onbekende optie '--bogus'\n${usage}` });
    expect(nl(["repot"])).toEqual({ code: 2, stdout: "", stderr: `fout: onbekend commando 'repot'\n(Bedoel je report?)\n${usage}` });
    expect(nl(["report", "--by"]).stderr).toBe(`fout: optie '--by <view>' mist een waarde\n${usage}`);
    expect(nl(["solve", "examples/voorbeeld.yaml"]).stderr).toBe(`fout: verplichte optie '--vary <path>' ontbreekt\n${usage}`);
    expect(nl(["diff", "a.yaml"]).stderr).toBe(`fout: verplicht argument 'new' ontbreekt\n${usage}`);
    expect(nl(["report", "--by", "segmnt"]).stderr).toBe(`fout: waarde 'segmnt' van optie '--by <view>' is ongeldig. Toegestaan: channel, segment, both, tier. Bedoel je 'segment'?\n${usage}`);
  });
  it("a message of unknown shape is left as commander wrote it, not guessed at", async () => {
    const { dutchCommanderError } = await import("../../src/cli/help-nl.js");
    expect(dutchCommanderError("error: something new\n")).toBe("error: something new\n");
  });
});

// Every usage error of the shell has its Dutch text beside the English one: `say({ en, nl })`
// (or init's `t(en, nl)`, which is say). The scan reads each `new UsageError(…)` call of src/cli
// and fails when a string literal with words in it stands outside such a call: an English-only
// message or hint. Texts that arrive in a variable (an issue's message, a reason built above with
// say) are not literals here; the runs below check some of them in both languages.
const SAY_CALL = /^(say|t)\(/;

/** The index just past the bracket that closes the one at `open` (a call's `(`, a template's `${`'s `{`). */
function closeOf(src: string, open: number): number {
  const stack: string[] = [src[open]!];
  for (let i = open + 1; i < src.length; i++) {
    const c = src[i]!;
    const top = stack.at(-1)!;
    if (top === '"' || top === "'") {
      if (c === "\\") i++;
      else if (c === top) stack.pop();
    } else if (top === "`") {
      if (c === "\\") i++;
      else if (c === "`") stack.pop();
      else if (c === "$" && src[i + 1] === "{") { stack.push("{"); i++; }
    } else if (c === '"' || c === "'" || c === "`" || c === "(" || c === "{" || c === "[") stack.push(c);
    else if (c === ")" || c === "}" || c === "]") {
      stack.pop();
      if (stack.length === 0) return i + 1;
    }
  }
  throw new Error(`unclosed call at ${open}`);
}

/** The literal texts (template parts without their ${…}) of `code`, leaving out say(…) and t(…) calls. */
function literalsOutsideSay(code: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (/[A-Za-z_$]/.test(c) && !/[\w$.]/.test(code[i - 1] ?? " ") && SAY_CALL.test(code.slice(i, i + 4))) {
      i = closeOf(code, code.indexOf("(", i)) - 1;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (code[j] !== c) j += code[j] === "\\" ? 2 : 1;
      found.push(code.slice(i + 1, j));
      i = j;
    } else if (c === "`") {
      let text = "";
      let j = i + 1;
      while (code[j] !== "`") {
        if (code[j] === "\\") { text += code.slice(j, j + 2); j += 2; }
        else if (code[j] === "$" && code[j + 1] === "{") {
          const end = closeOf(code, j + 1);
          found.push(...literalsOutsideSay(code.slice(j + 2, end - 1)));
          j = end;
        } else text += code[j++];
      }
      found.push(text);
      i = j;
    }
  }
  return found;
}

const hasWords = (text: string) => /[A-Za-z]{2,}/.test(text);

function englishOnlyUsageErrors(file: string, src: string): string[] {
  const bad: string[] = [];
  for (const m of src.matchAll(/new UsageError\(/g)) {
    const open = m.index + m[0].length - 1;
    const args = src.slice(open + 1, closeOf(src, open) - 1);
    const english = literalsOutsideSay(args).filter(hasWords);
    if (english.length > 0) bad.push(`${file}:${src.slice(0, m.index).split("\n").length}: ${english.map((e) => JSON.stringify(e)).join(", ")}`);
  }
  return bad;
}

describe("every usage error of the shell in both languages", () => {
  it("the scan finds English text outside say(…) and accepts it inside", () => {
    expect(englishOnlyUsageErrors("x.ts", 'throw new UsageError(`unknown metric \'${m}\'`, "pick one");')).toHaveLength(1);
    expect(englishOnlyUsageErrors("x.ts", 'throw new UsageError(say({ en: "a", nl: "b" }), close ? say({ en: `did you mean ${x("q")}?`, nl: "c" }) : `metrics are: ${all.join(", ")}`);')).toEqual(['x.ts:1: "metrics are: "']);
    expect(englishOnlyUsageErrors("x.ts", 'throw new UsageError(say({ en: `no (such) file ${f}`, nl: "geen" }), t("pass (one)", "geef (één)"));')).toEqual([]);
    expect(englishOnlyUsageErrors("x.ts", "throw new UsageError(`${which}: ${message}${more}`, hint);")).toEqual([]);
    expect(englishOnlyUsageErrors("x.ts", 'new UsageError(say({ en: "a", nl: "b" }), `the ${thing ? "x" : say({ en: "plan", nl: "plan" })} runs`);')).toEqual(['x.ts:1: "the  runs"']);
  });
  it("no `new UsageError(` in src/cli has an English-only message or hint", async () => {
    const { readFileSync } = await import("node:fs");
    const dir = join(ROOT, "src/cli");
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts")).sort();
    let calls = 0;
    const bad: string[] = [];
    for (const f of files) {
      const src = readFileSync(join(dir, f), "utf8");
      calls += src.match(/new UsageError\(/g)?.length ?? 0;
      bad.push(...englishOnlyUsageErrors(f, src));
    }
    expect(calls).toBeGreaterThan(50); // the scan reads the calls it is meant to read
    expect(bad).toEqual([]);
  });
});

// Real runs: the Dutch message and hint, exit 2 and nothing on standard output; the same run in
// English gives the text it gave before the Dutch was added (copied from the source as it was,
// commit 045601a, not from a run), so the English stays byte for byte what the other tests and
// people's scripts know.
describe("usage errors in Dutch, and the same in English", () => {
  const runs: { args: string[]; nl: string; en: string }[] = [
    {
      args: ["report", "examples/voorbeeld.yaml", "--locale", "xx_bad"],
      nl: "distplan: --locale xx_bad is geen BCP 47-taalcode\n  tip: schrijf het als nl-NL, de-DE of en-GB\n",
      en: "distplan: --locale xx_bad is not a BCP 47 language tag\n  hint: write it like nl-NL, de-DE or en-GB\n",
    },
    {
      args: ["fmt", "-"],
      nl: "distplan: fmt herschrijft bestanden en kan geen standaardinvoer ('-') lezen\n  tip: geef de bestandsnaam van het model\n",
      en: "distplan: fmt rewrites files and cannot take standard input ('-')\n  hint: pass the model's file name\n",
    },
    {
      args: ["sensitivity", "examples/voorbeeld.yaml", "--step", "150%"],
      nl: "distplan: --step 150% ligt buiten 0% … 99%\n  tip: een stap zoals 10% beweegt elke invoer een tiende omlaag en omhoog\n",
      en: "distplan: --step 150% is outside 0% … 99%\n  hint: a step such as 10% moves each input down and up by a tenth\n",
    },
    {
      args: ["partners", "classify", "partners.csv", "--model", "examples/voorbeeld.yaml"],
      nl: "distplan: examples/voorbeeld.yaml heeft geen kanaal met niveaus (tiers)\n  tip: geef een indirect kanaal een lijst tiers: (docs/MODEL.md §14a)\n",
      en: "distplan: examples/voorbeeld.yaml has no channel with tiers\n  hint: give an indirect channel a tiers: list (docs/MODEL.md §14a)\n",
    },
    {
      args: ["sensitivity", "examples/voorbeeld.yaml", "--channel", "partnrs"],
      nl: "distplan: onbekend kanaal 'partnrs'\n  tip: bedoel je 'partners'?\n",
      en: "distplan: unknown channel 'partnrs'\n  hint: did you mean 'partners'?\n",
    },
    {
      args: ["report", "examples/voorbeeld.yaml", "examples/worked-example.yaml"],
      nl: "distplan: één modelbestand verwacht, kreeg 'examples/voorbeeld.yaml' en 'examples/worked-example.yaml'\n  tip: geef één modelbestand; scenario's kies je met --scenario a,b\n",
      en: "distplan: one model file expected, got 'examples/voorbeeld.yaml' and 'examples/worked-example.yaml'\n  hint: give one model file; scenarios are chosen with --scenario a,b\n",
    },
    {
      args: ["check", "[a-.yaml"],
      nl: "distplan: '[a-.yaml' is geen geldige glob: een '[' zonder ']'\n  tip: gebruik *, ?, ** en klassen zoals [abc] of [a-z]; schrijf [[] voor een letterlijke [\n",
      en: "distplan: '[a-.yaml' is not a valid glob: a '[' without its ']'\n  hint: use *, ?, ** and classes such as [abc] or [a-z]; write [[] for a literal [\n",
    },
    {
      args: ["report", "nothere.yaml"],
      nl: "nothere.yaml: fout FILE_NOT_FOUND: kan nothere.yaml niet lezen: het bestand bestaat niet\n  tip: maak een model met 'distplan init', of geef het pad van een model (zie examples/ in het distplan-pakket)\n1 fout\n",
      en: "nothere.yaml: error FILE_NOT_FOUND: cannot read nothere.yaml: no such file\n  hint: run 'distplan init' to create a model, or pass the path of one (see examples/ in the distplan package)\n1 error\n",
    },
    {
      args: ["report", "examples/voorbeeld.yaml", "--width", "5"],
      nl: "fout: waarde '5' van optie '--width <columns>' is ongeldig. De breedte is een geheel aantal kolommen, minstens 40 (bijvoorbeeld --width 120).\n(draai 'distplan --help' voor het gebruik)\n",
      en: "error: option '--width <columns>' argument '5' is invalid. The width is a whole number of columns, at least 40 (for example --width 120).\n(run 'distplan --help' for usage)\n",
    },
  ];
  it.each(runs.map((r) => [r.args.join(" "), r] as const))("%s", (_name, run) => {
    expect(distplan([...run.args, "--lang", "nl"])).toEqual({ code: 2, stdout: "", stderr: run.nl });
    expect(distplan(run.args)).toEqual({ code: 2, stdout: "", stderr: run.en });
  });
  it("compare --metric nettowinst: the metric ids stay as they are, the sentence around them is Dutch", () => {
    // The list of metrics may grow; the sentence and the ids in it are what this checks.
    const nlRun = distplan(["compare", "examples/voorbeeld.yaml", "--metric", "nettowinst", "--lang", "nl"]);
    expect(nlRun.code).toBe(2);
    expect(nlRun.stdout).toBe("");
    expect(nlRun.stderr).toMatch(/^distplan: onbekende maatstaf 'nettowinst'\n {2}tip: de maatstaven zijn: revenue, [a-z0-9_, ]*\bnet_profit\b[a-z0-9_, ]*\n$/);
    const enRun = distplan(["compare", "examples/voorbeeld.yaml", "--metric", "nettowinst"]);
    expect(enRun.code).toBe(2);
    expect(enRun.stderr).toMatch(/^distplan: unknown metric 'nettowinst'\n {2}hint: metrics are: revenue, [a-z0-9_, ]*\bnet_profit\b[a-z0-9_, ]*\n$/);
    // The same list in both languages.
    expect(nlRun.stderr.split(": ").at(-1)).toBe(enRun.stderr.split(": ").at(-1));
  });
  it("a failure of the file system in Dutch words; English as it was", async () => {
    const { errnoReason, useDutchReasons } = await import("../../src/cli/io-errors.js");
    const full = Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", syscall: "write" });
    const odd = Object.assign(new Error("EXDEV: cross-device link not permitted, rename 'a' -> 'b'"), { code: "EXDEV", syscall: "rename" });
    try {
      useDutchReasons(true);
      expect(errnoReason(full)).toBe("geen ruimte meer op het apparaat");
      expect(errnoReason(odd)).toBe("cross-device link not permitted"); // no word for it: the system's own text
    } finally {
      useDutchReasons(false);
    }
    expect(errnoReason(full)).toBe("no space left on the device");
  });
  it("fmt and validate say what they did in Dutch: file names as given", async () => {
    const { mkdtempSync, writeFileSync, readFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "distplan-nl-"));
    // churn 0.05 is written 5% by fmt: the file is not in canonical form.
    const model = "version: 1\nname: x\nstart_year: 2027\nsegments:\n  - { id: smb, customers: 10, new_customers: 0, churn: 0.05, revenue_per_customer: 1000, gross_margin: 50% }\nchannels:\n  - { id: direct, type: direct, acquisition_cost: 0, service_cost: 0 }\nmix:\n  smb: { direct: 100% }\n";
    writeFileSync(join(dir, "a.yaml"), model);
    writeFileSync(join(dir, "b.yaml"), model);
    const nl = (args: string[]) => distplan([...args, "--lang", "nl"], { cwd: dir });
    expect(nl(["fmt", "--check", "a.yaml"])).toEqual({ code: 1, stderr: "", stdout: "zou a.yaml in de vaste vorm zetten\n1 bestand niet in de vaste vorm, 0 wel\n" });
    expect(readFileSync(join(dir, "a.yaml"), "utf8")).toBe(model);
    expect(nl(["fmt", "a.yaml", "b.yaml"])).toEqual({ code: 0, stderr: "", stdout: "a.yaml in de vaste vorm gezet\nb.yaml in de vaste vorm gezet\n2 bestanden in de vaste vorm gezet, 0 ongewijzigd\n" });
    expect(readFileSync(join(dir, "a.yaml"), "utf8")).toContain("churn: 5%");
    expect(distplan(["fmt", "a.yaml"], { cwd: dir }).stdout).toBe("0 files formatted, 1 unchanged\n");
    // 2027 and 5 years (the default horizon), one segment, one channel, no scenarios or checks.
    expect(nl(["validate", "a.yaml"]).stdout).toBe("ok a.yaml: x · 2027–2031 · 1 segment, 1 kanaal, 0 scenario's, 0 toetsen\n");
    expect(distplan(["validate", "a.yaml"], { cwd: dir }).stdout).toBe("ok a.yaml: x · 2027–2031 · 1 segment, 1 channel, 0 scenarios, 0 checks\n");
  });
});

describe("the CSV readers' row errors in Dutch", () => {
  it("an actuals file and a partner file with bad rows: each error in Dutch, at its line and column", () => {
    const actuals = distplan(["actuals", "examples/voorbeeld.yaml", "-", "--lang", "nl"], { input: "period,channel,segment,metric,value\n2027-13,direct,,revenue,100\n2027,webshop,,revenue,veel\n" });
    expect(actuals.code).toBe(2);
    expect(actuals.stdout).toBe("");
    expect(actuals.stderr).toContain("<stdin>:2:1: fout BAD_PERIOD: '2027-13' is geen periode\n  tip: schrijf een jaar (2027), een kwartaal (2027-Q1) of een maand (2027-03)");
    // "2027,webshop,,revenue,veel": the value starts in column 23.
    expect(actuals.stderr).toContain("<stdin>:3:23: fout BAD_VALUE: 'veel' is geen getal");
    const partners = distplan(["partners", "classify", "-", "--model", "examples/installer-tiers.yaml", "--lang", "nl"], { input: "id,name,revenue,certified,specialisations,tier,missed\na,,100,1,,platinum,0\n" });
    expect(partners.code).toBe(2);
    expect(partners.stderr).toContain("fout UNKNOWN_TIER: onbekend niveau 'platinum'\n  tip: de niveaus van het kanaal zijn registered, silver, gold");
    // English as it was.
    const english = distplan(["actuals", "examples/voorbeeld.yaml", "-"], { input: "period,channel,segment,metric,value\n2027-13,direct,,revenue,100\n" });
    expect(english.stderr).toContain("<stdin>:2:1: error BAD_PERIOD: '2027-13' is not a period\n  hint: write a year (2027), a quarter (2027-Q1) or a month (2027-03)");
  });
});

describe("the structure check's own words in Dutch", () => {
  it("what a value is, what was expected and where, inside a Dutch issue text", async () => {
    const { dutchDescription } = await import("../../src/model/issues-nl.js");
    expect(["nothing", "a list", "a string", "text", "a whole number", "the model", "the text 'abc'", "number 5", "channel 'webshop' by_segment"].map(dutchDescription))
      .toEqual(["niets", "een lijst", "een tekst", "tekst", "een heel getal", "het model", "de tekst 'abc'", "getal 5", "kanaal 'webshop' by_segment"]);
    const r = distplan(["validate", "-", "--lang", "nl"], { input: "version: 1\nname: 5\nyears: abc\n" });
    expect(r.stderr).toContain("fout MISSING_KEY: verplichte sleutel 'start_year' ontbreekt in het model");
    expect(r.stderr).toContain("fout WRONG_TYPE: verwacht: een heel getal, gevonden: de tekst 'abc'");
    expect(r.stderr).not.toMatch(/the model|a whole number|the text/);
  });
});
