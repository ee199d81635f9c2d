import { describe, expect, it } from "vitest";
import { expandSeries, parseMoney, parsePercent, parseBound } from "../../src/model/values.js";

const t = (xs: { toFixed: () => string }[]) => xs.map((x) => x.toFixed());

describe("value forms (docs/MODEL.md §1)", () => {
  it("money: numbers, k/M suffixes and _ separators", () => {
    expect(parseMoney(1400000).toFixed()).toBe("1400000");
    expect(parseMoney(1400000.5).toFixed()).toBe("1400000.5");
    expect(parseMoney("1.4M").toFixed()).toBe("1400000");
    expect(parseMoney("1_400_000").toFixed()).toBe("1400000");
    expect(parseMoney("250k").toFixed()).toBe("250000");
    expect(parseMoney("0.1").plus(parseMoney("0.2")).toFixed()).toBe("0.3"); // no float drift
  });
  it("percent: strings with % and fractions", () => {
    expect(parsePercent("42%").toFixed()).toBe("0.42");
    expect(parsePercent(0.42).toFixed()).toBe("0.42");
    expect(parsePercent("1.5%").toFixed()).toBe("0.015");
  });
  it("check bounds: percent or amount", () => {
    expect(parseBound("10%")).toMatchObject({ percent: true });
    expect(parseBound("2M").value.toFixed()).toBe("2000000");
  });
  it("series: scalar, list, growth and straight line", () => {
    expect(t(expandSeries(5, 3, parseMoney))).toEqual(["5", "5", "5"]);
    expect(t(expandSeries([1, 2, 3], 3, parseMoney))).toEqual(["1", "2", "3"]);
    expect(t(expandSeries({ start: 1000, growth: "10%" }, 3, parseMoney))).toEqual(["1000", "1100", "1210"]);
    expect(t(expandSeries({ from: "80%", to: "60%" }, 5, parsePercent))).toEqual(["0.8", "0.75", "0.7", "0.65", "0.6"]);
    expect(t(expandSeries({ from: 10, to: 20 }, 1, parseMoney))).toEqual(["10"]);
  });
});
