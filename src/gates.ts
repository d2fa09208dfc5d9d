/**
 * Gates for CI: minimum accuracies and maximum regressions against a baseline report, checked as
 * data. A gate names a target: `all` (every graded entry), a category (`live_simple`) or a
 * leaderboard column (`live_overall`). A target that was not run fails a minimum gate (a build
 * cannot pass on a figure that does not exist). Comparing with a baseline also lists the entries
 * that newly fail and newly pass.
 */
import { CATEGORY_IDS, isCategoryId, type CategoryId } from "./categories.js";
import { allEntries, LEADERBOARD_COLUMNS, leaderboard, type CategoryScore, type LeaderboardColumnId } from "./report.js";
import type { ScoreReport } from "./score.js";

export type GateTarget = "all" | CategoryId | LeaderboardColumnId;

export const GATE_TARGETS: readonly GateTarget[] = ["all", ...CATEGORY_IDS, ...LEADERBOARD_COLUMNS.map((c) => c.id)];

export type Gate =
  /** The target's accuracy must be at least `min`. */
  | { kind: "min"; target: GateTarget; min: number }
  /**
   * The target may drop by at most `maxDrop` against the baseline. `target: "summary"` checks
   * `all` and every leaderboard column that both reports have.
   */
  | { kind: "max_regression"; target: GateTarget | "summary"; maxDrop: number };

/** The figures of one run that gates and comparisons need; read from a report or a baseline file. */
export interface RunScores {
  model: string;
  ruleset: string;
  suiteHash: string | null;
  categories: readonly CategoryScore[];
  /** Verdict per entry id. */
  verdicts: ReadonlyMap<string, boolean>;
}

export interface ColumnChange {
  target: GateTarget;
  before: number | null;
  after: number | null;
}

export interface Comparison {
  baselineModel: string;
  /** The suite hashes differ (both known): the figures may not be comparable. */
  suiteChanged: boolean;
  /** `all`, every category and every leaderboard column, before and after. */
  columns: ColumnChange[];
  /** Entries valid in the baseline that fail now, in the run's order (a report's is by id). */
  newlyFailing: string[];
  /** Entries that failed in the baseline and are valid now. */
  newlyPassing: string[];
}

export interface GateResult {
  gate: Gate;
  /** The target checked (a `summary` regression gate gives one result per column). */
  target: GateTarget;
  passed: boolean;
  /** The figure now; `null` when the target was not run. */
  actual: number | null;
  /** The baseline figure, for regression gates. */
  baseline?: number | null;
  /** Why it failed or could not be checked, as a code. */
  reason?: "not_run" | "below_min" | "regressed" | "no_baseline";
}

/** Accuracy differences below this count as equal (means of ratios are not exact). */
const EPSILON = 1e-12;

export function isGateTarget(s: string): s is GateTarget {
  return (GATE_TARGETS as readonly string[]).includes(s);
}

