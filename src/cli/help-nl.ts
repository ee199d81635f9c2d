// `--help` in Dutch: each English description of a command, argument or option, with its Dutch
// text. Keyed by the English text, so a command added in main.ts needs no other change here
// than its translation; test/e2e/dutch.test.ts fails on any description without one.
import { Help, type Command } from "commander";

export const HELP_NL: Readonly<Record<string, string>> = {
  "Plan a distribution model: direct, partner and e-commerce channels over 3-5 years, exact to the cent.":
    "Plan een distributiemodel: directe verkoop, partners en e-commerce over 3-5 jaar, exact op de cent.",
  "output the version number": "toon het versienummer",
  "display help for command": "toon de hulp bij een commando",
  "force colour output": "altijd kleur",
  "no colour output": "geen kleur",
  "show stack traces of internal errors": "toon de stack trace van een interne fout",
  "language of everything a person reads: en or nl (default: from LC_ALL, LC_MESSAGES or LANG)":
    "taal van alles wat een mens leest: en of nl (standaard: uit LC_ALL, LC_MESSAGES of LANG)",
  // report
  "per-channel P&L per year: revenue down to net profit, totals, NPV": "resultatenrekening per kanaal per jaar: van omzet tot nettowinst, totalen, NCW",
  "model file (default ./distplan.yaml)": "modelbestand (standaard ./distplan.yaml)",
  "scenario ids to show, or 'all' (default: base)": "de scenario's om te tonen, of 'all' (standaard: base)",
  "what-if: base with this value set, as in a scenario's set (repeatable)": "wat-als: basis met deze waarde gezet, zoals in de set van een scenario (herhaalbaar)",
  "rows by channel, segment or both": "rijen per kanaal, per segment of beide",
  "rows by channel, segment, both, or tier (a tiered channel's tiers)": "rijen per kanaal, per segment, beide, of per niveau (de niveaus van een kanaal met tiers)",
  "summary lines or every P&L line": "samenvattende regels of elke regel van de resultatenrekening",
  "each channel's net profit under every allocation method": "de nettowinst van elk kanaal bij elke verdeelsleutel",
  "output format": "uitvoerformaat",
  "write to FILE instead of standard output": "schrijf naar FILE in plaats van naar standaarduitvoer",
  "write to FILE instead of standard output (required for xlsx)": "schrijf naar FILE in plaats van naar standaarduitvoer (verplicht bij xlsx)",
  "table unit: 1, k, M or auto": "eenheid van de tabel: 1, k, M of auto",
  "number separators of a locale, e.g. nl-NL": "scheidingstekens van getallen volgens een locale, bijv. nl-NL",
  "table width, at least 40 (default: the terminal's, or 80)": "breedte van de tabel, minstens 40 (standaard: die van de terminal, of 80)",
  "CSV field separator, e.g. ';' or tab (default: ';' under a decimal-comma --locale, else ',')":
    "scheidingsteken van CSV-velden, bijv. ';' of tab (standaard: ';' bij een --locale met decimale komma, anders ',')",
  "start CSV with a UTF-8 byte order mark, for Excel": "begin CSV met een UTF-8-bytevolgordemarkering, voor Excel",
  "ASCII only: no Unicode glyphs in the table": "alleen ASCII: geen Unicode-tekens in de tabel",
  // compare
  "scenarios side by side against base: deltas, best per metric, net profit chart, revenue mix":
    "scenario's naast elkaar tegenover basis: verschillen, beste per maatstaf, grafiek van de nettowinst, omzetmix",
  "scenarios to compare with base (default: all)": "de scenario's om met basis te vergelijken (standaard: alle)",
  "what-if: one more scenario, base with this value set (repeatable)": "wat-als: een extra scenario, basis met deze waarde gezet (herhaalbaar)",
  "metrics to compare (default: revenue contribution net_profit contribution_margin npv cumulative_net_profit)":
    "de maatstaven om te vergelijken (standaard: revenue contribution net_profit contribution_margin npv cumulative_net_profit)",
  "ASCII instead of Unicode glyphs in the chart": "ASCII in plaats van Unicode-tekens in de grafiek",
  // check
  "CI gate: validate models, run their checks and the round-table lints; exit 1 on a failed check":
    "CI-poort: valideer modellen, draai hun toetsen en de signalen van de rondetafel; exitcode 1 bij een niet gehaalde toets",
  "model files or globs (default ./distplan.yaml)": "modelbestanden of globs (standaard ./distplan.yaml)",
  "lint warnings fail the check too": "ook signalen laten de toets falen",
  "ASCII only in the text format: no Unicode marks": "alleen ASCII in het tekstformaat: geen Unicode-tekens",
  // diff
  "what changed between two versions of a model: assumptions, impact on results, checks":
    "wat er veranderde tussen twee versies van een model: aannames, effect op de uitkomsten, toetsen",
  "a model file, or REV:path read from git (main:models/plan.yaml)": "een modelbestand, of REV:pad gelezen uit git (main:models/plan.yaml)",
  "a model file, or REV:path": "een modelbestand, of REV:pad",
  "exit 1 when there are differences": "exitcode 1 als er verschillen zijn",
  "ASCII only in the text format: no Unicode arrows or marks": "alleen ASCII in het tekstformaat: geen Unicode-pijlen of -tekens",
  // textconv, git-setup
  "git diff driver: a model rendered with its key results (never fails)": "git diff-driver: een model met zijn belangrijkste uitkomsten (faalt nooit)",
  "make git diff, git log -p and git show render models with their results": "laat git diff, git log -p en git show modellen met hun uitkomsten tonen",
  "show the .gitattributes line and git config entry instead of writing them": "toon de regel voor .gitattributes en de git-configuratie in plaats van ze te schrijven",
  "files to render (default: *.yaml *.yml)": "de bestanden om zo te tonen (standaard: *.yaml *.yml)",
  "the textconv command git should run (default: distplan textconv)": "het textconv-commando dat git moet draaien (standaard: distplan textconv)",
  // validate, fmt, init, schema
  "check a model file and print all of its issues": "controleer een modelbestand en toon al zijn bevindingen",
  "model file": "modelbestand",
  "format model files canonically (schema key order, \"42%\" percentages), keeping comments":
    "zet modelbestanden in de vaste vorm (sleutels in schemavolgorde, percentages als \"42%\"), met behoud van commentaar",
  "model files or globs": "modelbestanden of globs",
  "list files that are not formatted and exit 1; write nothing": "noem de bestanden die niet in de vaste vorm staan en eindig met exitcode 1; schrijf niets",
  "an interactive wizard that writes a first, valid, commented model": "een interactieve assistent die een eerste, geldig model met commentaar schrijft",
  "where to write it (default distplan.yaml)": "waar het heen moet (standaard distplan.yaml)",
  "write a starter model from the defaults, without questions": "schrijf een startmodel met de standaardwaarden, zonder vragen",
  "overwrite an existing file": "overschrijf een bestaand bestand",
  "first year of the plan (default: next year)": "eerste jaar van het plan (standaard: volgend jaar)",
  "print the JSON Schema of the model format": "toon het JSON Schema van het modelformaat",
  // actuals
  "plan vs actual per channel for a period and its year to date, from an actuals CSV":
    "plan tegenover realisatie per kanaal voor een periode en het jaar tot dan, uit een CSV met realisatiecijfers",
  "CSV with period,channel,segment,metric,value (a Dutch ';' export too)": "CSV met period,channel,segment,metric,value (ook een Nederlandse export met ';')",
  "the scenario that is the plan (default: base)": "het scenario dat het plan is (standaard: base)",
  "2027, 2027-Q3 or 2027-09 (default: the latest in the file)": "2027, 2027-Q3 of 2027-09 (standaard: de laatste in het bestand)",
  "ASCII only: no Unicode glyphs": "alleen ASCII: geen Unicode-tekens",
  "an actuals CSV: evaluate the models' variance checks against it": "een CSV met realisatiecijfers: toets de afwijkingstoetsen van de modellen eraan",
  "also split the revenue and contribution variance into volume, mix and price": "splits ook de afwijking van omzet en dekkingsbijdrage in volume, mix en prijs",
  "also roll base forward from the actual customer base: NPV and cumulative net profit beside the plan":
    "rol ook basis door vanaf het werkelijke klantenbestand: NCW en cumulatieve nettowinst naast het plan",
  "with --reforecast: write the model with the re-forecast scenario added to FILE": "met --reforecast: schrijf het model met het herprognosescenario erbij naar FILE",
  "measure every change from this scenario instead of base": "meet elk verschil vanaf dit scenario in plaats van basis",
  "where revenue, customers and contribution move between channels and segments": "waar omzet, klanten en dekkingsbijdrage tussen kanalen en segmenten verschuiven",
  "what-if gate: check base with this value set, as in a scenario's set (repeatable)": "wat-als-poort: toets basis met deze waarde gezet, zoals in de set van een scenario (herhaalbaar)",
  "the partner programme: review real partners against a channel's tiers": "het partnerprogramma: beoordeel echte partners tegen de niveaus van een kanaal",
  "the tier review: each partner's tier from its data, promotions, demotions, grace and early warnings": "de niveaubeoordeling: het niveau van elke partner uit zijn cijfers, promoties, degradaties, respijt en vroege waarschuwingen",
  "CSV with id,name,revenue,certified,specialisations,tier,missed (a Dutch ';' export too)": "CSV met id,name,revenue,certified,specialisations,tier,missed (ook een Nederlandse export met ';')",
  "the channel whose tiers apply (default: the only one with tiers)": "het kanaal waarvan de niveaus gelden (standaard: het enige met niveaus)",
  "early warning within this distance of a requirement (default: 15%)": "vroege waarschuwing binnen deze afstand van een eis (standaard: 15%)",
  "the year of the partners and share values in --format yaml (default: the first)": "het jaar van de partners- en aandeelwaarden in --format yaml (standaard: het eerste)",
  // sensitivity, solve
  "which input matters: each one moved down and up by a step, ranked by its effect on a metric (a tornado)":
    "welke invoer telt: elke invoer een stap omlaag en omhoog, gerangschikt naar het effect op een maatstaf (een tornado)",
  "the scenario to move the inputs of (default: base)": "het scenario waarvan de invoer beweegt (standaard: base)",
  "the metric to watch (default: npv; any compare metric)": "de maatstaf om te volgen (standaard: npv; elke maatstaf van compare)",
  "a channel's metric instead of the total": "de maatstaf van een kanaal in plaats van het totaal",
  "a segment's metric instead of the total": "de maatstaf van een segment in plaats van het totaal",
  "one year's metric (default: over the horizon)": "de maatstaf van één jaar (standaard: over de horizon)",
  "how far each input moves, down and up (default: 10%; a mix share by as many points)": "hoe ver elke invoer omlaag en omhoog gaat (standaard: 10%; een mixaandeel evenveel procentpunten)",
  "only these inputs, by path: segments.*.churn, channels.partners.**": "alleen deze invoer, naar pad: segments.*.churn, channels.partners.**",
  "goal seek: the value of one input at which a metric reaches a target": "doelzoeken: de waarde van één invoer waarbij een maatstaf een doel haalt",
  "the scenario to solve in (default: base)": "het scenario om in te zoeken (standaard: base)",
  "the input to vary, by path: channels.partners.partner_margin": "de invoer die varieert, naar pad: channels.partners.partner_margin",
  "the value the metric must reach: 10%, 0, 1.5M": "de waarde die de maatstaf moet halen: 10%, 0, 1.5M",
  "the metric (default: npv; any compare metric)": "de maatstaf (standaard: npv; elke maatstaf van compare)",
  "the metric over the horizon (the default)": "de maatstaf over de horizon (de standaard)",
  // optimise
  "the channel mix per segment and year that maximises NPV or cumulative net profit, under the round table's constraints (a linear programme)":
    "de kanaalmix per segment en jaar die de NCW of de cumulatieve nettowinst maximaliseert, binnen de voorwaarden van de ronde tafel (een lineair programma)",
  "the scenario whose mix is optimised (default: base)": "het scenario waarvan de mix geoptimaliseerd wordt (standaard: base)",
  "what to maximise: npv (default) or cumulative_net_profit": "wat gemaximaliseerd wordt: npv (standaard) of cumulative_net_profit",
  "the most a share may move in a year (default: the model's optimise.max_shift, else 15%)": "hoeveel een aandeel per jaar hoogstens verschuift (standaard: optimise.max_shift van het model, anders 15%)",
  "a least share: channel=20% (every segment it serves) or segment.channel=20%; repeatable": "een minimumaandeel: kanaal=20% (elk segment dat het bedient) of segment.kanaal=20%; herhaalbaar",
  "a largest share: channel=60% or segment.channel=60%; repeatable": "een maximumaandeel: kanaal=60% of segment.kanaal=60%; herhaalbaar",
  "a channel that may not serve a segment; repeatable": "een kanaal dat een segment niet mag bedienen; herhaalbaar",
  "allow a channel's contribution below zero (default: every channel ≥ 0 every year)": "sta een dekkingsbijdrage onder nul toe (standaard: elk kanaal elk jaar ≥ 0)",
  "ignore the model's checks (default: those linear in the shares must pass at the optimum)": "negeer de toetsen van het model (standaard: de toetsen die lineair zijn in de aandelen moeten bij het optimum slagen)",
  "write the model with the optimum added as a scenario (comments kept; may be the model itself)": "schrijf het model met het optimum als scenario erbij (commentaar blijft; mag het model zelf zijn)",
  // simulate (#17)
  "Monte Carlo over the model's ranges: P10/P50/P90 of NPV and net profit, the chance of a loss and of each check failing, and what drives the spread":
    "Monte Carlo over de bandbreedtes van het model: P10/P50/P90 van NCW en nettowinst, de kans op verlies en op het falen van elke controle, en wat de spreiding drijft",
  "the scenarios to simulate (default: base; all for every one)": "de scenario's om te simuleren (standaard: base; all voor allemaal)",
  "how many draws (default: 10000)": "hoeveel trekkingen (standaard: 10000)",
  "the random generator's seed, 0 to 4294967295 (default: 1): the same seed gives the same output": "de seed van de toevalsgenerator, 0 tot 4294967295 (standaard: 1): dezelfde seed geeft dezelfde uitvoer",
  "how many inputs to list as drivers of the spread (default: 10)": "hoeveel invoer te tonen als drijvers van de spreiding (standaard: 10)",
  "bars of the NPV histogram (default: 12)": "staven van het histogram van de NCW (standaard: 12)",

};
const TITLES: Readonly<Record<string, string>> = { "Usage:": "Gebruik:", "Options:": "Opties:", "Commands:": "Commando's:", "Arguments:": "Argumenten:", "Global Options:": "Algemene opties:" };

