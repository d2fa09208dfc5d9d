/**
 * Python's arithmetic operators on the value model: the numeric tower (bool → int → float →
 * complex) with Python's results (`7 // -2 == -4`, `2 ** -1 == 0.5`, `True & True is True`),
 * and the sequence operators (`'ab' * 2`, `[1] + [2]`, `{'a': 1} | {'b': 2}`).
 *
 * Sizes are bounded by a work budget: Python would compute `10 ** 10 ** 9` or `'a' * 10 ** 12`
 * (or run out of memory), this fails instead. Where Python raises, a {@link PyError} is thrown.
 */
import type { BinOperator, UnaryOperator } from "../parse/python/ast.js";
import { DictBuilder, hashKey } from "../value/hashKey.js";
import { PyBytes, PyComplex, PyDict, PySet, PyTuple, kindOf, type Value } from "../value/value.js";
import { formatPercent } from "./pyFormat.js";
import { PyError } from "./pyError.js";
import { bitLength, cPow, floatDivMod, floatPow, intToFloat, intTrueDivide } from "./pyFloat.js";

/**
 * Work allowed for one decode. Units: one per character of a str or bytes, one per item of a list
 * or tuple, about one per two bits of an int produced. The default, 2**23, allows `10 ** 10**6`
 * or a string of eight million characters, and stops `10 ** 10**9` within milliseconds.
 */
export class Budget {
  constructor(public remaining: number) {}

  spend(amount: number): void {
    this.remaining -= amount;
    if (this.remaining < 0 || !Number.isFinite(amount)) {
      throw new PyError("MemoryError", "result too large (toolgrade bounds the work of evaluating an expression)");
    }
  }
}

export const DEFAULT_BUDGET = 2 ** 23;

const SYMBOL: Readonly<Record<BinOperator, string>> = {
  Add: "+",
  Sub: "-",
  Mult: "*",
  MatMult: "@",
  Div: "/",
  Mod: "%",
  Pow: "** or pow()",
  LShift: "<<",
  RShift: ">>",
  BitOr: "|",
  BitXor: "^",
  BitAnd: "&",
  FloorDiv: "//",
};

function unsupported(op: BinOperator, a: Value, b: Value): never {
  throw new PyError("TypeError", `unsupported operand type(s) for ${SYMBOL[op]}: '${kindOf(a)}' and '${kindOf(b)}'`);
}

type Real = bigint | number;

/** int for bool/int, float, complex; undefined for non-numbers. */
function numeric(v: Value): Real | PyComplex | undefined {
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (typeof v === "bigint" || typeof v === "number" || v instanceof PyComplex) return v;
  return undefined;
}

function toComplex(x: Real | PyComplex): PyComplex {
  if (x instanceof PyComplex) return x;
  return new PyComplex(typeof x === "bigint" ? intToFloat(x) : x, 0);
}

/**
 * `a <op> b` with Python semantics.
 *
 * @example binaryOp("FloorDiv", 7n, -2n, budget) // -4n
 * @example binaryOp("Mult", "ab", 2n, budget) // "abab"
 */
export function binaryOp(op: BinOperator, a: Value, b: Value, budget: Budget): Value {
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined) {
    if (typeof x === "bigint" && typeof y === "bigint") {
      const r = intOp(op, x, y, budget);
      // bool & bool, bool | bool, bool ^ bool stay bool.
      if (typeof a === "boolean" && typeof b === "boolean" && (op === "BitAnd" || op === "BitOr" || op === "BitXor")) {
        return r === 1n;
      }
      return r;
    }
    if (x instanceof PyComplex || y instanceof PyComplex) return complexOp(op, toComplex(x), toComplex(y), a, b);
    return floatOp(op, typeof x === "bigint" ? intToFloat(x) : x, typeof y === "bigint" ? intToFloat(y) : y, a, b);
  }
  return sequenceOp(op, a, b, budget);
}

