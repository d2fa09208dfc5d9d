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
