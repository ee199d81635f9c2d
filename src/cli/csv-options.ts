// --csv-delimiter, --bom and --locale as the CSV renderer's options (report and compare).
import { MACHINE_CSV, type CsvOptions } from "../render/csv.js";
import { UsageError } from "./errors.js";
import { say } from "./words.js";
import { localeStyle } from "./output.js";

export interface CsvFlags {
  readonly csvDelimiter?: string;
  readonly bom?: boolean;
  readonly locale?: string;
}

const NAMED: Readonly<Record<string, string>> = { tab: "\t", "\\t": "\t", comma: ",", semicolon: ";" };

/** Without --locale and --csv-delimiter: the machine CSV (comma, decimal point). A locale with a
 *  decimal comma (nl-NL, de-DE) writes it in numbers and separates fields with `;`. */
export function csvOptions(flags: CsvFlags): CsvOptions {
  const decimal = flags.locale === undefined ? "." : localeStyle(flags.locale).decimal === "," ? "," : ".";
  let delimiter = decimal === "," ? ";" : MACHINE_CSV.delimiter;
  if (flags.csvDelimiter !== undefined) {
    const given = NAMED[flags.csvDelimiter] ?? flags.csvDelimiter;
    if ([...given].length !== 1 || /["\r\n]/.test(given) || /[0-9a-zA-Z.\-+]/.test(given) || given === decimal) {
      throw new UsageError(
        say({
          en: `--csv-delimiter ${JSON.stringify(flags.csvDelimiter)} cannot separate fields${given === decimal ? `: it is the decimal mark of --locale ${flags.locale}` : ""}`,
          nl: `--csv-delimiter ${JSON.stringify(flags.csvDelimiter)} kan geen velden scheiden${given === decimal ? `: het is het decimaalteken van --locale ${flags.locale}` : ""}`,
        }),
        say({
          en: "give one character that is not a quote, digit, letter, sign or the decimal mark: ';', ',', '|' or 'tab'",
          nl: "geef één teken dat geen aanhalingsteken, cijfer, letter, plus- of minteken of het decimaalteken is: ';', ',', '|' of 'tab'",
        }),
      );
    }
    delimiter = given;
  }
  return { delimiter, decimal, bom: flags.bom === true };
}
