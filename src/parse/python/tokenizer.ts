/**
 * The Python tokenizer, a port of CPython 3.11's `tokenizer.c` for the parts an expression
 * needs: names (Unicode identifiers checked as CPython checks them), numbers, strings (delimited
 * here, decoded by the parser), operators, comments, line continuation, implicit line joining
 * inside brackets and the bracket-nesting limit. Indentation only matters in one way in eval
 * mode: an indented non-blank line is an "unexpected indent" error.
 *
 * Tokens are produced on demand and positions are plain offsets, so a syntax error stops the scan.
 */
import { fail } from "./errors.js";
import { isPotentialIdentifierChar, scanNumber } from "./numbers.js";
import { isXidContinue, isXidStart } from "../../value/unicode14.js";

export type TokenType = "name" | "number" | "string" | "op" | "newline" | "end";

export interface Token {
  type: TokenType;
  /** The source text of the token (`""` for newline and end). */
  value: string;
  start: number;
  end: number;
}

const EOF = -1;

/** Python's keywords; a name token with one of these texts is never an identifier. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
  "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
  "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]);

const THREE_CHAR_OPS: ReadonlySet<string> = new Set(["**=", "...", "//=", "<<=", ">>="]);
const TWO_CHAR_OPS: ReadonlySet<string> = new Set([
  "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=", "<<", "<=", "<>", "==", ">=",
  ">>", "@=", "^=", "|=",
]);
const ONE_CHAR_OPS = "%&()*+,-./:;<=>@[]^{|}~";

const PRINTABLE = /^[^\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

export interface TokenizerOptions {
  /** Most brackets open at once; CPython's limit is 200. */
  maxBracketDepth: number;
  /**
   * Tokenize `src[start, end)` as CPython tokenizes an f-string replacement field: as if it were
   * wrapped in parentheses (so newlines inside are ignored), with those parentheses emitted as
   * zero-width tokens.
   */
  wrapInParens?: boolean;
}

/**
 * Produces the tokens of `src[start, end)` one at a time.
 *
 * @example
 * const t = new Tokenizer("f(a=1)", 0, 6, { maxBracketDepth: 200 });
 * t.next(); // {type: "name", value: "f", start: 0, end: 1}
 */
export class Tokenizer {
  private pos: number;
  private atLineStart: boolean;
  /** Offsets of the open brackets; -1 for the virtual parenthesis of `wrapInParens`. */
  private readonly open: number[] = [];
  private pendingOpen: boolean;

  constructor(
    private readonly src: string,
    start: number,
    private readonly end: number,
    private readonly options: TokenizerOptions,
  ) {
    this.pos = start;
    this.pendingOpen = options.wrapInParens === true;
    this.atLineStart = !this.pendingOpen;
  }

  private at(i: number): number {
    return i < this.end ? this.src.charCodeAt(i) : EOF;
  }

  /** Length of the newline at `i` (`\n`, `\r\n` or `\r`), or 0. */
  private newlineAt(i: number): number {
    const c = this.at(i);
    if (c === 0x0a) return 1;
    if (c === 0x0d) return this.at(i + 1) === 0x0a ? 2 : 1;
    return 0;
  }

  next(): Token {
    if (this.pendingOpen) {
      this.pendingOpen = false;
      this.open.push(-1);
      return { type: "op", value: "(", start: this.pos, end: this.pos };
    }
    for (;;) {
      let blankLine = false;
      if (this.atLineStart) {
        this.atLineStart = false;
        let col = 0;
        for (;;) {
          const c = this.at(this.pos);
          if (c === 0x20) col++;
          else if (c === 0x09) col = (Math.floor(col / 8) + 1) * 8;
          else if (c === 0x0c) col = 0;
          else break;
          this.pos++;
        }
        const c = this.at(this.pos);
        blankLine = c === 0x23 /* # */ || this.newlineAt(this.pos) > 0;
        if (!blankLine && this.open.length === 0 && col > 0) fail("unexpected indent", this.pos);
      }
      const token = this.scan(blankLine);
      if (token) return token;
    }
  }

