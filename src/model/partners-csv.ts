// A partner list for the tier review (`distplan partners classify`): one row per partner with
// id, name, trailing-year revenue, certified people, optional specialisations (separated by '|'),
// current tier and reviews missed. Read with csv-parse; a Dutch export (';', decimal comma,
// € 1.234,56) is recognised; every bad row is an error with its line and column, and nothing is
// half-read. Pure: the file is read in src/cli.
import type { Decimal } from "../money/decimal.js";
import { inLanguage, suggest } from "./issues.js";
import { columnsHint, fieldColumns, parseAmount, readCsvTable, type ActualsError } from "./actuals.js";

const t = inLanguage;

export interface PartnerRow {
  readonly line: number;
  readonly id: string;
  readonly name: string;
  readonly revenue: Decimal;
  readonly certified: Decimal;
  readonly specialisations: readonly string[];
  /** The tier the partner holds now, or null for a new partner. */
  readonly tier: string | null;
  /** Reviews in a row the partner has already missed its tier's requirements (for its grace). */
  readonly missed: number;
}

const REQUIRED = ["id", "revenue", "certified"] as const;
const OPTIONAL = ["name", "specialisations", "tier", "missed"] as const;
const COLUMNS = [...REQUIRED, ...OPTIONAL] as const;
type Column = (typeof COLUMNS)[number];

export type PartnersResult = { readonly ok: true; readonly rows: readonly PartnerRow[]; readonly dutch: boolean } | { readonly ok: false; readonly errors: readonly ActualsError[] };

export function parsePartners(text: string, tiers: readonly string[]): PartnersResult {
  const read = readCsvTable(text, {
    what: { en: "partner file", nl: "partnerbestand" }, columns: COLUMNS, required: REQUIRED,
    headerHint: (d) => t(`the header line is ${COLUMNS.join(d)} (name, specialisations, tier and missed may be left out)`, `de kopregel is ${COLUMNS.join(d)} (name, specialisations, tier en missed mogen ontbreken)`),
  });
  if (!read.ok) return read;
  const { dutch, delimiter, header, index, rows: records } = read.table;
  const errors: ActualsError[] = [];
  const rows: PartnerRow[] = [];
  const seen = new Map<string, number>();
  const at = (c: Column): number => index.get(c) ?? -1;
  const [iId, iName, iRevenue, iCertified, iSpecialisations, iTier, iMissed] = [at("id"), at("name"), at("revenue"), at("certified"), at("specialisations"), at("tier"), at("missed")] as const;
  // No closure per row (a list may have 100,000): columns are counted only for an error.
  let r: (typeof records)[number];
  const col = (i: number) => fieldColumns(r.raw, delimiter)[i] ?? 1;
  const cell = (i: number) => (i < 0 ? "" : (r.record[i] ?? "").trim());
  let line = 0;
  const amount = (i: number, what: { en: string; nl: string }) => {
    const x = cell(i);
    const v = parseAmount(x, dutch);
    if (!v || v.isNegative()) errors.push({ code: "BAD_VALUE", line, col: col(i), message: t(`'${x}' is not ${what.en}`, `'${x}' is geen ${what.nl}`), hint: dutch ? t("a Dutch file writes 1.234,56 or € 1.234,56 (decimal comma), never below zero", "een Nederlands bestand schrijft 1.234,56 of € 1.234,56 (decimale komma), nooit onder nul") : t("write 1234.56 or €1234.56, never below zero", "schrijf 1234.56 of €1234.56, nooit onder nul") });
    return v;
  };
  const REVENUE = { en: "a revenue", nl: "omzet" };
  const CERTIFIED = { en: "a number of certified people", nl: "aantal gecertificeerde mensen" };
  for (r of records) {
    line = r.info.lines;
    if (r.record.length !== header.record.length) {
      errors.push({ code: "CSV_COLUMNS", line, col: 1, message: t(`the row has ${r.record.length} fields, the header ${header.record.length}`, `de rij heeft ${r.record.length} velden, de kopregel ${header.record.length}`), hint: columnsHint(dutch) });
      continue;
    }
    const before = errors.length;
    const id = cell(iId);
    if (id === "") errors.push({ code: "BAD_VALUE", line, col: col(iId), message: t("the partner has no id", "de partner heeft geen id"), hint: t("give every partner an id of its own (a customer number)", "geef elke partner een eigen id (een klantnummer)") });
    const revenue = amount(iRevenue, REVENUE);
    const certified = amount(iCertified, CERTIFIED);
    const tier = cell(iTier);
    if (tier !== "" && !tiers.includes(tier)) {
      const s = suggest(tier, tiers);
      errors.push({ code: "UNKNOWN_TIER", line, col: col(iTier), message: t(`unknown tier '${tier}'`, `onbekend niveau '${tier}'`), hint: s ? t(`did you mean '${s}'?`, `bedoel je '${s}'?`) : t(`the channel's tiers are ${tiers.join(", ")}`, `de niveaus van het kanaal zijn ${tiers.join(", ")}`) });
    }
    const missed = cell(iMissed);
    if (missed !== "" && !/^\d+$/.test(missed)) errors.push({ code: "BAD_VALUE", line, col: col(iMissed), message: t(`'${missed}' is not a number of reviews`, `'${missed}' is geen aantal beoordelingen`), hint: t("write the reviews in a row the partner has missed its tier's requirements: 0, 1, 2 …", "schrijf hoeveel beoordelingen op rij de partner de eisen van zijn niveau miste: 0, 1, 2 …") });
    if (errors.length > before || !revenue || !certified) continue;
    const first = seen.get(id);
    if (first !== undefined) {
      errors.push({ code: "DUPLICATE_ROW", line, col: col(iId), message: t(`partner '${id}' is listed twice (first on line ${first})`, `partner '${id}' staat er twee keer in (eerst op regel ${first})`), hint: t("keep one row per partner", "houd één rij per partner") });
      continue;
    }
    seen.set(id, line);
    const specialisations = iSpecialisations < 0 ? [] : cell(iSpecialisations).split("|").map((x) => x.trim()).filter(Boolean);
    rows.push({ line, id, name: cell(iName) || id, revenue, certified, specialisations, tier: tier || null, missed: missed ? Number(missed) : 0 });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows, dutch };
}
