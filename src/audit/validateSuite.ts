/**
 * `validateSuite`: the frontier-ceiling gate. Frontier models' results are graded under both
 * rulesets; per category the ceiling is the share of entries at least one frontier model passes.
 * Every failure of a frontier model is classified:
 *
 * - `unsatisfiable_gold`: the audit shows that no answer passes in this ruleset and decoding;
 * - `equivalent_answer`: under `bfcl`, the default ruleset accepts the answer; or the answer
 *   differs from the gold only in form (the gold under-enumerates what it should accept);
 * - `disputed`: the answer is supported by the conversation but says something else, or leaves
 *   out a value the conversation does not support: a person must look;
 * - `frontier_error`: the answer is wrong (a call missing, extra or misnamed, nothing readable,
 *   a required value left out) or not supported by the conversation.
 *
 * A category is trusted under a ruleset when its ceiling, after dropping the entries that no
 * answer can pass for any of the runs, reaches the threshold.
 */
import { CATEGORY_IDS, type CategoryId } from "../categories.js";
import { grade, type RulesetId } from "../grade.js";
import type { ResultRecord } from "../suite/parseResults.js";
import type { Entry, GoldCall } from "../types.js";
import { PyDict, pyEquals, type Value } from "../value/value.js";
import type { AuditReport } from "./auditSuite.js";
import { compareAnswer, type Difference } from "./compareAnswer.js";
import type { Scope } from "./findings.js";
import { conversationText, Grounding } from "./grounding.js";

export type Classification = "unsatisfiable_gold" | "equivalent_answer" | "disputed" | "frontier_error";

export const CLASSIFICATIONS: readonly Classification[] = ["unsatisfiable_gold", "equivalent_answer", "disputed", "frontier_error"];

/** One frontier run: its name, its result records and how they are decoded. */
export interface FrontierRun {
  model: string;
  records: readonly ResultRecord[];
  decode: "prompt" | "fc";
  underscoreToDot: boolean;
}

export interface ValidateOptions {
  /** Ceiling a category must reach to be trusted. Default 0.98. */
  threshold?: number;
  /** Ruleset whose passes make the slice. Default `bfcl`. */
  sliceRuleset?: RulesetId;
}

/** A frontier failure and why it is classified so. */
export interface FrontierFailure {
  model: string;
  id: string;
  category: CategoryId;
  ruleset: RulesetId;
  classification: Classification;
  /** For `equivalent_answer`: the default ruleset accepts it, or it differs from the gold only in form. */
  basis?: "default_accepts" | "form";
  /** A short reason: the first deciding difference or rule. */
  reason: string;
  differences: Difference[];
  source: { file: string; line: number };
}

export interface Ceiling {
  /** Entries at least one frontier model passes. */
  passed: number;
  total: number;
  ceiling: number;
  /** After dropping the entries no answer can pass (for every run). */
  dropped: number;
  ceilingAfterDrop: number;
  trusted: boolean;
}

export interface CategoryValidation {
  category: CategoryId;
  /** Runs that have results in this category. */
  models: string[];
  /** Per-run accuracy under each ruleset. */
  accuracy: Record<RulesetId, Record<string, number>>;
  ceiling: Record<RulesetId, Ceiling>;
  /** Failures per class, per ruleset (over all runs). */
  counts: Record<RulesetId, Record<Classification, number>>;
  /** Of the bfcl `equivalent_answer` failures, those the default ruleset accepts. */
  defaultAccepts: number;
}

/** A proposed extra acceptable value: the frontier answer a gold under-enumerates. */
export interface Proposal {
  id: string;
  goldIndex: number;
  param: string;
  value: Value;
  models: string[];
}

export interface ValidationReport {
  threshold: number;
  sliceRuleset: RulesetId;
  categories: CategoryValidation[];
  failures: FrontierFailure[];
  proposals: Proposal[];
  /** Ids every frontier run passes under the slice ruleset, in suite order. */
  slice: string[];
}

function scopeOf(ruleset: RulesetId, run: FrontierRun): Scope {
  return ruleset === "default" ? "default" : run.decode === "fc" ? "bfcl-fc" : "bfcl-prompt";
}

const RANK: Record<Difference["kind"], Classification> = {
  structure: "frontier_error",
  missing: "frontier_error",
  ungrounded: "frontier_error",
  substance: "disputed",
  gold_ungrounded: "disputed",
  form: "equivalent_answer",
};

