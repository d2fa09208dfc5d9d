#!/usr/bin/env node
/** The `toolgrade` executable: a thin shell over cli/main.ts. */
import { readFileSync } from "node:fs";
import { exitCode, run } from "./cli/main.js";

const outcome = await run(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  stdin: () => readFileSync(0, "utf8"),
  stdinBytes: () => readFileSync(0),
});
if (outcome.kind === "bad_input") process.stderr.write(`toolgrade: ${outcome.message}\n`);
process.exitCode = exitCode(outcome);