function intOp(op: BinOperator, x: bigint, y: bigint, budget: Budget): bigint | number {
  switch (op) {
    case "Add":
      budget.spend(Math.max(bitLength(x), bitLength(y)) / 64);
      return x + y;
    case "Sub":
      budget.spend(Math.max(bitLength(x), bitLength(y)) / 64);
      return x - y;
    case "Mult":
      budget.spend((bitLength(x) + bitLength(y)) / 2);
      return x * y;
    case "Div":
      return intTrueDivide(x, y);
    case "FloorDiv":
    case "Mod": {
      if (y === 0n) throw new PyError("ZeroDivisionError", "integer division or modulo by zero");
      let q = x / y;
      let r = x % y;
      if (r !== 0n && r < 0n !== y < 0n) {
        q -= 1n;
        r += y;
      }
      return op === "FloorDiv" ? q : r;
    }
    case "Pow": {
      if (y < 0n) {
        const r = floatPow(intToFloat(x), intToFloat(y));
        return r ?? 0; // a negative int power of an int is never complex
      }
      if (x === 0n || x === 1n) return y === 0n ? 1n : x;
      if (x === -1n) return y % 2n === 0n ? 1n : -1n;
      budget.spend((bitLength(x) * Number(y)) / 2);
      return x ** y;
    }
    case "LShift":
      if (y < 0n) throw new PyError("ValueError", "negative shift count");
      if (x === 0n) return 0n;
      budget.spend((bitLength(x) + Number(y)) / 2);
      return x << y;
    case "RShift":
      if (y < 0n) throw new PyError("ValueError", "negative shift count");
      if (y > BigInt(bitLength(x))) return x < 0n ? -1n : 0n;
      return x >> y;
    case "BitAnd":
      return x & y;
    case "BitOr":
      return x | y;
    case "BitXor":
      return x ^ y;
    case "MatMult":
      return unsupported(op, x, y);
  }
}

function floatOp(op: BinOperator, x: number, y: number, a: Value, b: Value): Value {
  switch (op) {
    case "Add":
      return x + y;
    case "Sub":
      return x - y;
    case "Mult":
      return x * y;
    case "Div":
      if (y === 0) throw new PyError("ZeroDivisionError", "float division by zero");
      return x / y;
    case "FloorDiv":
      return floatDivMod(x, y, "float floor division by zero")[0];
    case "Mod":
      return floatDivMod(x, y, "float modulo")[1];
    case "Pow": {
      const r = floatPow(x, y);
      return r ?? complexPow(new PyComplex(x, 0), new PyComplex(y, 0));
    }
    default:
      return unsupported(op, a, b);
  }
}

function complexOp(op: BinOperator, x: PyComplex, y: PyComplex, a: Value, b: Value): Value {
  switch (op) {
    case "Add":
      return new PyComplex(x.real + y.real, x.imag + y.imag);
    case "Sub":
      return new PyComplex(x.real - y.real, x.imag - y.imag);
    case "Mult":
      return complexProduct(x, y);
    case "Div": {
      const q = complexQuotient(x, y);
      if (!q) throw new PyError("ZeroDivisionError", "complex division by zero");
      return q;
    }
    case "Pow":
      return complexPow(x, y);
    default:
      return unsupported(op, a, b);
  }
}

function complexProduct(a: PyComplex, b: PyComplex): PyComplex {
  return new PyComplex(a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real);
}

