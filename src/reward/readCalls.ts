/**
 * Reads the calls of one output exactly as the default ruleset does (gradeDefault.ts): Java and
 * JavaScript prompt text through BFCL's source decoders, everything else through `parse()`, with
 * the fast readers in front for plain Python call lists (fastRead.ts), also in a fence at the
 * start of the answer or with markdown escapes (fastMarkdown.ts), and for JSON call objects
 * (fastJson.ts, tagged blocks also with Python's quotes), and for BFCL's FC results (fastPayload.ts);
 * parse() then skips its own.
 */
import { readSourceCalls } from "../default/sourceCalls.js";
import type { DecodeMode } from "../bfcl/gradeBfcl.js";
import type { CategoryInfo } from "../categories.js";
import { DEFAULT_LIMITS, DEFAULT_NO_CALL_NAMES, parse, parseDeclined, readJsonFront } from "../parse/parse.js";
import type { Call, FunctionDoc } from "../types.js";
import { fastRead } from "../parse/fastRead.js";
import { fastReadEscaped, fastReadFenced } from "../parse/fastMarkdown.js";
import { fastReadFcPayload } from "../parse/fastPayload.js";

export interface ReadOutcome {
  status: "calls" | "no_call" | "malformed";
  calls: readonly Call[];
  /** Calls that could not be read while others were (`call_dropped` repairs). */
  dropped: number;
}

const NO_CALLS: readonly Call[] = Object.freeze([]);

/**
 * The calls of an output of an entry with these function docs, in a category of this kind.
 * The outcome is one record, filled again by the next call: the reward reads it at once, and a
 * reward allocates nothing for it.
 *
 * @example readCalls(entry.functions, CATEGORIES[entry.category], "[f(x=1)]", "prompt") // {status: "calls", calls: [{name: "f", …}], dropped: 0}
 */
export function readCalls(functions: readonly FunctionDoc[], info: CategoryInfo, output: unknown, decode: DecodeMode): ReadOutcome {
  // Java/JavaScript prompt text: BFCL's own reading gives each argument's source text.
  if (typeof output === "string" && decode === "prompt" && info.hasGold && info.language !== "python") {
    const calls = readSourceCalls(info.language, output);
    if (calls) return outcome("calls", calls, 0);
  }
  let declined = false;
  if (typeof output === "string" && info.language === "python") {
    const calls =
      fastRead(output, functions) ??
      fastReadFenced(output) ??
      fastReadEscaped(output, DEFAULT_LIMITS.maxDepth) ??
      readJsonFront(output, DEFAULT_NO_CALL_NAMES, DEFAULT_LIMITS.maxDepth, true)?.calls;
    if (calls) return outcome("calls", calls, 0);
    declined = true;
  } else if (typeof output !== "string") {
    const calls = fastReadFcPayload(output, DEFAULT_NO_CALL_NAMES);
    if (calls) return outcome("calls", calls, 0);
    declined = true;
  }
  const parsed = declined ? parseDeclined(output, { functions }) : parse(output, { functions });
  let dropped = 0;
  for (const r of parsed.repairs) if (r.code === "call_dropped") dropped++;
  return outcome(parsed.status, parsed.status === "calls" ? parsed.calls : NO_CALLS, dropped);
}

const OUTCOME: ReadOutcome = { status: "calls", calls: NO_CALLS, dropped: 0 };

function outcome(status: ReadOutcome["status"], calls: readonly Call[], dropped: number): ReadOutcome {
  const out = OUTCOME;
  out.status = status;
  out.calls = calls;
  out.dropped = dropped;
  return out;
}
