/**
 * The grading entry point: one model output against one suite entry, under a ruleset.
 * Model output is data, never trusted: whatever it holds, grading returns a result.
 */
import { bfclErrorType, type Mismatch } from "./mismatch.js";
import type { Entry } from "./types.js";
import { checkDecodedBfcl, gradeBfcl, type DecodeMode } from "./bfcl/gradeBfcl.js";
import type { Decision } from "./default/checkCall.js";
import { gradeDefault, unreadableDefault } from "./default/gradeDefault.js";
import type { MatchOptions } from "./default/matchValue.js";
import { readPayloadValue } from "./value/fromJs.js";
import type { Value } from "./value/value.js";
import type { CategoryId } from "./categories.js";

export type RulesetId = "default" | "bfcl";

export const RULESET_IDS: readonly RulesetId[] = ["default", "bfcl"];

/** Version of each ruleset's behaviour; bumped whenever a verdict can change. */
export const RULESET_VERSIONS: Readonly<Record<RulesetId, string>> = {
  default: "default@1",
  bfcl: "bfcl-v4@6ea5797",
};

export interface GradeOptions {
  /**
   * Which rules decide. `default` (the default) grades fairly: lenient parsing, aliases, math and
   * numeric equivalence, recursive structures, documented defaults, optimal call matching.
   * `bfcl` reproduces BFCL's checker verdict for verdict.
   */
  ruleset?: RulesetId;
  /** `prompt`: the output is the model's raw text. `fc`: a function-calling payload, `[{name: "<JSON args>"}]`. */
  decode?: DecodeMode;
  /** BFCL's per-model flag for FC models that must write `.` in function names as `_`. */
  underscoreToDot?: boolean;
  /** Default ruleset: float tolerance and alias tables. */
  match?: Partial<MatchOptions>;
  /** Default ruleset, irrelevance: count an unreadable call attempt as abstaining (BFCL does). Default false. */
  malformedIsNoCall?: boolean;
}

interface ResultBase {
  id: string;
  category: CategoryId;
  ruleset: RulesetId;
  rulesetVersion: string;
  /** The rules that decided the verdict (each once, in the order they first fired). */
  rules: string[];
  /** The rule that decided each value or call (default ruleset). */
  decisions: Decision[];
  /** How the output was read (default ruleset): status, format and repairs. */
  parse?: { status: string; format: string; repairs: string[] };
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
  const ruleset = options.ruleset ?? "default";
  const read = readPayloadValue(output);
  const decode = options.decode ?? "prompt";
  let mismatches: Mismatch[];
  let base: ResultBase;
  const head = { id: entry.id, category: entry.category, ruleset, rulesetVersion: RULESET_VERSIONS[ruleset] };
  if (!read.ok) {
    // A payload too deep to convert reads as output that could not be decoded, under either ruleset's rule for that.
    const bfclOptions = { decode, underscoreToDot: options.underscoreToDot ?? false };
    mismatches =
      ruleset === "bfcl"
        ? checkDecodedBfcl(entry, { ok: false, error: read.reason }, bfclOptions).mismatches
        : unreadableDefault(entry, read.reason, options.malformedIsNoCall ?? false);
    base = { ...head, rules: [ruleset === "bfcl" ? "bfcl" : "lenient_parse"], decisions: [], ...(ruleset === "default" ? { parse: { status: "malformed", format: "payload", repairs: [] } } : {}) };
    return finishResult(base, mismatches);
  }
  const value: Value = read.value;
  if (ruleset === "bfcl") {
    mismatches = gradeBfcl(entry, value, { decode, underscoreToDot: options.underscoreToDot ?? false }).mismatches;
    base = { ...head, rules: ["bfcl"], decisions: [] };
  } else {
    const outcome = gradeDefault(entry, value, {
      decode,
      ...(options.match ? { match: options.match } : {}),
      ...(options.malformedIsNoCall !== undefined ? { malformedIsNoCall: options.malformedIsNoCall } : {}),
    });
    mismatches = outcome.mismatches;
    base = { ...head, rules: [...new Set(outcome.decisions.map((d) => d.rule))], decisions: outcome.decisions, parse: outcome.parse };
  }
  return finishResult(base, mismatches);
}

function finishResult(base: ResultBase, mismatches: Mismatch[]): GradeResult {
  const [first, ...rest] = mismatches;
  if (!first) return { ...base, valid: true, errorType: null, mismatches: [] };
  return { ...base, valid: false, errorType: bfclErrorType(first), mismatches: [first, ...rest] };
}
