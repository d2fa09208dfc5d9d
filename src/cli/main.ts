/**
 * `toolgrade` command line: argv → library calls → rendered report → exit code. Commands are a
 * table (commands.ts); the exit code comes from one pure function of the outcome.
 */
import { VERSION } from "../version.js";
import { COMMANDS } from "./commands.js";

export type Outcome = { kind: "ok" } | { kind: "gate_failed"; message?: string } | { kind: "bad_input"; message: string } | { kind: "help" };

/** 0 pass, 1 a gate failed, 2 bad usage or input. */
export function exitCode(outcome: Outcome): number {
  switch (outcome.kind) {
    case "ok":
    case "help":
      return 0;
    case "gate_failed":
      return 1;
    case "bad_input":
      return 2;
  }
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Standard input, when a command reads it (`--results -`, `toolgrade parse`). */
  stdin?: () => string;
  /** Standard input as bytes, so `score` can refuse input that is not UTF-8 (naming the line). */
  stdinBytes?: () => Uint8Array;
}

export function fail(message: string): Outcome {
  return { kind: "bad_input", message };
}

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  toolgrade ${name.padEnd(width)} ${c.summary}`);
  return `toolgrade ${VERSION} — grade the function calls language models emit\n\nCommands:\n${lines.join("\n")}\n\nRun \`toolgrade <command> --help\` for its options.\n`;
}

/** Runs the CLI and resolves to the outcome; output goes through `io`. */
export async function run(argv: string[], io: Io): Promise<Outcome> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help" || name === "help") {
    io.out(usage());
    return { kind: "help" };
  }
  if (name === "--version" || name === "-v") {
    io.out(`${VERSION}\n`);
    return { kind: "ok" };
  }
  const command = COMMANDS[name];
  if (!command) return fail(`unknown command '${name}' (try --help)`);
  return await command.run(rest, io);
}
