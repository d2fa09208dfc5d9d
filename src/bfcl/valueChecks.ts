/**
 * BFCL's per-parameter checks (ast_checker.py: type_checker, string_checker, list_checker,
 * dict_checker, list_dict_checker), ported line by line so that the same error wins in the same
 * order. Comments mark the quirks a reader might "fix" by accident.
 */
import type { Mismatch } from "../mismatch.js";
import { pyClassRepr } from "../value/repr.js";
import { kindOf, PyDict, pyIn, type PyKind, type Value } from "../value/value.js";
import { standardizeBfcl } from "./normalize.js";
import { CheckerCrash, isOmitSentinel, pyContains, pyIter, pyLen } from "./pyOps.js";

export type TypeCheck = { valid: true; isVariable: boolean } | { valid: false; mismatch: Mismatch };

/** The two passing results, shared: a type check runs for every argument of every call. */
const VALID: TypeCheck = Object.freeze({ valid: true, isVariable: false });
const VALID_VARIABLE: TypeCheck = Object.freeze({ valid: true, isVariable: true });

/** Kind of the first alternative that is not the `""` sentinel (`get_possible_answer_type`). */
function possibleAnswerKind(alternatives: Value): PyKind | undefined {
  for (const a of pyIter(alternatives)) if (!isOmitSentinel(a)) return kindOf(a);
  return undefined;
}

/**
 * `type_checker`. A value is type-valid when its kind is the declared kind, or the kind of the
 * gold's first alternative (the "variable" rule). Lists are checked one level deep.
 */
export function typeCheck(
  path: string,
  param: string,
  value: Value,
  alternatives: Value,
  declared: string,
  expected: PyKind,
  nested: PyKind | undefined,
): TypeCheck {
  const answerKind = possibleAnswerKind(alternatives);
  const isVariable = answerKind !== undefined && answerKind !== expected;
  const kind = kindOf(value);
  let nestedFailure: Mismatch | undefined;
  if (kind === expected) {
    if (nested === undefined) return isVariable ? VALID_VARIABLE : VALID;
    for (const alternative of pyIter(alternatives)) {
      let ok = true;
      // A non-list alternative ("" or a variable name) passes at once: the nested check is skipped.
      if (Array.isArray(alternative)) {
        for (const item of pyIter(value)) {
          const r = typeCheck(path, param, item, alternative, pyClassRepr(nested), nested, undefined);
          if (!r.valid) {
            ok = false;
            break;
          }
        }
      }
      if (ok) return isVariable ? VALID_VARIABLE : VALID;
    }
    nestedFailure = {
      code: "wrong_element_type",
      path,
      param,
      expected: declared,
      itemType: nested,
      received: value,
    };
  }
  if (answerKind !== undefined && kind === answerKind) {
    return nestedFailure ? { valid: false, mismatch: nestedFailure } : VALID_VARIABLE;
  }
  // Also reached after a failed nested check when the gold gives no kind: BFCL then reports type_error:simple.
  return { valid: false, mismatch: { code: "wrong_type", path, param, expected: declared, receivedType: kind, received: value } };
}

/** `string_checker`: BFCL-normalized value must equal a normalized string alternative. */
export function stringCheck(path: string, param: string, value: string, alternatives: Value): Mismatch | undefined {
  if (standardizedStrings(alternatives).includes(standardizeBfcl(value))) return undefined;
  return { code: "wrong_string_value", path, param, received: value, expected: pyIter(alternatives) };
}

/** Gold alternatives are never mutated, so their normalized strings are computed once per gold. */
const STANDARDIZED = new WeakMap<object, string[]>();

/** The string alternatives, BFCL-normalized. */
function standardizedStrings(alternatives: Value): string[] {
  const cacheable = typeof alternatives === "object" && alternatives !== null;
  let wanted = cacheable ? STANDARDIZED.get(alternatives) : undefined;
  if (wanted) return wanted;
  wanted = pyIter(alternatives)
    .filter((a): a is string => typeof a === "string")
    .map(standardizeBfcl);
  if (cacheable) STANDARDIZED.set(alternatives, wanted);
  return wanted;
}

