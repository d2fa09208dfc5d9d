/**
 * `--format json` (the whole report) and `--format jsonl` (one line per graded entry). Python
 * values in mismatches become plain JSON: ints as numbers (as strings beyond 2^53), tuples and
 * sets as arrays, dicts as objects, bytes and complex numbers as their Python repr.
 */
import { describeMismatch } from "../../format.js";
import { pyRepr } from "../../value/repr.js";
import { PyBytes, PyComplex, PyDict, PySet, PyTuple } from "../../value/value.js";
import { isView, type Document, type ScoredRun, type ScoreDocument } from "./document.js";

export function plain(v: unknown): unknown {
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  if (v instanceof PyTuple || v instanceof PySet) return v.items.map(plain);
  if (v instanceof PyDict) return Object.fromEntries(v.entries.map(([k, x]) => [typeof k === "string" ? k : pyRepr(k), plain(x)]));
  if (v instanceof PyBytes || v instanceof PyComplex) return pyRepr(v);
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [String(k), plain(x)]));
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === "object" && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

function runJson(run: ScoredRun): Record<string, unknown> {
  const { results, ...rest } = run.report;
  return {
    ...rest,
    results: results.map((r) => ({ ...r, messages: r.mismatches.map(describeMismatch) })),
    gates: run.gates,
    ...(run.comparison ? { comparison: run.comparison } : {}),
  };
}

/**
 * One run: its report (toolgrade version, model, ruleset and version, suite hash, categories,
 * leaderboard, per-entry results, gates, comparison). Several runs: `{toolgrade, ruleset,
 * rulesetVersion, suiteHash, runs: [...]}`. Both are read back by `--baseline`.
 */
export function renderJson(anyDoc: Document): string {
  if (isView(anyDoc)) return `${JSON.stringify(plain(anyDoc.json), null, 2)}\n`;
  const doc: ScoreDocument = anyDoc;
  const body =
    doc.runs.length === 1
      ? { ...runJson(doc.runs[0]!), ...(doc.baseline ? { baselineFile: doc.baseline } : {}), ...(doc.slice ? { slice: doc.slice } : {}) }
      : {
          toolgrade: doc.toolgrade,
          ruleset: doc.ruleset,
          rulesetVersion: doc.rulesetVersion,
          suiteHash: doc.suiteHash,
          ...(doc.baseline ? { baselineFile: doc.baseline } : {}),
          ...(doc.slice ? { slice: doc.slice } : {}),
          runs: doc.runs.map(runJson),
        };
  return `${JSON.stringify(plain(body), null, 2)}\n`;
}

/** `{"model", "id", "category", "valid", "error_type", "codes", "messages", "file", "line"}` per entry. */
export function renderJsonl(anyDoc: Document): string {
  if (isView(anyDoc)) return anyDoc.jsonl.map((l) => `${JSON.stringify(plain(l))}\n`).join("");
  const doc: ScoreDocument = anyDoc;
  return doc.runs
    .flatMap((run) =>
      run.report.results.map((r) =>
        JSON.stringify({
          model: run.report.model,
          id: r.id,
          category: r.category,
          valid: r.valid,
          error_type: r.errorType,
          codes: r.mismatches.map((m) => m.code),
          messages: r.mismatches.map(describeMismatch),
          file: r.source.file,
          line: r.source.line,
        }),
      ),
    )
    .map((l) => `${l}\n`)
    .join("");
}
