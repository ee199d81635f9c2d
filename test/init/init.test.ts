import { mkdtempSync, existsSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn, spawnSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { render } from "@inquirer/testing";
import { input } from "@inquirer/prompts";
import { CHANNEL_DEFAULTS, CHANNEL_KINDS, SEGMENT_DEFAULTS, SEGMENT_TYPES, defaultAnswers, defaultMix, type InitAnswers } from "../../src/cli/init/answers.js";
import { parseAmount, parsePercentAnswer, runWizard, validateAmount, validateCount, validatePercent, validateShare, validateCurrency, type Prompts } from "../../src/cli/init/wizard.js";
import { issueText } from "../../src/model/issues.js";
import { dutchKeysHelpTip, initialModelText } from "../../src/cli/commands/init.js";
import { loadModelText, isValid } from "../../src/model/load.js";
import { checkLoadedModel } from "../../src/engine/check-model.js";
import { formatModelText } from "../../src/model/fmt.js";
import { BIN, CLEAN_ENV, distplan } from "../support/cli.js";

/** Prompts that press Enter everywhere: every default, every pre-checked box, the first choice. */
function enterEverywhere(log: string[] = []): Prompts {
  return {
    async input(c) {
      log.push(c.message);
      const value = c.default ?? "";
      if (c.validate) expect(c.validate(value)).toBe(true); // every default is itself valid
      return value;
    },
    async select(c) { log.push(c.message); return c.default ?? c.choices[0]!.value; },
    async checkbox(c) { log.push(c.message); return c.choices.filter((x) => x.checked).map((x) => x.value); },
  };
}

describe("modelFromAnswers", () => {
  it("the defaults give a valid model that passes its checks with no lint", () => {
    const text = initialModelText(defaultAnswers(2027));
    const loaded = loadModelText(text, "distplan.yaml");
    expect(isValid(loaded)).toBe(true);
    expect(loaded.issues).toEqual([]);
    const result = checkLoadedModel(loaded);
    expect(result.outcomes.every((o) => o.passed)).toBe(true);
    expect(result.lints).toEqual([]);
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=./distplan.schema.json");
    expect(formatModelText(text)).toBe(text); // as distplan fmt would write it
    expect(text).toContain("# Who buys:"); // sections carry comments
  });

  /** Shares with two decimals that add up to exactly 100, made from whole hundredths. */
  const sharesArb = (k: number) =>
    fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: k - 1, maxLength: k - 1 }).map((cuts) => {
      const sorted = [0, ...cuts.sort((a, b) => a - b), 10000];
      return sorted.slice(1).map((v, i) => (v - sorted[i]!) / 100);
    });
  const answersArb: fc.Arbitrary<InitAnswers> = fc.record({
    types: fc.subarray([...SEGMENT_TYPES], { minLength: 1 }),
    kinds: fc.subarray([...CHANNEL_KINDS], { minLength: 1 }),
    years: fc.integer({ min: 1, max: 10 }),
    scenario: fc.constantFrom("none", "webshop-push", "partner-margin-up", "direct-to-partners" as const),
    churn: fc.integer({ min: 0, max: 10000 }).map((h) => h / 100),
    margin: fc.integer({ min: 0, max: 10000 }).map((h) => h / 100),
    partnerMargin: fc.integer({ min: 0, max: 10000 }).map((h) => h / 100),
    name: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0),
  }).chain((a) => fc.tuple(...a.types.map(() => sharesArb(a.kinds.length))).map((mixes) => ({
    ...defaultAnswers(2030),
    name: a.name, years: a.years, scenario: a.scenario,
    segments: a.types.map((type) => ({ type, ...SEGMENT_DEFAULTS[type], churn: a.churn, grossMargin: a.margin })),
    channels: a.kinds.map((kind) => ({ kind, ...CHANNEL_DEFAULTS[kind], ...(kind === "partners" ? { partnerMargin: a.partnerMargin } : {}) })),
    mix: Object.fromEntries(a.types.map((t, i) => [t, Object.fromEntries(a.kinds.map((k, j) => [k, mixes[i]![j]!]))])),
  })));

  it("any combination of answers gives a valid model (property)", () => {
    fc.assert(fc.property(answersArb, (answers) => {
      const loaded = loadModelText(initialModelText(answers), "x.yaml");
      expect(loaded.issues.filter((i) => i.severity === "error")).toEqual([]);
    }), { numRuns: 150 });
  });

  /** Any printable text, and the names that broke the hand-written YAML (#22). */
  const printable = fc.oneof(
    fc.string({ unit: "grapheme", minLength: 1, maxLength: 24 }),
    fc.string({ unit: "binary", minLength: 1, maxLength: 24 }),
    fc.constantFrom("MKB: small # firms", "\"quoted\" and 'single'", "- leading dash", "yes", "no", "null", "~", "true", "007", "1e3", "0x1F", "12%", "&anchor", "*alias", "!tag", "@at", "`tick`", "{ a: 1 }", "[1, 2]", "a: b", "# hash", "ünïcödé ✓ 日本", " padded ", "tab\there", "%TAG", "--- doc", "..."),
  ).filter((t) => t.trim().length > 0 && !/[\p{C}\p{Zl}\p{Zp}]/u.test(t));

  it("the issue's example: a segment named 'MKB: small # firms' with the default scenario (#22)", () => {
    const defaults = defaultAnswers(2027);
    const a: InitAnswers = { ...defaults, name: "null", segments: defaults.segments.map((x) => (x.type === "mkb" ? { ...x, name: "MKB: small # firms" } : x)) };
    const loaded = loadModelText(initialModelText(a), "x.yaml");
    expect(loaded.issues).toEqual([]);
    expect(loaded.file!.name).toBe("null");
    expect(loaded.scenarios.map((x) => x.name)).toEqual(["base", "Move MKB: small # firms to the webshop faster"]);
  });

  it("any printable names and any valid answers give a file that loads without issues and equals the answers (property, #22)", () => {
    fc.assert(fc.property(answersArb, printable, fc.array(printable, { minLength: 4, maxLength: 4 }), (answers, name, segmentNames) => {
      const a: InitAnswers = { ...answers, name, segments: answers.segments.map((seg, i) => ({ ...seg, name: segmentNames[i]! })) };
      const loaded = loadModelText(initialModelText(a), "x.yaml");
      // No issue at all, except a channel the answers left at 0% in every segment and values a
      // plan rarely means (a 90% churn): true warnings about what was typed.
      expect(loaded.issues.filter((i) => i.code !== "UNUSED_CHANNEL" && i.code !== "PLAUSIBILITY").map((i) => i.code)).toEqual([]);
      const model = loaded.scenarios[0]!.model;
      const percent = (d: { times(n: number): { toNumber(): number } }) => d.times(100).toNumber();
      expect(model.name).toBe(a.name);
      expect([model.currency, model.startYear, model.years, percent(model.discountRate)]).toEqual([a.currency, a.startYear, a.years, a.discountRate]);
      expect(model.segments.map((x) => [x.id, x.name, x.customers.toNumber(), x.newCustomers[0]!.toNumber(), percent(x.churn[0]!), x.revenuePerCustomer[0]!.toNumber(), percent(x.grossMargin[0]!)]))
        .toEqual(a.segments.map((x) => [x.type, x.name, x.customers, x.newCustomers, x.churn, x.revenuePerCustomer, x.grossMargin]));
      expect(model.channels.map((c) => [c.id, c.defaultTerms.acquisitionCost[0]!.toNumber(), c.defaultTerms.serviceCost[0]!.toNumber(), percent(c.variableCosts[0]!.values[0]!), c.fixedCosts[0]!.values[0]!.toNumber()]))
        .toEqual(a.channels.map((c) => [c.kind, c.acquisitionCost, c.serviceCost, c.variableRate, c.fixedCost]));
      for (const seg of a.segments) {
        const written = Object.fromEntries(Object.entries(model.mix[seg.type]!).map(([k, v]) => [k, percent(v[0]!)]));
        expect(written).toEqual(Object.fromEntries(Object.entries(a.mix[seg.type]!).filter(([, v]) => v > 0)));
      }
      expect(model.sharedCosts.map((c) => [c.id, c.amount[0]!.toNumber()])).toEqual(a.sharedCosts.map((c) => [c.id, c.amount]));
      // A scenario named after a segment keeps that name exactly.
      const scenario = loaded.file!.scenarios?.[0];
      if (scenario && a.scenario !== "partner-margin-up") expect(a.segments.some((x) => scenario.name!.includes(x.name))).toBe(true);
    }), { numRuns: 100 });
  });

  it("default mixes sum to 100 for every choice of channels", () => {
    fc.assert(fc.property(fc.constantFrom(...SEGMENT_TYPES), fc.subarray([...CHANNEL_KINDS], { minLength: 1 }), (type, kinds) => {
      expect(Object.values(defaultMix(type, kinds)).reduce((a, b) => a + b, 0)).toBe(100);
    }));
  });
});

