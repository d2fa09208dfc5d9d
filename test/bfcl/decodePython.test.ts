/**
 * BFCL's prompt-mode Python decoder, behaviour by behaviour. The expected reprs were produced by
 * running BFCL's own decoder (ast_parse / resolve_ast_by_type, copied verbatim) under CPython
 * 3.11; `null` means BFCL's decoder raised. Rows marked "bounded" are deliberate divergences:
 * Python would grind through them (or run out of memory), the port fails fast.
 */
import { describe, expect, it } from "vitest";
import { decodeBfclPython } from "../../src/bfcl/decodePython.js";
import { pyRepr } from "../../src/value/repr.js";

function decodedRepr(text: string): string | null {
  const r = decodeBfclPython(text);
  return r.ok ? pyRepr(r.value) : null;
}

const TEXT: Array<[string, string, string | null]> = [
  ["list of calls", "[f(a=1), g(b='x')]", "[{'f': {'a': 1}}, {'g': {'b': 'x'}}]"],
  ["brackets added around a bare call", "calculate_triangle_area(base=10, height=5)", "[{'calculate_triangle_area': {'base': 10, 'height': 5}}]"],
  ["two bare calls become a list", "f(a=1), g(b=2)", "[{'f': {'a': 1}}, {'g': {'b': 2}}]"],
  ["plain code fence is stripped", "```\n[f(a=1)]\n```", "[{'f': {'a': 1}}]"],
  ["python code fence fails", "```python\n[f(a=1)]\n```", null],
  ["single quotes outside the brackets fail", "'[f(a=1)]'", null],
  ["leading prose fails", "Sure! [f(a=1)]", null],
  ["trailing prose fails", "[f(a=1)]\nDone.", null],
  ["trailing CRLF fails", "[f(a=1)]\r\n", null],
  ["semicolon separator fails", "[f(a=1)]; [g(b=2)]", null],
  ["a tuple of calls fails", "(f(a=1), g(b=2))", null],
  ["empty list decodes to no calls", "[]", "[]"],
  ["empty text decodes to no calls", "", "[]"],
  ["spaces and newlines only", " \n ", "[]"],
  ["tab is not stripped", "\t[f(a=1)]", null],
  ["non-call element fails", "[f(a=1), 2]", null],
  ["nested list fails", "[[f(a=1)]]", null],
  ["subscripted list fails", "[f(a=1)][0]", null],
  ["multi-line list is fine", "[f(a=1),\n g(b=2)]", "[{'f': {'a': 1}}, {'g': {'b': 2}}]"],
];

const CALLS: Array<[string, string, string | null]> = [
  ["dotted name", "[math.factorial(number=5)]", "[{'math.factorial': {'number': 5}}]"],
  ["name after a call keeps only attributes", "[a().b(x=1)]", "[{'b': {'x': 1}}]"],
  ["subscripted callee has an empty name", "[a[0](x=1)]", "[{'': {'x': 1}}]"],
  ["positional arguments are dropped", "[f(10, 5)]", "[{'f': {}}]"],
  ["starred arguments are dropped", "[f(*xs, a=1)]", "[{'f': {'a': 1}}]"],
  ["double-star becomes the key None", "[f(**kw, a=1)]", "[{'f': {None: 'kw', 'a': 1}}]"],
  ["two double-stars: the last value wins", "[f(**a, x=1, **b)]", "[{'f': {None: 'b', 'x': 1}}]"],
  ["repeated keyword: the last value wins", "[f(a=1, b=2, a=3)]", "[{'f': {'a': 3, 'b': 2}}]"],
  ["no arguments", "[f()]", "[{'f': {}}]"],
];

