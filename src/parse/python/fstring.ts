/**
 * Adjacent string literals and f-strings, joined into one `Constant` or `JoinedStr` node: a port
 * of CPython 3.11's `_PyPegen_concatenate_strings` and its f-string parser (`string_parser.c`).
 *
 * In 3.11 an f-string is one string token; its replacement fields are found by a character scan
 * (which forbids backslashes and `#` inside them) and each field's text is parsed on its own, as
 * if written in parentheses. That is why `f'{x, y}'` is a tuple and `f'{yield}'` is legal.
 */
import { PyBytes } from "../../value/value.js";
import type { Constant, Expr, FormattedValue, JoinedStr } from "./ast.js";
import { fail } from "./errors.js";
import { decodeBytes, decodeStrEscapes, rawText, splitStringToken } from "./strings.js";

export interface StringTokenSpan {
  start: number;
  end: number;
}

/** Parses `src[from, to)` the way CPython parses an f-string field: as `"(" + text + ")"`. */
export type FieldParser = (from: number, to: number) => Expr;

/**
 * Builds the node for a run of adjacent string tokens.
 *
 * @example
 * // src = "'a' f'{b}'": two tokens, one JoinedStr [Constant 'a', FormattedValue(Name b)]
 * concatenateStrings(src, [{start: 0, end: 3}, {start: 4, end: 10}], parseField)
 */
export function concatenateStrings(
  src: string,
  tokens: readonly StringTokenSpan[],
  parseField: FieldParser,
): Constant | JoinedStr {
  const start = tokens[0]!.start;
  const end = tokens[tokens.length - 1]!.end;
  const firstU = src.charCodeAt(start) === 0x75; // lowercase u only, as CPython checks it
  const state = new JoinState(start, end);
  const ctx: Context = { src, parseField, firstU, start, end };
  let bytesMode: boolean | undefined;
  const byteParts: Uint8Array[] = [];
  for (const token of tokens) {
    const t = splitStringToken(src, token.start, token.end);
    let text: string | undefined;
    if (!t.fstring) {
      if (t.bytes) byteParts.push(decodeBytes(src, t.bodyStart, t.bodyEnd, t.raw).bytes);
      else text = t.raw ? rawText(src, t.bodyStart, t.bodyEnd) : decodeStrEscapes(src, t.bodyStart, t.bodyEnd);
    }
    if (bytesMode !== undefined && bytesMode !== t.bytes) fail("cannot mix bytes and nonbytes literals", token.start);
    bytesMode = t.bytes;
    if (t.fstring) {
      const tokenU = src.charCodeAt(token.start) === 0x75;
      const pos = concatFString(ctx, state, t.bodyStart, t.bodyEnd, t.raw, 0, tokenU);
      if (pos < t.bodyEnd - 1) fail("f-string: unexpected end of string", pos);
    } else if (text !== undefined) state.addText(text);
  }
  if (bytesMode) {
    const total = byteParts.reduce((n, b) => n + b.length, 0);
    const out = new Uint8Array(total);
    let at = 0;
    for (const b of byteParts) {
      out.set(b, at);
      at += b.length;
    }
    return { type: "Constant", value: new PyBytes(out), kind: null, start, end };
  }
  return state.finish(firstU);
}

interface Context {
  src: string;
  parseField: FieldParser;
  firstU: boolean;
  start: number;
  end: number;
}

/** CPython's `FstringParser`: pending literal text plus the parts built so far. */
class JoinState {
  private text: string | undefined;
  private readonly parts: Array<Constant | FormattedValue> = [];
  fmode = false;

  constructor(
    private readonly start: number,
    private readonly end: number,
  ) {}

  addText(s: string): void {
    if (s.length === 0) return;
    this.text = this.text === undefined ? s : this.text + s;
  }

  /** Turns pending text into a Constant part. */
  flush(kindU: boolean): void {
    if (this.text === undefined) return;
    this.parts.push(this.constant(this.text, kindU));
    this.text = undefined;
  }

  addField(field: FormattedValue, kindU: boolean): void {
    this.flush(kindU);
    this.parts.push(field);
  }

