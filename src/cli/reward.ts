/** `toolgrade reward`: the RL reward of every output of a results file, as JSON lines or a summary. */
import { readArgs, readCategories, SUITE_OPTION_SPECS } from "./args.js";
import { CATEGORY_IDS, type CategoryId } from "../categories.js";
import type { RulesetId } from "../grade.js";
import { PRESET_IDS, RewardOptionsError, type PresetId, type RewardOptions } from "../reward/options.js";
import { BATCH_BYTES, BatchMemoryError, BatchPool, mapIterable } from "../batch/pool.node.js";
import { compile, type Scorer } from "../reward/compile.js";
import { resolveOptions } from "../reward/options.js";
import { rewardRecord, type RewardRecord } from "../reward/suiteScorers.js";
import { LazySuite } from "../suite/lazySuite.js";
import { resultSources } from "../suite/loadResults.js";
import { SuiteError } from "../suite/parseSuite.js";
import { readBatches } from "../suite/readLines.js";
import { streamResults } from "../suite/streamResults.js";
import { workerCount } from "./score.js";
import { fail, type Io, type Outcome } from "./main.js";

export const REWARD_USAGE = `Usage:
  toolgrade reward --data DIR --results FILE|DIR [options]

Options:
  --data DIR            suite folder with BFCL_v4_<category>.json question files
  --golds DIR           possible-answer folder (default: DIR/possible_answer)
  --results FILE|DIR    a result file, or a BFCL result folder; ids may repeat (several samples)
  --category C          only this category (repeatable)
${rewardOptionsUsage()}  --format jsonl|text   jsonl (default): one line per output {id, category, score, components, valid, code};
                        text: score distribution per category
  --workers N           score on N worker threads (default 1: the main thread); the results
                        file is streamed either way, and the output is the same
  -h, --help            this text
`;

/** The reward options shared with \`toolgrade serve\`. */
export function rewardOptionsUsage(): string {
  return `  --preset graded|binary|toolrl
                        graded (default): components and partial credit; binary: 1 iff the verdict passes;
                        toolrl: ToolRL's format + name/key/value overlap
  --ruleset default|bfcl
                        binary only: whose verdict decides (default: default)
  --decode prompt|fc    prompt: raw model text; fc: [{name: "<JSON args>"}] payloads
  --underscore-to-dot   binary --ruleset bfcl: BFCL's flag for FC models
  --weights K=W,...     component weights (graded: count, name, keyPrecision, keyRecall, values;
                        toolrl: format, correctness)
  --over-emission X     graded: cost of an extra call relative to a missing one (default 1)
  --malformed-is-no-call
                        irrelevance: an unreadable output counts as abstaining (scores 1)
`;
}

export const REWARD_OPTION_SPECS = {
  preset: { type: "string", default: "graded" },
  ruleset: { type: "string", default: "default" },
  decode: { type: "string", default: "prompt" },
  "underscore-to-dot": { type: "boolean", default: false },
  weights: { type: "string" },
  "over-emission": { type: "string" },
  "malformed-is-no-call": { type: "boolean", default: false },
} as const;

interface RewardFlags {
  preset?: string;
  ruleset?: string;
  decode?: string;
  "underscore-to-dot"?: boolean;
  weights?: string;
  "over-emission"?: string;
  "malformed-is-no-call"?: boolean;
}

/**
 * Reward options from flags; a message for the first bad flag (weights are validated by the library).
 *
 * @example rewardOptionsFrom({ preset: "graded", weights: "values=0.6,name=0.1" }) // {preset: "graded", weights: {values: 0.6, name: 0.1}, …}
 */
export function rewardOptionsFrom(flags: RewardFlags): RewardOptions | string {
  if (!PRESET_IDS.includes(flags.preset as PresetId)) return `unknown preset '${flags.preset}' (available: ${PRESET_IDS.join(", ")})`;
  if (flags.decode !== "prompt" && flags.decode !== "fc") return `--decode must be prompt or fc, not '${flags.decode}'`;
  const options: RewardOptions = {
    preset: flags.preset as PresetId,
    ruleset: flags.ruleset as RulesetId,
    decode: flags.decode,
    underscoreToDot: flags["underscore-to-dot"] ?? false,
    malformedIsNoCall: flags["malformed-is-no-call"] ?? false,
  };
  if (flags.weights !== undefined) {
    const weights: Record<string, number> = {};
    for (const part of flags.weights.split(",")) {
      const [k, v, extra] = part.split("=");
      if (!k || v === undefined || extra !== undefined || v.trim() === "" || !Number.isFinite(Number(v))) return `--weights takes K=W pairs separated by commas, not '${part}'`;
      weights[k.trim()] = Number(v);
    }
    options.weights = weights;
  }
  if (flags["over-emission"] !== undefined) {
    const x = Number(flags["over-emission"]);
    if (flags["over-emission"].trim() === "" || !Number.isFinite(x)) return `--over-emission takes a number, not '${flags["over-emission"]}'`;
    options.overEmission = x;
  }
  return options;
}

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Per category: outputs, mean score, share at 0, share at 1, quartiles. */
function summary(by: ReadonlyMap<CategoryId, number[]>): string {
  const rows = [["category", "outputs", "mean", "=0", "=1", "p25", "p50", "p75"]];
  const row = (name: string, scores: number[]) => {
    const s = [...scores].sort((a, b) => a - b);
    const mean = s.reduce((a, b) => a + b, 0) / s.length;
    const share = (x: number) => `${((s.filter((v) => v === x).length / s.length) * 100).toFixed(1)}%`;
    rows.push([name, String(s.length), mean.toFixed(3), share(0), share(1), ...[0.25, 0.5, 0.75].map((q) => quantile(s, q).toFixed(3))]);
  };
  for (const c of CATEGORY_IDS) if (by.has(c)) row(c, by.get(c)!);
  if (by.size > 1) row("all", [...by.values()].flat());
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return `${rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ")).join("\n")}\n`;
}

