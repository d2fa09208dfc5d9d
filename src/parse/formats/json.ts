/**
 * JSON call objects as text: xLAM / Hammer lists, `{"tool_calls": [...]}`, Llama 3.1's
 * `{"name", "parameters"}` objects separated by `;` or newlines, Gemini's concatenated `}{`, and
 * the content of Hermes, Granite, Mistral and Phi-4 blocks.
 *
 * @example [{"name": "get_weather", "arguments": {"city": "Paris"}}]
 * @example {"name": "a", "parameters": {}}; {"name": "b", "parameters": {}}
 */
import { PyDict } from "../../value/value.js";
import { callsFromValue, looksLikeCallObject } from "../scan/callObject.js";
import { type Ctx, type Draft, type FormatId, type Outcome, type Repair } from "../scan/diagnostics.js";
import { readValueAt, readValueSequence } from "../scan/jsonish.js";
import { snippet } from "../scan/chars.js";
import type { Src } from "../scan/source.js";

/**
 * Calls in `src` when it starts with JSON (after whitespace). `none` when it does not start with
 * `{` or `[`, or holds data that is not call-shaped (`[1, 2]`), so other readings can try.
 */
export function readJsonCalls(src: Src, ctx: Ctx, format: FormatId = "json"): Outcome {
  const t = src.trim();
  const c = t.text.charCodeAt(0);
  if (c !== 0x7b && (c !== 0x5b || !looksLikeJsonList(t.text))) return { kind: "none" };
  const mark = ctx.mark();
  const notes: Repair[] = [];
  const seq = readValueSequence(t, 0, ctx, notes);
  if (seq.items.length === 0) {
    ctx.rollback(mark);
    const e = seq.error!;
    return { kind: "malformed", format, problem: ctx.problem(e.unclosed ? "unclosed" : "invalid_json", e.message, e.offset) };
  }
  const drafts: Draft[] = [];
  let empty = true;
  for (const item of seq.items) {
    const r = callsFromValue(item.value, ctx, { offset: t.origin(item.start) });
    if (!r.ok) {
      const callish = looksLikeCallObject(item.value);
      if (!callish || drafts.length > 0) {
        if (drafts.length > 0) {
          ctx.repair("call_dropped", r.message, t.origin(item.start));
          continue;
        }
        ctx.rollback(mark);
        return { kind: "none" };
      }
      return { kind: "malformed", format, problem: ctx.problem(r.code, r.message, t.origin(item.start)) };
    }
    if (!isEmptyList(item.value)) empty = false;
    drafts.push(...r.drafts);
  }
  if (drafts.length === 0) {
    return empty ? { kind: "no_call", format, reason: "empty_call_list" } : { kind: "none" };
  }
  if (notes.length > 0) drafts[0]!.repairs.push(...notes);
  for (const sep of seq.separators) ctx.repair("calls_split", sep === "nothing" ? "}{" : sep, t.origin(seq.items[1]!.start));
  if (seq.error) ctx.repair("call_dropped", seq.error.message, seq.error.offset);
  else {
    const rest = t.text.slice(seq.end).trim();
    if (rest !== "") ctx.repair("prose_ignored", snippet(rest), t.origin(seq.end));
  }
  return { kind: "calls", format, drafts };
}

/**
 * Call objects inside prose: each `{` that opens an object (`{"` or `{'` after whitespace) is read
 * `raw_decode` style and kept when it is call-shaped. Bounded by `ctx.attempts`.
 */
export function scanJsonCalls(src: Src, ctx: Ctx, format: FormatId = "json"): Outcome {
  const text = src.text;
  const drafts: Draft[] = [];
  let firstStart = -1;
  let lastEnd = 0;
  let i = text.indexOf("{");
  while (i >= 0 && ctx.attempts > 0) {
    let j = i + 1;
    while (j < text.length && (text[j] === " " || text[j] === "\n" || text[j] === "\t" || text[j] === "\r")) j++;
    if (text[j] === '"' || text[j] === "'") {
      ctx.attempts--;
      const mark = ctx.mark();
      const notes: Repair[] = [];
      const v = readValueAt(src, i, ctx, notes);
      if (v.ok) {
        const r = callsFromValue(v.value, ctx, { offset: src.origin(i), explicit: true });
        if (r.ok && r.drafts.length > 0) {
          r.drafts[0]!.repairs.push(...notes);
          drafts.push(...r.drafts);
          ctx.checkCalls(drafts.length, src.origin(i));
          if (firstStart < 0) firstStart = i;
          lastEnd = v.end;
          i = text.indexOf("{", v.end);
          continue;
        }
      }
      ctx.rollback(mark);
    }
    i = text.indexOf("{", i + 1);
  }
  if (drafts.length === 0) return { kind: "none" };
  if (text.slice(0, firstStart).trim() !== "" || text.slice(lastEnd).trim() !== "") {
    ctx.repair("prose_ignored", snippet(text.slice(0, firstStart).trim() || text.slice(lastEnd).trim()), src.origin(0));
  }
  return { kind: "calls", format, drafts };
}

/** `[` followed by `{`, `[`, `]` or a quote: a JSON list rather than a Python call list. */
function looksLikeJsonList(text: string): boolean {
  let i = 1;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  const c = text[i];
  return c === "{" || c === "[" || c === "]" || c === '"';
}

function isEmptyList(v: unknown): boolean {
  if (Array.isArray(v)) return v.every(isEmptyList);
  if (v instanceof PyDict) {
    const tc = v.get("tool_calls");
    return tc !== undefined && isEmptyList(tc);
  }
  return false;
}
