/**
 * BFCL's JavaScript prompt decoder, one behaviour per row: the text a model wrote, and the
 * Python repr of what BFCL's decoder returns (`None` when it finds no call, null when it raises).
 * Parse outcomes were checked with tree-sitter-javascript 0.21.4.
 */
import { describe, expect, it } from "vitest";
import { decodeBfclJavaScript } from "../../src/bfcl/decodeJavaScript.js";
import { pyRepr } from "../../src/value/repr.js";

const cases: Array<[string, string, string | null]> = [
  // Calls and arguments
  ["a call with keyword arguments", "[validate(a='x', b=2)]", "[{'validate': {'a': 'x', 'b': '2'}}]"],
  ["the callee is its source text", "[a.b.c(x=1)]", "[{'a.b.c': {'x': '1'}}]"],
  ["one pair of quotes is stripped", `[f(a="'x'")]`, "[{'f': {'a': \"'x'\"}}]"],
  ["quotes stripped from the whole value text", "[f(a='x' + 'y')]", "[{'f': {'a': \"x' + 'y\"}}]"],
  ["a bare identifier goes under None", "[f(x)]", "[{'f': {None: 'x'}}]"],
  ["true goes under None", "[f(true)]", "[{'f': {None: 'true'}}]"],
  ["false and literals are dropped", "[f(false, 3, a=1)]", "[{'f': {'a': '1'}}]"],
  ["two bare identifiers fail", "[f(x, y)]", null],
  ["a repeated name fails", "[f(a=1, a=2)]", null],
  ["a compound assignment is not an argument", "[f(a+=1)]", "[{'f': {}}]"],
  ["undefined can be assigned to", "[f(undefined=1)]", "[{'f': {'undefined': '1'}}]"],
  ["empty argument slots are allowed", "[f(a=1,,b=2,)]", "[{'f': {'a': '1', 'b': '2'}}]"],
  ["an optional call has no arguments node", "[f?.(a=1)]", "[{'f': {}}]"],
  ["a tagged template has no arguments node", "[f`x`]", "[{'f': {}}]"],
  // Which statement
  ["the first top-level call statement", "[x = 1; f(a=1)]", "[{'f': {'a': '1'}}]"],
  ["a call inside an assignment is not found", "[x = f(a=1)]", "None"],
  ["a call inside a block is not found", "[{ f(a=1) }]", "None"],
  ["no call decodes to None", "[]", "None"],
  ["a JSON object is an object expression", '[{"name": "f", "arguments": {"a": 1}}]', "None"],
  ["a tool-call tag is a JSX element", "<tool_call>[f(a=1)]</tool_call>", "None"],
  // Values keep their source text
  ["regex", "[f(a=/x+/g)]", "[{'f': {'a': '/x+/g'}}]"],
  ["template literal", "[f(a=`t${y}`)]", "[{'f': {'a': '`t${y}`'}}]"],
  ["arrow function", "[f(a=x => x + 1)]", "[{'f': {'a': 'x => x + 1'}}]"],
  ["object and array", "[f(a={b: 1}, c=[1, 2])]", "[{'f': {'a': '{b: 1}', 'c': '[1, 2]'}}]"],
  // Keywords are keywords only where valid
  ["of, from and default as names", "[f(of=1, from=2, default=3)]", "[{'f': {'of': '1', 'from': '2', 'default': '3'}}]"],
  ["new as a name fails", "[f(new=1)]", null],
  ["class as a name fails", "[f(class=1)]", null],
  // Automatic semicolons and error recovery
  ["a line break ends a statement", "[f(a=1)\ng(b=2)]", "[{'f': {'a': '1'}}]"],
  ["two calls on one line fail", "[f(a=1) g(b=2)]", null],
  ["a missing ) before ; is tolerated", "[f(a=1;]", "[{'f': {'a': '1'}}]"],
  ["an unclosed call fails", "[f(a=1]", null],
  ["an unclosed subscript at the end fails", "json\n[f(a=1)]", null],
  // Strings
  ["a line break right before the closing quote", "[f(a='x\n')]", "[{'f': {'a': 'x\\n'}}]"],
  ["a line break inside a string fails", "[f(a='x\ny')]", null],
  ["a bad \\x escape fails", '[f(a="\\x4")]', null],
  ["non-ASCII text is kept exactly", '[f(a="é", b=xyz)]', "[{'f': {'a': 'é', 'b': 'xyz'}}]"],
  ["a lone surrogate cannot be encoded", "[f(a='\ud800')]", null],
  ["a fullwidth comma is an identifier character", "[f(a=1)，]", null],
];

describe("decodeBfclJavaScript", () => {
  it.each(cases)("%s", (_name, text, expected) => {
    const r = decodeBfclJavaScript(text);
    expect(r.ok ? pyRepr(r.value) : null).toBe(expected);
  });

  it.each([
    ["10 MB of letters", "a".repeat(10_000_000)],
    ["100k nested parentheses", `f(a=${"(".repeat(100_000)}1${")".repeat(100_000)})`],
    ["deep template nesting", `f(a=${"`${".repeat(5_000)}1${"}`".repeat(5_000)})`],
    ["100k nested JSX elements", "<a>".repeat(100_000)],
    ["100k nested objects", `x=${"{a:".repeat(100_000)}`],
  ])("never throws: %s", (_name, text) => {
    expect(() => decodeBfclJavaScript(text)).not.toThrow();
  });

  it("reports deep nesting as a decode failure", () => {
    const r = decodeBfclJavaScript("<a>".repeat(100_000));
    expect(r.ok ? "" : r.error).toMatch(/nested too deeply/);
  });
});

describe("inputs that once hung or threw", () => {
  it.each(["<tool", "<", "<a", "x;<", "<tool_call", "[<tool_call>{\"name\": 1}]"])("%j returns", (text) => {
    expect(typeof decodeBfclJavaScript(text).ok).toBe("boolean");
  });
});
