/**
 * BFCL's `simple_function_checker`: one decoded call against one function doc and one gold.
 * The order of the checks decides which error BFCL reports, so it is kept exactly (spec §5.2):
 * name, doc-required params, then each call param in the call's order (known? convert, type,
 * value), then gold params the call left out.
 */
import type { Language } from "../categories.js";
import type { Mismatch } from "../mismatch.js";
import type { FunctionDoc, GoldCall } from "../types.js";
import { PyDict, PyTuple, type PyKind, type Value } from "../value/value.js";
import { convertJava } from "./convertJava.js";
import { convertJavaScript } from "./convertJavaScript.js";
import { CheckerCrash, pyContains, pyIter } from "./pyOps.js";
import { NESTED_TYPES, TYPE_TABLES } from "./typeTables.js";
import { dictCheck, listCheck, listDictCheck, stringCheck, typeCheck } from "./valueChecks.js";

/** A decoded call as BFCL holds it: `{name: {param: value}}` (param keys may be None). */
export interface BfclCall {
  name: string;
  params: PyDict;
}

export interface CallCheckOptions {
  language: Language;
  /** BFCL's per-model flag: expect `.` in doc names to be written `_`. */
  underscoreToDot: boolean;
}

/** BFCL's `convert_func_name`. */
export function expectedName(docName: string, underscoreToDot: boolean): string {
  return underscoreToDot && docName.includes(".") ? docName.replaceAll(".", "_") : docName;
}

function paramPath(callPath: string, param: Value): string {
  return `${callPath}.args.${param === null ? "**" : String(param)}`;
}

/**
 * Checks one call; returns the mismatches (primary first) or undefined when it passes.
 * Throws {@link CheckerCrash} where BFCL's checker would raise.
 */
export function checkCall(
  doc: FunctionDoc | undefined,
  call: BfclCall,
  gold: GoldCall,
  callPath: string,
  options: CallCheckOptions,
): Mismatch[] | undefined {
  if (!doc) throw new CheckerCrash(`TypeError: no function doc named '${gold.name}'`);
  const name = expectedName(doc.name, options.underscoreToDot);
  if (call.name !== name) {
    return [{ code: "wrong_function_name", path: `${callPath}.name`, expected: name, received: call.name }];
  }
  const params = call.params;
  for (const param of doc.required) {
    if (!params.has(param)) return [{ code: "missing_required_param", path: paramPath(callPath, param), param }];
  }
  const table = TYPE_TABLES[options.language];
  for (const [param, raw] of params.entries) {
    const path = paramPath(callPath, param);
    const paramDoc = typeof param === "string" ? doc.params.get(param) : undefined;
    if (typeof param !== "string" || !paramDoc || !gold.params.has(param)) {
      return [{ code: "unexpected_param", path, param: param === null ? "None" : String(param) }];
    }
    const alternatives = gold.params.get(param)!;
    const declared = paramDoc.type;
    const expected = table.get(declared);
    if (!expected) throw new CheckerCrash(`KeyError: '${declared}'`);
    if (options.language !== "python" && typeof raw !== "string") {
      return [{ code: "not_source_text", path, param, language: options.language, received: raw }];
    }
    let nested: PyKind | undefined;
    let value = raw;
    if (NESTED_TYPES[options.language].has(declared)) {
      const itemType = paramDoc.items?.type;
      if (itemType === undefined) throw new CheckerCrash(`KeyError: 'items'`);
      nested = table.get(itemType);
      if (!nested) throw new CheckerCrash(`KeyError: '${itemType}'`);
    }
    if (options.language !== "python") {
      const convert = options.language === "java" ? convertJava : convertJavaScript;
      const converted = convert(raw as string, declared, nested ? paramDoc.items!.type : undefined);
      if (!converted.ok) throw new CheckerCrash(converted.reason);
      value = converted.value;
    }
    if (declared === "tuple" && value instanceof PyTuple) value = value.items;
    if (options.language === "python" && declared === "float" && typeof value === "bigint") value = Number(value);

    const typed = typeCheck(path, param, value, alternatives, declared, expected, nested);
    if (!typed.valid) return [typed.mismatch];
    if (!typed.isVariable) {
      if (expected === "dict") {
        const r = dictCheck(path, param, value as PyDict, alternatives);
        if (r) return r;
        continue;
      }
      if (expected === "list" && nested === "dict") {
        const r = listDictCheck(path, param, value, alternatives);
        if (r) return r;
        continue;
      }
      if (expected === "str") {
        const r = stringCheck(path, param, value as string, alternatives);
        if (r) return [r];
        continue;
      }
      if (expected === "list") {
        const r = listCheck(path, param, value, alternatives);
        if (r) return [r];
        continue;
      }
    }
    if (!pyContains(alternatives, value)) {
      return [{ code: "wrong_value", path, param, received: value, expected: pyIter(alternatives) }];
    }
  }
  for (const [param, alternatives] of gold.params) {
    if (!params.has(param) && !pyContains(alternatives, "")) {
      return [{ code: "missing_param", path: paramPath(callPath, param), param }];
    }
  }
  return undefined;
}

