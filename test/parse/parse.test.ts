/**
 * `parse` beyond the format table (formats/formats.test.ts): how values are read, positional
 * binding, the hard limits, positions of errors, and attack strings against every scan (each
 * must finish quickly and never throw).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, type ParseResult } from "../../src/parse/parse.js";
import { readJson } from "../../src/value/json.js";
import { PyDict } from "../../src/value/value.js";
import { repairCodes, showResult } from "./formats/show.js";
import { functionDoc } from "../helpers/entries.js";

const doc = functionDoc;

const AREA = doc("calculate_triangle_area", [
  ["base", "integer"],
  ["height", "integer"],
  ["unit", "string"],
]);
const WEATHER = doc("get_weather", [
  ["city", "string"],
  ["days", "integer"],
  ["metric", "boolean"],
]);
const CONFIG = doc("set_config", [["config", "dict"]]);

describe("Python-syntax values keep Python kinds", () => {
  it.each([
    ["int, float, bool, None", `f(a=1, b=1.0, c=True, d=None)`, "calls: f(a=1, b=1.0, c=True, d=None)", []],
    ["negative numbers are literals", `f(a=-5, b=-2.5)`, "calls: f(a=-5, b=-2.5)", []],
    ["tuple, set, dict with int keys", `f(t=(1, 2), s={1}, d={1: 'a'})`, "calls: f(t=(1, 2), s={1}, d={1: 'a'})", []],
    ["bytes and complex", `f(b=b'x', z=2j)`, "calls: f(b=b'x', z=2j)", []],
    ["a bare name is its text", `f(unit=units)`, "calls: f(unit='units')", ["name_as_text"]],
    ["an attribute chain is its dotted text", `f(unit=Units.KG)`, "calls: f(unit='Units.KG')", ["name_as_text"]],
    ["a call without keywords is its source text", `f(x=np.array([1,2]))`, "calls: f(x='np.array([1, 2])')", ["source_text"]],
    ["a call with keywords reads as BFCL does", `f(when=datetime(year=2024, month=1))`, "calls: f(when={'datetime': {'year': 2024, 'month': 1}})", ["nested_call_as_dict"]],
    ["arithmetic on literals is evaluated", `f(a=5*2, b=2**10, c=1/4, d=7//2, e=-7 % 3)`, "calls: f(a=10, b=1024, c=0.25, d=3, e=2)", ["arithmetic_evaluated"]],
    ["arithmetic with a name stays text", `f(a=2*math.pi)`, "calls: f(a='2 * math.pi')", ["source_text"]],
    ["huge powers stay text", `f(a=10**100000)`, "calls: f(a='10 ** 100000')", ["source_text"]],
    ["division by zero stays text", `f(a=1/0)`, "calls: f(a='1 / 0')", ["source_text"]],
    ["a lambda is its source text", `f(fn=lambda x: x**2)`, "calls: f(fn='lambda x: x ** 2')", ["source_text"]],
    ["a comprehension is its source text", `f(xs=[i for i in range(3)])`, "calls: f(xs='[i for i in range(3)]')", ["source_text"]],
    ["an f-string is its source text", `f(s=f"{x}!")`, `calls: f(s="f'{x}!'")`, ["source_text"]],
    ["a subscript is its source text", `f(data=data['sales'])`, `calls: f(data="data['sales']")`, ["source_text"]],
    ["positional arguments stay positional without docs", `f(1, 'a', k=2)`, "calls: f(1, 'a', k=2)", []],
    ["**kwargs is kept under the spread key", `f(a=1, **{'b': 2})`, "calls: f(a=1, **={'b': 2})", []],
    ["string concatenation", `f(s='a' + 'b')`, "calls: f(s='ab')", ["arithmetic_evaluated"]],
  ])("%s", (_name, text, expected, repairs) => {
    const r = parse(text);
    expect(showResult(r)).toBe(expected);
    expect(repairCodes(r)).toEqual(expect.arrayContaining(repairs));
  });
});

describe("positional arguments are bound with the function doc", () => {
  const functions = [AREA, WEATHER, CONFIG];
  it.each([
    ["in the doc's property order", `[calculate_triangle_area(10, 5)]`, "calls: calculate_triangle_area(base=10, height=5)", "positional_bound", "0→base, 1→height"],
    ["before the keywords, which keep their order", `[calculate_triangle_area(10, unit='cm', height=5)]`, "calls: calculate_triangle_area(base=10, unit='cm', height=5)", "positional_bound", "0→base"],
    ["a single dict of parameters is spread (#632)", `[calculate_triangle_area({'base': 10, 'height': 5})]`, "calls: calculate_triangle_area(base=10, height=5)", "dict_spread", "base, height"],
    ["a dict for a dict parameter is not spread", `[set_config({'config': 1})]`, "calls: set_config(config={'config': 1})", "positional_bound", "0→config"],
    ["a parameter also given by keyword keeps the positional", `[get_weather('Paris', city='Rome')]`, "calls: get_weather('Paris', city='Rome')", "positional_unbound", "1 of 1 positional arguments"],
    ["more positionals than parameters", `[get_weather('Paris', 3, True, 'extra')]`, "calls: get_weather('extra', city='Paris', days=3, metric=True)", "positional_unbound", "1 of 4 positional arguments"],
    ["no doc for the function", `[unknown_fn(1)]`, "calls: unknown_fn(1)", "positional_unbound", "no function doc for unknown_fn"],
    ["a doc found with '.' written as '_'", `[calculate_triangle_area(1, 2)]`, "calls: calculate_triangle_area(base=1, height=2)", "positional_bound", "0→base, 1→height"],
  ])("%s", (_name, text, expected, code, detail) => {
    const r = parse(text, { functions });
    expect(showResult(r)).toBe(expected);
    expect(r.repairs).toContainEqual(expect.objectContaining({ code, detail, call: 0 }));
  });

  it("finds a dotted doc from an underscored name", () => {
    const r = parse(`[math_factorial(5)]`, { functions: [doc("math.factorial", [["number", "integer"]])] });
    expect(showResult(r)).toBe("calls: math_factorial(number=5)");
  });

  it("keeps positionals when no docs are given", () => {
    const r = parse(`[calculate_triangle_area(10, 5)]`);
    expect(showResult(r)).toBe("calls: calculate_triangle_area(10, 5)");
    expect(repairCodes(r)).not.toContain("positional_bound");
  });
});

describe("function docs decide which calls in prose count", () => {
  it.each([
    ["a documented call standing alone in code counts", "```python\nimport weather\nget_weather(city='Paris')\n```", "calls: get_weather(city='Paris')"],
    ["an assigned call is code, even when documented", "```python\nresult = get_weather(city='Paris')\nprint(result)\n```", "no_call: prose"],
    ["an undocumented call beside a documented one is prose", "First get_weather(city='Paris')\nthen helper(x=1)", "calls: get_weather(city='Paris')"],
    ["a positional-only documented call in prose counts", "The call is:\nget_weather('Paris')", "calls: get_weather(city='Paris')"],
  ])("%s", (_name, text, expected) => {
    expect(showResult(parse(text, { functions: [WEATHER] }))).toBe(expected);
  });

  it.each([
    ["a positional-only call in prose needs a doc", "The call is:\nget_weather('Paris')", "no_call: prose"],
    ["a builtin in prose is never a call", "Then run:\nprint(x=1)", "no_call: prose"],
  ])("%s", (_name, text, expected) => {
    expect(showResult(parse(text))).toBe(expected);
  });
});

describe("structured inputs", () => {
  it("reads values already in the value model (BFCL result files read with readJson)", () => {
    const v = readJson('[{"get_weather": "{\\"city\\": \\"Paris\\", \\"days\\": 3.0}"}]');
    expect(v.ok).toBe(true);
    const r = parse(v.ok ? v.value : null);
    expect(showResult(r)).toBe("calls: get_weather(city='Paris', days=3.0)");
    expect(r.format).toBe("bfcl_fc");
  });

  it.each([
    ["Gemini", '{"functionCall": {"name": "f", "args": {"x": 5.0, "n": 5, "l": [1.0, 2]}}}', "calls: f(x=5.0, n=5, l=[1.0, 2])"],
    ["Anthropic", '[{"type": "tool_use", "id": "t1", "name": "f", "input": {"x": 2.0}}]', "calls: f(x=2.0)"],
    ["call objects", '[{"name": "f", "arguments": {"x": 5.0}}]', "calls: f(x=5.0)"],
  ])("keeps the floats of a %s payload read with readJson (5.0 is no int)", (_name, text, expected) => {
    const v = readJson(text);
    expect(showResult(parse(v.ok ? v.value : null))).toBe(expected);
  });

  it("reads an integral number of plain JavaScript data as an int (JSON.parse has lost 5.0)", () => {
    expect(showResult(parse(JSON.parse('[{"name": "f", "arguments": {"x": 5.0, "y": 2.5}}]')))).toBe("calls: f(x=5, y=2.5)");
  });

  it("reads a PyDict payload", () => {
    const call = PyDict.fromPairs([["name", "f"], ["arguments", PyDict.fromPairs([["a", 1n]])]]);
    expect(showResult(parse(PyDict.fromPairs([["tool_calls", [call]]])))).toBe("calls: f(a=1)");
  });

  it("reports the payload path of a bad argument string", () => {
    const r = parse({ choices: [{ message: { tool_calls: [{ type: "function", function: { name: "f", arguments: "not json" } }] } }] });
    expect(r.status).toBe("malformed");
    if (r.status === "malformed") expect(r.error.path).toBe("choices[0].message.tool_calls[0]");
  });

  it.each([
    ["a number", 42, "malformed: invalid_payload"],
    ["null", null, "malformed: invalid_payload"],
    ["an object of unknown shape", { foo: 1, bar: 2 }, "malformed: invalid_payload"],
  ])("rejects %s as a payload", (_name, output, expected) => {
    expect(showResult(parse(output))).toBe(expected);
  });
});

describe("errors point into the original output", () => {
  it.each([
    ["after a reasoning block", `<think>\nhmm\n</think>\n[f(a=1, b=]`, 31, 4, 10],
    ["inside a fence", "Here:\n```python\n[f(a=1, b=]\n```", 26, 3, 10],
    ["after markdown escapes", `[get\\_x(a=1, b=]`, 15, 1, 15],
  ])("%s", (_name, text, offset, line, col) => {
    const r = parse(text);
    expect(r.status).toBe("malformed");
    if (r.status === "malformed") expect([r.error.offset, r.error.line, r.error.col]).toEqual([offset, line, col]);
  });
});

describe("per-call notes carry the call index", () => {
  it("numbers notes by call", () => {
    const r = parse(`[f(a=x), g(b=2*3)]`);
    expect(r.repairs).toContainEqual(expect.objectContaining({ code: "name_as_text", call: 0 }));
    expect(r.repairs).toContainEqual(expect.objectContaining({ code: "arithmetic_evaluated", call: 1 }));
  });
});

describe("hard limits, each with its own reason", () => {
  it.each([
    ["too_long", "[f(a=1)]" + " ".repeat(200), { maxLength: 100 }],
    ["too_deep", "[f(a=" + "[".repeat(50) + "]".repeat(50) + ")]", { maxDepth: 20 }],
    ["too_deep", '{"name": "f", "arguments": ' + '{"a":'.repeat(50) + "1" + "}".repeat(51), { maxDepth: 20 }],
    ["too_many_calls", "[" + "f(), ".repeat(30) + "]", { maxCalls: 10 }],
    ["too_many_calls", "<tool_call>{\"name\": \"f\", \"arguments\": {}}</tool_call>".repeat(30), { maxCalls: 10 }],
  ])("%s", (code, text, options) => {
    const r = parse(text, options);
    expect(r.status).toBe("malformed");
    if (r.status === "malformed") expect(r.error.code).toBe(code);
  });

  it("a payload nested past maxDepth is too_deep", () => {
    let v: unknown = { name: "f", arguments: {} };
    for (let i = 0; i < 50; i++) v = [v];
    const r = parse(v, { maxDepth: 20 });
    expect(r.status === "malformed" && r.error.code).toBe("too_deep");
  });

  it("a cyclic payload is too_deep, not a hang", () => {
    const a: Record<string, unknown> = { name: "f" };
    a.arguments = a;
    const r = parse(a);
    expect(r.status === "malformed" && r.error.code).toBe("too_deep");
  });

  it("a payload with too much text is too_long", () => {
    const r = parse([{ f: JSON.stringify({ a: "x".repeat(500) }) }], { maxLength: 100 });
    expect(r.status === "malformed" && r.error.code).toBe("too_long");
  });
});

/**
 * Hostile outputs of 200,000 characters against each scan. Every regular expression parse applies
 * to output is listed in src/parse/parse.ts; these strings target the scans around them.
 */
