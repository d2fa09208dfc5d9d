/**
 * The Python expression parser, unparser and literal reader against CPython 3.11: the expected
 * trees are `ast.dump(ast.parse(src, mode="eval"))` and the expected texts `ast.unparse(...)`,
 * produced with CPython and pasted here, so the tests need no Python.
 */
import { describe, expect, it } from "vitest";
import { dumpExpression } from "../../src/parse/python/dump.js";
import { parsePythonLiteral } from "../../src/parse/python/literal.js";
import { parsePythonExpression } from "../../src/parse/python/parser.js";
import { unparse, tryUnparse } from "../../src/parse/python/unparse.js";
import { pyRepr } from "../../src/value/repr.js";

function dumpOf(src: string): string {
  const r = parsePythonExpression(src);
  return r.ok ? dumpExpression(r.node) : `ERR ${r.error.message}`;
}

function unparseOf(src: string): string {
  const r = parsePythonExpression(src);
  if (!r.ok) throw new Error(r.error.message);
  return unparse(r.node);
}

const LITERALS: Array<[string, string, string]> = [
  ["int", "42", "Expression(body=Constant(value=42))"],
  ["int with underscores", "1_000_000", "Expression(body=Constant(value=1000000))"],
  ["zero run", "00", "Expression(body=Constant(value=0))"],
  ["hex", "0xFF", "Expression(body=Constant(value=255))"],
  ["hex with underscore", "0x_1f", "Expression(body=Constant(value=31))"],
  ["octal", "0o17", "Expression(body=Constant(value=15))"],
  ["binary", "0b1010", "Expression(body=Constant(value=10))"],
  ["float with trailing dot", "2.", "Expression(body=Constant(value=2.0))"],
  ["float with leading dot", ".5", "Expression(body=Constant(value=0.5))"],
  ["float exponent", "1e-3", "Expression(body=Constant(value=0.001))"],
  ["float underscores", "1_0.5", "Expression(body=Constant(value=10.5))"],
  ["float overflow is inf", "1e400", "Expression(body=Constant(value=inf))"],
  ["leading-zero float", "07.5", "Expression(body=Constant(value=7.5))"],
  ["imaginary", "3j", "Expression(body=Constant(value=3j))"],
  ["imaginary float", "1.5e3J", "Expression(body=Constant(value=1500j))"],
  ["True", "True", "Expression(body=Constant(value=True))"],
  ["False", "False", "Expression(body=Constant(value=False))"],
  ["None", "None", "Expression(body=Constant(value=None))"],
  ["Ellipsis", "...", "Expression(body=Constant(value=Ellipsis))"],
  ["single-quoted str", "'a'", "Expression(body=Constant(value='a'))"],
  ["double-quoted str", "\"a\"", "Expression(body=Constant(value='a'))"],
  ["triple-quoted str", "'''a\nb'''", "Expression(body=Constant(value='a\\nb'))"],
  ["escapes", "'\\n\\t\\\\\\'\\\"\\a\\b\\f\\v\\r'", "Expression(body=Constant(value='\\n\\t\\\\\\'\"\\x07\\x08\\x0c\\x0b\\r'))"],
  ["hex escape", "'\\x41'", "Expression(body=Constant(value='A'))"],
  ["octal escape", "'\\101\\0\\777'", "Expression(body=Constant(value='A\\x00ǿ'))"],
  ["unicode escapes", "'\\u00e9\\U0001F600'", "Expression(body=Constant(value='é😀'))"],
  ["named escape", "'\\N{BULLET}\\N{degree sign}'", "Expression(body=Constant(value='•°'))"],
  ["unknown escape kept", "'\\d\\q'", "Expression(body=Constant(value='\\\\d\\\\q'))"],
  ["line continuation in string", "'a\\\nb'", "Expression(body=Constant(value='ab'))"],
  ["raw string", "r'\\n\\x'", "Expression(body=Constant(value='\\\\n\\\\x'))"],
  ["raw string keeps escaped quote", "r'\\''", "Expression(body=Constant(value=\"\\\\'\"))"],
  ["bytes", "b'a\\x00\\777'", "Expression(body=Constant(value=b'a\\x00\\xff'))"],
  ["raw bytes", "Rb'\\d'", "Expression(body=Constant(value=b'\\\\d'))"],
  ["u prefix", "u'a'", "Expression(body=Constant(value='a', kind='u'))"],
  ["implicit concatenation", "'a' \"b\" '''c'''", "Expression(body=Constant(value='abc'))"],
  ["u kind from first token only", "'a' u'b'", "Expression(body=Constant(value='ab'))"],
  ["bytes concatenation", "b'a' rb'\\b'", "Expression(body=Constant(value=b'a\\\\b'))"],
  ["crlf in triple-quoted string", "'''a\r\nb\rc'''", "Expression(body=Constant(value='a\\nb\\nc'))"],
  ["empty f-string", "f''", "Expression(body=JoinedStr(values=[]))"],
  ["f-string", "f'a{x!r:>{w}}b'", "Expression(body=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', ctx=Load()), conversion=-1)])), Constant(value='b')]))"],
  ["f-string self-documenting", "f'{x = }'", "Expression(body=JoinedStr(values=[Constant(value='x = '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))"],
  ["f-string doubled braces", "f'{{}}{x}'", "Expression(body=JoinedStr(values=[Constant(value='{}'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))"],
  ["f-string field is a tuple", "f'{x, y}'", "Expression(body=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), conversion=-1)]))"],
  ["f-string nested", "f'{f\"{x}\"}'", "Expression(body=JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]), conversion=-1)]))"],
  ["f-string concatenation", "'a' f'{b}' 'c'", "Expression(body=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b', ctx=Load()), conversion=-1), Constant(value='c')]))"],
  ["NFKC identifier", "ｆｏｏ", "Expression(body=Name(id='foo', ctx=Load()))"],
  ["non-ASCII identifier", "café", "Expression(body=Name(id='café', ctx=Load()))"],
];

