/**
 * A gold call compiled once for the reward's hot path: its function doc looked up, its name in
 * the form both separators compare in, and per parameter the alternatives, whether the call may
 * leave it out, and the values already known to match.
 *
 * "Known to match" is decided by the default ruleset itself at compile time: each alternative is
 * run through `matchAlternatives` against its own list, and kept when it passes. A model value
 * identical to a kept alternative (same kind, same value, same order inside containers) gets the
 * same answer, so the hot path answers it with a `Set` lookup instead of the matcher.
 */
import { findDoc, nameKey } from "../docs.js";
import { alternativesOf, matchAlternatives, type MatchContext, type MatchOptions } from "../default/matchValue.js";
import type { FunctionDoc, GoldCall, ParamDoc } from "../types.js";
import { PyDict, PyTuple, type Value } from "../value/value.js";
import type { Judged } from "./valueCredit.js";

export interface CompiledParam {
  name: string;
  doc: ParamDoc | undefined;
  alternatives: readonly Value[];
  /** `""` is an alternative: an explicit documented default also matches. */
  blankAllowed: boolean;
  /** The call may leave it out (`""` among the alternatives, or the documented default matches). */
  omittable: boolean;
  /**
   * Primitive values (strings, ints, floats, bools, null) known to match, a few, each followed by
   * its length when a string (else -1): compared with `===` once the lengths agree, so that the
   * text of a value that cannot be equal is not touched (see {@link KeyTable}).
   */
  knownPrimitives: ReadonlyArray<Value>;
  /** Container alternatives known to match, compared by {@link identical}. */
  knownContainers: readonly Value[];
  /** Judgements of primitive values seen before (valueCredit.ts). */
  cache: Map<Value, Judged>;
  /** Judgements of containers seen before, by their key. */
  containerCache: Map<string, Judged>;
  /** Path given to the matcher; mismatches of the reward are not reported by path. */
  path: string;
  ctx: MatchContext;
}

/** What a call's argument name means for one gold, as flags in its {@link KeyTable} slots: the doc knows the param. */
export const KEY_IN_DOC = 1;
/** The call must give it (in {@link CompiledGold.mustGive}). */
export const KEY_MUST = 2;
/** The gold lists it and it cannot be left out. */
export const KEY_FIXED = 4;

/**
 * Every name in the doc, the gold or `mustGive`, as one flat list of five slots per name: the
 * name, its length, its flags (`KEY_*`), its compiled param (undefined when the gold does not
 * list it) and where in the same list its known primitives start (-1 then). After the slots
 * ({@link CompiledGold.slotsEnd}), each listed param's known primitives: their count, then each
 * value and its length ({@link CompiledParam.knownPrimitives}). One list rather than an object
 * per name and an array per param: a reward reads the slots of a few names and their known
 * values, and in a mix of many prompts each object it touches is a cache miss; the length spares
 * touching the text of names and values that cannot be equal, and a known value is found without
 * touching its param.
 */
export type KeyTable = ReadonlyArray<Value | CompiledParam | undefined>;
export const KEY_SLOTS = 5;

export interface CompiledGold {
  name: string;
  /** The name with `.` written `_` ({@link nameKey}). */
  nameKey: string;
  doc: FunctionDoc | undefined;
  params: ReadonlyMap<string, CompiledParam>;
  /** Every param the call must give: the doc's required params, then gold params that cannot be left out. */
  mustGive: readonly string[];
  /** How many: read by every reward, which then needs the list itself only when one is missing. */
  mustCount: number;
  /** Gold params that cannot be left out (ToolRL's gold keys when no call is paired). */
  fixedParams: number;
  /** Every name in the doc, the gold or `mustGive` ({@link keySlot} finds one), then the known primitives. */
  keyTable: KeyTable;
  /** Where the {@link keyTable}'s slots end and the known primitives begin. */
  slotsEnd: number;
  /** The same names to their slots, for long lists. */
  keySlots: ReadonlyMap<string, number>;
}

/**
 * Where an argument name's slots start in the gold's {@link KeyTable}, or -1. A function has a
 * handful of params, and comparing a freshly read name with each is faster than hashing it;
 * long lists use the map.
 */
