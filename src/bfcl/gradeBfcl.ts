/**
 * The `bfcl` ruleset's pipeline for one entry (eval_runner.py): decode the raw result the way the
 * handler does, check the output format, then run the category's checker. Relevance categories
 * only ask whether a call was decoded. Never throws: where BFCL itself would raise inside the
 * checker, or the checker fails in any other way, the result is a `checker_exception` mismatch.
 */
import { CATEGORIES } from "../categories.js";
import type { Mismatch } from "../mismatch.js";
import type { Entry } from "../types.js";
import { pyRepr } from "../value/repr.js";
import type { Value } from "../value/value.js";
import { type CallCheckOptions } from "./checkCall.js";
import { asCallList, checkCalls, containsCall } from "./checkEntry.js";
import { decodeBfclFc, type DecodeResult } from "./decodeFc.js";
import { decodeBfclJava } from "./decodeJava.js";
import { decodeBfclJavaScript } from "./decodeJavaScript.js";
import { decodeBfclPython } from "./decodePython.js";
import { CheckerCrash } from "./pyOps.js";

export type DecodeMode = "prompt" | "fc";

export interface BfclOptions {
  /** How results were produced: raw prompt text, or a function-calling payload. */
  decode: DecodeMode;
  /** BFCL's per-model flag: `.` in doc names written as `_` (true for OpenAI-style FC models). */
  underscoreToDot: boolean;
}

export interface BfclOutcome {
  mismatches: Mismatch[];
  /** What the decoder produced (absent when it failed). */
  decoded?: Value;
}

/** Runs BFCL's decoder for the entry's category and mode. */
export function decodeBfcl(entry: Entry, result: Value, decode: DecodeMode): DecodeResult {
  if (decode === "fc") return decodeBfclFc(result);
  if (typeof result !== "string") return { ok: false, error: "AttributeError: the result is not text" };
  const info = CATEGORIES[entry.category];
  // Relevance categories are always decoded as Python, whatever the language.
  if (info.hasGold && info.language === "java") return decodeBfclJava(result);
  if (info.hasGold && info.language === "javascript") return decodeBfclJavaScript(result);
  return decodeBfclPython(result);
}

/** Grades one raw result under the `bfcl` ruleset. */
export function gradeBfcl(entry: Entry, result: Value, options: BfclOptions): BfclOutcome {
  return checkDecodedBfcl(entry, decodeBfcl(entry, result, options.decode), options);
}

/** The checker alone, on an already decoded output (or a decoder failure). */
export function checkDecodedBfcl(entry: Entry, decoded: DecodeResult, options: BfclOptions): BfclOutcome {
  const info = CATEGORIES[entry.category];
  if (info.checker === "irrelevance" || info.checker === "relevance") {
    const hasCall = decoded.ok && containsCall(decoded.value);
    const value = decoded.ok ? { decoded: decoded.value } : {};
    if (info.checker === "irrelevance") {
      if (!hasCall) return { mismatches: [], ...value };
      const calls = asCallList((decoded as { value: Value }).value)!.length;
      return { mismatches: [{ code: "unexpected_call", path: "calls", calls }], ...value };
    }
    if (hasCall) return { mismatches: [], ...value };
    const reason = decoded.ok ? `decoded ${pyRepr(decoded.value)}, which holds no call` : decoded.error;
    return { mismatches: [{ code: "missing_call", path: "output", reason }], ...value };
  }
  if (!decoded.ok) {
    return { mismatches: [{ code: "undecodable_output", path: "output", reason: decoded.error }] };
  }
  const calls = asCallList(decoded.value);
  if (!calls) {
    return {
      mismatches: [{ code: "not_a_call_list", path: "output", received: pyRepr(decoded.value) }],
      decoded: decoded.value,
    };
  }
  const checkOptions: CallCheckOptions = { language: info.language, underscoreToDot: options.underscoreToDot };
  try {
    const failure = checkCalls(entry, info.checker, calls, checkOptions);
    return { mismatches: failure ?? [], decoded: decoded.value };
  } catch (e) {
    // Where BFCL raises, a CheckerCrash; anything else (a stack overflow on a pathological value,
    // a case the port did not foresee) is still a verdict on this output, never an exception.
    const reason = e instanceof CheckerCrash ? e.message : `${e instanceof Error ? e.name : "Error"}: ${e instanceof Error ? e.message : String(e)} (unexpected in the checker)`;
    return { mismatches: [{ code: "checker_exception", path: "calls", reason }], decoded: decoded.value };
  }
}
