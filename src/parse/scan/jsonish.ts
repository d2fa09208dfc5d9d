/**
 * Reads JSON the way models write it: `raw_decode` style (one value, the rest left for the caller),
 * then, when that fails, the same bracketed span as JavaScript (acorn) or as a Python literal,
 * and for a value cut off at the end of the text, again with the missing closers appended.
 *
 * {@link readValueSequence} reads several values one after another, separated by nothing (`}{`),
 * whitespace, `,` or `;`, which is how parallel calls arrive from Llama, Gemini proxies and Hermes
 * blocks with several objects.
 */
import { readJsonPrefix, readJsonValueAt } from "../../value/json.js";
import type { Value } from "../../value/value.js";
import { parsePythonExpression } from "../python/parser.js";
import { matchBracket } from "./brackets.js";
import { LimitHit, type Ctx, type Repair } from "./diagnostics.js";
import { readJsValue } from "./jsValue.js";
import { pyValue } from "./pyValue.js";
import type { Src } from "./source.js";
import { isSpace } from "./source.js";

export type ValueRead =
  | { ok: true; value: Value; end: number }
  | { ok: false; message: string; offset: number; unclosed: boolean };

/**
 * Reads the value at `start` of `src`. Syntax repairs go to `ctx`, value notes (names kept as
 * text…) to `notes`.
 *
 * @example readValueAt(Src.of("{'a': True,} tail"), 0, ctx, notes) // ok: {'a': True}, end 12; repair js_syntax
 */
export function readValueAt(src: Src, start: number, ctx: Ctx, notes: Repair[]): ValueRead {
  const text = src.text;
  // Python's quotes (`{'a': 1}`) stop a JSON reading at its first key, so none is tried. A failed
  // JSON reading is needed only for its error message, when no other reading works either: it is
  // read again, with its line and column, only then.
  const json = failsAsJsonAtOnce(text, start) ? undefined : readJsonValueAt(text, start, ctx.limits.maxDepth);
  if (json) return { ok: true, value: json.value, end: json.end };
  const jsonError = () => {
    const r = readJsonPrefix(text, start, { maxDepth: ctx.limits.maxDepth });
    if (r.ok) throw new Error("failsAsJsonAtOnce accepted text JSON reads");
    return { ok: false as const, message: r.error.message, offset: src.origin(r.error.offset), unclosed: false };
  };
  const c = text.charCodeAt(start);
  if (c !== 0x7b && c !== 0x5b) return jsonError();
  const span = matchBracket(text, start, { maxDepth: ctx.limits.maxDepth, backticks: true });
  if (!span.ok && span.reason === "too_deep") {
    throw new LimitHit("too_deep", `brackets nested deeper than ${ctx.limits.maxDepth}`, src.origin(span.at));
  }
  if (span.ok) {
    const v = readLoose(text.slice(start, span.end), src.origin(start), ctx, notes);
    if (v !== undefined) return { ok: true, value: v, end: span.end };
    return jsonError();
  }
  if (span.reason === "unclosed") {
    const closed = text.slice(start) + span.closers;
    const strict = readJsonValueAt(closed, 0, ctx.limits.maxDepth);
    const v = strict?.end === closed.length ? strict.value : readLoose(closed, src.origin(start), ctx, notes);
    if (v !== undefined) {
      ctx.repair("closer_added", span.closers, src.origin(text.length));
      return { ok: true, value: v, end: text.length };
    }
    return { ok: false, message: `unclosed ${text[start]}`, offset: src.origin(start), unclosed: true };
  }
  return jsonError();
}

/**
 * Whether JSON fails on the first thing inside the bracket at `start`: a `{` or `[` whose first
 * item, after JSON whitespace, opens with a single quote.
 */
export function failsAsJsonAtOnce(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  if (c !== 0x7b && c !== 0x5b) return false;
  let i = start + 1;
  for (let d = text.charCodeAt(i); d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09; d = text.charCodeAt(++i));
  return text.charCodeAt(i) === 0x27;
}

/** A complete bracketed span as JavaScript, then as a Python literal; undefined when neither reads it. */
function readLoose(span: string, origin: number, ctx: Ctx, notes: Repair[]): Value | undefined {
  const jsNotes: Repair[] = [];
  const js = readJsValue(span, jsNotes);
  if (js.ok) {
    ctx.repair(pythonish(span) ? "python_syntax" : "js_syntax", undefined, origin);
    notes.push(...jsNotes);
    return js.value;
  }
  const py = parsePythonExpression(span, { maxBracketDepth: ctx.limits.maxDepth, maxLength: ctx.limits.maxLength });
  if (py.ok) {
    ctx.repair("python_syntax", undefined, origin);
    return pyValue(py.node, span, notes);
  }
  return undefined;
}

/** Whether a span that acorn read leans Python (single quotes, True/False/None) rather than JS (unquoted keys). */
function pythonish(span: string): boolean {
  if (span.includes("True") || span.includes("False") || span.includes("None")) return true;
  return span.includes("'") && !hasUnquotedKey(span);
}

/** `{key:` or `, key:` with a bare identifier key, found in one pass. */
function hasUnquotedKey(span: string): boolean {
  for (let i = 0; i < span.length; i++) {
    const c = span.charCodeAt(i);
    if (c !== 0x7b && c !== 0x2c) continue;
    let j = i + 1;
    while (j < span.length && isSpace(span.charCodeAt(j))) j++;
    const k = j;
    while (j < span.length && isWordChar(span.charCodeAt(j))) j++;
    if (j === k) continue;
    while (j < span.length && isSpace(span.charCodeAt(j))) j++;
    if (span.charCodeAt(j) === 0x3a) return true;
    i = j - 1;
  }
  return false;
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x24;
}

/** One value of a sequence, with where it started. */
export interface SeqItem {
  value: Value;
  start: number;
  end: number;
}

export type SeqRead = { items: SeqItem[]; end: number; separators: Set<string>; error?: { message: string; offset: number; unclosed: boolean } };

/**
 * Reads values from `start` while the text continues with one: `{…}{…}`, `{…}\n{…}`, `{…}; {…}`,
 * `[…], […]`. Stops at the first text that does not start a value (the caller decides whether that
 * is prose) or at the first value that cannot be read (`error`).
 */
export function readValueSequence(src: Src, start: number, ctx: Ctx, notes: Repair[]): SeqRead {
  const text = src.text;
  const items: SeqItem[] = [];
  const separators = new Set<string>();
  let i = start;
  for (;;) {
    let j = i;
    let sep = "";
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === 0x0a) sep ||= "newline";
      else if (c === 0x3b /* ; */) sep = ";";
      else if (c === 0x2c /* , */) sep = sep === ";" ? sep : ",";
      else if (!isSpace(c)) break;
      j++;
    }
    const c = text.charCodeAt(j);
    if (j >= text.length || (c !== 0x7b && c !== 0x5b)) return { items, end: i, separators };
    if (items.length > 0 && !sep && text.charCodeAt(i - 1) === 0x7d && c === 0x7b) sep = "}{";
    const r = readValueAt(src, j, ctx, notes);
    if (!r.ok) return { items, end: i, separators, error: { message: r.message, offset: r.offset, unclosed: r.unclosed } };
    if (items.length > 0) separators.add(sep || "nothing");
    items.push({ value: r.value, start: j, end: r.end });
    ctx.checkCalls(items.length, src.origin(j));
    i = r.end;
  }
}