  /** One token from the current line, or undefined when the line ended without one. */
  private scan(blankLine: boolean): Token | undefined {
    for (;;) {
      let c = this.at(this.pos);
      while (c === 0x20 || c === 0x09 || c === 0x0c) c = this.at(++this.pos);
      if (c === 0x23 /* # */) {
        while (c !== EOF && this.newlineAt(this.pos) === 0) c = this.at(++this.pos);
      }
      const start = this.pos;
      if (c === EOF) return this.endOfInput();
      const nl = this.newlineAt(start);
      if (nl > 0) {
        this.pos += nl;
        this.atLineStart = true;
        if (blankLine || this.open.length > 0) return undefined;
        return { type: "newline", value: "", start, end: start + nl };
      }
      if (c === 0x5c /* \ */) {
        const after = this.newlineAt(start + 1);
        if (after === 0) fail("unexpected character after line continuation character", start);
        this.pos = start + 1 + after;
        if (this.at(this.pos) === EOF) fail("unexpected EOF while parsing", this.pos);
        continue;
      }
      return this.token(c, start);
    }
  }

  private endOfInput(): Token {
    const at = this.pos;
    if (this.open.length === 1 && this.open[0] === -1) {
      this.open.pop();
      return { type: "op", value: ")", start: at, end: at };
    }
    if (this.open.length > 0) {
      const where = this.open[this.open.length - 1]!;
      fail(`'${this.src[where]}' was never closed`, where);
    }
    return { type: "end", value: "", start: at, end: at };
  }

  private token(c: number, start: number): Token {
    if ((c >= 0x30 && c <= 0x39) || (c === 0x2e && isDigitCode(this.at(start + 1)))) {
      this.pos = scanNumber(this.src, start, this.end);
      return this.make("number", start);
    }
    if (c === 0x27 || c === 0x22) return this.string(start, start);
    if (isPotentialIdentifierChar(c)) return this.nameOrString(start);
    return this.operator(c, start);
  }

  private make(type: TokenType, start: number): Token {
    return { type, value: this.src.slice(start, this.pos), start, end: this.pos };
  }

  /** A name, or a string with a prefix: b, r, u, f and their legal pairs, in any case. */
  private nameOrString(start: number): Token {
    let sawB = false;
    let sawR = false;
    let sawU = false;
    let sawF = false;
    let p = start;
    for (;;) {
      const c = this.at(p);
      const l = c | 0x20;
      if (!(sawB || sawU || sawF) && l === 0x62) sawB = true;
      else if (!(sawB || sawU || sawR || sawF) && l === 0x75) sawU = true;
      else if (!(sawR || sawU) && l === 0x72) sawR = true;
      else if (!(sawF || sawB || sawU) && l === 0x66) sawF = true;
      else break;
      p++;
      const q = this.at(p);
      if (q === 0x27 || q === 0x22) return this.string(start, p);
    }
    let nonAscii = false;
    for (;;) {
      const c = this.at(p);
      if (c === EOF || !isPotentialIdentifierChar(c)) break;
      if (c >= 0x80) nonAscii = true;
      p++;
    }
    this.pos = p;
    if (nonAscii) this.verifyIdentifier(start, p);
    return this.make("name", start);
  }

  /** CPython's rule: XID_Start (or `_`) first, then XID_Continue, checked before normalization. */
  private verifyIdentifier(start: number, end: number): void {
    let i = start;
    let first = true;
    while (i < end) {
      const cp = this.src.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      const ok = first ? cp === 0x5f || isXidStart(cp) : isXidContinue(cp);
      if (!ok) {
        const hex = cp.toString(16).toUpperCase().padStart(4, "0");
        if (PRINTABLE.test(ch)) fail(`invalid character '${ch}' (U+${hex})`, i);
        fail(`invalid non-printable character U+${hex}`, i);
      }
      first = false;
      i += ch.length;
    }
  }

