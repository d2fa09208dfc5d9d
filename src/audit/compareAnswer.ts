/**
 * How a frontier answer differs from a gold, value by value, for the validation classes: each
 * difference is `form` (the same thing written another way: case, punctuation, word order, an
 * alias, a number or date in another notation, a qualifier such as ", CA"), `substance` (something
 * else the conversation also supports; a list and a string that spells it out, or words that differ
 * only by a plural ending, are the same in form), `ungrounded` (something the conversation does not
 * support), `missing` / `gold_ungrounded` (a required value left out, where the gold's value is
 * or is not supported by the conversation) or `structure` (a call missing, extra or misnamed, or
 * nothing readable at all).
 */
import { defaultAliases } from "../canonicalize/aliases.js";
import { readJavaValue } from "../canonicalize/javaValue.js";
import { readJsValue } from "../canonicalize/jsValue.js";
import { foldText } from "../canonicalize/text.js";
import { CATEGORIES } from "../categories.js";
import { sameFunctionName } from "../default/checkCall.js";
import { alternativesOf } from "../default/matchValue.js";
import { readSourceCalls } from "../default/sourceCalls.js";
import { parse } from "../parse/parse.js";
import type { Call, Entry, ParamDoc } from "../types.js";
import { PyDict, PySet, PyTuple, pyEquals, type Value } from "../value/value.js";
import { answerValue } from "./candidates.js";
import { groundedValue, looseText, type Grounding } from "./grounding.js";

export type DifferenceKind = "form" | "substance" | "ungrounded" | "missing" | "gold_ungrounded" | "structure";

export interface Difference {
  kind: DifferenceKind;
  /** `golds[0].city`, or `calls[2]` for a structural difference. */
  path: string;
  gold?: readonly Value[];
  received?: Value;
  detail?: string;
  /** Index of the gold call and the parameter, for a patch. */
  goldIndex?: number;
  param?: string;
}

function numberOf(v: Value): number | undefined {
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\s*[-+]?(\d[\d,]*(\.\d*)?|\.\d+)\s*$/.test(v)) return Number(v.replace(/,/g, ""));
  return undefined;
}

function items(v: Value): Value[] | undefined {
  if (Array.isArray(v)) return v;
  if (v instanceof PyTuple || v instanceof PySet) return v.items;
  return undefined;
}

/** Loosely the same value: equal, equal after folding text, or the same number. */
export function sameValue(v: Value, gold: Value): boolean {
  if (pyEquals(v, gold)) return true;
  const a = numberOf(v);
  const b = numberOf(gold);
  if (a !== undefined && b !== undefined && typeof v !== typeof gold && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b))) return true;
  if (typeof v === "number" && typeof gold === "bigint") return a === b;
  if (typeof v === "string" && typeof gold === "string") return foldText(v) === foldText(gold);
  const vi = items(v);
  const gi = items(gold);
  if (vi && gi) return vi.length === gi.length && vi.every((x, i) => sameValue(x, gi[i]!));
  if (v instanceof PyDict && gold instanceof PyDict) return sameDict(v, gold, sameValue);
  return false;
}

/** A gold dict lists alternatives per key; `""` among them lets the key be left out. */
function sameDict(v: PyDict, gold: PyDict, eq: (a: Value, b: Value) => boolean): boolean {
  for (const [k, g] of gold.entries) {
    const alts = alternativesOf(g);
    const x = v.get(k);
    if (x === undefined) {
      if (!alts.includes("")) return false;
    } else if (!alts.some((a) => a !== "" && eq(x, a)) && !eq(x, answerValue(g))) return false;
  }
  return v.entries.every(([k]) => gold.has(k));
}

/** Words of a text, each without a plural ending: "house prices" ≡ "house price". */
function words(s: string): string[] {
  return looseText(s)
    .split(" ")
    .filter(Boolean)
    .map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w));
}

/** A list and a string that spells the same items: `['-v', '-p']` and `"-v,-p"`. */
function sameSpelledList(list: readonly Value[], text: string): boolean {
  const parts = text.split(/\s*,\s*/);
  return parts.length === list.length && list.every((x, i) => typeof x === "string" || typeof x === "bigint" || typeof x === "number" ? sameForm(typeof x === "string" ? x : String(x), parts[i]!) : false);
}

/** The same thing written another way (see the module comment). */
export function sameForm(v: Value, gold: Value): boolean {
  if (sameValue(v, gold)) return true;
  if (typeof v === "string" && typeof gold === "string") {
    const a = words(v);
    const b = words(gold);
    if (a.join(" ") === b.join(" ")) return true;
    if (a.length && a.length === b.length && [...a].sort().join(" ") === [...b].sort().join(" ")) return true;
    if (defaultAliases().same(v, gold)) return true;
    const [short, long] = a.length <= b.length ? [a, b] : [b, a];
    // A qualifier added or dropped: "New York" / "New York, NY", "Apple" / "Apple Inc".
    if (short.length && ` ${long.join(" ")} `.includes(` ${short.join(" ")} `) && long.length - short.length <= 2) return true;
    return false;
  }
  const n = numberOf(v);
  const m = numberOf(gold);
  if (n !== undefined && m !== undefined) return Math.abs(n - m) <= 1e-9 * Math.max(1, Math.abs(m));
  const vi = items(v);
  const gi = items(gold);
  if (vi && typeof gold === "string") return sameSpelledList(vi, gold);
  if (gi && typeof v === "string") return sameSpelledList(gi, v);
  if (vi && gi) {
    if (vi.length !== gi.length) return false;
    const left = [...gi];
    // Order does not change what a set-like list says.
    return vi.every((x) => {
      const i = left.findIndex((g) => sameForm(x, g));
      if (i < 0) return false;
      left.splice(i, 1);
      return true;
    });
  }
  if (v instanceof PyDict && gold instanceof PyDict) return sameDict(v, gold, sameForm);
  return false;
}

