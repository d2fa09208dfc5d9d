/**
 * One call against one compiled gold: the per-call components of the reward, and whether the
 * default ruleset would accept the pair (with the code of its first objection, in the order
 * `checkCallDefault` checks).
 *
 * - `name`: 1 when the names agree (`.` and `_` alike), else the pair earns nothing at all: the
 *   arguments of another function say nothing about this one.
 * - `keyPrecision`: the share of the call's arguments the ruleset accepts as keys (known to the
 *   doc and either in the gold or equal to their documented default). Positional arguments left
 *   unbound count as unaccepted keys. Without a doc no key can be accepted.
 * - `keyRecall`: the share of the params the call must give (the doc's required ones and gold
 *   params that cannot be left out) that it gives.
 * - `values`: the mean credit (valueCredit.ts) over the gold params the call gives, plus the
 *   ones it must give and does not (which earn 0).
 */
import type { MismatchCode } from "../mismatch.js";
import type { MatchOptions } from "../default/matchValue.js";
import type { Call } from "../types.js";
import { isDocDefault, KEY_FIXED, KEY_IN_DOC, KEY_MUST, keySlot, type CompiledGold, type CompiledParam } from "./compileGold.js";
import { isKnownPrimitive, judgeOther } from "./valueCredit.js";

export interface CallScore {
  nameOk: boolean;
  keyPrecision: number;
  keyRecall: number;
  values: number;
  /** ToolRL's terms: gold keys (the gold params given or not to be left out), those the call gives, and those whose value the ruleset accepts. */
  goldKeys: number;
  sharedKeys: number;
  valuesMatched: number;
  /** The ruleset accepts this call for this gold. */
  perfect: boolean;
  /** The ruleset's first objection, when not perfect. */
  failure: MismatchCode | undefined;
}

const WRONG_NAME: CallScore = Object.freeze({
  nameOk: false,
  keyPrecision: 0,
  keyRecall: 0,
  values: 0,
  goldKeys: 0,
  sharedKeys: 0,
  valuesMatched: 0,
  perfect: false,
  failure: "wrong_function_name",
});

/** Whether a call names the gold's function. */
export function sameName(call: Call, gold: CompiledGold): boolean {
  const a = call.name;
  const b = gold.name;
  if (a === b) return true;
  // Writing `.` as `_` keeps the length, so a different length is a different name.
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y && !((x === 0x2e || x === 0x5f) && (y === 0x2e || y === 0x5f))) return false;
  }
  return true;
}

/** A record for {@link scoreCall} to fill, its fractions set from the start so V8 keeps their representation. */
export function newCallScore(): CallScore {
  return { nameOk: false, keyPrecision: 0.5, keyRecall: 0.5, values: 0.5, goldKeys: 0, sharedKeys: 0, valuesMatched: 0, perfect: false, failure: undefined };
}

/**
 * The pair's score, written into `out` when given (a record the caller reuses), else into a new
 * one; a wrong name returns the shared frozen score.
 *
 * @example scoreCall(parse("[f(x=1)]").calls[0], gold, options) // {nameOk: true, keyPrecision: 1, keyRecall: 1, values: 1, perfect: true, …}
 */
export function scoreCall(call: Call, gold: CompiledGold, options: MatchOptions, cacheSize: number, out?: CallScore): CallScore {
  if (!sameName(call, gold)) return WRONG_NAME;
  const doc = gold.doc;
  const positional = call.positional.length;
  let argFailure: MismatchCode | undefined;
  let given = 0;
  let fixedGiven = 0;
  let accepted = 0;
  let valueSum = 0;
  let valueCount = 0;
  let matched = 0;
  // Keys then get: iterating entries allocates a pair per argument.
  const args = call.args;
  const table = gold.keyTable;
  for (const key of args.keys()) {
    const value = args.get(key)!;
    const slot = keySlot(gold, key);
    const flags = slot < 0 ? 0 : (table[slot + 2] as number);
    if (flags & KEY_MUST) given++;
    if (!(flags & KEY_IN_DOC)) {
      argFailure ??= "unexpected_param";
      continue;
    }
    const param = table[slot + 3] as CompiledParam | undefined;
    if (param === undefined) {
      if (isDocDefault(value, doc, key, options)) accepted++;
      else argFailure ??= "unexpected_param";
      continue;
    }
    accepted++;
    valueCount++;
    if (flags & KEY_FIXED) fixedGiven++;
    if (isKnownPrimitive(value, table, table[slot + 4] as number)) {
      valueSum += 1;
      matched++;
      continue;
    }
    const j = judgeOther(value, param, doc, cacheSize);
    valueSum += j.credit;
    if (j.code === undefined) matched++;
    else argFailure ??= j.code;
  }
  const shared = valueCount;
  // The ruleset's order: no doc, unbound positional arguments, required params, each argument, omitted gold params.
  let failure: MismatchCode | undefined = !doc ? "checker_exception" : positional > 0 ? "unexpected_param" : undefined;
  const must = gold.mustCount;
  if (failure === undefined && given < must) {
    for (const p of doc!.required) {
      if (!call.args.has(p)) {
        failure = "missing_required_param";
        break;
      }
    }
  }
  failure ??= argFailure;
  if (fixedGiven < gold.fixedParams) {
    valueCount += gold.fixedParams - fixedGiven;
    failure ??= "missing_param";
  }
  const keys = call.args.size + positional;
  // A new record only now: most pairs of several calls and golds stop at the name.
  out ??= newCallScore();
  out.nameOk = true;
  out.keyPrecision = keys === 0 ? (doc ? 1 : 0) : accepted / keys;
  out.keyRecall = must === 0 ? 1 : given / must;
  out.values = valueCount === 0 ? 1 : valueSum / valueCount;
  out.goldKeys = valueCount;
  out.sharedKeys = shared;
  out.valuesMatched = matched;
  out.perfect = failure === undefined;
  out.failure = failure;
  return out;
}
