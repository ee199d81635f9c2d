// The engine's scaled-integer arithmetic (src/engine/scaled.ts) against decimal.js as decimal.ts
// configures it: same value, to the last digit, for every operation the cells use, and the same
// projection, figure for figure, as cells computed in Decimal.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, roundTo } from "../../src/money/decimal.js";
import { fromDecimal, minus, plus, times, toDecimal, toUnits, unitsToDecimal } from "../../src/money/scaled.js";
import { newProjectionMemo, projectModel } from "../../src/engine/projection.js";
import { normalizeModel } from "../../src/model/normalize.js";
import { reportData } from "../../src/views/report.js";
import { renderJson } from "../../src/render/json.js";
import { modelArb } from "../support/arbitraries.js";

/** Non-negative decimals from 1 to 45 significant digits, with 0 to 30 decimals. */
const decimalArb = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 45n }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 44 }))
  .map(([m, scale, cut]) => {
    const digits = (m / 10n ** BigInt(cut % 45)).toString().padStart(scale + 1, "0");
    return new Decimal(scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
  });
const same = (a: Decimal, b: Decimal) => expect(a.toString()).toBe(b.toString());

describe("scaled integers reproduce decimal.js (precision 40, half to even)", () => {
  it("times, minus and plus, including results that need rounding to 40 digits", () => {
    fc.assert(fc.property(decimalArb, decimalArb, (a, b) => {
      same(toDecimal(times(fromDecimal(a), fromDecimal(b))), a.times(b));
      same(toDecimal(minus(fromDecimal(a), fromDecimal(b))), a.minus(b));
      same(toDecimal(plus(fromDecimal(a), fromDecimal(b))), a.plus(b));
      same(toDecimal(minus(times(fromDecimal(a), fromDecimal(b)), fromDecimal(b))), a.times(b).minus(b));
    }), { numRuns: 2000 });
  });

  it("ties at the 41st digit go to the even neighbour, as in decimal.js", () => {
    const a = new Decimal(`${"1".repeat(39)}25`); // 41 digits ending in 5: a tie
    const b = new Decimal(`${"1".repeat(39)}35`);
    const one = fromDecimal(new Decimal(1));
    for (const x of [a, b]) same(toDecimal(times(fromDecimal(x), one)), x.times(1));
    expect(toDecimal(times(fromDecimal(a), one)).toString()).toBe(`${"1".repeat(39)}20`);
    expect(toDecimal(times(fromDecimal(b), one)).toString()).toBe(`${"1".repeat(39)}40`);
  });

  it("rounding to cents (or whole yen, or fils) is half away from zero, as roundTo", () => {
    fc.assert(fc.property(decimalArb, fc.boolean(), fc.integer({ min: 0, max: 3 }), (a, negative, places) => {
      const x = negative ? a.negated() : a;
      same(unitsToDecimal(toUnits(fromDecimal(x), places), places), roundTo(x, places));
    }), { numRuns: 1000 });
    expect(toUnits(fromDecimal(new Decimal("0.005")), 2)).toBe(1n);
    expect(toUnits(fromDecimal(new Decimal("-0.005")), 2)).toBe(-1n);
  });

  it("a projection with scaled cells is the projection with Decimal cells, every figure, in any minor unit", () => {
    fc.assert(fc.property(modelArb, fc.constantFrom("EUR", "JPY", "KWD"), (file, currency) => {
      const { model } = normalizeModel({ ...file, currency });
      if (!model) return;
      const text = (decimalCells: boolean) => {
        const scenario = projectModel(model, undefined, newProjectionMemo({ decimalCells }));
        return renderJson(reportData({
          name: model.name, currency: model.currency, minorUnits: model.minorUnits, years: scenario.years.map((y) => y.year),
          discountRate: model.discountRate, commonDiscountRate: model.discountRate, tierLines: true, scenarios: [scenario],
        }));
      };
      expect(text(false)).toBe(text(true));
    }), { numRuns: 60 });
  });
});