function describeDifference(d: Difference): string {
  const what = d.detail ? ` (${d.detail})` : "";
  switch (d.kind) {
    case "structure":
      return `${d.path}: ${d.detail ?? "structure differs"}`;
    case "missing":
      return `${d.path}: left out, though the conversation supports the gold`;
    case "gold_ungrounded":
      return `${d.path}: left out; the gold's value is not in the conversation`;
    default:
      return `${d.path}: ${d.kind}${what}`;
  }
}

/** Classifies one failure from its differences (the worst class wins). */
export function classify(differences: readonly Difference[]): { classification: Classification; deciding?: Difference } {
  for (const c of ["frontier_error", "disputed", "equivalent_answer"] as const) {
    const d = differences.find((x) => RANK[x.kind] === c);
    if (d) return { classification: c, deciding: d };
  }
  // Nothing differs by meaning: the grader rejects how the answer is written.
  return { classification: "equivalent_answer" };
}

/**
 * @example validateSuite(suite.entries, [{ model: "gpt-4o", records, decode: "fc", underscoreToDot: true }], audit)
 */
export function validateSuite(
  suite: ReadonlyMap<CategoryId, readonly Entry[]>,
  runs: readonly FrontierRun[],
  audit: Pick<AuditReport, "unsatisfiable">,
  options: ValidateOptions = {},
): ValidationReport {
  const threshold = options.threshold ?? 0.98;
  const sliceRuleset = options.sliceRuleset ?? "bfcl";
  const byRun = runs.map((r) => new Map(r.records.map((x) => [x.id, x])));
  const failures: FrontierFailure[] = [];
  const proposals = new Map<string, Proposal>();
  const categories: CategoryValidation[] = [];
  const slice: string[] = [];
  for (const category of CATEGORY_IDS) {
    const entries = suite.get(category);
    if (!entries) continue;
    const present = runs.map((_, i) => entries.some((e) => byRun[i]!.has(e.id)));
    const active = runs.filter((_, i) => present[i]);
    if (active.length === 0) continue;
    const counts = { default: zero(), bfcl: zero() };
    let defaultAccepts = 0;
    const passed = { default: 0, bfcl: 0 };
    const dropped = { default: 0, bfcl: 0 };
    const correct: Record<RulesetId, Record<string, number>> = { default: {}, bfcl: {} };
    for (const entry of entries) {
      let grounding: Grounding | undefined;
      const passedBy: Record<RulesetId, number> = { default: 0, bfcl: 0 };
      const unsatisfiableFor: Record<RulesetId, number> = { default: 0, bfcl: 0 };
      runs.forEach((run, i) => {
        if (!present[i]) return;
        const record = byRun[i]!.get(entry.id);
        const verdicts = {} as Record<RulesetId, ReturnType<typeof grade> | undefined>;
        for (const ruleset of ["bfcl", "default"] as const) {
          if (audit.unsatisfiable[scopeOf(ruleset, run)].has(entry.id)) unsatisfiableFor[ruleset]++;
          const r = record ? grade(entry, record.result, { ruleset, decode: run.decode, underscoreToDot: run.underscoreToDot }) : undefined;
          verdicts[ruleset] = r;
          if (r?.valid) {
            passedBy[ruleset]++;
            correct[ruleset][run.model] = (correct[ruleset][run.model] ?? 0) + 1;
          }
        }
        for (const ruleset of ["bfcl", "default"] as const) {
          const r = verdicts[ruleset];
          if (r?.valid) continue;
          const source = record ? { file: record.file, line: record.line } : { file: "", line: 0 };
          let classification: Classification;
          let reason: string;
          let differences: Difference[] = [];
          let basis: FrontierFailure["basis"];
          if (audit.unsatisfiable[scopeOf(ruleset, run)].has(entry.id)) {
            classification = "unsatisfiable_gold";
            reason = `no answer can pass under ${scopeOf(ruleset, run)}`;
          } else if (!record) {
            classification = "frontier_error";
            reason = "no result";
          } else {
            grounding ??= new Grounding(conversationText(entry));
            differences = compareAnswer(entry, record.result, run.decode, grounding);
            if (ruleset === "bfcl" && verdicts.default?.valid) {
              classification = "equivalent_answer";
              basis = "default_accepts";
              reason = `the default ruleset accepts it (${verdicts.default.rules.join(", ")})`;
            } else {
              const c = classify(differences);
              classification = c.classification;
              reason = c.deciding ? describeDifference(c.deciding) : `differs only in how it is written (${r?.errorType ?? "failed"})`;
              if (classification === "equivalent_answer") basis = "form";
            }
            if (classification === "equivalent_answer") propose(proposals, entry, run.model, differences);
          }
          counts[ruleset][classification]++;
          if (basis === "default_accepts") defaultAccepts++;
          failures.push({ model: run.model, id: entry.id, category, ruleset, classification, ...(basis ? { basis } : {}), reason, differences, source });
        }
      });
      for (const ruleset of ["bfcl", "default"] as const) {
        if (passedBy[ruleset] > 0) passed[ruleset]++;
        else if (unsatisfiableFor[ruleset] === active.length) dropped[ruleset]++;
      }
      const sliceVerdicts = runs.filter((_, i) => present[i]).length;
      if (passedBy[sliceRuleset] === sliceVerdicts) slice.push(entry.id);
    }
    const ceiling = (ruleset: RulesetId): Ceiling => {
      const total = entries.length;
      const kept = total - dropped[ruleset];
      const after = kept ? passed[ruleset] / kept : 0;
      return { passed: passed[ruleset], total, ceiling: total ? passed[ruleset] / total : 0, dropped: dropped[ruleset], ceilingAfterDrop: after, trusted: after >= threshold };
    };
    const accuracy = (ruleset: RulesetId) => Object.fromEntries(active.map((r) => [r.model, (correct[ruleset][r.model] ?? 0) / entries.length]));
    categories.push({
      category,
      models: active.map((r) => r.model),
      accuracy: { bfcl: accuracy("bfcl"), default: accuracy("default") },
      ceiling: { bfcl: ceiling("bfcl"), default: ceiling("default") },
      counts,
      defaultAccepts,
    });
  }
  return { threshold, sliceRuleset, categories, failures, proposals: [...proposals.values()], slice };
}

