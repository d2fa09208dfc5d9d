/**
 * `--format github`: GitHub Actions workflow commands. Failed gates become `::error`
 * annotations first, then failing entries (the newly failing ones when there is a baseline),
 * pointing at the result file and line; at most {@link ANNOTATION_CAP} errors in all, as GitHub
 * shows no more than 10 per step. A closing `::notice` gives the headline figures.
 */
import { describeMismatch } from "../../format.js";
import { isView, type Document, type ScoreDocument, type ViewDocument } from "./document.js";
import { allGates, describeGate, pct } from "./words.js";

export const ANNOTATION_CAP = 10;

/** Escapes a workflow-command message. */
function data(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow-command property value. */
function prop(s: string): string {
  return data(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** Errors first, then warnings, at most {@link ANNOTATION_CAP}; info items are not annotated. */
function renderViewGithub(doc: ViewDocument): string {
  const ranked = [...doc.items.filter((i) => i.severity === "error"), ...doc.items.filter((i) => i.severity === "warning")];
  const lines = ranked.slice(0, ANNOTATION_CAP).map((i) => {
    const where = i.file ? `file=${prop(i.file)},line=${i.line ?? 0},` : "";
    return `::${i.severity} ${where}title=${prop(`${i.id}: ${i.code}`)}::${data(i.message)}`;
  });
  if (ranked.length > ANNOTATION_CAP) lines.push(`::notice title=toolgrade::${data(`${ranked.length - ANNOTATION_CAP} more errors and warnings are not annotated; see the markdown or json report`)}`);
  lines.push(`::notice title=${prop(doc.title)}::${data(doc.meta.join(" · "))}`);
  return `${lines.join("\n")}\n`;
}

export function renderGithub(anyDoc: Document): string {
  if (isView(anyDoc)) return renderViewGithub(anyDoc);
  const doc: ScoreDocument = anyDoc;
  const errors: string[] = [];
  for (const { model, gate } of allGates(doc)) {
    if (!gate.passed) errors.push(`::error title=${prop("toolgrade gate failed")}::${data(`${model ? `${model}: ` : ""}${describeGate(gate)}`)}`);
  }
  const baseline = doc.runs.some((r) => r.comparison);
  const failing = doc.runs.flatMap((run) => {
    const newly = run.comparison ? new Set(run.comparison.newlyFailing) : null;
    return run.report.results.filter((r) => !r.valid && (!newly || newly.has(r.id))).map((r) => ({ run, r }));
  });
  for (const { run, r } of failing) {
    const title = `${doc.runs.length > 1 ? `${run.report.model} ` : ""}${r.id}: ${r.errorType}`;
    const where = `file=${prop(r.source.file)},line=${r.source.line}`;
    errors.push(`::error ${where},title=${prop(title)}::${data(r.mismatches.map(describeMismatch).join("\n"))}`);
  }
  const lines = errors.slice(0, ANNOTATION_CAP);
  if (errors.length > ANNOTATION_CAP) {
    const more = `${errors.length - ANNOTATION_CAP} more ${baseline ? "newly failing entries or failed gates" : "failing entries or failed gates"} are not annotated; see the markdown or junit report`;
    lines.push(`::notice title=toolgrade::${data(more)}`);
  }
  for (const run of doc.runs) {
    const all = run.report.all;
    lines.push(`::notice title=${prop(`toolgrade ${run.report.model}`)}::${data(`${pct(all.accuracy)} of ${all.total} entries correct (ruleset ${doc.ruleset})`)}`);
  }
  return `${lines.join("\n")}\n`;
}