/** How deeply lists nest: 0 for a scalar, 1 for a flat list, 2 for a table. */
function depth(v: Value): number {
  const xs = items(v);
  return xs ? 1 + Math.max(0, ...xs.map(depth)) : 0;
}

/** Java and JavaScript arguments arrive as source text; read literals as values. */
function readArg(v: Value, doc: ParamDoc | undefined, language: "python" | "java" | "javascript"): Value {
  if (language === "python" || typeof v !== "string" || !doc) return v;
  const r = language === "java" ? readJavaValue(v, doc.type, doc.items?.type) : readJsValue(v, doc.type, doc.items?.type);
  return r.kind === "value" ? r.value : v;
}

/** The calls an output holds, or `undefined` when it holds none that can be read. */
export function readCalls(entry: Entry, output: Value, decode: "prompt" | "fc"): Call[] | undefined {
  const language = CATEGORIES[entry.category].language;
  if (language !== "python" && decode === "prompt" && typeof output === "string") {
    const calls = readSourceCalls(language, output);
    if (calls?.length) return calls;
  }
  const r = parse(output, { functions: entry.functions });
  return r.status === "calls" ? r.calls : undefined;
}

/**
 * The differences between an answer and the gold of an entry.
 *
 * @example compareAnswer(entry, "[f(city='NYC')]", "prompt", grounding) // [{kind: "form", path: "golds[0].city", …}]
 */
export function compareAnswer(entry: Entry, output: Value, decode: "prompt" | "fc", grounding: Grounding): Difference[] {
  const calls = readCalls(entry, output, decode);
  if (!calls) return [{ kind: "structure", path: "output", detail: "no call could be read" }];
  const language = CATEGORIES[entry.category].language;
  const diffs: Difference[] = [];
  const used = new Set<number>();
  entry.golds.forEach((gold, gi) => {
    const ci = calls.findIndex((c, i) => !used.has(i) && sameFunctionName(c.name, gold.name));
    if (ci < 0) {
      diffs.push({ kind: "structure", path: `golds[${gi}]`, detail: `no call to ${gold.name}` });
      return;
    }
    used.add(ci);
    const call = calls[ci]!;
    const doc = entry.functions.find((f) => f.name === gold.name);
    for (const [param, g] of gold.params) {
      const alts = alternativesOf(g);
      const path = `golds[${gi}].${param}`;
      const raw = call.args.get(param);
      if (raw === undefined) {
        if (alts.includes("") || alts.length === 0) continue;
        const supported = alts.some((a) => groundedValue(answerValue(a), grounding));
        diffs.push({ kind: supported ? "missing" : "gold_ungrounded", path, gold: alts, goldIndex: gi, param });
        continue;
      }
      const v = readArg(raw, doc?.params.get(param), language);
      const values = alts.filter((a) => a !== "");
      if (values.some((a) => sameValue(v, a))) continue;
      // A table flattened into a list says something else, however grounded its numbers are.
      const lists = values.filter((a) => items(a));
      if (items(v) && lists.length && lists.every((a) => depth(a) !== depth(v))) {
        diffs.push({ kind: "structure", path, gold: alts, received: v, detail: "lists nested differently" });
        continue;
      }
      const grounded = groundedValue(v, grounding);
      const form = values.some((a) => sameForm(v, a) || sameForm(v, answerValue(a)));
      const kind: DifferenceKind = !grounded ? (form ? "form" : "ungrounded") : form ? "form" : "substance";
      diffs.push({ kind, path, gold: alts, received: v, goldIndex: gi, param });
    }
    for (const [param, raw] of call.args) {
      if (gold.params.has(param)) continue;
      const p = doc?.params.get(param);
      const v = readArg(raw, p, language);
      const path = `golds[${gi}].${param}`;
      if (!p) diffs.push({ kind: "structure", path, received: v, detail: `undocumented parameter '${param}'` });
      else if (p.hasDefault && sameValue(v, p.default ?? null)) diffs.push({ kind: "form", path, received: v, detail: "the documented default", goldIndex: gi, param });
      else diffs.push({ kind: groundedValue(v, grounding) ? "substance" : "ungrounded", path, received: v, detail: "a parameter the gold leaves out", goldIndex: gi, param });
    }
  });
  calls.forEach((c, i) => {
    if (!used.has(i)) diffs.push({ kind: "structure", path: `calls[${i}]`, detail: `an extra call to ${c.name}` });
  });
  return diffs;
}