describe("the wizard", () => {
  it("Enter on every prompt gives the default model", async () => {
    const log: string[] = [];
    const answers = await runWizard(enterEverywhere(log), 2027);
    expect(answers).toEqual(defaultAnswers(2027));
    expect(log.length).toBeGreaterThan(30);
  });

  it("mix shares with decimals leave an exact rest for the last channel", async () => {
    const typed = new Map([["share served by Direct", "33.33"], ["share served by Partners", "33.33"]]);
    const prompts: Prompts = {
      ...enterEverywhere(),
      async input(c) {
        const hit = [...typed].find(([k]) => c.message.includes(k) && c.message.startsWith("Large"));
        return hit ? hit[1] : (c.default ?? "");
      },
    };
    const answers = await runWizard(prompts, 2027);
    expect(answers.mix.enterprise).toEqual({ direct: 33.33, partners: 33.33, webshop: 33.34 });
    expect(initialModelText(answers)).toContain("enterprise: { direct: 33.33%, partners: 33.33%, webshop: 33.34% }");
  });

  it("a renamed segment is asked about by its new name in every later prompt (#12)", async () => {
    const asked: string[] = [];
    const prompts: Prompts = {
      ...enterEverywhere(),
      async input(c) {
        asked.push(c.message);
        return c.message.endsWith(": name") && c.default === SEGMENT_DEFAULTS.enterprise.name ? "Key accounts" : (c.default ?? "");
      },
    };
    const answers = await runWizard(prompts, 2027);
    expect(answers.segments.find((s) => s.type === "enterprise")!.name).toBe("Key accounts");
    const later = asked.slice(asked.findIndex((m) => m.endsWith(": name")) + 1);
    // Customers, new customers, churn, revenue, margin, and one mix share per channel but the last.
    expect(later.filter((m) => m.startsWith("Key accounts:")).length).toBeGreaterThanOrEqual(7);
    expect(later.some((m) => m.includes(SEGMENT_DEFAULTS.enterprise.name))).toBe(false);
  });

  it("validates answers as they are typed and says why", () => {
    expect(validatePercent("150")).toBe("enter a percentage from 0 to 100, such as 12 or 12.5%");
    expect(validatePercent("12.5%")).toBe(true);
    expect(validateShare(30)("40")).toBe("only 30% is left for this segment's other channels");
    expect(validateCurrency("euro")).toMatch(/three-letter/);
    expect(parseAmount("1.4M")).toBe(1400000);
    expect(parseAmount("250k")).toBe(250000);
    expect(parseAmount("1_400_000")).toBe(1400000);
    expect(parseAmount("12.5")).toBeNull();
    expect(parsePercentAnswer("12 %")).toBe(12);
  });

  it("typed amounts follow the model file's value rules: a decimal comma is refused with the file's message (#22)", () => {
    // It used to strip commas: a Dutch 1,5M became 15,000,000.
    expect(parseAmount("1,5M")).toBeNull();
    expect(parseAmount("1,400,000")).toBeNull(); // a model file refuses it too: 1.4 million or 1,400?
    const inFile = (value: string) => {
      const loaded = loadModelText(initialModelText(defaultAnswers(2027)).replace("revenue_per_customer: 150000", `revenue_per_customer: "${value}"`), "x.yaml");
      const issue = loaded.issues.find((i) => i.severity === "error")!;
      return issueText(issue);
    };
    for (const typed of ["1,5M", "1.000.000", "€ 250", "2 miljoen"]) {
      const { message, hint } = inFile(typed);
      expect(validateAmount(typed)).toBe(`${message} (${hint})`);
    }
    expect(validateCount("1,5k")).toMatch(/^1,5k has a comma: .*\(write 1\.5k\)/);
    expect(validateAmount("12.5")).toBe("enter a whole amount such as 250000, 250k or 1.4M");
    expect(validateAmount("1.4M")).toBe(true);
  });

  it("an inquirer prompt shows the validation error, then accepts a fixed answer (@inquirer/testing)", async () => {
    const { answer, events, getScreen } = await render(input, { message: "Churn (%)", default: "10", validate: validatePercent });
    events.type("150");
    events.keypress("enter");
    await new Promise((r) => setImmediate(r));
    expect(getScreen()).toContain("enter a percentage from 0 to 100");
    for (let i = 0; i < 3; i++) events.keypress("backspace");
    events.type("15");
    events.keypress("enter");
    await expect(answer).resolves.toBe("15");
  });

  it("Ctrl-C in a prompt rejects with inquirer's exit error (which init turns into 'nothing written')", async () => {
    const { answer, events } = await render(input, { message: "Plan name" });
    events.keypress({ name: "c", ctrl: true });
    await expect(answer).rejects.toMatchObject({ name: "ExitPromptError" });
  });
});