const STRUCTURE: Array<[string, string, string]> = [
  ["power binds tighter than unary minus", "-2**2", "Expression(body=UnaryOp(op=USub(), operand=BinOp(left=Constant(value=2), op=Pow(), right=Constant(value=2))))"],
  ["power is right-associative", "2**3**2", "Expression(body=BinOp(left=Constant(value=2), op=Pow(), right=BinOp(left=Constant(value=3), op=Pow(), right=Constant(value=2))))"],
  ["unary exponent", "2**-1", "Expression(body=BinOp(left=Constant(value=2), op=Pow(), right=UnaryOp(op=USub(), operand=Constant(value=1))))"],
  ["subtraction is left-associative", "1-2-3", "Expression(body=BinOp(left=BinOp(left=Constant(value=1), op=Sub(), right=Constant(value=2)), op=Sub(), right=Constant(value=3)))"],
  ["term over sum", "1+2*3", "Expression(body=BinOp(left=Constant(value=1), op=Add(), right=BinOp(left=Constant(value=2), op=Mult(), right=Constant(value=3))))"],
  ["shift under sum", "1<<2+3", "Expression(body=BinOp(left=Constant(value=1), op=LShift(), right=BinOp(left=Constant(value=2), op=Add(), right=Constant(value=3))))"],
  ["bitwise order", "a|b^c&d", "Expression(body=BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), right=BinOp(left=Name(id='b', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitAnd(), right=Name(id='d', ctx=Load())))))"],
  ["unary chain", "-+~x", "Expression(body=UnaryOp(op=USub(), operand=UnaryOp(op=UAdd(), operand=UnaryOp(op=Invert(), operand=Name(id='x', ctx=Load())))))"],
  ["not under and", "not a and b", "Expression(body=BoolOp(op=And(), values=[UnaryOp(op=Not(), operand=Name(id='a', ctx=Load())), Name(id='b', ctx=Load())]))"],
  ["or under and", "a or b and c", "Expression(body=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), BoolOp(op=And(), values=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())])]))"],
  ["comparison chain", "a < b <= c != d", "Expression(body=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), NotEq()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load())]))"],
  ["not in / is not", "a not in b is not c", "Expression(body=Compare(left=Name(id='a', ctx=Load()), ops=[NotIn(), IsNot()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))"],
  ["conditional", "a if b else c", "Expression(body=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())))"],
  ["nested conditional", "a if b else c if d else e", "Expression(body=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=Load()), orelse=Name(id='e', ctx=Load()))))"],
  ["lambda", "lambda a, /, b=1, *c, d, e=2, **f: a", "Expression(body=Lambda(args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='f'), defaults=[Constant(value=1)]), body=Name(id='a', ctx=Load())))"],
  ["lambda without args", "lambda: 0", "Expression(body=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0)))"],
  ["await", "await x ** 2", "Expression(body=BinOp(left=Await(value=Name(id='x', ctx=Load())), op=Pow(), right=Constant(value=2)))"],
  ["list", "[1, *a, 2]", "Expression(body=List(elts=[Constant(value=1), Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Constant(value=2)], ctx=Load()))"],
  ["empty tuple", "()", "Expression(body=Tuple(elts=[], ctx=Load()))"],
  ["one-tuple", "(x,)", "Expression(body=Tuple(elts=[Name(id='x', ctx=Load())], ctx=Load()))"],
  ["group is not a tuple", "(x)", "Expression(body=Name(id='x', ctx=Load()))"],
  ["bare tuple", "1, 2,", "Expression(body=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))"],
  ["set", "{1, *a}", "Expression(body=Set(elts=[Constant(value=1), Starred(value=Name(id='a', ctx=Load()), ctx=Load())]))"],
  ["dict with unpacking", "{'a': 1, **b}", "Expression(body=Dict(keys=[Constant(value='a'), None], values=[Constant(value=1), Name(id='b', ctx=Load())]))"],
  ["empty dict", "{}", "Expression(body=Dict(keys=[], values=[]))"],
  ["subscript", "a[1]", "Expression(body=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=1), ctx=Load()))"],
  ["slices", "a[1:2, ::3, :]", "Expression(body=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3)), Slice()], ctx=Load()), ctx=Load()))"],
  ["starred subscript", "a[*b]", "Expression(body=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load()))"],
  ["attribute chain call", "a.b.c(1)(2)", "Expression(body=Call(func=Call(func=Attribute(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), attr='c', ctx=Load()), args=[Constant(value=1)], keywords=[]), args=[Constant(value=2)], keywords=[]))"],
  ["call arguments", "f(a, *b, c=1, *d, **e, g=2)", "Expression(body=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load()), Starred(value=Name(id='d', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='e', ctx=Load())), keyword(arg='g', value=Constant(value=2))]))"],
  ["keyword named like a soft keyword", "f(match=1)", "Expression(body=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[keyword(arg='match', value=Constant(value=1))]))"],
  ["generator argument", "f(x for x in y)", "Expression(body=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))"],
  ["list comprehension", "[x for x in y if z for w in x]", "Expression(body=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='z', ctx=Load())], is_async=0), comprehension(target=Name(id='w', ctx=Store()), iter=Name(id='x', ctx=Load()), ifs=[], is_async=0)]))"],
  ["set comprehension", "{x for x in y}", "Expression(body=SetComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))"],
  ["dict comprehension", "{k: v for k, v in items}", "Expression(body=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Name(id='items', ctx=Load()), ifs=[], is_async=0)]))"],
  ["generator expression", "(x async for x in y)", "Expression(body=GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=1)]))"],
  ["comprehension star target", "[a for *a, (b, c) in d]", "Expression(body=ListComp(elt=Name(id='a', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Starred(value=Name(id='a', ctx=Store()), ctx=Store()), Tuple(elts=[Name(id='b', ctx=Store()), Name(id='c', ctx=Store())], ctx=Store())], ctx=Store()), iter=Name(id='d', ctx=Load()), ifs=[], is_async=0)]))"],
  ["walrus in parentheses", "(x := 1)", "Expression(body=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)))"],
  ["walrus in list", "[y := f(x), y**2]", "Expression(body=List(elts=[NamedExpr(target=Name(id='y', ctx=Store()), value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[])), BinOp(left=Name(id='y', ctx=Load()), op=Pow(), right=Constant(value=2))], ctx=Load()))"],
  ["walrus in subscript", "a[x := 1]", "Expression(body=Subscript(value=Name(id='a', ctx=Load()), slice=NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1)), ctx=Load()))"],
  ["walrus argument", "f(x := 1)", "Expression(body=Call(func=Name(id='f', ctx=Load()), args=[NamedExpr(target=Name(id='x', ctx=Store()), value=Constant(value=1))], keywords=[]))"],
  ["yield in parentheses", "(yield x)", "Expression(body=Yield(value=Name(id='x', ctx=Load())))"],
  ["comment and continuation", "f(1, # one\n  2) \\\n + 3", "Expression(body=BinOp(left=Call(func=Name(id='f', ctx=Load()), args=[Constant(value=1), Constant(value=2)], keywords=[]), op=Add(), right=Constant(value=3)))"],
  ["trailing newlines", "f()\n\n", "Expression(body=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[]))"],
  ["form feed", "\ff()", "Expression(body=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[]))"],
  ["repeated keyword is accepted by ast.parse", "f(a=1, a=2)", "Expression(body=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[keyword(arg='a', value=Constant(value=1)), keyword(arg='a', value=Constant(value=2))]))"],
];

