/**
 * Evaluates the expressions BFCL hands to Python's `eval` (a `BinOp` argument value becomes
 * `ast.unparse(node)`, which is then evaluated) without evaluating code: a tree walk over
 * literals, containers and operators with Python's semantics (pyArith.ts, pyCompare.ts).
 *
 * Deliberate limit: under BFCL, `eval` runs in the decoder's module, so a name, call or attribute
 * inside the expression can reach Python's builtins and that module's globals
 * (`round(3.14159, 2) * 100` evaluates there). Here any name, call, attribute, lambda, f-string,
 * comprehension or walrus fails, as an undefined name would. In practice model outputs use such
 * expressions with their own function names, which fail under BFCL too (NameError).
 */
import type { Expr, Slice } from "../parse/python/ast.js";
import { ELLIPSIS } from "../parse/python/ast.js";
import { DictBuilder, uniqueItems } from "../value/hashKey.js";
import { PyBytes, PyDict, PySet, PyTuple, kindOf, type Value } from "../value/value.js";
import { Budget, binaryOp, truthy, unaryOp } from "./pyArith.js";
import { compare, requireHashable } from "./pyCompare.js";
import { PyError } from "./pyError.js";

/**
 * The value Python's `eval` gives for a literal expression; throws {@link PyError} where Python
 * raises or where evaluation is not supported (see the module comment).
 *
 * @example evalExpression(parse("[1, 2] * 2 + [3]"), budget) // [1n, 2n, 1n, 2n, 3n]
 * @example evalExpression(parse("7 // -2 + 2 ** -1"), budget) // -3.5
 * @example evalExpression(parse("round(2.5) * 2"), budget) // throws PyError (calls are not evaluated)
 */
export function evalExpression(node: Expr, budget: Budget): Value {
  switch (node.type) {
    case "Constant":
      if (node.value === ELLIPSIS) throw new PyError("Unsupported", "Ellipsis has no value in toolgrade's value model");
      return node.value;
    case "UnaryOp":
      return unaryOp(node.op, evalExpression(node.operand, budget));
    case "BinOp": {
      const left = evalExpression(node.left, budget);
      return binaryOp(node.op, left, evalExpression(node.right, budget), budget);
    }
    case "BoolOp": {
      let v: Value = null;
      for (const operand of node.values) {
        v = evalExpression(operand, budget);
        if (truthy(v) === (node.op === "Or")) return v;
      }
      return v;
    }
    case "Compare": {
      let left = evalExpression(node.left, budget);
      for (let i = 0; i < node.ops.length; i++) {
        const right = evalExpression(node.comparators[i]!, budget);
        if (!compare(node.ops[i]!, left, right)) return false;
        left = right;
      }
      return true;
    }
    case "IfExp":
      return evalExpression(truthy(evalExpression(node.test, budget)) ? node.body : node.orelse, budget);
    case "List":
      return elements(node.elts, budget);
    case "Tuple":
      return new PyTuple(elements(node.elts, budget));
    case "Set": {
      const all = elements(node.elts, budget);
      all.forEach(requireHashable);
      return new PySet(uniqueItems(all)!);
    }
    case "Dict": {
      const d = new DictBuilder();
      node.keys.forEach((k, i) => {
        if (k === null) {
          const m = evalExpression(node.values[i]!, budget);
          if (!(m instanceof PyDict)) throw new PyError("TypeError", `'${kindOf(m)}' object is not a mapping`);
          for (const [mk, mv] of m.entries) d.set(mk, mv);
          return;
        }
        const key = evalExpression(k, budget);
        const value = evalExpression(node.values[i]!, budget);
        requireHashable(key);
        d.set(key, value);
      });
      budget.spend(d.size);
      return d.toDict();
    }
    case "Subscript":
      return subscript(evalExpression(node.value, budget), node.slice, budget);
    case "Name":
      throw new PyError("NameError", `name '${node.id}' is not defined (toolgrade does not evaluate names)`);
    default:
      throw new PyError("Unsupported", `toolgrade does not evaluate ${node.type} inside an arithmetic expression`);
  }
}

