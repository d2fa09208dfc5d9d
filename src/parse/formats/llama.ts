/**
 * Llama 3.1 / 3.2 / 3.3 tool calls.
 *
 * - `<|python_tag|>` then JSON objects (`{"name", "parameters"}`, several separated by `;`) or a
 *   built-in tool call in Python syntax (`brave_search.call(query="…")`, read as `brave_search`).
 * - The custom-function form `<function=name>{"arg": …}</function>` (see qwen3Coder.ts, which
 *   reads every `<function=…>` block).
 *
 * @example <|python_tag|>{"name": "get_weather", "parameters": {"city": "Paris"}}
 * @example <function=get_weather>{"city": "Paris"}</function>
 */
import { blocksBetween, mergeBlocks, proseOutside } from "../scan/blocks.js";
import { note, type Outcome } from "../scan/diagnostics.js";
import type { TextFormat } from "./detect.js";
import { readFunctionTags } from "./qwen3Coder.js";

const TAG = "<|python_tag|>";

export const llamaPythonTag: TextFormat = {
  tagged: true,
  id: "llama_python_tag",
  detect: (text) => text.includes(TAG),
  read(src, ctx, readText) {
    const blocks = blocksBetween(src.text, TAG, undefined);
    proseOutside(src, ctx, blocks, [TAG]);
    const parts = blocks.map((b) => ({ outcome: builtinNames(readText(src.slice(b.from, b.to), ctx, "llama_python_tag")), at: src.origin(b.at) }));
    return mergeBlocks(parts, ctx, "llama_python_tag", "the <|python_tag|> block");
  },
};

export const llamaFunction: TextFormat = {
  tagged: true,
  id: "llama_function",
  detect: (text) => text.includes("<function="),
  read: (src, ctx) => readFunctionTags(src, ctx),
};

/** `brave_search.call(...)` calls the built-in tool `brave_search`. */
function builtinNames(o: Outcome): Outcome {
  if (o.kind !== "calls") return o;
  for (const d of o.drafts) {
    if (d.call.name.endsWith(".call") && d.call.name.length > 5) {
      d.call.name = d.call.name.slice(0, -5);
      d.repairs.push(note("namespace_stripped", ".call"));
    }
  }
  return o;
}
