// Canonical formatting of a model file (`distplan fmt`), keeping every comment: keys in the order
// of the JSON Schema, two-space indent, percentages as "42%" strings, plain scalars wherever YAML
// reads them back the same, no line folding. Values never change meaning: 0.42 and "42%" are the
// same share, and amounts keep the way they were written ("1.4M" stays "1.4M"). Pure.
import { Alias, isAlias, isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import { Decimal } from "../money/decimal.js";
import { modelSchema } from "./schema.js";

type Shape = { order?: readonly string[]; fields?: Readonly<Record<string, Shape>>; items?: Shape; values?: Shape; percent?: boolean };

const PERCENT: Shape = { percent: true, items: { percent: true }, fields: { start: { percent: true }, from: { percent: true }, to: { percent: true }, growth: { percent: true } } };
const AMOUNT: Shape = { fields: { growth: { percent: true } } };
const keysOf = (def: { properties: object }) => Object.keys(def.properties);
const defs = modelSchema.$defs;

const OVERRIDES: Shape = { order: keysOf(defs.overrides), fields: { price_discount: PERCENT, partner_margin: PERCENT, acquisition_cost: AMOUNT, service_cost: AMOUNT } };
const SEGMENT: Shape = { order: keysOf(defs.segment), fields: { churn: PERCENT, gross_margin: PERCENT, new_customers: AMOUNT, market_potential: AMOUNT, revenue_per_customer: AMOUNT } };
const TIER: Shape = {
  order: keysOf(defs.tier),
  fields: { partner_margin: PERCENT, rebate: PERCENT, mdf: PERCENT, fee: AMOUNT, partners: AMOUNT, share: PERCENT, requires: { order: keysOf(defs.tier_requires) } },
};
const CHANNEL: Shape = {
  order: keysOf(defs.channel),
  fields: {
    ...OVERRIDES.fields,
    variable_costs: { values: PERCENT },
    fixed_costs: { values: AMOUNT },
    income: { values: AMOUNT },
    by_segment: { values: OVERRIDES },
    tiers: { items: TIER },
  },
};
const CONFLICT: Shape = { order: keysOf(defs.conflict), fields: { overlap: PERCENT, compensation: PERCENT } };
const SHARED: Shape = { order: keysOf(defs.shared_cost), fields: { amount: AMOUNT, allocate_by: { values: { percent: true } } } };
const MODEL: Shape = {
  order: Object.keys(modelSchema.properties),
  fields: {
    discount_rate: { percent: true },
    segments: { items: SEGMENT },
    channels: { items: CHANNEL },
    mix: { values: { values: PERCENT } },
    conflicts: { items: CONFLICT },
    shared_costs: { items: SHARED },
    scenarios: { items: { order: keysOf(defs.scenario) } },
    checks: { items: { order: keysOf(defs.check) } },
  },
};

/** The shape of the node a scenario's `set` path points at, so its value is formatted too. */
function shapeAtPath(path: readonly string[]): Shape | undefined {
  let shape: Shape | undefined = MODEL;
  for (let i = 0; i < path.length && shape; i++) {
    const segment = path[i]!;
    if (shape.fields?.[segment]) shape = shape.fields[segment];
    else if (shape.items) shape = shape.items; // a list entry addressed by id
    else if (shape.values) shape = shape.values;
    else return undefined;
  }
  return shape;
}

function percentText(value: number | string): string | null {
  if (typeof value !== "number" || !Number.isFinite(value) || Math.abs(value) > 1) return null;
  return `${new Decimal(String(value)).times(100).toFixed()}%`;
}

function formatNode(node: unknown, shape: Shape | undefined): void {
  if (isScalar(node)) {
    if (shape?.percent && typeof node.value === "number") {
      const text = percentText(node.value);
      if (text !== null) node.value = text;
    }
    if (typeof node.value === "string") node.type = Scalar.PLAIN;
    return;
  }
  if (isSeq(node)) {
    for (const item of node.items) formatNode(item, shape?.items ?? (shape?.percent ? shape : undefined));
    return;
  }
  if (isMap(node)) {
    const map = node as YAMLMap<unknown, unknown>;
    if (shape?.order) sortPairs(map, shape.order);
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : "";
      if (isScalar(pair.key)) pair.key.type = Scalar.PLAIN;
      const child = shape?.fields?.[key] ?? shape?.values;
      if (key === "set" && shape?.order?.includes("extends") && isMap(pair.value)) {
        for (const entry of (pair.value as YAMLMap<unknown, unknown>).items) {
          if (isScalar(entry.key)) entry.key.type = Scalar.PLAIN;
          formatNode(entry.value, shapeAtPath(String(isScalar(entry.key) ? entry.key.value : "").split(".")));
        }
        continue;
      }
      formatNode(pair.value, child);
    }
  }
}

