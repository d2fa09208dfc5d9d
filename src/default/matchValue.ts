/**
 * Value matching of the default ruleset: one model value against a gold's alternatives, guided
 * by the param's documented type, recursively through lists and dicts. Every decision names the
 * rule that made it (rules.ts). When nothing matches, the mismatch of the closest alternative is
 * returned.
 */
import type { Language } from "../categories.js";
import { TYPE_TABLES } from "../bfcl/typeTables.js";
import { aliasesFor, defaultAliases } from "../canonicalize/aliases.js";
import type { AliasTable } from "../canonicalize/aliasTable.js";
import { readJavaValue } from "../canonicalize/javaValue.js";
import { readJsValue } from "../canonicalize/jsValue.js";
import { looksLikeMath, mathEquivalent } from "../canonicalize/math.js";
import { canonicalText, decodeEscapes, foldText, tidyText } from "../canonicalize/text.js";
import type { Mismatch } from "../mismatch.js";
import type { ParamDoc } from "../types.js";
import { readJson } from "../value/json.js";
import { kindOf, PyDict, PyTuple, pyEquals, type PyKind, type Value } from "../value/value.js";
import { maximumMatching } from "../match/assignment.js";
import type { RuleId } from "./rules.js";

export interface MatchOptions {
  /** Relative tolerance for floats. */
  tolerance: number;
  aliases: AliasTable;
  language: Language;
}

export const DEFAULT_MATCH_OPTIONS: Omit<MatchOptions, "aliases" | "language"> = { tolerance: 1e-6 };

export type Match = { ok: true; rule: RuleId } | { ok: false; mismatch: Mismatch };

const OK_EXACT: Match = { ok: true, rule: "exact" };

function ok(rule: RuleId): Match {
  return rule === "exact" ? OK_EXACT : { ok: true, rule };
}

/** The Python kind a doc type asks for, in the call's language; undefined for `any` or unknown. */
export function expectedKind(doc: ParamDoc | undefined, language: Language): PyKind | undefined {
  if (!doc || doc.type === "any") return undefined;
  const kind = TYPE_TABLES[language].get(doc.type) ?? TYPE_TABLES.python.get(doc.type);
  if (doc.type === "tuple" || doc.type === "Set") return "list";
  return kind;
}

function isNumber(v: Value): v is bigint | number {
  return typeof v === "bigint" || typeof v === "number";
}

function numbersMatch(a: bigint | number, b: bigint | number, tolerance: number): RuleId | undefined {
  if (typeof a === "bigint" && typeof b === "bigint") return a === b ? "exact" : undefined;
  const x = Number(a);
  const y = Number(b);
  if (x === y) return typeof a === typeof b ? "exact" : "int_float";
  if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
  return Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y)) ? "float_tolerance" : undefined;
}

/** Splits "a, b, c" into trimmed parts. */
function parts(s: string): string[] {
  return s.split(",").map((p) => p.trim()).filter((p) => p !== "");
}

/** The value repeats every part of the gold and only adds trailing parts that name a state or country. */
function addsOnlyRegions(value: string, gold: string): boolean {
  const v = parts(value);
  const g = parts(gold);
  if (g.length === 0 || v.length <= g.length) return false;
  for (let i = 0; i < g.length; i++) if (foldText(v[i]!) !== foldText(g[i]!)) return false;
  const regions = aliasesFor(["countries", "us_states"]);
  // An ambiguous name ("CA": California or Canada) is a region either way.
  return v.slice(g.length).every((extra) => regions.canonical(extra) !== undefined || regions.isAmbiguous(extra));
}

