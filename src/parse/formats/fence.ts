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
    const fences = findFences(src.text);
    const drafts: Draft[] = [];
    let format: FormatId | undefined;
    let bad: Outcome | undefined;
    let first: Fence | undefined;
    let last: Fence | undefined;
    let noCall: Outcome | undefined;
    for (const f of fences.slice(0, MAX_FENCES)) {
      if (last && src.text.slice(last.after, f.open).trim() !== "") break;
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
    const before = src.text.slice(0, first!.open).trim();
    const after = src.text.slice(last!.after).trim();
    if (before !== "") ctx.repair("prose_ignored", snippet(before), src.origin(0));
    if (after !== "") ctx.repair("prose_ignored", snippet(after), src.origin(last!.after));
    return { kind: "calls", format: format!, drafts };
  },
};

function findFences(text: string): Fence[] {
  const out: Fence[] = [];
  const newlines = new NextIndex(text, "\n");
  let i = text.indexOf("```");
  while (i >= 0 && out.length <= MAX_FENCES) {
    let run = i;
    while (text.charCodeAt(run) === 0x60) run++;
    const ticks = text.slice(i, run);
    const nl = newlines.from(run);
    const lineEnd = nl < 0 ? text.length : nl;
    const info = text.slice(run, lineEnd).trim();
    const tagged = info.length <= 40 && /^[\w+#.-]*$/.test(info);
    const from = tagged ? (nl < 0 ? text.length : nl + 1) : run;
    const close = text.indexOf(ticks, from);
    if (close < 0) {
      out.push({ open: i, from, to: text.length, after: text.length, tag: tagged ? info : "", closed: false });
      break;
    }
    let after = close;
    while (text.charCodeAt(after) === 0x60) after++;
    out.push({ open: i, from, to: close, after, tag: tagged ? info : "", closed: true });
    i = text.indexOf("```", after);
  }
  return out;
}
