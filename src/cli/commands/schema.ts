// distplan schema: the JSON Schema of the model format, for editors and other validators.
import { modelSchema } from "../../model/schema.js";
import { writeOut } from "../output.js";

export const schemaText = (): string => JSON.stringify(modelSchema, null, 2) + "\n";

export function runSchema(): number {
  writeOut(schemaText());
  return 0;
}
