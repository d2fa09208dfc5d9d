/**
 * Why a graded output failed, as data.
 *
 * One closed union keyed on a snake_case `code` that names what is wrong (not which function
 * noticed it). Every mismatch has a `path` into the model output (`calls[1].args.unit`) and,
 * where it helps, `goldPath` into the gold alternative it was compared with. Sentences are
 * written in one place (format.ts); BFCL's `error_type` strings come from {@link MISMATCHES}.
 */
import type { CheckerKind, Language } from "./categories.js";
import type { Value } from "./value/value.js";

interface At {
  /** Where in the model output: `output`, `calls`, `calls[0].name`, `calls[1].args.unit`, `calls[0].args.d.k`. */
  path: string;
  /** Where in the gold, when one alternative was compared: `gold[0].unit`. */
  goldPath?: string;
}

export type Mismatch =
  /** The output could not be read as calls at all. */
  | (At & { code: "undecodable_output"; reason: string; offset?: number })
  /** It was read, but is not a list of `{name: {args}}` calls. */
  | (At & { code: "not_a_call_list"; received: string })
  | (At & { code: "wrong_call_count"; checker: CheckerKind; expected: number; received: number })
  /** No call could be paired with a gold call; `candidates` says why each remaining call failed. */
  | (At & { code: "no_matching_call"; goldIndex: number; unmatched: number[]; candidates: CandidateFailure[] })
  | (At & { code: "wrong_function_name"; expected: string; received: string })
  | (At & { code: "missing_required_param"; param: string })
  | (At & { code: "unexpected_param"; param: string })
  /** The doc makes the param optional, but the gold gives it no way to be left out. */
  | (At & { code: "missing_param"; param: string })
  /** Java/JavaScript values must be source text (a string) before conversion. */
  | (At & { code: "not_source_text"; param: string; language: Language; received: Value })
  | (At & { code: "wrong_type"; param: string; expected: string; receivedType: string; received: Value })
  | (At & { code: "wrong_element_type"; param: string; expected: string; itemType: string; received: Value })
  | (At & { code: "wrong_string_value"; param: string; received: Value; expected: readonly Value[] })
  | (At & { code: "wrong_list_value"; param: string; received: Value; expected: readonly Value[] })
  | (At & { code: "unexpected_dict_key"; key: Value })
  | (At & { code: "missing_dict_key"; key: Value })
  | (At & { code: "wrong_dict_value"; key: Value; received: Value; expected: readonly Value[] })
  | (At & { code: "wrong_dict_count"; param: string })
  | (At & { code: "wrong_value"; param: string; received: Value; expected: readonly Value[] })
  /** The gold gives no alternative a value could match (BFCL reports these as `…:unclear`). */
  | (At & { code: "no_alternatives"; param: string; check: "dict" | "list_of_dict" })
  /** An irrelevance entry got a call. */
  | (At & { code: "unexpected_call"; calls: number })
  /** A relevance entry got no call. */
  | (At & { code: "missing_call"; reason?: string })
  /** The input would make BFCL's own checker raise (unknown type, a gold naming an absent function…). */
  | (At & { code: "checker_exception"; reason: string });

export type MismatchCode = Mismatch["code"];

export type MismatchOf<C extends MismatchCode> = Extract<Mismatch, { code: C }>;

/** Why one model call failed against the gold it was tried with. */
export interface CandidateFailure {
  callIndex: number;
  mismatch: Mismatch;
}

interface CodeInfo<C extends MismatchCode> {
  title: string;
  /** BFCL's `error_type` for this mismatch. */
  bfcl: string | ((m: MismatchOf<C>) => string);
}

/**
 * Every code, its title and BFCL's `error_type`. `satisfies` makes a new code fail to compile
 * until it is listed here.
 */
export const MISMATCHES = {
  undecodable_output: { title: "Output could not be decoded", bfcl: "ast_decoder:decoder_failed" },
  not_a_call_list: { title: "Output is not a list of calls", bfcl: "ast_decoder:decoder_wrong_output_format" },
  wrong_call_count: {
    title: "Wrong number of calls",
    bfcl: (m) =>
      m.checker === "parallel"
        ? "parallel_function_checker_no_order:wrong_count"
        : m.checker === "multiple"
          ? "multiple_function_checker:wrong_count"
          : "simple_function_checker:wrong_count",
  },
  no_matching_call: { title: "No call matches a gold call", bfcl: "parallel_function_checker_no_order:cannot_find_match" },
  wrong_function_name: { title: "Wrong function name", bfcl: "simple_function_checker:wrong_func_name" },
  missing_required_param: { title: "Required parameter missing", bfcl: "simple_function_checker:missing_required" },
  unexpected_param: { title: "Unexpected parameter", bfcl: "simple_function_checker:unexpected_param" },
  missing_param: { title: "Parameter the gold requires is missing", bfcl: "simple_function_checker:missing_optional" },
  not_source_text: {
    title: "Value is not source text",
    bfcl: (m) => (m.language === "java" ? "type_error:java" : "type_error:js"),
  },
  wrong_type: { title: "Wrong type", bfcl: "type_error:simple" },
  wrong_element_type: { title: "Wrong element type", bfcl: "type_error:nested" },
  wrong_string_value: { title: "Wrong string", bfcl: "value_error:string" },
  wrong_list_value: { title: "Wrong list", bfcl: "value_error:list/tuple" },
  unexpected_dict_key: { title: "Unexpected dict key", bfcl: "value_error:dict_key" },
  missing_dict_key: { title: "Missing dict key", bfcl: "value_error:dict_key" },
  wrong_dict_value: { title: "Wrong dict value", bfcl: "value_error:dict_value" },
  wrong_dict_count: { title: "Wrong number of dicts in the list", bfcl: "value_error:list_dict_count" },
  wrong_value: { title: "Wrong value", bfcl: "value_error:others" },
  no_alternatives: {
    title: "Gold allows no value",
    bfcl: (m) => (m.check === "dict" ? "dict_checker:unclear" : "list_dict_checker:unclear"),
  },
  unexpected_call: { title: "Call made where none was expected", bfcl: "irrelevance_error:decoder_success" },
  missing_call: { title: "No call where one was expected", bfcl: "relevance_error:decoder_failed" },
  checker_exception: { title: "BFCL's checker would raise", bfcl: "oracle:checker_exception" },
} satisfies { [C in MismatchCode]: CodeInfo<C> };

/** BFCL's `error_type` string for a mismatch. */
export function bfclErrorType(m: Mismatch): string {
  const info = MISMATCHES[m.code] as CodeInfo<typeof m.code>;
  return typeof info.bfcl === "string" ? info.bfcl : (info.bfcl as (x: Mismatch) => string)(m);
}
