/**
 * The JSON fast readers (bare JSON call objects, `<tool_call>` blocks) return exactly what the full
 * reader returns, or decline: a table of both, generated text full of near misses, and the
 * conformance corpus (whose every output, and a mutation of each, fastRead.test.ts also runs
 * through parse and parseFully).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastReadGlm, fastReadJsonCalls, fastReadTagged, quoteOutsideStrings } from "../../src/parse/fastJson.js";
import { readJsonValueAt } from "../../src/value/json.js";
import { parseFully } from "../../src/parse/parse.js";
import { bfclEntries, conformanceFiles, readRecords } from "../helpers/conformance.js";
import { callsDifference, corpusCallsDifferences, generatedReads, parseDifference, reprs } from "../helpers/parseDifference.js";
import { SHARED_DIR, SKIP_MESSAGE } from "../helpers/shared.js";
import { mostly } from "../helpers/callText.js";

const NO_CALL = new Set(["no_function"]);
const block = (json: string, inside = "\n") => `<tool_call>${inside}${json}${inside}</tool_call>`;
/** Either reader: what parse() puts in front of the full reader. */
const fast = (text: string) => fastReadJsonCalls(text, NO_CALL) ?? fastReadTagged(text, NO_CALL)?.calls ?? fastReadGlm(text, NO_CALL, 100);

describe("the JSON fast readers read JSON call objects, bare, in tagged blocks or after GLM's name line", () => {
  it.each([
    ["Hermes", block('{"arguments": {"base": 10, "height": 5}, "name": "area"}'), "area(; base=10, height=5)"],
    ["Qwen3 key order", block('{"name": "area", "arguments": {"base": 10.0}}'), "area(; base=10.0)"],
    ["two blocks", `${block('{"name": "a", "arguments": {}}')}\n${block('{"name": "b", "arguments": {"x": [1, null]}}')}\n`, "a(; ); b(; x=[1, None])"],
    ["no space inside the tags", block('{"name": "a", "arguments": {"s": "it\'s"}}', ""), "a(; s=\"it's\")"],
    ["a name to trim", block('{"name": " a ", "arguments": {}}'), "a(; )"],
    ["escapes", block('{"name": "a", "arguments": {"s": "\\u003c\\n\\""}}'), "a(; s='<\\n\"')"],
    ["arguments null", block('{"name": "a", "arguments": null}'), "a(; )"],
    ["an id beside the call", block('{"name": "a", "arguments": {}, "id": "1"}'), "a(; )"],
    ["parameters", block('{"name": "a", "parameters": {"x": 1}}'), "a(; x=1)"],
    ["a list in a block", block('[{"name": "a", "arguments": {}}, {"name": "b", "arguments": {}}]'), "a(; ); b(; )"],
    ["xLAM's tool_calls", '\n{"tool_calls": [{"name": "a.b", "arguments": {"x": -3}}]}', "a.b(; x=-3)"],
    ["a bare list", '[{"name": "a", "arguments": {"x": "y"}}]\n', "a(; x='y')"],
    ["Llama 3.1's object", '{"name": "a", "parameters": {"x": 1.5}}', "a(; x=1.5)"],
    ["Granite", '<function_call> {"name": "a", "arguments": {"x": 1}}', "a(; x=1)"],
    ["Granite, two calls", '<function_call> {"name": "a", "arguments": {}} <function_call> {"name": "b", "arguments": {}}\n', "a(; ); b(; )"],
    ["Granite, closed", '<function_call> {"name": "a", "arguments": {}}</function_call>\n<function_call>{"name": "b", "arguments": {}}', "a(; ); b(; )"],
    ["GLM", 'get_weather\n{"city": "Paris", "days": [1, 2]}', "get_weather(; city='Paris', days=[1, 2])"],
    ["GLM, blanks around", ' a.b \r\n\t{"x": {"y": null}}\n', "a.b(; x={'y': None})"],
    ["OpenAI's tool_calls item", '[{"type": "function", "function": {"name": "a", "arguments": {"x": 1}}}]', "a(; x=1)"],
    ["a repeated argument keeps its first place and takes its last value", block('{"name": "a", "arguments": {"x": 1, "y": 2, "x": 3}}'), "a(; x=3, y=2)"],
    ["a repeated name, the last one", '{"name": "a", "name": "b", "arguments": {}}', "b(; )"],
    ["arguments first, in tool_calls", '{"tool_calls": [{"arguments": {"x": {"y": [1]}}, "name": "a"}, {"name": "b", "args": {}}]}', "a(; x={'y': [1]}); b(; )"],
    ["tool_calls beside another key", '{"tool_calls": [{"name": "a", "arguments": {}}], "role": "assistant"}', "a(; )"],
  ])("%s", (_name, text, expected) => {
    const calls = fast(text);
    expect(calls && reprs(calls)).toBe(expected);
    expect(parseDifference(text)).toBeUndefined();
  });
});

