/**
 * Figures and gate results as short text, shared by the human-readable formats (text,
 * markdown, junit, github) so they all say the same thing the same way.
 */
import { targetLabel, type GateResult } from "../../gates.js";
import type { ScoreDocument } from "./document.js";

/** `0.6` → `60.00%`; `null` → `not run`. */
export function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? "not run" : `${(x * 100).toFixed(2)}%`;
}

/** A change in accuracy as signed percentage points: `+1.25 pts`, `−0.50 pts`. */
export function points(delta: number): string {
  const p = (Math.abs(delta) * 100).toFixed(2);
  return `${delta < 0 && p !== "0.00" ? "−" : "+"}${p} pts`;
}

/** What a gate asks: `all entries ≥ 90.00%`, `Live overall may drop at most 1.00 pts`. */
export function gateName(g: GateResult): string {
  const label = targetLabel(g.target);
  if (g.gate.kind === "min") return `${label} ≥ ${pct(g.gate.min)}`;
  return `${label} may drop at most ${(g.gate.maxDrop * 100).toFixed(2)} pts`;
}

/** A gate and what was found: `all entries ≥ 90.00%: 75.81%`, `… : 70.00% → 67.90% (−2.10 pts)`. */
export function describeGate(g: GateResult): string {
  if (g.gate.kind === "min") return `${gateName(g)}: ${pct(g.actual)}`;
  if (g.reason === "no_baseline") return `${gateName(g)}: no baseline to compare with`;
  if (g.baseline === null || g.baseline === undefined) return `${gateName(g)}: ${pct(g.actual)}, not in the baseline`;
  const change = g.actual === null ? "not run now" : points(g.actual - g.baseline);
  return `${gateName(g)}: ${pct(g.baseline)} → ${pct(g.actual)} (${change})`;
}

/** The gate results of every run, with the run's name when there are several. */
export function allGates(doc: ScoreDocument): Array<{ model: string | null; gate: GateResult }> {
  const named = doc.runs.length > 1;
  return doc.runs.flatMap((r) => r.gates.map((gate) => ({ model: named ? r.report.model : null, gate })));
}

/** The first `cap` ids, then `and N more`. */
export function idList(ids: readonly string[], cap: number): string {
  return ids.length <= cap ? ids.join(", ") : `${ids.slice(0, cap).join(", ")} and ${ids.length - cap} more`;
}

/** Missing results per category, for a partial run: `simple_python 3, live_simple 1`. */
export function missingByCategory(run: ScoreDocument["runs"][number]): string {
  return run.report.categories
    .filter((c) => c.missing > 0)
    .map((c) => `${c.category} ${c.missing}`)
    .join(", ");
}

/** `sha256:0123456789ab` (the first 12 hex digits). */
export function shortHash(hash: string | null): string {
  if (!hash) return "unknown";
  const [algo, hex] = hash.includes(":") ? (hash.split(":", 2) as [string, string]) : ["", hash];
  return `${algo ? `${algo}:` : ""}${hex.slice(0, 12)}`;
}
