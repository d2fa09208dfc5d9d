/**
 * `--format text`: aligned tables for a terminal or a log. Colour (ANSI) only when asked, which
 * the CLI does for a TTY without NO_COLOR; padding is computed before colouring so columns align
 * either way.
 */
import { targetLabel } from "../../gates.js";
import { isView, type Document, type RenderOptions, type ScoreDocument, type ViewDocument } from "./document.js";
import { categoryTable, leaderboardTable, type Tone, type ViewTable } from "./table.js";
import { allGates, describeGate, idList, missingByCategory, pct, points, shortHash } from "./words.js";

const ANSI: Record<Tone | "pass" | "header", [string, string]> = {
  plain: ["", ""],
  dim: ["\x1b[2m", "\x1b[22m"],
  bold: ["\x1b[1m", "\x1b[22m"],
  header: ["\x1b[1m", "\x1b[22m"],
  bad: ["\x1b[31m", "\x1b[39m"],
  pass: ["\x1b[32m", "\x1b[39m"],
};

/** Ids listed in the baseline comparison before "and N more". */
const ID_CAP = 20;

function paint(text: string, tone: keyof typeof ANSI, color: boolean): string {
  if (!color || tone === "plain" || text === "") return text;
  const [on, off] = ANSI[tone];
  return `${on}${text}${off}`;
}

function table(t: ViewTable, color: boolean): string[] {
  const widths = t.header.map((h, i) => Math.max(h.length, ...t.rows.map((r) => r[i]!.text.length)));
  const pad = (text: string, i: number) => (t.numeric[i] ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (cells: string[]) => cells.join("  ").trimEnd();
  return [
    line(t.header.map((h, i) => paint(pad(h, i), "header", color))),
    ...t.rows.map((r) => line(r.map((c, i) => paint(pad(c.text, i), c.tone, color)))),
  ];
}

/** Items listed per code before "and N more" (the json format lists them all). */
const ITEM_CAP = 25;

function renderViewText(doc: ViewDocument, color: boolean): string {
  const lines = [doc.title, ...doc.meta];
  for (const t of doc.tables) lines.push("", paint(t.title, "bold", color), ...table(t.table, color));
  if (doc.notes.length) lines.push("", ...doc.notes);
  const codes = [...new Set(doc.items.map((i) => i.code))];
  for (const code of codes) {
    const items = doc.items.filter((i) => i.code === code);
    lines.push("", paint(`${code} (${items.length})`, "bold", color));
    for (const i of items.slice(0, ITEM_CAP)) lines.push(`  ${paint(i.severity.padEnd(7), i.severity === "error" ? "bad" : "plain", color)} ${i.id}: ${i.message}`);
    if (items.length > ITEM_CAP) lines.push(`  … and ${items.length - ITEM_CAP} more (--format json lists them all)`);
  }
  return `${lines.join("\n")}\n`;
}

export function renderText(anyDoc: Document, { color }: RenderOptions): string {
  if (isView(anyDoc)) return renderViewText(anyDoc, color);
  const doc: ScoreDocument = anyDoc;
  const lines = [`toolgrade ${doc.toolgrade} · ruleset ${doc.ruleset} (${doc.rulesetVersion}) · suite ${shortHash(doc.suiteHash)}`];
  const how = (r: ScoreDocument["runs"][number]) =>
    [`decode ${r.report.decode}`, ...(r.report.underscoreToDot ? ["underscore-to-dot"] : []), ...(r.report.partial ? ["partial"] : [])].join(" · ");
  if (doc.runs.length === 1) lines.push(`${doc.runs[0]!.report.model} · ${how(doc.runs[0]!)}`);
  else for (const r of doc.runs) lines.push(`${r.report.model}: ${how(r)}`);
  lines.push("", ...table(categoryTable(doc), color), "", ...table(leaderboardTable(doc), color));

  const notes: string[] = [];
  if (doc.slice) notes.push(`slice ${doc.slice.file} applied: ${doc.slice.kept} of ${doc.slice.total} entries kept`);
  for (const run of doc.runs) {
    const name = doc.runs.length > 1 ? `${run.report.model}: ` : "";
    const missing = run.report.problems.missing.length;
    if (missing) notes.push(`${name}partial run: ${missing} results missing (${missingByCategory(run)})`);
  }
  if (notes.length) lines.push("", ...notes);

  const compared = doc.runs.filter((r) => r.comparison);
  if (compared.length) {
    lines.push("", `vs baseline${doc.baseline ? ` ${doc.baseline}` : ""}:`);
    for (const run of compared) {
      const c = run.comparison!;
      const all = c.columns.find((x) => x.target === "all")!;
      const change = all.before !== null && all.after !== null ? ` (${points(all.after - all.before)})` : "";
      lines.push(
        `  ${run.report.model}: ${targetLabel("all")} ${pct(all.before)} → ${pct(all.after)}${change} · ${c.newlyFailing.length} newly failing · ${c.newlyPassing.length} newly passing`,
      );
      if (c.newlyFailing.length) lines.push(`    ${paint("newly failing", "bad", color)}: ${idList(c.newlyFailing, ID_CAP)}`);
      if (c.newlyPassing.length) lines.push(`    newly passing: ${idList(c.newlyPassing, ID_CAP)}`);
      if (c.suiteChanged) lines.push(`    note: the suite data differs from the baseline's, so the figures may not be comparable`);
    }
  }

  const gates = allGates(doc);
  if (gates.length) {
    const failedCount = gates.filter((g) => !g.gate.passed).length;
    lines.push("", failedCount ? paint(`gates: ${failedCount} of ${gates.length} failed`, "bad", color) : `gates: all ${gates.length} passed`);
    for (const { model, gate } of gates) {
      const mark = gate.passed ? paint("PASS", "pass", color) : paint("FAIL", "bad", color);
      lines.push(`  ${mark}  ${model ? `${model}: ` : ""}${describeGate(gate)}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
