// The table of common locales' separators (format.ts KNOWN_STYLES) saves loading ICU at start-up;
// it must say exactly what Intl says, or `--locale de-DE` would depend on which path ran.
import { describe, expect, it } from "vitest";
import { KNOWN_STYLES } from "../../src/render/format.js";

describe("KNOWN_STYLES", () => {
  it.each(Object.entries(KNOWN_STYLES))("%s agrees with Intl.NumberFormat", (locale, style) => {
    const parts = new Intl.NumberFormat(locale, { minimumFractionDigits: 1 }).formatToParts(12345);
    expect(style.group).toBe(parts.find((p) => p.type === "group")!.value);
    expect(style.decimal).toBe(parts.find((p) => p.type === "decimal")!.value);
  });
});
