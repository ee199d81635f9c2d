// A command's output: to standard output, or with -o FILE to that file, written whole through a
// temporary file and a rename (an error leaves no partial file and an existing one as it was).
import { writeFileSafely } from "./files.js";
import { writeOut } from "./output.js";

export async function emit(text: string, output: string | undefined): Promise<void> {
  if (output === undefined || output === "-") {
    writeOut(text);
    return;
  }
  await writeFileSafely(output, text);
}
