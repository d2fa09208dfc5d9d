/**
 * `compile(entry, options)`: a reward function for one suite entry, called once per rollout.
 * Golds, docs and known-good values are compiled here once (compileGold.ts); each call reads
 * the output (readCalls.ts), scores every call against every gold (scoreCall.ts), pairs them by
 * maximum-weight assignment, and combines the components of the preset.
 *
 * Guarantees, pinned by test/reward/ (invariants.test.ts as a table, properties.test.ts on
 * generated calls, agreement.test.ts on every conformance record):
 * - the score is in [0, 1], and is 1 exactly when the default ruleset's verdict passes (for
 *   `binary` with `ruleset: "bfcl"`, BFCL's verdict); a failing output never scores above
 *   {@link FAILING_MAX};
 * - any real error lowers it; an output that cannot be read scores 0;
 * - irrelevance entries score 1 for no call and 0 for any call (an unreadable output counts as no
 *   call with `malformedIsNoCall`);
 * - a call that matches no gold (its name is none of theirs) never raises the score;
 * - the same output always gets the same reward.
 *
 * Pairing: each pair of a call and a gold with the same name is worth `nameBonus + s`, where
 * `s` is the pair's weighted score and `nameBonus` exceeds any sum of `s`, so the assignment
 * first pairs as many calls with a gold of their name as possible, then maximises the total
 * score. Every per-call component is then summed over the pairs and divided by
 * `max(calls, golds)`: unpaired golds and extra calls both earn 0.
 */
import { CATEGORIES, type CategoryId } from "../categories.js";
import { matchOptions, type MatchOptions } from "../default/matchValue.js";
import { grade } from "../grade.js";
import { maximumMatching, maximumWeightAssignment } from "../match/assignment.js";
import type { MismatchCode } from "../mismatch.js";
import type { Call, Entry } from "../types.js";
import { compileGold, type CompiledGold } from "./compileGold.js";
import { findDoc } from "../docs.js";
import { PRESETS, resolveOptions, type PresetId, type ResolvedOptions, type RewardOptions } from "./options.js";
import { readCalls, type ReadOutcome } from "./readCalls.js";

import { newCallScore, scoreCall, type CallScore } from "./scoreCall.js";

/** The highest score of an output whose verdict fails. */
export const FAILING_MAX = 0.99;

/** The default ruleset's verdict (or BFCL's, for `binary` under `bfcl`), with its first mismatch code. */
export type Verdict = { readonly valid: true; readonly code: null } | { readonly valid: false; readonly code: MismatchCode };

/** One reward: the score, the preset's components (each in [0, 1]), and the verdict. */
export interface Reward {
  score: number;
  components: Readonly<Record<string, number>>;
  verdict: Verdict;
}

/** A compiled reward function for one entry. */
export interface Scorer {
  (output: unknown): Reward;
  readonly id: string;
  readonly category: CategoryId;
  readonly preset: PresetId;
}

const PASS: Verdict = Object.freeze({ valid: true, code: null });
const FAILS = new Map<MismatchCode, Verdict>();

function fail(code: MismatchCode): Verdict {
  let v = FAILS.get(code);
  if (!v) {
    v = Object.freeze({ valid: false, code });
    FAILS.set(code, v);
  }
  return v;
}

/**
 * What one output's calls earned, before the preset combines it. Every scorer fills the same one
 * ({@link GRADED}) rather than allocating one: a reward is computed to the end before the next
 * starts, and every byte a reward allocates costs time twice over, in the collector and in the
 * cache lines it evicts (bench/README.md, "The reward's 300,000/s over every format"). One record for all scorers, not one per
 * scorer: it stays in the cache, where a scorer's own would be as cold as the rest of it.
 */
interface Graded {
  verdict: Verdict;
  format: number;
  count: number;
  name: number;
  keyPrecision: number;
  keyRecall: number;
  values: number;
  /** ToolRL's terms. */
  toolrl: { name: number; keys: number; values: number } | undefined;
  /** Irrelevance: the score is this, whatever the preset. */
  fixed: 0 | 1 | undefined;
}

