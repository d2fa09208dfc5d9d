/**
 * Anthropic Messages payloads: a message (`{"content": [blocks]}`) or its block list, with `text`,
 * `tool_use` (`name`, `input` object) and `thinking` blocks interleaved.
 *
 * @example {"content": [{"type": "text", "text": "…"}, {"type": "tool_use", "id": "toolu_01", "name": "get_weather", "input": {"city": "Paris"}}]}
 */
import { PyDict, type Value } from "../../value/value.js";
import type { Ctx, Outcome } from "../scan/diagnostics.js";
import { field, PayloadParts, type ReadTextPart } from "../scan/payloadParts.js";

const BLOCK_TYPES: ReadonlySet<Value> = new Set(["text", "tool_use", "thinking", "redacted_thinking", "server_tool_use"]);

function blocksOf(v: Value): Value[] | undefined {
  const blocks = v instanceof PyDict ? v.get("content") : v;
  if (v instanceof PyDict && v.get("type") === "tool_use") return [v];
  if (!Array.isArray(blocks) || blocks.length === 0) return undefined;
  return blocks.every((b) => b instanceof PyDict && BLOCK_TYPES.has(b.get("type") ?? null)) ? blocks : undefined;
}

/** Whether `v` is a Messages response or its block list (every block a known type). */
export function isAnthropic(v: Value): boolean {
  return blocksOf(v) !== undefined;
}

/** `tool_use` blocks are the calls; text blocks are read only when there are none. */
export function readAnthropic(v: Value, ctx: Ctx, readTextPart: ReadTextPart): Outcome {
  const parts = new PayloadParts("anthropic", ctx);
  const prefix = v instanceof PyDict && v.has("content") ? "content" : "";
  blocksOf(v)!.forEach((b, i) => {
    const path = `${prefix}[${i}]`;
    const type = field(b, "type");
    if (type === "tool_use" || type === "server_tool_use") parts.call(b, path);
    else if (type === "text") parts.text(field(b, "text"), `${path}.text`);
    else parts.reasoning(path);
  });
  return parts.finish(readTextPart);
}
