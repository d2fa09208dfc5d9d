/**
 * The grading entry point: one model output against one suite entry, under a ruleset.
 * Model output is data, never trusted: whatever it holds, grading returns a result.
 */
import { bfclErrorType, type Mismatch } from "./mismatch.js";
import type { Entry } from "./types.js";
import { gradeBfcl, type DecodeMode } from "./bfcl/gradeBfcl.js";
import { fromJs } from "./value/fromJs.js";
import type { Value } from "./value/value.js";
import type { CategoryId } from "./categories.js";

export type RulesetId = "bfcl";

/** Version of each ruleset's behaviour; bumped whenever a verdict can change. */
export const RULESET_VERSIONS: Readonly<Record<RulesetId, string>> = {
  bfcl: "bfcl-v4@6ea5797",
};

export interface GradeOptions {
  /** Which rules decide: `bfcl` reproduces BFCL's checker verdict for verdict. */
  ruleset?: RulesetId;
  /** `prompt`: the output is the model's raw text. `fc`: a function-calling payload, `[{name: "<JSON args>"}]`. */
  decode?: DecodeMode;
  /** BFCL's per-model flag for FC models that must write `.` in function names as `_`. */
  underscoreToDot?: boolean;
}

interface ResultBase {
  id: string;
  category: CategoryId;
  ruleset: RulesetId;
  rulesetVersion: string;
  /** The rules that decided the verdict. */
  rules: string[];
}

/** A graded output: a pass, or a failure with at least one mismatch (the primary one first). */
export type GradeResult =
  | (ResultBase & { valid: true; errorType: null; mismatches: [] })
  | (ResultBase & { valid: false; errorType: string; mismatches: [Mismatch, ...Mismatch[]] });

/**
 * Grades one output.
 *
 * @example
 * const r = grade(entry, "[get_weather(city='Paris')]", { ruleset: "bfcl" });
 * if (!r.valid) console.log(r.errorType, r.mismatches[0].path);
 */
export function grade(entry: Entry, output: unknown, options: GradeOptions = {}): GradeResult {
  const ruleset = options.ruleset ?? "bfcl";
  const value: Value = typeof output === "string" ? output : fromJs(output);
  const outcome = gradeBfcl(entry, value, {
    decode: options.decode ?? "prompt",
    underscoreToDot: options.underscoreToDot ?? false,
  });
  const base: ResultBase = {
    id: entry.id,
    category: entry.category,
    ruleset,
    rulesetVersion: RULESET_VERSIONS[ruleset],
    rules: ["bfcl"],
  };
  const [first, ...rest] = outcome.mismatches;
  if (!first) return { ...base, valid: true, errorType: null, mismatches: [] };
  return { ...base, valid: false, errorType: bfclErrorType(first), mismatches: [first, ...rest] };
}
