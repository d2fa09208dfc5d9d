/**
 * BFCL's Java type converter (`java_type_converter`, bfcl-ast-spec §5.8): a decoded value is
 * Java source text, and the declared type decides how much of it becomes a Python value. Where
 * a pattern does not match, the text stays a string, which can then only pass a type check as a
 * variable name. Every quirk is kept: a long needs `L`, a float needs `f`, `0.5d` and `.5` are
 * not doubles, the char pattern never matches, Array elements keep their quotes, ArrayList
 * String elements lose their first and last character, HashMap keys must be double-quoted.
 *
 * The result is a union rather than a throw: `{ok: false}` is where BFCL raises (Set,
 * Hashtable, Queue and Stack are not implemented; an unknown type is a ValueError; an integer
 * of more than 4300 digits exceeds CPython's limit). BFCL does not catch these, so a caller
 * reproducing it reports a checker crash.
 */
import { PyDict, type Value } from "../value/value.js";
import { type ConvertResult, int, ok } from "./convertResult.js";
import {
  matchAllJavaAdd, matchAllJavaPut, matchJavaArray, matchJavaAsList, matchJavaHashMap, matchJavaHashMapEmpty,
} from "./javaPatterns.js";
import { PY, PY_SPACE_CHARS, parsePyFloat, pyInner, parsePyInt, pyStrip } from "./pyText.js";

export type { ConvertResult } from "./convertResult.js";

/** The Java types BFCL's conversion table knows. */
const KNOWN = new Set([
  "byte", "short", "integer", "float", "double", "long", "boolean", "char",
  "Array", "ArrayList", "Set", "HashMap", "Hashtable", "Queue", "Stack", "String", "any",
]);

const NOT_IMPLEMENTED: Record<string, string> = {
  Set: "Set",
  Hashtable: "Set",
  Queue: "Queue",
  Stack: "Stack",
};

const re = (body: string, flags = "u") => new RegExp(body, flags);
const D = PY.digit;
const S = PY.space;
const W = PY.word;
const END = PY.end;

const INTEGER = re(`^-?${D}+${END}`);
const LONG = re(`^-?${D}+[lL]${END}`);
const FLOAT = re(`^-?${D}+(\\.${D}+)?([eE][+-]?${D}+)?[fF]${END}`);
const DOUBLE = re(`^-?${D}+(\\.${D}+)?([eE][+-]?${D}+)?${END}`);
// ARRAY `new\s+\w+\[\]\s*\{([^\n]*?)\}`, ARRAYLIST_ASLIST, ARRAYLIST_ADD_ITEM `add\(([^\n]+?)\)`, HASHMAP,
// HASHMAP_PUT `put\("([^\n]*?)",\s*([^\n]*?)\)` and HASHMAP_EMPTY are super-linear as regexes and are
// computed by the scans in javaPatterns.ts, which give the same matches.
const ARRAYLIST_ADD_HEAD = re(`new${S}+ArrayList<${W}*>\\(\\)${S}*\\{\\{`);
const ARRAYLIST_EMPTY = re(`new${S}+ArrayList<${W}*>\\(\\)`);
const HASHMAP_LONG = re(`^-?${D}+[lL]${END}`);
const HASHMAP_FLOAT = re(`^-?${D}+(\\.${D}+)?[fF]${END}`);

/**
 * Converts Java source text by its declared type (and item type, for Array and ArrayList).
 *
 * @example convertJava("42L", "long")                        // { ok: true, value: 42n }
 * @example convertJava("42", "long")                         // { ok: true, value: "42" }
 * @example convertJava('new String[]{"a"}', "Array", "String") // { ok: true, value: ['"a"'] }
 * @example convertJava("x", "Set")                           // { ok: false, reason: "NotImplementedError: …" }
 */
export function convertJava(value: string, type: string, itemType?: string): ConvertResult {
  if (!KNOWN.has(type)) return { ok: false, reason: `ValueError: Unsupported type: ${type}` };
  const notImplemented = NOT_IMPLEMENTED[type];
  if (notImplemented) return { ok: false, reason: `NotImplementedError: ${notImplemented} conversion is not implemented` };
  switch (type) {
    case "byte":
    case "short":
    case "integer":
      return INTEGER.test(value) ? int(value) : ok(value);
    case "long":
      return LONG.test(value) ? int(value.replace(/[lL](\n?)$/, "$1")) : ok(value);
    case "float":
      return FLOAT.test(value) ? ok(parsePyFloat(value.replace(/[fF](\n?)$/, "$1"))!) : ok(value);
    case "double":
      return DOUBLE.test(value) ? ok(parsePyFloat(value)!) : ok(value);
    case "boolean":
      return ok(value === "true" ? true : value === "false" ? false : value);
    case "Array":
      return parseArray(value, itemType);
    case "ArrayList":
      return parseArrayList(value, itemType);
    case "HashMap":
      return ok(parseHashMap(value));
    default:
      // char (its pattern `^\'.$\'` can never match), String and any stay text.
      return ok(value);
  }
}

