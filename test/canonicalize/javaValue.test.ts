/**
 * readJavaValue, one behaviour per row: source text, declared type, item type, and the Python
 * repr of the value read (with one note it must carry), or `expression` when the text must come
 * back as source. BFCL's regex converter rejects many of the value rows (bfcl-ast-spec §12 item 9).
 */
import { describe, expect, it } from "vitest";
import { readJavaValue } from "../../src/canonicalize/javaValue.js";
import { pyRepr } from "../../src/value/repr.js";

type Row = [name: string, source: string, declared: string, item: string | undefined, expected: string, note?: string];

const EXPR = "expression";

const VALUES: Row[] = [
  ["decimal int", "42", "integer", undefined, "42"],
  ["long without L (BFCL rejects)", "42", "long", undefined, "42"],
  ["long with L", "42L", "long", undefined, "42", "long suffix L"],
  ["long with lower-case l", "-42l", "long", undefined, "-42", "long suffix L"],
  ["underscores between digits", "1_000_000", "integer", undefined, "1000000"],
  ["hex literal", "0xFF", "integer", undefined, "255", "hex literal"],
  ["hex int wraps as Java does", "0xFFFFFFFF", "integer", undefined, "-1", "int literal wraps to a negative value"],
  ["hex long does not wrap at 32 bits", "0xFFFFFFFFL", "long", undefined, "4294967295"],
  ["leading zero is octal", "010", "integer", undefined, "8", "octal literal"],
  ["binary literal", "0b1010", "byte", undefined, "10", "binary literal"],
  ["int minimum needs no L", "-2147483648", "integer", undefined, "-2147483648"],
  ["big long without L is read, noted", "5000000000", "long", undefined, "5000000000", "integer literal beyond int range without L"],
  ["double with d suffix (BFCL rejects)", "0.5d", "double", undefined, "0.5", "double suffix d"],
  ["float with f suffix keeps the decimal value", "0.1f", "float", undefined, "0.1", "float suffix f"],
  ["float without f (BFCL rejects)", "3.5", "float", undefined, "3.5"],
  ["leading dot (BFCL rejects)", ".5", "double", undefined, "0.5"],
  ["trailing dot", "2.", "double", undefined, "2.0"],
  ["exponent", "1e3", "double", undefined, "1000.0"],
  ["signed exponent with F", "-1.5E-3F", "float", undefined, "-0.0015"],
  ["integer suffix d is a double", "5d", "double", undefined, "5.0", "double suffix d"],
  ["integer literal for a double is a float", "2", "double", undefined, "2.0", "integer literal read as floating point"],
  ["negative integer for a float", "-7", "float", undefined, "-7.0"],
  ["int for a String param stays int", "5", "String", undefined, "5"],
  ["quoted number for an int param stays str", '"5"', "integer", undefined, "'5'"],
  ["float for an integer param stays float", "3.0", "integer", undefined, "3.0"],
  ["string escapes", String.raw`"a\tb\n\"q\" \u00e9 \101 \s"`, "String", undefined, "'a\\tb\\n\"q\" é A  '"],
  ["repeated u in a unicode escape", String.raw`"\uuu0041"`, "String", undefined, "'A'"],
  ["char literal becomes str", "'c'", "char", undefined, "'c'", "char literal"],
  ["char escape", String.raw`'\''`, "char", undefined, '"\'"'],
  ["true", "true", "boolean", undefined, "True"],
  ["false", "false", "boolean", undefined, "False"],
  ["null", "null", "String", undefined, "None"],
  ["quoted String array (BFCL keeps quotes)", 'new String[]{"-v", "-p"}', "Array", "String", "['-v', '-p']", "array creation"],
  ["int array", "new int[]{1, 2, 3}", "Array", "integer", "[1, 2, 3]"],
  ["double array with int elements", "new double[]{1, 2.5}", "Array", "double", "[1.0, 2.5]"],
  ["the array type decides, not the item type", "new int[]{1}", "Array", "double", "[1]"],
  ["two-dimensional array", "new int[][]{{1, 2}, {3}}", "Array", "integer", "[[1, 2], [3]]"],
  ["two-dimensional double array", "new double[][]{{1}, new double[]{2}}", "Array", undefined, "[[1.0], [2.0]]"],
  ["trailing comma in an initializer", "new int[]{1, 2,}", "Array", "integer", "[1, 2]"],
  ["empty array", "new String[]{}", "Array", "String", "[]"],
  ["sized array holds default values", "new int[3]", "Array", "integer", "[0, 0, 0]", "sized array filled with default values"],
  ["sized reference array holds nulls", "new String[2]", "Array", "String", "[None, None]"],
  ["bare initializer, noted", '{"a", "b"}', "Array", "String", "['a', 'b']", "bare array initializer"],
  ["bare Arrays.asList (BFCL rejects)", 'Arrays.asList("a", "b")', "ArrayList", "String", "['a', 'b']", "Arrays.asList"],
  ["ArrayList wrapping Arrays.asList", 'new ArrayList<>(Arrays.asList("a", "b"))', "ArrayList", "String", "['a', 'b']", "new ArrayList"],
  ["qualified names", 'new java.util.ArrayList<String>(java.util.Arrays.asList("a"))', "ArrayList", "String", "['a']"],
  ["int elements for a double item type", "Arrays.asList(1, 2)", "ArrayList", "double", "[1.0, 2.0]", "integer literal read as floating point"],
  ["generic type argument decides element floats", "new ArrayList<Double>(List.of(1, 2))", "ArrayList", undefined, "[1.0, 2.0]"],
  ["List.of", 'List.of("x")', "ArrayList", "String", "['x']", "List.of"],
  ["Set.of becomes a list", 'Set.of("a", "b")', "Set", "String", "['a', 'b']", "Set.of read as a list"],
  ["double-brace add", 'new ArrayList<String>() {{ add("a"); this.add("b"); }}', "ArrayList", "String", "['a', 'b']", "double-brace initializer"],
  ["empty ArrayList", "new ArrayList<>()", "ArrayList", "String", "[]"],
  ["capacity argument is not an element", "new ArrayList<>(10)", "ArrayList", "integer", "[]", "initial capacity ignored"],
  ["mixed literals for ArrayList<any> (BFCL cannot)", 'Arrays.asList(1, "two", 3.0, true, null)', "ArrayList", "any", "[1, 'two', 3.0, True, None]"],
  ["element with a comma is not split", 'Arrays.asList("a, b", "c")', "ArrayList", "String", "['a, b', 'c']"],
  ["Arrays.asList of a String[] spreads it", 'Arrays.asList(new String[]{"a", "b"})', "ArrayList", "String", "['a', 'b']"],
  ["Arrays.asList of an int[] is one element", "Arrays.asList(new int[]{1, 2})", "ArrayList", undefined, "[[1, 2]]"],
  ["HashSet drops duplicates", 'new HashSet<>(Arrays.asList("a", "a", "b"))', "Set", "String", "['a', 'b']", "HashSet read as a list"],
  ["explicit type witness", 'Arrays.<String>asList("a")', "ArrayList", "String", "['a']"],
  ["Collections.emptyList", "Collections.emptyList()", "ArrayList", undefined, "[]"],
  ["double-brace HashMap", 'new HashMap<String, Object>() {{ put("k", 1); put("b", true); }}', "HashMap", undefined, "{'k': 1, 'b': True}", "double-brace initializer"],
  ["repeated put keeps the last value", 'new HashMap<>() {{ put("k", 1); put("k", 2); }}', "HashMap", undefined, "{'k': 2}"],
  ["map value type makes floats", 'new HashMap<String, Double>() {{ put("x", 1); }}', "HashMap", undefined, "{'x': 1.0}"],
  ["nested generics parse", 'new HashMap<String, List<Integer>>() {{ put("x", List.of(1)); }}', "HashMap", undefined, "{'x': [1]}"],
  ["Map.of", 'Map.of("k", 1, "j", "v")', "HashMap", undefined, "{'k': 1, 'j': 'v'}", "Map.of"],
  ["Map.ofEntries with Map.entry", 'Map.ofEntries(Map.entry("a", 1L), Map.entry("b", 2L))', "HashMap", undefined, "{'a': 1, 'b': 2}", "Map.entry"],
  ["empty HashMap", "new HashMap<>()", "HashMap", undefined, "{}", "new HashMap"],
  ["HashMap copying Map.of", 'new HashMap<>(Map.of("a", 1))', "HashMap", undefined, "{'a': 1}"],
  ["nested collections", 'Map.of("l", List.of(1, 2), "m", Map.of("x", new int[]{3}))', "HashMap", undefined, "{'l': [1, 2], 'm': {'x': [3]}}"],
  ["__proto__ is an ordinary key", 'Map.of("__proto__", 1)', "HashMap", undefined, "{'__proto__': 1}"],
  ["cast to byte", "(byte) 5", "byte", undefined, "5", "cast to byte"],
  ["cast narrows as Java does", "(byte) 200", "byte", undefined, "-56"],
  ["cast truncates a double", "(int) -3.9", "integer", undefined, "-3"],
  ["cast to double", "(double) 1", "double", undefined, "1.0"],
  ["parentheses", "(42)", "integer", undefined, "42"],
  ["comments and whitespace", "  /* n */ 42 // the answer\n", "integer", undefined, "42"],
  ["unary plus", "+5", "integer", undefined, "5", "unary plus"],
  ["new String", 'new String("x")', "String", undefined, "'x'", "new String(...)"],
];

