/** `toolgrade score`: grade a results file or folder against a suite and report per category. */
import { parseArgs } from "node:util";
import { CATEGORY_IDS, isCategoryId, type CategoryId } from "../categories.js";
import { RULESET_IDS, type RulesetId } from "../grade.js";
import { RunError, scoreRun } from "../score.js";
import { loadResults } from "../suite/loadResults.js";
import { loadSuite } from "../suite/loadSuite.js";
import { SuiteError } from "../suite/parseSuite.js";
import { fail, type Io, type Outcome } from "./main.js";
import { RENDERERS, type OutputFormat } from "./render.js";

export const SCORE_USAGE = `Usage:
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


export function scoreCommand(argv: string[], io: Io): Outcome {  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
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
  const { values } = parsed;
  if (values.help) {
    io.out(SCORE_USAGE);
    return { kind: "help" };
  }
  if (!values.data) return fail("--data DIR is required");
  if (!values.results) return fail("--results FILE|DIR is required");
  if (!RULESET_IDS.includes(values.ruleset as RulesetId)) return fail(`unknown ruleset '${values.ruleset}' (available: ${RULESET_IDS.join(", ")})`);
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
      ruleset: values.ruleset as RulesetId,
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
