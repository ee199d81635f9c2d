import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "./test/summary-reporter.ts"],
    testTimeout: 20000,
    pool: "forks",
    // The language of a run follows LC_ALL / LC_MESSAGES / LANG (--lang's default): a developer
    // with a Dutch locale must see the same English output the tests expect.
    env: { LC_ALL: "", LC_MESSAGES: "", LANG: "C.UTF-8" },
  },
});
