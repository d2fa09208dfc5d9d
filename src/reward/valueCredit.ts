/**
 * Credit for one argument value, in [0, 1]. The default ruleset decides: a value it accepts
 * scores 1, and only such a value does. A value it rejects scores 0, except a list or dict,
 * which earns the share of its elements (or keys) that the ruleset accepts, recursively:
 * `['a', 'b', 'x']` for `['a', 'b', 'c']` earns 2/3. Lists are compared position by position,
 * or by maximum-weight assignment when the gold marks them unordered (two alternatives listing
 * the same elements in different orders), as the default ruleset does. A dict earns the mean
 * over its gold keys (a key the gold lets be left out counts only when given) and its extra
 * keys, which earn 0. The best alternative counts.
 *
 * A rejected value never earns more than {@link PARTIAL_MAX}, so a real error always shows,
 * even when every element passes on its own (a list of the right items in the wrong order).
 */
import type { Language } from "../categories.js";
import { readJavaValue } from "../canonicalize/javaValue.js";
import { readJsValue } from "../canonicalize/jsValue.js";
import { alternativesOf, isUnorderedGold, matchAlternatives, type MatchContext } from "../default/matchValue.js";
import { maximumWeightAssignment } from "../match/assignment.js";
import type { MismatchCode } from "../mismatch.js";
import type { FunctionDoc, ParamDoc } from "../types.js";
import { PyDict, PyTuple, type Value } from "../value/value.js";
import { identical, isDocDefault, type CompiledParam, type KeyTable } from "./compileGold.js";

/** Most a rejected value earns. */
export const PARTIAL_MAX = 0.9;

/** Containers nested deeper than this earn nothing more (the ruleset's verdict is unaffected). */
const MAX_DEPTH = 16;

/** The ruleset's decision on one value and the credit it earns: 1 exactly when `code` is undefined. */
export interface Judged {
  credit: number;
  code: MismatchCode | undefined;
}

const ACCEPTED: Judged = Object.freeze({ credit: 1, code: undefined });

/**
 * Whether `value` is one of a param's known primitives, which start at `at` of its gold's
 * {@link KeyTable} (their count, then each value and its length): accepted at once.
 */
export function isKnownPrimitive(value: Value, table: KeyTable, at: number): boolean {
  const length = typeof value === "string" ? value.length : -1;
  const end = at + 1 + (table[at] as number);
  for (let i = at + 1; i < end; i += 2) if (table[i + 1] === length && table[i] === value) return true;
  return false;
}

/**
 * Judges one value the call gives for a gold param, once {@link isKnownPrimitive} has said it
 * is none of the known primitives: accepted (a known container, a value the matcher accepts, or
 * the documented default where the gold allows leaving the param out), or rejected with the
 * matcher's code and the partial credit.
 *
 * Judgements are remembered per param (up to `cacheSize` values, then the memory starts over),
 * containers by a text key that keeps every kind apart ({@link containerKey}): RL scores many
 * samples of one prompt, and they repeat values. The answer is the same either way; only the
 * time differs.
 *
 * @example judgeOther("paris", param, doc, cacheSize) // {credit: 1, code: undefined} when 'Paris' is an alternative
 */
export function judgeOther(value: Value, param: CompiledParam, doc: FunctionDoc | undefined, cacheSize: number): Judged {
  if (typeof value === "object" && value !== null) {
    for (const k of param.knownContainers) if (identical(value, k)) return ACCEPTED;
    const key = cacheSize === 0 ? undefined : containerKey(value, 0);
    if (key === undefined) return judgeAnew(value, param, doc);
    return remembered(param.containerCache, key, cacheSize, value, param, doc);
  }
  if (cacheSize === 0) return judgeAnew(value, param, doc);
  return remembered(param.cache, value, cacheSize, value, param, doc);
}

function remembered<K>(cache: Map<K, Judged>, key: K, size: number, value: Value, param: CompiledParam, doc: FunctionDoc | undefined): Judged {
  let j = cache.get(key);
  if (j === undefined) {
    j = judgeAnew(value, param, doc);
    if (cache.size >= size) cache.clear();
    cache.set(key, j);
  }
  return j;
}

/** Longest container key built; bigger containers are judged every time. */
const MAX_KEY = 512;

/**
 * A text that only identical values share: kinds tagged (`i3`, `f3`, `s"3"`), strings quoted
 * with JSON escapes, dict entries in order. Undefined for kinds without one or past {@link MAX_KEY}.
 *
 * @example containerKey([1n, "a", 1.5], 0) // '[i1,s"a",f1.5]'
 */