  finish(kindU: boolean): Constant | JoinedStr {
    if (!this.fmode) return this.constant(this.text ?? "", kindU);
    this.flush(kindU);
    return { type: "JoinedStr", values: this.parts, start: this.start, end: this.end };
  }

  private constant(value: string, kindU: boolean): Constant {
    return { type: "Constant", value, kind: kindU ? "u" : null, start: this.start, end: this.end };
  }
}

/** Parses an f-string body (or a format spec) from `pos`; returns where it stopped. */
function concatFString(
  ctx: Context,
  state: JoinState,
  pos: number,
  end: number,
  raw: boolean,
  level: number,
  tokenU: boolean,
): number {
  state.fmode = true;
  for (;;) {
    const lit = findLiteral(ctx.src, pos, end, raw, level);
    pos = lit.pos;
    if (lit.literal !== undefined) state.addText(lit.literal);
    if (lit.doubledBrace) continue;
    if (pos >= end || ctx.src.charCodeAt(pos) === 0x7d /* } */) break;
    const field = findField(ctx, pos, end, raw, level, tokenU);
    pos = field.pos;
    if (field.exprText !== undefined) state.addText(field.exprText);
    state.addField(field.node, ctx.firstU);
  }
  if (level !== 0 && (pos >= end || ctx.src.charCodeAt(pos) !== 0x7d)) fail("f-string: expecting '}'", pos);
  return pos;
}

interface LiteralScan {
  literal: string | undefined;
  pos: number;
  /** Stopped after `{{` or `}}` (top level only); the caller continues scanning. */
  doubledBrace: boolean;
}

/** Literal text up to the next replacement field (`{`) or the end of a format spec (`}`). */
function findLiteral(src: string, pos: number, end: number, raw: boolean, level: number): LiteralScan {
  const literalStart = pos;
  let s = pos;
  let literalEnd = -1;
  let next = -1;
  while (s < end) {
    let ch = src.charCodeAt(s++);
    if (!raw && ch === 0x5c && s < end) {
      ch = src.charCodeAt(s++);
      if (ch === 0x4e /* N */) {
        // Skip "\N{NAME}" so its brace does not open a field.
        if (s < end && src.charCodeAt(s++) === 0x7b) {
          while (s < end && src.charCodeAt(s++) !== 0x7d) {
            // scan to the closing brace
          }
        }
        continue;
      }
    }
    if (ch === 0x7b || ch === 0x7d) {
      if (level === 0) {
        if (s < end && src.charCodeAt(s) === ch) {
          literalEnd = s;
          next = s + 1;
          break;
        }
        if (ch === 0x7d) fail("f-string: single '}' is not allowed", s - 1);
      }
      s--;
      break;
    }
  }
  const doubledBrace = literalEnd >= 0;
  if (!doubledBrace) {
    literalEnd = s;
    next = s;
  }
  let literal: string | undefined;
  if (literalEnd > literalStart) {
    literal = raw ? rawText(src, literalStart, literalEnd) : decodeStrEscapes(src, literalStart, literalEnd);
  }
  return { literal, pos: next, doubledBrace };
}

interface FieldScan {
  node: FormattedValue;
  /** The `expr=` text of a self-documenting field. */
  exprText: string | undefined;
  pos: number;
}

const MAX_FIELD_NESTING = 200;

