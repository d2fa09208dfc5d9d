/**
 * The only place that turns mismatches into sentences. Checkers store data; reports, the CLI
 * and test matchers call {@link describeMismatch}.
 */
import type { Mismatch } from "./mismatch.js";
import { pyRepr } from "./value/repr.js";
import type { Value } from "./value/value.js";

function list(values: readonly Value[]): string {
  return values.length === 0 ? "nothing" : values.map(pyRepr).join(", ");
}

/**
 * One sentence for a mismatch, with its path.
 *
 * @example describeMismatch({ code: "missing_required_param", path: "calls[0].args.city", param: "city" })
 * // "calls[0].args.city: required parameter 'city' is missing"
 */
export function describeMismatch(m: Mismatch): string {
  return `${m.path}: ${sentence(m)}`;
}

function sentence(m: Mismatch): string {
  switch (m.code) {
    case "undecodable_output":
      return `the output could not be decoded (${m.reason})`;
    case "not_a_call_list":
      return `the output decoded to ${m.received}, which is not a list of calls`;
    case "wrong_call_count":
      return `expected ${m.expected} call${m.expected === 1 ? "" : "s"}, got ${m.received}`;
    case "no_matching_call": {
      const why = m.candidates.map((c) => `call ${c.callIndex}: ${sentence(c.mismatch)}`).join("; ");
      return `no call among ${JSON.stringify(m.unmatched)} matches gold call ${m.goldIndex}${why ? ` (${why})` : ""}`;
    }
    case "wrong_function_name":
      return `expected function '${m.expected}', got '${m.received}'`;
    case "missing_required_param":
      return `required parameter '${m.param}' is missing`;
    case "unexpected_param":
      return `parameter '${m.param}' is not expected (not in the function doc or not in the gold)`;
    case "missing_param":
      return `parameter '${m.param}' is missing and the gold does not allow leaving it out`;
    case "not_source_text":
      return `a ${m.language === "java" ? "Java" : "JavaScript"} value must be source text (a string), got ${pyRepr(m.received)}`;
    case "wrong_type":
      return `expected type ${m.expected}, got ${m.receivedType} ${pyRepr(m.received)}`;
    case "wrong_element_type":
      return `elements of ${pyRepr(m.received)} should be ${m.itemType} (${m.expected})`;
    case "wrong_string_value":
    case "wrong_list_value":
    case "wrong_value":
      return `${pyRepr(m.received)} is not one of ${list(m.expected)}`;
    case "unexpected_dict_key":
      return `key ${pyRepr(m.key)} is not expected`;
    case "missing_dict_key":
      return `key ${pyRepr(m.key)} is missing`;
    case "wrong_dict_value":
      return `value ${pyRepr(m.received)} for key ${pyRepr(m.key)} is not one of ${list(m.expected)}`;
    case "wrong_dict_count":
      return `wrong number of dicts in the list for '${m.param}'`;
    case "no_alternatives":
      return `the gold gives '${m.param}' no value that a ${m.check === "dict" ? "dict" : "list of dicts"} could match`;
    case "unexpected_call":
      return `${m.calls} call${m.calls === 1 ? "" : "s"} made where none was expected`;
    case "missing_call":
      return `no call was made where one was expected${m.reason ? ` (${m.reason})` : ""}`;
    case "checker_exception":
      return `BFCL's checker would raise here: ${m.reason}`;
  }
}
