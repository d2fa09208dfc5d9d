/**
 * Aggregation: per-category accuracy and BFCL's leaderboard summary columns (bfcl-ast-spec §9).
 * A column whose categories were not all graded is `null` (shown as not run), never a silent 0.
 */
import { CATEGORY_IDS, type CategoryId } from "./categories.js";
import type { GradeResult } from "./grade.js";

export interface CategoryScore {
  category: CategoryId;
  /** Entries graded (results present). */
  total: number;
  correct: number;
  accuracy: number;
}

export interface SummaryColumns {
  /** Unweighted mean of simple_python, simple_java, simple_javascript. */
  nonLiveSimple: number | null;
  /** Unweighted mean of non-live simple, multiple, parallel, parallel_multiple. */
  nonLiveOverall: number | null;
  /** Live AST categories, weighted by entry count. */
  liveOverall: number | null;
  /** Unweighted mean of irrelevance and live_irrelevance. */
  irrelevance: number | null;
  /** live_relevance. */
  relevance: number | null;
}

export function categoryScores(results: readonly GradeResult[]): CategoryScore[] {
  const by = new Map<CategoryId, { total: number; correct: number }>();
  for (const r of results) {
    const s = by.get(r.category) ?? { total: 0, correct: 0 };
    s.total++;
    if (r.valid) s.correct++;
    by.set(r.category, s);
  }
  return CATEGORY_IDS.filter((c) => by.has(c)).map((c) => {
    const s = by.get(c)!;
    return { category: c, ...s, accuracy: s.total === 0 ? 0 : s.correct / s.total };
  });
}

function mean(xs: Array<number | null>): number | null {
  if (xs.some((x) => x === null)) return null;
  return (xs as number[]).reduce((a, b) => a + b, 0) / xs.length;
}

/** BFCL's summary columns from per-category scores. */
export function summaryColumns(scores: readonly CategoryScore[]): SummaryColumns {
  const acc = (c: CategoryId) => scores.find((s) => s.category === c)?.accuracy ?? null;
  const nonLiveSimple = mean([acc("simple_python"), acc("simple_java"), acc("simple_javascript")]);
  const live = ["live_simple", "live_multiple", "live_parallel", "live_parallel_multiple"].map((c) =>
    scores.find((s) => s.category === c),
  );
  const liveOverall = live.every((s) => s !== undefined && s.total > 0)
    ? live.reduce((a, s) => a + s!.correct, 0) / live.reduce((a, s) => a + s!.total, 0)
    : null;
  return {
    nonLiveSimple,
    nonLiveOverall: mean([nonLiveSimple, acc("multiple"), acc("parallel"), acc("parallel_multiple")]),
    liveOverall,
    irrelevance: mean([acc("irrelevance"), acc("live_irrelevance")]),
    relevance: acc("live_relevance"),
  };
}