/** Converts each element by the item type; the first failure wins, as the exception would. */
function convertAll(elements: string[], itemType: string | undefined): ConvertResult {
  const out: Value[] = [];
  for (const e of elements) {
    const r = convertJava(e, itemType ?? "None");
    if (!r.ok) return r;
    out.push(r.value);
  }
  return ok(out);
}

/** `new T[]{a, b}`: the first such array, up to the first `}`, split on `,` (elements keep quotes). */
function parseArray(value: string, itemType: string | undefined): ConvertResult {
  const m = matchJavaArray(value);
  if (!m) return ok(value);
  const items = m.groups[1]!.split(",").map(pyStrip).filter((s) => s !== "");
  return convertAll(items, itemType);
}

/** `new ArrayList<…>(Arrays.asList(a, b))`, `new ArrayList<>() {{ add(a); }}`, `new ArrayList<>()`. */
function parseArrayList(value: string, itemType: string | undefined): ConvertResult {
  let elements: string[] | undefined;
  const asList = matchJavaAsList(value);
  if (asList) elements = asList.groups[1]!.split(",").map(pyStrip);
  else {
    const body = arrayListAddBody(value);
    if (body !== undefined) elements = matchAllJavaAdd(body).map((x) => x.groups[1]!);
  }
  if (!elements) return ok(ARRAYLIST_EMPTY.test(value) ? [] : value);
  // String and char elements lose their first and last character (meant to be the quotes).
  if (itemType === "String" || itemType === "char") return ok(elements.map(pyInner));
  return convertAll(elements, itemType);
}

/**
 * The group BFCL's `new\s+ArrayList<\w*>\(\)\s*\{\{\s*([\s\S]+?)\s*\}\}` captures, found by
 * scanning: the body starts after the whitespace that follows `{{` and ends before the whitespace
 * that precedes the first `}}` after it (at least one character). The regex itself is cubic on
 * whitespace after `{{` without a closer (test/hardening/regex.test.ts checks the two agree).
 */
function arrayListAddBody(value: string): string | undefined {
  const head = ARRAYLIST_ADD_HEAD.exec(value);
  if (!head) return undefined;
  const a = head.index + head[0].length;
  const space = (i: number) => i < value.length && PY_SPACE_CHARS.includes(value[i]!);
  let start = a;
  while (space(start)) start++;
  const close = value.indexOf("}}", start + 1);
  if (close >= 0) {
    let end = close;
    while (end > start + 1 && space(end - 1)) end--;
    return value.slice(start, end);
  }
  // Only whitespace before `}}`: the body is the last whitespace character.
  if (start > a && value.startsWith("}}", start)) return value.slice(start - 1, start);
  return undefined;
}

/** `new HashMap<…>() {{ put("k", v); }}` (keys double-quoted), or an empty `new HashMap<…>()`. */
function parseHashMap(value: string): Value {
  const text = pyStrip(value);
  const m = matchJavaHashMap(text);
  if (m) {
    const map = new PyDict();
    for (const { groups: [, key, v] } of matchAllJavaPut(m.groups[1]!)) map.set(key!, hashMapValue(pyStrip(v!)));
    return map;
  }
  return matchJavaHashMapEmpty(text) ? new PyDict() : value;
}

function hashMapValue(v: string): Value {
  if (v === "true") return true;
  if (v === "false") return false;
  if (v.startsWith('"') && v.endsWith('"')) return pyInner(v);
  if (HASHMAP_LONG.test(v)) {
    const r = parsePyInt(Array.from(v).slice(0, -1).join(""));
    if (r.ok) return r.value;
  }
  if (HASHMAP_FLOAT.test(v)) return parsePyFloat(Array.from(v).slice(0, -1).join(""))!;
  const i = parsePyInt(v);
  if (i.ok) return i.value;
  const f = parsePyFloat(v);
  return f ?? v;
}
