/**
 * The BigInts of small ints, made once. Python ints are `bigint` here, and most ints in calls are
 * small (counts, years, sizes): a reader that hands out these allocates nothing for them, where
 * `BigInt(n)` allocates each time. BigInts are immutable values, so sharing one is invisible.
 */
const LOW = -256;
const HIGH = 1024;
const TABLE: readonly bigint[] = Array.from({ length: HIGH - LOW }, (_, i) => BigInt(i + LOW));

/**
 * `BigInt(n)` for an integer `n` that a double holds exactly.
 *
 * @example bigIntOf(42) // 42n, the same one every time
 */
export function bigIntOf(n: number): bigint {
  return n >= LOW && n < HIGH ? TABLE[n - LOW]! : BigInt(n);
}

/**
 * The int written in decimal at `text[start, end)`: a `-` at `start` when `digits > start`, then
 * only digits from `digits` on. Up to 15 digits are exact as a double, and BigInt of a number
 * (shared for small ones) is much faster than BigInt of a string.
 *
 * @example decimalBigInt("x=-42", 2, 3, 5) // -42n
 */
export function decimalBigInt(text: string, start: number, digits: number, end: number): bigint {
  if (end - digits > 15) return BigInt(text.slice(start, end));
  let n = 0;
  for (let i = digits; i < end; i++) n = n * 10 + (text.charCodeAt(i) - 0x30);
  return bigIntOf(digits > start ? -n : n);
}