export function containerKey(v: Value, length: number): string | undefined {
  if (length > MAX_KEY) return undefined;
  switch (typeof v) {
    case "string":
      return `s${JSON.stringify(v)}`;
    case "bigint":
      return `i${v}`;
    case "number":
      return Object.is(v, -0) ? "f-0" : `f${v}`;
    case "boolean":
      return v ? "T" : "F";
  }
  if (v === null) return "N";
  if (Array.isArray(v) || v instanceof PyTuple) {
    const items = Array.isArray(v) ? v : v.items;
    let out = Array.isArray(v) ? "[" : "(";
    for (const x of items) {
      const k = containerKey(x, length + out.length);
      if (k === undefined) return undefined;
      out += `${k},`;
    }
    return `${out}${Array.isArray(v) ? "]" : ")"}`;
  }
  if (v instanceof PyDict) {
    let out = "{";
    for (const [k, x] of v.entries) {
      const a = containerKey(k, length + out.length);
      const b = a === undefined ? undefined : containerKey(x, length + out.length + a.length);
      if (b === undefined) return undefined;
      out += `${a}:${b},`;
    }
    return `${out}}`;
  }
  return undefined;
}

function judgeAnew(value: Value, param: CompiledParam, doc: FunctionDoc | undefined): Judged {
  const m = matchAlternatives(value, param.alternatives, param.doc, param.path, param.ctx);
  if (m.ok || (param.blankAllowed && isDocDefault(value, doc, param.name, param.ctx.options))) return ACCEPTED;
  return { credit: partialCredit(value, param), code: m.mismatch.code };
}

/** Java and JavaScript values arrive as source text; read it as the matcher does. */
function readSource(value: Value, doc: ParamDoc | undefined, language: Language): Value {
  if (language === "python" || typeof value !== "string" || !doc) return value;
  const read = language === "java" ? readJavaValue(value, doc.type, doc.items?.type) : readJsValue(value, doc.type, doc.items?.type);
  return read.kind === "value" ? read.value : value;
}

/**
 * Credit for a value the ruleset rejected: the share of its elements or keys that match.
 *
 * @example partialCredit(['a', 'b', 'x'], param) // 0.666… for gold ['a', 'b', 'c']
 */
export function partialCredit(raw: Value, param: CompiledParam): number {
  const value = readSource(raw, param.doc, param.ctx.options.language);
  const unordered = isUnorderedGold(param.alternatives);
  let best = 0;
  for (const alt of param.alternatives) {
    if (alt === "") continue;
    const c = similarity(value, alt, param.doc, param.ctx, unordered, 0);
    if (c > best) best = c;
  }
  return Math.min(best, PARTIAL_MAX);
}

function itemsOf(v: Value): readonly Value[] | undefined {
  return Array.isArray(v) ? v : v instanceof PyTuple ? v.items : undefined;
}

function similarity(value: Value, gold: Value, doc: ParamDoc | undefined, ctx: MatchContext, unordered: boolean, depth: number): number {
  if (depth > MAX_DEPTH) return 0;
  const items = itemsOf(value);
  const goldItems = itemsOf(gold);
  if (items && goldItems) return listSimilarity(items, goldItems, doc?.items, ctx, unordered, depth);
  if (value instanceof PyDict && gold instanceof PyDict) return dictSimilarity(value, gold, doc, ctx, depth);
  return 0;
}

/** 1 when the ruleset accepts the element, else its own partial credit. */
function elementCredit(value: Value, alternatives: readonly Value[], doc: ParamDoc | undefined, ctx: MatchContext, depth: number): number {
  if (matchAlternatives(value, alternatives, doc, "", ctx, true).ok) return 1;
  let best = 0;
  for (const alt of alternatives) {
    if (alt === "") continue;
    const c = similarity(value, alt, doc, ctx, false, depth + 1);
    if (c > best) best = c;
  }
  return best;
}

function listSimilarity(
  items: readonly Value[],
  gold: readonly Value[],
  itemDoc: ParamDoc | undefined,
  ctx: MatchContext,
  unordered: boolean,
  depth: number,
): number {
  const n = Math.max(items.length, gold.length);
  if (n === 0) return 1;
  if (!unordered) {
    let sum = 0;
    const m = Math.min(items.length, gold.length);
    for (let i = 0; i < m; i++) sum += elementCredit(items[i]!, [gold[i]!], itemDoc, ctx, depth);
    return sum / n;
  }
  const scores = items.map((v) => gold.map((g) => elementCredit(v, [g], itemDoc, ctx, depth)));
  let sum = 0;
  for (const [i, j] of maximumWeightAssignment(scores)) sum += scores[i]![j]!;
  return sum / n;
}

function dictSimilarity(value: PyDict, gold: PyDict, doc: ParamDoc | undefined, ctx: MatchContext, depth: number): number {
  let sum = 0;
  let counted = 0;
  for (const [key, golden] of gold.entries) {
    const alternatives = alternativesOf(golden);
    const propDoc = typeof key === "string" ? doc?.properties?.get(key) : undefined;
    const given = value.get(key);
    if (given === undefined) {
      if (!alternatives.includes("")) counted++;
      continue;
    }
    counted++;
    sum += elementCredit(given, alternatives, propDoc, ctx, depth);
  }
  for (const [key] of value.entries) if (!gold.has(key)) counted++;
  return counted === 0 ? 1 : sum / counted;
}
