/**
 * The fenced-list fast reader returns the calls the full reader returns (with no call dropped), or
 * declines: a table of both, generated fences with what models write around them, and every
 * string output of the conformance corpus.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fastReadEscaped, fastReadFenced } from "../../src/parse/fastMarkdown.js";
import type { FunctionDoc } from "../../src/types.js";
import { callListText, nearCallListText } from "../helpers/callText.js";
import { callsDifference, corpusCallsDifferences, generatedReads, reprs } from "../helpers/parseDifference.js";
import { SHARED_DIR, SKIP_MESSAGE } from "../helpers/shared.js";

const escaped = (text: string) => fastReadEscaped(text, 100);
const difference = (text: string, functions?: readonly FunctionDoc[]) => callsDifference(fastReadFenced, text, functions);
const escapedDifference = (text: string, functions?: readonly FunctionDoc[]) => callsDifference(escaped, text, functions);

describe("fastReadFenced reads a call list in a fence at the start", () => {
  it.each([
    ["python fence", "```python\n[f(a=1), g(b='x')]\n```", "f(; a=1); g(; b='x')"],
    ["no tag, spaces around", "  ```\n  [f(a=1)]  \n```  ", "f(; a=1)"],
    ["one bare call", "```py\nf(a=1)\n```", "f(; a=1)"],
    ["prose after", "```python\n[f(a=1)]\n```\n\n### Explanation\nThis calls `f` with a=1 [see f(a=2)].", "f(; a=1)"],
    ["a later fence after prose", "```python\n[f(a=1)]\n```\nor else:\n```python\n[g(b=2)]\n```", "f(; a=1)"],
    ["CRLF", "```python\r\n[f(a=1)]\r\n```\r\n", "f(; a=1)"],
    ["gemma's tool_code", "```tool_code\n[f(a=1)]\n```", "f(; a=1)"],
    ["JSON call objects", '```json\n[{"name": "f", "arguments": {"a": 1}}]\n```\nDone.', "f(; a=1)"],
    ["BFCL's JSON shape with Python's quotes", "```python\n{'f': {'a': True}}\n```", "f(; a=True)"],
    ["a Python list of call objects, prose after", "```python\n[{'name': 'f', 'params': {'a': 1, 'b': None}}]\n```\n\nThis calls f.", "f(; a=1, b=None)"],
    ["a < and HTML in the prose after", "```python\n[f(a=1)]\n```\nIf x < 5 the answer is <b>f</b>, not <s>g</s>.", "f(; a=1)"],
    ["the call on the fence's line", "```[f(a=1)]```\n\n### Explanation: f.", "f(; a=1)"],
    ["one bare call on the fence's line, code after", "```g(b='x')```\n    \"\"\"\n\n#app.py\nimport os\n", "g(; b='x')"],
    ["calls written as strings", "```python\n        [\"calc(radius=4, unit='in')\", 'g(b=\"x\")',]\n        ```\n\nExplanation.", "calc(; radius=4, unit='in'); g(; b='x')"],
    ["code comparing numbers after", "```python\n[f(a=1)]\n```\nTo check it:\n```python\nif a <= 2:\n    print(a << 1)\n```", "f(; a=1)"],
  ])("%s", (_name, text, expected) => {
    const calls = fastReadFenced(text);
    expect(calls && reprs(calls)).toBe(expected);
    expect(difference(text)).toBeUndefined();
  });
});

describe("fastReadFenced leaves everything else to parse()", () => {
  it.each([
    ["prose first", "Here:\n```python\n[f(a=1)]\n```"],
    ["a second fence right after", "```python\n[f(a=1)]\n```\n\n```python\n[g(b=2)]\n```"],
    ["unclosed", "```python\n[f(a=1)]"],
    ["four backticks", "````python\n[f(a=1)]\n````"],
    ["a tag with spaces", "```python code\n[f(a=1)]\n```"],
    ["the text on the fence's line, then more lines", "```[f(a=1)],\n[g(b=2)]```"],
    ["a tag line with nothing after", "```python"],
    ["bare calls (brackets added)", "```\nf(a=1), g(b=2)\n```"],
    ["a bare name as value", "```\n[f(a=x)]\n```"],
    ["reasoning after", "```\n[f(a=1)]\n```\n<think>hm</think>"],
    ["a template token after", "```\n[f(a=1)]\n```<|eot_id|>"],
    ["a tag format in the prose", "```\n[f(a=1)]\n```\n<tool_call>"],
    ["Mistral's marker in the prose", "```\n[f(a=1)]\n```\n[TOOL_CALLS]"],
    ["a sentence token at the end", "```\n[f(a=1)]\n```\nDone. </s>"],
    ["a chat header", "```\n[f(a=1)]\n```\n<|start_header_id|>user<|end_header_id|>"],
    ["Llama's function tag in the prose", "```\n[f(a=1)]\n```\nor <function=g>{}</function>"],
    ["Harmony's message", "```\n[f(a=1)]\n```\n<|start|>assistant<|channel|>commentary to=functions.g<|message|>{}<|call|>"],
    ["Kimi's reasoning", "```\n[f(a=1)]\n```\n◁think▷x◁/think▷"],
    ["JSON that is no call", '```json\n[{"city": "Paris"}]\n```'],
    ["a Python list of strings that are no calls", "```python\n['f', 'a=1']\n```"],
    ["a quoted list of calls in brackets", "```python\n['[f(a=1)]']\n```"],
    ["two JSON values", '```json\n{"name": "f", "arguments": {}}\n{"name": "g", "arguments": {}}\n```'],
    ["empty fence", "```\n\n```"],
  ])("%s", (_name, text) => {
    expect(fastReadFenced(text)).toBeUndefined();
  });
});

/** Mostly one of the clean choices, sometimes a near miss. */
const pick = (clean: string[], misses: string[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...clean) }, { weight: 1, arbitrary: fc.constantFrom(...misses) });

