/**
 * Python's float arithmetic where JavaScript's differs: int/int true division (exact, then
 * rounded once), `//` and `%` with Python's signs, and `**` with CPython's special cases on top of
 * a correctly rounded power. V8's `Math.pow` is off by one ulp for about one input in ten
 * (`2 ** 2.5`, `3 ** -6`), while glibc's `pow`, which CPython calls, rounds correctly in practice.
 */
import { PyError } from "./pyError.js";

/** `x * 2**e` without intermediate overflow or double rounding (x has at most 53 bits). */
function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

export function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  return n === 0n ? 0 : n.toString(16).length * 4 - Math.clz32(Number.parseInt(n.toString(16)[0]!, 16)) + 28;
}

/**
 * The double nearest to `num / den` (both positive), ties to even; Infinity when it overflows.
 *
 * @example ratioToDouble(1n, 3n) // 0.3333333333333333
 */
function ratioToDouble(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  // Scale so the integer quotient has 55 or 56 bits; the remainder is the sticky bit.
  const shift = 55 - (bitLength(num) - bitLength(den));
  const n = shift >= 0 ? num << BigInt(shift) : num;
  const d = shift >= 0 ? den : den << BigInt(-shift);
  let q = n / d;
  const sticky = n % d !== 0n;
  const qBits = bitLength(q);
  // Keep 53 bits, fewer for subnormals (the last representable bit is 2**-1074).
  let extra = qBits - 53;
  const exponentOfLsb = -shift + extra;
  if (exponentOfLsb < -1074) extra += -1074 - exponentOfLsb;
  if (extra > qBits + 1) return 0;
  if (extra > 0) {
    const e = BigInt(extra);
    const low = q & ((1n << e) - 1n);
    const half = 1n << (e - 1n);
    q >>= e;
    if (low > half || (low === half && (sticky || (q & 1n) === 1n))) q += 1n;
  }
  return ldexp(Number(q), extra - shift);
}

/**
 * Python's `int / int`: the exact quotient, rounded once.
 *
 * @example intTrueDivide(10n ** 30n, 3n) // 3.333333333333333e+29
 */
export function intTrueDivide(a: bigint, b: bigint): number {
  if (b === 0n) throw new PyError("ZeroDivisionError", "division by zero");
  const negative = a < 0n !== b < 0n;
  const n = a < 0n ? -a : a;
  const d = b < 0n ? -b : b;
  const limit = 1n << 53n;
  const q = n < limit && d < limit ? Number(n) / Number(d) : ratioToDouble(n, d);
  if (q === Infinity) throw new PyError("OverflowError", "integer division result too large for a float");
  return negative ? -q : q;
}

/** Python's `int(x)` conversion to float for arithmetic: OverflowError beyond the double range. */
export function intToFloat(i: bigint): number {
  const f = Number(i);
  if (!Number.isFinite(f)) throw new PyError("OverflowError", "int too large to convert to float");
  return f;
}

/**
 * CPython's `_float_div_mod`: floor quotient and remainder with the divisor's sign.
 *
 * @example floatDivMod(5.5, -2, "float modulo") // [-3, -0.5]
 */
export function floatDivMod(vx: number, wx: number, what: string): [number, number] {
  if (wx === 0) throw new PyError("ZeroDivisionError", what);
  // C tests `if (mod)` and `if (div)`: NaN counts as true there, unlike in JavaScript.
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod !== 0) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1;
    }
  } else mod = wx < 0 ? -0 : 0;
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else floordiv = vx / wx < 0 || Object.is(vx / wx, -0) ? -0 : 0;
  return [floordiv, mod];
}

function isOddInteger(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x % 2) === 1;
}

/**
 * CPython's `float_pow`; `undefined` when the result is complex (negative base, fractional
 * exponent), which the caller computes as complex power.
 *
 * @example floatPow(3, -6) // 0.0013717421124828531 (V8's Math.pow gives …533)
 */
