/**
 * Structured outputs (anything that is not a string): provider payloads and BFCL result values.
 * They are tried before any text reading, in the order of the table below; the first whose shape
 * matches reads the value. Plain JavaScript objects are first converted to the value model
 * (an integral number becomes an int: JavaScript has already lost `5.0` vs `5`); values already
 * in the model (toolgrade's JSON readers give `PyDict`s) keep their floats.
 */
import { PyBytes, PyComplex, PyDict, PySet, PyTuple, type Value } from "../../value/value.js";
import { callsFromValue } from "../scan/callObject.js";
import { LimitHit, type Ctx, type FormatId, type Outcome } from "../scan/diagnostics.js";
import type { ReadTextPart } from "../scan/payloadParts.js";
import { isAnthropic, readAnthropic } from "./anthropic.js";
import { isBfclFc, readBfclFc } from "./bfclFc.js";
import { isGemini, readGemini } from "./gemini.js";
import { isOpenAiChat, isOpenAiResponses, readOpenAiChat, readOpenAiResponses } from "./openai.js";

interface PayloadFormat {
  id: FormatId;
  matches(v: Value): boolean;
  read(v: Value, ctx: Ctx, readTextPart: ReadTextPart): Outcome;
}

/** Payload shapes, most specific first. */
export const PAYLOAD_FORMATS: readonly PayloadFormat[] = [
  { id: "openai_responses", matches: isOpenAiResponses, read: readOpenAiResponses },
  { id: "anthropic", matches: isAnthropic, read: readAnthropic },
  { id: "gemini", matches: isGemini, read: readGemini },
  { id: "openai", matches: isOpenAiChat, read: readOpenAiChat },
  { id: "bfcl_fc", matches: isBfclFc, read: readBfclFc },
];

/**
 * Reads a non-string output.
 *
 * @example readPayload([{ get_weather: '{"city": "Paris"}' }], ctx, readTextPart) // calls, format "bfcl_fc"
 */
export function readPayload(output: unknown, ctx: Ctx, readTextPart: ReadTextPart): Outcome {
  const v = toValue(output, ctx, 0, { size: 0 });
  if (Array.isArray(v) && v.length === 0) return { kind: "no_call", format: "bfcl_fc", reason: "empty_call_list" };
  for (const f of PAYLOAD_FORMATS) if (f.matches(v)) return f.read(v, ctx, readTextPart);
  const r = callsFromValue(v, ctx, { offset: 0, payload: true });
  if (r.ok) {
    if (r.drafts.length === 0) return { kind: "no_call", format: "json", reason: "empty_call_list" };
    return { kind: "calls", format: "json", drafts: r.drafts };
  }
  return { kind: "malformed", format: "json", problem: ctx.problem("invalid_payload", `unknown payload shape: ${r.message}`, 0) };
}

/**
 * Plain JavaScript data (or values already in the model) as a {@link Value}, within the limits.
 * `model`: inside a {@link PyDict} or {@link PyTuple}, where an int is a bigint and a number is
 * a float (`5.0`, as toolgrade's JSON readers keep it); in plain data an integral number is an int.
 */
function toValue(x: unknown, ctx: Ctx, depth: number, budget: { size: number }, model = false): Value {
  if (depth > ctx.limits.maxDepth) throw new LimitHit("too_deep", `payload nested deeper than ${ctx.limits.maxDepth}`, 0);
  if (++budget.size > ctx.limits.maxLength) throw new LimitHit("too_long", `payload larger than ${ctx.limits.maxLength}`, 0);
  if (x === null || x === undefined) return null;
  switch (typeof x) {
    case "string":
      budget.size += x.length;
      if (budget.size > ctx.limits.maxLength) throw new LimitHit("too_long", `payload larger than ${ctx.limits.maxLength}`, 0);
      return x;
    case "boolean":
    case "bigint":
      return x;
    case "number":
      return model || !Number.isSafeInteger(x) ? x : BigInt(x);
    case "object":
      break;
    default:
      return String(x);
  }
  if (Array.isArray(x)) return x.map((e) => toValue(e, ctx, depth + 1, budget, model));
  if (x instanceof PyDict) return PyDict.fromPairs(x.entries.map(([k, v]) => [toValue(k, ctx, depth + 1, budget, true), toValue(v, ctx, depth + 1, budget, true)]));
  if (x instanceof PyTuple) return new PyTuple(x.items.map((e) => toValue(e, ctx, depth + 1, budget, true)));
  if (x instanceof PySet || x instanceof PyBytes || x instanceof PyComplex) return x;
  if (x instanceof Map) return PyDict.fromPairs([...x].map(([k, v]) => [toValue(k, ctx, depth + 1, budget), toValue(v, ctx, depth + 1, budget)]));
  // An object's keys are distinct strings: no pair can repeat a key, as PyDict.fromPairs allows.
  const o = x as Record<string, unknown>;
  return new PyDict(Object.keys(o).map((k) => [k, toValue(o[k], ctx, depth + 1, budget)]));
}