/** JSON in a fence: call objects in each shape the full reader takes, and near misses. */
const jsonBody = fc.constantFrom(
  '[{"name": "f", "arguments": {"a": 1}}]',
  "[{'name': 'f', 'arguments': {'a': True, 'b': 1.0}}]",
  '{"name": "f", "parameters": {"a": [1, 2]}}',
  '[{"f": {"a": "x"}}]',
  "{'f': {'a': None}}",
  '[{"name": "f", "arguments": "{\\"a\\": 1}"}]',
  '[{"name": "f", "arguments": {}}, {"name": "g", "arguments": {"b": 2}}]',
  '[[{"name": "f", "arguments": {}}]]',
  '[{"name": "f"}]',
  '[{"city": "x"}]',
  '{"name": "f", "arguments": {}} tail',
  "{'name': f}",
  '[{"name": "no_function", "arguments": {}}]',
  '{"name": "f", "arguments": {"a": 1}',
  '[{"name": "f", "arguments": {"a": 1}},]',
  '{"name": "f", "arguments": [1]}',
  "{'name': 'f', 'arguments': {'a': 'it\\'s'}}",
  "[{'name': 'f', 'params': {'a': 1}}, {'name': 'g', 'params': {}}]",
  "[ {'f': {'a': 1}}]",
  "[{'name': 'f', 'params': {'a': 1}},]",
  "[{'name': 'f', 'params': {'a': 1}}, 'x']",
  "[{'name': 'f', 'params': {'a': 1}} {'name': 'g'}]",
  "['f(a=1)']",
  "[\u00a0{'name': 'f', 'params': {}}]",
);