const VALUES: Array<[string, string, string | null]> = [
  ["int float bool None str", "[f(a=1, b=1.0, c=True, d=None, e='x')]", "[{'f': {'a': 1, 'b': 1.0, 'c': True, 'd': None, 'e': 'x'}}]"],
  ["Ellipsis becomes '...'", "[f(a=...)]", "[{'f': {'a': '...'}}]"],
  ["bytes and complex are kept", "[f(a=b'\\x00', b=2j)]", "[{'f': {'a': b'\\x00', 'b': 2j}}]"],
  ["implicit string concatenation", "[f(a='a' 'b')]", "[{'f': {'a': 'ab'}}]"],
  ["bare name becomes its text", "[f(unit=units)]", "[{'f': {'unit': 'units'}}]"],
  ["non-ASCII name is NFKC-normalized", "[f(a=ｘ)]", "[{'f': {'a': 'x'}}]"],
  ["call without keywords becomes source text", "[f(x=np.array([1,2]))]", "[{'f': {'x': 'np.array([1, 2])'}}]"],
  ["call with positional args only", "[f(x=g(1, 'a', *b))]", "[{'f': {'x': \"g(1, 'a', *b)\"}}]"],
  ["call with keywords becomes a nested call", "[f(x=g(y=1, z=h(w=2)))]", "[{'f': {'x': {'g': {'y': 1, 'z': {'h': {'w': 2}}}}}}]"],
  ["subscript becomes source text", "[f(x=data['sales'])]", "[{'f': {'x': \"data['sales']\"}}]"],
  ["slice subscript", "[f(x=data[1:2])]", "[{'f': {'x': 'data[1:2]'}}]"],
  ["tuple subscript gets parentheses", "[f(x=data[:, 0])]", "[{'f': {'x': 'data[(:, 0)]'}}]"],
  ["list, tuple and dict", "[f(x=[1, (2, 3)], y={'k': [4]})]", "[{'f': {'x': [1, (2, 3)], 'y': {'k': [4]}}}]"],
  ["dict keys are resolved", "[f(x={-1: a, (1, 2): g(3)})]", "[{'f': {'x': {-1: 'a', (1, 2): 'g(3)'}}}]"],
  ["equal dict keys: first key, last value", "[f(x={1: 'a', True: 'b', 1.0: 'c'})]", "[{'f': {'x': {1: 'c'}}}]"],
];

const UNARY: Array<[string, string, string | null]> = [
  ["minus int", "[f(a=-5)]", "[{'f': {'a': -5}}]"],
  ["plus negates", "[f(a=+5)]", "[{'f': {'a': -5}}]"],
  ["invert negates", "[f(a=~5)]", "[{'f': {'a': -5}}]"],
  ["not True is -1", "[f(a=not True)]", "[{'f': {'a': -1}}]"],
  ["not False is 0", "[f(a=not False)]", "[{'f': {'a': 0}}]"],
  ["minus float", "[f(a=-2.5)]", "[{'f': {'a': -2.5}}]"],
  ["plus zero float is -0.0", "[f(a=+0.0)]", "[{'f': {'a': -0.0}}]"],
  ["minus imaginary", "[f(a=-1j)]", "[{'f': {'a': (-0-1j)}}]"],
  ["minus True", "[f(a=-True)]", "[{'f': {'a': -1}}]"],
  ["double minus fails", "[f(a=-(-5))]", null],
  ["minus name fails", "[f(a=-x)]", null],
  ["minus list fails", "[f(a=-[1])]", null],
  ["minus str fails", "[f(a=-'a')]", null],
  ["minus None fails", "[f(a=-None)]", null],
  ["minus attribute fails", "[f(a=-x.y)]", null],
];

