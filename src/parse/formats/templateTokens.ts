/**
 * Drops chat-template tokens that leak into saved outputs (`<|eot_id|>`, `<|im_end|>`, a
 * `<|start_header_id|>assistant<|end_header_id|>` header…) before any format looks at the text.
 * Tokens that a format reads (`<|python_tag|>`, Harmony's `<|end|>`, `<|call|>`) are kept.
 */
import type { Ctx } from "../scan/diagnostics.js";
import type { Src } from "../scan/source.js";

const TOKENS = [
  "<|eot_id|>",
  "<|eom_id|>",
  "<|begin_of_text|>",
  "<|end_of_text|>",
  "<|im_end|>",
  "<|endoftext|>",
  "<|im_sep|>",
  "</s>",
  "<s>",
  "<end_of_turn>",
  "<｜end▁of▁sentence｜>",
  "<|end▁of▁sentence|>",
  "<｜Assistant｜>",
  "<|assistant|>",
];

/** Headers dropped together with the role they name: [opener, closer or newline]. */
const HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["<|start_header_id|>", "<|end_header_id|>"],
  ["<|im_start|>", "\n"],
  ["<start_of_turn>", "\n"],
];

/** @example dropTemplateTokens(Src.of("[f()]<|eot_id|>"), ctx).text // "[f()]" */
export function dropTemplateTokens(src: Src, ctx: Ctx): Src {
  const text = src.text;
  if (!text.includes("<")) return src;
  const cuts: Array<[number, number, string]> = [];
  for (const t of TOKENS) {
    for (let k = text.indexOf(t); k >= 0; k = text.indexOf(t, k + t.length)) cuts.push([k, k + t.length, t]);
  }
  for (const [open, close] of HEADERS) {
    for (let k = text.indexOf(open); k >= 0; k = text.indexOf(open, k + open.length)) {
      const window = text.slice(k + open.length, k + open.length + 64);
      const e = window.indexOf(close);
      const end = e >= 0 ? k + open.length + e + close.length : k + open.length;
      cuts.push([k, end, open]);
    }
  }
  if (cuts.length === 0) return src;
  cuts.sort((a, b) => a[0] - b[0]);
  const edits: Array<[number, number, string]> = [];
  for (const [a, b] of cuts) {
    const prev = edits[edits.length - 1];
    if (prev && a < prev[1]) prev[1] = Math.max(prev[1], b);
    else edits.push([a, b, ""]);
  }
  const names = [...new Set(cuts.map((c) => c[2]))];
  ctx.repair("template_tokens_dropped", names.join(" "), src.origin(edits[0]![0]));
  return src.edit(edits);
}
