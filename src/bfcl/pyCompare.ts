/**
 * Python's comparison operators on the value model: `==` across numeric kinds, exact int/float
 * ordering (`2**53 + 1 > 2.0**53`), code-point order for str, lexicographic order for lists and
 * tuples, subset order for sets, and `in`.
 */
import type { CmpOperator } from "../parse/python/ast.js";
import { PyBytes, PyDict, PySet, PyTuple, kindOf, pyEquals, pyIn, type Value } from "../value/value.js";
import { PyError } from "./pyError.js";

const SYMBOL: Readonly<Record<string, string>> = { Lt: "<", LtE: "<=", Gt: ">", GtE: ">=" };

/**
 * `a <op> b`.
 *
 * @example compare("Lt", [1n, 2n], [1n, 3n]) // true
 */
export function compare(op: CmpOperator, a: Value, b: Value): boolean {
  switch (op) {
    case "Eq":
      return pyEquals(a, b);
    case "NotEq":
      return !pyEquals(a, b);
    case "In":
      return contains(b, a);
    case "NotIn":
      return !contains(b, a);
    case "Is":
    case "IsNot":
      return identical(a, b) === (op === "Is");
    default: {
      const seqs = sequencePair(a, b);
      if (seqs) {
        const [xs, ys] = seqs;
        const n = Math.min(xs.length, ys.length);
        // Python compares the first unequal pair with the operator itself, else the lengths.
        for (let i = 0; i < n; i++) if (!pyEquals(xs[i]!, ys[i]!)) return compare(op, xs[i]!, ys[i]!);
        return compare(op, BigInt(xs.length), BigInt(ys.length));
      }
      const c = order(op, a, b);
      switch (op) {
        case "Lt":
          return c < 0;
        case "LtE":
          return c <= 0;
        case "Gt":
          return c > 0;
        default:
          return c >= 0;
      }
    }
  }
}

/**
 * Python's `a is b` for values that came from one expression (no names): the singletons, the
 * cached small ints, and unequal values are certain; a list, dict or set display is always a new
 * object. Two equal constants of another kind may or may not be one object after CPython's
 * constant folding, so that case is refused.
 */
function identical(a: Value, b: Value): boolean {
  if (a === null || b === null || typeof a === "boolean" || typeof b === "boolean") return a === b;
  if (kindOf(a) !== kindOf(b) || !pyEquals(a, b)) return false;
  if (Array.isArray(a) || a instanceof PyDict || a instanceof PySet) return false;
  if (typeof a === "bigint" && a >= -5n && a <= 256n) return true;
  throw new PyError("Unsupported", "toolgrade cannot tell whether two equal constants are one object");
}

/** -1, 0, 1, or NaN when unordered (a NaN operand, incomparable sets). */
function order(op: CmpOperator, a: Value, b: Value): number {
  const x = real(a);
  const y = real(b);
  if (x !== undefined && y !== undefined) return compareReals(x, y);
  if (typeof a === "string" && typeof b === "string") return compareCodePoints(a, b);
  if (a instanceof PySet && b instanceof PySet) {
    const sub = a.items.every((x) => pyIn(x, b.items));
    const sup = b.items.every((x) => pyIn(x, a.items));
    return sub && sup ? 0 : sub ? -1 : sup ? 1 : NaN;
  }
  throw new PyError("TypeError", `'${SYMBOL[op]}' not supported between instances of '${kindOf(a)}' and '${kindOf(b)}'`);
}

function real(v: Value): bigint | number | undefined {
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (typeof v === "bigint" || typeof v === "number") return v;
  return undefined;
}

function sign(d: bigint): number {
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** Exact comparison, as CPython compares an int with a float (no rounding of the int). */
function compareReals(x: bigint | number, y: bigint | number): number {
  if (typeof x === "bigint" && typeof y === "bigint") return sign(x - y);
  if (typeof x === "number" && typeof y === "number") return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
  if (typeof x === "number") return -compareReals(y, x);
  const i = x as bigint;
  const f = y as number;
  if (Number.isNaN(f)) return NaN;
  if (!Number.isFinite(f)) return f > 0 ? -1 : 1;
  const floor = Math.floor(f);
  const c = sign(i - BigInt(floor));
  return c !== 0 ? c : f === floor ? 0 : -1;
}

/** Python orders strings by code point; JavaScript's `<` compares UTF-16 units. */
function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
}

/** Two lists, two tuples or two bytes (as ints), which compare element by element. */
function sequencePair(a: Value, b: Value): [readonly Value[], readonly Value[]] | undefined {
  if (Array.isArray(a) && Array.isArray(b)) return [a, b];
  if (a instanceof PyTuple && b instanceof PyTuple) return [a.items, b.items];
  if (a instanceof PyBytes && b instanceof PyBytes) return [Array.from(a.bytes, BigInt), Array.from(b.bytes, BigInt)];
  return undefined;
}

/** Python's `x in container`. */
export function contains(container: Value, x: Value): boolean {
  if (typeof container === "string") {
    if (typeof x !== "string") throw new PyError("TypeError", `'in <string>' requires string as left operand, not ${kindOf(x)}`);
    return container.includes(x);
  }
  if (container instanceof PyBytes) {
    if (x instanceof PyBytes) return indexOfBytes(container.bytes, x.bytes) >= 0;
    const n = real(x);
    if (typeof n !== "bigint") throw new PyError("TypeError", `a bytes-like object is required, not '${kindOf(x)}'`);
    if (n < 0n || n > 255n) throw new PyError("ValueError", "byte must be in range(0, 256)");
    return container.bytes.includes(Number(n));
  }
  if (Array.isArray(container)) return pyIn(x, container);
  if (container instanceof PyTuple) return pyIn(x, container.items);
  if (container instanceof PyDict || container instanceof PySet) {
    requireHashable(x);
    return container instanceof PyDict ? container.has(x) : pyIn(x, container.items);
  }
  throw new PyError("TypeError", `argument of type '${kindOf(container)}' is not iterable`);
}

function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Python's hashability: lists, dicts and sets (and tuples holding them) cannot be keys. */
export function requireHashable(v: Value): void {
  if (Array.isArray(v) || v instanceof PyDict || v instanceof PySet) {
    throw new PyError("TypeError", `unhashable type: '${kindOf(v)}'`);
  }
  if (v instanceof PyTuple) v.items.forEach(requireHashable);
}

