/**
 * Scores a run: pairs result records with suite entries by id, grades each, and aggregates.
 * Missing, duplicate and unknown ids are reported; a run with missing results is refused unless
 * `partial` is set (as BFCL's `--partial-eval`), so nothing is scored silently against a subset.
 */
import { CATEGORY_IDS, type CategoryId } from "./categories.js";
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
  const run = new RunScorer(suite, options);
  const pairs: Array<[Entry, ResultRecord]> = [];
  for (const r of records) {
    const entry = run.claim(r);
    if (entry) pairs.push([entry, r]);
  }
  // Id problems are refused before anything is graded.
  run.check();
  pairs.sort(([a], [b]) => compareIds(a.id, b.id));
  for (const [entry, r] of pairs) {
    run.graded(r, grade(entry, r.result, options));
    options.onProgress?.(run.size, pairs.length);
  }
  return run.finish();
}

/**
 * A run scored one record at a time, for results streamed from disk or graded on other threads:
 * only each entry's verdict and source line are kept, never the model output, so memory grows
 * with the suite, not with the results file. `claim` pairs a record with its entry (or notes an
 * unknown or duplicate id); `graded` keeps its verdict; `finish` refuses the run on id problems
 * (as {@link scoreRun} does) or returns the report, entries in BFCL's id order.
 *
 * @example
 * const run = new RunScorer(suite.entries, { ruleset: "bfcl" });
 * for (const r of streamResults(file)) run.add(r);
 * const report = run.finish();
 */
export class RunScorer {
  private readonly byId = new Map<string, Entry>();
  private readonly indexed = new Set<CategoryId>();
  /** Where each claimed id's result is, so an error names the file and line to fix. */
  private readonly seen = new Map<string, string>();
  private readonly unknownAt: string[] = [];
  private readonly duplicateAt: string[] = [];
  private readonly categoriesRun = new Set<CategoryId>();
  private readonly problems: IdProblems = { missing: [], duplicate: [], unknown: [] };
  private readonly results: ScoredEntry[] = [];

  constructor(
    private readonly suite: ReadonlyMap<CategoryId, readonly Entry[]>,
    private readonly options: ScoreOptions = {},
  ) {}

  /** Entries graded so far. */
  get size(): number {
    return this.results.length;
  }

  /** The entry to grade a record against; undefined for an unknown or repeated id (noted as a problem). */
  claim(record: Pick<ResultRecord, "id" | "category"> & Partial<Pick<ResultRecord, "file" | "line">>): Entry | undefined {
    // The suite may grow while a run streams (the CLI loads a category when it first meets it).
    if (this.indexed.size !== this.suite.size) {
      for (const [category, list] of this.suite) {
        if (this.indexed.has(category)) continue;
        this.indexed.add(category);
        for (const e of list) this.byId.set(e.id, e);
      }
    }
    this.categoriesRun.add(record.category);
    const entry = this.byId.get(record.id);
    const at = record.file === undefined ? "" : ` at ${record.file}:${record.line}`;
    const first = this.seen.get(record.id);
    if (!entry) {
      this.problems.unknown.push(record.id);
      this.unknownAt.push(`${record.id}${at}`);
    } else if (first !== undefined) {
      this.problems.duplicate.push(record.id);
      this.duplicateAt.push(`${record.id}${at}${first ? `, first${first}` : ""}`);
    } else {
      this.seen.set(record.id, at);
      return entry;
    }
    return undefined;
  }

  /** Keeps the verdict of a claimed record. */
  graded(record: Pick<ResultRecord, "file" | "line">, result: GradeResult): void {
    this.results.push({ ...result, source: { file: record.file, line: record.line } });
  }

  /** Claims and grades one record. */
  add(record: ResultRecord): void {
    const entry = this.claim(record);
    if (entry) this.graded(record, grade(entry, record.result, this.options));
  }

  /** Throws a RunError for unknown or repeated ids, or for missing ones unless `partial`. */
  check(): void {
    const problems = this.problems;
    problems.missing = [];
    // In BFCL's category order, whatever order the suite map was filled in.
    for (const category of CATEGORY_IDS) {
      const list = this.suite.get(category);
      if (!list || !this.categoriesRun.has(category)) continue;
      for (const e of list) if (!this.seen.has(e.id)) problems.missing.push(e.id);
    }
    const errors: string[] = [];
    if (problems.unknown.length) errors.push(`${problems.unknown.length} results for ids the suite does not have (${preview(this.unknownAt)})`);
    if (problems.duplicate.length) errors.push(`${problems.duplicate.length} duplicate results (${preview(this.duplicateAt)})`);
    if (problems.missing.length && !this.options.partial) {
      errors.push(`${problems.missing.length} results are missing (${preview(problems.missing)}); pass --partial to score what is there`);
    }
    if (errors.length) throw new RunError(errors.join("; "), problems);
  }

  /** The report; throws a RunError as {@link check} does. `suiteHash` may be given only now (once every category is known). */
  finish(late: Pick<ScoreOptions, "suiteHash"> = {}): ScoreReport {
    this.check();
    const options = { ...this.options, ...late };
    const results = [...this.results].sort((a, b) => compareIds(a.id, b.id));
    const sizes = new Map<CategoryId, number>();
    for (const [category, list] of this.suite) sizes.set(category, list.length);
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
      problems: this.problems,
      results,
    };
  }
}

/** One collator for every comparison: `localeCompare` with options builds a new one per call. */
const ID_ORDER = new Intl.Collator("en", { numeric: true });

/** Orders ids as BFCL sorts them: by category, then by the numbers in the id. */
function compareIds(a: string, b: string): number {
  return ID_ORDER.compare(a, b);
}
