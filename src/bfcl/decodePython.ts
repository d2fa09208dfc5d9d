/**
 * BFCL's prompt-mode Python decoder, reproduced exactly (bfcl-ast-spec §4.1):
 * `default_decode_ast_prompting` (strip, add brackets), `ast_parse` (parse as a Python expression,
 * one call or a list of calls) and `resolve_ast_call` / `resolve_ast_by_type` (turn each call into
 * `{name: {keyword: value}}`).
 *
 * Plain call lists (keywords and literal values only: most answers) are read by a single scan,
 * fastReadPython, which gives the same value; everything else goes through the Python parser.
 *
 * Its quirks are kept on purpose, because BFCL's verdicts depend on them: positional arguments
 * are dropped, `**d` becomes the key None, any unary operator negates a literal (`+5` → -5,
 * `not True` → -1), a binary operation is evaluated as Python would (`5*2` → 10), a bare name
 * becomes its own text, and calls without keywords and subscripts become source text.
 */
import type { Call, Expr } from "../parse/python/ast.js";
import { ELLIPSIS } from "../parse/python/ast.js";
import { fastReadPython } from "../parse/fastRead.js";
import { DictBuilder } from "../value/hashKey.js";
import { parsePythonExpression } from "../parse/python/parser.js";
import { tryUnparse } from "../parse/python/unparse.js";
import { PyComplex, PyDict, PyTuple, type Value } from "../value/value.js";
import { evalExpression } from "./evalExpression.js";
import { Budget, DEFAULT_BUDGET } from "./pyArith.js";
import { requireHashable } from "./pyCompare.js";
import { PyError } from "./pyError.js";
import { bfclBracketText } from "./promptText.js";

export type PythonDecodeResult = { ok: true; value: Value } | { ok: false; error: string };

/**
 * Decodes a prompt-mode model answer as BFCL does. The value is a list of one-key dicts,
 * `[{name: {keyword: value}}]`; the error is the Python exception BFCL's decoder would raise.
 *
 * @example decodeBfclPython("[get_weather(city='Paris', days=+3), f(1, x=np.array([1,2]))]")
 * // {ok: true, value: [{'get_weather': {'city': 'Paris', 'days': -3}}, {'f': {'x': 'np.array([1, 2])'}}]}
 * @example decodeBfclPython("```python\n[f(a=1)]\n```") // {ok: false, error: "SyntaxError: …"}
 */
export function decodeBfclPython(text: string): PythonDecodeResult {
  const cleaned = stripChars(stripPythonWhitespace(bfclBracketText(text)), "'");
  const plain = fastReadPython(cleaned);
  if (plain) return { ok: true, value: plain.map((c) => new PyDict([[c.name, new PyDict([...c.args])]])) };
  return decodeParsed(cleaned);
}

/** The decoder's full path, through the Python parser; exported for the test that holds the fast path to it. */
export function decodeBfclPythonParsed(text: string): PythonDecodeResult {
  return decodeParsed(stripChars(stripPythonWhitespace(bfclBracketText(text)), "'"));
}

function decodeParsed(cleaned: string): PythonDecodeResult {
  const parsed = parsePythonExpression(cleaned);
  if (!parsed.ok) return { ok: false, error: `SyntaxError: ${parsed.error.message}` };
  try {
    const body = parsed.node;
    const budget = new Budget(DEFAULT_BUDGET);
    if (body.type === "Call") return { ok: true, value: [resolveCall(body, budget)] };
    if (body.type !== "List" && body.type !== "Tuple" && body.type !== "Set") {
      throw new PyError("AttributeError", `'${body.type}' object has no attribute 'elts'`);
    }
    const calls: Value[] = [];
    for (const elem of body.elts) {
      if (elem.type !== "Call") throw new PyError("AssertionError", `element is a ${elem.type}, not a Call`);
      calls.push(resolveCall(elem, budget));
    }
    return { ok: true, value: calls };
  } catch (e) {
    if (e instanceof PyError) return { ok: false, error: e.message };
    if (e instanceof RangeError) return { ok: false, error: "RecursionError: maximum recursion depth exceeded" };
    throw e;
  }
}

