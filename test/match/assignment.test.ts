/**
 * The pairing algorithms against brute force on small generated matrices: the matching is a
 * maximum one and respects `fits`, the assignment reaches the maximum total score, and neither
 * pairs a row or a column twice.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maximumMatching, maximumWeightAssignment } from "../../src/match/assignment.js";

/** Every way to pair rows with distinct columns (a row may stay unpaired), with `visit` called on each. */
function everyPairing(rows: number, cols: number, visit: (pairs: Array<[number, number]>) => void): void {
  const used = new Array<boolean>(cols).fill(false);
  const pairs: Array<[number, number]> = [];
  const go = (i: number) => {
    if (i === rows) return visit(pairs);
    go(i + 1);
    for (let j = 0; j < cols; j++) {
      if (used[j]) continue;
      used[j] = true;
      pairs.push([i, j]);
      go(i + 1);
      pairs.pop();
      used[j] = false;
    }
  };
  go(0);
}

function oneToOne(pairs: Map<number, number>, rows: number, cols: number): boolean {
  const columns = [...pairs.values()];
  return new Set(columns).size === columns.length && [...pairs].every(([i, j]) => i >= 0 && i < rows && j >= 0 && j < cols);
}

const matrix = fc.integer({ min: 1, max: 5 }).chain((rows) =>
  fc.integer({ min: 1, max: 5 }).chain((cols) => fc.array(fc.array(fc.constantFrom(0, 0.25, 0.5, 1, 2.5), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows })),
);

describe("maximumMatching", () => {
  it("finds as many pairs as the best pairing, each one that fits, asking each pair at most once", () => {
    fc.assert(
      fc.property(matrix, (m) => {
        const rows = m.length;
        const cols = m[0]!.length;
        const asked = new Map<string, number>();
        const fits = (i: number, j: number) => {
          asked.set(`${i},${j}`, (asked.get(`${i},${j}`) ?? 0) + 1);
          return m[i]![j]! > 0.3;
        };
        const pairs = maximumMatching(rows, cols, fits);
        let best = 0;
        everyPairing(rows, cols, (p) => {
          if (p.every(([i, j]) => m[i]![j]! > 0.3)) best = Math.max(best, p.length);
        });
        expect(pairs.size).toBe(best);
        expect(oneToOne(pairs, rows, cols)).toBe(true);
        for (const [i, j] of pairs) expect(m[i]![j]! > 0.3).toBe(true);
        for (const n of asked.values()) expect(n).toBe(1);
      }),
    );
  });
});

describe("maximumWeightAssignment", () => {
  it("reaches the highest total score of any pairing", () => {
    fc.assert(
      fc.property(matrix, (m) => {
        const rows = m.length;
        const cols = m[0]!.length;
        const pairs = maximumWeightAssignment(m);
        let best = 0;
        everyPairing(rows, cols, (p) => {
          best = Math.max(best, p.reduce((sum, [i, j]) => sum + m[i]![j]!, 0));
        });
        const total = [...pairs].reduce((sum, [i, j]) => sum + m[i]![j]!, 0);
        expect(total).toBeCloseTo(best, 9);
        expect(oneToOne(pairs, rows, cols)).toBe(true);
        expect(pairs.size).toBe(Math.min(rows, cols));
      }),
    );
  });

  it("refuses a score that is not finite", () => {
    expect(() => maximumWeightAssignment([[1, Number.NaN]])).toThrow(RangeError);
  });
});
