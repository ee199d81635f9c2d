#!/usr/bin/env node
// Runs the bundled CLI (dist/distplan.cjs) through V8's code cache, which the build writes beside
// it: compiling the bundle is most of a cold start. A cache from another Node version is
// rejected by V8 and the bundle simply compiles as usual.
import { readFileSync } from "node:fs";
import { Script } from "node:vm";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const file = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "distplan.cjs");
let cachedData;
try {
  cachedData = readFileSync(`${file}.cache`);
} catch {
  cachedData = undefined;
}
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, "utf8")}\n})`, { filename: file, cachedData });
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(file), cli, file, dirname(file));
process.exitCode = await cli.exports.main(process.argv.slice(2));
