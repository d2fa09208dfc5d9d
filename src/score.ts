/**
 * Scores a run: pairs result records with suite entries by id, grades each, and aggregates.
 * Missing, duplicate and unknown ids are reported; a run with missing results is refused unless
 * `partial` is set (as BFCL's `--partial-eval`), so nothing is scored silently against a subset.
 */
import type { CategoryId } from "./categories.js";
import { grade, RULESET_VERSIONS, type GradeOptions, type GradeResult, type RulesetId } from "./grade.js";
import {
  allEntries,
  categoryScores,
  leaderboard,
  summaryColumns,
  type AllEntries,
  type CategoryScore,
  type LeaderboardColumn,
  type SummaryColumns,
} from "./report.js";
import type { ResultRecord } from "./suite/parseResults.js";
import type { Entry, SourceRef } from "./types.js";
import { VERSION } from "./version.js";

export interface ScoreOptions extends GradeOptions {
  /** Score what is there when results are missing. */
  partial?: boolean;
  /** The name of the run (a model), written into the report. Default `"run"`. */
  model?: string;
  /** A hash of the suite data the run was graded against, written into the report as given. */
  suiteHash?: string;
  /** Called after each graded entry (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

export interface IdProblems {
  missing: string[];
  duplicate: string[];
  unknown: string[];
}

/** One graded entry and the result line it came from. */
export type ScoredEntry = GradeResult & { source: SourceRef };

export interface ScoreReport {
  toolgrade: string;
  model: string;
  ruleset: RulesetId;
  rulesetVersion: string;
  suiteHash: string | null;
  decode: "prompt" | "fc";
  underscoreToDot: boolean;
  partial: boolean;
  /** The categories that have results, in BFCL's order. */
  categories: CategoryScore[];
  /** BFCL's leaderboard columns; `accuracy: null` = not run. */
  leaderboard: LeaderboardColumn[];
  summary: SummaryColumns;
  all: AllEntries;
  problems: IdProblems;
  results: ScoredEntry[];
}

/** A run that cannot be scored as asked (missing results without `partial`, duplicates, unknown ids). */
export class RunError extends Error {
  constructor(
    message: string,
    readonly problems: IdProblems,
  ) {
    super(message);
    this.name = "RunError";
  }
}

function preview(ids: string[]): string {
  return ids.length <= 5 ? ids.join(", ") : `${ids.slice(0, 5).join(", ")} and ${ids.length - 5} more`;
}

/**
 * @example scoreRun(suite.entries, loadResults("result/my-model"), { ruleset: "bfcl" }).categories
 */
export function scoreRun(
  suite: ReadonlyMap<CategoryId, readonly Entry[]>,
  records: readonly ResultRecord[],
  options: ScoreOptions = {},
): ScoreReport {
  const byId = new Map<string, Entry>();
  for (const list of suite.values()) for (const e of list) byId.set(e.id, e);
  const seen = new Map<string, ResultRecord>();
  const problems: IdProblems = { missing: [], duplicate: [], unknown: [] };
  // Where each unknown or duplicate result is, so the error names the file and line to fix.
  const unknownAt: string[] = [];
  const duplicateAt: string[] = [];
  const pairs: Array<[Entry, ResultRecord]> = [];
  for (const r of records) {
    const entry = byId.get(r.id);
    const first = seen.get(r.id);
    if (!entry) {
      problems.unknown.push(r.id);
      unknownAt.push(`${r.id} at ${r.file}:${r.line}`);
    } else if (first) {
      problems.duplicate.push(r.id);
      duplicateAt.push(`${r.id} at ${r.file}:${r.line}, first at ${first.file}:${first.line}`);
    } else {
      seen.set(r.id, r);
      pairs.push([entry, r]);
    }
  }
  const categoriesRun = new Set(records.map((r) => r.category));
  for (const [category, list] of suite) {
    if (!categoriesRun.has(category)) continue;
    for (const e of list) if (!seen.has(e.id)) problems.missing.push(e.id);
  }
  const errors: string[] = [];
  if (problems.unknown.length) errors.push(`${problems.unknown.length} results for ids the suite does not have (${preview(unknownAt)})`);
  if (problems.duplicate.length) errors.push(`${problems.duplicate.length} duplicate results (${preview(duplicateAt)})`);
  if (problems.missing.length && !options.partial) {
    errors.push(`${problems.missing.length} results are missing (${preview(problems.missing)}); pass --partial to score what is there`);
  }
  if (errors.length) throw new RunError(errors.join("; "), problems);
  pairs.sort(([a], [b]) => compareIds(a.id, b.id));
  const results: ScoredEntry[] = [];
  for (const [entry, r] of pairs) {
    results.push({ ...grade(entry, r.result, options), source: { file: r.file, line: r.line } });
    options.onProgress?.(results.length, pairs.length);
  }
  const sizes = new Map<CategoryId, number>();
  for (const [category, list] of suite) sizes.set(category, list.length);
  const categories = categoryScores(results, sizes);
  const ruleset = options.ruleset ?? "default";
  return {
    toolgrade: VERSION,
    model: options.model ?? "run",
    ruleset,
    rulesetVersion: RULESET_VERSIONS[ruleset],
    suiteHash: options.suiteHash ?? null,
    decode: options.decode ?? "prompt",
    underscoreToDot: options.underscoreToDot ?? false,
    partial: options.partial ?? false,
    categories,
    leaderboard: leaderboard(categories),
    summary: summaryColumns(categories),
    all: allEntries(categories),
    problems,
    results,
  };
}

/** Orders ids as BFCL sorts them: by category, then by the numbers in the id. */
function compareIds(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
