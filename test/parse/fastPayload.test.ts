/**
 * The fast reader of BFCL's FC payloads (`[{name: "<arguments JSON>"}]`) returns exactly what the
 * full reader returns, or declines: a table of both, generated payloads full of near misses, and
 * every FC output of the conformance corpus, as plain objects and as toolgrade's JSON reader
 * gives them (PyDicts that keep `5.0`).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastReadFcPayload } from "../../src/parse/fastPayload.js";
import { parse } from "../../src/parse/parse.js";
import { readJson } from "../../src/value/json.js";
import { toJsonText } from "../../src/value/toJsonText.js";
import { corpusParseDifferences, generatedReads, parseDifference, reprs } from "../helpers/parseDifference.js";
import { SHARED_DIR, SKIP_MESSAGE } from "../helpers/shared.js";
import { mostly } from "../helpers/callText.js";

const NO_CALL = new Set(["no_function"]);
const fast = (output: unknown) => fastReadFcPayload(output, NO_CALL);
/** The payload as toolgrade's own JSON reader reads it from a results file. */
const asRead = (output: unknown) => {
  const r = readJson(JSON.stringify(output));
  if (!r.ok) throw new Error("not JSON");
  return r.value;
};

describe("the FC payload fast reader reads BFCL's FC results", () => {
  it.each([
    ["one call", [{ get_weather: '{"city": "Paris", "days": 3}' }], "get_weather(; city='Paris', days=3)"],
    ["a float kept", [{ f: '{"x": 5.0, "y": 5}' }], "f(; x=5.0, y=5)"],
    ["two calls", [{ a: "{}" }, { "b.c": '{"x": [1, null, true]}' }], "a(; ); b.c(; x=[1, None, True])"],
    ["nested values", [{ f: '{"d": {"k": [{"z": -0.0}]}}' }], "f(; d={'k': [{'z': -0.0}]})"],
    ["spaces around the JSON", [{ f: ' \n{"x": "y"}\n' }], "f(; x='y')"],
    ["a dashed name", [{ "get-weather": '{"x": 1}' }], "get-weather(; x=1)"],
  ])("%s", (_name, output, expected) => {
    for (const payload of [output, asRead(output)]) {
      const calls = fast(payload);
      expect(calls && reprs(calls)).toBe(expected);
      expect(parse(payload).format).toBe("bfcl_fc");
      expect(parseDifference(payload)).toBeUndefined();
    }
  });
});

describe("the FC payload fast reader leaves everything else to parse()", () => {
  it.each([
    ["an empty list", []],
    ["a string", "[f(x=1)]"],
    ["one object, not a list", { f: '{"x": 1}' }],
    ["a text item", ["Sure.", { f: "{}" }]],
    ["arguments as an object", [{ f: { x: 1 } }]],
    ["arguments null", [{ f: null }]],
    ["an empty arguments string", [{ f: "" }]],
    ["Python's quotes", [{ f: "{'x': 1}" }]],
    ["a JSON list", [{ f: "[1, 2]" }]],
    ["a JSON string", [{ f: '"x"' }]],
    ["text after the JSON", [{ f: '{"x": 1} and more' }]],
    ["two keys", [{ f: "{}", g: "{}" }]],
    ["no key", [{}]],
    ["a no-call name", [{ no_function: "{}" }]],
    ["a key of another shape", [{ name: '{"x": 1}' }]],
    ["Gemini's part", [{ functionCall: '{"name": "f"}' }]],
    ["a type key", [{ type: "function" }]],
    ["a name that is no function name", [{ "f(x)": "{}" }]],
    ["a name with a digit first", [{ "1f": "{}" }]],
    ["an OpenAI tool call", [{ type: "function", function: { name: "f", arguments: "{}" } }]],
    ["a Map", [new Map([["f", "{}"]])]],
    ["too deep", [{ f: `${'{"a": '.repeat(40)}1${"}".repeat(40)}` }]],
  ])("%s", (_name, output) => {
    expect(fast(output)).toBeUndefined();
    expect(parseDifference(output)).toBeUndefined();
  });

  it("declines an object whose prototype is not Object's", () => {
    class Call {
      f = "{}";
    }
    expect(fast([new Call()])).toBeUndefined();
    expect(parseDifference([new Call()])).toBeUndefined();
  });
});

const value = mostly(fc.constantFrom('"x"', "1", "-2.5", "5.0", "1e3", "true", "null", '"\\u00e9"', "[1, 2]", '{"k": "v"}', "[]", "{}"), "True", "'x'", "NaN", "01", '"a\\x"');
const args = fc
  .array(fc.tuple(mostly(fc.constantFrom('"a"', '"b"', '"name"'), "'c'", "d"), value), { maxLength: 3 })
  .map((kv) => `{${kv.map(([k, v]) => `${k}: ${v}`).join(", ")}}`);
const item = fc
  .tuple(mostly(fc.constantFrom("f", "get.x", "a_b", "g-h"), "", "no_function", "name", "type", "1a", "a b", "text"), mostly(args, "", " ", "[1]", '"{}"', "{} x"), mostly(fc.constant(false), true))
  .map(([name, a, extra]): unknown => (extra ? { [name]: a, id: "c1" } : { [name]: a }));
const payloads = fc.array(mostly(item, "text", null, []), { minLength: 0, maxLength: 4 });

describe("the FC payload fast reader on generated payloads", () => {
  it("agrees with the full reader whenever it reads, and reads the clean payloads", () => {
    // Each payload as a trainer passes it (plain objects) or as read from a results file.
    const both = fc.tuple(payloads, fc.boolean()).map(([p, viaJson]): unknown => (viaJson ? asRead(p) : p));
    expect(generatedReads(both, fast, (p) => parseDifference(p))).toBeGreaterThan(500);
  });
});

describe.skipIf(!SHARED_DIR)("the FC payload fast reader on the conformance corpus", () => {
  it("reads the FC runs' payloads exactly as the full reader does, as plain objects and as read from the file", () => {
    const { read, differences } = corpusParseDifferences(
      (r) => (typeof r.result === "string" ? [] : [r.result, JSON.parse(toJsonText(r.result))]),
      (payload) => fast(payload) !== undefined,
    );
    expect(differences.slice(0, 5)).toEqual([]);
    expect(read).toBeGreaterThan(4000);
  });
});

if (!SHARED_DIR) {
  describe("the FC payload fast reader on the conformance corpus", () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
}
