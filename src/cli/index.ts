// cli/: commander wiring, one file per command, the init wizard, and every side effect: file
// reads and writes, process, exit codes, the terminal's width and colour. A command loads,
// computes with the engine, builds a view and hands it to a renderer; it formats nothing itself.
// May import: every layer.
export { main } from "./main.js";