const UNNAME = /[!?;:*"#$%^+=<>|~{}[\]\\/@]/;

/** Both strings hold the same JSON object or array, whatever the spacing: '{"a":1}' ≡ '{"a": 1}'. */
function sameJsonText(a: string, b: string): boolean {
  const first = (s: string) => s.trimStart()[0];
  if ((first(a) !== "{" && first(a) !== "[") || first(a) !== first(b)) return false;
  const x = readJson(a);
  const y = readJson(b);
  return x.ok && y.ok && pyEquals(x.value, y.value);
}

/** What stringsMatch needs of a gold string, computed once per distinct gold. */
interface GoldText {
  decoded: string;
  canonical: string;
  escaped: boolean;
  named: boolean;
  math: boolean;
}

/** Gold strings are few and repeat on every output graded; bounded so that no input can grow it without end. */
const GOLD_TEXTS = new Map<string, GoldText>();
const GOLD_TEXTS_LIMIT = 50_000;

function goldText(gold: string): GoldText {
  let g = GOLD_TEXTS.get(gold);
  if (g) return g;
  const decoded = decodeEscapes(gold);
  g = { decoded, canonical: canonicalText(decoded), escaped: decoded !== gold, named: !UNNAME.test(decoded), math: looksLikeMath(decoded) };
  if (GOLD_TEXTS.size >= GOLD_TEXTS_LIMIT) GOLD_TEXTS.clear();
  GOLD_TEXTS.set(gold, g);
  return g;
}

function stringsMatch(value: string, gold: string, options: MatchOptions): RuleId | undefined {
  if (value === gold) return "exact";
  if (sameJsonText(value, gold)) return "json_text";
  const g = goldText(gold);
  if (canonicalText(value) === g.canonical) return g.escaped ? "escaped_unicode" : "text_fold";
  // Names are compared as names: punctuation that changes a phrase ("Boston!") is not an alias.
  if (g.named && !UNNAME.test(value) && options.aliases.same(value, g.decoded)) return "alias";
  if (addsOnlyRegions(value, g.decoded)) return "redundant_detail";
  if (g.math && looksLikeMath(value)) {
    const m = mathEquivalent(value, g.decoded);
    if (m === "equal_text" || m === "equal_samples") return "math_equivalent";
  }
  return undefined;
}

/**
 * Source text compared as code: spacing outside quotes does not count. Whitespace is dropped
 * where an even number of quote characters (' or ") follows it, in one right-to-left pass; the
 * regex that said so with a lookahead to the end was quadratic in the number of spaces.
 */
export function sameSource(a: string, b: string): boolean {
  return squeezeOutsideQuotes(tidyText(a)) === squeezeOutsideQuotes(tidyText(b));
}

function squeezeOutsideQuotes(s: string): string {
  const kept: string[] = [];
  let quotesAfter = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i]!;
    if (c === "'" || c === '"') quotesAfter++;
    else if (quotesAfter % 2 === 0 && /\s/.test(c)) continue;
    kept.push(c);
  }
  return kept.reverse().join("");
}

/** Gold alternatives that list the same elements in different orders mark a list as unordered. */
export function isUnorderedGold(alternatives: readonly Value[]): boolean {
  if (alternatives.length < 2) return false;
  let known = UNORDERED.get(alternatives);
  if (known === undefined) UNORDERED.set(alternatives, (known = listsInOtherOrders(alternatives)));
  return known;
}

/** Gold alternatives are never mutated, so each list's answer is computed once. */
const UNORDERED = new WeakMap<readonly Value[], boolean>();

function listsInOtherOrders(alternatives: readonly Value[]): boolean {
  const lists = alternatives.filter((a): a is Value[] => Array.isArray(a) && a.length > 1);
  for (let i = 0; i < lists.length; i++) {
    for (let j = i + 1; j < lists.length; j++) {
      const a = lists[i]!;
      const b = lists[j]!;
      if (a.length !== b.length) continue;
      const key = (v: Value) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x));
      const sa = a.map(key).sort().join("\u0000");
      const sb = b.map(key).sort().join("\u0000");
      if (sa === sb && a.map(key).join("\u0000") !== b.map(key).join("\u0000")) return true;
    }
  }
  return false;
}

interface Ctx {
  options: MatchOptions;
  param: string;
}

/**
 * Matches a value against one gold alternative (a plain value, not a list of alternatives).
 */