/**
 * What a scorer reads for each output. The options a reward reads are copied here, and the gold
 * of a one-gold entry held directly: in a mix of many prompts each object a reward touches is a
 * cache miss, and this one holds them together.
 */
interface Compiled {
  entry: Entry;
  options: ResolvedOptions;
  match: MatchOptions;
  golds: readonly CompiledGold[];
  /** The gold, when the entry has exactly one. */
  one: CompiledGold | undefined;
  info: (typeof CATEGORIES)[CategoryId];
  weights: Weights;
  valueCache: number;
  overEmission: number;
  toolrl: boolean;
}

/**
 * The weights a scorer reads: the preset's own and their sum (`graded`: count to values;
 * `toolrl`: format and correctness; none for `binary`), and the graded ones that score a pair for
 * the assignment (the preset's own for `graded`, with their sum as `total`). Scorers with equal
 * weights share one record ({@link weightsOf}): in a mix of many prompts one record stays in the
 * cache where each scorer's own would be one more miss per reward.
 */
interface Weights {
  readonly preset: Readonly<Record<string, number>>;
  readonly total: number;
  readonly pair: { readonly name: number; readonly keyPrecision: number; readonly keyRecall: number; readonly values: number; readonly total: number };
}

/** The records of the weights scorers were compiled with, by preset and weights; a few kinds at most are kept. */
const WEIGHTS = new Map<string, Weights>();
const MAX_WEIGHT_RECORDS = 16;

function weightsOf(resolved: ResolvedOptions): Weights {
  const key = `${resolved.preset} ${JSON.stringify(resolved.weights)}`;
  let record = WEIGHTS.get(key);
  if (record) return record;
  const preset = Object.freeze({ ...resolved.weights });
  const w: Readonly<Record<string, number>> = resolved.preset === "graded" ? preset : PRESETS.graded.weights;
  const pair = { name: w.name!, keyPrecision: w.keyPrecision!, keyRecall: w.keyRecall!, values: w.values!, total: w.name! + w.keyPrecision! + w.keyRecall! + w.values! };
  record = Object.freeze({ preset, total: Object.values(preset).reduce((sum, x) => sum + x, 0), pair: Object.freeze(pair) });
  if (WEIGHTS.size < MAX_WEIGHT_RECORDS) WEIGHTS.set(key, record);
  return record;
}

/**
 * Compiles the reward of one entry.
 *
 * @example
 * const reward = compile(entry); // graded
 * reward("[calculate_triangle_area(base=10, height=5)]") // {score: 1, components: {format: 1, count: 1, …}, verdict: {valid: true, code: null}}
 * compile(entry, { preset: "binary", ruleset: "bfcl" })("[f(x=1)]").score // 0 or 1
 */
export function compile(entry: Entry, options: RewardOptions = {}): Scorer {
  const resolved = resolveOptions(options);
  const info = CATEGORIES[entry.category];
  const match = matchOptions(info.language, resolved.match);
  // `binary` under `bfcl` is BFCL's own verdict through grade(): it never reads compiled golds.
  const bfclBinary = resolved.preset === "binary" && resolved.ruleset === "bfcl";
  const golds = info.hasGold && !bfclBinary ? entry.golds.map((g) => compileGold(g, entry.functions, match)) : [];
  const weights = weightsOf(resolved);
  const c: Compiled = {
    entry,
    options: resolved,
    match,
    golds,
    one: golds.length === 1 ? golds[0] : undefined,
    info,
    weights,
    valueCache: resolved.valueCache,
    overEmission: resolved.overEmission,
    toolrl: resolved.preset === "toolrl",
  };
  const score = scorerOf(c);
  return Object.assign(score, { id: entry.id, category: entry.category, preset: resolved.preset });
}

