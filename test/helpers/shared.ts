/**
 * Locates ../shared (BFCL data and the conformance corpus) for the tests that need it.
 *
 * The path comes from TOOLGRADE_SHARED. When it is unset those tests skip with a visible
 * message, so a fresh clone without the data still passes; `.ci/run` sets it and requires the data.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export const SHARED_DIR: string | undefined = process.env.TOOLGRADE_SHARED
  ? resolve(process.env.TOOLGRADE_SHARED)
  : undefined;

if (SHARED_DIR && !existsSync(resolve(SHARED_DIR, "conformance"))) {
  throw new Error(`TOOLGRADE_SHARED=${SHARED_DIR} has no conformance/ folder`);
}

export const SKIP_MESSAGE = "TOOLGRADE_SHARED is not set: skipping tests that read ../shared (set it to the shared folder to run them)";

export function sharedPath(...parts: string[]): string {
  if (!SHARED_DIR) throw new Error(SKIP_MESSAGE);
  return resolve(SHARED_DIR, ...parts);
}