function matchOne(value: Value, gold: Value, doc: ParamDoc | undefined, path: string, ctx: Ctx, unordered: boolean): Match {
  const { options, param } = ctx;
  const want = expectedKind(doc, options.language);
  const fail = (m: Partial<Mismatch> & { code: Mismatch["code"] }): Match => ({ ok: false, mismatch: { path, ...m } as Mismatch });
  const wrongValue = () => fail({ code: "wrong_value", param, received: value, expected: [gold] });

  if (gold === null) return value === null ? OK_EXACT : wrongValue();
  if (value === null) return wrongValue();

  // A string gold for a non-string param names a variable or an expression ("dontcare",
  // "data['sales']"); it matches that text, spacing and letter case aside.
  if (typeof gold === "string" && want !== undefined && want !== "str") {
    if (typeof value === "string" && (value === gold || sameSource(value, gold) || foldText(value) === foldText(gold))) {
      return ok("variable_gold");
    }
    return wrongValue();
  }

  if (isNumber(gold) || typeof gold === "boolean") {
    if (typeof gold === "boolean" || want === "bool") {
      if (typeof value === "boolean" && typeof gold === "boolean") return value === gold ? OK_EXACT : wrongValue();
      return typeof value === "boolean" ? wrongValue() : fail({ code: "wrong_type", param, expected: doc?.type ?? kindOf(gold), receivedType: kindOf(value), received: value });
    }
    if (want === "str" && typeof value === "string") return wrongValue();
    if (!isNumber(value)) {
      return fail({ code: "wrong_type", param, expected: doc?.type ?? kindOf(gold), receivedType: kindOf(value), received: value });
    }
    if (want === "int" && typeof value === "number" && !Number.isInteger(value)) {
      return fail({ code: "wrong_type", param, expected: doc?.type ?? "integer", receivedType: "float", received: value });
    }
    const rule = numbersMatch(value, gold, options.tolerance);
    return rule ? ok(rule) : wrongValue();
  }

  if (typeof gold === "string") {
    if (typeof value === "string") {
      const rule = stringsMatch(value, gold, options);
      return rule ? ok(rule) : fail({ code: "wrong_string_value", param, received: value, expected: [gold] });
    }
    // A number or bool where the doc takes text (string, `any`, or Java/JS source): compare its text.
    if ((isNumber(value) || typeof value === "boolean") && (want === "str" || want === undefined || options.language !== "python")) {
      const n = Number(gold.trim());
      if (isNumber(value) && gold.trim() !== "" && Number.isFinite(n) && numbersMatch(value, n, options.tolerance)) return ok("number_as_text");
      if (typeof value === "boolean" && gold.trim().toLowerCase() === String(value)) return ok("number_as_text");
    }
    return fail({ code: "wrong_type", param, expected: doc?.type ?? "string", receivedType: kindOf(value), received: value });
  }

  if (Array.isArray(gold) || gold instanceof PyTuple) {
    const goldItems = Array.isArray(gold) ? gold : gold.items;
    const items = Array.isArray(value) ? value : value instanceof PyTuple ? value.items : undefined;
    if (!items) return fail({ code: "wrong_type", param, expected: doc?.type ?? "array", receivedType: kindOf(value), received: value });
    const itemDoc = doc?.items;
    const failList = (): Match => fail({ code: "wrong_list_value", param, received: value, expected: [gold] });
    if (items.length !== goldItems.length) return failList();
    if (unordered) {
      const pairs = maximumMatching(items.length, goldItems.length, (i, j) => matchOne(items[i]!, goldItems[j]!, itemDoc, `${path}[${i}]`, ctx, false).ok);
      return pairs.size === items.length ? ok("unordered_list") : failList();
    }
    let rule: RuleId = "exact";
    for (let i = 0; i < items.length; i++) {
      const m = matchOne(items[i]!, goldItems[i]!, itemDoc, `${path}[${i}]`, ctx, false);
      if (!m.ok) return m.mismatch.code === "wrong_type" ? m : failList();
      if (m.rule !== "exact") rule = m.rule;
    }
    return ok(rule);
  }

  if (gold instanceof PyDict) {
    if (!(value instanceof PyDict)) {
      return fail({ code: "wrong_type", param, expected: doc?.type ?? "dict", receivedType: kindOf(value), received: value });
    }
    return matchDict(value, gold, doc, path, ctx, false);
  }
  return wrongValue();
}

/**
 * Matches a dict against a gold dict. In golds of dict params (and of dicts inside a list of
 * dicts) each key lists its alternatives, like a param; deeper dicts are plain values.
 */
export function matchDict(value: PyDict, gold: PyDict, doc: ParamDoc | undefined, path: string, ctx: Ctx, plain: boolean): Match {
  let rule: RuleId = "exact";
  for (const [key, v] of value.entries) {
    const keyPath = `${path}.${String(key)}`;
    if (!gold.has(key)) {
      const propDoc = typeof key === "string" ? doc?.properties?.get(key) : undefined;
      if (propDoc?.hasDefault && propDoc.default !== undefined && matchOne(v, propDoc.default, propDoc, keyPath, ctx, false).ok) {
        rule = "explicit_default";
        continue;
      }
      return { ok: false, mismatch: { code: "unexpected_dict_key", path: keyPath, key } };
    }
    const propDoc = typeof key === "string" ? doc?.properties?.get(key) : undefined;
    const g = gold.get(key)!;
    const m = plain ? matchOne(v, g, propDoc, keyPath, ctx, false) : matchAlternatives(v, alternativesOf(g), propDoc, keyPath, ctx, true);
    if (!m.ok) return m;
    if (m.rule !== "exact") rule = m.rule;
  }
  for (const [key, g] of gold.entries) {
    if (value.has(key)) continue;
    if (!plain && alternativesOf(g).some((a) => a === "")) continue;
    const propDoc = typeof key === "string" ? doc?.properties?.get(key) : undefined;
    if (!plain && propDoc?.hasDefault && alternativesOf(g).some((a) => matchOne(propDoc.default!, a, propDoc, path, ctx, false).ok)) {
      rule = "omitted_default";
      continue;
    }
    return { ok: false, mismatch: { code: "missing_dict_key", path: `${path}.${String(key)}`, key } };
  }
  return ok(rule);
}

