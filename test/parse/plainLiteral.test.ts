/**
 * readPlainLiteral reads JSON with Python's quotes and constants without acorn: whenever it
 * accepts a text, acorn (readWithAcorn) must read it to the same value with no notes. A table of
 * both, generated literals and generated near-misses.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DECLINED, readPlainLiteral, readWithAcorn } from "../../src/parse/scan/jsValue.js";
import type { Repair } from "../../src/parse/scan/diagnostics.js";
import { pyRepr } from "../../src/value/repr.js";

/** Why the plain reading differs from acorn's, or undefined when it declines or agrees. */
function difference(text: string): string | undefined {
  const plain = readPlainLiteral(text);
  if (plain === DECLINED) return undefined;
  const notes: Repair[] = [];
  const js = readWithAcorn(text, notes);
  if (!js.ok) return `${JSON.stringify(text)}: acorn fails (${js.message})`;
  if (notes.length > 0) return `${JSON.stringify(text)}: acorn notes ${notes.map((n) => n.code).join(", ")}`;
  const a = pyRepr(plain);
  const b = pyRepr(js.value);
  return a === b ? undefined : `${JSON.stringify(text)}: plain ${a} vs acorn ${b}`;
}

describe("readPlainLiteral reads what acorn reads", () => {
  it.each([
    ["JSON", '{"a": 1, "b": [2.5, "x"]}', "{'a': 1, 'b': [2.5, 'x']}"],
    ["single quotes", "{'a': 'it\\'s'}", `{'a': "it's"}`],
    ["mixed quotes", `{"arguments": {'x': 4}, "name": 'f'}`, "{'arguments': {'x': 4}, 'name': 'f'}"],
    ["Python constants", "[True, False, None]", "[True, False, None]"],
    ["JSON constants", "[true, false, null]", "[True, False, None]"],
    ["int vs float", "[5, 5.0, 5e0, -0, -0.0, 1E2]", "[5, 5.0, 5.0, 0, -0.0, 100.0]"],
    ["big int", "[123456789012345678901234567890]", "[123456789012345678901234567890]"],
    ["trailing commas", "{'a': [1, 2,],}", "{'a': [1, 2]}"],
    ["repeated key keeps its first place and last value", "{'a': 1, 'b': 2, 'a': 3}", "{'a': 3, 'b': 2}"],
    ["escapes", `["\\u00e9\\n\\t\\/\\"", '\\b\\f\\r\\\\']`, "['é\\n\\t/\"', '\\x08\\x0c\\r\\\\']"],
    ["raw tab in a string", "['a\tb']", "['a\\tb']"],
    ["lone surrogate", '["\\ud800"]', "['\\ud800']"],
    ["whitespace around", " \n{'a': 1}\r\n\t", "{'a': 1}"],
  ])("%s", (_name, text, expected) => {
    const v = readPlainLiteral(text);
    expect(v === DECLINED ? "declined" : pyRepr(v)).toBe(expected);
    expect(difference(text)).toBeUndefined();
  });
});

describe("readPlainLiteral leaves everything else to acorn", () => {
  it.each([
    ["unquoted key", "{a: 1}"],
    ["other identifier", "[x]"],
    ["undefined", "[undefined]"],
    ["NaN", "[NaN]"],
    ["a constant glued to a word", "[Trueish]"],
    ["hex escape", "['\\x41']"],
    ["vertical tab escape", "['\\v']"],
    ["octal escape", "['\\0']"],
    ["code point escape", "['\\u{41}']"],
    ["line continuation", "['a\\\nb']"],
    ["newline in a string", "['a\nb']"],
    ["line separator in a string", "['a\u2028b']"],
    ["leading zero", "[01]"],
    ["leading dot", "[.5]"],
    ["trailing dot", "[1.]"],
    ["numeric separator", "[1_000]"],
    ["hex number", "[0x1F]"],
    ["bigint literal", "[1n]"],
    ["space after minus", "[- 1]"],
    ["plus sign", "[+1]"],
    ["a hole", "[1,,2]"],
    ["only a comma", "[,]"],
    ["two trailing commas", "[1,,]"],
    ["__proto__ key", "{'__proto__': 1}"],
    ["number key", "{1: 'a'}"],
    ["comment", "[1 /* c */]"],
    ["non-breaking space", "[1,\u00a02]"],
    ["template string", "[`x`]"],
    ["arithmetic", "[1 + 2]"],
    ["unclosed", "{'a': 1"],
    ["text after", "{'a': 1} x"],
    ["too deep", "[".repeat(150) + "]".repeat(150)],
  ])("%s", (_name, text) => {
    expect(readPlainLiteral(text)).toBe(DECLINED);
  });
});

