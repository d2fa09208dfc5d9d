/**
 * Output formats of `toolgrade score`, chosen from one table. Each renderer turns a report into
 * text; none writes anywhere.
 */
import { describeMismatch } from "../format.js";
import type { ScoreReport } from "../score.js";

export type OutputFormat = "text" | "json" | "jsonl";

function pct(x: number | null): string {
  return x === null ? "not run" : `${(x * 100).toFixed(2)}%`;
}

function text(report: ScoreReport): string {
  const rows: string[][] = [["category", "correct", "total", "accuracy"]];
  for (const c of report.categories) rows.push([c.category, String(c.correct), String(c.total), pct(c.accuracy)]);
  const s = report.summary;
  const summary: string[][] = [
    ["Non-Live simple", pct(s.nonLiveSimple)],
    ["Non-Live overall", pct(s.nonLiveOverall)],
    ["Live overall", pct(s.liveOverall)],
    ["Irrelevance", pct(s.irrelevance)],
    ["Relevance", pct(s.relevance)],
  ];
  const lines = [
    `toolgrade ${report.toolgrade} · ruleset ${report.ruleset} (${report.rulesetVersion}) · decode ${report.decode}${report.underscoreToDot ? " · underscore-to-dot" : ""}${report.partial ? " · partial" : ""}`,
    "",
    ...table(rows),
    "",
    ...table(summary),
  ];
  if (report.problems.missing.length) lines.push("", `missing results (scored partially): ${report.problems.missing.length}`);
  return `${lines.join("\n")}\n`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "));
}

function jsonl(report: ScoreReport): string {
  return report.results
    .map((r) =>
      JSON.stringify({
        id: r.id,
        category: r.category,
        valid: r.valid,
        error_type: r.errorType,
        codes: r.mismatches.map((m) => m.code),
        messages: r.mismatches.map(describeMismatch),
      }),
    )
    .map((l) => `${l}\n`)
    .join("");
}

/** The full report as JSON; bigints and Python values are written as their text. */
function json(report: ScoreReport): string {
  return `${JSON.stringify(
    {
      ...report,
      results: report.results.map((r) => ({ ...r, messages: r.mismatches.map(describeMismatch) })),
    },
    (_k, v) => (typeof v === "bigint" ? Number(v) : v),
    2,
  )}\n`;
}

export const RENDERERS: Readonly<Record<OutputFormat, (r: ScoreReport) => string>> = { text, json, jsonl };
