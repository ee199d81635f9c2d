#!/usr/bin/env node
"use strict";
// Runs the bundled CLI (dist/distplan.cjs) through V8's code cache, which the build writes beside
// it: compiling the bundle is most of a cold start. A cache from another Node version is
// rejected by V8 and the bundle simply compiles as usual. This file is CommonJS (bin/package.json)
// because the ESM loader alone costs a cold start several milliseconds.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  // Answered before the bundle is read: what commander prints for it, in a fraction of the time.
  process.stdout.write(`${require("../package.json").version}\n`);
  return;
}
const { readFileSync } = require("node:fs");
const { Script } = require("node:vm");
const { createRequire } = require("node:module");
const { dirname, join } = require("node:path");

const file = join(__dirname, "..", "dist", "distplan.cjs");
let cachedData;
try {
  cachedData = readFileSync(`${file}.cache`);
} catch {
  cachedData = undefined;
}
const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, "utf8")}\n})`;
const script = new Script(source, { filename: file, cachedData });
const cli = { exports: {} };
script.runInThisContext()(cli.exports, createRequire(file), cli, file, dirname(file));
// main turns every failure into an exit code; this catch is the last resort (one line, exit 70).
cli.exports.main(args).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`distplan: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 70;
  },
);