/** The display name of a target: a category id, a leaderboard column's label, or "all entries". */
export function targetLabel(t: GateTarget): string {
  if (t === "all") return "all entries";
  if (isCategoryId(t)) return t;
  return LEADERBOARD_COLUMNS.find((c) => c.id === t)!.label;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * A fraction in [0, 1], written `0.8` or `80%`.
 *
 * @example parseFraction("80%") // { ok: true, value: 0.8 }
 */
export function parseFraction(text: string): Parsed<number> {
  const m = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*(%?)\s*$/.exec(text);
  if (!m) return { ok: false, error: `'${text}' is not a number (write 0.8 or 80%)` };
  const value = Number(m[1]) / (m[2] ? 100 : 1);
  if (value > 1) return { ok: false, error: `'${text}' is more than 100%` };
  return { ok: true, value };
}

function targetOf(name: string): Parsed<GateTarget> {
  if (isGateTarget(name)) return { ok: true, value: name };
  return { ok: false, error: `unknown gate target '${name}' (use all, a category or one of ${LEADERBOARD_COLUMNS.map((c) => c.id).join(", ")})` };
}

/**
 * `--min live_simple=0.8`, or `--min-accuracy 0.9` as `parseMinGate("0.9")` (target `all`).
 *
 * @example parseMinGate("live_overall=75%") // { ok: true, value: { kind: "min", target: "live_overall", min: 0.75 } }
 */
export function parseMinGate(spec: string): Parsed<Gate> {
  const eq = spec.indexOf("=");
  const target = eq < 0 ? ({ ok: true, value: "all" } as const) : targetOf(spec.slice(0, eq).trim());
  if (!target.ok) return target;
  const min = parseFraction(eq < 0 ? spec : spec.slice(eq + 1));
  if (!min.ok) return min;
  return { ok: true, value: { kind: "min", target: target.value, min: min.value } };
}

/**
 * `--max-regression 0.01` (all entries and every leaderboard column) or `--max-regression live_simple=0.05`.
 *
 * @example parseRegressionGate("0.01") // { ok: true, value: { kind: "max_regression", target: "summary", maxDrop: 0.01 } }
 */
export function parseRegressionGate(spec: string): Parsed<Gate> {
  const eq = spec.indexOf("=");
  const target = eq < 0 ? ({ ok: true, value: "summary" } as const) : targetOf(spec.slice(0, eq).trim());
  if (!target.ok) return target;
  const maxDrop = parseFraction(eq < 0 ? spec : spec.slice(eq + 1));
  if (!maxDrop.ok) return maxDrop;
  return { ok: true, value: { kind: "max_regression", target: target.value, maxDrop: maxDrop.value } };
}

/** Accuracy of every target for a run; `null` = not run. */
export function targetValues(categories: readonly CategoryScore[]): Map<GateTarget, number | null> {
  const values = new Map<GateTarget, number | null>();
  values.set("all", allEntries(categories).accuracy);
  for (const c of CATEGORY_IDS) values.set(c, categories.find((s) => s.category === c)?.accuracy ?? null);
  for (const col of leaderboard(categories)) values.set(col.id, col.accuracy);
  return values;
}

/** The figures gates need from a report. */
export function runScores(report: ScoreReport): RunScores {
  return {
    model: report.model,
    ruleset: report.ruleset,
    suiteHash: report.suiteHash,
    categories: report.categories,
    verdicts: new Map(report.results.map((r) => [r.id, r.valid])),
  };
}

/**
 * Compares a run with its baseline: every target before and after, and the entries whose
 * verdict flipped (entries present on one side only are not listed).
 */
export function compareRuns(current: RunScores, baseline: RunScores): Comparison {
  const now = targetValues(current.categories);
  const before = targetValues(baseline.categories);
  const newlyFailing: string[] = [];
  const newlyPassing: string[] = [];
  for (const [id, valid] of current.verdicts) {
    const was = baseline.verdicts.get(id);
    if (was === true && !valid) newlyFailing.push(id);
    else if (was === false && valid) newlyPassing.push(id);
  }
  return {
    baselineModel: baseline.model,
    suiteChanged: current.suiteHash !== null && baseline.suiteHash !== null && current.suiteHash !== baseline.suiteHash,
    columns: GATE_TARGETS.map((target) => ({ target, before: before.get(target) ?? null, after: now.get(target) ?? null })),
    newlyFailing,
    newlyPassing,
  };
}

/**
 * Checks every gate against a run (and its comparison with a baseline, for regression gates;
 * without one, a regression gate fails with `no_baseline`).
 *
 * @example evaluateGates([{ kind: "min", target: "all", min: 0.9 }], runScores(report)).every((g) => g.passed)
 */
export function evaluateGates(gates: readonly Gate[], run: RunScores, comparison?: Comparison): GateResult[] {
  const now = targetValues(run.categories);
  const out: GateResult[] = [];
  for (const gate of gates) {
    if (gate.kind === "min") {
      const actual = now.get(gate.target) ?? null;
      if (actual === null) out.push({ gate, target: gate.target, passed: false, actual, reason: "not_run" });
      else if (actual + EPSILON < gate.min) out.push({ gate, target: gate.target, passed: false, actual, reason: "below_min" });
      else out.push({ gate, target: gate.target, passed: true, actual });
      continue;
    }
    if (!comparison) {
      out.push({ gate, target: gate.target === "summary" ? "all" : gate.target, passed: false, actual: null, reason: "no_baseline" });
      continue;
    }
    const columns =
      gate.target === "summary"
        ? comparison.columns.filter((c) => (c.target === "all" || !isCategoryId(c.target)) && c.before !== null && c.after !== null)
        : comparison.columns.filter((c) => c.target === gate.target);
    for (const c of columns) {
      const base = { gate, target: c.target, actual: c.after, baseline: c.before };
      if (c.before === null) out.push({ ...base, passed: true });
      else if (c.after === null) out.push({ ...base, passed: false, reason: "not_run" });
      else if (c.before - c.after > gate.maxDrop + EPSILON) out.push({ ...base, passed: false, reason: "regressed" });
      else out.push({ ...base, passed: true });
    }
  }
  return out;
}

/** A baseline file that cannot be read as a toolgrade JSON report. */
export class BaselineError extends Error {
  override name = "BaselineError";
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function readRun(v: unknown, where: string): RunScores {
  if (!isObject(v) || !Array.isArray(v.categories) || !Array.isArray(v.results) || typeof v.ruleset !== "string") {
    throw new BaselineError(`${where} is not a toolgrade score report (no ruleset, categories and results)`);
  }
  const categories: CategoryScore[] = v.categories.map((c, i) => {
    if (!isObject(c) || typeof c.category !== "string" || !isCategoryId(c.category) || typeof c.total !== "number" || typeof c.correct !== "number") {
      throw new BaselineError(`${where}: categories[${i}] needs category, total and correct`);
    }
    return { category: c.category, total: c.total, correct: c.correct, accuracy: c.total === 0 ? 0 : c.correct / c.total, missing: typeof c.missing === "number" ? c.missing : 0 };
  });
  const verdicts = new Map<string, boolean>();
  v.results.forEach((r, i) => {
    if (!isObject(r) || typeof r.id !== "string" || typeof r.valid !== "boolean") throw new BaselineError(`${where}: results[${i}] needs id and valid`);
    verdicts.set(r.id, r.valid);
  });
  return {
    model: typeof v.model === "string" ? v.model : "run",
    ruleset: v.ruleset,
    suiteHash: typeof v.suiteHash === "string" ? v.suiteHash : null,
    categories,
    verdicts,
  };
}

/**
 * Reads the runs of a baseline: the parsed JSON of `toolgrade score --format json`, one run
 * or `{ "runs": [...] }`.
 */
export function readBaseline(json: unknown): RunScores[] {
  if (isObject(json) && Array.isArray(json.runs)) return json.runs.map((r, i) => readRun(r, `runs[${i}]`));
  return [readRun(json, "the baseline")];
}