describe("the JSON fast readers leave everything else to parse()", () => {
  it.each([
    ["Python's quotes", block("{'name': 'a', 'arguments': {}}")],
    ["a Python constant", block('{"name": "a", "arguments": {"x": True}}')],
    ["arguments as a JSON string", block('{"name": "a", "arguments": "{\\"x\\": 1}"}')],
    ["arguments as a list", '{"name": "a", "arguments": [1]}'],
    ["flat arguments", '{"name": "a", "x": 1}'],
    ["two objects in a block", block('{"name": "a", "arguments": {}}\n{"name": "b", "arguments": {}}')],
    ["two bare objects", '{"name": "a", "arguments": {}}\n{"name": "b", "arguments": {}}'],
    ["a nested list", '[[{"name": "a", "arguments": {}}]]'],
    ["no call in the list", "[]"],
    ["data, not a call", '{"city": "Paris"}'],
    ["a name that is no string", '{"name": 1, "arguments": {}}'],
    ["empty tool_calls", '{"tool_calls": []}'],
    ["a second call without a name", '[{"name": "a", "arguments": {}}, {"arguments": {}}]'],
    ["an empty name", block('{"name": " ", "arguments": {}}')],
    ["a no-call name", block('{"name": "no_function", "arguments": {}}')],
    ["reasoning first", `<think>a</think>${block('{"name": "a", "arguments": {}}')}`],
    ["prose around", `Sure. ${block('{"name": "a", "arguments": {}}')}`],
    ["prose after bare JSON", '{"name": "a", "arguments": {}}\nDone.'],
    ["a template token after", `${block('{"name": "a", "arguments": {}}')}<|im_end|>`],
    ["unclosed", '<tool_call>\n{"name": "a", "arguments": {}}'],
    ["a tag inside a value", block('{"name": "a", "arguments": {"s": "<tool_call>"}}')],
    ["a marker inside a value", '{"name": "a", "arguments": {"s": "[TOOL_CALLS]"}}'],
    ["a bar inside a value", block('{"name": "a", "arguments": {"s": "a|b"}}')],
    ["a no-break space around", `\u00a0${block('{"name": "a", "arguments": {}}')}`],
    ["Granite after prose", 'Calling: <function_call> {"name": "a", "arguments": {}}'],
    ["Granite with a Python call", "<function_call> a(x=1)"],
    ["two kinds of tags", '<tool_call>{"name": "a", "arguments": {}}</tool_call><function_call> {"name": "b", "arguments": {}}'],
    ["GLM with a ( in the arguments", 'f\n{"expr": "sin(x)"}'],
    ["GLM with a blank line", 'f\n\n{"x": 1}'],
    ["GLM after prose", 'Call:\nf\n{"x": 1}'],
    ["GLM twice", 'f\n{"x": 1}\ng\n{"y": 2}'],
    ["GLM in a fence", '```json\n{"x": 1}\n```'],
    ["GLM with Python's quotes", "f\n{'x': 1}"],
    ["GLM with a dotted end", 'f.\n{"x": 1}'],
    ["nothing", ""],
  ])("%s", (_name, text) => {
    expect(fast(text)).toBeUndefined();
    expect(parseDifference(text)).toBeUndefined();
  });
});

