/** The commands of the `toolgrade` CLI, as a table: name → one-line summary and runner. */
import type { Io, Outcome } from "./main.js";
import { auditCommand } from "./audit.js";
import { parseCommand } from "./parse.js";
import { scoreCommand } from "./score.js";
import { REWARD_COMMANDS } from "./serve.js";
import { validateCommand } from "./validate.js";

export interface Command {
  summary: string;
  /** Commands that use worker threads finish asynchronously. */
  run: (argv: string[], io: Io) => Outcome | Promise<Outcome>;
}

export const COMMANDS: Readonly<Record<string, Command>> = {
  score: { summary: "grade result files against a suite and report accuracy per category", run: scoreCommand },
  ...REWARD_COMMANDS,
  audit: { summary: "check a suite's golds without model output: doc, type and enum errors, ungroundable values, unsatisfiable entries", run: auditCommand },
  validate: { summary: "grade frontier runs, report the ceiling per category and classify every frontier failure", run: validateCommand },
  parse: { summary: "read model outputs in any format and print the calls found, as JSON lines", run: parseCommand },
};
