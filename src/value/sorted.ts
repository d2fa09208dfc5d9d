/**
 * The index of the last element of an ascending array that is `<= x` (0 when none is: the
 * arrays searched here start with 0 or with the smallest position).
 *
 * @example lastAtOrBefore([0, 4, 9], 5) // 1
 */
export function lastAtOrBefore(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