export function floatPow(iv: number, iw: number): number | undefined {
  if (iw === 0) return 1;
  if (Number.isNaN(iv)) return iv;
  if (Number.isNaN(iw)) return iv === 1 ? 1 : iw;
  if (!Number.isFinite(iw)) {
    const a = Math.abs(iv);
    if (a === 1) return 1;
    return iw > 0 === a > 1 ? Math.abs(iw) : 0;
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return odd ? iv : Math.abs(iv);
    return odd ? (iv < 0 ? -0 : 0) : 0;
  }
  if (iv === 0) {
    if (iw < 0) throw new PyError("ZeroDivisionError", "0.0 cannot be raised to a negative power");
    return isOddInteger(iw) ? iv : 0;
  }
  let negate = false;
  if (iv < 0) {
    if (iw !== Math.floor(iw)) return undefined;
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1) return negate ? -1 : 1;
  const r = correctlyRoundedPow(iv, iw);
  if (r === Infinity) throw new PyError("OverflowError", "(34, 'Numerical result out of range')");
  return negate ? -r : r;
}

/** C's `pow(x, y)` for x ≥ 0 (what CPython's complex power calls), correctly rounded. */
export function cPow(x: number, y: number): number {
  if (y === 0 || x === 1) return 1;
  if (Number.isNaN(x) || Number.isNaN(y) || !Number.isFinite(x) || !Number.isFinite(y) || x === 0) return Math.pow(x, y);
  return correctlyRoundedPow(x, y);
}

/** `x ** y` for finite x > 0, x ≠ 1, finite y ≠ 0, rounded once. */
function correctlyRoundedPow(x: number, y: number): number {
  const [m, e] = decompose(x);
  // Integer exponents: exact rational power (this also rounds exact ties to even).
  if (Number.isInteger(y) && Math.abs(y) <= 64) {
    const n = BigInt(Math.abs(y));
    const num = m ** n;
    const scale = BigInt(e) * n;
    if (y > 0) return scale >= 0n ? ratioToDouble(num << scale, 1n) : ratioToDouble(num, 1n << -scale);
    return scale >= 0n ? ratioToDouble(1n, num << scale) : ratioToDouble(1n << -scale, num);
  }
  return expOfLog(m, e, y);
}

/** x = m * 2**e with m an integer of at most 53 bits. */
function decompose(x: number): [bigint, number] {
  let e = 0;
  while (!Number.isInteger(x)) {
    x *= 2 ** 64;
    e -= 64;
  }
  let m = BigInt(x);
  while (m > 0n && (m & 1n) === 0n) {
    m >>= 1n;
    e += 1;
  }
  return [m, e];
}

// Fixed-point arithmetic with PREC fractional bits.
const PREC = 256n;
const ONE = 1n << PREC;
let ln2Cache: bigint | undefined;

/** 2 * atanh(t) for fixed-point |t| ≤ 1/3: the series for ln((1+t)/(1-t)). */
function twoAtanh(t: bigint): bigint {
  const t2 = (t * t) >> PREC;
  let term = t;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term = (term * t2) >> PREC;
  }
  return 2n * sum;
}

function ln2(): bigint {
  return (ln2Cache ??= twoAtanh(ONE / 3n));
}

/** ln(m * 2**e) in fixed point. */
function lnFixed(m: bigint, e: number): bigint {
  // Normalize m to [1, 2): m = f * 2**(b-1).
  const b = bitLength(m);
  const f = (m << PREC) >> BigInt(b - 1);
  const t = ((f - ONE) << PREC) / (f + ONE);
  return twoAtanh(t) + BigInt(e + b - 1) * ln2();
}

/** exp(y * ln x) evaluated with 256-bit fixed point, then rounded to the nearest double. */
function expOfLog(m: bigint, e: number, y: number): number {
  const [ym, ye] = decompose(Math.abs(y));
  let t = lnFixed(m, e) * ym;
  t = ye >= 0 ? t << BigInt(ye) : t >> BigInt(-ye);
  if (y < 0) t = -t;
  // Beyond these the result is certainly infinite or zero.
  if (t > 710n * ONE) return Infinity;
  if (t < -746n * ONE) return 0;
  // exp(t) = 2**k * exp(r) with |r| ≤ ln2 / 2.
  const l2 = ln2();
  let k = t / l2;
  let r = t - k * l2;
  if (r > l2 / 2n) {
    k += 1n;
    r -= l2;
  } else if (r < -l2 / 2n) {
    k -= 1n;
    r += l2;
  }
  let term = ONE;
  let sum = ONE;
  for (let i = 1n; term !== 0n; i++) {
    term = (term * r) / (ONE * i);
    sum += term;
  }
  // sum / ONE * 2**k, with sum > 0.
  const exp = Number(k) - Number(PREC);
  return exp >= 0 ? ratioToDouble(sum << BigInt(exp), 1n) : ratioToDouble(sum, 1n << BigInt(-exp));
}
