/**
 * Gemini payloads: a response (`candidates[0].content.parts`), a content (`{"parts": [...]}`) or
 * its part list, with `functionCall` parts (`name`, `args` object; several for parallel calls),
 * `text` parts and thought parts (`"thought": true`).
 *
 * @example {"candidates": [{"content": {"parts": [{"functionCall": {"name": "get_weather", "args": {"city": "Paris"}}}]}}]}
 */
import { PyDict, type Value } from "../../value/value.js";
import type { Ctx, Outcome } from "../scan/diagnostics.js";
import { field, PayloadParts, type ReadTextPart } from "../scan/payloadParts.js";

function partsOf(v: Value): { parts: Value[]; path: string } | undefined {
  let cur: Value | undefined = v;
  let path = "";
  const candidates = field(cur, "candidates");
  if (Array.isArray(candidates)) {
    cur = field(candidates[0], "content");
    path = "candidates[0].content.";
  } else if (field(cur, "content") instanceof PyDict) {
    cur = field(cur, "content");
    path = "content.";
  }
  const parts = cur instanceof PyDict ? cur.get("parts") : cur;
  if (cur instanceof PyDict && cur.has("functionCall")) return { parts: [cur], path: "" };
  if (!Array.isArray(parts) || parts.length === 0) return undefined;
  if (!parts.every((p) => p instanceof PyDict && (p.has("functionCall") || typeof p.get("text") === "string") && !p.has("type"))) return undefined;
  return { parts, path: cur instanceof PyDict ? `${path}parts` : "" };
}

/** Whether `v` is a response, a content or a part list whose parts are calls or text. */
export function isGemini(v: Value): boolean {
  return partsOf(v) !== undefined;
}

/** `functionCall` parts are the calls; text parts are read only when there are none; thoughts are reasoning. */
export function readGemini(v: Value, ctx: Ctx, readTextPart: ReadTextPart): Outcome {
  const p = new PayloadParts("gemini", ctx);
  const { parts, path } = partsOf(v)!;
  parts.forEach((part, i) => {
    const at = `${path}[${i}]`;
    const fc = field(part, "functionCall");
    if (fc !== undefined) p.call(fc, `${at}.functionCall`);
    else if (field(part, "thought") === true) p.reasoning(at);
    else p.text(field(part, "text"), `${at}.text`);
  });
  return p.finish(readTextPart);
}
