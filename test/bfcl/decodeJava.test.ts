/**
 * BFCL's Java prompt decoder, one behaviour per row: the text a model wrote, and the Python repr
 * of what BFCL's decoder returns (null when it raises). Rows marked "tree-sitter" pin what the
 * real parser does (checked with tree-sitter-java 0.21.0 under py-tree-sitter's UTF-8 costs).
 */
import { describe, expect, it } from "vitest";
import { decodeBfclJava } from "../../src/bfcl/decodeJava.js";
import { pyRepr } from "../../src/value/repr.js";

const cases: Array<[string, string, string | null]> = [
  // Names and arguments
  ["a call with keyword arguments", '[Foo.bar(a="x", b=1)]', "[{'Foo.bar': {'a': 'x', 'b': '1'}}]"],
  ["brackets are optional", 'Foo.bar(a="x")', "[{'Foo.bar': {'a': 'x'}}]"],
  ["the name keeps the object's text", "[a.b().c(x=1)]", "[{'a.b().c': {'x': '1'}}]"],
  ["only the first invocation, outermost first", "[f(a=g(b=1)); h(c=2);]", "[{'f': {'a': 'g(b=1)'}}]"],
  ["positional literals are dropped", "[Tool.run(5, a=1)]", "[{'Tool.run': {'a': '1'}}]"],
  ["a bare identifier goes under None", "[Tool.run(x, a=1)]", "[{'Tool.run': {None: 'x', 'a': '1'}}]"],
  ["a class literal goes under None", "[f(String.class)]", "[{'f': {None: 'String.class'}}]"],
  ["two bare identifiers fail", "[f(x, y)]", null],
  ["a repeated name fails", "[f(a=1, a=2)]", null],
  ["a compound assignment still names the argument", "[Tool.run(a+=1)]", "[{'Tool.run': {'a': '1'}}]"],
  ["no invocation decodes to {}", "[x = 1;]", "{}"],
  ["an empty list decodes to {}", "[]", "{}"],
  // Values
  ["string quotes removed, escapes kept", '[f(a="x\\ny")]', "[{'f': {'a': 'x\\\\ny'}}]"],
  ["char literal quotes removed", "[Tool.run(a='c')]", "[{'Tool.run': {'a': 'c'}}]"],
  ["a multi-character char literal is accepted", "[Tool.run(a='abc')]", "[{'Tool.run': {'a': 'abc'}}]"],
  ["identifiers and calls keep their spacing", "[f(a=g( 1,  2 ))]", "[{'f': {'a': 'g( 1,  2 )'}}]"],
  ["other nodes lose their spacing", "[f(a=x + 1, b=System . out)]", "[{'f': {'a': 'x+1', 'b': 'System.out'}}]"],
  ["new T[]{…} keeps nested quotes", '[f(a=new String[]{"a", "b"})]', "[{'f': {'a': 'new String[]{\"a\",\"b\"}'}}]"],
  ["new T[][]{…} keeps one []", "[f(a=new int[][]{{1},{2}})]", "[{'f': {'a': 'new int[]{{1},{2}}'}}]"],
  ["new T[n] has no value and fails", "[f(a=new int[5])]", null],
  ["new T(…) is rebuilt with ', '", "[f(a=new Foo(1,2))]", "[{'f': {'a': 'new Foo(1, 2)'}}]"],
  ["an anonymous class body is dropped", '[f(m=new HashMap<String, Object>() {{ put("k", 1); }})]', "[{'f': {'m': 'new HashMap<String,Object>()'}}]"],
  ["a lambda is glued together", "[f(a=x -> x + 1)]", "[{'f': {'a': 'x->x+1'}}]"],
  ["a comment before = shifts the value", "[f(a /*c*/ = 1)]", "[{'f': {'a': '='}}]"],
  // Keywords are keywords only where valid (tree-sitter)
  ["class as a parameter name", "[f(class=1, default=2, package=3)]", "[{'f': {'class': '1', 'default': '2', 'package': '3'}}]"],
  ["new as a parameter name fails", "[f(new=1)]", null],
  ["int as a parameter name fails", "[f(int=1)]", null],
  ["x.class after a literal is a field", "[f(a=\"s\".class)]", "[{'f': {'a': '\"s\".class'}}]"],
  // Error recovery: MISSING is tolerated, ERROR fails (tree-sitter)
  ["a missing ; between statements", "[Toolbox.run(a=1)\nAnotherTool.stop(b=2)]", "[{'Toolbox.run': {'a': '1'}}]"],
  ["a short next name is skipped as ERROR instead", "[Toolbox.run(a=1)\nTool.stop(b=2)]", null],
  ["a short first statement is popped as ERROR instead", "[foo(a=1)\ngoo(b=2)]", null],
  ["a missing ) before ;", "[f(a=1;]", "[{'f': {'a': '1'}}]"],
  ["an unclosed call fails", "[f(a=1]", null],
  ["prose without punctuation parses", "[Hello world]", "{}"],
  ["prose then a call", "[I think f(a=1, b=2)]", "[{'f': {'a': '1', 'b': '2'}}]"],
  ["a short statement at the end is cheaper as ERROR", "[f(a=1)]", null],
  ["a double dot is skipped as ERROR", "[Foo..bar(a=1, b=2)]", null],
  ["a trailing comma gets a MISSING identifier, read as None: ''", "[x.foo(a=1, b=2,)]", "[{'x.foo': {'a': '1', 'b': '2', None: ''}}]"],
  ["a trailing comma after one argument is ERROR", "[x.foo(a=1,)]", null],
  ["a dotted name before the error is read as a type: ERROR", "[foo(a=x.y;]", null],
  ["a plain name before the error gets a MISSING )", "[foo(a=xy;]", "[{'foo': {'a': 'xy'}}]"],
  // Lexical errors are always ERROR
  ["a backtick", "[f(a=`x`)]", null],
  ["a non-breaking space", "[f(a=1)\u00a0]", null],
  ["an invalid \\u escape", '[f(a="C:\\users")]', null],
  ["a python fence stays text", "```python\n[f(a=1)]\n```", null],
  // BFCL slices the Python string with byte offsets: text after non-ASCII shifts
  ["byte offsets on a code-point string", '[foo(a="é", b=xyz)]', "[{'foo': {'a': 'é\"', '=': 'yz)'}}]"],
  ["a lone surrogate cannot be encoded", "[f(a='\ud800')]", null],
];

