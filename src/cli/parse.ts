/**
 * `toolgrade parse`: read model outputs and print what was read, one JSON line per output:
 * `{"id", "status", "format", "repairs", "calls"}` (plus `reason` for no_call and `error` for
 * malformed). Input on stdin or from --input: BFCL result lines (`{"id", "result"}`), or any
 * other text, read as one raw output.
 */
import { readFileSync } from "node:fs";
import { readArgs } from "./args.js";
import { parse, type ParseResult } from "../parse/parse.js";
import { loadSuite } from "../suite/loadSuite.js";
import { SuiteError } from "../suite/parseSuite.js";
import type { FunctionDoc } from "../types.js";
import { readJsonFast } from "../value/jsonNative.js";
import { toJsonText } from "../value/toJsonText.js";
import { PyDict, type Value } from "../value/value.js";
import { fail, type Io, type Outcome } from "./main.js";

export const PARSE_USAGE = `Usage:
  toolgrade parse [--input FILE] [--data DIR] [--format jsonl]

Reads BFCL result lines ({"id", "result"}) or raw model text from stdin (or --input) and prints,
for each output, {"id", "status", "format", "repairs", "calls"}: status is calls, no_call or
malformed; args keep their kinds (5.0 stays a float).

Options:
  --input FILE   read this file instead of stdin
  --data DIR     a BFCL suite folder: positional arguments are bound using its function docs
  --format jsonl the only format (one JSON object per line)
`;

function resultLine(id: string | null, r: ParseResult): string {
  const calls =
    r.status === "calls"
      ? `[${r.calls
          .map((c) => `{"name": ${JSON.stringify(c.name)}, "args": ${toJsonText(PyDict.fromPairs(c.args))}, "positional": ${toJsonText(c.positional)}}`)
          .join(", ")}]`
      : "[]";
  const extra =
    r.status === "no_call" ? `, "reason": ${JSON.stringify(r.reason)}` : r.status === "malformed" ? `, "error": ${JSON.stringify(r.error)}` : "";
  return `{"id": ${JSON.stringify(id)}, "status": "${r.status}", "format": "${r.format}", "repairs": ${JSON.stringify(r.repairs)}, "calls": ${calls}${extra}}\n`;
}

/** The outputs in the input: result lines when every non-blank line is a {"id", "result"} object. */
function outputs(text: string): Array<{ id: string | null; output: Value }> {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const records: Array<{ id: string | null; output: Value }> = [];
  for (const line of lines) {
    // readJson's values through JSON.parse where that is exact: whole strings, which the readers
    // scan faster than readJson's slices of the line.
    const r = readJsonFast(line.trim());
    if (!r.ok || !(r.value instanceof PyDict) || !r.value.has("result")) return [{ id: null, output: text }];
    const id = r.value.get("id");
    records.push({ id: typeof id === "string" ? id : null, output: r.value.get("result")! });
  }
  return records.length ? records : [{ id: null, output: text }];
}

export function parseCommand(argv: string[], io: Io): Outcome {
  const args = readArgs(
    argv,
    { input: { type: "string" }, data: { type: "string" }, format: { type: "string", default: "jsonl" } },
    PARSE_USAGE,
    io,
  );
  if ("outcome" in args) return args.outcome;
  const { values } = args;
  if (values.format !== "jsonl") return fail(`--format must be jsonl, not '${values.format}'`);
  const docs = new Map<string, readonly FunctionDoc[]>();
  try {
    if (values.data) {
      const suite = loadSuite(values.data);
      for (const list of suite.entries.values()) for (const e of list) docs.set(e.id, e.functions);
    }
  } catch (e) {
    if (e instanceof SuiteError) return fail(e.message);
    throw e;
  }
  let text: string;
  try {
    text = values.input ? readFileSync(values.input, "utf8") : (io.stdin?.() ?? "");
  } catch (e) {
    return fail(`cannot read ${values.input}: ${(e as Error).message}`);
  }
  for (const { id, output } of outputs(text)) {
    const functions = id ? docs.get(id) : undefined;
    io.out(resultLine(id, parse(output, functions ? { functions } : {})));
  }
  return { kind: "ok" };
}