const UNPARSE: Array<[string, string, string]> = [
  ["call with list", "np.array([1,2])", "np.array([1, 2])"],
  ["subscript string key", "data['sales']", "data['sales']"],
  ["tuple slice keeps no parens", "a[1,2]", "a[1, 2]"],
  ["slice", "a[1:2:3]", "a[1:2:3]"],
  ["empty slice parts", "a[:, ::2]", "a[:, ::2]"],
  ["constants", "[1_000, 0x10, 1.50, 1e400, 2j, 'it''s', \"a'b\", b'\\x00', None, ...]", "[1000, 16, 1.5, 1e309, 2j, 'its', \"a'b\", b'\\x00', None, ...]"],
  ["string quoting", "['a\"b', \"a'b\", 'a\\'b\"c']", "['a\"b', \"a'b\", 'a\\'b\"c']"],
  ["u prefix kept", "u'x'", "u'x'"],
  ["binop parentheses", "(a + b) * c ** -d", "(a + b) * c ** (-d)"],
  ["right-associative power", "(a ** b) ** c", "(a ** b) ** c"],
  ["left-associative minus", "a - (b - c)", "a - (b - c)"],
  ["unary of power", "(-a) ** 2", "(-a) ** 2"],
  ["not", "not (a and b)", "not (a and b)"],
  ["comparison", "(a < b) == c", "(a < b) == c"],
  ["conditional", "(a if b else c)(d)", "(a if b else c)(d)"],
  ["lambda", "f(lambda x, *, y=1: x)", "f(lambda x, *, y=1: x)"],
  ["keywords and starred", "f(a, *b, c=1, **d)", "f(a, *b, c=1, **d)"],
  ["dict unpacking", "{**a, 'b': (1,)}", "{**a, 'b': (1,)}"],
  ["empty set", "{*()}", "{*()}"],
  ["comprehension", "[x for x in (1, 2) if x]", "[x for x in (1, 2) if x]"],
  ["generator argument", "f(x for x in y)", "f((x for x in y))"],
  ["attribute of int", "1 .real", "1 .real"],
  ["walrus", "(x := 1)", "(x := 1)"],
  ["f-string", "f'{x!r:>{w}}\\n'", "f'{x!r:>{w}}\\n'"],
  ["f-string quotes", "f'{\"a\"}' \"'\"", "f\"{'a'}'\""],
  ["await and yield", "[await x, (yield y)]", "[await x, (yield y)]"],
  ["starred tuple", "(*a, b)", "(*a, b)"],
];

