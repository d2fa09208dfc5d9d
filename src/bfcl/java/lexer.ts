/**
 * Java tokens as tree-sitter-java 0.21.0 lexes them.
 *
 * The lexer is context-free except where tree-sitter's own lexing is context-dependent in a way
 * the parser can undo: keywords are left as plain words (tree-sitter only treats a word as a
 * keyword where that keyword is valid, so `f(class=1)` is an assignment to an identifier; the
 * parser decides), and `>>`/`>>>` are split back into `>` by the type-argument parser.
 *
 * A character no token can start (`#`, a backtick, a non-breaking space) or an unterminated
 * literal always ends up inside an ERROR node in tree-sitter, so it is reported here as a
 * lexical error and decoding stops.
 */

import type { LexResult, Token } from "../rdParser.js";
import { punctAt, punctIndex } from "../punctuation.js";

export type { Token };

const PUNCT: readonly string[] = [
  ">>>=", "<<=", ">>=", ">>>", "...", "@interface",
  "->", "::", "++", "--", "&&", "||", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>",
  "(", ")", "[", "]", "{", "}", ";", ",", ".", "@", "=", ">", "<", "!", "~", "?", ":", "+", "-", "*", "/", "&", "|", "^", "%",
];

const PUNCT_INDEX = punctIndex(PUNCT);

const ID_START = /[\p{XID_Start}_$]/u;
const ID_CONTINUE = /[\p{XID_Continue}\u00A2_$]/u;

/** tree-sitter's `\s` is ASCII whitespace only: a non-breaking space is an unexpected character. */
export function isJavaSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/**
 * Tokenizes Java source. Interpolations inside string templates (`"a\{x}b"`) are lexed
 * recursively into `parts`; `depth` bounds that recursion.
 *
 * @example lexJava("f(a=1)").ok // true
 */
export function lexJava(src: string, from = 0, to = src.length, depth = 0): LexResult {
  const tokens: Token[] = [];
  const comments: Token[] = [];
  const r = lexInto(src, from, to, tokens, comments, depth, false);
  if (!r.ok) return r;
  tokens.push({ kind: "eof", start: to, end: to });
  return { ok: true, tokens, comments };
}

type Step = { ok: true; end: number } | { ok: false; at: number; reason: string };

/** Lexes until `to`, or (inside an interpolation) until the `}` that closes it. */
function lexInto(
  src: string,
  from: number,
  to: number,
  tokens: Token[],
  comments: Token[],
  depth: number,
  inInterpolation: boolean,
): Step {
  let i = from;
  let braces = 0;
  while (i < to) {
    const c = src.charCodeAt(i);
    if (isJavaSpace(c)) {
      i++;
      continue;
    }
    if (c === 0x2f /* / */ && src.charCodeAt(i + 1) === 0x2f) {
      let j = i + 2;
      while (j < to && src.charCodeAt(j) !== 0x0a) j++;
      comments.push({ kind: "line_comment", start: i, end: j });
      i = j;
      continue;
    }
    if (c === 0x2f && src.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = src.indexOf("*/", i + 2);
      // An unterminated block comment is not a token: tree-sitter falls back to `/`.
      if (close >= 0 && close + 2 <= to) {
        comments.push({ kind: "block_comment", start: i, end: close + 2 });
        i = close + 2;
        continue;
      }
    }
    if (c === 0x22 /* " */) {
      const r = lexString(src, i, to, depth);
      if (!r.ok) return r;
      tokens.push(r.token);
      i = r.token.end;
      continue;
    }
    if (c === 0x27 /* ' */) {
      const end = charLiteralEnd(src, i, to);
      if (end < 0) return { ok: false, at: i, reason: "unterminated character literal" };
      tokens.push({ kind: "literal", node: "character_literal", start: i, end });
      i = end;
      continue;
    }
    if (isDigit(c) || (c === 0x2e && isDigit(src.charCodeAt(i + 1)))) {
      const [end, node] = numberEnd(src, i, to);
      tokens.push({ kind: "literal", node, start: i, end });
      i = end;
      continue;
    }
    const idEnd = identifierEnd(src, i, to);
    if (idEnd > i) {
      tokens.push({ kind: "word", start: i, end: idEnd });
      i = idEnd;
      continue;
    }
    if (inInterpolation) {
      if (c === 0x7b) braces++;
      else if (c === 0x7d) {
        if (braces === 0) return { ok: true, end: i };
        braces--;
      }
    }
    const p = punctAt(PUNCT_INDEX, src, i, to);
    if (!p) return { ok: false, at: i, reason: `unexpected character ${JSON.stringify(src[i])}` };
    tokens.push({ kind: p, start: i, end: i + p.length });
    i += p.length;
  }
  if (inInterpolation) return { ok: false, at: to, reason: "unterminated string interpolation" };
  return { ok: true, end: i };
}