/** Top-level string elements normalized, the rest kept (`list_checker`'s element rule). */
function standardizeElements(items: Value[]): Value[] {
  return items.map((x) => (typeof x === "string" ? standardizeBfcl(x) : x));
}

/**
 * `list_checker`: the list, with its top-level strings normalized, must equal an alternative in
 * order. A string alternative is iterated by character, so `""` becomes `[]`.
 */
export function listCheck(path: string, param: string, value: Value, alternatives: Value): Mismatch | undefined {
  const mine = standardizeElements(pyIter(value));
  for (const alternative of pyIter(alternatives)) {
    if (!Array.isArray(alternative) && typeof alternative !== "string") {
      pyLen(alternative); // raises for non-sized alternatives, as BFCL does
      if (alternative instanceof PyDict) throw new CheckerCrash("KeyError: 0");
    }
    const theirs = standardizeElements(pyIter(alternative));
    if (pyIn(mine, [theirs])) return undefined;
  }
  return { code: "wrong_list_value", path, param, received: value, expected: pyIter(alternatives) };
}

/**
 * `dict_checker`, against each dict alternative in turn (`""` alternatives skipped). Values are
 * compared flat, after BFCL normalization of strings, without type checks. When no alternative
 * passes, the failure of the last one is returned; if no alternative was tried, BFCL's
 * "unclear" failure.
 */
export function dictCheck(path: string, param: string, value: PyDict, alternatives: Value): Mismatch[] | undefined {
  let failure: Mismatch[] = [{ code: "no_alternatives", path, param, check: "dict" }];
  pyIter(alternatives).forEach((alternative, altIndex) => {
    if (failure.length === 0 || isOmitSentinel(alternative)) return;
    if (!(alternative instanceof PyDict)) throw new CheckerCrash("AttributeError: gold dict alternative is not a dict");
    const goldPath = `${param}[${altIndex}]`;
    const found: Mismatch[] = [];
    for (const [key, v] of value.entries) {
      const keyPath = `${path}.${String(key)}`;
      if (!alternative.has(key)) {
        found.push({ code: "unexpected_dict_key", path: keyPath, goldPath, key });
        break;
      }
      const mine = typeof v === "string" ? standardizeBfcl(v) : v;
      const keyAlternatives = alternative.get(key)!;
      if (keyAlternatives instanceof PyDict && pyLen(keyAlternatives) > 0) throw new CheckerCrash("KeyError: 0");
      const wanted = pyIter(keyAlternatives).map((a) => (typeof a === "string" ? standardizeBfcl(a) : a));
      if (!pyIn(mine, wanted)) {
        found.push({ code: "wrong_dict_value", path: keyPath, goldPath, key, received: v, expected: pyIter(keyAlternatives) });
        break;
      }
    }
    // BFCL runs the missing-key loop even after a failure above, and its error type wins.
    for (const [key, keyAlternatives] of alternative.entries) {
      if (!value.has(key) && !pyContains(keyAlternatives, "")) {
        found.unshift({ code: "missing_dict_key", path: `${path}.${String(key)}`, goldPath, key });
        break;
      }
    }
    failure = found;
  });
  return failure.length === 0 ? undefined : failure;
}

/** `list_dict_checker`: same length as an alternative, and element i dict-checks against its dict i. */
export function listDictCheck(path: string, param: string, value: Value, alternatives: Value): Mismatch[] | undefined {
  const items = pyIter(value);
  let failure: Mismatch[] = [{ code: "no_alternatives", path, param, check: "list_of_dict" }];
  for (const alternative of pyIter(alternatives)) {
    if (items.length !== pyLen(alternative)) {
      failure = [{ code: "wrong_dict_count", path, param }];
      continue;
    }
    const golds = pyIter(alternative);
    let ok = true;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (!(item instanceof PyDict)) throw new CheckerCrash(`AttributeError: '${kindOf(item)}' object has no attribute 'items'`);
      const r = dictCheck(`${path}[${i}]`, param, item, [golds[i]!]);
      if (r) {
        failure = r;
        ok = false;
        break;
      }
    }
    if (ok) return undefined;
  }
  return failure;
}
