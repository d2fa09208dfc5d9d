/**
 * Aggregation: per-category accuracy and BFCL's leaderboard columns (bfcl-ast-spec §9), as BFCL
 * computes them: an unweighted column is the plain mean of its parts' accuracies, a weighted one
 * `Σ accuracy·count / Σ count` over the entries graded, in that order of operations, so the
 * figures equal BFCL's to the last bit. Where BFCL counts a category that was not run as 0 (and
 * prints "N/A"), a column here is `null` and lists what was not run: never a silent 0.
 */
import { CATEGORY_IDS, type CategoryId } from "./categories.js";
import type { GradeResult } from "./grade.js";

export interface CategoryScore {
  category: CategoryId;
  /** Entries graded (results present). */
  total: number;
  correct: number;
  accuracy: number;
  /** Entries of the suite with no result (non-zero only in a partial run). */
  missing: number;
}

export type LeaderboardColumnId = "non_live_simple" | "non_live_overall" | "live_overall" | "irrelevance_detection" | "relevance_detection";

export interface LeaderboardColumnDef {
  id: LeaderboardColumnId;
  /** As BFCL's leaderboard names it. */
  label: string;
  mean: "unweighted" | "weighted";
  of: readonly (CategoryId | LeaderboardColumnId)[];
}

/** BFCL's single-turn leaderboard columns, in the order they are shown. */
export const LEADERBOARD_COLUMNS: readonly LeaderboardColumnDef[] = [
  { id: "non_live_simple", label: "Non-Live simple", mean: "unweighted", of: ["simple_python", "simple_java", "simple_javascript"] },
  { id: "non_live_overall", label: "Non-Live overall", mean: "unweighted", of: ["non_live_simple", "multiple", "parallel", "parallel_multiple"] },
  { id: "live_overall", label: "Live overall", mean: "weighted", of: ["live_simple", "live_multiple", "live_parallel", "live_parallel_multiple"] },
  { id: "irrelevance_detection", label: "Irrelevance detection", mean: "unweighted", of: ["irrelevance", "live_irrelevance"] },
  { id: "relevance_detection", label: "Relevance detection", mean: "unweighted", of: ["live_relevance"] },
];

export const LEADERBOARD_COLUMN_IDS: readonly LeaderboardColumnId[] = LEADERBOARD_COLUMNS.map((c) => c.id);

export interface LeaderboardColumn {
  id: LeaderboardColumnId;
  label: string;
  /** `null` when any category it averages was not run. */
  accuracy: number | null;
  /** Entries graded in the categories it covers. */
  total: number;
  /** Categories it needs that were not run. */
  notRun: CategoryId[];
}

/** The summary columns by name; `null` = not run. Kept for callers that want plain fields. */
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

/** Every graded entry together: correct / total. Not BFCL's "Overall Acc", which needs multi-turn and agentic. */
export interface AllEntries {
  total: number;
  correct: number;
  accuracy: number | null;
}

/**
 * @example categoryScores(report.results, new Map([["simple_python", 400]]))
 * // [{ category: "simple_python", total: 400, correct: 374, accuracy: 0.935, missing: 0 }]
 */
export function categoryScores(results: readonly Pick<GradeResult, "category" | "valid">[], suiteSizes?: ReadonlyMap<CategoryId, number>): CategoryScore[] {
  const by = new Map<CategoryId, { total: number; correct: number }>();
  for (const r of results) {
    const s = by.get(r.category) ?? { total: 0, correct: 0 };
    s.total++;
    if (r.valid) s.correct++;
    by.set(r.category, s);
  }
  return CATEGORY_IDS.filter((c) => by.has(c)).map((c) => {
    const s = by.get(c)!;
    const size = suiteSizes?.get(c) ?? s.total;
    return { category: c, ...s, accuracy: s.correct / s.total, missing: Math.max(0, size - s.total) };
  });
}

/**
 * BFCL's leaderboard columns from per-category scores.
 *
 * @example leaderboard(report.categories).find((c) => c.id === "live_overall")?.accuracy // 0.7469…
 */
export function leaderboard(scores: readonly CategoryScore[]): LeaderboardColumn[] {
  const done = new Map<string, LeaderboardColumn | CategoryScore>();
  for (const s of scores) done.set(s.category, s);
  const part = (id: string) => {
    const p = done.get(id);
    if (p) return { accuracy: p.accuracy, total: p.total, notRun: "notRun" in p ? p.notRun : [] };
    return { accuracy: null, total: 0, notRun: [id as CategoryId] };
  };
  return LEADERBOARD_COLUMNS.map((def) => {
    const parts = def.of.map(part);
    const notRun = parts.flatMap((p) => p.notRun);
    const total = parts.reduce((a, p) => a + p.total, 0);
    let accuracy: number | null = null;
    if (notRun.length === 0) {
      // BFCL's calculate_unweighted_accuracy / calculate_weighted_accuracy, same order of operations.
      accuracy =
        def.mean === "unweighted"
          ? parts.reduce((a, p) => a + p.accuracy!, 0) / parts.length
          : total > 0
            ? parts.reduce((a, p) => a + p.accuracy! * p.total, 0) / total
            : 0;
    }
    const column = { id: def.id, label: def.label, accuracy, total, notRun };
    done.set(def.id, column);
    return column;
  });
}

/** BFCL's summary columns as plain fields (`null` = not run). */
export function summaryColumns(scores: readonly CategoryScore[]): SummaryColumns {
  const acc = new Map(leaderboard(scores).map((c) => [c.id, c.accuracy]));
  return {
    nonLiveSimple: acc.get("non_live_simple") ?? null,
    nonLiveOverall: acc.get("non_live_overall") ?? null,
    liveOverall: acc.get("live_overall") ?? null,
    irrelevance: acc.get("irrelevance_detection") ?? null,
    relevance: acc.get("relevance_detection") ?? null,
  };
}

/** Correct / total over every graded entry. */
export function allEntries(scores: readonly CategoryScore[]): AllEntries {
  const total = scores.reduce((a, s) => a + s.total, 0);
  const correct = scores.reduce((a, s) => a + s.correct, 0);
  return { total, correct, accuracy: total === 0 ? null : correct / total };
}
