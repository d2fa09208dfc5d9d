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
  "<end_of_turn>",
  "<｜end▁of▁sentence｜>",
  "<|end▁of▁sentence|>",
  "<｜Assistant｜>",
  "<|assistant|>",
];

/**
 * Sentence markers, dropped only where they leak, at the start or the end of the text: anywhere
 * else `<s>` is as likely to be a value (HTML's strikethrough) as a token.
 */
const EDGE_TOKENS = ["<s>", "</s>"];

/** Headers dropped together with the role they name: [opener, closer or newline]. */
const HEADERS: ReadonlyArray<readonly [string, string]> = [
  ["<|start_header_id|>", "<|end_header_id|>"],
  ["<|im_start|>", "\n"],
  ["<start_of_turn>", "\n"],
];

/** The first two characters of every token and header: text holding none of them holds no token. */
const OPENINGS: readonly string[] = [...new Set([...TOKENS, ...HEADERS.map(([open]) => open)].map((t) => t.slice(0, 2)))];

/** @example dropTemplateTokens(Src.of("[f()]<|eot_id|>"), ctx).text // "[f()]" */
export function dropTemplateTokens(src: Src, ctx: Ctx): Src {
  return cut(src, ctx, templateCuts(src.text));
}

/**
 * Whether {@link dropTemplateTokens} drops anything from the text.
 *
 * @example holdsTemplateToken("[f()]<|eot_id|>") // true
 */
export function holdsTemplateToken(text: string): boolean {
  return templateCuts(text).length > 0;
}

/** The spans of the tokens and headers to drop, each with the token it is. */
function templateCuts(text: string): Array<[number, number, string]> {
  const cuts: Array<[number, number, string]> = [];
  if (!text.includes("<")) return cuts;
  for (const [a, b, t] of edgeTokens(text)) cuts.push([a, b, t]);
  // Tags (`<tool_call>`) are common, tokens rare: a few searches for how tokens open rule most texts out.
  if (!OPENINGS.some((o) => text.includes(o))) return cuts;
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
  return cuts;
}

/** Drops the cuts (merged where they overlap) and notes the tokens dropped. */
function cut(src: Src, ctx: Ctx, cuts: Array<[number, number, string]>): Src {
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

/** `<s>` / `</s>` runs at either end of the text (whitespace between them allowed). */
function edgeTokens(text: string): Array<[number, number, string]> {
  const cuts: Array<[number, number, string]> = [];
  let start = 0;
  for (;;) {
    while (start < text.length && isBlank(text.charCodeAt(start))) start++;
    const t = EDGE_TOKENS.find((x) => text.startsWith(x, start));
    if (!t) break;
    cuts.push([start, start + t.length, t]);
    start += t.length;
  }
  let end = text.length;
  for (;;) {
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    const t = EDGE_TOKENS.find((x) => end - x.length >= start && text.startsWith(x, end - x.length));
    if (!t) break;
    cuts.push([end - t.length, end, t]);
    end -= t.length;
  }
  return cuts;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}