/**
 * JSON lines held back until they pass {@link HOLD_CHARS}, so that for any file of ordinary size
 * nothing is written when the command then fails (an unknown id); past that, lines go out in
 * chunks as they are scored, so a file of any size streams through in bounded memory.
 */
const HOLD_CHARS = 8 << 20;
const CHUNK_CHARS = 1 << 20;

class HeldOutput {
  private parts: string[] = [];
  private chars = 0;
  private streaming = false;

  constructor(private readonly out: (s: string) => void) {}

  write(s: string): void {
    this.parts.push(s);
    this.chars += s.length;
    if (this.chars >= (this.streaming ? CHUNK_CHARS : HOLD_CHARS)) {
      this.streaming = true;
      this.flush();
    }
  }

  flush(): void {
    if (this.parts.length) this.out(this.parts.join(""));
    this.parts = [];
    this.chars = 0;
  }
}

export async function rewardCommand(argv: string[], io: Io): Promise<Outcome> {
  const args = readArgs(
    argv,
    {
      ...SUITE_OPTION_SPECS,
      results: { type: "string" },
      category: { type: "string", multiple: true },
      ...REWARD_OPTION_SPECS,
      format: { type: "string", default: "jsonl" },
      workers: { type: "string" },
    },
    REWARD_USAGE,
    io,
    { data: "--data DIR", results: "--results FILE|DIR" },
  );
  if ("outcome" in args) return args.outcome;
  const { values } = args;
  if (values.format !== "jsonl" && values.format !== "text") return fail(`--format must be jsonl or text, not '${values.format}'`);
  const options = rewardOptionsFrom(values);
  if (typeof options === "string") return fail(options);
  const categories = readCategories(values.category);
  if (typeof categories === "string") return fail(categories);
  const workers = workerCount(values.workers);
  if (workers === undefined) return fail(`--workers takes a whole number, not '${values.workers}'`);
  const only = categories.length ? categories : undefined;
  let pool: BatchPool | undefined;
  try {
    resolveOptions(options);
    const suite = new LazySuite(values.data, values.golds);
    const scorers = new Map<string, Scorer>();
    const unknown: string[] = [];
    const scores = new Map<CategoryId, number[]>();
    const held = new HeldOutput(io.out);
    const addScore = (category: CategoryId, score: number) => {
      const list = scores.get(category);
      if (list) list.push(score);
      else scores.set(category, [score]);
    };
    const take = (r: RewardRecord) => {
      if (values.format === "text") addScore(r.category, r.score);
      else if (unknown.length === 0) held.write(`${JSON.stringify(r)}\n`);
    };
    const sources = resultSources(values.results);
    if (workers > 1) pool = new BatchPool({ setup: { data: values.data, ...(values.golds ? { golds: values.golds } : {}) }, workers });
    for (const { file, category } of sources) {
      if (pool) {
        const task = { kind: "reward", options, output: values.format === "text" ? "scores" : "jsonl" } as const;
        const jobs = mapIterable(readBatches(file, BATCH_BYTES), (b) => ({ task, file, ...(category ? { category } : {}), ...(only ? { only } : {}), ...b }));
        await pool.runOrdered(jobs, (r) => {
          r.categories.forEach((c, i) => addScore(c, r.scores[i]!));
          if (unknown.length === 0 && r.text) held.write(r.text);
          unknown.push(...r.unknown);
          if (r.error) throw new SuiteError(r.error.file, r.error.line, r.error.problem);
        });
        continue;
      }
      for (const r of streamResults(file, category)) {
        if (only && !only.includes(r.category)) continue;
        const entry = suite.entry(r.id, r.category);
        if (!entry) {
          unknown.push(r.id);
          continue;
        }
        let scorer = scorers.get(r.id);
        if (!scorer) scorers.set(r.id, (scorer = compile(entry, options)));
        take(rewardRecord(r.id, scorer.category, scorer(r.result)));
      }
    }
    if (unknown.length) return fail(`results for ids the suite does not have: ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ""}`);
    if (values.format === "text") io.out(summary(scores));
    else held.flush();
    return { kind: "ok" };
  } catch (e) {
    if (e instanceof SuiteError || e instanceof RewardOptionsError) return fail(e.message);
    if (e instanceof Error && e.message.startsWith("batch worker script not found")) return fail(e.message);
    if (e instanceof BatchMemoryError) return fail(e.message);
    throw e;
  } finally {
    await pool?.close();
  }
}
