/**
 * `toolgrade` command line: argv → library calls → rendered report → exit code. The exit code is
 * computed by one pure function from the outcome.
 */
import { parseArgs } from "node:util";
import { CATEGORY_IDS, isCategoryId, type CategoryId } from "../categories.js";
import { RunError, scoreRun } from "../score.js";
import { loadResults } from "../suite/loadResults.js";
import { loadSuite } from "../suite/loadSuite.js";
import { SuiteError } from "../suite/parseSuite.js";
import { VERSION } from "../version.js";
import { RENDERERS, type OutputFormat } from "./render.js";

export type Outcome = { kind: "ok" } | { kind: "gate_failed" } | { kind: "bad_input"; message: string } | { kind: "help" };

/** 0 pass, 1 a gate failed, 2 bad usage or input. */
export function exitCode(outcome: Outcome): number {
  switch (outcome.kind) {
    case "ok":
    case "help":
      return 0;
    case "gate_failed":
      return 1;
    case "bad_input":
      return 2;
  }
}

export const USAGE = `toolgrade ${VERSION} — grade the function calls language models emit

Usage:
  toolgrade score --data DIR --results FILE|DIR [options]

Options:
  --data DIR            suite folder with BFCL_v4_<category>.json question files
  --golds DIR           possible-answer folder (default: DIR/possible_answer)
  --results FILE|DIR    a result file, or a BFCL result folder (non_live/, live/)
  --category C          only this category (repeatable)
  --ruleset default|bfcl
                        rules that decide (default: fair grading; bfcl: BFCL's checker, verdict for verdict)
  --decode prompt|fc    prompt: raw model text; fc: [{name: "<JSON args>"}] payloads
  --underscore-to-dot   expect '.' in function names written as '_' (OpenAI-style FC models)
  --partial             score the results present when some are missing
  --format text|json|jsonl
  -h, --help            this text
`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

function fail(message: string): Outcome {
  return { kind: "bad_input", message };
}

/** Runs the CLI and returns the outcome; output goes through `io`. */
export function run(argv: string[], io: Io): Outcome {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: "string" },
        golds: { type: "string" },
        results: { type: "string" },
        category: { type: "string", multiple: true },
        ruleset: { type: "string", default: "default" },
        decode: { type: "string", default: "prompt" },
        "underscore-to-dot": { type: "boolean", default: false },
        partial: { type: "boolean", default: false },
        format: { type: "string", default: "text" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (e) {
    return fail((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    io.out(USAGE);
    return { kind: "help" };
  }
  if (positionals[0] !== "score") return fail(`unknown command '${positionals[0]}' (try --help)`);
  if (!values.data) return fail("--data DIR is required");
  if (!values.results) return fail("--results FILE|DIR is required");
  if (values.ruleset !== "bfcl" && values.ruleset !== "default") return fail(`unknown ruleset '${values.ruleset}' (available: default, bfcl)`);
  if (values.decode !== "prompt" && values.decode !== "fc") return fail(`--decode must be prompt or fc, not '${values.decode}'`);
  if (!(values.format! in RENDERERS)) return fail(`--format must be one of ${Object.keys(RENDERERS).join(", ")}`);
  const categories: CategoryId[] = [];
  for (const c of values.category ?? []) {
    if (!isCategoryId(c)) return fail(`unknown category '${c}' (known: ${CATEGORY_IDS.join(", ")})`);
    categories.push(c);
  }
  try {
    let records = loadResults(values.results);
    if (categories.length) records = records.filter((r) => categories.includes(r.category));
    const runCategories = [...new Set(records.map((r) => r.category))];
    const suite = loadSuite(values.data, { ...(values.golds ? { golds: values.golds } : {}), categories: runCategories });
    const report = scoreRun(suite.entries, records, {
      ruleset: values.ruleset,
      decode: values.decode,
      underscoreToDot: values["underscore-to-dot"],
      partial: values.partial,
    });
    io.out(RENDERERS[values.format as OutputFormat](report));
    return { kind: "ok" };
  } catch (e) {
    if (e instanceof SuiteError || e instanceof RunError) return fail(e.message);
    throw e;
  }
}
