/** Aggregation: per-category scores and BFCL's leaderboard columns (bfcl-ast-spec §9). */
import { describe, expect, it } from "vitest";
import type { CategoryId } from "../src/categories.js";
import { allEntries, categoryScores, leaderboard, summaryColumns, type CategoryScore, type LeaderboardColumnId } from "../src/report.js";

function scores(counts: Partial<Record<CategoryId, [correct: number, total: number]>>): CategoryScore[] {
  const results = Object.entries(counts).flatMap(([category, [correct, total]]) =>
    Array.from({ length: total }, (_, i) => ({ category: category as CategoryId, valid: i < correct })),
  );
  return categoryScores(results);
}

const FULL: Partial<Record<CategoryId, [number, number]>> = {
  simple_python: [3, 4],
  simple_java: [1, 2],
  simple_javascript: [0, 1],
  multiple: [1, 1],
  parallel: [1, 2],
  parallel_multiple: [0, 2],
  live_simple: [1, 2],
  live_multiple: [1, 4],
  live_parallel: [0, 1],
  live_parallel_multiple: [1, 1],
  irrelevance: [2, 2],
  live_irrelevance: [1, 4],
  live_relevance: [1, 2],
};

const nonLiveSimple = (3 / 4 + 1 / 2 + 0 / 1) / 3;

describe("leaderboard", () => {
  it.each<[string, Partial<Record<CategoryId, [number, number]>>, LeaderboardColumnId, number | null, CategoryId[]]>([
    ["Non-Live simple is the unweighted mean of the three simple categories", FULL, "non_live_simple", nonLiveSimple, []],
    ["Non-Live overall is the unweighted mean of Non-Live simple and the other three", FULL, "non_live_overall", (nonLiveSimple + 1 + 1 / 2 + 0) / 4, []],
    ["Live overall is weighted by entries graded", FULL, "live_overall", (0.5 * 2 + 0.25 * 4 + 0 * 1 + 1 * 1) / 8, []],
    ["Irrelevance detection averages irrelevance and live_irrelevance unweighted", FULL, "irrelevance_detection", (1 + 0.25) / 2, []],
    ["Relevance detection is live_relevance", FULL, "relevance_detection", 0.5, []],
    ["a column missing one category is not run, and says which", { simple_python: [1, 1], simple_java: [1, 1] }, "non_live_simple", null, ["simple_javascript"]],
    ["a nested column lists the categories its parts miss", { multiple: [1, 1] }, "non_live_overall", null, ["simple_python", "simple_java", "simple_javascript", "parallel", "parallel_multiple"]],
    ["a weighted column missing one category is not run", { live_simple: [1, 1], live_multiple: [1, 1], live_parallel: [1, 1] }, "live_overall", null, ["live_parallel_multiple"]],
    ["nothing run: every column is not run, never 0", {}, "relevance_detection", null, ["live_relevance"]],
  ])("%s", (_name, counts, id, accuracy, notRun) => {
    const col = leaderboard(scores(counts)).find((c) => c.id === id)!;
    expect(col.accuracy).toBe(accuracy);
    expect(col.notRun).toEqual(notRun);
  });

  it("keeps BFCL's order of operations, so the figures are bit-for-bit BFCL's", () => {
    // BFCL computes Σ accuracy·n / Σ n: 0.6153846153846153 here, where Σ correct / Σ n gives …54.
    const s = scores({ live_simple: [0, 2], live_multiple: [15, 22], live_parallel: [0, 1], live_parallel_multiple: [1, 1] });
    const bfcl = ((0 / 2) * 2 + (15 / 22) * 22 + (0 / 1) * 1 + (1 / 1) * 1) / 26;
    expect([bfcl, 16 / 26]).toEqual([0.6153846153846153, 0.6153846153846154]);
    expect(leaderboard(s).find((c) => c.id === "live_overall")!.accuracy).toBe(bfcl);
  });

  it("summaryColumns gives the same figures by name", () => {
    const s = scores(FULL);
    const cols = Object.fromEntries(leaderboard(s).map((c) => [c.id, c.accuracy]));
    expect(summaryColumns(s)).toEqual({
      nonLiveSimple: cols.non_live_simple,
      nonLiveOverall: cols.non_live_overall,
      liveOverall: cols.live_overall,
      irrelevance: cols.irrelevance_detection,
      relevance: cols.relevance_detection,
    });
  });
});

describe("categoryScores and allEntries", () => {
  it("counts entries graded and, given the suite's sizes, the missing ones", () => {
    const results = [
      { category: "simple_python" as const, valid: true },
      { category: "simple_python" as const, valid: false },
      { category: "irrelevance" as const, valid: true },
    ];
    expect(categoryScores(results, new Map<CategoryId, number>([["simple_python", 5], ["irrelevance", 1]]))).toEqual([
      { category: "simple_python", total: 2, correct: 1, accuracy: 0.5, missing: 3 },
      { category: "irrelevance", total: 1, correct: 1, accuracy: 1, missing: 0 },
    ]);
  });

  it.each([
    ["every graded entry together", FULL, { total: 28, correct: 13, accuracy: 13 / 28 }],
    ["nothing graded", {}, { total: 0, correct: 0, accuracy: null }],
  ] as const)("allEntries: %s", (_name, counts, expected) => {
    expect(allEntries(scores(counts))).toEqual(expected);
  });
});
