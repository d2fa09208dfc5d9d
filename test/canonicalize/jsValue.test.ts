/**
 * readJsValue, one behaviour per row: source text, declared type, item type, and the Python repr
 * of the value read (with one note it must carry), or `expression` when the text must come back
 * as source. BFCL's regex converter rejects many of the value rows (bfcl-ast-spec §12 item 10).
 */
import { describe, expect, it } from "vitest";
import { readJsValue } from "../../src/canonicalize/jsValue.js";
import { pyRepr } from "../../src/value/repr.js";

type Row = [name: string, source: string, declared: string, item: string | undefined, expected: string, note?: string];

const EXPR = "expression";

const VALUES: Row[] = [
  ["nested object literal (BFCL's regex breaks)", "{status: 'active', nested: {a: [1, 2]}}", "dict", undefined, "{'status': 'active', 'nested': {'a': [1, 2]}}"],
  ["quoted keys", `{"a": 1, 'b': 2}`, "dict", undefined, "{'a': 1, 'b': 2}"],
  ["numeric keys become the strings JavaScript makes", "{1: 'x', 1e3: 'y', 0x10: 'z'}", "dict", undefined, "{'1': 'x', '1000': 'y', '16': 'z'}", "numeric key read as a string"],
  ["empty object", "{}", "dict", undefined, "{}"],
  ["quoted values keep their kind (BFCL makes '5' an int)", "{n: '5'}", "dict", undefined, "{'n': '5'}"],
  ["exponent and leading-dot floats in an array", "[1, 2.5e3, .5]", "array", "float", "[1.0, 2500.0, 0.5]"],
  ["int array", "[1, 2, 3]", "array", "integer", "[1, 2, 3]"],
  ["mixed array", "[1, 'a', null, true, 2.0]", "array", "any", "[1, 'a', None, True, 2.0]"],
  ["quoted elements of a number array stay str", "['1', 2]", "array", "integer", "['1', 2]"],
  ["nested arrays and objects", "[[1, [2, {x: [3]}]]]", "array", undefined, "[[1, [2, {'x': [3]}]]]"],
  ["single-quoted string", "'str'", "String", undefined, "'str'"],
  ["double-quoted string", '"str"', "String", undefined, "'str'"],
  ["template literal without substitutions", "`tpl`", "String", undefined, "'tpl'", "template literal"],
  ["string escapes", String.raw`'a\nb\u00e9\x41\u{1F600}'`, "String", undefined, "'a\\nbéA😀'"],
  ["non-ASCII text", "'東京'", "String", undefined, "'東京'"],
  ["true", "true", "Boolean", undefined, "True"],
  ["false", "false", "Boolean", undefined, "False"],
  ["null", "null", "any", undefined, "None"],
  ["undefined is None", "undefined", "any", undefined, "None", "undefined read as null"],
  ["exponent float (BFCL rejects)", "1e3", "float", undefined, "1000.0"],
  ["leading-dot float (BFCL rejects)", ".5", "float", undefined, "0.5"],
  ["3.0 is a float, even for an integer param (caller decides)", "3.0", "integer", undefined, "3.0"],
  ["integer literal for a float param", "4", "float", undefined, "4.0", "integer literal read as float"],
  ["integer literal for an integer param", "4", "integer", undefined, "4"],
  ["negative int", "-7", "integer", undefined, "-7"],
  ["negative float", "-2.5", "float", undefined, "-2.5"],
  ["negative int for a float", "-2", "float", undefined, "-2.0"],
  ["unary plus", "+5", "integer", undefined, "5", "unary plus"],
  ["BigInt literal", "5n", "Bigint", undefined, "5", "BigInt literal"],
  ["negative BigInt", "-12345678901234567890n", "Bigint", undefined, "-12345678901234567890"],
  ["large integer stays exact", "12345678901234567890", "integer", undefined, "12345678901234567890"],
  ["hex literal", "0xFF", "integer", undefined, "255", "hex literal"],
  ["legacy octal literal", "017", "integer", undefined, "15", "legacy octal literal"],
  ["numeric separators", "1_000", "integer", undefined, "1000"],
  ["Infinity", "-Infinity", "float", undefined, "-inf", "Infinity"],
  ["new Array with elements", "new Array(1, 2)", "array", "integer", "[1, 2]", "new Array(...)"],
  ["new Array with one string", "new Array('a')", "array", "String", "['a']"],
  ["new Array() is empty", "new Array()", "array", undefined, "[]"],
  ["Array.of with one number", "Array.of(3)", "array", "integer", "[3]", "Array.of"],
  ["trailing commas", "{a: [1, 2,],}", "dict", undefined, "{'a': [1, 2]}"],
  ["comments and whitespace", "  [1, /* two */ 2] // end\n", "array", undefined, "[1, 2]"],
  ["parentheses", "(5)", "integer", undefined, "5"],
  ["repeated key keeps the first position and the last value", "{a: 1, b: 2, a: 3}", "dict", undefined, "{'a': 3, 'b': 2}"],
  ["__proto__ is an ordinary key", "{__proto__: {polluted: true}}", "dict", undefined, "{'__proto__': {'polluted': True}}", "__proto__ read as an ordinary key"],
  ["constructor is an ordinary key", "{constructor: 1, toString: 2}", "dict", undefined, "{'constructor': 1, 'toString': 2}"],
  ["keywords as keys", "{default: 1, class: 2}", "dict", undefined, "{'default': 1, 'class': 2}"],
];

