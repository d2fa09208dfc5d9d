/**
 * Lenient reading of call arguments that are not all Python: `name(k=v, …)` split at top-level
 * commas, each value read as Python, then JavaScript, else kept as its raw text (Java literals
 * such as `101L`, `new int[]{1}`, or unquoted words). Only keyword arguments are read this way,
 * so prose in parentheses never becomes a call.
 */
import type { Value } from "../../value/value.js";
import { parsePythonExpression } from "../python/parser.js";
import { matchBracket, skipString } from "./brackets.js";
import { isIdentPart, isIdentStart, snippet } from "./chars.js";
import { note, type Ctx, type Draft, type Repair } from "./diagnostics.js";
import { readJsValue } from "./jsValue.js";
import { stripNamespace } from "./pyCall.js";
import { pyValue } from "./pyValue.js";
import { isSpace, type Src } from "./source.js";

/**
 * `name(k=v, …)` whose values are not all Python (`101L`, `new int[]{1}`, `{a: b}`): split at
 * top-level commas, read each value as Python, then JavaScript, else keep its raw text. Only
 * keyword arguments, so that prose in brackets is never read as a call.
 *
 * @example lenientCall(Src.of("f(ids=[101L, 202L], on=true)"), ctx) // f(ids='[101L, 202L]', on='true'), notes raw_text_value, name_as_text
 */
export function lenientCall(c: Src, ctx: Ctx): Draft | undefined {
  const text = c.text;
  const open = text.indexOf("(");
  const name = text.slice(0, open);
  const pieces = splitTopLevel(text, open + 1, text.length - 1, ctx);
  if (!pieces) return undefined;
  const notes: Repair[] = [];
  const args = new Map<string, Value>();
  for (const [a, b] of pieces) {
    const piece = text.slice(a, b);
    const eq = keywordEnd(piece);
    if (eq < 0) return undefined;
    const key = piece.slice(0, eq).trim();
    const raw = piece.slice(eq + 1).trim();
    if (raw === "") return undefined;
    args.set(key, looseValue(raw, ctx, notes));
  }
  if (args.size === 0) return undefined;
  const call = { name: stripNamespace(name, notes, ctx, c.origin(0)), args, positional: [] };
  return { call, repairs: notes };
}

/**
 * A value in some language: Python, then JavaScript, else the raw text (without quotes that
 * wrap it whole).
 *
 * @example looseValue("new int[]{1, 2}", ctx, notes) // 'new int[]{1, 2}' (raw_text_value)
 */
export function looseValue(raw: string, ctx: Ctx, notes: Repair[]): Value {
  const py = parsePythonExpression(raw, { maxBracketDepth: ctx.limits.maxDepth, maxLength: ctx.limits.maxLength });
  if (py.ok) return pyValue(py.node, raw, notes);
  const depthOk = !/[([{]/.test(raw) || matchDepthOk(raw, ctx.limits.maxDepth);
  if (depthOk) {
    const js = readJsValue(raw, notes);
    if (js.ok) return js.value;
  }
  notes.push(note("raw_text_value", snippet(raw)));
  // `"{"a": "b"}"`: a value quoted with the quote it also contains; the outer quotes are not part of it.
  const q = raw[0];
  if (raw.length >= 2 && (q === '"' || q === "'") && raw.endsWith(q)) return raw.slice(1, -1);
  return raw;
}

function matchDepthOk(raw: string, maxDepth: number): boolean {
  let depth = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 0x28 || ch === 0x5b || ch === 0x7b) {
      if (++depth > maxDepth) return false;
    } else if (ch === 0x29 || ch === 0x5d || ch === 0x7d) depth--;
  }
  return true;
}

/** Offset of the `=` of `name=value` (not `==`), or -1.
 *
 * @example keywordEnd("unit = 'cm'") // 5
 */
export function keywordEnd(piece: string): number {
  let i = 0;
  while (i < piece.length && isSpace(piece.charCodeAt(i))) i++;
  if (!isIdentStart(piece.charCodeAt(i))) return -1;
  while (i < piece.length && isIdentPart(piece.charCodeAt(i))) i++;
  while (i < piece.length && isSpace(piece.charCodeAt(i))) i++;
  return piece.charCodeAt(i) === 0x3d && piece.charCodeAt(i + 1) !== 0x3d ? i : -1;
}

/**
 * `[start, end)` ranges between top-level commas, skipping brackets and strings; undefined if unbalanced.
 *
 * @example splitTopLevel("a=[1, 2], b='x,y'", 0, 17, ctx) // [[0, 8], [9, 17]]
 */
export function splitTopLevel(text: string, from: number, to: number, ctx: Ctx): Array<[number, number]> | undefined {
  const out: Array<[number, number]> = [];
  let pieceStart = from;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0x5b || c === 0x7b) {
      const m = matchBracket(text, i, { maxDepth: ctx.limits.maxDepth, stop: to });
      if (!m.ok) return undefined;
      i = m.end;
    } else if (c === 0x22 || c === 0x27) {
      const s = skipString(text, i, to);
      if (s.end < 0) return undefined;
      i = s.end;
    } else if (c === 0x2c) {
      out.push([pieceStart, i]);
      pieceStart = ++i;
    } else i++;
  }
  if (text.slice(pieceStart, to).trim() !== "") out.push([pieceStart, to]);
  return out;
}