describe("distplan init (binary)", () => {
  it("--yes writes a starter model and its schema; the model validates and passes check", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-init-"));
    const r = distplan(["init", "--yes", "--start-year", "2027"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("wrote distplan.yaml");
    expect(readdirSync(dir).sort()).toEqual(["distplan.schema.json", "distplan.yaml"]);
    expect(distplan(["validate", "distplan.yaml"], { cwd: dir }).code).toBe(0);
    expect(distplan(["check"], { cwd: dir }).code).toBe(0);
  });

  it("never overwrites without --force; no TTY without --yes is an error, not a hang", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-init-"));
    writeFileSync(join(dir, "distplan.yaml"), "mine\n");
    const r = distplan(["init", "--yes"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("distplan.yaml already exists");
    expect(readFileSync(join(dir, "distplan.yaml"), "utf8")).toBe("mine\n");
    expect(distplan(["init", "--yes", "--force", "--start-year", "2027"], { cwd: dir }).code).toBe(0);
    const noTty = distplan(["init", "other.yaml"], { cwd: dir, input: "" });
    expect(noTty.code).toBe(2);
    expect(noTty.stderr).toContain("needs a terminal");
    expect(existsSync(join(dir, "other.yaml"))).toBe(false);
  });
});

/**
 * The built binary under a pseudo-terminal (util-linux `script`), answered like a person: it
 * waits for each question to appear, then types. `script` is part of Debian's base system.
 */
function underPty(args: string[], cwd: string) {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(" ");
  const child = spawn("script", ["-qfec", command, "/dev/null"], { cwd, env: { ...CLEAN_ENV, TERM: "xterm-256color", COLUMNS: "100", LINES: "40" } });
  let screen = "";
  child.stdout.on("data", (d: Buffer) => { screen += d.toString("utf8"); });
  const exited = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? -1)));
  const waitFor = async (text: string | RegExp, since: number) => {
    for (let i = 0; i < 400; i++) {
      const seen = screen.slice(since).replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");
      if (typeof text === "string" ? seen.includes(text) : text.test(seen)) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`timed out waiting for ${String(text)}; screen:\n${screen.slice(-2000)}`);
  };
  return { child, exited, waitFor, screen: () => screen, mark: () => screen.length, send: (s: string) => child.stdin.write(s) };
}