/** A fenced call list with what models write around it, and near misses. */
const fenced = fc
  .tuple(
    pick(["", " ", "\n"], ["\u00a0", "Sure:\n"]),
    pick(["```"], ["````", "``"]),
    pick(["python", "", "py", "tool_code", "json", " python ", "python3.11", "c++"], ["my tag"]),
    pick(["\n", "\r\n"], [" ", ""]),
    fc.oneof({ weight: 4, arbitrary: callListText }, { weight: 1, arbitrary: nearCallListText }, { weight: 2, arbitrary: jsonBody }),
    pick(["\n", "", " \n\u00a0"], [" \n"]),
    pick(["```"], ["````", ""]),
    pick(
      ["", "\n", "\n\nThis calls it.", "\nor:\n```\n[g(b=2)]\n```", "\n`f(a=1)` [h(c=3)]", "\nIf a < 2, <b>f</b> <s>g</s>."],
      ["\n\n```python\n[g(b=2)]\n```", "\n```\n[g(b=2)]\n```", "\n<think>x</think>", "\n[TOOL_CALLS]", "\n◁", " functools", "\n</s>", "\n<|eot_id|>", "\n<tool_call>\n{\"name\": \"g\", \"arguments\": {}}\n</tool_call>", "\n<function=g>{}</function>", "\n</think>"],
    ),
  )
  .map((parts) => parts.join(""));

describe("fastReadFenced on generated text", () => {
  it("agrees with the full reader whenever it reads, and reads the clean shapes", () => {
    expect(generatedReads(fenced, fastReadFenced, (t) => difference(t))).toBeGreaterThan(200);
  });
});

describe.skipIf(!SHARED_DIR)("fastReadFenced on the conformance corpus", () => {
  it("reads fenced answers exactly as the full reader does", () => {
    const { read, differences } = corpusCallsDifferences(fastReadFenced);
    expect(differences.slice(0, 10)).toEqual([]);
    expect(read).toBeGreaterThan(500);
  });
});

if (!SHARED_DIR) {
  describe("fastReadFenced on the conformance corpus", () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
}

describe("fastReadEscaped reads call lists with markdown escapes", () => {
  it.each([
    ["escaped names", "[calculate\\_triangle\\_area(base=10, height=5)]", "calculate_triangle_area(; base=10, height=5)"],
    ["escaped brackets", "\\[get\\_x(a=1)\\]", "get_x(; a=1)"],
    ["escapes in a string too", "[get\\_x(a='b\\_c')]", "get_x(; a='b_c')"],
    ["an escaped star", "[f\\*g(a=1)]", undefined],
    ["spaces around", "  [f\\_g(a=1)]\n", "f_g(; a=1)"],
  ])("%s", (_name, text, expected) => {
    const calls = fastReadEscaped(text, 100);
    expect(calls && reprs(calls)).toBe(expected);
    expect(escapedDifference(text)).toBeUndefined();
  });

  it.each([
    ["no escape", "[f(a=1)]"],
    ["the first escape inside a string", "[f(a='x\\_y'), get\\_x(b=2)]"],
    ["a fence", "```\n[get\\_x(a=1)]\n```"],
    ["reasoning", "<think>x</think>[get\\_x(a=1)]"],
    ["prose", "Call get\\_x(a=1) now."],
  ])("leaves %s to parse()", (_name, text) => {
    expect(fastReadEscaped(text, 100)).toBeUndefined();
  });

  it("agrees with the full reader on generated escaped lists, and reads them", () => {
    const escaped = fc
      .tuple(fc.oneof({ weight: 4, arbitrary: callListText }, { weight: 1, arbitrary: nearCallListText }), fc.constantFrom("_", "_", "_[", "_[", "*", "[", "]"), fc.constantFrom("", "", "", " ", "\n", "Sure: ", "<s>"))
      .map(([t, which, pad]) => pad + t.replace(new RegExp(`[${which.replace(/[[\]*]/g, "\\$&")}]`, "g"), (m) => `\\${m}`) + pad.trim());
    expect(generatedReads(escaped, (t) => fastReadEscaped(t, 100), (t) => escapedDifference(t))).toBeGreaterThan(150);
  });
});

describe.skipIf(!SHARED_DIR)("fastReadEscaped on the conformance corpus", () => {
  it("reads escaped answers exactly as the full reader does", () => {
    const { read, differences } = corpusCallsDifferences(escaped);
    expect(differences.slice(0, 10)).toEqual([]);
    expect(read).toBeGreaterThan(300);
  });
});
