/**
 * `toolgrade audit`: static checks of a suite's golds (library: src/audit/auditSuite.ts),
 * rendered in the formats of `score`. The loader runs in audit mode, so question and gold files
 * that disagree are findings rather than a refusal.
 */
import { basename, join } from "node:path";
import { isCategoryId, type CategoryId } from "../categories.js";
import { auditSuite, type AuditReport } from "../audit/auditSuite.js";
import { describeFinding, FINDING_CODES, SCOPES, type Finding } from "../audit/findings.js";
import { loadSuite } from "../suite/loadSuite.js";
import { SuiteError, type SuiteProblem } from "../suite/parseSuite.js";
import { VERSION } from "../version.js";
import { readArgs, readCategories, SUITE_OPTION_SPECS } from "./args.js";
import { fail, type Io, type Outcome } from "./main.js";
import type { Terminal } from "./progress.js";
import { OUTPUT_FORMATS, type ViewDocument } from "./render.js";
import type { Cell, ViewTable } from "./render/table.js";
import { emit, parseOutputs } from "./output.js";

export const AUDIT_USAGE = `Usage:
  toolgrade audit --data DIR [options]

Checks a suite's golds without any model output: gold parameters missing from the doc,
required parameters the gold only lets be omitted, empty lists of acceptable values, values
that violate the doc's type or enum, gold functions the entry does not offer, question and gold
files that disagree, string values that cannot be found in the conversation, and entries no
answer can pass (per ruleset and decoding: bfcl-prompt, bfcl-fc, default).

  --data DIR              suite folder with BFCL_v4_<category>.json question files
  --golds DIR             possible-answer folder (default: DIR/possible_answer)
  --category C            only this category (repeatable)
  --no-grounding          skip the grounding check
  --fail-on error|warning|never
                          exit 1 when a finding of this severity or worse exists (default error)
  --format F[=FILE]       ${OUTPUT_FORMATS.join("|")} (default text); repeatable as for score
  -h, --help              this text

Exit codes: 0 no finding at --fail-on, 1 there is one, 2 bad usage or input.
`;

const cell = (text: string, tone: Cell["tone"] = "plain"): Cell => ({ text, tone });

function categoryOfFile(file: string): CategoryId | undefined {
  const m = /^BFCL_v\d+_(.+)\.json$/.exec(basename(file));
  return m && isCategoryId(m[1]!) ? m[1] : undefined;
}

/** Per category: entries, entries with errors, unsatisfiable per scope, and counts per finding code. */
export function auditTable(report: AuditReport): ViewTable {
  const codes = FINDING_CODES.filter((c) => c !== "unsatisfiable_gold" && c !== "ungroundable_value" && report.findings.some((f) => f.code === c));
  const header = ["category", "entries", "with errors", ...SCOPES.map((s) => `unsat ${s}`), "ungroundable (warn/info)", ...codes];
  const rows = report.categories.map((c) => {
    const ours = report.findings.filter((f) => f.category === c.category);
    const warn = ours.filter((f) => f.code === "ungroundable_value" && f.severity === "warning").length;
    const info = ours.filter((f) => f.code === "ungroundable_value" && f.severity === "info").length;
    return [
      cell(c.category),
      cell(String(c.entries)),
      cell(String(c.entriesWithErrors), c.entriesWithErrors ? "bad" : "plain"),
      ...SCOPES.map((s) => cell(String(c.unsatisfiable[s]), c.unsatisfiable[s] ? "bad" : "plain")),
      cell(`${warn}/${info}`),
      ...codes.map((code) => cell(String(c.counts[code] ?? 0), c.counts[code] ? "plain" : "dim")),
    ];
  });
  const sum = (f: (c: AuditReport["categories"][number]) => number) => String(report.categories.reduce((a, c) => a + f(c), 0));
  const warnAll = report.findings.filter((f) => f.code === "ungroundable_value" && f.severity === "warning").length;
  const infoAll = report.findings.filter((f) => f.code === "ungroundable_value" && f.severity === "info").length;
  rows.push([
    cell("all", "bold"),
    cell(sum((c) => c.entries), "bold"),
    cell(sum((c) => c.entriesWithErrors), "bold"),
    ...SCOPES.map((s) => cell(sum((c) => c.unsatisfiable[s]), "bold")),
    cell(`${warnAll}/${infoAll}`, "bold"),
    ...codes.map((code) => cell(String(report.findings.filter((f) => f.code === code).length), "bold")),
  ]);
  return { header, numeric: header.map((_, i) => i > 0), rows };
}

function findingJson(f: Finding): Record<string, unknown> {
  return { ...f, message: describeFinding(f) };
}

/** The audit as a document every output format renders. */
export function auditDocument(report: AuditReport, data: string): ViewDocument {
  const count = (s: string) => report.findings.filter((f) => f.severity === s).length;
  return {
    kind: "view",
    title: `toolgrade ${VERSION} · audit of ${data}`,
    meta: [`${report.findings.length} findings: ${count("error")} errors, ${count("warning")} warnings, ${count("info")} info`],
    tables: [{ title: "Findings per category", table: auditTable(report) }],
    notes: [],
    items: report.findings.map((f) => ({
      group: f.category ?? "suite",
      id: f.id ?? basename(f.source.file),
      severity: f.severity,
      code: f.code,
      message: `${f.path ? `${f.path}: ` : ""}${describeFinding(f)}`,
      file: f.source.file,
      line: f.source.line,
    })),
    json: {
      toolgrade: VERSION,
      data,
      categories: report.categories,
      findings: report.findings.map(findingJson),
    },
    jsonl: report.findings.map(findingJson),
  };
}

export function auditCommand(argv: string[], io: Io & { terminal?: Terminal }): Outcome {
  const args = readArgs(
    argv,
    {
      ...SUITE_OPTION_SPECS,
      category: { type: "string", multiple: true },
      "no-grounding": { type: "boolean", default: false },
      "fail-on": { type: "string", default: "error" },
      format: { type: "string", multiple: true },
    },
    AUDIT_USAGE,
    io,
    { data: "--data DIR" },
  );
  if ("outcome" in args) return args.outcome;
  const { values } = args;
  const failOn = values["fail-on"];
  if (failOn !== "error" && failOn !== "warning" && failOn !== "never") return fail(`--fail-on must be error, warning or never, not '${failOn}'`);
  const outputs = parseOutputs(values.format ?? []);
  if (typeof outputs === "string") return fail(outputs);
  const categories = readCategories(values.category);
  if (typeof categories === "string") return fail(categories);
  try {
    const problems: Array<{ problem: SuiteProblem; category?: CategoryId }> = [];
    const suite = loadSuite(values.data, {
      golds: values.golds ?? join(values.data, "possible_answer"),
      ...(categories.length ? { categories } : {}),
      onProblem: (problem) => {
        const category = categoryOfFile(problem.file);
        problems.push(category ? { problem, category } : { problem });
      },
    });
    const report = auditSuite(suite.entries, { problems, skipGrounding: values["no-grounding"] });
    const doc = auditDocument(report, values.data);
    const written = emit(doc, outputs, io);
    if (written) return written;
    const bad = report.findings.filter((f) => (failOn === "warning" ? f.severity !== "info" : failOn === "error" ? f.severity === "error" : false));
    if (bad.length) return { kind: "gate_failed", message: `${bad.length} finding${bad.length === 1 ? "" : "s"} at ${failOn} or worse` };
    return { kind: "ok" };
  } catch (e) {
    if (e instanceof SuiteError) return fail(e.message);
    throw e;
  }
}
