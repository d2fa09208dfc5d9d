/**
 * `toolgrade validate`: the frontier-ceiling gate (library: src/audit/validateSuite.ts). Reads
 * the suite, audits it for unsatisfiable golds, grades the frontier runs under both rulesets and
 * renders ceilings and classifications in the formats of `score`. `--write-patch` writes the
 * proposed extra alternatives as possible-answer lines (never applied to the suite);
 * `--write-slice` the ids every frontier run passes, for `score --slice`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { auditSuite } from "../audit/auditSuite.js";
import { CLASSIFICATIONS, patchedGolds, validateSuite, type FrontierRun, type ValidationReport } from "../audit/validateSuite.js";
import { CATEGORY_IDS } from "../categories.js";
import { RULESET_IDS, type RulesetId } from "../grade.js";
import { loadSuite } from "../suite/loadSuite.js";
import { SuiteError } from "../suite/parseSuite.js";
import { toJsonText } from "../value/toJsonText.js";
import { PyDict } from "../value/value.js";
import { VERSION } from "../version.js";
import { checkRunNames, readArgs, readCategories, SUITE_OPTION_SPECS } from "./args.js";
import { emit } from "./output.js";
import { fail, type Io, type Outcome } from "./main.js";
import type { Terminal } from "./progress.js";
import { OUTPUT_FORMATS, type ViewDocument } from "./render.js";
import type { Cell, ViewTable } from "./render/table.js";
import { pct } from "./render/words.js";
import { parseOutputs } from "./output.js";
import { perRun, readRunRecords } from "./score.js";

export const VALIDATE_USAGE = `Usage:
  toolgrade validate --data DIR --frontier PATH [--frontier PATH …] [options]

Grades frontier models' results under both rulesets, reports the ceiling per category (the
share of entries at least one frontier model passes) and classifies every frontier failure:
unsatisfiable_gold, equivalent_answer, disputed or frontier_error. A category is trusted when
its ceiling, after dropping entries no answer can pass, reaches the threshold.

  --data DIR              suite folder with BFCL_v4_<category>.json question files
  --golds DIR             possible-answer folder (default: DIR/possible_answer)
  --frontier PATH         repeatable. A result file or folder, as score --results reads them, or
                          a folder of <category>.jsonl records (the conformance corpus's layout)
  --category C            only this category (repeatable)
  --threshold X           ceiling a category must reach to be trusted (default 0.98)
  --ruleset bfcl|default  the ruleset that decides trust, the slice and the exit code (default bfcl)
  --decode [MODEL=]prompt|fc
                          how a run is decoded (default: the records' own "mode", else prompt)
  --underscore-to-dot-for MODEL
                          this run writes '.' in function names as '_' (default: the records' flag)
  --write-patch FILE      proposed extra acceptable values, as possible-answer lines
  --write-slice FILE      ids of the entries every frontier run passes (for score --slice)
  --format F[=FILE]       ${OUTPUT_FORMATS.join("|")} (default text); repeatable as for score
  -h, --help              this text

Exit codes: 0 every category trusted, 1 some category is not, 2 bad usage or input.
`;

const cell = (text: string, tone: Cell["tone"] = "plain"): Cell => ({ text, tone });

function ceilingTable(report: ValidationReport): ViewTable {
  const header = ["category", "runs", ...RULESET_IDS.flatMap((r) => [`${r} ceiling`, `${r} w/o unsat`, `${r} trusted`])];
  const rows = report.categories.map((c) => [
    cell(c.category),
    cell(String(c.models.length)),
    ...RULESET_IDS.flatMap((r) => {
      const x = c.ceiling[r];
      return [
        cell(`${pct(x.ceiling)} (${x.passed}/${x.total})`),
        cell(`${pct(x.ceilingAfterDrop)}${x.dropped ? ` (−${x.dropped})` : ""}`),
        cell(x.trusted ? "yes" : "no", x.trusted ? "plain" : "bad"),
      ];
    }),
  ]);
  return { header, numeric: header.map((_, i) => i > 0), rows };
}

function classificationTable(report: ValidationReport): ViewTable {
  const header = ["category", ...RULESET_IDS.flatMap((r) => CLASSIFICATIONS.map((c) => `${r} ${c}`))];
  // Under bfcl, an equivalent answer is one the default ruleset accepts or one that differs only in form.
  const text = (r: RulesetId, k: (typeof CLASSIFICATIONS)[number], n: number, accepts: number) => (r === "bfcl" && k === "equivalent_answer" && n ? `${n} (${accepts} default)` : String(n));
  const rows = report.categories.map((c) => [cell(c.category), ...RULESET_IDS.flatMap((r) => CLASSIFICATIONS.map((k) => cell(text(r, k, c.counts[r][k], c.defaultAccepts), c.counts[r][k] ? "plain" : "dim")))]);
  const sum = (f: (c: ValidationReport["categories"][number]) => number) => report.categories.reduce((a, c) => a + f(c), 0);
  rows.push([cell("all", "bold"), ...RULESET_IDS.flatMap((r) => CLASSIFICATIONS.map((k) => cell(text(r, k, sum((c) => c.counts[r][k]), sum((c) => c.defaultAccepts)), "bold")))]);
  return { header, numeric: header.map((_, i) => i > 0), rows };
}

function accuracyTable(report: ValidationReport, models: readonly string[]): ViewTable {
  const header = ["category", ...models.map((m) => `${m} (bfcl / default)`)];
  const rows = report.categories.map((c) => [
    cell(c.category),
    ...models.map((m) => (c.models.includes(m) ? cell(`${pct(c.accuracy.bfcl[m])} / ${pct(c.accuracy.default[m])}`) : cell("not run", "dim"))),
  ]);
  return { header, numeric: header.map((_, i) => i > 0), rows };
}

const SEVERITY = { unsatisfiable_gold: "info", equivalent_answer: "warning", disputed: "warning", frontier_error: "info" } as const;

/** The validation as a document every output format renders. */
export function validateDocument(report: ValidationReport, data: string, runs: readonly FrontierRun[], ruleset: RulesetId): ViewDocument {
  const untrusted = report.categories.filter((c) => !c.ceiling[ruleset].trusted).map((c) => c.category);
  const failures = report.failures.filter((f) => f.ruleset === ruleset);
  return {
    kind: "view",
    title: `toolgrade ${VERSION} · validation of ${data}`,
    meta: [
      `frontier: ${runs.map((r) => `${r.model} (${r.decode}${r.underscoreToDot ? ", underscore-to-dot" : ""})`).join(", ")}`,
      `threshold ${pct(report.threshold)} under ${ruleset} · ${untrusted.length ? `not trusted: ${untrusted.join(", ")}` : "every category trusted"} · slice ${report.slice.length} entries · ${report.proposals.length} proposed alternatives`,
    ],
    tables: [
      { title: "Ceiling per category (entries at least one frontier model passes)", table: ceilingTable(report) },
      { title: "Frontier failures by class", table: classificationTable(report) },
      { title: "Frontier accuracy", table: accuracyTable(report, runs.map((r) => r.model)) },
    ],
    notes: [],
    items: failures.map((f) => ({
      group: f.category,
      id: `${f.model}/${f.id}`,
      severity: SEVERITY[f.classification],
      code: f.classification,
      message: f.reason,
      file: f.source.file,
      line: f.source.line,
    })),
    json: { toolgrade: VERSION, data, ruleset, runs: runs.map(({ records: _r, ...rest }) => rest), ...report },
    jsonl: report.failures,
  };
}

