// distplan partners classify PARTNERS.csv --model M --channel ID: the tier review of a partner
// list (src/engine/classify.ts) against the channel's tiers. The CSV parser (csv-parse) is loaded
// only here.
import { Decimal } from "../../money/decimal.js";
import { suggest } from "../../model/issues.js";
import { reviewPartners } from "../../engine/classify.js";
import { reviewData, reviewRecords, reviewView, reviewYaml } from "../../views/partners.js";
import { readModelInput, sourceName } from "../read.js";
import { renderTerminal, DEFAULT_TERMINAL_OPTIONS } from "../../render/table.js";
import { renderMarkdown } from "../../render/markdown.js";
import { renderJson } from "../../render/json.js";
import { renderCsv } from "../../render/csv.js";
import { csvOptions } from "../csv-options.js";
import { issuesAsText } from "../issues.js";
import { EXIT, UsageError } from "../errors.js";
import { say } from "../words.js";
import { loadValidModel, resolveModelPath } from "../models.js";
import { localeStyle, stderrPaint, stdoutPaint, terminalWidth, wantsAscii, writeErr, writeOut, type GlobalOptions } from "../output.js";

export interface ClassifyOptions extends GlobalOptions {
  readonly model?: string;
  readonly channel?: string;
  readonly warn?: string;
  readonly year?: string;
  readonly format: "table" | "json" | "csv" | "md" | "yaml";
  readonly csvDelimiter?: string;
  readonly bom?: boolean;
  readonly locale?: string;
  readonly width?: string;
  readonly ascii?: boolean;
}

/** A partner list may be far larger than a model: 100,000 partners are about 5 MB. Still bounded. */
const PARTNER_FILE_LIMIT = 64 * 1024 * 1024;

export async function runClassify(csvArg: string, options: ClassifyOptions): Promise<number> {
  const csv = options.format === "csv" ? csvOptions(options) : null;
  const loaded = await loadValidModel(resolveModelPath(options.model));
  writeErr(issuesAsText(loaded, stderrPaint(options), ["warning"]));
  const model = loaded.scenarios[0]!.model;
  const tiered = model.channels.filter((c) => c.tiers.length > 0).map((c) => c.id);
  if (tiered.length === 0) throw new UsageError(say({ en: `${loaded.source} has no channel with tiers`, nl: `${loaded.source} heeft geen kanaal met niveaus (tiers)` }), say({ en: "give an indirect channel a tiers: list (docs/MODEL.md §14a)", nl: "geef een indirect kanaal een lijst tiers: (docs/MODEL.md §14a)" }));
  const id = options.channel ?? (tiered.length === 1 ? tiered[0]! : undefined);
  if (id === undefined) throw new UsageError(say({ en: "which channel's tiers?", nl: "de niveaus van welk kanaal?" }), say({ en: `pass --channel ${tiered.join(" or --channel ")}`, nl: `geef --channel ${tiered.join(" of --channel ")}` }));
  const channel = model.channels.find((c) => c.id === id && c.tiers.length > 0);
  if (!channel) {
    const close = suggest(id, tiered);
    throw new UsageError(say({ en: `'${id}' is not a channel with tiers in ${loaded.source}`, nl: `'${id}' is geen kanaal met niveaus in ${loaded.source}` }), close ? say({ en: `did you mean '${close}'?`, nl: `bedoel je '${close}'?` }) : say({ en: `channels with tiers: ${tiered.join(", ")}`, nl: `kanalen met niveaus: ${tiered.join(", ")}` }));
  }
  const warn = parseWarn(options.warn);
  const year = options.year === undefined ? model.startYear : Number(options.year);
  if (!Number.isInteger(year) || year < model.startYear || year >= model.startYear + model.years) throw new UsageError(say({ en: `--year ${options.year} is not a year of the plan`, nl: `--year ${options.year} is geen jaar van het plan` }), say({ en: `the plan runs from ${model.startYear} to ${model.startYear + model.years - 1}`, nl: `het plan loopt van ${model.startYear} tot en met ${model.startYear + model.years - 1}` }));

  const file = sourceName(csvArg);
  const read = await readModelInput(csvArg, PARTNER_FILE_LIMIT);
  if ("issue" in read) {
    const reason = read.issue.code === "FILE_TOO_LARGE" ? say({ en: `it is larger than ${PARTNER_FILE_LIMIT} bytes`, nl: `het is groter dan ${PARTNER_FILE_LIMIT} bytes` }) : String(read.issue.args.reason ?? read.issue.code);
    writeErr(say({
      en: `${file}:1:1: error ${read.issue.code}: cannot read the partner file: ${reason}\n  hint: pass the path of a CSV file with the columns id,name,revenue,certified,specialisations,tier,missed\n`,
      nl: `${file}:1:1: fout ${read.issue.code}: kan het partnerbestand niet lezen: ${reason}\n  tip: geef het pad van een CSV-bestand met de kolommen id,name,revenue,certified,specialisations,tier,missed\n`,
    }));
    return EXIT.usage;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(read.bytes);
  } catch {
    writeErr(say({
      en: `${file}:1:1: error NOT_UTF8: the partner file is not valid UTF-8 text\n  hint: export the CSV as UTF-8 (Excel: 'CSV UTF-8')\n`,
      nl: `${file}:1:1: fout NOT_UTF8: het partnerbestand is geen geldige UTF-8-tekst\n  tip: exporteer de CSV als UTF-8 (Excel: 'CSV UTF-8')\n`,
    }));
    return EXIT.usage;
  }
  const [{ parsePartners }, { formatActualsError }] = await Promise.all([import("../../model/partners-csv.js"), import("../../model/actuals.js")]);
  const parsed = parsePartners(text, channel.tiers.map((k) => k.id));
  if (!parsed.ok) {
    writeErr(parsed.errors.map((e) => `${formatActualsError(file, e)}\n`).join(""));
    return EXIT.usage;
  }
  const review = reviewPartners(channel.tiers, parsed.rows, warn);
  const c = { model: model.name, channel: channel.id, currency: model.currency, minorUnits: model.minorUnits, file, warn };
  const style = localeStyle(options.locale);
  switch (options.format) {
    case "table": writeOut(renderTerminal(reviewView(review, c, "screen"), { ...DEFAULT_TERMINAL_OPTIONS, width: terminalWidth(options.width), paint: stdoutPaint(options), style, unit: "1", ascii: wantsAscii(options.ascii) })); break;
    case "json": writeOut(renderJson(reviewData(review, c))); break;
    case "csv": writeOut(renderCsv(reviewRecords(review, c), csv!)); break;
    case "md": writeOut(renderMarkdown(reviewView(review, c, "page"), { style })); break;
    case "yaml": writeOut(reviewYaml(review, c, year)); break;
  }
  return EXIT.ok;
}

function parseWarn(text: string | undefined): Decimal {
  if (text === undefined) return new Decimal("0.15");
  const m = /^(\d+(?:\.\d+)?)%$/.exec(text.trim());
  if (!m) throw new UsageError(say({ en: `--warn '${text}' is not a percentage`, nl: `--warn '${text}' is geen percentage` }), say({ en: "write it like --warn 15%", nl: "schrijf het als --warn 15%" }));
  return new Decimal(m[1]!).dividedBy(100);
}
