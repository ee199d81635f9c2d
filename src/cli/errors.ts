// One way to fail per exit code (README), caught once in main.ts.
import type { LoadedModel } from "../model/load.js";

export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70 } as const;

/** Bad usage, an unreadable file or a bad argument: exit 2 with a message and a hint. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(message: string, readonly hint?: string) {
    super(message);
  }
}

/** One or more models are invalid: their issues are printed, exit 2. */
export class InvalidModelError extends Error {
  override readonly name = "InvalidModelError";
  constructor(readonly models: readonly LoadedModel[]) {
    super("invalid model");
  }
}

// By name, not instanceof: `init` is bundled apart (dist/init.cjs) with its own copy of these classes.
export const isUsageError = (e: unknown): e is UsageError => e instanceof Error && e.name === "UsageError";
export const isInvalidModelError = (e: unknown): e is InvalidModelError => e instanceof Error && e.name === "InvalidModelError";