const value = mostly(
  fc.constantFrom('"x"', "1", "-2.5", "1e3", "true", "null", '"it\'s"', '"\\u00e9"', "[1, 2]", '{"k": "v"}', "[]", "{}", '"\u00a0"'),
  '"a<b"', '"a|b"', '"[THINK]"', '"functools"', '"`x`"', "True", "'x'", '"f(x=1)"', '"a\\_b"',
);
const args = fc.array(fc.tuple(mostly(fc.constantFrom('"a"', '"b"', '"name"'), "'c'"), value), { maxLength: 3 }).map((kv) => `{${kv.map(([k, v]) => `${k}: ${v}`).join(", ")}}`);
const callObject = fc
  .tuple(mostly(fc.constantFrom('"f"', '"get.x"', '" g "'), '""', '"no_function"', "'f'", "1", '"f<x>"'), mostly(args, "null", '"{}"', "[]"), mostly(fc.constant("arguments"), "parameters"), fc.boolean(), mostly(fc.constant(false), true))
  .map(([name, a, key, nameFirst, extra]) => {
    const parts = nameFirst ? [`"name": ${name}`, `"${key}": ${a}`] : [`"${key}": ${a}`, `"name": ${name}`];
    if (extra) parts.push('"id": "c1"');
    return `{${parts.join(", ")}}`;
  });
const space = mostly(fc.constantFrom("", "\n", " ", "\t", "\r\n", "\n\n"), "\u00a0", "\u2028");
const toolBlock = (tag: string) =>
  fc
    .tuple(space, fc.oneof({ arbitrary: fc.tuple(callObject), weight: 5 }, { arbitrary: fc.tuple(callObject, callObject), weight: 1 }), space, mostly(fc.constant(true), false))
    .map(([a, objs, b, closed]) => `<${tag}>${a}${objs.join("\n")}${b}${closed ? `</${tag}>` : ""}`);
const around = mostly(fc.constantFrom("", "\n"), "<think>hm</think>\n", "</think>", "Sure.\n", "<|im_end|>", "</s>", "```", "[TOOL_CALLS]");
const taggedText = (tag: string) => fc.tuple(around, fc.array(toolBlock(tag), { minLength: 1, maxLength: 3 }), space, around).map(([a, blocks, sep, b]) => a + blocks.join(sep) + b);
/** GLM-4: a name line, then an arguments object. */
const glmText = fc
  .tuple(around, mostly(fc.constantFrom("f", "get_x", "a.b_c", "A1"), "a.", "1a", "é", "no_function", "a b", "f(x)"), mostly(fc.constantFrom("\n", " \n", "\r\n", "\n\t"), "\n\n", " ", ""), args, space, around)
  .map(([a, name, nl, obj, pad, b]) => a + name + nl + obj + pad + b);
/** Bare JSON: an object, a list of them, or xLAM's tool_calls wrapper. */
const bareJson = fc
  .tuple(around, fc.array(callObject, { minLength: 1, maxLength: 3 }), fc.constantFrom("object", "list", "tool_calls"), space, around)
  .map(([a, objs, shape, pad, b]) => a + pad + (shape === "object" ? objs.join("\n") : shape === "list" ? `[${objs.join(", ")}]` : `{"tool_calls": [${objs.join(", ")}]}`) + pad + b);

describe("the JSON fast readers on generated text", () => {
  it.each([
    ["<tool_call> blocks", taggedText("tool_call")],
    ["<function_call> blocks", taggedText("function_call")],
    ["GLM's name and object", glmText],
    ["bare JSON", bareJson],
  ])("agree with the full reader whenever they read, and read the clean shapes: %s", (_name, texts) => {
    expect(generatedReads(texts, fast, (t) => parseDifference(t))).toBeGreaterThan(400);
  });
});

describe.skipIf(!SHARED_DIR)("the JSON fast readers on the conformance corpus", () => {
  it("read the Hermes, Granite, GLM and xLAM runs' clean answers exactly as the full reader does", () => {
    const entries = bfclEntries();
    const read = { json: 0, hermes: 0, granite: 0, glm: 0 };
    const differences: string[] = [];
    for (const f of conformanceFiles()) {
      for (const r of readRecords(f.file)) {
        if (typeof r.result !== "string") continue;
        const json = fastReadJsonCalls(r.result, NO_CALL);
        const tagged = json ? undefined : fastReadTagged(r.result, NO_CALL);
        const glm = json || tagged ? undefined : fastReadGlm(r.result, NO_CALL, 100);
        const calls = json ?? tagged?.calls ?? glm;
        if (!calls) continue;
        const format = json ? "json" : tagged ? tagged.format : "glm";
        read[format]++;
        const full = parseFully(r.result, { functions: entries.get(r.id)!.functions });
        if (full.status !== "calls" || full.format !== format || full.repairs.length > 0 || reprs(full.calls) !== reprs(calls)) {
          differences.push(`${f.run}/${f.category}:${r.line}`);
        }
      }
    }
    expect(differences.slice(0, 10)).toEqual([]);
    expect(read.hermes).toBeGreaterThan(500);
    expect(read.json).toBeGreaterThan(500);
    expect(read.granite).toBeGreaterThan(500);
    expect(read.glm).toBeGreaterThan(500);
  });
});