/** `resolve_ast_call`: `{dotted.name: {keyword: value}}`, keywords only. */
function resolveCall(call: Call, budget: Budget): PyDict {
  const parts: string[] = [];
  let f = call.func;
  while (f.type === "Attribute") {
    parts.push(f.attr);
    f = f.value;
  }
  // A chain that starts at a call or subscript keeps only its attribute names: a().b(x=1) is "b".
  if (f.type === "Name") parts.push(f.id);
  const args = new DictBuilder();
  for (const kw of call.keywords) args.set(kw.arg, resolve(kw.value, budget));
  return new PyDict([[parts.reverse().join("."), args.toDict()]]);
}

/** `resolve_ast_by_type`. */
function resolve(node: Expr, budget: Budget): Value {
  switch (node.type) {
    case "Constant":
      return node.value === ELLIPSIS ? "..." : node.value;
    case "UnaryOp":
      return negateOperand(node.operand);
    case "List":
      return node.elts.map((e) => resolve(e, budget));
    case "Dict": {
      const d = new DictBuilder();
      node.keys.forEach((k, i) => {
        if (k === null) throw new PyError("Exception", "Unsupported AST type: <class 'NoneType'>");
        const key = resolve(k, budget);
        const value = resolve(node.values[i]!, budget);
        requireHashable(key);
        d.set(key, value);
      });
      return d.toDict();
    }
    case "BinOp":
      return evaluateLikeEval(node, budget);
    case "Name":
      return node.id;
    case "Call":
      return node.keywords.length === 0 ? sourceText(node) : resolveCall(node, budget);
    case "Tuple":
      return new PyTuple(node.elts.map((e) => resolve(e, budget)));
    case "Subscript":
      return `${sourceText(node.value)}[${sourceText(node.slice)}]`;
    case "Lambda":
      // BFCL reads `value.body[0]`, which raises for every lambda.
      throw new PyError("TypeError", `'${node.body.type}' object is not subscriptable`);
    default:
      throw new PyError("Exception", `Unsupported AST type: <class 'ast.${node.type}'>`);
  }
}

/**
 * BFCL's `-value.operand.value`: whatever the operator, the operand's `.value` is negated.
 * Only a constant has a plain value; other nodes either lack `.value` or hold a node there.
 */
function negateOperand(operand: Expr): Value {
  if (operand.type !== "Constant") {
    if (HAS_VALUE_FIELD.has(operand.type)) throw new PyError("TypeError", `bad operand type for unary -: '${operand.type}'`);
    throw new PyError("AttributeError", `'${operand.type}' object has no attribute 'value'`);
  }
  const v = operand.value;
  if (typeof v === "bigint") return -v;
  if (typeof v === "boolean") return v ? -1n : 0n;
  if (typeof v === "number") return -v;
  if (v instanceof PyComplex) return new PyComplex(-v.real, -v.imag);
  const kind = v === null ? "NoneType" : v === ELLIPSIS ? "ellipsis" : typeof v === "string" ? "str" : "bytes";
  throw new PyError("TypeError", `bad operand type for unary -: '${kind}'`);
}

const HAS_VALUE_FIELD: ReadonlySet<string> = new Set([
  "Attribute",
  "Subscript",
  "Starred",
  "NamedExpr",
  "Await",
  "Yield",
  "YieldFrom",
  "FormattedValue",
  "DictComp",
]);

/** `ast.unparse(node)`, where CPython's ValueError becomes a decode failure. */
function sourceText(node: Expr): string {
  const r = tryUnparse(node);
  if (!r.ok) throw new PyError("ValueError", r.error);
  return r.text;
}

/** Python's `eval` on `ast.unparse(node)`: render, parse the text again, then evaluate it (evalExpression.ts). */
function evaluateLikeEval(node: Expr, budget: Budget): Value {
  const reparsed = parsePythonExpression(sourceText(node));
  if (!reparsed.ok) throw new PyError("SyntaxError", reparsed.error.message);
  return evalExpression(reparsed.node, budget);
}

/** Python's `str.strip()` with no argument: Unicode whitespace, as `str.isspace()` defines it. */
function stripPythonWhitespace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isPythonSpace(s.charCodeAt(start))) start++;
  while (end > start && isPythonSpace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

function isPythonSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    (c >= 0x1c && c <= 0x20) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Python's `s.strip(chars)` for a one-character set. */
function stripChars(s: string, ch: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && s[start] === ch) start++;
  while (end > start && s[end - 1] === ch) end--;
  return s.slice(start, end);
}
