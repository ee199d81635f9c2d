// De teksten van de issues in het Nederlands, één sjabloon per code, naast de Engelse in
// issues.ts. Het type eist elke code: een code zonder Nederlandse tekst laat de build falen.
// Argumenten die zelf woorden zijn (een regel, een detail van de YAML-parser) komen uit de code
// die het issue maakt en blijven Engels.
import type { IssueCode, Template } from "./issues.js";

const ofList = (items: readonly (string | number | undefined)[]): string => {
  const xs = items.filter((x) => x !== undefined && x !== "").map(String);
  return xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} of ${xs.at(-1)}`;
};

/**
 * The descriptions the structure check writes in English (what a value is, what was expected,
 * where in the model) in Dutch: a value as written stays as written.
 */
export function dutchDescription(text: unknown): string {
  const t = String(text ?? "");
  const WORDS: Readonly<Record<string, string>> = {
    nothing: "niets", "a list": "een lijst", "a mapping": "een mapping", "a string": "een tekst", "a number": "een getal",
    "a boolean": "een waarheidswaarde", text: "tekst", "a whole number": "een heel getal", "true or false": "true of false",
    "the model": "het model",
  };
  if (Object.hasOwn(WORDS, t)) return WORDS[t]!;
  const m = /^the text '(.*)'$/s.exec(t);
  if (m) return `de tekst '${m[1]}'`;
  const n = /^(number|boolean) (.*)$/s.exec(t);
  if (n) return `${n[1] === "number" ? "getal" : "waarheidswaarde"} ${n[2]}`;
  // A place in the model: "segment 'smb' churn", "channel 'webshop' by_segment …".
  return t.replace(/^channel /, "kanaal ");
}
const d = dutchDescription;

const SERIES_FORMS = "een waarde, één waarde per jaar [a, b, …], { start: W, growth: G% } of { from: A, to: B }";

export const TEMPLATES_NL: Readonly<Record<IssueCode, Template>> = {
  // --- het bestand lezen ---
  FILE_NOT_FOUND: { message: (a) => `kan ${a.file} niet lezen: ${a.reason}`, hint: () => "maak een model met 'distplan init', of geef het pad van een model (zie examples/ in het distplan-pakket)" },
  FILE_IS_DIRECTORY: { message: (a) => `${a.file} is een map, geen modelbestand`, hint: (a) => `geef een modelbestand in die map, zoals ${a.example}` },
  FILE_NOT_READABLE: { message: (a) => `kan ${a.file} niet lezen: ${a.reason}`, hint: () => "controleer de rechten van het bestand, of geef een ander modelbestand" },
  FILE_TOO_LARGE: { message: (a) => `het bestand is ${a.size === undefined ? `groter dan ${a.limit}` : a.size} bytes; een model is hoogstens ${a.limit} bytes`, hint: () => "een distributieplan is een paar kilobyte; controleer of dit het bedoelde model is" },
  NOT_UTF8: {
    message: (a) => (a.byte ? `het bestand is geen geldige UTF-8-tekst: byte ${a.byte} hoort hier niet bij een UTF-8-teken` : "het bestand is geen geldige UTF-8-tekst"),
    hint: (a) => `sla het model op als UTF-8 (in de meeste editors: 'Opslaan met codering')${a.encoding ? `; byte ${a.byte} is '${a.char}' in ${a.encoding}, dus het bestand is waarschijnlijk opgeslagen als ${a.encoding}` : ""}`,
  },
  UTF16_FILE: { message: (a) => `het bestand is UTF-16-tekst (${a.order}), geen UTF-8`, hint: () => "sla het model op als UTF-8 (in de meeste editors: 'Opslaan met codering'; Kladblok: 'UTF-8')" },
  BINARY_FILE: { message: () => "het bestand bevat NUL-bytes: het lijkt binair, geen YAML", hint: () => "geef een YAML-modelbestand" },
  EMPTY_FILE: { message: () => "het modelbestand is leeg", hint: () => "schrijf een eerste model met 'distplan init'" },
  YAML_SYNTAX: {
    message: (a) => `YAML: ${a.detail}`,
    hint: (a) => `${a.hint || "herstel de YAML-syntaxis op deze plek (inspringing, een ontbrekende ':' of een niet gesloten aanhalingsteken of haakje zijn de gewone oorzaken)"}${Number(a.suppressed) > 0 ? `; ${a.suppressed} latere YAML-fout${a.suppressed === 1 ? " volgt" : "en volgen"} hieruit en ${a.suppressed === 1 ? "wordt" : "worden"} niet getoond` : ""}`,
  },
  DUPLICATE_KEY: { message: (a) => `de sleutel '${a.key}' staat twee keer in deze mapping`, hint: () => "houd er één: YAML zou stilzwijgend de laatste nemen" },
  ALIAS_LIMIT: { message: () => "te veel uitgeklapte YAML-aliassen (een aliasbom?)", hint: () => "schrijf de waarden uit, of gebruik minder geneste aliassen" },
  TOO_DEEP: { message: (a) => `het document is dieper genest dan ${a.limit} niveaus`, hint: () => "een model heeft hoogstens een paar niveaus nodig; zoek naar haakjes die niet sluiten" },
  UNKNOWN_TAG: { message: (a) => `onbekende YAML-tag ${a.tag}`, hint: () => "haal de tag weg: een model gebruikt alleen gewone YAML-waarden" },
  MULTIPLE_DOCUMENTS: { message: () => "het bestand bevat meer dan één YAML-document", hint: () => "houd één model per bestand (haal het scheidingsteken '---' weg)" },
  ROOT_NOT_MAPPING: { message: (a) => `het model moet een mapping van sleutels zijn, niet ${d(a.found)}`, hint: () => "begin bovenaan met 'version: 1' en 'name: …' (zie 'distplan init')" },
  // --- structuur (JSON Schema) ---
  UNKNOWN_KEY: { message: (a) => `onbekende sleutel '${a.key}'${a.where ? ` in ${d(a.where)}` : ""}`, hint: (a) => (a.suggestion ? `bedoel je '${a.suggestion}'?` : `hier toegestaan: ${a.allowed}`) },
  MISSING_KEY: { message: (a) => `verplichte sleutel '${a.key}' ontbreekt${a.where ? ` in ${d(a.where)}` : ""}`, hint: (a) => `voeg '${a.key}: …' toe${a.example ? ` (bijvoorbeeld ${a.example})` : ""}` },
  WRONG_TYPE: { message: (a) => `verwacht: ${d(a.expected)}, gevonden: ${d(a.found)}`, hint: (a) => (a.hint ? (String(a.hint).startsWith("a series is") ? `een reeks is ${SERIES_FORMS}` : String(a.hint)) : `schrijf hier ${d(a.expected)}`) },
  BAD_MONEY: { message: (a) => `'${a.value}' is geen bedrag`, hint: () => 'schrijf een getal (1400000 of 1400000.50) of een tekst met "_" als scheiding en eventueel k of M erachter ("1.4M", "1_400_000")' },
  BAD_COUNT: { message: (a) => `'${a.value}' is geen aantal klanten`, hint: () => 'schrijf een getal van nul of meer (120, 12.5) of een tekst als "1.2k"' },
  BAD_PERCENT: { message: (a) => `'${a.value}' is geen percentage`, hint: () => 'schrijf "42%" of de breuk 0.42' },
  PERCENT_AMBIGUOUS: { message: (a) => `${a.value} in een procentveld betekent ${a.asPercent}`, hint: (a) => `${a.value} betekent ${a.asPercent}; schrijf ${a.value}% of ${a.asFraction}` },
  BAD_ID: { message: (a) => `'${a.value}' is geen geldige id`, hint: (a) => `een id is in kleine letters: een letter, dan letters, cijfers, '_' of '-'${a.suggestion ? ` (bijv. '${a.suggestion}')` : ""}` },
  BAD_ENUM: { message: (a) => `'${a.value}' is niet een van ${a.allowed}`, hint: (a) => (a.suggestion ? `bedoel je '${a.suggestion}'?` : `gebruik een van ${a.allowed}`) },
  BAD_VERSION: { message: (a) => `formaatversie ${a.value} wordt niet ondersteund`, hint: () => "deze distplan leest formaatversie 1: schrijf 'version: 1'" },
  UNKNOWN_CURRENCY: { message: (a) => `'${a.value}' is geen geldende ISO 4217-valutacode`, hint: (a) => (a.suggestion ? `bedoel je '${a.suggestion}'?` : "gebruik de drieletterige code van een valuta, zoals EUR, USD of GBP") },
  BAD_CURRENCY: { message: (a) => `'${a.value}' is geen ISO 4217-valutacode`, hint: () => "gebruik drie hoofdletters, zoals EUR, USD of GBP" },
  OUT_OF_RANGE: { message: (a) => `${a.value} valt buiten het bereik: ${a.rule}`, hint: (a) => `gebruik een waarde ${a.rule}` },
  BAD_SERIES: { message: (a) => `dit is geen geldige reeks: ${a.detail}`, hint: () => `een reeks is ${SERIES_FORMS}` },
  EMPTY_LIST: { message: (a) => `${a.what} mag niet leeg zijn`, hint: (a) => `voeg minstens één ${a.item} toe` },
  BAD_SCENARIO_PATH: { message: (a) => `'${a.value}' is geen modelpad`, hint: () => "schrijf een pad met punten, zoals channels.webshop.fixed_costs.platform of mix.smb.webshop" },
  BAD_YEARS_SELECTOR: { message: (a) => `'${a.value}' is geen jaarkeuze`, hint: () => 'schrijf all, last, een jaar (2029) of een reeks jaren ("2029..2031")' },
  AMBIGUOUS_THOUSANDS: {
    message: (a) => (a.decimal
      ? `${a.value} leest als ${a.decimal}, maar met '.' als duizendtalscheiding (Nederlands) betekent het ${a.thousands}`
      : `${a.value} gebruikt '.' als duizendtalscheiding (${a.thousands}); distplan leest een punt als decimaalteken`),
    hint: (a) => `voor ${a.thousands} schrijf je ${ofList([a.thousands, a.underscored, a.short])}` +
      (a.decimal ? `; voor ${a.decimal} schrijf je ${a.decimal}${String(a.decimal).includes(".") ? "" : ` of "${a.decimal}.0"`}` : ""),
  },
  DECIMAL_COMMA: {
    message: (a) => `${a.value} heeft een komma: distplan leest '.' als decimaalteken, en kent geen duizendtalscheiding behalve '_'`,
    hint: (a) => `schrijf ${a.corrected}${a.alternative ? ` (of ${a.alternative} als de komma duizendtallen scheidt)` : ""}`,
  },
  NUMBER_NOT_EXACT: { message: (a) => `het getal ${a.source} heeft meer cijfers dan exact gelezen kunnen worden`, hint: (a) => `schrijf het als tekst: "${a.source}"` },
  INVALID_VALUE: { message: (a) => `ongeldige waarde: ${a.detail}`, hint: () => "zie 'distplan schema' voor het modelformaat" },
  // --- betekenis ---
  DUPLICATE_ID: { message: (a) => `de id '${a.id}' komt twee keer voor in ${a.list}`, hint: (a) => `een id is uniek binnen ${a.list}; geef er één een andere naam` },
  UNKNOWN_SEGMENT: { message: (a) => `onbekend segment '${a.id}'`, hint: (a) => (a.suggestion ? `bedoel je '${a.suggestion}'?` : `de segmenten zijn: ${a.known}`) },
  UNKNOWN_CHANNEL: { message: (a) => `onbekend kanaal '${a.id}'`, hint: (a) => (a.suggestion ? `bedoel je '${a.suggestion}'?` : `de kanalen zijn: ${a.known}`) },
  UNKNOWN_SCENARIO: { message: (a) => `onbekend scenario '${a.id}'`, hint: (a) => (a.suggestion ? `bedoel je '${a.suggestion}'?` : `de scenario's zijn: ${a.known}`) },
  MIX_MISSING: { message: (a) => `segment '${a.segment}' heeft geen kanaalmix`, hint: (a) => `voeg 'mix: { ${a.segment}: { <kanaal>: 100% } }' toe` },
  MIX_NOT_100: { message: (a) => `de mix van '${a.segment}' telt op tot ${a.sum} in ${a.year}`, hint: () => "de kanaalaandelen van elk segment moeten elk jaar precies 100% zijn" },
  SERIES_LENGTH: { message: (a) => `deze lijst heeft ${a.found} waarden; de horizon heeft ${a.years} jaar`, hint: (a) => `geef precies één waarde per jaar (${a.years}), of één waarde voor alle jaren` },
  NEGATIVE_VALUE: { message: (a) => `${a.field} mag niet negatief zijn (gevonden: ${a.value}${a.year ? ` in ${a.year}` : ""})`, hint: () => "gebruik nul of een positieve waarde" },
  PERCENT_OVER_100: { message: (a) => `${a.field} is ${a.value}${a.year ? ` in ${a.year}` : ""}; dat kan niet boven 100% liggen`, hint: () => "gebruik een aandeel tussen 0% en 100%" },
  AMOUNT_TOO_LARGE: { message: (a) => `${a.field} komt op ${a.value}${a.year ? ` in ${a.year}` : ""}, boven de grens van ${a.limit}`, hint: (a) => `distplan rekent tot ${a.limit} exact op de cent; controleer de eenheid (k, M) en de groei` },
  RANGE_ORDER: { message: (a) => `de bandbreedte van ${a.field} moet ${a.rule} hebben (gevonden: ${a.found})`, hint: () => "schrijf de laagste waarde eerst: { low: 14%, mode: 18%, high: 24% } of { p10: 7%, p90: 13% }" },
  RANGE_FORM: { message: (a) => `de bandbreedte van ${a.field} mengt low/mode/high met p10/p90`, hint: () => "schrijf { low, mode, high } (triangular of pert) of { p10, p90 } (normal of lognormal)" },
  RANGE_DIST: { message: (a) => `dist: ${a.dist} past niet bij een bandbreedte van ${a.form}`, hint: (a) => `een bandbreedte van ${a.form} is ${String(a.fits).replace(" or ", " of ")}` },
  RANGE_LOGNORMAL: { message: (a) => `een lognormale bandbreedte van ${a.field} vraagt een p10 boven nul (gevonden: ${a.value})`, hint: () => "gebruik dist: normal, of een p10 boven nul" },
  RANGE_NOT_ALLOWED: { message: (a) => `${a.field} kan geen bandbreedte zijn: ${a.why}`, hint: () => "schrijf hier één waarde; bandbreedtes horen bij de invoer van het plan (klanten, verloop, prijzen, marges, kosten)" },
  CORRELATE_UNKNOWN: {
    message: (a) => (a.many ? `'${a.name}' bevat meer dan één bandbreedte; noem er één` : `'${a.name}' is geen bandbreedte van dit model`),
    hint: (a) => (a.suggestion ? `bedoel je '${a.suggestion}'? ` : "") + `de bandbreedtes${a.many ? " daaronder" : ""} zijn: ${a.known || "geen"}`,
  },
  CORRELATE_SELF: { message: (a) => `een correlatie koppelt '${a.name}' aan zichzelf`, hint: () => "noem twee verschillende bandbreedtes in between" },
  CORRELATE_TWICE: { message: (a) => `'${a.a}' en '${a.b}' zijn al gekoppeld (correlate-regel ${a.first})`, hint: () => "houd één correlatie per paar bandbreedtes" },
  CORRELATE_IMPOSSIBLE: { message: (a) => `de ${a.count} correlaties kunnen niet samen gelden (hun matrix is niet positief definiet)`, hint: () => "maak er enkele zwakker: a sterk met b en b sterk met c dwingt ook a sterk met c" },
  GROWTH_TOO_LOW: { message: (a) => `een groei van ${a.value} zou de waarde negatief maken`, hint: () => "de groei moet boven -100% liggen" },
  PARTNER_MARGIN_NOT_INDIRECT: { message: (a) => `partner_margin op het ${a.type}-kanaal '${a.channel}'`, hint: () => "alleen een indirect kanaal heeft partners die een marge houden; gebruik price_discount voor een lagere eindklantprijs" },
  TIERS_NOT_INDIRECT: { message: (a) => `tiers op het ${a.type}-kanaal '${a.channel}'`, hint: () => "alleen een indirect kanaal heeft een partnerprogramma; zet de niveaus bij een indirect kanaal of haal ze weg" },
  TIERS_WITH_PARTNER_MARGIN: { message: (a) => `'${a.channel}' heeft tiers én een partner_margin`, hint: () => "met niveaus is de partnermarge de partner_margin van elk niveau, gewogen naar zijn aandeel; haal deze partner_margin weg" },
  TIER_SHARES_NOT_100: { message: (a) => `de aandelen van de niveaus van '${a.channel}' tellen op tot ${a.sum} in ${a.year}`, hint: () => "de aandelen van de niveaus in de sell-out van het kanaal moeten elk jaar precies 100% zijn" },
  CONFLICT_SAME_CHANNEL: { message: (a) => `verkoper en eigenaar van de conflictregel zijn allebei '${a.channel}'`, hint: () => "een conflict gaat tussen twee verschillende kanalen" },
  CONFLICT_NOT_SERVED: { message: (a) => `'${a.channel}' bedient '${a.segment}' niet in de mix, dus deze conflictregel geldt nooit`, hint: (a) => `voeg ${a.channel} toe aan mix.${a.segment}, of haal de regel weg` },
  SHARES_NOT_100: { message: (a) => `de verdeelaandelen van '${a.id}' tellen op tot ${a.sum}`, hint: () => "vaste verdeelaandelen moeten samen precies 100% zijn" },
  UNUSED_CHANNEL: { message: (a) => `kanaal '${a.channel}' bedient geen segment in de mix`, hint: () => "het draagt nog wel zijn vaste kosten en inkomsten; neem het op in de mix of haal het weg" },
  SCENARIO_BASE_ID: { message: () => "een scenario kan niet 'base' heten", hint: () => "'base' is het model zelf; kies een andere id" },
  SCENARIO_PATH_NOT_FOUND: { message: (a) => `scenariopad '${a.path}': ${a.detail}`, hint: (a) => a.suggestion ? `bedoel je '${a.suggestion}'?` : a.known ? `de ids daar zijn: ${a.known}` : "lijstelementen heten naar hun id (channels.webshop…), mapsleutels naar hun sleutel (mix.smb.webshop)" },
  SCENARIO_SET_FORBIDDEN: {
    message: (a) => `een scenario kan '${a.key}' niet zetten`,
    hint: (a) => a.reason === "horizon" ? "scenario's worden jaar voor jaar over één horizon vergeleken; maak voor een andere horizon een apart model"
      : a.reason === "currency" ? "scenario's worden in één valuta vergeleken; maak voor een andere valuta een apart model"
      : a.reason === "name" ? "een scenario heeft een eigen naam: schrijf die als de naam van het scenario, naast zijn id"
      : `'${a.key}' hoort bij het bestand zelf; een scenario mag discount_rate, segments, channels, mix, conflicts en shared_costs zetten`,
  },
  SCENARIO_CYCLE: { message: (a) => `scenario's breiden elkaar in een kring uit: ${a.cycle}`, hint: () => "doorbreek de kring: een van hen moet van basis uitgaan" },
  TOO_MANY_SCENARIOS: { message: (a) => `het model heeft ${a.count} scenario's; een model bevat er hoogstens ${a.limit}`, hint: () => "verdeel de scenario's over meerdere modelbestanden (elk met dezelfde basis), of laat de scenario's weg die niemand vergelijkt" },
  CHECK_NO_BOUND: { message: () => "een toets heeft 'min' of 'max' nodig", hint: () => "voeg min: … of max: … toe (bijvoorbeeld min: 0)" },
  CHECK_SCOPE: { message: () => "een toets gaat over een kanaal of een segment, niet over beide", hint: () => "schrijf twee toetsen, één per bereik" },
  CHECK_METRIC_SCOPE: { message: (a) => `een segment heeft geen '${a.metric}'`, hint: () => "een toets op een segment neemt revenue, market_revenue, gross_profit, gross_margin, cm1 of customers" },
  CHECK_YEAR_RANGE: { message: (a) => `jaar ${a.year} valt buiten het plan (${a.first}–${a.last})`, hint: (a) => `gebruik een jaar van ${a.first} tot en met ${a.last}, 'all' of 'last'` },
  CHECK_MIN_GT_MAX: { message: (a) => `min ${a.min} ligt boven max ${a.max}`, hint: () => "geen enkele waarde kan slagen; verwissel ze" },
  PLAUSIBILITY: { message: (a) => `${a.field} is ${a.value}${a.year ? ` in ${a.year}` : ""}: ${a.rule}`, hint: () => "controleer de waarde op een tikfout of een verschoven eenheid; klopt ze, dan mag deze waarschuwing blijven (ze laat check nooit falen, ook niet met --strict)" },
  CHECK_BOUND_UNIT: { message: (a) => `de grens ${a.value} past niet bij '${a.metric}'`, hint: (a) => (a.ratio ? `'${a.metric}' is een verhouding: schrijf een percentage zoals 10%` : `'${a.metric}' is een bedrag: schrijf een getal zoals 0 of "1.5M"`) },
  SEASONALITY_NOT_100: { message: (a) => `de seizoensgewichten tellen op tot ${a.sum}`, hint: () => "de 4 kwartaal- of 12 maandgewichten moeten samen precies 100% zijn" },
  SEASONALITY_LENGTH: { message: (a) => `seasonality heeft ${a.count} gewichten`, hint: () => "geef 4 gewichten (kwartalen) of 12 (maanden), in kalendervolgorde" },
  CHECK_VARIANCE: { message: (a) => `${a.what}`, hint: () => "een afwijkingstoets heeft kind: variance, metric revenue of contribution, max_below, en eventueel name, channel en scenarios" },
};