function scorerOf(c: Compiled): (output: unknown) => Reward {
  const { options, entry } = c;
  if (options.preset === "binary" && options.ruleset === "bfcl") {
    const gradeOptions = { ruleset: "bfcl" as const, decode: options.decode, underscoreToDot: options.underscoreToDot };
    return (output) => {
      const r = grade(entry, output, gradeOptions);
      return r.valid ? { score: 1, components: { valid: 1 }, verdict: PASS } : { score: 0, components: { valid: 0 }, verdict: fail(r.mismatches[0].code) };
    };
  }
  const combine = COMBINE[options.preset];
  const { info } = c;
  const { functions } = entry;
  const { decode } = options;
  // Payloads go to parse() as they are: it converts them once, within its own limits (a payload
  // too deep or cyclic is malformed output there), where converting first would copy them twice.
  return (output) => combine(gradeOutput(c, readCalls(functions, info, output, decode)), c);
}

const COMBINE: Record<PresetId, (g: Graded, c: Compiled) => Reward> = {
  binary: (g) => ({ score: g.verdict.valid ? 1 : 0, components: { valid: g.verdict.valid ? 1 : 0 }, verdict: g.verdict }),
  graded: (g, c) => {
    const w = c.weights.preset;
    const mean = (w.count! * g.count + w.name! * g.name + w.keyPrecision! * g.keyPrecision + w.keyRecall! * g.keyRecall + w.values! * g.values) / c.weights.total;
    const components = { format: g.format, count: g.count, name: g.name, keyPrecision: g.keyPrecision, keyRecall: g.keyRecall, values: g.values };
    return { score: final(g, g.format * mean), components, verdict: g.verdict };
  },
  toolrl: (g, c) => {
    const t = g.toolrl ?? { name: g.name, keys: (g.keyPrecision + g.keyRecall) / 2, values: g.values };
    const w = c.weights.preset;
    const correctness = (t.name + t.keys + t.values) / 3;
    const score = (w.format! * g.format + w.correctness! * correctness) / c.weights.total;
    return { score: final(g, score), components: { format: g.format, name: t.name, keys: t.keys, values: t.values }, verdict: g.verdict };
  },
};

function final(g: Graded, score: number): number {
  const verdict = g.verdict;
  if (g.fixed !== undefined) return g.fixed;
  if (verdict.valid) return 1;
  return score > FAILING_MAX ? FAILING_MAX : score < 0 ? 0 : score;
}

// The records every scorer fills for each output (see Graded). Fractions from the start, so that
// V8 gives each field the representation it keeps.
const GRADED: Graded = { verdict: PASS, format: 0.5, count: 0.5, name: 0.5, keyPrecision: 0.5, keyRecall: 0.5, values: 0.5, toolrl: undefined, fixed: undefined };
/** The one pair of a one-call, one-gold entry, and the list of it. */
const ONE_PAIR = newCallScore();
const ONE_PAIRS: readonly CallScore[] = [ONE_PAIR];

/** Fills {@link GRADED}. */
function fill(
  verdict: Verdict,
  format: number,
  count: number,
  name: number,
  keyPrecision: number,
  keyRecall: number,
  values: number,
  toolrl: Graded["toolrl"] = undefined,
  fixed: Graded["fixed"] = undefined,
): Graded {
  const g = GRADED;
  g.verdict = verdict;
  g.format = format;
  g.count = count;
  g.name = name;
  g.keyPrecision = keyPrecision;
  g.keyRecall = keyRecall;
  g.values = values;
  g.toolrl = toolrl;
  g.fixed = fixed;
  return g;
}

function uniform(verdict: Verdict, format: number, x: number): Graded {
  return fill(verdict, format, x, x, x, x, x);
}

function irrelevance(verdict: Verdict, format: number): Graded {
  const x = verdict.valid ? 1 : 0;
  return fill(verdict, format, x, x, x, x, x, undefined, x);
}

