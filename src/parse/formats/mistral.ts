/**
 * Mistral: `[TOOL_CALLS]` followed by a JSON list of call objects, possibly repeated for parallel
 * calls (vllm #11097); the newer tokenizer's `[TOOL_CALLS]name[ARGS]{json}` form, with optional
 * `[CALL_ID]id`, possibly followed by prose (mlx-lm PR #1448).
 *
 * @example [TOOL_CALLS][{"name": "get_weather", "arguments": {"city": "Paris"}}]
 * @example [TOOL_CALLS]get_weather[ARGS]{"city": "Paris"}
 */
import { PyDict } from "../../value/value.js";
import { blocksBetween, mergeBlocks, proseOutside } from "../scan/blocks.js";
import { makeCall } from "../scan/callObject.js";
import type { Ctx, Outcome, Repair } from "../scan/diagnostics.js";
import { readValueAt } from "../scan/jsonish.js";
import { snippet } from "../scan/chars.js";
import type { Src } from "../scan/source.js";
import type { TextFormat } from "./detect.js";
import { readJsonCalls } from "./json.js";

const MARKER = "[TOOL_CALLS]";
const ARGS = "[ARGS]";
const CALL_ID = "[CALL_ID]";

export const mistral: TextFormat = {
  id: "mistral",
  detect: (text) => text.includes(MARKER),
  read(src, ctx) {
    const blocks = blocksBetween(src.text, MARKER, undefined);
    proseOutside(src, ctx, blocks, [MARKER]);
    if (blocks.length > 1) ctx.repair("calls_split", MARKER, src.origin(blocks[1]!.at));
    const parts = blocks.map((b) => ({ outcome: readBlock(src.slice(b.from, b.to), ctx), at: src.origin(b.at) }));
    return mergeBlocks(parts, ctx, "mistral", "the [TOOL_CALLS] block");
  },
};

function readBlock(src: Src, ctx: Ctx): Outcome {
  const t = src.trim();
  const c = t.text[0];
  if (c === "[" || c === "{") return readJsonCalls(t, ctx, "mistral");
  // name[ARGS]{...} or name[CALL_ID]id[ARGS]{...}
  const text = t.text;
  let nameEnd = text.length;
  for (const m of [ARGS, CALL_ID, "{"]) {
    const k = text.indexOf(m);
    if (k >= 0 && k < nameEnd) nameEnd = k;
  }
  const name = text.slice(0, nameEnd).trim();
  const argsAt = text.indexOf(ARGS);
  let open = argsAt >= 0 ? argsAt + ARGS.length : nameEnd;
  while (open < text.length && /\s/.test(text[open]!)) open++;
  if (name === "" || text[open] !== "{") {
    return { kind: "malformed", format: "mistral", problem: ctx.problem("not_a_call", "no call after [TOOL_CALLS]", t.origin(0)) };
  }
  const notes: Repair[] = [];
  const v = readValueAt(t, open, ctx, notes);
  if (!v.ok) return { kind: "malformed", format: "mistral", problem: ctx.problem(v.unclosed ? "unclosed" : "invalid_json", v.message, v.offset) };
  if (!(v.value instanceof PyDict)) {
    return { kind: "malformed", format: "mistral", problem: ctx.problem("invalid_arguments", "the [ARGS] are not an object", t.origin(open)) };
  }
  const rest = text.slice(v.end).trim();
  if (rest !== "") ctx.repair("prose_ignored", snippet(rest), t.origin(v.end));
  return { kind: "calls", format: "mistral", drafts: [{ call: makeCall(name, v.value, []), repairs: notes }] };
}
