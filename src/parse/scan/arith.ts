/**
 * Python arithmetic on literal numbers, for argument values such as `5*2`, `2**10` or `1/3`.
 *
 * Only what a model writes as a value is evaluated: `+ - * / // % **` on int and float (and `+`
 * on two strings). Anything else, a division by zero, or a power whose result would exceed
 * {@link MAX_INT_BITS} gives `undefined`, and the caller keeps the source text instead. Ints are
 * exact (bigint) and `/` gives a float, as in Python 3.
 */
import type { BinOperator } from "../python/ast.js";

/** Largest int result computed, in bits; bigger powers stay as text (and never hang). */
export const MAX_INT_BITS = 4096;

export type Num = bigint | number;

/**
 * `left op right` with Python semantics, or undefined when it is not simple literal arithmetic.
 *
 * @example arith("Mult", 5n, 2n) // 10n
 * @example arith("Div", 1n, 4n) // 0.25
 * @example arith("FloorDiv", -7n, 2n) // -4n
 */
export function arith(op: BinOperator, left: Num | string, right: Num | string): Num | string | undefined {
  if (typeof left === "string" || typeof right === "string") {
    return op === "Add" && typeof left === "string" && typeof right === "string" ? left + right : undefined;
  }
  if (typeof left === "bigint" && typeof right === "bigint") return intArith(op, left, right);
  const a = Number(left);
  const b = Number(right);
  switch (op) {
    case "Add":
      return a + b;
    case "Sub":
      return a - b;
    case "Mult":
      return a * b;
    case "Div":
      return b === 0 ? undefined : a / b;
    case "FloorDiv":
      return b === 0 ? undefined : Math.floor(a / b);
    case "Mod":
      return b === 0 ? undefined : a - b * Math.floor(a / b);
    case "Pow": {
      if (a < 0 && !Number.isInteger(b)) return undefined; // a complex result in Python
      if (a === 0 && b < 0) return undefined;
      return Math.pow(a, b);
    }
    default:
      return undefined;
  }
}

function intArith(op: BinOperator, a: bigint, b: bigint): Num | undefined {
  switch (op) {
    case "Add":
      return a + b;
    case "Sub":
      return a - b;
    case "Mult":
      return bits(a) + bits(b) > MAX_INT_BITS ? undefined : a * b;
    case "Div":
      return b === 0n ? undefined : Number(a) / Number(b);
    case "FloorDiv": {
      if (b === 0n) return undefined;
      const q = a / b;
      return (a % b !== 0n) && (a < 0n) !== (b < 0n) ? q - 1n : q;
    }
    case "Mod": {
      if (b === 0n) return undefined;
      const r = a % b;
      return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
    }
    case "Pow": {
      if (b < 0n) return a === 0n ? undefined : Math.pow(Number(a), Number(b));
      if (a === 0n || a === 1n) return b === 0n ? 1n : a;
      if (a === -1n) return b % 2n === 0n ? 1n : -1n;
      if (BigInt(bits(a)) * b > BigInt(MAX_INT_BITS)) return undefined;
      return a ** b;
    }
    default:
      return undefined;
  }
}

function bits(x: bigint): number {
  return (x < 0n ? -x : x).toString(2).length;
}