const BINOP: Array<[string, string, string | null]> = [
  ["product", "[f(a=5*2)]", "[{'f': {'a': 10}}]"],
  ["int power", "[f(a=2**10)]", "[{'f': {'a': 1024}}]"],
  ["negative power is a float", "[f(a=2**-1)]", "[{'f': {'a': 0.5}}]"],
  ["true division", "[f(a=1/3)]", "[{'f': {'a': 0.3333333333333333}}]"],
  ["int true division is exact", "[f(a=10**30/3)]", "[{'f': {'a': 3.333333333333333e+29}}]"],
  ["floor division rounds down", "[f(a=-7//2)]", "[{'f': {'a': -4}}]"],
  ["modulo takes the divisor's sign", "[f(a=-7%3)]", "[{'f': {'a': 2}}]"],
  ["float modulo", "[f(a=5.5%-2)]", "[{'f': {'a': -0.5}}]"],
  ["float floor division", "[f(a=7.5//2)]", "[{'f': {'a': 3.0}}]"],
  ["unary minus over a power fails: its operand is a BinOp", "[f(a=-2**2)]", null],
  ["negative exponent inside a BinOp", "[f(a=2**-2)]", "[{'f': {'a': 0.25}}]"],
  ["unary operators are real inside a BinOp", "[f(a=+5-(-3)+(not 0))]", "[{'f': {'a': 9}}]"],
  ["float sum", "[f(a=0.1+0.2)]", "[{'f': {'a': 0.30000000000000004}}]"],
  ["mixed int and float", "[f(a=1+2.0)]", "[{'f': {'a': 3.0}}]"],
  ["bools are ints", "[f(a=True+True)]", "[{'f': {'a': 2}}]"],
  ["bool and bool stays bool", "[f(a=True&False)]", "[{'f': {'a': False}}]"],
  ["bit operations", "[f(a=(6&3, 6|3, 6^3, 1<<10, -9>>1))]", "[{'f': {'a': (2, 7, 5, 1024, -5)}}]"],
  ["string concatenation", "[f(a='a'+'b')]", "[{'f': {'a': 'ab'}}]"],
  ["string repetition", "[f(a='ab'*3)]", "[{'f': {'a': 'ababab'}}]"],
  ["negative repetition is empty", "[f(a=[1]*-2)]", "[{'f': {'a': []}}]"],
  ["list concatenation", "[f(a=[1]+[2, 3])]", "[{'f': {'a': [1, 2, 3]}}]"],
  ["tuple concatenation", "[f(a=(1,)+(2,))]", "[{'f': {'a': (1, 2)}}]"],
  ["bytes concatenation", "[f(a=b'a'+b'b')]", "[{'f': {'a': b'ab'}}]"],
  ["dict merge", "[f(a={'a': 1}|{'a': 2, 'b': 3})]", "[{'f': {'a': {'a': 2, 'b': 3}}}]"],
  ["complex arithmetic", "[f(a=(1+2j)*(3-4j))]", "[{'f': {'a': (11+2j)}}]"],
  ["percent formatting", "[f(a='%s has %d items (%.2f%%)' % ('cart', 3, 12.345))]", "[{'f': {'a': 'cart has 3 items (12.35%)'}}]"],
  ["percent formatting with a mapping", "[f(a='%(x)05.1f|%(y)-4s|' % {'x': 2.25, 'y': 'ab'})]", "[{'f': {'a': '002.2|ab  |'}}]"],
  ["comparison inside", "[f(a=(1 < 2) + (2 < 1 < 3))]", "[{'f': {'a': 1}}]"],
  ["conditional inside", "[f(a=(1 if [] else 2) * 3)]", "[{'f': {'a': 6}}]"],
  ["subscript inside", "[f(a=[10, 20, 30][1] + {'k': 5}['k'])]", "[{'f': {'a': 25}}]"],
  ["slice inside", "[f(a='abcdef'[1:5:2] * 2)]", "[{'f': {'a': 'bdbd'}}]"],
  ["overflowing float stays inf", "[f(a=1e308*10)]", "[{'f': {'a': inf}}]"],
  ["division by zero fails", "[f(a=1/0)]", null],
  ["float division by zero fails", "[f(a=1.0%0)]", null],
  ["float power overflow fails", "[f(a=10.0**400)]", null],
  ["int too large for float fails", "[f(a=10**400*1.0)]", null],
  ["str plus int fails", "[f(a='a'+1)]", null],
  ["name inside fails", "[f(a=x+1)]", null],
  ["call inside fails", "[f(a=g(b=1)*2)]", null],
  ["attribute inside fails", "[f(a=2*math.pi)]", null],
  ["huge power is bounded", "[f(a=10**10**9)]", null],
  ["huge repetition is bounded", "[f(a='a'*10**12)]", null],
  ["huge shift is bounded", "[f(a=1<<10**12)]", null],
];