export function keySlot(gold: CompiledGold, key: string): number {
  const table = gold.keyTable;
  const end = gold.slotsEnd;
  if (end > 12 * KEY_SLOTS) return gold.keySlots.get(key) ?? -1;
  const n = key.length;
  for (let i = 0; i < end; i += KEY_SLOTS) if (table[i + 1] === n && table[i] === key) return i;
  return -1;
}

/** Whether `value` is its param's documented default (then giving it equals leaving it out). */
export function isDocDefault(value: Value, doc: FunctionDoc | undefined, param: string, options: MatchOptions): boolean {
  const p = doc?.params.get(param);
  if (!p?.hasDefault) return false;
  return matchAlternatives(value, [p.default ?? null], p, `args.${param}`, { options, param }).ok;
}

/** Same kind and value all the way down, dict entries in the same order. */
export function identical(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && sameItems(a, b);
  if (a instanceof PyTuple) return b instanceof PyTuple && sameItems(a.items, b.items);
  if (a instanceof PyDict) {
    if (!(b instanceof PyDict) || a.size !== b.size) return false;
    for (let i = 0; i < a.entries.length; i++) {
      const x = a.entries[i]!;
      const y = b.entries[i]!;
      if (!identical(x[0], y[0]) || !identical(x[1], y[1])) return false;
    }
    return true;
  }
  return false;
}

function sameItems(a: readonly Value[], b: readonly Value[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!identical(a[i]!, b[i]!)) return false;
  return true;
}

function isPrimitive(v: Value): boolean {
  return v === null || typeof v !== "object";
}

function compileParam(name: string, golden: Value, doc: FunctionDoc | undefined, options: MatchOptions): CompiledParam {
  const alternatives = alternativesOf(golden);
  const paramDoc = doc?.params.get(name);
  const ctx: MatchContext = { options, param: name };
  const path = `args.${name}`;
  const blankAllowed = alternatives.includes("");
  const omittable =
    blankAllowed || (paramDoc?.hasDefault === true && matchAlternatives(paramDoc.default ?? null, alternatives, paramDoc, path, ctx).ok);
  const knownPrimitives: Value[] = [];
  const knownContainers: Value[] = [];
  for (const alt of alternatives) {
    if (!matchAlternatives(alt, alternatives, paramDoc, path, ctx).ok) continue;
    if (isPrimitive(alt)) knownPrimitives.push(alt, typeof alt === "string" ? alt.length : -1);
    else knownContainers.push(alt);
  }
  return { name, doc: paramDoc, alternatives, blankAllowed, omittable, knownPrimitives, knownContainers, cache: new Map(), containerCache: new Map(), path, ctx };
}

/**
 * @example compileGold({name: "f", params: new Map([["x", [1n]]])}, functions, matchOptions("python")).mustGive // ["x"]
 */
export function compileGold(gold: GoldCall, functions: readonly FunctionDoc[], options: MatchOptions): CompiledGold {
  const doc = findDoc(functions, gold.name);
  const params = new Map<string, CompiledParam>();
  for (const [name, golden] of gold.params) params.set(name, compileParam(name, golden, doc, options));
  const mustGive = [...(doc?.required ?? [])];
  for (const p of params.values()) if (!p.omittable && !mustGive.includes(p.name)) mustGive.push(p.name);
  const fixedParams = [...params.values()].filter((p) => !p.omittable).length;
  const keyTable: Array<Value | CompiledParam | undefined> = [];
  const keySlots = new Map<string, number>();
  for (const name of new Set([...(doc?.params.keys() ?? []), ...params.keys(), ...mustGive])) {
    const param = params.get(name);
    const flags = (doc?.params.has(name) ? KEY_IN_DOC : 0) | (mustGive.includes(name) ? KEY_MUST : 0) | (param && !param.omittable ? KEY_FIXED : 0);
    keySlots.set(name, keyTable.length);
    keyTable.push(name, name.length, flags, param, -1);
  }
  const slotsEnd = keyTable.length;
  for (let i = 0; i < slotsEnd; i += KEY_SLOTS) {
    const param = keyTable[i + 3] as CompiledParam | undefined;
    if (!param) continue;
    keyTable[i + 4] = keyTable.length;
    keyTable.push(param.knownPrimitives.length, ...param.knownPrimitives);
  }
  return { name: gold.name, nameKey: nameKey(gold.name), doc, params, mustGive, mustCount: mustGive.length, fixedParams, keyTable, slotsEnd, keySlots };
}
