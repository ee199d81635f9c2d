// Labels come from one catalogue by key: the same document in another language is another
// catalogue passed to the renderer, with no change to a view.
import { describe, expect, it } from "vitest";
import { loadExample, project } from "../helpers.js";
import { reportView } from "../../src/views/report.js";
import { renderTerminal, DEFAULT_TERMINAL_OPTIONS } from "../../src/render/table.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { en, type Catalogue } from "../../src/render/messages/en.js";
import { PLAIN_STYLE } from "../../src/render/format.js";

const projection = project(loadExample("worked-example.yaml"));
const doc = reportView(projection, { by: "channel", lines: "summary", density: "screen" });
const nl: Catalogue = { ...en, "line.revenue": "omzet", "line.net_profit": "nettowinst", "line.cumulative_net_profit": "cumulatieve nettowinst", "report.footer.screen": "NCW tegen {rate}: {npv} · cumulatieve nettowinst: {cumulative}" };

describe("the message catalogue", () => {
  it("a second catalogue relabels a view without touching it", () => {
    const english = renderTerminal(doc, DEFAULT_TERMINAL_OPTIONS);
    const dutch = renderTerminal(doc, { ...DEFAULT_TERMINAL_OPTIONS, messages: nl });
    expect(english).toContain("direct         revenue");
    expect(dutch).toContain("direct           omzet");
    expect(dutch).toContain("nettowinst");
    expect(dutch).toMatch(/^NCW tegen 10%: \d/m);
    expect(dutch).not.toMatch(/\brevenue\b|\bnet profit\b/);
  });

  it("Markdown takes the same catalogue", () => {
    const page = reportView(projection, { by: "channel", lines: "summary", density: "page" });
    expect(renderMarkdown(page, { style: PLAIN_STYLE, messages: nl })).toContain("| **direct** | omzet | 110,000.00 |");
  });

  it("every key has a non-empty label", () => {
    expect(Object.entries(en).filter(([, v]) => v === "")).toEqual([]);
  });
});
