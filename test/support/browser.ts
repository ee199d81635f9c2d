// Debian's chromium for the page tests (#16), driven by playwright-core (which downloads no
// browser): where it is, why a test is skipped without it, and a page opened with every console
// error, page error and network request collected (a self-contained page makes none of them).
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { ROOT } from "../helpers.js";

export const CHROMIUM = [process.env.DISTPLAN_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p): p is string => !!p && existsSync(p));
/** Appended to a test's name: says why it was skipped, or nothing when chromium is there. */
export const SKIPPED = CHROMIUM ? "" : " (skipped: chromium is not installed; apt-get install chromium, or set DISTPLAN_CHROMIUM)";
/** Screenshots and prints the tests keep (git-ignored). */
export const ARTIFACTS = join(ROOT, "artifacts/browser");

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM!, args: ["--no-sandbox", "--disable-gpu"] });
}

/** `file` loaded in a new page; `errors` gathers what the page reported, and any request off the disk. */
export async function openWatched(browser: Browser, file: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => { if (!r.url().startsWith("file:")) errors.push(`network request: ${r.url()}`); });
  await page.goto(`file://${file}`, { waitUntil: "load" });
  return { page, errors };
}