// util-linux `script` gives the binary a real terminal; it is in Debian's base system (bsdutils).
// Where it is missing these two tests cannot run at all, so they are skipped, and say so.
const hasScript = spawnSync("script", ["--version"]).status === 0;

describe.skipIf(!hasScript)("distplan init under a pseudo-terminal (needs util-linux script)", () => {
  it("a person fixes a wrong answer, then presses Enter through the rest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-pty-"));
    const pty = underPty(["init", "plan.yaml", "--start-year", "2027"], dir);
    await pty.waitFor("Currency (ISO 4217)", 0);
    let at = pty.mark();
    pty.send("\u007f\u007f\u007fEURO\r"); // erase the default, type a wrong code
    await pty.waitFor("three-letter ISO 4217 code", at);
    pty.send("\u007f\u007f\u007f\u007fUSD\r");
    at = pty.mark();
    await pty.waitFor("First year of the plan", at);
    // Enter through every remaining question until the file is written.
    // Keys typed between two prompts may be dropped, so keep pressing Enter (at most 20 s).
    const deadline = Date.now() + 20000;
    while (pty.child.exitCode === null && !pty.screen().includes("wrote plan.yaml") && Date.now() < deadline) {
      pty.send("\r");
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(await pty.exited).toBe(0);
    const text = readFileSync(join(dir, "plan.yaml"), "utf8");
    expect(text).toContain("currency: USD");
    expect(isValid(loadModelText(text, "plan.yaml"))).toBe(true);
  }, 45000);

  it("Ctrl-C leaves nothing behind", async () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-pty-"));
    const pty = underPty(["init", "plan.yaml"], dir);
    await pty.waitFor("Currency (ISO 4217)", 0);
    pty.send("\r");
    await pty.waitFor("First year of the plan", 0);
    pty.send("\u0003");
    expect(await pty.exited).toBe(130);
    expect(readdirSync(dir)).toEqual([]);
  }, 30000);
});