const LITERAL_READBACK: Array<[string, string, string]> = [
  ["nested repr", "[{'f': {'a': 1, 'b': (1.0, None)}}]", "[{'f': {'a': 1, 'b': (1.0, None)}}]"],
  ["special floats", "[inf, -inf, nan, -0.0, 1e+300]", "[inf, -inf, nan, -0.0, 1e+300]"],
  ["complex reprs", "[1j, (1+2j), (-0-1j), -0j, infj, (inf-infj)]", "[1j, (1+2j), (-0-1j), -0j, infj, (inf-infj)]"],
  ["bytes and sets", "[b'\\x00\\xff', {1, 2}, set()]", "[b'\\x00\\xff', {1, 2}, set()]"],
  ["unary on ints", "(-1, +2)", "(-1, 2)"],
  ["bool and None keys", "{True: None, None: False}", "{True: None, None: False}"],
];


const ERRORS: Array<[string, string, string]> = [
  ["unmatched closing parenthesis", "f(a=1))", "unmatched ')' (1:6)"],
  ["never closed", "[f(a=1)", "'[' was never closed (1:0)"],
  ["mismatched bracket", "[f(a=1)}", "closing parenthesis '}' does not match opening parenthesis '[' (1:7)"],
  ["leading zeros", "01", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers (1:0)"],
  ["leading zeros with underscore", "0_7", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers (1:0)"],
  ["double underscore in number", "1__0", "invalid decimal literal (1:2)"],
  ["trailing underscore in number", "1_", "invalid decimal literal (1:2)"],
  ["letter after number", "1fo", "invalid decimal literal (1:1)"],
  ["exponent without digits", "1e", "invalid decimal literal (1:1)"],
  ["bad octal digit", "0o8", "invalid digit '8' in octal literal (1:2)"],
  ["empty hex", "0x", "invalid hexadecimal literal (1:2)"],
  ["unterminated string", "'abc", "unterminated string literal (1:0)"],
  ["newline in single-quoted string", "'a\nb'", "unterminated string literal (1:0)"],
  ["unterminated triple-quoted string", "'''abc", "unterminated triple-quoted string literal (1:0)"],
  ["truncated hex escape", "'\\x4'", "(unicode error) truncated \\xXX escape (1:1)"],
  ["truncated unicode escape", "'\\u12'", "(unicode error) truncated \\uXXXX escape (1:1)"],
  ["code point beyond Unicode", "'\\U00110000'", "(unicode error) illegal Unicode character (1:1)"],
  ["malformed named escape", "'\\N'", "(unicode error) malformed \\N character escape (1:1)"],
  ["named escape missing from the table", "'\\N{LATIN SMALL LETTER SHARP S WITH DOT}'", "(unicode error) unknown Unicode character name 'LATIN SMALL LETTER SHARP S WITH DOT' (toolgrade knows only a small table of \\N{} names) (1:1)"],
  ["non-ASCII in bytes", "b'é'", "bytes can only contain ASCII literal characters (1:2)"],
  ["bad bytes hex escape", "b'\\x4'", "(value error) invalid \\x escape at position 0 (1:2)"],
  ["bytes mixed with str", "'a' b'b'", "cannot mix bytes and nonbytes literals (1:4)"],
  ["invalid character", "f(a=1)，g()", "invalid character '，' (U+FF0C) (1:6)"],
  ["invalid non-printable character", "a​b", "invalid non-printable character U+200B (1:1)"],
  ["unexpected indent", " f()", "unexpected indent (1:1)"],
  ["indented line after the expression", "f()\n  g()", "unexpected indent (2:2)"],
  ["second line", "[f()]\n[g()]", "unexpected '[' (2:0)"],
  ["character after line continuation", "1 \\ + 2", "unexpected character after line continuation character (1:2)"],
  ["continuation at end of input", "1 + \\\n", "unexpected EOF while parsing (2:0)"],
  ["positional after keyword", "f(a=1, 2)", "positional argument follows keyword argument (1:7)"],
  ["positional after keyword unpacking", "f(**a, 2)", "positional argument follows keyword argument unpacking (1:7)"],
  ["iterable unpacking after keyword unpacking", "f(**a, *b)", "iterable argument unpacking follows keyword argument unpacking (1:7)"],
  ["keyword is a Python keyword", "f(if=1)", "unexpected 'if', expected a name (1:2)"],
  ["keyword is True", "f(True=1)", "expression cannot contain assignment, perhaps you meant \"==\"? (1:2)"],
  ["keyword that is an attribute", "f(a.b=1)", "expression cannot contain assignment, perhaps you meant \"==\"? (1:2)"],
  ["unparenthesized generator with other arguments", "f(x for x in y, 1)", "Generator expression must be parenthesized (1:2)"],
  ["starred top-level", "*a, b", "unexpected '*' (1:0)"],
  ["starred group", "(*a)", "cannot use starred expression here (1:1)"],
  ["walrus at top level", "x := 1", "unexpected ':=' (1:2)"],
  ["walrus on attribute", "(a.b := 1)", "cannot use assignment expressions with this target (1:1)"],
  ["walrus as dict key", "{a := 1: 2}", "cannot use an assignment expression as a dictionary key (1:1)"],
  ["missing else", "a if b", "unexpected end of input, expected 'else' (1:6)"],
  ["lambda default order", "lambda a=1, b: 0", "non-default argument follows default argument (1:12)"],
  ["bare star without names", "lambda *: 0", "named arguments must follow bare * (1:7)"],
  ["argument after **kwargs", "lambda **k, a: 0", "arguments cannot follow var-keyword argument (1:12)"],
  ["assign to a call in a comprehension", "[x for f() in y]", "cannot assign to function call (1:7)"],
  ["yield outside parentheses", "[yield]", "unexpected 'yield', expected a name (1:1)"],
  ["empty subscript", "a[]", "unexpected ']' (1:2)"],
  ["keyword as attribute", "a.if", "unexpected 'if', expected a name (1:2)"],
  ["semicolon", "f();", "unexpected ';' (1:3)"],
  ["augmented assignment", "a += 1", "unexpected '+=' (1:2)"],
  ["null byte", "f(\u0000)", "source code string cannot contain null bytes (1:2)"],
  ["f-string empty field", "f'{}'", "f-string: empty expression not allowed (1:3)"],
  ["f-string single closing brace", "f'}'", "f-string: single '}' is not allowed (1:2)"],
  ["f-string backslash in field", "f'{\"\\n\"}'", "f-string expression part cannot include a backslash (1:4)"],
  ["f-string comment in field", "f'{x#}'", "f-string expression part cannot include '#' (1:4)"],
  ["f-string bad conversion", "f'{x!z}'", "f-string: invalid conversion character: expected 's', 'r', or 'a' (1:5)"],
  ["f-string nested too deeply", "f'{x:{y:{z}}}'", "f-string: expressions nested too deeply (1:8)"],
  ["f-string bad field expression", "f'{a b}'", "unexpected 'b', expected ',' (1:5)"],
  ["lone comma argument", "f(,)", "unexpected ',' (1:2)"],
];

describe("parsePythonExpression", () => {
  it.each(LITERALS)("literal: %s", (_name, src, expected) => {
    expect(dumpOf(src)).toBe(expected);
  });

  it.each(STRUCTURE)("structure: %s", (_name, src, expected) => {
    expect(dumpOf(src)).toBe(expected);
  });

  it.each(ERRORS)("rejects: %s", (_name, src, message) => {
    const r = parsePythonExpression(src);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe(message);
  });

  it("reports offset, line and column", () => {
    const r = parsePythonExpression("[f(a=1),\n g(b=2))]");
    expect(r).toEqual({ ok: false, error: { message: "closing parenthesis ')' does not match opening parenthesis '[' (2:7)", offset: 16, line: 2, col: 7 } });
  });

  it("gives every node its source span", () => {
    const r = parsePythonExpression("f(a=1, b=[2])");
    expect(r.ok && r.node.type === "Call" && r.node.keywords.map((k) => [k.start, k.end, k.value.start, k.value.end])).toEqual([
      [2, 5, 4, 5],
      [7, 12, 9, 12],
    ]);
  });
});

describe("parsePythonExpression limits", () => {
  const error = (src: string, options?: Parameters<typeof parsePythonExpression>[1]) => {
    const r = parsePythonExpression(src, options);
    return r.ok ? "ok" : r.error.message;
  };
  it.each([
    ["200 nested brackets parse", "[".repeat(200) + "]".repeat(200), "ok"],
    ["201 nested brackets fail as in CPython", "[".repeat(201) + "]".repeat(201), "too many nested parentheses (1:200)"],
    ["100,000 open brackets fail without recursion", "[".repeat(100_000), "too many nested parentheses (1:200)"],
    ["2,900 unary minus signs parse", "-".repeat(2900) + "1", "ok"],
    ["100,000 unary minus signs fail", "-".repeat(100_000) + "1", "expression nested too deeply (more than 2976 levels) (1:0)"],
    ["100,000 chained additions fail", "1+".repeat(100_000) + "1", "expression nested too deeply (more than 2976 levels) (1:0)"],
    ["a source over the default size limit fails", "lambda:".repeat(200_000) + "1", "source is longer than the limit of 1000000 characters (1:1000000)"],
    ["30,000 nested lambdas fail", "lambda:".repeat(30_000) + "1", "expression nested too deeply (1:22232)"],
    ["100,000 power operators fail", "2**".repeat(100_000) + "1", "expression nested too deeply (1:9525)"],
  ])("%s", (_name, src, expected) => {
    expect(error(src)).toBe(expected);
  });

  it.each([
    ["maxBracketDepth", "[[1]]", { maxBracketDepth: 1 }, "too many nested parentheses (1:1)"],
    ["maxDepth", "-(-1)", { maxDepth: 3 }, "expression nested too deeply (more than 3 levels) (1:0)"],
    ["maxLength", "f(a=1)", { maxLength: 5 }, "source is longer than the limit of 5 characters (1:5)"],
  ])("option %s", (_name, src, options, expected) => {
    expect(error(src, options)).toBe(expected);
  });
});

describe("unparse", () => {
  it.each(UNPARSE)("%s", (_name, src, expected) => {
    expect(unparseOf(src)).toBe(expected);
  });

  it("refuses ints CPython will not write in decimal", () => {
    const r = parsePythonExpression("0x" + "f".repeat(4000));
    expect(r.ok && tryUnparse(r.node)).toEqual({ ok: false, error: "ValueError: Exceeds the limit (4300 digits) for integer string conversion" });
  });
});

describe("parsePythonLiteral", () => {
  it.each(LITERAL_READBACK)("reads back %s", (_name, src, repr) => {
    const r = parsePythonLiteral(src);
    expect(r.ok && pyRepr(r.value)).toBe(repr);
  });

  it.each([
    ["a name", "x", "name 'x' is not a literal (1:0)"],
    ["a call", "f(1)", "Call is not a literal (1:0)"],
    ["an operation", "1 + 2", "BinOp is not a literal (1:0)"],
    ["dict unpacking", "{**a}", "'**' in a dict is not a literal (1:0)"],
    ["Ellipsis", "[...]", "Ellipsis is not a value (1:1)"],
    ["a syntax error", "[1,", "'[' was never closed (1:0)"],
  ])("rejects %s", (_name, src, message) => {
    const r = parsePythonLiteral(src);
    expect(r.ok ? "ok" : r.error.message).toBe(message);
  });
});