/** The program and every command under it, subcommands (partners classify) included. */
const allCommands = (c: Command): Command[] => [c, ...c.commands.flatMap(allCommands)];

/** Every description a person can read in `--help` of this program, its commands and options. */
export function helpDescriptions(program: Command): string[] {
  const out: string[] = [];
  for (const cmd of allCommands(program)) {
    out.push(cmd.description());
    for (const o of cmd.options) out.push(o.description);
    for (const a of cmd.registeredArguments) if (a.description) out.push(a.description);
  }
  return out.filter(Boolean);
}

/** The program's help in Dutch: descriptions translated in place, titles and defaults too. */
const SCENARIO_SUFFIX = "; comma-separated or repeated (--scenario a,b)";

/** The Dutch text of a description (the --scenario suffix of scenario-option.ts translated apart). */
export function dutchDescription(s: string): string | undefined {
  if (s.endsWith(SCENARIO_SUFFIX)) {
    const head = HELP_NL[s.slice(0, -SCENARIO_SUFFIX.length)];
    return head === undefined ? undefined : `${head}; met komma's gescheiden of herhaald (--scenario a,b)`;
  }
  return HELP_NL[s];
}

/**
 * commander's own parse errors in Dutch (commander has no catalogue of its own): each message it
 * writes, matched by its English shape. Ids, option names and values stay as typed. A message not
 * in the list is left in English rather than guessed at.
 */