describe("decodeBfclJava", () => {
  it.each(cases)("%s", (_name, text, expected) => {
    const r = decodeBfclJava(text);
    expect(r.ok ? pyRepr(r.value) : null).toBe(expected);
  });

  it.each([
    ["10 MB of letters", "a".repeat(10_000_000)],
    ["100k nested parentheses", `f(a=${"(".repeat(100_000)}1${")".repeat(100_000)})`],
    ["50k unclosed calls", "f(".repeat(50_000)],
    ["100k nested array initializers", `f(a=new int[]${"{".repeat(100_000)}${"}".repeat(100_000)})`],
    ["50k nested record patterns", `x = o instanceof ${"A(".repeat(50_000)}${")".repeat(50_000)};`],
  ])("never throws: %s", (_name, text) => {
    expect(() => decodeBfclJava(text)).not.toThrow();
  });

  it("reports deep nesting as a decode failure", () => {
    const r = decodeBfclJava(`f(a=${"(".repeat(100_000)}1${")".repeat(100_000)})`);
    expect(r.ok ? "" : r.error).toMatch(/nested too deeply/);
  });
});

describe("inputs that once threw", () => {
  it.each(["switch", "[result = switch]", "x = switch{a){default->1;};"])("%j returns", (text) => {
    expect(typeof decodeBfclJava(text).ok).toBe("boolean");
  });
});
