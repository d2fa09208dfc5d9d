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
  if (!read.ok) {
    // A payload too deep to convert reads as output that could not be decoded, under either ruleset's rule for that.
    if (ruleset === "bfcl") {
      const decoded = checkDecodedBfcl(entry, { ok: false, error: read.reason }, { decode, underscoreToDot: options.underscoreToDot ?? false });
      return result(entry, ruleset, BFCL_RULES, [], undefined, decoded.mismatches);
    }
    const mismatches = unreadableDefault(entry, read.reason, options.malformedIsNoCall ?? false);
    return result(entry, ruleset, ["lenient_parse"], [], { status: "malformed", format: "payload", repairs: [] }, mismatches);
  }
  const value: Value = read.value;
  if (ruleset === "bfcl") {
    const { mismatches } = gradeBfcl(entry, value, { decode, underscoreToDot: options.underscoreToDot ?? false });
    return result(entry, ruleset, BFCL_RULES, [], undefined, mismatches);
  }
  const outcome = gradeDefault(entry, value, {
    decode,
    ...(options.match ? { match: options.match } : {}),
    ...(options.malformedIsNoCall !== undefined ? { malformedIsNoCall: options.malformedIsNoCall } : {}),
  });
  return result(entry, ruleset, firedRules(outcome.decisions), outcome.decisions, outcome.parse, outcome.mismatches);
}

const BFCL_RULES: readonly string[] = ["bfcl"];

/** Each rule once, in the order it first fired. */
function firedRules(decisions: readonly Decision[]): string[] {
  const rules: string[] = [];
  for (const d of decisions) if (!rules.includes(d.rule)) rules.push(d.rule);
  return rules;
}

/** The result object, built in one shape (this runs once per graded output). */
function result(
  entry: Entry,
  ruleset: RulesetId,
  rules: readonly string[],
  decisions: Decision[],
  parse: ResultBase["parse"],
  mismatches: Mismatch[],
): GradeResult {
  const base: ResultBase = {
    id: entry.id,
    category: entry.category,
    ruleset,
    rulesetVersion: RULESET_VERSIONS[ruleset],
    rules: rules.slice(),
    decisions,
  };
  if (parse) base.parse = parse;
  if (mismatches.length === 0) return Object.assign(base, { valid: true as const, errorType: null, mismatches: [] as [] });
  const primary = mismatches as [Mismatch, ...Mismatch[]];
  return Object.assign(base, { valid: false as const, errorType: bfclErrorType(primary[0]), mismatches: primary });
}
