/**
 * The two tables every human-readable format shows, as cells: accuracy per category (all 13,
 * "not run" where a run has no results) and BFCL's leaderboard columns. One run gets
 * correct / total / accuracy columns; several runs get one column per run.
 */
import { CATEGORY_IDS } from "../../categories.js";
import type { GateTarget } from "../../gates.js";
import { LEADERBOARD_COLUMNS } from "../../report.js";
import type { ScoredRun, ScoreDocument } from "./document.js";
import { pct } from "./words.js";

export type Tone = "plain" | "dim" | "bold" | "bad";

export interface Cell {
  text: string;
  tone: Tone;
}

export interface ViewTable {
  header: string[];
  /** Right-aligned columns. */
  numeric: boolean[];
  rows: Cell[][];
}

const cell = (text: string, tone: Tone = "plain"): Cell => ({ text, tone });

function failed(run: ScoredRun): Set<GateTarget> {
  return new Set(run.gates.filter((g) => !g.passed).map((g) => g.target));
}

export function categoryTable(doc: ScoreDocument): ViewTable {
  const rows: Cell[][] = [];
  if (doc.runs.length === 1) {
    const run = doc.runs[0]!;
    const bad = failed(run);
    const partial = run.report.categories.some((c) => c.missing > 0);
    for (const id of CATEGORY_IDS) {
      const c = run.report.categories.find((s) => s.category === id);
      if (!c) rows.push([cell(id), cell("–", "dim"), cell("–", "dim"), cell("not run", "dim"), ...(partial ? [cell("", "dim")] : [])]);
      else {
        const missing = partial ? [cell(c.missing ? String(c.missing) : "")] : [];
        rows.push([cell(id), cell(String(c.correct)), cell(String(c.total)), cell(pct(c.accuracy), bad.has(id) ? "bad" : "plain"), ...missing]);
      }
    }
    const all = run.report.all;
    rows.push([cell("all entries", "bold"), cell(String(all.correct), "bold"), cell(String(all.total), "bold"), cell(pct(all.accuracy), bad.has("all") ? "bad" : "bold"), ...(partial ? [cell(String(run.report.problems.missing.length), "bold")] : [])]);
    const header = ["category", "correct", "total", "accuracy", ...(partial ? ["missing"] : [])];
    return { header, numeric: header.map((_, i) => i > 0), rows };
  }
  for (const id of CATEGORY_IDS) {
    rows.push([
      cell(id),
      ...doc.runs.map((run) => {
        const c = run.report.categories.find((s) => s.category === id);
        if (!c) return cell("not run", "dim");
        const missing = c.missing ? `, ${c.missing} missing` : "";
        return cell(`${pct(c.accuracy)} (${c.correct}/${c.total}${missing})`, failed(run).has(id) ? "bad" : "plain");
      }),
    ]);
  }
  rows.push([cell("all entries", "bold"), ...doc.runs.map((run) => cell(`${pct(run.report.all.accuracy)} (${run.report.all.correct}/${run.report.all.total})`, failed(run).has("all") ? "bad" : "bold"))]);
  const header = ["category", ...doc.runs.map((r) => r.report.model)];
  return { header, numeric: header.map((_, i) => i > 0), rows };
}

export function leaderboardTable(doc: ScoreDocument): ViewTable {
  const header = ["BFCL leaderboard", ...(doc.runs.length === 1 ? ["accuracy"] : doc.runs.map((r) => r.report.model))];
  const rows = LEADERBOARD_COLUMNS.map((def) => [
    cell(def.label),
    ...doc.runs.map((run) => {
      const col = run.report.leaderboard.find((c) => c.id === def.id);
      if (!col || col.accuracy === null) return cell("not run", "dim");
      return cell(pct(col.accuracy), failed(run).has(def.id) ? "bad" : "plain");
    }),
  ]);
  return { header, numeric: header.map((_, i) => i > 0), rows };
}
