/**
 * Kimi-K2: `<|tool_call_begin|>functions.name:idx<|tool_call_argument_begin|>{json}<|tool_call_end|>`
 * inside a `<|tool_calls_section_begin|>` section. The `functions.` prefix and `:idx` suffix are
 * not part of the name.
 *
 * @example <|tool_calls_section_begin|><|tool_call_begin|>functions.get_weather:0<|tool_call_argument_begin|>{"city": "Paris"}<|tool_call_end|><|tool_calls_section_end|>
 */
import { PyDict } from "../../value/value.js";
import { blocksBetween, mergeBlocks, proseOutside } from "../scan/blocks.js";
import { makeCall } from "../scan/callObject.js";
import { note, type Ctx, type Outcome, type Repair } from "../scan/diagnostics.js";
import { readValueAt } from "../scan/jsonish.js";
import type { Src } from "../scan/source.js";
import type { TextFormat } from "./detect.js";

const BEGIN = "<|tool_call_begin|>";
const ARG = "<|tool_call_argument_begin|>";
const END = "<|tool_call_end|>";
const SECTION = ["<|tool_calls_section_begin|>", "<|tool_calls_section_end|>"];

export const kimi: TextFormat = {
  tagged: true,
  id: "kimi",
  detect: (text) => text.includes(BEGIN) && text.includes(ARG),
  read(src, ctx) {
    const blocks = blocksBetween(src.text, BEGIN, END, [SECTION[1]!]);
    proseOutside(src, ctx, blocks, [BEGIN, END, ...SECTION]);
    const parts = blocks.map((b) => {
      if (!b.closed) ctx.repair("closer_added", END, src.origin(b.to));
      return { outcome: readKimiCall(src.slice(b.from, b.to), ctx), at: src.origin(b.at) };
    });
    return mergeBlocks(parts, ctx, "kimi", "the <|tool_call_begin|> block");
  },
};

function readKimiCall(src: Src, ctx: Ctx): Outcome {
  const text = src.text;
  const a = text.indexOf(ARG);
  const notes: Repair[] = [];
  const name = toolName(text.slice(0, a < 0 ? text.length : a).trim(), notes);
  if (a < 0 || name === "") return { kind: "malformed", format: "kimi", problem: ctx.problem("not_a_call", "no <|tool_call_argument_begin|> after the tool id", src.origin(0)) };
  const body = src.slice(a + ARG.length).trim();
  if (body.length === 0) return { kind: "calls", format: "kimi", drafts: [{ call: makeCall(name, new PyDict(), []), repairs: notes }] };
  const v = readValueAt(body, 0, ctx, notes);
  if (!v.ok) return { kind: "malformed", format: "kimi", problem: ctx.problem(v.unclosed ? "unclosed" : "invalid_json", v.message, v.offset) };
  if (!(v.value instanceof PyDict)) return { kind: "malformed", format: "kimi", problem: ctx.problem("invalid_arguments", "the arguments are not an object", body.origin(0)) };
  return { kind: "calls", format: "kimi", drafts: [{ call: makeCall(name, v.value, []), repairs: notes }] };
}

/** `functions.get_weather:0` → `get_weather`. */
export function toolName(id: string, notes: Repair[]): string {
  let name = id;
  const colon = name.lastIndexOf(":");
  if (colon > 0 && /^\d+$/.test(name.slice(colon + 1))) name = name.slice(0, colon);
  if (name.startsWith("functions.")) name = name.slice("functions.".length);
  if (name !== id) notes.push(note("namespace_stripped", id));
  return name;
}