function identifierEnd(src: string, i: number, to: number): number {
  const first = src.codePointAt(i)!;
  if (!isIdStart(first)) return i;
  let j = i + (first > 0xffff ? 2 : 1);
  while (j < to) {
    const cp = src.codePointAt(j)!;
    if (!isIdContinue(cp)) break;
    j += cp > 0xffff ? 2 : 1;
  }
  return j;
}

function isIdStart(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f || cp === 0x24;
  return ID_START.test(String.fromCodePoint(cp));
}

function isIdContinue(cp: number): boolean {
  if (cp < 0x80) return isIdStart(cp) || isDigit(cp);
  return ID_CONTINUE.test(String.fromCodePoint(cp));
}

/** `'…'` with one or more characters or escapes; -1 when it does not close before a newline. */
function charLiteralEnd(src: string, i: number, to: number): number {
  let j = i + 1;
  let n = 0;
  while (j < to) {
    const c = src.charCodeAt(j);
    if (c === 0x27) return n > 0 ? j + 1 : -1;
    if (c === 0x5c /* \ */) {
      if (j + 1 >= to) return -1;
      j += 2;
    } else if (c === 0x0a) return -1;
    else j++;
    n++;
  }
  return -1;
}

type StringLex = { ok: true; token: Token } | { ok: false; at: number; reason: string };

/** A string literal or text block, with escapes checked the way tree-sitter-java tokenizes them. */
function lexString(src: string, i: number, to: number, depth: number): StringLex {
  const block = src.startsWith('"""', i) && i + 3 <= to;
  let j = i + (block ? 3 : 1);
  const parts: Token[][] = [];
  for (;;) {
    if (j >= to) return { ok: false, at: i, reason: "unterminated string literal" };
    const c = src.charCodeAt(j);
    if (c === 0x22) {
      if (!block) return { ok: true, token: stringToken(i, j + 1, parts) };
      if (src.startsWith('"""', j) && j + 3 <= to) return { ok: true, token: stringToken(i, j + 3, parts) };
      j++;
      continue;
    }
    if (c !== 0x5c) {
      j++;
      continue;
    }
    if (src.charCodeAt(j + 1) === 0x7b /* { */ && j + 1 < to) {
      if (depth >= 32) return { ok: false, at: j, reason: "string templates nested too deeply" };
      const inner: Token[] = [];
      const comments: Token[] = [];
      const r = lexInto(src, j + 2, to, inner, comments, depth + 1, true);
      if (!r.ok) return r;
      inner.push({ kind: "eof", start: r.end, end: r.end });
      parts.push(inner);
      j = r.end + 1;
      continue;
    }
    const len = block ? (j + 1 < to ? 2 : 0) : escapeLength(src, j, to);
    if (len === 0) return { ok: false, at: j, reason: "invalid escape sequence" };
    j += len;
  }
}

function stringToken(start: number, end: number, parts: Token[][]): Token {
  return parts.length ? { kind: "string", start, end, parts } : { kind: "string", start, end };
}

/** Length of the escape sequence at `j` (a backslash), or 0 when tree-sitter-java has no token for it. */
function escapeLength(src: string, j: number, to: number): number {
  if (j + 1 >= to) return 0;
  const c = src.charCodeAt(j + 1);
  if (c >= 0x30 && c <= 0x37) {
    let k = j + 2;
    while (k < to && k < j + 4 && src.charCodeAt(k) >= 0x30 && src.charCodeAt(k) <= 0x37) k++;
    return k - j;
  }
  if (c === 0x78 /* x */) return isHex(src.charCodeAt(j + 2)) && isHex(src.charCodeAt(j + 3)) && j + 4 <= to ? 4 : 0;
  if (c === 0x75 /* u */) {
    if (src.charCodeAt(j + 2) === 0x7b) {
      let k = j + 3;
      while (k < to && isHex(src.charCodeAt(k))) k++;
      return k > j + 3 && src.charCodeAt(k) === 0x7d && k < to ? k + 1 - j : 0;
    }
    for (let k = j + 2; k < j + 6; k++) if (k >= to || !isHex(src.charCodeAt(k))) return 0;
    return 6;
  }
  // `\` followed by a low surrogate pair still is one character for tree-sitter.
  const cp = src.codePointAt(j + 1)!;
  return cp > 0xffff ? 3 : 2;
}

/** Runs of digits joined by single underscores: tree-sitter's `sep1(/[0-9]+/, '_')`. */
function digitsEnd(src: string, i: number, to: number, ok: (c: number) => boolean, multiUnderscore = false): number {
  if (i >= to || !ok(src.charCodeAt(i))) return -1;
  let j = i + 1;
  for (;;) {
    while (j < to && ok(src.charCodeAt(j))) j++;
    let k = j;
    while (k < to && src.charCodeAt(k) === 0x5f && (multiUnderscore || k === j)) k++;
    if (k > j && k < to && ok(src.charCodeAt(k))) j = k;
    else return j;
  }
}