describe("the wizard offers tiers for a partner channel (#14)", () => {
  /** Enter everywhere, but choose the partner programme in tiers. */
  const withTiers = (log: string[] = []): Prompts => ({
    ...enterEverywhere(log),
    async select(c) {
      log.push(c.message);
      return (c.choices.some((x) => x.value === "tiers") ? "tiers" : c.default ?? c.choices[0]!.value) as never;
    },
  });

  it("writes tiers instead of one partner margin; the model is valid, lint-free and passes its checks", async () => {
    const answers = await runWizard(withTiers(), 2027);
    const partners = answers.channels.find((c) => c.kind === "partners")!;
    expect(partners.partnerMargin).toBeUndefined();
    // The last tier takes what the others leave: 25% + 35% → 40%.
    expect(partners.tiers!.map((k) => [k.id, k.partnerMargin, k.share])).toEqual([["registered", 20, 25], ["silver", 25, 35], ["gold", 30, 40]]);
    const text = initialModelText({ ...answers, scenario: "partner-margin-up" });
    expect(text).toContain("    tiers:\n      - id: registered\n");
    expect(text).not.toMatch(/^ {4}partner_margin:/m);
    // The margin scenario raises the top tier's margin, by its id.
    expect(text).toContain("channels.partners.tiers.gold.partner_margin: 33%");
    const loaded = loadModelText(text, "distplan.yaml");
    expect(isValid(loaded)).toBe(true);
    const result = checkLoadedModel(loaded);
    expect(result.lints).toEqual([]);
    expect(result.outcomes.every((o) => o.passed)).toBe(true);
  });

  it("any tier margins, fees, partner counts and shares give a valid model (property)", () => {
    fc.assert(fc.property(
      fc.array(fc.record({ margin: fc.integer({ min: 0, max: 10000 }), fee: fc.integer({ min: 0, max: 100000 }), partners: fc.integer({ min: 0, max: 5000 }) }), { minLength: 3, maxLength: 3 }),
      fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }),
      (tiers, a, b) => {
        const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
        const shares = [lo / 100, (hi - lo) / 100, (10000 - hi) / 100];
        const base = defaultAnswers(2027);
        const answers: InitAnswers = {
          ...base,
          channels: base.channels.map((c) => (c.kind !== "partners" ? c : {
            ...c, partnerMargin: undefined,
            tiers: tiers.map((k, i) => ({ id: ["registered", "silver", "gold"][i]!, name: ["Registered", "Silver", "Gold"][i]!, partnerMargin: k.margin / 100, fee: k.fee, partners: k.partners, share: shares[i]! })),
          })),
        };
        const loaded = loadModelText(initialModelText(answers), "distplan.yaml");
        expect(loaded.issues.filter((i) => i.severity === "error")).toEqual([]);
      },
    ), { numRuns: 30 });
  });
});

