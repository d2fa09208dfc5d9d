/**
 * Pairing calls with golds. Pass/fail uses maximum bipartite matching (Kuhn's augmenting paths:
 * the sizes here are a handful of calls, so O(V·E) is nothing), so any valid order of unordered
 * calls is found and one call never serves two golds. The graded reward uses maximum-weight
 * assignment (Hungarian algorithm) on partial-credit scores.
 */

/**
 * Maximum matching between `left` and `right` items; `fits(i, j)` says whether left i may pair
 * with right j (each pair is asked at most once). Returns left → right.
 *
 * @example maximumMatching(2, 2, (i, j) => i !== j) // Map {0 → 1, 1 → 0}
 */
export function maximumMatching(left: number, right: number, fits: (i: number, j: number) => boolean): Map<number, number> {
  // Each pair's answer, once asked: 1 fits, 0 does not, -1 not asked yet.
  const asked = new Int8Array(left * right).fill(-1);
  const edge = (i: number, j: number) => {
    const k = i * right + j;
    if (asked[k] === -1) asked[k] = fits(i, j) ? 1 : 0;
    return asked[k] === 1;
  };
  const rightOf = new Array<number>(left).fill(-1);
  const leftOf = new Array<number>(right).fill(-1);
  const seen = new Array<boolean>(right);
  const augment = (i: number): boolean => {
    for (let j = 0; j < right; j++) {
      if (seen[j] || !edge(i, j)) continue;
      seen[j] = true;
      if (leftOf[j] === -1 || augment(leftOf[j]!)) {
        leftOf[j] = i;
        rightOf[i] = j;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < left; i++) {
    seen.fill(false);
    augment(i);
  }
  const out = new Map<number, number>();
  rightOf.forEach((j, i) => {
    if (j >= 0) out.set(i, j);
  });
  return out;
}

/**
 * Maximum-weight assignment of rows to columns (Hungarian algorithm, O(n³)) on a rectangular
 * score matrix with scores ≥ 0. Returns row → column for every paired row.
 *
 * @example maximumWeightAssignment([[1, 0], [0.9, 0.8]]) // Map {0 → 0, 1 → 1}
 */
export function maximumWeightAssignment(scores: readonly (readonly number[])[]): Map<number, number> {
  const rows = scores.length;
  const cols = rows === 0 ? 0 : scores[0]!.length;
  const n = Math.max(rows, cols);
  if (n === 0) return new Map();
  let max = 0;
  for (let i = 0; i < rows; i++) {
    const r = scores[i]!;
    for (let j = 0; j < r.length; j++) {
      const s = r[j]!;
      // A NaN or infinite score would make the search below loop forever.
      if (!Number.isFinite(s)) throw new RangeError(`maximumWeightAssignment: score ${s} is not finite`);
      if (s > max) max = s;
    }
  }
  // Minimise cost = max - score on a square matrix padded with zero-score cells.
  const cost = (i: number, j: number) => max - (i < rows && j < cols ? scores[i]![j]! : 0);
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const p = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  const minv = new Array<number>(n + 1);
  const used = new Array<boolean>(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(false);
    do {
      used[j0] = true;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = new Map<number, number>();
  for (let j = 1; j <= n; j++) {
    const i = p[j]! - 1;
    if (i >= 0 && i < rows && j - 1 < cols) out.set(i, j - 1);
  }
  return out;
}