function gradeOutput(c: Compiled, read: ReadOutcome): Graded {
  const info = c.info;
  const readable = read.status !== "malformed";
  if (info.checker === "irrelevance") {
    const { malformedIsNoCall } = c.options;
    if (!readable) return irrelevance(malformedIsNoCall ? PASS : fail("undecodable_output"), 0);
    if (read.dropped > 0 && !malformedIsNoCall) return irrelevance(fail("undecodable_output"), 0);
    return irrelevance(read.calls.length === 0 ? PASS : fail("unexpected_call"), 1);
  }
  if (!readable) return uniform(fail(info.checker === "relevance" ? "missing_call" : "undecodable_output"), 0, 0);
  const format = read.dropped > 0 ? read.calls.length / (read.calls.length + read.dropped) : 1;
  if (info.checker === "relevance") return gradeRelevance(c, read.calls, format, read.dropped > 0);
  return gradeCalls(c, read.calls, format, read.dropped > 0);
}

/** Relevance: some call, each to an offered function with its required params and no unknown ones. */
function gradeRelevance(c: Compiled, calls: readonly Call[], format: number, dropped: boolean): Graded {
  if (calls.length === 0) return uniform(fail("missing_call"), format, 0);
  let found = 0;
  let precision = 0;
  let recall = 0;
  let valid = 0;
  let code: MismatchCode | undefined = dropped ? "undecodable_output" : undefined;
  for (const call of calls) {
    const doc = findDoc(c.entry.functions, call.name);
    if (!doc) {
      code ??= "wrong_function_name";
      continue;
    }
    found++;
    let present = 0;
    for (const p of doc.required) if (call.args.has(p)) present++;
    let known = 0;
    for (const k of call.args.keys()) if (doc.params.has(k)) known++;
    recall += doc.required.length === 0 ? 1 : present / doc.required.length;
    precision += call.args.size === 0 ? 1 : known / call.args.size;
    if (present < doc.required.length) code ??= "missing_required_param";
    else if (known < call.args.size) code ??= "unexpected_param";
    else valid++;
  }
  const n = calls.length;
  return fill(code ? fail(code) : PASS, format, 1, found / n, precision / n, recall / n, valid / n);
}

/** Simple, multiple and parallel entries: calls against golds. */
function gradeCalls(c: Compiled, calls: readonly Call[], format: number, dropped: boolean): Graded {
  const C = calls.length;
  const one = c.one;
  if (C === 1 && one !== undefined) {
    const s = scoreCall(calls[0]!, one, c.match, c.valueCache, ONE_PAIR);
    const verdict = dropped ? fail("undecodable_output") : s.perfect ? PASS : fail(s.failure!);
    return graded(c, 1, calls, verdict, format, s === ONE_PAIR ? ONE_PAIRS : [s], FIRST);
  }
  const G = c.golds.length;
  if (G === 0) return C === 0 && !dropped ? uniform(PASS, format, 1) : uniform(fail(dropped ? "undecodable_output" : "wrong_call_count"), format, 0);
  if (C === 0) return fill(fail("wrong_call_count"), format, 0, 0, 0, 0, 0, NO_TOOLRL);
  return gradeMany(c, calls, format, dropped);
}

/**
 * Several calls or golds: every pair scored, the verdict by matching, the components by
 * maximum-weight assignment. Apart from {@link gradeCalls}, whose one-call path then captures
 * nothing (V8 would give every call of it a context for these closures).
 */