const EXPRESSIONS: Row[] = [
  ["identifier", "someVar", "String", undefined, EXPR],
  ["member expression", "config.value", "any", undefined, EXPR],
  ["call", "getValue()", "any", undefined, EXPR],
  ["arrow function", "x => x + 1", "any", undefined, EXPR],
  ["template with a substitution", "`a${b}`", "String", undefined, EXPR],
  ["hole", "[1, , 2]", "array", undefined, EXPR],
  ["spread in an array", "[...xs]", "array", undefined, EXPR],
  ["spread in an object", "{...o}", "dict", undefined, EXPR],
  ["shorthand property", "{a}", "dict", undefined, EXPR],
  ["computed key", "{[k]: 1}", "dict", undefined, EXPR],
  ["method", "{f() {}}", "dict", undefined, EXPR],
  ["getter", "{get a() { return 1; }}", "dict", undefined, EXPR],
  ["new Array(n) makes holes", "new Array(3)", "array", undefined, EXPR],
  ["other constructor", "new Date()", "any", undefined, EXPR],
  ["unbalanced quote", "'abc", "String", undefined, EXPR],
  ["unbalanced bracket", "{a: [1, 2}", "dict", undefined, EXPR],
  ["trailing text", "1 2", "integer", undefined, EXPR],
  ["trailing semicolon", "{a: 1};", "dict", undefined, EXPR],
  ["sequence", "1, 2", "any", undefined, EXPR],
  ["Python True", "True", "Boolean", undefined, EXPR],
  ["regular expression", "/a+/g", "any", undefined, EXPR],
  ["arithmetic", "1 + 2", "integer", undefined, EXPR],
  ["unary plus on a BigInt throws in JavaScript", "+5n", "Bigint", undefined, EXPR],
  ["minus on a string", "-'5'", "integer", undefined, EXPR],
  ["typeof", "typeof x", "any", undefined, EXPR],
  ["a repeated __proto__ is a syntax error", "{__proto__: 1, __proto__: 2}", "dict", undefined, EXPR],
  ["a value nested in a call", "{a: f(1)}", "dict", undefined, EXPR],
  ["empty text", "  ", "any", undefined, EXPR],
];

describe("readJsValue", () => {
  it.each(VALUES)("%s: %j", (_name, source, declared, item, expected, note) => {
    const r = readJsValue(source, declared, item);
    expect(r.kind).toBe("value");
    if (r.kind !== "value") return;
    expect(pyRepr(r.value)).toBe(expected);
    if (note !== undefined) expect(r.notes).toContain(note);
  });

  it.each(EXPRESSIONS)("%s stays an expression: %j", (_name, source, declared, item) => {
    expect(readJsValue(source, declared, item)).toEqual({ kind: "expression", text: source.trim() });
  });

  it("a plain literal carries no notes", () => {
    expect(readJsValue("'x'", "String")).toEqual({ kind: "value", value: "x", notes: [] });
  });

  it("a __proto__ key does not touch Object.prototype", () => {
    readJsValue('{"__proto__": {"polluted": 1}, __proto__x: {constructor: {prototype: {polluted: 2}}}}', "dict");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

const MB = 1024 * 1024;

/** [behaviour, source, expected kind] — each must return within the time limit and never throw. */
const HOSTILE: Array<[string, () => string, "value" | "expression"]> = [
  ["10 MB string literal", () => `'${"a".repeat(10 * MB)}'`, "expression"],
  ["900 kB string literal is still read", () => `'${"a\\n".repeat(300_000)}'`, "value"],
  ["100k unclosed [", () => "[".repeat(100_000), "expression"],
  ["100k nested, closed arrays", () => `${"[".repeat(100_000)}${"]".repeat(100_000)}`, "expression"],
  ["100k nested objects", () => `${"{a:".repeat(100_000)}1${"}".repeat(100_000)}`, "expression"],
  ["100k nested parentheses", () => `${"(".repeat(100_000)}1${")".repeat(100_000)}`, "expression"],
  ["100k signs", () => `${"- ".repeat(100_000)}1`, "expression"],
  ["100k nested calls", () => `${"f(".repeat(100_000)}${")".repeat(100_000)}`, "expression"],
  ["brackets inside strings do not count as nesting", () => `['${"[".repeat(100_000)}']`, "value"],
  ["100k-element array", () => `[${"1, ".repeat(100_000)}1]`, "value"],
  ["50k keys", () => `{${Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`).join(", ")}}`, "value"],
  ["a 4000-digit literal", () => "9".repeat(4000), "value"],
  ["lone surrogate in a string", () => "'\ud800'", "value"],
];

describe("readJsValue on hostile input", () => {
  it.each(HOSTILE)("%s", (_name, make, kind) => {
    const source = make();
    const start = performance.now();
    const r = readJsValue(source, "any");
    expect(performance.now() - start).toBeLessThan(1000);
    expect(r.kind).toBe(kind);
  });
});