  /** A string whose opening quote is at `quoteAt` (prefix, if any, from `start`). */
  private string(start: number, quoteAt: number): Token {
    const src = this.src;
    const end = this.end;
    const quote = this.at(quoteAt);
    let p = quoteAt + 1;
    if (this.at(p) === quote) {
      // Two quotes are the empty string; three open a triple-quoted one.
      this.pos = this.at(p + 1) === quote ? tripleQuotedEnd(src, p + 2, end, quote, start) : p + 1;
      return this.make("string", start);
    }
    for (;;) {
      if (p >= end) fail("unterminated string literal", start);
      const c = src.charCodeAt(p++);
      if (c === quote) break;
      if (c === 0x0a || c === 0x0d) fail("unterminated string literal", start);
      if (c === 0x5c && p < end) p += escapedLength(src, p, end);
    }
    this.pos = p;
    return this.make("string", start);
  }

  private operator(c: number, start: number): Token {
    // Brackets, `,`, `;`, `~` and a lone `=` start no longer operator: no slicing needed.
    if (isSingleCharOp(c) || (c === 0x3d && (start + 1 >= this.end || this.src.charCodeAt(start + 1) !== 0x3d))) {
      this.pos = start + 1;
      this.bracket(c, start);
      return this.make("op", start);
    }
    const three = this.src.slice(start, Math.min(start + 3, this.end));
    let len = 0;
    if (THREE_CHAR_OPS.has(three)) len = 3;
    else if (TWO_CHAR_OPS.has(three.slice(0, 2))) len = 2;
    else if (ONE_CHAR_OPS.includes(String.fromCharCode(c))) len = 1;
    else {
      const ch = String.fromCodePoint(this.src.codePointAt(start)!);
      if (c < 0x20 || c === 0x7f) fail(`invalid non-printable character U+${c.toString(16).toUpperCase().padStart(4, "0")}`, start);
      fail(`invalid character '${ch}'`, start);
    }
    this.pos = start + len;
    if (len === 1) this.bracket(c, start);
    return this.make("op", start);
  }

  private bracket(c: number, start: number): void {
    if (c === 0x28 || c === 0x5b || c === 0x7b) {
      if (this.open.length >= this.options.maxBracketDepth) fail("too many nested parentheses", start);
      this.open.push(start);
      return;
    }
    if (c !== 0x29 && c !== 0x5d && c !== 0x7d) return;
    const closing = String.fromCharCode(c);
    const where = this.open.pop();
    if (where === undefined) fail(`unmatched '${closing}'`, start);
    const opening = where === -1 ? "(" : this.src[where]!;
    if (MATCHING[opening] !== closing) {
      fail(`closing parenthesis '${closing}' does not match opening parenthesis '${opening}'`, start);
    }
  }
}

const MATCHING: Readonly<Record<string, string>> = { "(": ")", "[": "]", "{": "}" };

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** `(` `)` `[` `]` `{` `}` `,` `;` `~`: operators that no longer operator starts with. */
function isSingleCharOp(c: number): boolean {
  return c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2c || c === 0x3b || c === 0x7e;
}

/**
 * The end of a triple-quoted string whose body starts at `p`: after the first three quotes in a
 * row that no backslash escapes. Quotes and backslashes are found with `indexOf`, as a docstring
 * left open in a code answer runs to the end of the text.
 */
function tripleQuotedEnd(src: string, p: number, end: number, quote: number, start: number): number {
  const q = String.fromCharCode(quote);
  let backslash = src.indexOf("\\", p);
  for (;;) {
    if (backslash >= 0 && backslash < p) backslash = src.indexOf("\\", p);
    let k = src.indexOf(q, p);
    if (k >= end) k = -1;
    const b = backslash >= 0 && backslash < end ? backslash : -1;
    if (b >= 0 && (k < 0 || b < k)) {
      p = b + 1;
      if (p < end) p += escapedLength(src, p, end);
      continue;
    }
    if (k < 0) fail("unterminated triple-quoted string literal", start);
    if (k + 2 < end && src.charCodeAt(k + 1) === quote && src.charCodeAt(k + 2) === quote) return k + 3;
    p = k + 1;
  }
}

/** What a backslash before `p` escapes: the next character, or the whole `\r\n`. */
function escapedLength(src: string, p: number, end: number): number {
  return src.charCodeAt(p) === 0x0d && p + 1 < end && src.charCodeAt(p + 1) === 0x0a ? 2 : 1;
}