function sortPairs(map: YAMLMap<unknown, unknown>, order: readonly string[]): void {
  const rank = (pair: Pair<unknown, unknown>) => {
    const i = order.indexOf(isScalar(pair.key) ? String(pair.key.value) : "");
    return i < 0 ? order.length : i;
  };
  const sorted = map.items.map((pair, i) => ({ pair, i })).sort((a, b) => rank(a.pair) - rank(b.pair) || a.i - b.i).map((x) => x.pair);
  // A comment before the first key belongs to the mapping's start, not to that key: keep it there.
  const first = map.items[0];
  if (first && sorted[0] !== first && isScalar(first.key) && (first.key as Node).commentBefore) {
    const comment = (first.key as Node).commentBefore;
    (first.key as Node).commentBefore = undefined;
    const head = sorted[0]!.key as Node;
    head.commentBefore = head.commentBefore ? `${comment}\n${head.commentBefore}` : comment;
  }
  map.items = sorted;
}

export function formatDocument(doc: Document): string {
  const targets = aliasTargets(doc.contents);
  formatNode(doc.contents, MODEL);
  anchorsFirst(doc.contents, targets);
  return doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, flowCollectionPadding: true, defaultStringType: "PLAIN", defaultKeyType: "PLAIN" });
}

interface AliasTargets {
  /** Each alias's anchored node, resolved in the order the file was written (before sorting). */
  readonly target: Map<Alias, Node>;
  /** How to put something else in an anchored node's place (pairs and list slots survive sorting). */
  readonly place: Map<Node, Place>;
}

type Place = (next: unknown) => void;

/** Every key, value and list item of a collection, with a way to put something else in its place. */
function eachChild(node: unknown, visit: (child: unknown, place: Place) => void): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      visit(pair.key, (next) => { pair.key = next; });
      visit(pair.value, (next) => { pair.value = next; });
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => visit(item, (next) => { node.items[i] = next; }));
  }
}

function aliasTargets(root: unknown): AliasTargets {
  const anchors = new Map<string, Node>();
  const targets: AliasTargets = { target: new Map(), place: new Map() };
  const visit = (node: unknown, place: Place): void => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) targets.target.set(node, target);
      return;
    }
    if ((node as Node | null)?.anchor) {
      anchors.set((node as Node).anchor!, node as Node);
      targets.place.set(node as Node, place);
    }
    eachChild(node, visit);
  };
  visit(root, () => undefined);
  return targets;
}

/**
 * Sorting keys can move an alias above its anchor (segments now come before the channel that
 * held the anchor), which YAML does not allow. Walking the sorted document, the first use of an
 * anchored node takes the node itself, anchor and all, and the node's old place becomes the alias.
 */
function anchorsFirst(root: unknown, targets: AliasTargets): void {
  const placed = new Set<Node>();
  const visit = (node: unknown, replace: Place): void => {
    if (isAlias(node)) {
      const target = targets.target.get(node);
      const oldPlace = target && targets.place.get(target);
      if (!target || !oldPlace || placed.has(target)) return;
      oldPlace(new Alias(target.anchor!));
      replace(target);
      node = target;
    }
    if ((node as Node | null)?.anchor) placed.add(node as Node);
    eachChild(node, visit);
  };
  visit(root, () => undefined);
}

/**
 * The canonical text of a model's YAML (which must parse without errors). Callers format valid
 * models only, whose keys the loader has checked; yaml's own check is quadratic in a mapping's size.
 */
export function formatModelText(text: string): string {
  const doc = parseDocument(text, { uniqueKeys: false, keepSourceTokens: false });
  if (doc.errors.length > 0) throw new Error(`formatModelText: ${doc.errors[0]!.message}`);
  return formatDocument(doc);
}