function gradeMany(c: Compiled, calls: readonly Call[], format: number, dropped: boolean): Graded {
  const golds = c.golds;
  const G = golds.length;
  const C = calls.length;
  const scores: CallScore[][] = calls.map((call) => golds.map((gold) => scoreCall(call, gold, c.match, c.valueCache)));
  // The verdict, exactly as gradeDefault decides it.
  let verdict: Verdict;
  if (dropped) verdict = fail("undecodable_output");
  else if (C !== G) verdict = fail("wrong_call_count");
  else if (G === 1) verdict = scores[0]![0]!.perfect ? PASS : fail(scores[0]![0]!.failure!);
  else verdict = maximumMatching(C, G, (i, j) => scores[i]![j]!.perfect).size === G ? PASS : fail("no_matching_call");
  const bonus = C + G + 1;
  const w = c.weights.pair;
  const pairScore = (s: CallScore) => (s.perfect ? 1 : (w.name + w.keyPrecision * s.keyPrecision + w.keyRecall * s.keyRecall + w.values * s.values) / w.total);
  const pairs = maximumWeightAssignment(scores.map((row) => row.map((s) => (s.nameOk ? bonus + pairScore(s) : 0))));
  // Sized to the pairs (lists grown by push start with room for seventeen).
  const paired = new Array<CallScore>(pairs.size);
  const goldOf = new Array<number>(pairs.size);
  const callOf = new Array<number>(pairs.size);
  let k = 0;
  pairs.forEach((j, i) => {
    paired[k] = scores[i]![j]!;
    goldOf[k] = j;
    callOf[k++] = i;
  });
  return graded(c, G, calls, verdict, format, paired, goldOf, callOf);
}

const FIRST: readonly number[] = Object.freeze([0]);
const NO_TOOLRL = Object.freeze({ name: 0, keys: 0, values: 0 });

/** Sums the pairs' components over max(calls, golds) (`G` golds); ToolRL's terms only for that preset. */
function graded(
  c: Compiled,
  G: number,
  calls: readonly Call[],
  verdict: Verdict,
  format: number,
  paired: readonly CallScore[],
  goldOf: readonly number[],
  callOf: readonly number[] = goldOf,
): Graded {
  const C = calls.length;
  let named = 0;
  let keyPrecision = 0;
  let keyRecall = 0;
  let values = 0;
  for (const s of paired) {
    if (!s.nameOk) continue;
    named++;
    keyPrecision += s.keyPrecision;
    keyRecall += s.keyRecall;
    values += s.values;
  }
  const D = Math.max(C, G);
  const count = Math.max(0, 1 - (G - named + c.overEmission * Math.max(0, C - G)) / G);
  const toolrl = c.toolrl ? toolRlTerms(c, calls, paired, goldOf, callOf) : undefined;
  return fill(verdict, format, count, named / D, keyPrecision / D, keyRecall / D, values / D, toolrl);
}

/** ToolRL's name, key and value terms over the paired calls. */
function toolRlTerms(c: Compiled, calls: readonly Call[], paired: readonly CallScore[], goldOf: readonly number[], callOf: readonly number[]) {
  const golds = c.golds;
  let keyJaccard = 0;
  let matchedValues = 0;
  let goldKeys = 0;
  const pairedGolds = new Set<number>();
  paired.forEach((s, k) => {
    if (!s.nameOk) return;
    pairedGolds.add(goldOf[k]!);
    const call = calls[callOf[k]!]!;
    const union = s.goldKeys + call.args.size + call.positional.length - s.sharedKeys;
    keyJaccard += union === 0 ? 1 : s.sharedKeys / union;
    matchedValues += s.valuesMatched;
    goldKeys += s.goldKeys;
  });
  golds.forEach((g, j) => {
    if (!pairedGolds.has(j)) goldKeys += g.fixedParams;
  });
  return { name: nameJaccard(calls, golds), keys: keyJaccard / golds.length, values: goldKeys === 0 ? 1 : matchedValues / goldKeys };
}

/** ToolRL's name term, on multisets so a repeated call is not free: |calls ∩ golds| / |calls ∪ golds|. */
function nameJaccard(calls: readonly Call[], golds: readonly CompiledGold[]): number {
  const left = golds.map((g) => g.nameKey);
  let shared = 0;
  for (const call of calls) {
    const k = left.indexOf(call.name.replace(/[._]/g, "_"));
    if (k >= 0) {
      left[k] = "";
      shared++;
    }
  }
  const union = calls.length + golds.length - shared;
  return union === 0 ? 1 : shared / union;
}
