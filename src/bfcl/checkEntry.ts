/**
 * BFCL's entry-level checks: the output-format check, the simple / multiple / order-free parallel
 * checkers (ast_checker.py) and the relevance rule. The parallel matcher is BFCL's greedy one on
 * purpose: for each gold in order, the first unmatched call that passes is consumed.
 */
import type { CheckerKind } from "../categories.js";
import type { CandidateFailure, Mismatch } from "../mismatch.js";
import type { Entry, FunctionDoc } from "../types.js";
import { pyRepr } from "../value/repr.js";
import { PyDict, type Value } from "../value/value.js";
import { type BfclCall, type CallCheckOptions, checkCall } from "./checkCall.js";
import { docsByName } from "../docs.js";

/** `is_function_calling_format_output`: a list of one-key dicts whose value is a dict. */
export function asCallList(decoded: Value): BfclCall[] | undefined {
  if (!Array.isArray(decoded)) return undefined;
  const calls: BfclCall[] = [];
  for (const item of decoded) {
    if (!(item instanceof PyDict) || item.size !== 1) return undefined;
    const [name, params] = item.entries[0]!;
    if (!(params instanceof PyDict)) return undefined;
    calls.push({ name: typeof name === "string" ? name : pyRepr(name), params });
  }
  return calls;
}

/** `calls[i]` for the first indices, built once: the parallel checker tries every pair. */
const CALL_PATHS = Array.from({ length: 64 }, (_, i) => `calls[${i}]`);

function callPath(i: number): string {
  return CALL_PATHS[i] ?? `calls[${i}]`;
}

/** BFCL's lookup: the exact name only. */
function findDoc(functions: readonly FunctionDoc[], name: string): FunctionDoc | undefined {
  return docsByName(functions).get(name);
}

/** `ast_checker` for the AST categories. Returns mismatches (primary first) or undefined. */
export function checkCalls(
  entry: Entry,
  checker: Exclude<CheckerKind, "irrelevance" | "relevance">,
  calls: BfclCall[],
  options: CallCheckOptions,
): Mismatch[] | undefined {
  const golds = entry.golds;
  if (checker === "simple") {
    if (calls.length !== 1) {
      return [{ code: "wrong_call_count", path: "calls", checker, expected: 1, received: calls.length }];
    }
    return checkCall(entry.functions[0], calls[0]!, golds[0]!, "calls[0]", options);
  }
  if (calls.length !== golds.length) {
    return [{ code: "wrong_call_count", path: "calls", checker, expected: golds.length, received: calls.length }];
  }
  if (checker === "multiple") {
    const gold = golds[0]!;
    return checkCall(findDoc(entry.functions, gold.name), calls[0]!, gold, "calls[0]", options);
  }
  const matched = new Set<number>();
  for (let g = 0; g < golds.length; g++) {
    const gold = golds[g]!;
    const doc = findDoc(entry.functions, gold.name);
    const candidates: CandidateFailure[] = [];
    let found = false;
    for (let c = 0; c < calls.length; c++) {
      if (matched.has(c)) continue;
      const failure = checkCall(doc, calls[c]!, gold, callPath(c), options);
      if (!failure) {
        matched.add(c);
        found = true;
        break;
      }
      candidates.push({ callIndex: c, mismatch: failure[0]! });
    }
    if (!found) {
      const unmatched = calls.map((_, i) => i).filter((i) => !matched.has(i));
      return [{ code: "no_matching_call", path: "calls", goldPath: `gold[${g}]`, goldIndex: g, unmatched, candidates }];
    }
  }
  return undefined;
}

/** `is_empty_output` negated: the decoded output holds at least one call. */
export function containsCall(decoded: Value): boolean {
  const calls = asCallList(decoded);
  return calls !== undefined && calls.length > 0;
}
