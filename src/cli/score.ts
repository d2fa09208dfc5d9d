/**
 * `toolgrade score`: grade one or more runs (BFCL result folders, files or stdin) against a
 * suite, check gates, and write the report in one or more formats. Everything it decides is
 * computed by the library (scoreRun, gates); this file reads files, resolves options per run
 * and picks the outcome, whose exit code comes from main.ts.
 */
import { checkRunNames, readArgs, readCategories, SUITE_OPTION_SPECS } from "./args.js";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { CATEGORY_IDS, type CategoryId } from "../categories.js";
import {
  BaselineError,
  compareRuns,
  evaluateGates,
  parseMinGate,
  parseRegressionGate,
  readBaseline,
  runScores,
  type Gate,
  type Parsed,
  type RunScores,
} from "../gates.js";
import { RULESET_IDS, RULESET_VERSIONS, type RulesetId } from "../grade.js";
import { BATCH_BYTES, BatchMemoryError, BatchPool, mapIterable } from "../batch/pool.node.js";
import type { GradeResult } from "../grade.js";
import { RunError, RunScorer } from "../score.js";
import { findResultFiles } from "../suite/loadResults.js";
import { LazySuite } from "../suite/lazySuite.js";
import { decodeUtf8, findCategoryFiles, readUtf8 } from "../suite/loadSuite.js";
import { parseResults, resultRecord, type ResultRecord } from "../suite/parseResults.js";
import { readJsonLine, SuiteError } from "../suite/parseSuite.js";
import { countLines, readBatches, readLines, textBatches, textLines } from "../suite/readLines.js";
import { unpack } from "../value/transfer.js";
import { VERSION } from "../version.js";
import { fail, type Io, type Outcome } from "./main.js";
import { progressBar, terminalOf, type Terminal } from "./progress.js";
import { OUTPUT_FORMATS, type ScoreDocument, type ScoredRun } from "./render.js";
import { describeGate } from "./render/words.js";
import { emit, parseOutputs } from "./output.js";

export const SCORE_USAGE = `Usage:
  toolgrade score --data DIR --results PATH [options]

Input:
  --data DIR              suite folder with BFCL_v4_<category>.json question files
  --golds DIR             possible-answer folder (default: DIR/possible_answer)
  --results PATH          repeatable. A result file; a model's result folder
                          (non_live/ and live/ with BFCL_v4_<category>_result.json);
                          a folder of model folders (BFCL's result/), one run per model;
                          or - for result lines on stdin
  --category C            only this category (repeatable)
  --partial               score the results present when some are missing (BFCL's --partial-eval)
  --slice FILE            grade only the ids listed in FILE (one per line, as validate --write-slice
                          writes it); the report says how many entries the slice kept
  --workers N             grade on N worker threads (default 1: the main thread); result files
                          are streamed either way, and the report is the same

Grading:
  --ruleset default|bfcl  default: fair grading; bfcl: BFCL's checker, verdict for verdict
  --decode [MODEL=]prompt|fc
                          prompt: raw model text; fc: [{name: "<JSON args>"}] payloads.
                          MODEL= sets it for one run (repeatable)
  --underscore-to-dot     every run writes '.' in function names as '_' (OpenAI-style FC)
  --underscore-to-dot-for MODEL
                          only this run does (repeatable)

Gates (exit code 1 when one fails):
  --min-accuracy X        all entries together at least X (0.9 or 90%)
  --min TARGET=X          a category (live_simple), a leaderboard column (live_overall,
                          non_live_simple, non_live_overall, irrelevance_detection,
                          relevance_detection) or all; repeatable. A target not run fails
  --baseline FILE         a previous --format json report: list newly failing / passing entries
  --max-regression [TARGET=]X
                          drop allowed against the baseline; without TARGET it applies to all
                          entries and every leaderboard column (repeatable)

Output:
  --format F[=FILE]       ${OUTPUT_FORMATS.join("|")} (default text); =FILE writes that
                          format to FILE. Repeatable: one format on stdout, any number to files
  -h, --help              this text

Exit codes: 0 pass, 1 a gate failed, 2 bad usage or input.
`;

