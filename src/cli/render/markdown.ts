/**
 * `--format markdown`: a summary for a pull-request comment or `$GITHUB_STEP_SUMMARY` — gates
 * first, then the tables, then the entries that newly fail / pass against the baseline and the
 * failing entries with their mismatches, folded in `<details>`.
 */
import { describeMismatch } from "../../format.js";
import { targetLabel } from "../../gates.js";
import { isView, type Document, type ScoredRun, type ScoreDocument, type ViewDocument } from "./document.js";
import { categoryTable, leaderboardTable, type ViewTable } from "./table.js";
import { allGates, describeGate, missingByCategory, pct, points, shortHash } from "./words.js";

/** Entries listed per `<details>` block before "and N more". */
const ENTRY_CAP = 50;

/**
 * Escapes text so Markdown shows it literally, inside a table cell too. `_` inside a word is left
 * alone (it never makes emphasis in GFM), so ids like `simple_python` stay readable.
 */
export function mdEscape(s: string): string {
  return s
    .replace(/[\\`*<>|~]|\](?=[([])|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, " ");
}

function table(t: ViewTable): string[] {
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    row(t.header.map(mdEscape)),
    row(t.numeric.map((n) => (n ? "---:" : ":---"))),
    ...t.rows.map((r) =>
      row(r.map((c) => (c.tone === "bold" ? `**${mdEscape(c.text)}**` : c.tone === "dim" ? `_${mdEscape(c.text)}_` : c.tone === "bad" ? `**${mdEscape(c.text)}** ❌` : mdEscape(c.text)))),
    ),
  ];
}

function htmlEscape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

function entries(run: ScoredRun, ids: readonly string[], title: string): string[] {
  if (ids.length === 0) return [];
  const byId = new Map(run.report.results.map((r) => [r.id, r]));
  const lines = ids.slice(0, ENTRY_CAP).map((id) => {
    const r = byId.get(id);
    const why = r && !r.valid ? `: ${mdEscape(describeMismatch(r.mismatches[0]))}` : "";
    return `- \`${id}\`${why}`;
  });
  if (ids.length > ENTRY_CAP) lines.push(`- … and ${ids.length - ENTRY_CAP} more`);
  return ["", `<details><summary>${htmlEscape(title)} (${ids.length})</summary>`, "", ...lines, "", "</details>"];
}

function renderViewMarkdown(doc: ViewDocument): string {
  const lines = [`### ${mdEscape(doc.title)}`, "", ...doc.meta.map((m) => `${mdEscape(m)}  `)];
  for (const t of doc.tables) lines.push("", `**${mdEscape(t.title)}**`, "", ...table(t.table));
  if (doc.notes.length) lines.push("", ...doc.notes.map((n) => `- ${mdEscape(n)}`));
  for (const code of [...new Set(doc.items.map((i) => i.code))]) {
    const items = doc.items.filter((i) => i.code === code);
    const shown = items.slice(0, ENTRY_CAP).map((i) => `- \`${i.id}\` (${i.severity}): ${mdEscape(i.message)}`);
    if (items.length > ENTRY_CAP) shown.push(`- … and ${items.length - ENTRY_CAP} more`);
    lines.push("", `<details><summary>${htmlEscape(code)} (${items.length})</summary>`, "", ...shown, "", "</details>");
  }
  return `${lines.join("\n")}\n`;
}

export function renderMarkdown(anyDoc: Document): string {
  if (isView(anyDoc)) return renderViewMarkdown(anyDoc);
  const doc: ScoreDocument = anyDoc;
  const models = doc.runs.map((r) => r.report.model).join(", ");
  const lines = [`### toolgrade: ${mdEscape(models)}`, ""];
  const how = doc.runs
    .map((r) => `${doc.runs.length > 1 ? `${mdEscape(r.report.model)}: ` : ""}decode ${r.report.decode}${r.report.underscoreToDot ? ", underscore-to-dot" : ""}${r.report.partial ? ", partial" : ""}`)
    .join(" · ");
  lines.push(`ruleset \`${doc.ruleset}\` (${doc.rulesetVersion}) · ${how} · suite \`${shortHash(doc.suiteHash)}\` · toolgrade ${doc.toolgrade}`);

  const gates = allGates(doc);
  if (gates.length) {
    const failed = gates.filter((g) => !g.gate.passed).length;
    lines.push("", failed ? `**Gates: ${failed} of ${gates.length} failed** ❌` : `**Gates: all ${gates.length} passed** ✅`, "");
    for (const { model, gate } of gates) lines.push(`- ${gate.passed ? "✅" : "❌"} ${model ? `${mdEscape(model)}: ` : ""}${mdEscape(describeGate(gate))}`);
  }

  if (doc.slice) lines.push("", `Slice \`${mdEscape(doc.slice.file)}\` applied: ${doc.slice.kept} of ${doc.slice.total} entries kept.`);
  lines.push("", ...table(categoryTable(doc)), "", ...table(leaderboardTable(doc)));

  for (const run of doc.runs) {
    const model = doc.runs.length > 1 ? `${run.report.model}: ` : "";
    const name = mdEscape(model);
    const missing = run.report.problems.missing.length;
    if (missing) lines.push("", `${name}partial run, ${missing} results missing (${missingByCategory(run)})`);
    const c = run.comparison;
    if (c) {
      const all = c.columns.find((x) => x.target === "all")!;
      const change = all.before !== null && all.after !== null ? ` (${points(all.after - all.before)})` : "";
      lines.push(
        "",
        `**${name}vs baseline**${doc.baseline ? ` \`${doc.baseline}\`` : ""}: ${targetLabel("all")} ${pct(all.before)} → ${pct(all.after)}${change} · ${c.newlyFailing.length} newly failing · ${c.newlyPassing.length} newly passing`,
      );
      if (c.suiteChanged) lines.push("", "_The suite data differs from the baseline's, so the figures may not be comparable._");
      lines.push(...entries(run, c.newlyFailing, `${model}Newly failing`), ...entries(run, c.newlyPassing, `${model}Newly passing`));
    }
    const failing = run.report.results.filter((r) => !r.valid).map((r) => r.id);
    lines.push(...entries(run, failing, `${model}Failing entries`));
  }
  return `${lines.join("\n")}\n`;
}
