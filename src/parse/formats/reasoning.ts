/**
 * Cuts reasoning out before any format looks at the text: `<think>…</think>` and its cousins.
 *
 * - A closer without an opener (Qwen3 and DeepSeek-R1 templates put the opener in the prompt)
 *   removes everything before it.
 * - An opener without a closer removes text up to the first tool-call marker after it; without a
 *   marker, up to the last paragraph (text after the last blank line), which is kept as the
 *   answer. A single paragraph is all reasoning.
 */
import type { Ctx } from "../scan/diagnostics.js";
import { NextIndex } from "../scan/nextIndex.js";
import type { Src } from "../scan/source.js";

/** Most reasoning blocks cut per tag pair; more are left in the text. */
const MAX_BLOCKS = 16;

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["<think>", "</think>"],
  ["<thinking>", "</thinking>"],
  ["<reasoning>", "</reasoning>"],
  ["[THINK]", "[/THINK]"],
  ["◁think▷", "◁/think▷"],
  ["<|begin_of_thought|>", "<|end_of_thought|>"],
];

/**
 * Every opener and closer above contains one of these. Most outputs hold none, and a search for a
 * rare first character is fast, where one for `think` stops at every `t`.
 */
const TAG_MARKS = ["<", "[THINK]", "[/THINK]", "◁"];

/** Markers that start an answer after an unterminated reasoning block. */
const ANSWER_MARKERS = [
  "<tool_call>",
  "[TOOL_CALLS]",
  "<|python_tag|>",
  "<function=",
  "<function_call>",
  "<|tool_call|>",
  "<｜tool▁calls▁begin｜>",
  "<|tool_calls_section_begin|>",
  "<|tool_call_start|>",
  "functools[",
];

/**
 * Whether {@link stripReasoning} cuts anything from the text: an opener or a closer of any pair
 * is in it (a pair cuts nothing only when neither is, and then the text stays as it was for the
 * next pair).
 *
 * @example holdsReasoning("[f(a='<b>')]") // false
 */
export function holdsReasoning(text: string): boolean {
  if (!TAG_MARKS.some((m) => text.includes(m))) return false;
  return PAIRS.some(([open, close]) => text.includes(open) || text.includes(close));
}

/**
 * The text without reasoning blocks; `removed` tells whether any was found.
 *
 * @example stripReasoning(Src.of("<think>hmm</think>[f()]"), ctx).src.text // "[f()]"
 */
export function stripReasoning(src: Src, ctx: Ctx): { src: Src; removed: boolean } {
  if (!holdsReasoning(src.text)) return { src, removed: false };
  let cur = src;
  let removed = false;
  for (const [open, close] of PAIRS) {
    const text = cur.text;
    const cuts: Array<[number, number, string]> = [];
    const opens = new NextIndex(text, open);
    const closes = new NextIndex(text, close);
    let pos = 0;
    for (let guard = 0; guard < MAX_BLOCKS; guard++) {
      const o = opens.from(pos);
      const c = closes.from(pos);
      if (o < 0 && c < 0) break;
      let cut: [number, number];
      let detail = open;
      if (c >= 0 && (o < 0 || c < o)) cut = [pos, c + close.length];
      else {
        const end = closes.from(o + open.length);
        if (end >= 0) cut = [o, end + close.length];
        else {
          detail = `${open} (unterminated)`;
          cut = [o, answerStart(text, o + open.length)];
        }
      }
      ctx.repair("reasoning_removed", detail, cur.origin(cut[0]));
      cuts.push([cut[0], cut[1], ""]);
      if (cut[1] <= pos) break;
      pos = cut[1];
    }
    if (cuts.length > 0) {
      cur = cur.edit(cuts);
      removed = true;
    }
  }
  return { src: cur, removed };
}

function answerStart(text: string, from: number): number {
  let best = -1;
  for (const m of ANSWER_MARKERS) {
    const k = text.indexOf(m, from);
    if (k >= 0 && (best < 0 || k < best)) best = k;
  }
  if (best >= 0) return best;
  let end = text.length;
  while (end > from && /\s/.test(text[end - 1]!)) end--;
  const para = text.lastIndexOf("\n\n", end);
  return para > from ? para + 2 : text.length;
}