const EXPRESSIONS: Row[] = [
  ["identifier", "someVariable", "String", undefined, EXPR],
  ["field access", "Config.TIMEOUT", "integer", undefined, EXPR],
  ["method call", "x.getY()", "String", undefined, EXPR],
  ["class literal", "MyClass.class", "any", undefined, EXPR],
  ["lambda", "x -> x + 1", "any", undefined, EXPR],
  ["unknown constructor", "new Foo()", "any", undefined, EXPR],
  ["unknown static call", "Integer.valueOf(5)", "integer", undefined, EXPR],
  ["unbalanced quote", '"abc', "String", undefined, EXPR],
  ["unbalanced bracket", "new int[]{1, 2", "Array", "integer", EXPR],
  ["trailing text", "42 43", "integer", undefined, EXPR],
  ["arithmetic", "1 + 2", "integer", undefined, EXPR],
  ["string concatenation (not folded)", '"a" + "b"', "String", undefined, EXPR],
  ["Python True", "True", "boolean", undefined, EXPR],
  ["Python-style single-quoted string", "'abc'", "String", undefined, EXPR],
  ["empty char", "''", "char", undefined, EXPR],
  ["09 is not a Java literal", "09", "integer", undefined, EXPR],
  ["underscore at the end", "1_", "integer", undefined, EXPR],
  ["decrement is not a sign", "--5", "integer", undefined, EXPR],
  ["Map.of with a repeated key throws in Java", 'Map.of("a", 1, "a", 2)', "HashMap", undefined, EXPR],
  ["Map.of takes at most ten pairs", `Map.of(${Array.from({ length: 11 }, (_, i) => `"k${i}", ${i}`).join(", ")})`, "HashMap", undefined, EXPR],
  ["List.of rejects null", "List.of(1, null)", "ArrayList", undefined, EXPR],
  ["Set.of rejects duplicates", 'Set.of("a", "a")', "Set", undefined, EXPR],
  ["single-brace put is not Java", 'new HashMap<String, Integer>() { put("a", 1); }', "HashMap", undefined, EXPR],
  ["array creation needs an initializer", "new int[]", "Array", undefined, EXPR],
  ["an initializer is not an argument", "Arrays.asList({1, 2})", "ArrayList", undefined, EXPR],
  ["ArrayList from an array does not compile", 'new ArrayList<>(new String[]{"a"})', "ArrayList", undefined, EXPR],
  ["hex floating literal (not read)", "0x1p3", "double", undefined, EXPR],
  ["text block (not read)", '"""\n  hi\n  """', "String", undefined, EXPR],
  ["float literal too large", "1e400", "double", undefined, EXPR],
  ["sized array from a variable", "new int[n]", "Array", undefined, EXPR],
  ["unterminated comment", "42 /* x", "integer", undefined, EXPR],
  ["empty text", "   ", "String", undefined, EXPR],
];

