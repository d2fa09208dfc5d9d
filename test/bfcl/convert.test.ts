/**
 * BFCL's Java and JavaScript type converters (bfcl-ast-spec §5.8, §5.9), one behaviour per row:
 * source text, declared type, item type, and the Python repr of the result, or the exception
 * BFCL would raise (`raises …`).
 */
import { describe, expect, it } from "vitest";
import { type ConvertResult, convertJava } from "../../src/bfcl/convertJava.js";
import { convertJavaScript } from "../../src/bfcl/convertJavaScript.js";
import { pyRepr } from "../../src/value/repr.js";

type Row = [name: string, value: string, type: string, itemType: string | undefined, expected: string];

function show(r: ConvertResult): string {
  return r.ok ? pyRepr(r.value) : `raises ${r.reason.split(":")[0]}`;
}

const JAVA: Row[] = [
  ["integer", "42", "integer", undefined, "42"],
  ["negative short", "-7", "short", undefined, "-7"],
  ["integer with L stays text", "42L", "integer", undefined, "'42L'"],
  ["Python's $ allows a final newline", "42\n", "byte", undefined, "42"],
  ["Unicode digits count, as in Python", "٤٢", "integer", undefined, "42"],
  ["long needs L", "42", "long", undefined, "'42'"],
  ["long with L", "42L", "long", undefined, "42"],
  ["long with l", "-42l", "long", undefined, "-42"],
  ["float needs f", "0.5", "float", undefined, "'0.5'"],
  ["float with f", "0.5f", "float", undefined, "0.5"],
  ["float with exponent and F", "1e3F", "float", undefined, "1000.0"],
  ["double", "1.5", "double", undefined, "1.5"],
  ["double from an integer literal", "2", "double", undefined, "2.0"],
  ["double with d stays text", "0.5d", "double", undefined, "'0.5d'"],
  ["double with a leading dot stays text", ".5", "double", undefined, "'.5'"],
  ["boolean", "true", "boolean", undefined, "True"],
  ["boolean is case-sensitive", "True", "boolean", undefined, "'True'"],
  ["char never matches its pattern", "'a'", "char", undefined, "\"'a'\""],
  ["String is unchanged", '"x"', "String", undefined, "'\"x\"'"],
  ["any is unchanged", "foo", "any", undefined, "'foo'"],
  ["Array elements keep their quotes", 'new String[]{"a", "b"}', "Array", "String", "['\"a\"', '\"b\"']"],
  ["Array elements are converted", "new int[]{1, 2}", "Array", "integer", "[1, 2]"],
  ["Array stops at the first }", "new int[]{{1, 2}, {3}}", "Array", "String", "['{1', '2']"],
  ["Array needs exactly one []", "new int[][]{{1}}", "Array", "String", "'new int[][]{{1}}'"],
  ["Array without new T[]{…} stays text", "[1, 2]", "Array", "integer", "'[1, 2]'"],
  ["ArrayList from Arrays.asList", "new ArrayList<>(Arrays.asList(101L, 202L))", "ArrayList", "long", "[101, 202]"],
  ["ArrayList elements need their own suffix", "new ArrayList<>(Arrays.asList(101, 202))", "ArrayList", "long", "['101', '202']"],
  ["ArrayList String elements lose first and last character", "new ArrayList<String>(Arrays.asList(\"a\", b))", "ArrayList", "String", "['a', '']"],
  ["ArrayList double-brace form", 'new ArrayList<>() {{ add("x"); add("y"); }}', "ArrayList", "String", "['x', 'y']"],
  ["empty ArrayList", "new ArrayList<>()", "ArrayList", "integer", "[]"],
  ["a bare Arrays.asList stays text", "Arrays.asList(1, 2)", "ArrayList", "integer", "'Arrays.asList(1, 2)'"],
  ["HashMap puts", 'new HashMap<String, Object>() {{ put("a", 1); put("b", "x"); put("c", 2L); put("d", 1.5f); put("e", true); put("f", y); }}', "HashMap", undefined, "{'a': 1, 'b': 'x', 'c': 2, 'd': 1.5, 'e': True, 'f': 'y'}"],
  ["HashMap with single braces", 'new HashMap<String, Integer>() { put("a", 1); }', "HashMap", undefined, "{'a': 1}"],
  ["HashMap keys must be double-quoted", "new HashMap<String, Integer>() {{ put('a', 1); }}", "HashMap", undefined, "{}"],
  ["empty HashMap (what prompt mode always yields)", "new HashMap<String,Object>()", "HashMap", undefined, "{}"],
  ["HashMap needs type arguments", "new HashMap()", "HashMap", undefined, "'new HashMap()'"],
  ["Set is not implemented", "x", "Set", undefined, "raises NotImplementedError"],
  ["Hashtable is not implemented", "x", "Hashtable", undefined, "raises NotImplementedError"],
  ["Queue is not implemented", "x", "Queue", undefined, "raises NotImplementedError"],
  ["Stack is not implemented", "x", "Stack", undefined, "raises NotImplementedError"],
  ["an unknown type raises", "x", "Object", undefined, "raises ValueError"],
  ["an unknown item type raises", "new int[]{1}", "Array", "Object", "raises ValueError"],
  ["more than 4300 digits exceed CPython's limit", "9".repeat(4301), "integer", undefined, "raises ValueError"],
];