const COMMANDER_NL: readonly [RegExp, (...m: string[]) => string][] = [
  [/^error: unknown option '(.*)'$/, (o) => `fout: onbekende optie '${o}'`],
  [/^error: unknown command '(.*)'$/, (c) => `fout: onbekend commando '${c}'`],
  [/^\(Did you mean (.*)\?\)$/, (x) => `(Bedoel je ${x}?)`],
  [/^error: option '(.*)' argument missing$/, (o) => `fout: optie '${o}' mist een waarde`],
  [/^error: required option '(.*)' not specified$/, (o) => `fout: verplichte optie '${o}' ontbreekt`],
  [/^error: missing required argument '(.*)'$/, (a) => `fout: verplicht argument '${a}' ontbreekt`],
  [/^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/, (c, e, g) => `fout: te veel argumenten voor '${c}': ${e} verwacht, ${g} gekregen.`],
  [/^error: too many arguments\.?$/, () => "fout: te veel argumenten"],
  [/^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*?)\.(?: Did you mean '(.*)'\?)?$/, (o, v, c, close) => `fout: waarde '${v}' van optie '${o}' is ongeldig. Toegestaan: ${c}.${close ? ` Bedoel je '${close}'?` : ""}`],
  [/^error: option '(.*)' argument '(.*)' is invalid\. (.*)$/, (o, v, why) => `fout: waarde '${v}' van optie '${o}' is ongeldig. ${why}`],
  [/^error: option '(.*)' cannot be used with option '(.*)'$/, (a, b) => `fout: optie '${a}' gaat niet samen met optie '${b}'`],
  [/^\(run 'distplan --help' for usage\)$/, () => "(draai 'distplan --help' voor het gebruik)"],
];