const N = 200_000;
const rep = (s: string) => s.repeat(Math.ceil(N / s.length)).slice(0, N);
const attacks: Array<[string, string]> = [
  ["open parens", rep("f(")],
  ["zero-argument calls", rep("f()")],
  ["nested call lists", rep("[f(a=1), ")],
  ["open braces", rep("{")],
  ["JSON keys", rep('{"a":')],
  ["double quotes", rep('"')],
  ["apostrophes", rep("'")],
  ["apostrophes in calls", rep("f(a='")],
  ["<tool_call> openers", rep("<tool_call>")],
  ["empty <tool_call> blocks", rep("<tool_call></tool_call>")],
  ["<think> openers", rep("<think>")],
  ["<think> then a marker", rep("<think><tool_call>")],
  ["</think> closers", rep("</think>")],
  ["fence markers", rep("```")],
  ["fences with JSON", rep('```json\n{"a"\n```')],
  ["<|im_start|> headers", rep("<|im_start|>")],
  ["Harmony headers", rep("<|channel|>x<|message|>")],
  ["GLM name and brace", rep("f\n{")],
  ["';'-separated calls", rep("f(a=1);")],
  ["markdown escapes", rep("\\_")],
  ["[TOOL_CALLS] markers", rep("[TOOL_CALLS]")],
  ["functools[ markers", rep("functools[")],
  ["<function_call> markers", rep("<function_call>{")],
  ["Kimi markers", rep("<|tool_call_begin|>x<|tool_call_argument_begin|>")],
  ["DeepSeek markers", rep("<｜tool▁call▁begin｜>")],
  ["DSML invokes", rep('<｜DSML｜invoke name="')],
  ["Qwen3-Coder tags", rep("<function=f><parameter=a>")],
  ["GLM-4.5 tags", rep("<tool_call>f<arg_key>a</arg_key>")],
  ["a long + chain", "[f(a=" + rep("1+") + "1)]"],
  ["a long unary chain", "[f(a=" + rep("-") + "1)]"],
  ["deep JavaScript arrays", "{a:" + rep("[")],
  ["a long dotted name", rep("a.") + "f(x=1)"],
  ["one long word", rep("a")],
  ["calls on many lines", rep("f(x=1)\n")],
  ["prose with parentheses", rep("word(s) ")],
  ["name lists", rep("[a, ")],
  ["JSON objects in prose", rep('see {"name": "f", "x": ')],
  ["object openers in prose", rep('{"')],
];