export function validateCommand(argv: string[], io: Io & { terminal?: Terminal }): Outcome {
  const args = readArgs(
    argv,
    {
      ...SUITE_OPTION_SPECS,
      frontier: { type: "string", multiple: true },
      category: { type: "string", multiple: true },
      threshold: { type: "string", default: "0.98" },
      ruleset: { type: "string", default: "bfcl" },
      decode: { type: "string", multiple: true },
      "underscore-to-dot-for": { type: "string", multiple: true },
      "write-patch": { type: "string" },
      "write-slice": { type: "string" },
      format: { type: "string", multiple: true },
    },
    VALIDATE_USAGE,
    io,
    { data: "--data DIR", frontier: "--frontier PATH" },
  );
  if ("outcome" in args) return args.outcome;
  const { values } = args;
  const threshold = Number(values.threshold);
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) return fail(`--threshold must be a number from 0 to 1, not '${values.threshold}'`);
  const ruleset = values.ruleset as RulesetId;
  if (!RULESET_IDS.includes(ruleset)) return fail(`unknown ruleset '${values.ruleset}' (available: ${RULESET_IDS.join(", ")})`);
  const decode = perRun(values.decode ?? [], (s) => (s === "prompt" || s === "fc" ? s : undefined), "--decode");
  if (typeof decode === "string") return fail(decode);
  const outputs = parseOutputs(values.format ?? []);
  if (typeof outputs === "string") return fail(outputs);
  const categories = readCategories(values.category);
  if (typeof categories === "string") return fail(categories);
  try {
    const inputs = values.frontier.flatMap((p) => readRunRecords(p, io));
    const names = inputs.map((r) => r.model);
    const badName = checkRunNames(names, [...decode.by.keys(), ...(values["underscore-to-dot-for"] ?? [])]);
    if (badName) return fail(badName);
    const runs: FrontierRun[] = inputs.map((input) => {
      const records = categories.length ? input.records.filter((r) => categories.includes(r.category)) : input.records;
      const modes = new Set(records.map((r) => r.mode));
      const own = modes.size === 1 ? [...modes][0] : undefined;
      const dots = new Set(records.map((r) => r.underscoreToDot));
      return {
        model: input.model,
        records,
        decode: decode.by.get(input.model) ?? decode.all ?? own ?? "prompt",
        underscoreToDot: (values["underscore-to-dot-for"] ?? []).includes(input.model) || (dots.size === 1 && dots.has(true)),
      };
    });
    const graded = CATEGORY_IDS.filter((c) => runs.some((r) => r.records.some((x) => x.category === c)));
    if (graded.length === 0) return fail("no frontier results to validate");
    const suite = loadSuite(values.data, { golds: values.golds ?? join(values.data, "possible_answer"), categories: graded });
    const audit = auditSuite(suite.entries, { skipGrounding: true });
    const report = validateSuite(suite.entries, runs, audit, { threshold, sliceRuleset: ruleset });
    const written = emit(validateDocument(report, values.data, runs, ruleset), outputs, io);
    if (written) return written;
    try {
      if (values["write-patch"]) {
        const lines = patchedGolds(suite.entries, report.proposals).map((g) => toJsonText(PyDict.fromPairs([["id", g.id], ["ground_truth", g.ground_truth]])));
        writeFileSync(values["write-patch"], lines.map((l) => `${l}\n`).join(""));
      }
      if (values["write-slice"]) {
        const head = `# toolgrade ${VERSION} validate: ${report.slice.length} entries every frontier run passes under ${ruleset} (${runs.map((r) => r.model).join(", ")})\n`;
        writeFileSync(values["write-slice"], head + report.slice.map((id) => `${id}\n`).join(""));
      }
    } catch (e) {
      return fail(`cannot write: ${(e as Error).message}`);
    }
    const untrusted = report.categories.filter((c) => !c.ceiling[ruleset].trusted).map((c) => c.category);
    if (untrusted.length) return { kind: "gate_failed", message: `not trusted under ${ruleset}: ${untrusted.join(", ")}` };
    return { kind: "ok" };
  } catch (e) {
    if (e instanceof SuiteError) return fail(e.message);
    throw e;
  }
}