/** One of commander's error texts (one or more lines) in Dutch, line by line. */
export function dutchCommanderError(text: string): string {
  return text.split("\n").map((line) => {
    for (const [pattern, dutch] of COMMANDER_NL) {
      const m = pattern.exec(line);
      if (m) return dutch(...m.slice(1).map((x) => x ?? ""));
    }
    return line;
  }).join("\n");
}

export function dutchHelp(program: Command): void {
  const dutch = (s: string) => dutchDescription(s) ?? s;
  for (const cmd of allCommands(program)) {
    cmd.configureOutput({ ...cmd.configureOutput(), outputError: (text, write) => write(dutchCommanderError(text)) });
    cmd.showHelpAfterError("(draai 'distplan --help' voor het gebruik)");
    cmd.description(dutch(cmd.description()));
    for (const o of cmd.options) o.description = dutch(o.description);
    for (const a of cmd.registeredArguments) if (a.description) a.description = dutch(a.description);
    cmd.helpOption("-h, --help", dutch("display help for command"));
    cmd.configureHelp({
      styleTitle: (title: string) => TITLES[title] ?? title,
      optionDescription(option) {
        return Help.prototype.optionDescription.call(this, option).replace("(choices: ", "(keuzes: ").replace(/\bdefault: /, "standaard: ");
      },
    });
  }
  if (program.commands.length > 0) program.helpCommand("help [command]", dutch("display help for command"));
}