describe("attack strings finish quickly and never throw", () => {
  it.each(attacks)("%s", (_name, text) => {
    const t = performance.now();
    let r: ParseResult | undefined;
    expect(() => (r = parse(text))).not.toThrow();
    expect(performance.now() - t).toBeLessThan(2000);
    expect(["calls", "no_call", "malformed"]).toContain(r!.status);
  });
});

describe("never throws on mutated outputs", () => {
  const seeds = [
    `[get_weather(city='Paris', days=3), get_time(tz="CET")]`,
    `<tool_call>\n{"name": "a", "arguments": {"x": [1, {"y": "z"}]}}\n</tool_call>`,
    "```json\n[{\"name\": \"f\", \"arguments\": \"{\\\"a\\\": 1}\"}]\n```",
    `<think>x</think>[TOOL_CALLS]f[ARGS]{"a": 1}`,
    `<|channel|>commentary to=functions.f <|constrain|>json<|message|>{"a": 1}<|call|>`,
  ];
  // A fixed linear congruential generator, so failures reproduce.
  let state = 12345;
  const rand = (n: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const cases: Array<[string, string]> = [];
  for (const seed of seeds) {
    for (let k = 0; k < 60; k++) {
      const a = rand(seed.length);
      const b = Math.min(seed.length, a + rand(8));
      const chars = "()[]{}'\"`\\:;,=\n<>|_*";
      const insert = chars[rand(chars.length)]!.repeat(rand(3));
      cases.push([`${seed.slice(0, 12)}… #${k}`, seed.slice(0, a) + insert + seed.slice(b)]);
    }
  }
  it.each(cases)("%s", (_name, text) => {
    expect(() => parse(text)).not.toThrow();
  });
});

describe("every regular expression run on model output is listed in parse.ts", () => {
  const root = fileURLToPath(new URL("../../src/parse/", import.meta.url));
  const files = ["parse.ts", "bind.ts", ...["scan", "formats"].flatMap((d) => readdirSync(join(root, d)).map((f) => `${d}/${f}`))];
  const header = readFileSync(join(root, "parse.ts"), "utf8").split("*/")[0]!.replace(/\\\|/g, "|");
  const literal = /(\/(?:\\.|\[(?:\\.|[^\]\n])*\]|[^/\n[])+\/[gimsuy]*)\.(?:test|exec)\(|\.(?:replace|split|match|matchAll|search)\((\/(?:\\.|\[(?:\\.|[^\]\n])*\]|[^/\n[])+\/[gimsuy]*)/g;
  const found: Array<[string, string]> = [];
  for (const f of files) {
    const text = readFileSync(join(root, f), "utf8");
    for (const m of text.matchAll(literal)) found.push([f, (m[1] ?? m[2])!]);
  }
  it("finds the regexes", () => expect(found.length).toBeGreaterThan(10));
  it.each(found)("%s: %s", (_file, re) => {
    expect(header).toContain(re);
  });
});
