// File writes of the CLI: always through a temporary file in the same folder and a rename, so a
// reader never sees half a model, and an interrupted write leaves the old file as it was.
import { rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export async function writeFileAtomically(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.distplan-${process.pid}.tmp`);
  const mode = await stat(path).then((s) => s.mode, () => undefined); // keep an existing file's mode
  try {
    await writeFile(temp, text, mode === undefined ? {} : { mode });
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}
