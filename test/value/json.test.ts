import { describe, expect, it } from "vitest";
import { readJson, readJsonMembers, readJsonPrefix } from "../../src/value/json.js";
import { pyRepr } from "../../src/value/repr.js";
import { PyDict } from "../../src/value/value.js";

describe("readJson reads Python values", () => {
  it.each([
    ["int stays int", "5", "5"],
    ["float stays float", "5.0", "5.0"],
    ["exponent is float", "1e2", "100.0"],
    ["negative zero int", "-0", "0"],
    ["big int is exact", "123456789012345678901234567890", "123456789012345678901234567890"],
    ["NaN accepted like Python", "NaN", "nan"],
    ["Infinity accepted like Python", "[Infinity, -Infinity]", "[inf, -inf]"],
    ["object keeps order", '{"b": 1, "a": 2}', "{'b': 1, 'a': 2}"],
    ["repeated key: first position, last value", '{"a": 1, "b": 2, "a": 3}', "{'a': 3, 'b': 2}"],
    ["escapes", '"a\\u00e9\\n\\/"', "'aé\\n/'"],
    ["surrogate pair", '"\\ud83d\\ude00"', "'\u{1F600}'"],
    ["lone surrogate kept", '"\\ud800"', "'\\ud800'"],
    ["nested", '{"x": [1, 2.5, true, null, {"y": "z"}]}', "{'x': [1, 2.5, True, None, {'y': 'z'}]}"],
    ["surrounding whitespace", " \t\n[] \r\n", "[]"],
  ])("%s", (_name, text, repr) => {
    const r = readJson(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(pyRepr(r.value)).toBe(repr);
  });

  it("keeps __proto__ as an ordinary key", () => {
    const r = readJson('{"__proto__": {"polluted": 1}, "constructor": 2}');
    expect(r.ok && r.value instanceof PyDict && r.value.get("__proto__") instanceof PyDict).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("readJson errors carry a position", () => {
  it.each([
    ["trailing data", '{"a": 1} x', "extra data", 1, 10],
    ["leading zero", "01", "extra data", 1, 2],
    ["trailing comma", "[1, 2,]", "expecting a value", 1, 7],
    ["unquoted key", "{a: 1}", "property name", 1, 2],
    ["raw newline in string", '"a\nb"', "control character", 1, 3],
    ["bad escape", '"\\q"', "invalid escape", 1, 2],
    ["unterminated string", '{"a": "b', "unterminated string", 1, 7],
    ["second line", '{\n  "a": tru\n}', "expecting a value", 2, 8],
    ["empty", "", "expecting a value", 1, 1],
  ])("%s", (_name, text, message, line, col) => {
    const r = readJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.message).toContain(message);
      expect([r.error.line, r.error.col]).toEqual([line, col]);
    }
  });

  it("bounds nesting depth", () => {
    const r = readJson("[".repeat(5000) + "]".repeat(5000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain("nesting deeper than 1000");
  });
});

describe("readJsonPrefix", () => {
  it("reads one value and reports where it ended, like raw_decode", () => {
    const r = readJsonPrefix('{"a": 1}{"b": 2}', 0);
    expect(r.ok && r.end).toBe(8);
  });
});

describe("readJsonMembers reads an object into a Map as readJson reads it into a PyDict", () => {
  it.each([
    ['{"a": 5.0, "b": 5}'],
    [' \n{"x": 1, "y": [1, {"z": null}], "x": "last"}\t'],
    ['{"s": "\\u00e9\\n", "": true, "__proto__": {"k": -1e3}}'],
    ["{}"],
  ])("%s", (text) => {
    const read = readJson(text);
    expect(read.ok && read.value instanceof PyDict).toBe(true);
    const dict = (read as { value: PyDict }).value;
    const members = readJsonMembers(text, 100);
    expect(members && [...members]).toEqual(dict.entries);
  });

  it.each([["[1]"], ['"{}"'], ['{"a": 1} x'], ['{"a": 1,}'], ["{'a': 1}"], ['{"a": [[[1]]]}']])("declines %s", (text) => {
    expect(readJsonMembers(text, 2)).toBeUndefined();
  });
});