const space = fc.constantFrom("", " ", "\n", "\t", "\r\n", "  ");
const stringChars = fc.constantFrom("a", "Z", " ", "'", '"', "\\'", '\\"', "\\\\", "\\n", "\\t", "\\/", "\\b", "\\u00e9", "\\ud83d\\ude00", "é", "😀", "\t", "{", "]", ",", ":");
const quoted = fc.tuple(fc.constantFrom("'", '"'), fc.array(stringChars, { maxLength: 6 })).map(([q, parts]) => {
  // An unescaped quote of the same kind would end the string early: escape it.
  const body = parts.map((p) => (p === q ? `\\${q}` : p)).join("");
  return `${q}${body}${q}`;
});
const number = fc.tuple(fc.constantFrom("", "-"), fc.constantFrom("0", "5", "42", "123456789012345678901"), fc.constantFrom("", ".0", ".5", ".25"), fc.constantFrom("", "e3", "E-2", "e+0"));
const scalar = fc.oneof(
  quoted,
  number.map((p) => p.join("")),
  fc.constantFrom("true", "false", "null", "True", "False", "None"),
);
const { literal } = fc.letrec<{ literal: string; list: string; dict: string }>((tie) => ({
  literal: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalar, tie("list"), tie("dict")),
  list: fc.tuple(fc.array(fc.tuple(space, tie("literal"), space), { maxLength: 4 }), fc.boolean()).map(([items, trailing]) => `[${items.map((i) => i.join("")).join(",")}${trailing && items.length > 0 ? "," : ""}]`),
  dict: fc
    .tuple(fc.array(fc.tuple(space, quoted, space, space, tie("literal"), space), { maxLength: 4 }), fc.boolean())
    .map(([items, trailing]) => `{${items.map(([a, k, b, c, v, d]) => `${a}${k}${b}:${c}${v}${d}`).join(",")}${trailing && items.length > 0 ? "," : ""}}`),
}));

/** A literal with one piece replaced, inserted or removed: the near-misses the reader must decline or read as acorn does. */
const oddPieces = fc.constantFrom("x", "undefined", "NaN", "-Infinity", "\\x41", "\\v", "\\0", "\\u{41}", "\u2028", "\u00a0", "\ufeff", "01", ".5", "1.", "1_0", "0x1", "1n", "- 1", "+1", ",", ",,", ":", "/*c*/", "//c\n", "`t`", "1+2", "'", '"', "\\", "\n", "__proto__", "'__proto__'", "True.real", "{", "}", "[", "]", "()", "a:");
const nearMiss = fc.tuple(literal, fc.nat(), fc.nat({ max: 3 }), oddPieces).map(([t, at, cut, piece]) => {
  const i = at % (t.length + 1);
  return t.slice(0, i) + piece + t.slice(Math.min(t.length, i + cut));
});

describe("readPlainLiteral on generated text", () => {
  it("reads every generated literal, as acorn does", () => {
    fc.assert(
      fc.property(literal, (t) => {
        expect(readPlainLiteral(t)).not.toBe(DECLINED);
        expect(difference(t)).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });
  it("agrees with acorn on near-misses whenever it reads them", () => {
    fc.assert(
      fc.property(nearMiss, (t) => {
        expect(difference(t)).toBeUndefined();
      }),
      { numRuns: 5000 },
    );
  });
});
