/**
 * One call against one gold under the default ruleset: the name (dots and underscores alike),
 * the doc's required params, every argument the call gives (known to the doc, then matched
 * against the gold, with documented defaults equivalent to leaving a param out), and the gold
 * params the call leaves out.
 */
import { nameKey } from "../docs.js";
import type { Mismatch } from "../mismatch.js";
import type { Call, FunctionDoc, GoldCall } from "../types.js";
import type { Value } from "../value/value.js";
import { alternativesOf, matchAlternatives, type MatchOptions } from "./matchValue.js";
import type { RuleId } from "./rules.js";

/** The rule that decided one value or one call. */
export interface Decision {
  path: string;
  rule: RuleId;
}

export interface CallCheck {
  mismatches: Mismatch[];
  decisions: Decision[];
}

/** `math.factorial` ≡ `math_factorial`. */
export function sameFunctionName(a: string, b: string): boolean {
  return a === b || nameKey(a) === nameKey(b);
}

function matchesDefault(value: Value, doc: FunctionDoc, param: string, path: string, options: MatchOptions): boolean {
  const p = doc.params.get(param);
  if (!p?.hasDefault) return false;
  return matchAlternatives(value, [p.default ?? null], p, path, { options, param }).ok;
}

/**
 * @example checkCallDefault(doc, call, gold, "calls[0]", matchOptions("python")).mismatches // []
 */
export function checkCallDefault(
  doc: FunctionDoc | undefined,
  call: Call,
  gold: GoldCall,
  callPath: string,
  options: MatchOptions,
): CallCheck {
  const decisions: Decision[] = [];
  const fail = (m: Mismatch): CallCheck => ({ mismatches: [m], decisions });
  if (!sameFunctionName(call.name, gold.name)) {
    return fail({ code: "wrong_function_name", path: `${callPath}.name`, expected: gold.name, received: call.name });
  }
  if (call.name !== gold.name) decisions.push({ path: `${callPath}.name`, rule: "name_separator" });
  if (!doc) return fail({ code: "checker_exception", path: callPath, reason: `no function doc named '${gold.name}'` });
  if (call.positional.length > 0) {
    // Positional arguments left after binding have no parameter to go to.
    return fail({ code: "unexpected_param", path: `${callPath}.positional[0]`, param: "(positional)" });
  }
  for (const param of doc.required) {
    if (!call.args.has(param)) return fail({ code: "missing_required_param", path: `${callPath}.args.${param}`, param });
  }
  for (const [param, value] of call.args) {
    const path = `${callPath}.args.${param}`;
    const paramDoc = doc.params.get(param);
    if (!paramDoc) return fail({ code: "unexpected_param", path, param });
    const golden = gold.params.get(param);
    if (golden === undefined) {
      if (matchesDefault(value, doc, param, path, options)) {
        decisions.push({ path, rule: "explicit_default" });
        continue;
      }
      return fail({ code: "unexpected_param", path, param });
    }
    const alternatives = alternativesOf(golden);
    const m = matchAlternatives(value, alternatives, paramDoc, path, { options, param });
    if (m.ok) {
      decisions.push({ path, rule: m.rule });
      continue;
    }
    if (alternatives.includes("") && matchesDefault(value, doc, param, path, options)) {
      decisions.push({ path, rule: "explicit_default" });
      continue;
    }
    return fail(m.mismatch);
  }
  for (const [param, golden] of gold.params) {
    if (call.args.has(param)) continue;
    const alternatives = alternativesOf(golden);
    if (alternatives.includes("")) continue;
    const p = doc.params.get(param);
    const path = `${callPath}.args.${param}`;
    if (p?.hasDefault && matchAlternatives(p.default ?? null, alternatives, p, path, { options, param }).ok) {
      decisions.push({ path, rule: "omitted_default" });
      continue;
    }
    return fail({ code: "missing_param", path, param });
  }
  return { mismatches: [], decisions };
}