if (!SHARED_DIR) {
  describe("the JSON fast readers on the conformance corpus", () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
}

describe("the reward's loose reading of tagged blocks", () => {
  // The reward needs the calls, not parse()'s notes: blocks with Python's quotes are read too.
  const loose = (text: string) => fastReadTagged(text, NO_CALL, true)?.calls;

  it.each([
    ["Python's quotes", block("{'name': 'a', 'arguments': {'x': True, 'y': None}}"), "a(; x=True, y=None)"],
    ["mixed quotes", block(`{"arguments": {'function': 'x^3', 'start_x': -2}, "name": 'integrate'}`), "integrate(; function='x^3', start_x=-2)"],
    ["Granite", "<function_call> {'name': 'a', 'arguments': {'x': 1.5}}", "a(; x=1.5)"],
    ["strict JSON still", block('{"name": "a", "arguments": {"x": 1}}'), "a(; x=1)"],
    ["a Python list of objects", block("[{'name': 'a', 'arguments': {}}, {'name': 'b', 'params': {'y': False}}]"), "a(; ); b(; y=False)"],
    ["an apostrophe inside a JSON string", block(`{"name": "a", "arguments": {"s": "it's", "t": "'q'"}}`), `a(; s="it's", t="'q'")`],
    ["an escaped quote before Python's quotes", block(`{"arguments": {"s": "say \\"hi\\"", 'x': 1}, "name": "a"}`), `a(; s='say "hi"', x=1)`],
  ])("%s", (_name, text, expected) => {
    const calls = loose(text);
    expect(calls && reprs(calls)).toBe(expected);
    expect(callsDifference(loose, text)).toBeUndefined();
  });

  it.each([
    ["text after the object", block("{'name': 'a', 'arguments': {}} and more")],
    ["an unclosed object", block("{'name': 'a', 'arguments': {}")],
    ["a JavaScript identifier", block("{name: 'a', arguments: {x: y}}")],
  ])("leaves %s to parse()", (_name, text) => {
    expect(loose(text)).toBeUndefined();
  });

  // The loose reading skips strict JSON when a single quote stands outside its strings.
  it("finds a single quote outside JSON's strings exactly where strict JSON fails on one", () => {
    const quoted = fc.tuple(fc.json(), fc.array(fc.nat(), { maxLength: 3 })).map(([json, at]) => {
      const quotes = [...json.matchAll(/"/g)].map((m) => m.index);
      const swap = new Set(at.map((k) => quotes[k % Math.max(1, quotes.length)]));
      return [...json].map((c, i) => (swap.has(i) ? "'" : c)).join("");
    });
    fc.assert(
      fc.property(fc.oneof(fc.json(), quoted), (text) => {
        if (text[0] !== "{" && text[0] !== "[") return;
        const found = quoteOutsideStrings(text, 0, text.length);
        if (found) expect(readJsonValueAt(text, 0, 1000)).toBeUndefined();
        // Valid JSON never holds one.
        if (readJsonValueAt(text, 0, 1000)?.end === text.length) expect(found).toBe(false);
      }),
      { numRuns: 3000 },
    );
    const outside = (text: string) => quoteOutsideStrings(text, 0, text.length);
    expect(outside(`{"a": 1} 'tail'`)).toBe(false);
    expect(outside(String.raw`[1, "\\", 'x']`)).toBe(true);
    expect(outside(String.raw`[1, "\", 'x']`)).toBe(false);
  });

  it.each([
    ["<tool_call> blocks", taggedText("tool_call")],
    ["<function_call> blocks", taggedText("function_call")],
  ])("agrees with the full reader's calls on generated %s", (_name, texts) => {
    expect(generatedReads(texts, loose, (t) => callsDifference(loose, t))).toBeGreaterThan(400);
  });

  it.skipIf(!SHARED_DIR)("reads the corpus's tagged blocks as the full reader does", () => {
    const { read, differences } = corpusCallsDifferences(loose);
    expect(differences.slice(0, 10)).toEqual([]);
    expect(read).toBeGreaterThan(2000);
  });
});
