/**
 * Reads Python literals, in particular the `repr()` of Python values, back into the value model:
 * `"[{'f': {'a': 1, 'b': (1.0, None)}}]"` → `[PyDict {f: PyDict {a: 1n, b: PyTuple [1.0, null]}}]`.
 *
 * Beyond `ast.literal_eval`'s literals it reads what `repr` writes for special floats and
 * complex numbers (`inf`, `nan`, `(1+2j)`, `(-0-1j)`, `infj`) and `set()`.
 */
import { PyComplex, PySet, PyTuple, type Value } from "../../value/value.js";
import type { Expr } from "./ast.js";
import { ELLIPSIS } from "./ast.js";
import { syntaxError, type PySyntaxError } from "./errors.js";
import { DictBuilder, uniqueItems } from "../../value/hashKey.js";
import { parsePythonExpression, type ParseOptions } from "./parser.js";

export type LiteralResult = { ok: true; value: Value } | { ok: false; error: PySyntaxError };

/**
 * The value of a pure literal tree, or an error naming the first node that is not one.
 *
 * @example literalValue(parse("(1, -2.5, 'a')")) // {ok: true, value: PyTuple [1n, -2.5, "a"]}
 */
export function literalValue(node: Expr, src = ""): LiteralResult {
  try {
    return { ok: true, value: read(node) };
  } catch (e) {
    if (e instanceof NotLiteral) return { ok: false, error: syntaxError(src, e.message, e.node.start) };
    throw e;
  }
}

/**
 * Parses `src` and reads it as a literal.
 *
 * @example parsePythonLiteral("{'a': [1, 2.0, None], 'b': (True,)}") // ok: PyDict {a: [1n, 2, null], b: PyTuple [true]}
 * @example parsePythonLiteral("[inf, -nan, (1-2j)]") // ok: [Infinity, NaN, PyComplex(1, -2)]
 */
export function parsePythonLiteral(src: string, options?: ParseOptions): LiteralResult {
  const parsed = parsePythonExpression(src, options);
  return parsed.ok ? literalValue(parsed.node, src) : parsed;
}

class NotLiteral {
  constructor(
    readonly message: string,
    readonly node: Expr,
  ) {}
}

const SPECIAL_FLOATS: Readonly<Record<string, number>> = { inf: Infinity, nan: NaN };

function read(node: Expr): Value {
  switch (node.type) {
    case "Constant":
      if (node.value === ELLIPSIS) throw new NotLiteral("Ellipsis is not a value", node);
      return node.value;
    case "List":
      return node.elts.map(read);
    case "Tuple":
      return new PyTuple(node.elts.map(read));
    case "Set":
      return new PySet(uniqueItems(node.elts.map(read)) ?? fail(node, "a set item is unhashable"));
    case "Dict": {
      const d = new DictBuilder();
      node.keys.forEach((k, i) => {
        if (k === null) throw new NotLiteral("'**' in a dict is not a literal", node);
        if (!d.set(read(k), read(node.values[i]!))) fail(k, "a dict key is unhashable");
      });
      return d.toDict();
    }
    case "Name": {
      const special = specialNumber(node.id);
      if (special === undefined) throw new NotLiteral(`name '${node.id}' is not a literal`, node);
      return special;
    }
    case "UnaryOp": {
      if (node.op !== "USub" && node.op !== "UAdd") break;
      const v = read(node.operand);
      const sign = node.op === "USub" ? -1 : 1;
      if (typeof v === "bigint") return sign < 0 ? -v : v;
      if (typeof v === "number") return sign * v;
      // `-3j` is what repr writes for complex(0.0, -3.0): the real part stays +0.0.
      if (v instanceof PyComplex && isBareImaginary(node.operand)) return new PyComplex(v.real, sign * v.imag);
      break;
    }
    case "BinOp":
      return complexLiteral(node.left, node.op, node.right) ?? fail(node);
    case "Call":
      if (node.func.type === "Name" && node.func.id === "set" && node.args.length === 0 && node.keywords.length === 0) {
        return new PySet([]);
      }
      break;
  }
  return fail(node);
}

function fail(node: Expr, reason = `${node.type} is not a literal`): never {
  throw new NotLiteral(reason, node);
}

/** `inf`, `nan` (floats) and `infj`, `nanj` (imaginary), as repr writes them. */
function specialNumber(id: string): number | PyComplex | undefined {
  if (id in SPECIAL_FLOATS) return SPECIAL_FLOATS[id];
  if (id.endsWith("j") && id.slice(0, -1) in SPECIAL_FLOATS) return new PyComplex(0, SPECIAL_FLOATS[id.slice(0, -1)]!);
  return undefined;
}

function isBareImaginary(node: Expr): boolean {
  return (node.type === "Constant" && node.value instanceof PyComplex) || (node.type === "Name" && specialNumber(node.id) instanceof PyComplex);
}

/** `(re+imj)` / `(re-imj)`, read by structure so signed zeros survive: `(-0-1j)` is complex(-0.0, -1.0). */
function complexLiteral(left: Expr, op: string, right: Expr): PyComplex | undefined {
  if ((op !== "Add" && op !== "Sub") || !isBareImaginary(right)) return undefined;
  const imag = (read(right) as PyComplex).imag;
  let sign = 1;
  let realNode = left;
  if (realNode.type === "UnaryOp" && (realNode.op === "USub" || realNode.op === "UAdd")) {
    sign = realNode.op === "USub" ? -1 : 1;
    realNode = realNode.operand;
  }
  let real: number;
  if (realNode.type === "Constant" && (typeof realNode.value === "bigint" || typeof realNode.value === "number")) {
    real = Number(realNode.value);
  } else if (realNode.type === "Name" && typeof specialNumber(realNode.id) === "number") {
    real = specialNumber(realNode.id) as number;
  } else return undefined;
  return new PyComplex(sign * real, op === "Sub" ? -imag : imag);
}