const JAVASCRIPT: Row[] = [
  ["String loses one pair of quotes", "'abc'", "String", undefined, "'abc'"],
  ["String keeps unmatched quotes", "'abc\"", "String", undefined, "'\\'abc\"'"],
  ["integer", "-12", "integer", undefined, "-12"],
  ["integer written 3.0 stays text", "3.0", "integer", undefined, "'3.0'"],
  ["float from an integer", "4", "float", undefined, "4.0"],
  ["float with exponent stays text", "4e0", "float", undefined, "'4e0'"],
  ["float with a leading dot stays text", ".5", "float", undefined, "'.5'"],
  ["Bigint", "12n", "Bigint", undefined, "12"],
  ["Boolean", "false", "Boolean", undefined, "False"],
  ["any is unchanged", "x", "any", undefined, "'x'"],
  ["array with String items loses quotes", "['a', \"b\", c]", "array", "String", "['a', 'b', 'c']"],
  ["array with numeric items keeps quoted text", "['30', 60]", "array", "float", "[\"'30'\", 60.0]"],
  ["new Array(…)", "new Array(1, 2)", "array", "integer", "[1, 2]"],
  ["empty array", "[]", "array", "integer", "[]"],
  ["the first […] only", "[1, 2], [3, 4]", "array", "float", "[1.0, 2.0]"],
  ["a 2-D array is read with a lazy \\[(.*?)\\]", "[[10, 15], [20, 25]]", "array", "float", "[['[10', 15], [20, 25]]"],
  ["not an array stays text", "x", "array", "integer", "'x'"],
  ["empty dict", "{}", "dict", undefined, "{}"],
  ["dict keys unquoted, values read", "{'a': 'true', \"b\": 5, c: x}", "dict", undefined, "{'a': True, 'b': 5, 'c': 'x'}"],
  ["a quoted number becomes a number", "{a: '5'}", "dict", undefined, "{'a': 5}"],
  ["dict array values", "{a: ['x', 'y']}", "dict", undefined, "{'a': ['x', 'y']}"],
  ["nested objects break at the first }", "{a: {b: 1}, c: 2}", "dict", undefined, "{'a': '{b: 1'}"],
  ["a dict across lines stays text", "{\n a: 1}", "dict", undefined, "'{\\n a: 1}'"],
  ["an unknown type raises", "x", "Object", undefined, "raises ValueError"],
];

describe("convertJava", () => {
  it.each(JAVA)("%s", (_name, value, type, itemType, expected) => {
    expect(show(convertJava(value, type, itemType))).toBe(expected);
  });
});

describe("convertJavaScript", () => {
  it.each(JAVASCRIPT)("%s", (_name, value, type, itemType, expected) => {
    expect(show(convertJavaScript(value, type, itemType))).toBe(expected);
  });
});
