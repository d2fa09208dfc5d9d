/**
 * Scores a run: pairs result records with suite entries by id, grades each, and aggregates.
 * Missing, duplicate and unknown ids are reported; a run with missing results is refused unless
 * `partial` is set (as BFCL's `--partial-eval`), so nothing is scored silently against a subset.
 */
import type { CategoryId } from "./categories.js";
import { grade, RULESET_VERSIONS, type GradeOptions, type GradeResult, type RulesetId } from "./grade.js";
import { categoryScores, summaryColumns, type CategoryScore, type SummaryColumns } from "./report.js";
import type { ResultRecord } from "./suite/parseResults.js";
import type { Entry } from "./types.js";
import { VERSION } from "./version.js";

export interface ScoreOptions extends GradeOptions {
  /** Score what is there when results are missing. */
  partial?: boolean;
}

export interface IdProblems {
  missing: string[];
  duplicate: string[];
  unknown: string[];
}

export interface ScoreReport {
  toolgrade: string;
  ruleset: RulesetId;
  rulesetVersion: string;
  decode: "prompt" | "fc";
  underscoreToDot: boolean;
  partial: boolean;
  categories: CategoryScore[];
  summary: SummaryColumns;
  problems: IdProblems;
  results: GradeResult[];
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
  const seen = new Set<string>();
  const problems: IdProblems = { missing: [], duplicate: [], unknown: [] };
  const pairs: Array<[Entry, ResultRecord]> = [];
  for (const r of records) {
    const entry = byId.get(r.id);
    if (!entry) problems.unknown.push(r.id);
    else if (seen.has(r.id)) problems.duplicate.push(r.id);
    else {
      seen.add(r.id);
      pairs.push([entry, r]);
    }
  }
  const categoriesRun = new Set(records.map((r) => r.category));
  for (const [category, list] of suite) {
    if (!categoriesRun.has(category)) continue;
    for (const e of list) if (!seen.has(e.id)) problems.missing.push(e.id);
  }
  if (problems.unknown.length) throw new RunError(`results for ids the suite does not have: ${preview(problems.unknown)}`, problems);
  if (problems.duplicate.length) throw new RunError(`duplicate results for ids: ${preview(problems.duplicate)}`, problems);
  if (problems.missing.length && !options.partial) {
    throw new RunError(
      `${problems.missing.length} results are missing (${preview(problems.missing)}); pass --partial to score what is there`,
      problems,
    );
  }
  pairs.sort(([a], [b]) => compareIds(a.id, b.id));
  const results = pairs.map(([entry, r]) => grade(entry, r.result, options));
  const categories = categoryScores(results);
  const ruleset = options.ruleset ?? "default";
  return {
    toolgrade: VERSION,
    ruleset,
    rulesetVersion: RULESET_VERSIONS[ruleset],
    decode: options.decode ?? "prompt",
    underscoreToDot: options.underscoreToDot ?? false,
    partial: options.partial ?? false,
    categories,
    summary: summaryColumns(categories),
    problems,
    results,
  };
}

/** Orders ids as BFCL sorts them: by category, then by the numbers in the id. */
function compareIds(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