const FAILURES: Array<[string, string, string | null]> = [
  ["lambda", "[f(a=lambda x: x)]", null],
  ["attribute", "[f(unit=Units.CM)]", null],
  ["comparison", "[f(a=1<2)]", null],
  ["boolean operator", "[f(a=x and y)]", null],
  ["conditional expression", "[f(a=x if y else z)]", null],
  ["f-string", "[f(a=f'{x}')]", null],
  ["set", "[f(a={1, 2})]", null],
  ["list comprehension", "[f(a=[i for i in x])]", null],
  ["walrus", "[f(a=(x := 1))]", null],
  ["starred list element", "[f(a=[*x])]", null],
  ["dict unpacking", "[f(a={**x})]", null],
  ["unhashable dict key", "[f(a={[1]: 2})]", null],
  ["call with keywords as a dict key", "[f(a={g(x=1): 2})]", null],
  ["failure in a later call fails the whole output", "[f(a=1), g(b=x.y)]", null],
];


describe("decodeBfclPython", () => {
  it.each(TEXT)("text handling: %s", (_name, text, expected) => {
    expect(decodedRepr(text)).toBe(expected);
  });

  it.each(CALLS)("calls: %s", (_name, text, expected) => {
    expect(decodedRepr(text)).toBe(expected);
  });

  it.each(VALUES)("values: %s", (_name, text, expected) => {
    expect(decodedRepr(text)).toBe(expected);
  });

  it.each(UNARY)("unary quirk: %s", (_name, text, expected) => {
    expect(decodedRepr(text)).toBe(expected);
  });

  it.each(BINOP)("binary operation: %s", (_name, text, expected) => {
    expect(decodedRepr(text)).toBe(expected);
  });

  it.each(FAILURES)("unsupported: %s", (_name, text, expected) => {
    expect(decodedRepr(text)).toBe(expected);
  });

  it.each([
    ["a syntax error", "[f(a=1]", "SyntaxError: closing parenthesis ']' does not match opening parenthesis '(' (1:6)"],
    ["an element that is not a call", "[f(), 1]", "AssertionError: element is a Constant, not a Call"],
    ["a body without elements", "[f()][0]", "AttributeError: 'Subscript' object has no attribute 'elts'"],
    ["an unsupported value", "[f(a=x.y)]", "Exception: Unsupported AST type: <class 'ast.Attribute'>"],
    ["negating a string", "[f(a=-'a')]", "TypeError: bad operand type for unary -: 'str'"],
    ["negating a non-constant", "[f(a=-(-1))]", "AttributeError: 'UnaryOp' object has no attribute 'value'"],
    ["an unhashable key", "[f(a={[1]: 2})]", "TypeError: unhashable type: 'list'"],
    ["a division by zero", "[f(a=1//0)]", "ZeroDivisionError: integer division or modulo by zero"],
    ["a name in arithmetic", "[f(a=x*2)]", "NameError: name 'x' is not defined (toolgrade does not evaluate names)"],
  ])("names the Python exception for %s", (_name, text, error) => {
    expect(decodeBfclPython(text)).toEqual({ ok: false, error });
  });

  it("never throws on hostile input", () => {
    for (const text of ["[".repeat(100_000), "[f(a=" + "-".repeat(50_000) + "1)]", "[f(a=g(" + "2**".repeat(2900) + "1))]", "\0", "\ud800"]) {
      expect(() => decodeBfclPython(text)).not.toThrow();
    }
  });
});