/** A file of result lines (or standard input, read whole), with the category its name gives. */
interface ResultSource {
  file: string;
  category?: CategoryId;
  /** Standard input's text; files are streamed instead. */
  text?: string;
}

export interface RunInput {
  model: string;
  sources: ResultSource[];
  /** Result files of categories toolgrade does not grade (multi-turn, agentic…). */
  skipped: string[];
}

const BFCL_SUBFOLDERS = new Set(["non_live", "live"]);

/** The run's name: the model folder, seen through non_live/ and live/. */
function modelName(path: string, isFile: boolean): string {
  let dir = isFile ? dirname(path) : path.replace(/[\\/]+$/, "");
  if (isFile && !/^BFCL_v\d+_.+_result\.jsonl?$/.test(basename(path))) return basename(path, extname(path));
  dir = resolve(dir);
  if (BFCL_SUBFOLDERS.has(basename(dir))) dir = dirname(dir);
  return basename(dir) || dir;
}

function readFolder(dir: string, model: string): RunInput {
  const sources: ResultSource[] = [];
  const skipped: string[] = [];
  for (const { file, category } of findResultFiles(dir)) {
    if (category === undefined) skipped.push(basename(file));
    else sources.push({ file, category });
  }
  return { model, sources, skipped };
}

function isModelFolder(dir: string): boolean {
  return findResultFiles(dir).some(({ file }) => dirname(file) === dir || (BFCL_SUBFOLDERS.has(basename(dirname(file))) && dirname(dirname(file)) === dir));
}

/** A folder of `<category>.jsonl` record files (the conformance corpus's layout), read as one run. */
function readJsonlFolder(dir: string): RunInput | undefined {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort();
  if (files.length === 0) return undefined;
  return { model: basename(resolve(dir)), sources: files.map((f) => ({ file: join(dir, f) })), skipped: [] };
}

/** The runs under one `--results` argument. */
export function readRuns(path: string, io: Io): RunInput[] {
  if (path === "-") {
    const text = io.stdinBytes ? decodeUtf8("<stdin>", io.stdinBytes()) : io.stdin?.();
    if (text === undefined) throw new SuiteError("<stdin>", 0, "standard input is not available");
    return [{ model: "stdin", sources: [{ file: "<stdin>", text }], skipped: [] }];
  }
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new SuiteError(path, 0, "the results path does not exist");
  }
  if (stat.isFile()) return [{ model: modelName(path, true), sources: [{ file: path }], skipped: [] }];
  const dir = path.replace(/[\\/]+$/, "") || path;
  if (isModelFolder(dir)) return [readFolder(dir, modelName(dir, false))];
  const flat = readJsonlFolder(dir);
  if (flat && findResultFiles(dir).length === 0) return [flat];
  const models = [...new Set(findResultFiles(dir).map(({ file }) => relative(dir, file).split(/[\\/]/)[0]!))];
  const runs = models.map((m) => join(dir, m)).filter(isModelFolder);
  if (runs.length === 0) throw new SuiteError(path, 0, "no BFCL_v<N>_<category>_result.json files found");
  return runs.map((d) => readFolder(d, modelName(d, false)));
}

/** `sha256:` of the question and gold files of the categories graded, in BFCL's category order. */
function suiteHash(dataDir: string, goldDir: string, categories: readonly CategoryId[]): string {
  const files = findCategoryFiles(dataDir);
  const hash = createHash("sha256");
  for (const c of CATEGORY_IDS) {
    if (!categories.includes(c)) continue;
    const question = files.get(c)!;
    hash.update(`${c}\0`).update(readFileSync(question)).update("\0");
    const gold = join(goldDir, basename(question));
    try {
      hash.update(readFileSync(gold));
    } catch {
      // Relevance categories have no gold file.
    }
    hash.update("\0");
  }
  return `sha256:${hash.digest("hex")}`;
}

