/**
 * OpenAI payloads.
 *
 * - Chat Completions: a completion (`choices[0].message`), a message (`tool_calls`, legacy
 *   `function_call`, `content`), or a bare `tool_calls` list of
 *   `{"type": "function", "function": {"name", "arguments": "<JSON>"}}`.
 * - Responses: `{"output": [...]}` or the item list: `function_call` items (`name`,
 *   `arguments`), `message` items with `output_text` parts, `reasoning` items.
 *
 * @example {"tool_calls": [{"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}}]}
 */
import { PyDict, type Value } from "../../value/value.js";
import type { Ctx, Outcome } from "../scan/diagnostics.js";
import { field, PayloadParts, type ReadTextPart } from "../scan/payloadParts.js";

/** Whether `v` is an OpenAI Chat payload. */
export function isOpenAiChat(v: Value): boolean {
  if (v instanceof PyDict) return v.has("choices") || v.has("tool_calls") || v.has("function_call") || (v.get("role") === "assistant" && !Array.isArray(v.get("content")));
  return Array.isArray(v) && v.length > 0 && v.every((x) => x instanceof PyDict && x.get("type") === "function" && x.get("function") instanceof PyDict);
}

/** `tool_calls` (and a legacy `function_call`) are the calls; `content` is read only when there are none. */
export function readOpenAiChat(v: Value, ctx: Ctx, readTextPart: ReadTextPart): Outcome {
  const parts = new PayloadParts("openai", ctx);
  if (Array.isArray(v)) {
    v.forEach((item, i) => parts.call(item, `[${i}]`));
    return parts.finish(readTextPart);
  }
  let message: Value | undefined = v;
  let path = "";
  const choices = field(v, "choices");
  if (Array.isArray(choices)) {
    message = field(choices[0], "message");
    path = "choices[0].message.";
  }
  const toolCalls = field(message, "tool_calls");
  if (Array.isArray(toolCalls)) toolCalls.forEach((item, i) => parts.call(item, `${path}tool_calls[${i}]`));
  const legacy = field(message, "function_call");
  if (legacy instanceof PyDict) parts.call(legacy, `${path}function_call`);
  if (typeof field(message, "reasoning_content") === "string") parts.reasoning(`${path}reasoning_content`);
  const content = field(message, "content");
  if (Array.isArray(content)) content.forEach((c, i) => parts.text(field(c, "text"), `${path}content[${i}].text`));
  else parts.text(content, `${path}content`);
  return parts.finish(readTextPart);
}

const RESPONSE_TYPES: ReadonlySet<Value> = new Set(["function_call", "message", "reasoning", "web_search_call", "custom_tool_call"]);

/** Whether `v` is an OpenAI Responses payload (`{"output": [...]}` or its item list). */
export function isOpenAiResponses(v: Value): boolean {
  const items = v instanceof PyDict ? v.get("output") : v;
  if (v instanceof PyDict && !Array.isArray(items)) return v.get("type") === "function_call";
  return Array.isArray(items) && items.length > 0 && items.every((x) => x instanceof PyDict && RESPONSE_TYPES.has(x.get("type") ?? null));
}

/** `function_call` items are the calls; `message` text is read only when there are none; `reasoning` items are noted. */
export function readOpenAiResponses(v: Value, ctx: Ctx, readTextPart: ReadTextPart): Outcome {
  const parts = new PayloadParts("openai_responses", ctx);
  const prefix = v instanceof PyDict && v.has("output") ? "output" : "";
  const items = v instanceof PyDict ? (v.has("output") ? v.get("output") : [v]) : v;
  (items as Value[]).forEach((item, i) => {
    const path = `${prefix}[${i}]`;
    const type = field(item, "type");
    if (type === "function_call" || type === "custom_tool_call") parts.call(item, path);
    else if (type === "reasoning") parts.reasoning(path);
    else if (type === "message") {
      const content = field(item, "content");
      if (Array.isArray(content)) content.forEach((c, k) => parts.text(field(c, "text"), `${path}.content[${k}].text`));
      else parts.text(content, `${path}.content`);
    }
  });
  return parts.finish(readTextPart);
}
