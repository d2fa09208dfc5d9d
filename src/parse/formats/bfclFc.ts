/**
 * BFCL's FC-mode result shape: a list of `{function_name: "<arguments JSON string>"}` (OpenAI,
 * Claude and Mistral handlers) or `{function_name: {args}}` (Gemini), possibly mixed with text
 * strings when the model also answered in prose (Gemini), or a plain list of strings.
 *
 * @example [{"get_weather": "{\"city\": \"Paris\"}"}, {"get_time": "{}"}]
 */
import { PyDict, type Value } from "../../value/value.js";
import type { Ctx, Outcome } from "../scan/diagnostics.js";
import { PayloadParts, type ReadTextPart } from "../scan/payloadParts.js";

function isFcItem(x: Value): boolean {
  if (typeof x === "string") return true;
  if (!(x instanceof PyDict) || x.size !== 1) return false;
  const [k, v] = x.entries[0]!;
  return typeof k === "string" && (typeof v === "string" || v instanceof PyDict || v === null);
}

/** Whether every item is a one-key `{name: arguments}` object or a text string. */
export function isBfclFc(v: Value): boolean {
  if (Array.isArray(v)) return v.every(isFcItem);
  return v instanceof PyDict && isFcItem(v);
}

/** Each object is a call; strings are text, read only when no object is. */
export function readBfclFc(v: Value, ctx: Ctx, readTextPart: ReadTextPart): Outcome {
  const parts = new PayloadParts("bfcl_fc", ctx);
  const items = Array.isArray(v) ? v : [v];
  items.forEach((item, i) => {
    if (typeof item === "string") parts.text(item, `[${i}]`);
    else parts.call(item, `[${i}]`);
  });
  return parts.finish(readTextPart);
}