/** tree-sitter's DIGITS: `0`, or a non-zero digit then optionally digits separated by underscores. */
function javaDigitsEnd(src: string, i: number, to: number): number {
  const c = src.charCodeAt(i);
  if (i >= to || !isDigit(c)) return -1;
  if (c === 0x30) return i + 1;
  let j = i + 1;
  let k = j;
  if (src.charCodeAt(k) === 0x5f) k++;
  const e = digitsEnd(src, k, to, isDigit, true);
  if (e > 0) j = e;
  return j;
}

function optionalExponent(src: string, j: number, to: number, letters: string, digits: typeof digitsEnd | "java" = digitsEnd): number {
  if (j >= to || !letters.includes(src[j]!)) return j;
  let k = j + 1;
  if (src[k] === "+" || src[k] === "-") k++;
  const e = digits === "java" ? javaDigitsEnd(src, k, to) : digitsEnd(src, k, to, isDigit);
  return e > 0 ? e : j;
}

function optionalSuffix(src: string, j: number, to: number, letters: string): number {
  return j < to && letters.includes(src[j]!) ? j + 1 : j;
}

/** The longest numeric literal at `i`, with its node type (first rule wins a tie, as in tree-sitter). */
function numberEnd(src: string, i: number, to: number): [number, string] {
  const cands: Array<[number, string]> = [];
  const dig = javaDigitsEnd(src, i, to);
  if (dig > 0) cands.push([optionalSuffix(src, dig, to, "lL"), "decimal_integer_literal"]);
  const lower = (k: number) => (src[k] ?? "").toLowerCase();
  if (src[i] === "0" && lower(i + 1) === "x") {
    const h = digitsEnd(src, i + 2, to, isHex);
    if (h > 0) cands.push([optionalSuffix(src, h, to, "lL"), "hex_integer_literal"]);
    const hf = hexFloatEnd(src, i + 2, to);
    if (hf > 0) cands.push([hf, "hex_floating_point_literal"]);
  }
  if (src[i] === "0") {
    const start = lower(i + 1) === "o" ? i + 2 : i + 1;
    const o = digitsEnd(src, start, to, (c) => c >= 0x30 && c <= 0x37);
    if (o > 0) cands.push([optionalSuffix(src, o, to, "lL"), "octal_integer_literal"]);
    if (lower(i + 1) === "b") {
      const b = digitsEnd(src, i + 2, to, (c) => c === 0x30 || c === 0x31);
      if (b > 0) cands.push([optionalSuffix(src, b, to, "lL"), "binary_integer_literal"]);
    }
  }
  const f = decimalFloatEnd(src, i, to);
  if (f > 0) cands.push([f, "decimal_floating_point_literal"]);
  let best: [number, string] = [i + 1, "decimal_integer_literal"];
  let bestLen = -1;
  for (const c of cands) {
    if (c[0] - i > bestLen) {
      best = c;
      bestLen = c[0] - i;
    }
  }
  return best;
}

function decimalFloatEnd(src: string, i: number, to: number): number {
  let best = -1;
  // DECIMAL_DIGITS '.' DECIMAL_DIGITS? exponent? suffix?
  const d = digitsEnd(src, i, to, isDigit);
  if (d > 0 && src[d] === "." && d < to) {
    let j = d + 1;
    const frac = digitsEnd(src, j, to, isDigit);
    if (frac > 0) j = frac;
    j = optionalExponent(src, j, to, "eE");
    best = Math.max(best, optionalSuffix(src, j, to, "fFdD"));
  }
  // '.' DECIMAL_DIGITS exponent? suffix?
  if (src[i] === ".") {
    const frac = digitsEnd(src, i + 1, to, isDigit);
    if (frac > 0) best = Math.max(best, optionalSuffix(src, optionalExponent(src, frac, to, "eE"), to, "fFdD"));
  }
  const dig = javaDigitsEnd(src, i, to);
  if (dig > 0) {
    // DIGITS [eEpP] [+-]? DECIMAL_DIGITS suffix?
    const e = optionalExponent(src, dig, to, "eEpP");
    if (e > dig) best = Math.max(best, optionalSuffix(src, e, to, "fFdD"));
    // DIGITS exponent? [fFdD]
    const e2 = optionalExponent(src, dig, to, "eE");
    const s = optionalSuffix(src, e2, to, "fFdD");
    if (s > e2) best = Math.max(best, s);
  }
  return best;
}

function hexFloatEnd(src: string, i: number, to: number): number {
  let j = -1;
  const h = digitsEnd(src, i, to, isHex);
  if (h > 0) j = src[h] === "." && h < to ? h + 1 : h;
  const frac = digitsEnd(src, (h > 0 ? h : i) + 1, to, isHex);
  if (src[h > 0 ? h : i] === "." && frac > 0) j = Math.max(j, frac);
  if (j < 0) return -1;
  if (j < to && "eEpP".includes(src[j]!)) {
    let k = j + 1;
    if (src[k] === "+" || src[k] === "-") k++;
    const e = javaDigitsEnd(src, k, to);
    if (e > 0) j = optionalSuffix(src, e, to, "fFdD");
  }
  return j;
}