/** `--decode fc --decode my-model=prompt` → the mode of each run. */
export function perRun<T>(specs: readonly string[], parse: (s: string) => T | undefined, what: string): { all?: T; by: Map<string, T> } | string {
  const by = new Map<string, T>();
  let all: T | undefined;
  for (const spec of specs) {
    const eq = spec.lastIndexOf("=");
    const value = parse(eq < 0 ? spec : spec.slice(eq + 1));
    if (value === undefined) return `${what} must be prompt or fc, optionally after MODEL=, not '${spec}'`;
    if (eq < 0) all = value;
    else by.set(spec.slice(0, eq), value);
  }
  return all === undefined ? { by } : { all, by };
}

function parseGates(minAccuracy: string | undefined, mins: readonly string[], regressions: readonly string[]): Gate[] | string {
  const specs: Array<[flag: string, spec: string, parse: (s: string) => Parsed<Gate>]> = [];
  const noTarget = (parse: (s: string) => Parsed<Gate>) => (s: string): Parsed<Gate> =>
    s.includes("=") ? { ok: false, error: "takes a number (use --min TARGET=X for one target)" } : parse(s);
  const needsTarget = (s: string): Parsed<Gate> => (s.includes("=") ? parseMinGate(s) : { ok: false, error: "write TARGET=X, e.g. live_simple=0.8" });
  if (minAccuracy !== undefined) specs.push(["--min-accuracy", minAccuracy, noTarget(parseMinGate)]);
  for (const s of mins) specs.push(["--min", s, needsTarget]);
  for (const s of regressions) specs.push(["--max-regression", s, parseRegressionGate]);
  const gates: Gate[] = [];
  for (const [flag, spec, parse] of specs) {
    const g = parse(spec);
    if (!g.ok) return `${flag} ${spec}: ${g.error}`;
    gates.push(g.value);
  }
  return gates;
}

/** Pairs each run with its baseline run: by model name, or the only run with the only run. */
function baselineFor(model: string, runs: readonly string[], baseline: readonly RunScores[]): RunScores | string {
  const named = baseline.find((b) => b.model === model);
  if (named) return named;
  if (runs.length === 1 && baseline.length === 1) return baseline[0]!;
  return `the baseline has no run named '${model}' (it has ${baseline.map((b) => b.model).join(", ")})`;
}

/** The ids of a slice file: one per line; blank lines and `#` comments are skipped. */
export function readSlice(file: string): Set<string> {
  let text: string;
  try {
    text = readUtf8(file);
  } catch (e) {
    if (e instanceof SuiteError) throw e;
    throw new SuiteError(file, 0, "the slice file cannot be read");
  }
  const ids = new Set<string>();
  text.split("\n").forEach((raw) => {
    const line = raw.trim();
    if (line && !line.startsWith("#")) ids.add(line);
  });
  if (ids.size === 0) throw new SuiteError(file, 0, "the slice lists no ids");
  return ids;
}

/** The runs under one `--results` argument with every record read (for commands that need them all at once, such as validate). */
export function readRunRecords(path: string, io: Io): Array<Omit<RunInput, "sources"> & { records: ResultRecord[] }> {
  return readRuns(path, io).map(({ sources, ...run }) => ({
    ...run,
    records: sources.flatMap((s) => parseResults(s.file, s.text ?? readUtf8(s.file), s.category)),
  }));
}