function zero(): Record<Classification, number> {
  return { unsatisfiable_gold: 0, equivalent_answer: 0, disputed: 0, frontier_error: 0 };
}

/** Collects the received values of an equivalent answer that the gold does not list. */
function propose(into: Map<string, Proposal>, entry: Entry, model: string, differences: readonly Difference[]): void {
  for (const d of differences) {
    if (d.kind !== "form" || d.goldIndex === undefined || d.param === undefined || d.received === undefined) continue;
    const gold = entry.golds[d.goldIndex]!;
    const alts = gold.params.get(d.param);
    if (alts === undefined || (Array.isArray(alts) && alts.some((a) => pyEquals(a, d.received!)))) continue;
    const key = `${entry.id}\0${d.goldIndex}\0${d.param}\0${JSON.stringify(String(d.received))}`;
    const p = into.get(key);
    if (p) {
      if (!p.models.includes(model)) p.models.push(model);
    } else into.set(key, { id: entry.id, goldIndex: d.goldIndex, param: d.param, value: d.received, models: [model] });
  }
}

/**
 * The golds of the entries with proposals, the proposed values appended to their alternatives,
 * in BFCL's possible-answer form (`{"id", "ground_truth"}`); nothing is applied to the suite.
 */
export function patchedGolds(suite: ReadonlyMap<CategoryId, readonly Entry[]>, proposals: readonly Proposal[]): Array<{ id: string; ground_truth: PyDict[] }> {
  const byId = new Map<string, Proposal[]>();
  for (const p of proposals) byId.set(p.id, [...(byId.get(p.id) ?? []), p]);
  const out: Array<{ id: string; ground_truth: PyDict[] }> = [];
  for (const entries of suite.values()) {
    for (const entry of entries) {
      const ps = byId.get(entry.id);
      if (!ps) continue;
      const golds = entry.golds.map((g: GoldCall, gi) => {
        const params = [...g.params].map(([k, v]): [string, Value] => {
          const extra = ps.filter((p) => p.goldIndex === gi && p.param === k).map((p) => p.value);
          return [k, extra.length ? [...(Array.isArray(v) ? v : [v]), ...extra] : v];
        });
        return PyDict.fromPairs([[g.name, PyDict.fromPairs(params)]]);
      });
      out.push({ id: entry.id, ground_truth: golds });
    }
  }
  return out;
}
