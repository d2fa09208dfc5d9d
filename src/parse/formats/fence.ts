/**
 * Markdown code fences of any language tag (```` ```json ````, ```` ```python ````, none…), and
 * Gemma's ```` ```tool_code ```` fence, whose calls are reported as format `gemma`.
 *
 * The calls are those of the first fence that holds any, plus the fences that directly follow it
 * (only whitespace between): several fences in a row are parallel calls, while a fence after more
 * prose is usually an example or a hallucinated continuation. A fence left open runs to the end.
 * When no fence holds calls the chain goes on with the whole text.
 *
 * @example ```tool_code\nprint(default_api.get_weather(city="Paris"))\n```
 */
import type { Draft, FormatId, Outcome } from "../scan/diagnostics.js";
import { NextIndex } from "../scan/nextIndex.js";
import { snippet } from "../scan/chars.js";
import { skipSpaces, trimmedEnd } from "../scan/source.js";
import type { TextFormat } from "./detect.js";

/** Fences read, at most; calls come from the first fences that hold any. */
const MAX_FENCES = 64;

interface Fence {
  open: number;
  from: number;
  to: number;
  after: number;
  tag: string;
  closed: boolean;
}

export const fence: TextFormat = {
  id: "gemma",
  detect: (text) => text.includes("```"),
  read(src, ctx, readText) {
    const text = src.text;
    const newlines = new NextIndex(text, "\n");
    const drafts: Draft[] = [];
    let format: FormatId | undefined;
    let bad: Outcome | undefined;
    let first: Fence | undefined;
    let last: Fence | undefined;
    let noCall: Outcome | undefined;
    // Fences are found one at a time: reading usually stops at the first or second.
    let f = fenceAt(text, text.indexOf("```"), newlines);
    for (let k = 0; f && k < MAX_FENCES; k++, f = f.closed ? fenceAt(text, text.indexOf("```", f.after), newlines) : undefined) {
      if (last && !isBlank(text, last.after, f.open)) break;
      const mark = ctx.mark();
      ctx.repair("fence_stripped", f.tag || undefined, src.origin(f.open));
      if (!f.closed) ctx.repair("closer_added", "```", src.origin(f.to));
      const o = readText(src.slice(f.from, f.to), ctx, f.tag === "tool_code" ? "gemma" : undefined);
      if (o.kind === "calls") {
        drafts.push(...o.drafts);
        format ??= o.format;
        first ??= f;
        last = f;
        continue;
      }
      ctx.rollback(mark);
      if (last) break;
      if (o.kind === "malformed") bad ??= o;
      if (o.kind === "no_call") noCall ??= o;
    }
    if (drafts.length === 0) {
      if (bad) return bad;
      if (noCall && noCall.kind === "no_call" && noCall.reason === "empty_call_list") return noCall;
      return { kind: "none" };
    }
    const before = trimmedStart(text, 0, first!.open);
    const after = trimmedStart(text, last!.after, text.length);
    if (before >= 0) ctx.repair("prose_ignored", snippet(text.slice(before, trimmedEnd(text, before, Math.min(first!.open, before + 200)))), src.origin(0));
    if (after >= 0) ctx.repair("prose_ignored", snippet(text.slice(after, trimmedEnd(text, after, Math.min(text.length, after + 200)))), src.origin(last!.after));
    return { kind: "calls", format: format!, drafts };
  },
};

/** The fence whose backticks start at `i` (none when `i` is -1). */
function fenceAt(text: string, i: number, newlines: NextIndex): Fence | undefined {
  if (i < 0) return undefined;
  let run = i;
  while (text.charCodeAt(run) === 0x60) run++;
  const ticks = text.slice(i, run);
  const nl = newlines.from(run);
  const lineEnd = nl < 0 ? text.length : nl;
  const info = text.slice(run, lineEnd).trim();
  const tagged = info.length <= 40 && /^[\w+#.-]*$/.test(info);
  const from = tagged ? (nl < 0 ? text.length : nl + 1) : run;
  const close = text.indexOf(ticks, from);
  if (close < 0) return { open: i, from, to: text.length, after: text.length, tag: tagged ? info : "", closed: false };
  let after = close;
  while (text.charCodeAt(after) === 0x60) after++;
  return { open: i, from, to: close, after, tag: tagged ? info : "", closed: true };
}

/** Whether `[from, to)` holds only whitespace. */
function isBlank(text: string, from: number, to: number): boolean {
  return trimmedStart(text, from, to) < 0;
}

/** The first non-whitespace position in `[from, to)`, or -1: where `text.slice(from, to).trim()` starts. */
function trimmedStart(text: string, from: number, to: number): number {
  const i = skipSpaces(text, from, to);
  return i < to ? i : -1;
}
