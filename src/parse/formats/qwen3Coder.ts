/**
 * Qwen3-Coder's XML-ish calls: `<function=name>` with `<parameter=key>value</parameter>` children,
 * usually inside `<tool_call>`. Values are text; see xmlArgs.ts for when they are typed. A
 * `<function=name>` whose body is a JSON object is Llama 3.1's custom form (llama.ts).
 *
 * @example <tool_call>\n<function=get_weather>\n<parameter=city>\nParis\n</parameter>\n</function>\n</tool_call>
 */
import { PyDict } from "../../value/value.js";
import { blocksBetween, mergeBlocks, proseOutside } from "../scan/blocks.js";
import { makeCall } from "../scan/callObject.js";
import type { Ctx, Outcome, Repair } from "../scan/diagnostics.js";
import { readValueAt } from "../scan/jsonish.js";
import type { Src } from "../scan/source.js";
import { indexOrEnd, typedValue } from "../scan/xmlArgs.js";
import type { TextFormat } from "./detect.js";

const FN = "<function=";
const FN_END = "</function>";
const PARAM = "<parameter=";
const PARAM_END = "</parameter>";

export const qwen3Coder: TextFormat = {
  tagged: true,
  id: "qwen3_coder",
  detect: (text) => text.includes(FN) && text.includes(PARAM),
  read: (src, ctx) => readFunctionTags(src, ctx),
};

/** Every `<function=…>` block of `src`, in Qwen3-Coder or Llama form. */
export function readFunctionTags(src: Src, ctx: Ctx): Outcome {
  const blocks = blocksBetween(src.text, FN, FN_END, ["</tool_call>"]);
  proseOutside(src, ctx, blocks, [FN, FN_END, "<tool_call>", "</tool_call>"]);
  const parts = blocks.map((b) => ({ outcome: readFunctionBlock(src.slice(b.from, b.to), ctx), at: src.origin(b.at) }));
  return mergeBlocks(parts, ctx, "qwen3_coder", "the <function=…> block");
}

/** `name>` then parameters (Qwen3-Coder) or a JSON object (Llama). */
function readFunctionBlock(src: Src, ctx: Ctx): Outcome {
  const text = src.text;
  const gt = text.indexOf(">");
  const name = text.slice(0, gt < 0 ? text.length : gt).trim();
  if (gt < 0 || name === "") return { kind: "malformed", format: "qwen3_coder", problem: ctx.problem("not_a_call", "<function= without a name", src.origin(0)) };
  const body = src.slice(gt + 1);
  const notes: Repair[] = [];
  if (!body.text.includes(PARAM)) {
    const t = body.trim();
    if (t.length === 0) return { kind: "calls", format: "llama_function", drafts: [{ call: makeCall(name, new PyDict(), []), repairs: notes }] };
    const v = readValueAt(t, 0, ctx, notes);
    if (!v.ok || !(v.value instanceof PyDict)) {
      const message = v.ok ? "the arguments are not an object" : v.message;
      return { kind: "malformed", format: "llama_function", problem: ctx.problem(v.ok ? "invalid_arguments" : "invalid_json", message, t.origin(0)) };
    }
    return { kind: "calls", format: "llama_function", drafts: [{ call: makeCall(name, v.value, []), repairs: notes }] };
  }
  const args = new PyDict();
  const bt = body.text;
  let i = bt.indexOf(PARAM);
  while (i >= 0) {
    const keyEnd = bt.indexOf(">", i);
    if (keyEnd < 0) return { kind: "malformed", format: "qwen3_coder", problem: ctx.problem("unclosed", "<parameter= without '>'", body.origin(i)) };
    const key = bt.slice(i + PARAM.length, keyEnd).trim();
    const next = bt.indexOf(PARAM, keyEnd);
    const stop = next < 0 ? bt.length : next;
    const end = indexOrEnd(bt, PARAM_END, keyEnd + 1, stop);
    if (!bt.startsWith(PARAM_END, end)) ctx.repair("closer_added", PARAM_END, body.origin(end));
    args.set(key, typedValue(bt.slice(keyEnd + 1, end), key, name, ctx, notes));
    i = next;
  }
  return { kind: "calls", format: "qwen3_coder", drafts: [{ call: makeCall(name, args, []), repairs: notes }] };
}