describe("the wizard in Dutch (#18)", () => {
  it("asks every question, and says every validation error, in Dutch", async () => {
    const { useLanguage } = await import("../../src/cli/language.js");
    const english: string[] = [];
    await runWizard(enterEverywhere(english), 2027);
    const dutch: string[] = [];
    await useLanguage("nl");
    try {
      await runWizard(enterEverywhere(dutch), 2027);
      expect(validatePercent("150")).toBe("vul een percentage van 0 tot 100 in, zoals 12 of 12.5%");
      expect(validateShare(30)("40")).toMatch(/^er is nog maar 30% over/);
      // The same questions in the same order, none of them in English (segment names are the
      // person's own text; Dutch defaults stand in them).
      expect(dutch.length).toBe(english.length);
      dutch.forEach((m, i) => expect(m, `question ${i}`).not.toBe(english[i]));
      const text = initialModelText(defaultAnswers(2027));
      expect(text).toContain("name: Distributieplan 2027-2031");
      expect(text).toContain("# Wie koopt:");
      expect(isValid(loadModelText(text, "distplan.yaml"))).toBe(true);
    } finally {
      await useLanguage("en");
    }
  });

  it("init --yes --lang nl writes a Dutch starter model and says so in Dutch", () => {
    const dir = mkdtempSync(join(tmpdir(), "distplan-init-nl-"));
    const r = distplan(["init", "--yes", "--lang", "nl", "--start-year", "2027"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^distplan\.yaml geschreven \(en distplan\.schema\.json/);
    expect(r.stdout).toContain("Verder:");
    // Dutch numbers in the table: 17.900 thousand euros of direct revenue in 2027.
    expect(r.stdout).toMatch(/omzet\s+17\.900/);
    const again = distplan(["init", "--yes", "--lang", "nl"], { cwd: dir });
    expect([again.code, again.stderr.split("\n")[0]]).toEqual([2, "distplan: distplan.yaml bestaat al"]);
  });
});

describe("inquirer's key hints in Dutch (#18)", () => {
  it("a checkbox and a select under --lang nl name their keys in Dutch", async () => {
    const { checkbox, select } = await import("@inquirer/prompts");
    const box = await render(checkbox, { message: "Segmenten", choices: [{ name: "MKB", value: "mkb" }], theme: { style: { keysHelpTip: dutchKeysHelpTip("checkbox") } } });
    const screen = box.getScreen();
    for (const word of ["navigeren", "aanvinken", "alles", "omkeren", "bevestigen"]) expect(screen).toContain(word);
    expect(screen).not.toMatch(/navigate|submit|invert/);
    box.events.keypress("enter");
    await box.answer;
    const one = await render(select, { message: "Kanaal", choices: [{ name: "Direct", value: "direct" }], theme: { style: { keysHelpTip: dutchKeysHelpTip("select") } } });
    expect(one.getScreen()).toContain("kiezen");
    one.events.keypress("enter");
    expect(await one.answer).toBe("direct");
  });
});