/** A gold's alternatives as a list: BFCL writes a list, one suite writes a bare value. */
export function alternativesOf(g: Value): Value[] {
  return Array.isArray(g) ? g : [g];
}

/** Java/JavaScript values arrive as source text; read them as literals where they are. */
function readSource(value: Value, doc: ParamDoc | undefined, language: Language): { value: Value; rule?: RuleId } {
  if (language === "python" || typeof value !== "string" || !doc) return { value };
  const read = language === "java" ? readJavaValue(value, doc.type, doc.items?.type) : readJsValue(value, doc.type, doc.items?.type);
  if (read.kind === "value") return { value: read.value, rule: "source_literal" };
  return { value: read.text };
}

/**
 * Matches a value against a gold's alternatives (`""`, the omit sentinel, matches only an explicit
 * empty string). Returns the first match, or the mismatch of the closest alternative.
 *
 * @example matchAlternatives(10, [10n], floatDoc, "calls[0].args.x", ctx) // {ok: true, rule: "int_float"}
 */
export function matchAlternatives(
  raw: Value,
  alternatives: readonly Value[],
  doc: ParamDoc | undefined,
  path: string,
  ctx: Ctx,
  nested = false,
): Match {
  const { value, rule: readRule } = nested ? { value: raw } : readSource(raw, doc, ctx.options.language);
  const unordered = isUnorderedGold(alternatives);
  let best: Match | undefined;
  for (const gold of alternatives) {
    if (gold === "") {
      if (value === "") return OK_EXACT;
      if (isEmptyContainer(value)) return ok("empty_as_omitted");
      continue;
    }
    const m =
      gold instanceof PyDict && value instanceof PyDict && !nested
        ? matchDict(value, gold, doc, path, ctx, false)
        : Array.isArray(gold) && doc?.items && expectedKind(doc.items, ctx.options.language) === "dict" && Array.isArray(value)
          ? matchListOfDicts(value, gold, doc, path, ctx)
          : matchOne(value, gold, doc, path, ctx, unordered);
    if (m.ok) return readRule && m.rule === "exact" ? ok(readRule) : m;
    if (!best || closeness(m) > closeness(best)) best = m;
  }
  // Source text read as a literal may still be meant as text: `null` for a gold "null", `42` for "42".
  if (value !== raw && typeof raw === "string") {
    for (const gold of alternatives) {
      if (typeof gold === "string" && gold !== "" && stringsMatch(raw, gold, ctx.options)) return ok("source_literal");
    }
  }
  if (best) return best;
  return { ok: false, mismatch: { code: "wrong_value", path, param: ctx.param, received: value, expected: alternatives } };
}

function matchListOfDicts(value: Value[], gold: Value[], doc: ParamDoc, path: string, ctx: Ctx): Match {
  if (value.length !== gold.length) return { ok: false, mismatch: { code: "wrong_dict_count", path, param: ctx.param } };
  let rule: RuleId = "exact";
  for (let i = 0; i < value.length; i++) {
    const v = value[i]!;
    const g = gold[i]!;
    const m =
      v instanceof PyDict && g instanceof PyDict
        ? matchDict(v, g, doc.items, `${path}[${i}]`, ctx, false)
        : matchOne(v, g, doc.items, `${path}[${i}]`, ctx, false);
    if (!m.ok) return m;
    if (m.rule !== "exact") rule = m.rule;
  }
  return ok(rule);
}

function isEmptyContainer(v: Value): boolean {
  return (Array.isArray(v) && v.length === 0) || (v instanceof PyTuple && v.items.length === 0) || (v instanceof PyDict && v.size === 0);
}

/** Deeper paths mean the value got further before failing; type errors are the least close. */
function closeness(m: Match): number {
  if (m.ok) return Infinity;
  const depth = (m.mismatch.path.match(/[.[]/g) ?? []).length;
  return depth * 2 + (m.mismatch.code === "wrong_type" ? 0 : 1);
}

const DEFAULTS_BY_LANGUAGE = new Map<Language, MatchOptions>();

/** The options most callers want: default tolerance, the bundled alias tables. */
export function matchOptions(language: Language, overrides?: Partial<MatchOptions>): MatchOptions {
  if (!overrides || Object.keys(overrides).length === 0) {
    let options = DEFAULTS_BY_LANGUAGE.get(language);
    if (!options) DEFAULTS_BY_LANGUAGE.set(language, (options = Object.freeze({ ...DEFAULT_MATCH_OPTIONS, aliases: defaultAliases(), language })));
    return options;
  }
  return { ...DEFAULT_MATCH_OPTIONS, aliases: overrides.aliases ?? defaultAliases(), language, ...overrides };
}

export type { Ctx as MatchContext };
