// vitest prints no plain "N passed, N failed" line; CI and people reading logs want one. Skipped
// tests are named above it (the default reporter hides their names), so a skip and its reason
// are visible in every log.
import { relative } from "node:path";
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    const skipped: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped.push(`${relative(process.cwd(), module.moduleId)} > ${test.fullName}`);
      }
      if (module.state() === "failed" && [...module.children.allTests()].length === 0) failed++;
    }
    const list = skipped.map((name) => `skipped: ${name}\n`).join("");
    process.stdout.write(`\n${list}${passed} passed, ${failed} failed${skipped.length ? `, ${skipped.length} skipped` : ""}\n`);
  }
}