/** CPython's `_Py_c_quot` (Smith's method); undefined for division by zero. */
function complexQuotient(a: PyComplex, b: PyComplex): PyComplex | undefined {
  const absBr = Math.abs(b.real);
  const absBi = Math.abs(b.imag);
  if (absBr >= absBi) {
    if (absBr === 0) return undefined;
    const ratio = b.imag / b.real;
    const denom = b.real + b.imag * ratio;
    return new PyComplex((a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom);
  }
  if (absBi >= absBr) {
    const ratio = b.real / b.imag;
    const denom = b.real * ratio + b.imag;
    return new PyComplex((a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom);
  }
  return new PyComplex(NaN, NaN);
}

/**
 * CPython's `complex_pow`: repeated squaring for integral exponents up to 100, polar form
 * otherwise. The polar form uses JavaScript's transcendental functions, which may differ from
 * the C library's in the last bit.
 */
function complexPow(a: PyComplex, b: PyComplex): PyComplex {
  let p: PyComplex | undefined;
  if (b.imag === 0 && b.real === Math.floor(b.real) && Math.abs(b.real) <= 100) {
    const n = b.real;
    const u = complexPowUnsigned(a, Math.abs(n));
    p = n > 0 ? u : complexQuotient(new PyComplex(1, 0), u);
  } else if (b.real === 0 && b.imag === 0) p = new PyComplex(1, 0);
  else if (a.real === 0 && a.imag === 0) {
    if (b.imag !== 0 || b.real < 0) p = undefined;
    else p = new PyComplex(0, 0);
  } else {
    const vabs = Math.hypot(a.real, a.imag);
    let len = cPow(vabs, b.real);
    const at = Math.atan2(a.imag, a.real);
    let phase = at * b.real;
    if (b.imag !== 0) {
      len /= Math.exp(at * b.imag);
      phase += b.imag * Math.log(vabs);
    }
    // cos and sin of an infinite phase set errno to EDOM, which CPython reports this way.
    if (!Number.isFinite(phase) && !Number.isNaN(phase)) throw new PyError("ZeroDivisionError", "0.0 to a negative or complex power");
    p = new PyComplex(len * Math.cos(phase), len * Math.sin(phase));
  }
  if (!p) throw new PyError("ZeroDivisionError", "0.0 to a negative or complex power");
  if (!Number.isFinite(p.real) && !Number.isNaN(p.real)) throw new PyError("OverflowError", "complex exponentiation");
  if (!Number.isFinite(p.imag) && !Number.isNaN(p.imag)) throw new PyError("OverflowError", "complex exponentiation");
  return p;
}

function complexPowUnsigned(x: PyComplex, n: number): PyComplex {
  let r = new PyComplex(1, 0);
  let p = x;
  for (let mask = 1; mask > 0 && n >= mask; mask *= 2) {
    if (Math.floor(n / mask) % 2 === 1) r = complexProduct(r, p);
    p = complexProduct(p, p);
  }
  return r;
}

/**
 * `-x`, `+x`, `~x`, `not x` with Python's meaning (inside a BinOp BFCL's eval gives them their
 * real meaning; only a top-level unary operator gets the decoder's negation quirk).
 *
 * @example unaryOp("Invert", 5n) // -6n
 */
export function unaryOp(op: UnaryOperator, v: Value): Value {
  if (op === "Not") return !truthy(v);
  const x = numeric(v);
  if (x === undefined || (op === "Invert" && typeof x !== "bigint")) {
    const sym = op === "USub" ? "-" : op === "UAdd" ? "+" : "~";
    throw new PyError("TypeError", `bad operand type for unary ${sym}: '${kindOf(v)}'`);
  }
  if (op === "UAdd") return x;
  if (op === "Invert") return -(x as bigint) - 1n;
  if (x instanceof PyComplex) return new PyComplex(-x.real, -x.imag);
  return -x;
}

/** Python's truth value. @example truthy(new PyTuple([])) // false */
export function truthy(v: Value): boolean {
  if (v === null) return false;
  switch (typeof v) {
    case "boolean":
      return v;
    case "bigint":
      return v !== 0n;
    case "number":
      return v !== 0;
    case "string":
      return v.length > 0;
  }
  if (Array.isArray(v)) return v.length > 0;
  if (v instanceof PyTuple || v instanceof PySet) return v.items.length > 0;
  if (v instanceof PyDict) return v.size > 0;
  if (v instanceof PyBytes) return v.bytes.length > 0;
  return v.real !== 0 || v.imag !== 0;
}

const MAX_SSIZE = 2n ** 63n - 1n;

/** A repeat count for `seq * n`: an int or bool, as Python's `__index__`. */
function repeatCount(v: Value): bigint | undefined {
  if (typeof v === "boolean") return v ? 1n : 0n;
  if (typeof v !== "bigint") return undefined;
  if (v > MAX_SSIZE || v < -MAX_SSIZE - 1n) throw new PyError("OverflowError", "cannot fit 'int' into an index-sized integer");
  return v < 0n ? 0n : v;
}

function sequenceOp(op: BinOperator, a: Value, b: Value, budget: Budget): Value {
  if (op === "Add") {
    if (typeof a === "string" && typeof b === "string") {
      budget.spend(a.length + b.length);
      return a + b;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      budget.spend(a.length + b.length);
      return [...a, ...b];
    }
    if (a instanceof PyTuple && b instanceof PyTuple) {
      budget.spend(a.items.length + b.items.length);
      return new PyTuple([...a.items, ...b.items]);
    }
    if (a instanceof PyBytes && b instanceof PyBytes) {
      budget.spend(a.bytes.length + b.bytes.length);
      const out = new Uint8Array(a.bytes.length + b.bytes.length);
      out.set(a.bytes);
      out.set(b.bytes, a.bytes.length);
      return new PyBytes(out);
    }
  }
  if (op === "Mult") {
    const nb = repeatCount(b);
    if (nb !== undefined && isSequence(a)) return repeat(a, nb, budget);
    const na = repeatCount(a);
    if (na !== undefined && isSequence(b)) return repeat(b, na, budget);
  }
  if (op === "Mod" && (typeof a === "string" || a instanceof PyBytes)) return formatPercent(a, b, budget);
  if (a instanceof PyDict && b instanceof PyDict && op === "BitOr") {
    budget.spend(a.size + b.size);
    const merged = new DictBuilder();
    for (const [k, v] of a.entries) merged.set(k, v);
    for (const [k, v] of b.entries) merged.set(k, v);
    return merged.toDict();
  }
  if (a instanceof PySet && b instanceof PySet) return setOp(op, a, b) ?? unsupported(op, a, b);
  return unsupported(op, a, b);
}

function isSequence(v: Value): v is string | Value[] | PyTuple | PyBytes {
  return typeof v === "string" || Array.isArray(v) || v instanceof PyTuple || v instanceof PyBytes;
}

function repeat(seq: string | Value[] | PyTuple | PyBytes, count: bigint, budget: Budget): Value {
  const length = typeof seq === "string" ? seq.length : seq instanceof PyBytes ? seq.bytes.length : Array.isArray(seq) ? seq.length : seq.items.length;
  // An empty sequence repeated any number of times is empty, without doing the repeats.
  const n = length === 0 ? 0 : Number(count);
  if (typeof seq === "string") {
    budget.spend(seq.length * n);
    return seq.repeat(n);
  }
  if (seq instanceof PyBytes) {
    budget.spend(seq.bytes.length * n);
    const out = new Uint8Array(seq.bytes.length * n);
    for (let i = 0; i < n; i++) out.set(seq.bytes, i * seq.bytes.length);
    return new PyBytes(out);
  }
  const items = Array.isArray(seq) ? seq : seq.items;
  budget.spend(items.length * n);
  const out: Value[] = [];
  for (let i = 0; i < n; i++) for (const x of items) out.push(x);
  return Array.isArray(seq) ? out : new PyTuple(out);
}

/** Set operators, keeping first-seen order (CPython's order is hash-based; set reprs are not compared). */
function setOp(op: BinOperator, a: PySet, b: PySet): PySet | undefined {
  const keys = (s: PySet) => new Set(s.items.map((x) => hashKey(x)!));
  const inA = keys(a);
  const inB = keys(b);
  const onlyA = () => a.items.filter((x) => !inB.has(hashKey(x)!));
  const onlyB = () => b.items.filter((x) => !inA.has(hashKey(x)!));
  switch (op) {
    case "BitOr":
      return new PySet([...a.items, ...onlyB()]);
    case "BitAnd":
      return new PySet(a.items.filter((x) => inB.has(hashKey(x)!)));
    case "Sub":
      return new PySet(onlyA());
    case "BitXor":
      return new PySet([...onlyA(), ...onlyB()]);
    default:
      return undefined;
  }
}
