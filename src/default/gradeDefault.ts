/**
 * The default ruleset's pipeline for one entry: read the calls leniently (parse/), then check
 * them with the category's rule: one call for simple and multiple, a perfect bipartite matching
 * for parallel, no call for irrelevance, and for relevance at least one call that is valid
 * against an offered function's doc.
 */
import { CATEGORIES } from "../categories.js";
import { readSourceCalls } from "./sourceCalls.js";
import { decodeBfcl } from "../bfcl/gradeBfcl.js";
import type { Mismatch, CandidateFailure } from "../mismatch.js";
import { maximumMatching } from "../match/assignment.js";
import { parse, type ParseResult } from "../parse/parse.js";
import type { Call, Entry } from "../types.js";
import type { Value } from "../value/value.js";
import { checkCallDefault, type CallCheck, type Decision } from "./checkCall.js";
import { findDoc } from "../docs.js";
import { matchOptions, type MatchOptions } from "./matchValue.js";

export interface DefaultOutcome {
  mismatches: Mismatch[];
  decisions: Decision[];
  parse: { status: ParseResult["status"]; format: string; repairs: string[] };
  calls: Call[];
}

export interface DefaultOptions {
  decode: "prompt" | "fc";
  match?: Partial<MatchOptions>;
  /** Irrelevance: does a call we could not read count as abstaining? Default false: it tried to call. */
  malformedIsNoCall?: boolean;
}

/** The default ruleset's verdict on output that tried to call and could not be read. */
export function unreadableDefault(entry: Entry, reason: string, malformedIsNoCall: boolean, offset?: number): Mismatch[] {
  const checker = CATEGORIES[entry.category].checker;
  if (checker === "irrelevance" && malformedIsNoCall) return [];
  if (checker === "relevance") return [{ code: "missing_call", path: "output", reason }];
  return [{ code: "undecodable_output", path: "output", reason, ...(offset !== undefined ? { offset } : {}) }];
}

/** Grades one raw output under the default ruleset. */
export function gradeDefault(entry: Entry, output: Value, options: DefaultOptions): DefaultOutcome {
  const info = CATEGORIES[entry.category];
  const source =
    options.decode === "prompt" && typeof output === "string" && info.hasGold && info.language !== "python"
      ? readSourceCalls(info.language, output)
      : undefined;
  const parsed: ParseResult = source
    ? { status: "calls", format: "python", calls: source, repairs: [] }
    : parse(output, { functions: entry.functions });
  const format = source ? `${info.language}-source` : parsed.format;
  const summary = { status: parsed.status, format, repairs: parsed.repairs.map((r) => r.code) };
  const calls = parsed.status === "calls" ? parsed.calls : [];
  const decisions: Decision[] = [];
  if (parsed.repairs.some((r) => r.code !== "positional_bound")) decisions.push({ path: "output", rule: "lenient_parse" });
  if (parsed.repairs.some((r) => r.code === "positional_bound")) decisions.push({ path: "output", rule: "positional_binding" });
  const done = (mismatches: Mismatch[], more: Decision[] = []): DefaultOutcome => {
    // A pass on output BFCL's own decoder cannot read is the lenient parser's doing, repairs or not.
    // (Java/JavaScript source text read above was read by BFCL's own decoder.)
    if (mismatches.length === 0 && calls.length > 0 && !source && !decisions.some((d) => d.rule === "lenient_parse") && !decodeBfcl(entry, output, options.decode).ok) {
      decisions.unshift({ path: "output", rule: "lenient_parse" });
    }
    return { mismatches, decisions: [...decisions, ...more], parse: summary, calls };
  };

  if (parsed.status === "malformed") {
    return done(unreadableDefault(entry, parsed.error.message, options.malformedIsNoCall ?? false, parsed.error.offset));
  }
  const match = matchOptions(info.language, options.match);
  // A call that could not be read is an error even when others could: it was an attempt.
  const dropped = parsed.repairs.find((r) => r.code === "call_dropped");
  if (dropped && !(info.checker === "irrelevance" && options.malformedIsNoCall)) {
    return done([{ code: "undecodable_output", path: "output", reason: `a call could not be read${dropped.detail ? `: ${dropped.detail}` : ""}`, ...(dropped.offset !== undefined ? { offset: dropped.offset } : {}) }]);
  }

  if (info.checker === "irrelevance") {
    return calls.length === 0 ? done([]) : done([{ code: "unexpected_call", path: "calls", calls: calls.length }]);
  }
  if (info.checker === "relevance") {
    if (calls.length === 0) return done([{ code: "missing_call", path: "output", reason: parsed.status === "no_call" ? parsed.reason : undefined }]);
    for (let i = 0; i < calls.length; i++) {
      const call = calls[i]!;
      const doc = findDoc(entry.functions, call.name);
      if (!doc) return done([{ code: "wrong_function_name", path: `calls[${i}].name`, expected: entry.functions.map((f) => f.name).join(" | "), received: call.name }]);
      for (const p of doc.required) if (!call.args.has(p)) return done([{ code: "missing_required_param", path: `calls[${i}].args.${p}`, param: p }]);
      for (const p of call.args.keys()) if (!doc.params.has(p)) return done([{ code: "unexpected_param", path: `calls[${i}].args.${p}`, param: p }]);
    }
    return done([]);
  }

  const golds = entry.golds;
  if (calls.length !== golds.length) {
    return done([{ code: "wrong_call_count", path: "calls", checker: info.checker, expected: golds.length, received: calls.length }]);
  }
  const checks: CallCheck[][] = calls.map((call, c) =>
    golds.map((gold) => checkCallDefault(findDoc(entry.functions, gold.name), call, gold, `calls[${c}]`, match)),
  );
  const pairs = maximumMatching(calls.length, golds.length, (c, g) => checks[c]![g]!.mismatches.length === 0);
  if (pairs.size === golds.length) {
    const more = [...pairs].flatMap(([c, g]) => checks[c]![g]!.decisions);
    const reordered = [...pairs].some(([c, g]) => c !== g);
    return done([], reordered ? [...more, { path: "calls", rule: "unordered_calls" }] : more);
  }
  if (golds.length === 1) return done(checks[0]![0]!.mismatches);
  const matchedCalls = new Set(pairs.keys());
  const matchedGolds = new Set(pairs.values());
  const unmatched = calls.map((_, i) => i).filter((i) => !matchedCalls.has(i));
  const failures: Mismatch[] = golds.flatMap((_, g) => {
    if (matchedGolds.has(g)) return [];
    const candidates: CandidateFailure[] = unmatched.map((c) => ({ callIndex: c, mismatch: checks[c]![g]!.mismatches[0]! }));
    return [{ code: "no_matching_call", path: "calls", goldPath: `gold[${g}]`, goldIndex: g, unmatched, candidates } as Mismatch];
  });
  return done(failures);
}