/** One replacement field `{expr[=][!c][:spec]}`; `pos` is on the `{`. */
function findField(ctx: Context, pos: number, end: number, raw: boolean, level: number, tokenU: boolean): FieldScan {
  const { src } = ctx;
  if (level >= 2) fail("f-string: expressions nested too deeply", pos);
  pos++;
  const exprStart = pos;
  let quote = 0;
  let tripleQuoted = false;
  const brackets: number[] = [];
  for (; pos < end; pos++) {
    const ch = src.charCodeAt(pos);
    if (ch === 0x5c) fail("f-string expression part cannot include a backslash", pos);
    if (quote !== 0) {
      if (ch === quote) {
        if (!tripleQuoted) quote = 0;
        else if (pos + 2 < end && src.charCodeAt(pos + 1) === ch && src.charCodeAt(pos + 2) === ch) {
          pos += 2;
          quote = 0;
        }
      }
      continue;
    }
    if (ch === 0x27 || ch === 0x22) {
      tripleQuoted = pos + 2 < end && src.charCodeAt(pos + 1) === ch && src.charCodeAt(pos + 2) === ch;
      if (tripleQuoted) pos += 2;
      quote = ch;
    } else if (ch === 0x5b || ch === 0x7b || ch === 0x28) {
      if (brackets.length >= MAX_FIELD_NESTING) fail("f-string: too many nested parenthesis", pos);
      brackets.push(ch);
    } else if (ch === 0x23) {
      fail("f-string expression part cannot include '#'", pos);
    } else if (brackets.length === 0 && isFieldStop(ch)) {
      const next = pos + 1 < end ? src.charCodeAt(pos + 1) : -1;
      // "!=", "==", "<=", ">=" are operators, and a lone "<" or ">" does not end the field.
      if (next === 0x3d && ch !== 0x3a && ch !== 0x7d) {
        pos++;
        continue;
      }
      if (ch === 0x3c || ch === 0x3e) continue;
      break;
    } else if (ch === 0x5d || ch === 0x7d || ch === 0x29) {
      const closing = String.fromCharCode(ch);
      const opening = brackets.pop();
      if (opening === undefined) fail(`f-string: unmatched '${closing}'`, pos);
      if (MATCHING[opening] !== ch) {
        fail(`f-string: closing parenthesis '${closing}' does not match opening parenthesis '${String.fromCharCode(opening)}'`, pos);
      }
    }
  }
  const exprEnd = pos;
  if (quote !== 0) fail("f-string: unterminated string", pos);
  if (brackets.length > 0) fail(`f-string: unmatched '${String.fromCharCode(brackets[brackets.length - 1]!)}'`, pos);
  if (pos >= end) fail("f-string: expecting '}'", pos);
  const value = compileField(ctx, exprStart, exprEnd);

  let exprText: string | undefined;
  if (src.charCodeAt(pos) === 0x3d /* = */) {
    pos++;
    while (pos < end && isSpace(src.charCodeAt(pos))) pos++;
    if (pos >= end) fail("f-string: expecting '}'", pos);
    exprText = rawText(src, exprStart, pos);
  }
  let conversion = -1;
  if (src.charCodeAt(pos) === 0x21 /* ! */) {
    pos++;
    if (pos >= end) fail("f-string: expecting '}'", pos);
    conversion = src.charCodeAt(pos++);
    if (conversion !== 0x73 && conversion !== 0x72 && conversion !== 0x61) {
      fail("f-string: invalid conversion character: expected 's', 'r', or 'a'", pos - 1);
    }
  }
  let formatSpec: JoinedStr | null = null;
  if (pos < end && src.charCodeAt(pos) === 0x3a /* : */) {
    pos++;
    if (pos >= end) fail("f-string: expecting '}'", pos);
    const spec = new JoinState(ctx.start, ctx.end);
    pos = concatFString(ctx, spec, pos, end, raw, level + 1, tokenU);
    formatSpec = spec.finish(tokenU) as JoinedStr;
  }
  if (pos >= end || src.charCodeAt(pos) !== 0x7d) fail("f-string: expecting '}'", pos);
  pos++;
  if (exprText !== undefined && formatSpec === null && conversion === -1) conversion = 0x72; // 'r'
  const node: FormattedValue = { type: "FormattedValue", value, conversion, formatSpec, start: ctx.start, end: ctx.end };
  return { node, exprText, pos };
}

const MATCHING: Readonly<Record<number, number>> = { 0x28: 0x29, 0x5b: 0x5d, 0x7b: 0x7d };

function isFieldStop(ch: number): boolean {
  return ch === 0x21 || ch === 0x3a || ch === 0x7d || ch === 0x3d || ch === 0x3e || ch === 0x3c;
}

/** Python's `Py_ISSPACE`. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function compileField(ctx: Context, from: number, to: number): Expr {
  let s = from;
  while (s < to) {
    const c = ctx.src.charCodeAt(s);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) break;
    s++;
  }
  if (s === to) {
    const stop = ctx.src[to]!;
    if (stop === "!" || stop === ":" || stop === "=") fail(`f-string: expression required before '${stop}'`, to);
    fail("f-string: empty expression not allowed", to);
  }
  return ctx.parseField(from, to);
}