describe("readJavaValue", () => {
  it.each(VALUES)("%s: %j", (_name, source, declared, item, expected, note) => {
    const r = readJavaValue(source, declared, item);
    expect(r.kind).toBe("value");
    if (r.kind !== "value") return;
    expect(pyRepr(r.value)).toBe(expected);
    if (note !== undefined) expect(r.notes).toContain(note);
  });

  it.each(EXPRESSIONS)("%s stays an expression: %j", (_name, source, declared, item) => {
    expect(readJavaValue(source, declared, item)).toEqual({ kind: "expression", text: source.trim() });
  });

  it("a plain literal carries no notes", () => {
    expect(readJavaValue('"x"', "String")).toEqual({ kind: "value", value: "x", notes: [] });
  });

  it("a dict key named __proto__ does not touch Object.prototype", () => {
    readJavaValue('new HashMap<>() {{ put("__proto__", Map.of("polluted", 1)); }}', "HashMap");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

const MB = 1024 * 1024;

/** [behaviour, source, expected kind] — each must return within the time limit and never throw. */
const HOSTILE: Array<[string, () => string, "value" | "expression"]> = [
  ["10 MB string literal", () => `"${"a".repeat(10 * MB)}"`, "expression"],
  ["900 kB string literal is still read", () => `"${"a\\n".repeat(300_000)}"`, "value"],
  ["100k nested new int[]{", () => "new int[]{".repeat(100_000), "expression"],
  ["100k nested closed arrays", () => `${"new int[][]{".repeat(100_000)}${"}".repeat(100_000)}`, "expression"],
  ["100k nested braces", () => "{".repeat(100_000), "expression"],
  ["100k nested parentheses", () => `${"(".repeat(100_000)}1${")".repeat(100_000)}`, "expression"],
  ["100k signs", () => `${"- ".repeat(100_000)}1`, "expression"],
  ["100k nested Arrays.asList", () => "Arrays.asList(".repeat(100_000), "expression"],
  ["100k nested type arguments", () => `new ArrayList<${"List<".repeat(100_000)}`, "expression"],
  ["100k array dimensions", () => `new int${"[]".repeat(100_000)}{}`, "expression"],
  ["a billion-element sized array", () => "new int[999999999]", "expression"],
  ["100k-element array", () => `new int[]{${"1, ".repeat(100_000)}1}`, "value"],
  ["50k double-brace puts", () => `new HashMap<>() {{ ${'put("k", 1); '.repeat(50_000)}}}`, "value"],
  ["a 4000-digit literal", () => "9".repeat(4000), "value"],
  ["lone surrogate in a string", () => '"\ud800"', "value"],
];

describe("readJavaValue on hostile input", () => {
  it.each(HOSTILE)("%s", (_name, make, kind) => {
    const source = make();
    const start = performance.now();
    const r = readJavaValue(source, "any");
    expect(performance.now() - start).toBeLessThan(1000);
    expect(r.kind).toBe(kind);
  });
});