/** Display elements, with `*iterable` unpacked. */
function elements(elts: readonly Expr[], budget: Budget): Value[] {
  const out: Value[] = [];
  for (const e of elts) {
    if (e.type === "Starred") for (const x of iterate(evalExpression(e.value, budget))) out.push(x);
    else out.push(evalExpression(e, budget));
  }
  budget.spend(out.length);
  return out;
}

/** Python's iteration over a value. */
function iterate(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof PyTuple || v instanceof PySet) return v.items;
  if (v instanceof PyDict) return v.keys();
  if (typeof v === "string") return Array.from(v);
  if (v instanceof PyBytes) return Array.from(v.bytes, (b) => BigInt(b));
  throw new PyError("TypeError", `'${kindOf(v)}' object is not iterable`);
}

function subscript(container: Value, sliceNode: Expr, budget: Budget): Value {
  if (sliceNode.type === "Slice") return sliceOf(container, sliceNode, budget);
  const key = evalExpression(sliceNode, budget);
  if (container instanceof PyDict) {
    requireHashable(key);
    const v = container.get(key);
    if (v === undefined) throw new PyError("KeyError", kindOf(key));
    return v;
  }
  const seq = sequenceView(container);
  const index = indexValue(key, container);
  const i = index < 0n ? index + BigInt(seq.length) : index;
  if (i < 0n || i >= BigInt(seq.length)) throw new PyError("IndexError", `${kindOf(container)} index out of range`);
  return seq[Number(i)]!;
}

/** The items of a subscriptable sequence (str by code point, bytes as ints). */
function sequenceView(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (v instanceof PyTuple) return v.items;
  if (typeof v === "string") return Array.from(v);
  if (v instanceof PyBytes) return Array.from(v.bytes, (b) => BigInt(b));
  throw new PyError("TypeError", `'${kindOf(v)}' object is not subscriptable`);
}

function indexValue(key: Value, container: Value): bigint {
  if (typeof key === "bigint") return key;
  if (typeof key === "boolean") return key ? 1n : 0n;
  throw new PyError("TypeError", `${kindOf(container)} indices must be integers or slices, not ${kindOf(key)}`);
}

function sliceOf(container: Value, node: Slice, budget: Budget): Value {
  const seq = sequenceView(container);
  const bound = (e: Expr | null): bigint | null => {
    if (e === null) return null;
    const v = evalExpression(e, budget);
    if (v === null) return null;
    if (typeof v === "bigint") return v;
    if (typeof v === "boolean") return v ? 1n : 0n;
    throw new PyError("TypeError", "slice indices must be integers or None or have an __index__ method");
  };
  const lower = bound(node.lower);
  const upper = bound(node.upper);
  const step = bound(node.step) ?? 1n;
  if (step === 0n) throw new PyError("ValueError", "slice step cannot be zero");
  const picked = sliceIndices(seq.length, lower, upper, step).map((i) => seq[i]!);
  budget.spend(picked.length);
  if (Array.isArray(container)) return picked;
  if (container instanceof PyTuple) return new PyTuple(picked);
  if (typeof container === "string") return (picked as string[]).join("");
  return new PyBytes(Uint8Array.from(picked as bigint[], Number));
}

/** CPython's `PySlice_AdjustIndices`, then the selected positions. */
function sliceIndices(length: number, lower: bigint | null, upper: bigint | null, step: bigint): number[] {
  const len = BigInt(length);
  const adjust = (v: bigint | null, dflt: bigint, lo: bigint, hi: bigint): bigint => {
    if (v === null) return dflt;
    if (v < 0n) {
      v += len;
      return v < lo ? lo : v;
    }
    return v > hi ? hi : v;
  };
  const out: number[] = [];
  if (step > 0n) {
    const start = adjust(lower, 0n, 0n, len);
    const stop = adjust(upper, len, 0n, len);
    for (let i = start; i < stop; i += step) out.push(Number(i));
  } else {
    const start = adjust(lower, len - 1n, -1n, len - 1n);
    const stop = adjust(upper, -1n, -1n, len - 1n);
    for (let i = start; i > stop; i += step) out.push(Number(i));
  }
  return out;
}