export async function scoreCommand(argv: string[], io: Io & { terminal?: Terminal }): Promise<Outcome> {
  const args = readArgs(
    argv,
    {
      ...SUITE_OPTION_SPECS,
      results: { type: "string", multiple: true },
      category: { type: "string", multiple: true },
      ruleset: { type: "string", default: "default" },
      decode: { type: "string", multiple: true },
      "underscore-to-dot": { type: "boolean", default: false },
      "underscore-to-dot-for": { type: "string", multiple: true },
      partial: { type: "boolean", default: false },
      format: { type: "string", multiple: true },
      "min-accuracy": { type: "string" },
      min: { type: "string", multiple: true },
      baseline: { type: "string" },
      "max-regression": { type: "string", multiple: true },
      workers: { type: "string" },
      slice: { type: "string" },
    },
    SCORE_USAGE,
    io,
    { data: "--data DIR", results: "--results PATH" },
  );
  if ("outcome" in args) return args.outcome;
  const { values } = args;
  const ruleset = values.ruleset as RulesetId;
  if (!RULESET_IDS.includes(ruleset)) return fail(`unknown ruleset '${values.ruleset}' (available: ${RULESET_IDS.join(", ")})`);
  const decode = perRun(values.decode ?? [], (s) => (s === "prompt" || s === "fc" ? s : undefined), "--decode");
  if (typeof decode === "string") return fail(decode);
  const outputs = parseOutputs(values.format ?? []);
  if (typeof outputs === "string") return fail(outputs);
  const gates = parseGates(values["min-accuracy"], values.min ?? [], values["max-regression"] ?? []);
  if (typeof gates === "string") return fail(gates);
  if (values["max-regression"]?.length && !values.baseline) return fail("--max-regression needs --baseline FILE");
  const categories = readCategories(values.category);
  if (typeof categories === "string") return fail(categories);

  const workers = workerCount(values.workers);
  if (workers === undefined) return fail(`--workers takes a whole number, not '${values.workers}'`);

  let pool: BatchPool | undefined;
  try {
    const inputs = values.results.flatMap((p) => readRuns(p, io));
    const names = inputs.map((r) => r.model);
    const badName = checkRunNames(names, [...decode.by.keys(), ...(values["underscore-to-dot-for"] ?? [])]);
    if (badName) return fail(badName);
    for (const input of inputs) {
      if (input.skipped.length) io.err(`toolgrade: ${input.model}: skipped ${input.skipped.length} result files of categories toolgrade does not grade (${input.skipped.join(", ")})\n`);
    }
    const goldDir = values.golds ?? join(values.data, "possible_answer");

    let baseline: RunScores[] | undefined;
    if (values.baseline) {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(values.baseline, "utf8"));
      } catch (e) {
        return fail(`cannot read the baseline ${values.baseline}: ${(e as Error).message}`);
      }
      baseline = readBaseline(json);
    }

    // The suite is read one category at a time, when a result of that category first streams in.
    const only = categories.length ? categories : undefined;
    const sliceIds = values.slice ? readSlice(values.slice) : undefined;
    const lazy = new LazySuite(values.data, goldDir);
    const suite = lazy.entries;
    const withResults = new Set<CategoryId>();
    // With --slice, each category's entries are cut to the slice as the category is read.
    const sliced = new Map<CategoryId, number>();
    const need = (category: CategoryId) => {
      withResults.add(category);
      lazy.need(category);
      if (sliceIds && !sliced.has(category)) {
        const list = suite.get(category)!;
        sliced.set(category, list.length);
        suite.set(category, list.filter((e) => sliceIds.has(e.id)));
      }
    };
    const inSlice = (id: string) => !sliceIds || sliceIds.has(id);
    // Categories that file names announce are read before grading starts, in BFCL's order: the
    // suite then settles in memory before the results stream through (less garbage collection).
    const announced = new Set(inputs.flatMap((r) => r.sources.flatMap((s) => (s.category && (!only || only.includes(s.category)) ? [s.category] : []))));
    for (const c of CATEGORY_IDS) {
      if (!announced.has(c)) continue;
      try {
        lazy.need(c);
      } catch (e) {
        // A problem with this category's suite files is reported if a result of it turns up.
        if (!(e instanceof SuiteError)) throw e;
      }
    }
    const terminal = terminalOf(io);
    const bar = progressBar(terminal.stderrIsTTY ? inputs.reduce((a, r) => a + r.sources.reduce((b, s) => b + (s.text === undefined ? countLines(s.file) : s.text.split("\n").length), 0), 0) : 0, io.err, terminal.stderrIsTTY);
    let done = 0;
    if (workers > 1) pool = new BatchPool({ setup: { data: values.data, golds: goldDir }, workers });
    const scored: Array<{ model: string; run: RunScorer }> = [];
    for (const input of inputs) {
      const options = {
        ruleset,
        decode: decode.by.get(input.model) ?? decode.all ?? "prompt",
        underscoreToDot: values["underscore-to-dot"] || (values["underscore-to-dot-for"] ?? []).includes(input.model),
        partial: values.partial,
        model: input.model,
      } as const;
      const run = new RunScorer(suite, options);
      for (const source of input.sources) {
        if (pool) {
          const task = { kind: "score", options: { ruleset: options.ruleset, decode: options.decode, underscoreToDot: options.underscoreToDot } } as const;
          const batches = source.text === undefined ? readBatches(source.file, BATCH_BYTES) : textBatches(source.text, BATCH_BYTES);
          const jobs = mapIterable(batches, (b) => ({ task, file: source.file, ...(source.category ? { category: source.category } : {}), ...(only ? { only } : {}), ...b }));
          await pool.runOrdered(jobs, ({ items, error }) => {
            for (const item of items) {
              if (!inSlice(item.id)) continue;
              need(item.category);
              if (run.claim(item)) run.graded({ file: source.file, line: item.line }, unpack(item.result) as GradeResult);
              bar.update(++done, input.model);
            }
            if (error) throw new SuiteError(error.file, error.line, error.problem);
          });
        } else {
          for (const { line, text } of source.text === undefined ? readLines(source.file) : textLines(source.text)) {
            const value = readJsonLine(source.file, line, text);
            if (!value) continue;
            const record = resultRecord(source.file, line, value, source.category);
            if ((only && !only.includes(record.category)) || !inSlice(record.id)) continue;
            need(record.category);
            run.add(record);
            bar.update(++done, input.model);
          }
        }
      }
      scored.push({ model: input.model, run });
    }
    await pool?.close();
    pool = undefined;
    const graded = CATEGORY_IDS.filter((c) => withResults.has(c));
    if (graded.length === 0) return fail("no results to score");
    const hash = suiteHash(values.data, goldDir, graded);
    const slice: ScoreDocument["slice"] = sliceIds
      ? { file: values.slice!, kept: graded.reduce((a, c) => a + suite.get(c)!.length, 0), total: graded.reduce((a, c) => a + sliced.get(c)!, 0) }
      : undefined;

    const runs: ScoredRun[] = [];
    for (const { model, run } of scored) {
      const report = run.finish({ suiteHash: hash });
      const scores = runScores(report);
      let comparison;
      if (baseline) {
        const base = baselineFor(model, names, baseline);
        if (typeof base === "string") return fail(base);
        if (base.ruleset !== ruleset) return fail(`the baseline was graded with ruleset ${base.ruleset}, this run with ${ruleset}; compare like with like`);
        comparison = compareRuns(scores, base);
      }
      runs.push({ report, gates: evaluateGates(gates, scores, comparison), ...(comparison ? { comparison } : {}) });
    }
    bar.finish();

    const doc: ScoreDocument = {
      toolgrade: VERSION,
      ruleset,
      rulesetVersion: RULESET_VERSIONS[ruleset],
      suiteHash: hash,
      ...(values.baseline ? { baseline: values.baseline } : {}),
      runs,
      ...(slice ? { slice } : {}),
    };
    const written = emit(doc, outputs, io);
    if (written) return written;
    const failed = runs.flatMap((r) => r.gates.filter((g) => !g.passed).map((g) => `${runs.length > 1 ? `${r.report.model}: ` : ""}${describeGate(g)}`));
    if (failed.length) {
      const message = `${failed.length} gate${failed.length === 1 ? "" : "s"} failed: ${failed.join("; ")}`;
      io.err(`toolgrade: ${message}\n`);
      return { kind: "gate_failed", message };
    }
    return { kind: "ok" };
  } catch (e) {
    if (e instanceof SuiteError || e instanceof RunError || e instanceof BaselineError) return fail(e.message);
    if (e instanceof Error && e.message.startsWith("batch worker script not found")) return fail(e.message);
    if (e instanceof BatchMemoryError) return fail(e.message);
    throw e;
  } finally {
    await pool?.close();
  }
}

/** `--workers N`: 0 or 1 grade on the main thread; more start that many worker threads. */
export function workerCount(text: string | undefined): number | undefined {
  if (text === undefined) return 1;
  const n = Number(text);
  return text.trim() !== "" && Number.isInteger(n) && n >= 0 && n <= 256 ? n : undefined;
}
