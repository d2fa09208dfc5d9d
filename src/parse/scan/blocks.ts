/**
 * Helpers for formats that wrap calls in marked blocks (`<tool_call>…</tool_call>`,
 * `[TOOL_CALLS]…`, `<|tool_call_begin|>…`): cutting the blocks out and merging what each block
 * held into one outcome.
 */
import type { Ctx, Draft, FormatId, Outcome } from "./diagnostics.js";
import { snippet } from "./chars.js";
import { NextIndex } from "./nextIndex.js";
import type { Src } from "./source.js";

/** A block's content range and whether its closing marker was present. */
export interface Block {
  /** Offset of the opening marker. */
  at: number;
  from: number;
  to: number;
  /** Just past the closing marker (or `to` when there is none). */
  after: number;
  closed: boolean;
}

/**
 * Blocks opened by `open` and closed by `close` (or by the next `open`, or the end of the text).
 * With `close` undefined, each block runs to the next opener.
 *
 * @example blocksBetween("<a>x</a><a>y", "<a>", "</a>") // [{from: 3, to: 4, after: 8, closed: true}, {from: 11, to: 12, after: 12, closed: false}]
 */
export function blocksBetween(text: string, open: string, close: string | undefined, ends: readonly string[] = []): Block[] {
  const out: Block[] = [];
  const opens = new NextIndex(text, open);
  const closes = close === undefined ? undefined : new NextIndex(text, close);
  const enders = ends.map((e) => [e, new NextIndex(text, e)] as const);
  let i = opens.from(0);
  while (i >= 0) {
    const from = i + open.length;
    const next = opens.from(from);
    const limit = next < 0 ? text.length : next;
    let to = limit;
    let closed = false;
    let after = limit;
    if (closes) {
      const c = closes.from(from);
      if (c >= 0 && c <= limit) {
        to = c;
        closed = true;
        after = c + close!.length;
      }
    }
    for (const [e, finder] of enders) {
      const c = finder.from(from);
      if (c >= 0 && c < to) {
        to = c;
        closed = true;
        after = c + e.length;
      }
    }
    out.push({ at: i, from, to, after, closed });
    i = next;
  }
  return out;
}

/** Reports the text outside the blocks (after removing `markers`) as ignored prose. */
export function proseOutside(src: Src, ctx: Ctx, blocks: readonly Block[], markers: readonly string[]): void {
  let prose = "";
  let first = -1;
  let at = 0;
  const add = (a: number, b: number) => {
    if (a >= b) return;
    let piece = src.text.slice(a, b);
    for (const m of markers) if (piece.includes(m)) piece = piece.split(m).join("");
    const trimmed = piece.trim();
    if (trimmed !== "" && first < 0) first = a;
    prose += trimmed;
  };
  for (const b of blocks) {
    add(at, b.at);
    at = b.after;
  }
  add(at, src.text.length);
  if (prose !== "") ctx.repair("prose_ignored", snippet(prose), src.origin(first));
}

/**
 * Merges the outcomes of several blocks: all calls in order; a block that could not be read is
 * dropped with a note when others were read, and makes the whole malformed otherwise.
 */
export function mergeBlocks(parts: ReadonlyArray<{ outcome: Outcome; at: number }>, ctx: Ctx, format: FormatId, what: string): Outcome {
  const drafts: Draft[] = [];
  let fmt: FormatId | undefined;
  let bad: Outcome | undefined;
  let noCall: Outcome | undefined;
  for (const { outcome, at } of parts) {
    if (outcome.kind === "calls") {
      drafts.push(...outcome.drafts);
      fmt ??= outcome.format;
    } else if (outcome.kind === "malformed") bad ??= outcome;
    else if (outcome.kind === "no_call") noCall ??= outcome;
    else bad ??= { kind: "malformed", format, problem: ctx.problem("not_a_call", `no call in ${what}`, at) };
  }
  if (drafts.length > 0) {
    for (const { outcome } of parts) {
      if (outcome.kind === "malformed") ctx.repair("call_dropped", outcome.problem.message, outcome.problem.offset);
      else if (outcome.kind === "none") ctx.repair("call_dropped", `no call in ${what}`);
    }
    ctx.checkCalls(drafts.length, parts[0]?.at ?? 0);
    return { kind: "calls", format: fmt ?? format, drafts };
  }
  if (noCall && !bad) return noCall;
  return bad ?? { kind: "malformed", format, problem: ctx.problem("not_a_call", `no call in ${what}`, parts[0]?.at ?? 0) };
}
