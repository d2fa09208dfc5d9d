/**
 * JavaScript tokens as tree-sitter-javascript 0.21.4 lexes them.
 *
 * JavaScript lexing depends on the parse: `/` divides after an operand and starts a regex
 * elsewhere, `<` compares after an operand and opens a JSX element elsewhere. The lexer tracks
 * "operand just ended" the way acorn does, which agrees with the parser for everything models
 * write. Template literals and JSX elements become single tokens whose embedded expressions
 * (`${…}`, `{…}`) are lexed into `parts` for the parser. Keywords stay plain words; the parser
 * decides, as tree-sitter does, where a keyword is one.
 *
 * A character no token can start, an unterminated literal, a bad escape or a malformed JSX
 * element always ends up in an ERROR node, so it is reported as a lexical error.
 */
import type { LexResult, Token } from "../rdParser.js";
import { punctAt, punctIndex } from "../punctuation.js";

const PUNCT: readonly string[] = [
  ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
  "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
  "**", "<<", ">>",
  "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%", "&", "|", "^", "!", "~", "?", ":", "=", ".", "@",
];

const PUNCT_INDEX = punctIndex(PUNCT);

/** Keywords after which an expression (so a regex or JSX) may start. */
const EXPRESSION_KEYWORDS = new Set([
  "return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await", "extends",
]);

const EXCLUDED_ASCII = new Set(Array.from(":;`\"'@#.,|^&<=>+-*/\\%?!~()[]{}"));

/** Horizontal and vertical space that tree-sitter-javascript skips (`\s`, `\p{Zs}` and a few more). */
export function isJsSpace(c: number): boolean {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  if (c < 0x80) return false;
  return c === 0xfeff || c === 0x2028 || c === 0x2029 || c === 0x2060 || c === 0x200b || /\p{Zs}/u.test(String.fromCharCode(c));
}

/** tree-sitter-javascript's identifier: anything but ASCII punctuation, space and controls. */
function isIdChar(c: number, first: boolean): boolean {
  if (c < 0x80) {
    if (c <= 0x20 || c === 0x7f) return c === 0x7f;
    if (first && c >= 0x30 && c <= 0x39) return false;
    return !EXCLUDED_ASCII.has(String.fromCharCode(c));
  }
  return !isJsSpace(c);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

class Fail {
  constructor(
    readonly at: number,
    readonly reason: string,
  ) {}
}

const MAX_NESTING = 64;

/**
 * Tokenizes JavaScript source.
 *
 * @example lexJs("f(a=/x/g)").ok // true
 */
export function lexJs(src: string): LexResult {
  try {
    const comments: Token[] = [];
    const tokens: Token[] = [];
    const end = new Lexer(src, comments, 0).run(0, tokens, "top");
    tokens.push({ kind: "eof", start: end, end });
    return { ok: true, tokens, comments };
  } catch (e) {
    if (e instanceof Fail) return { ok: false, at: e.at, reason: e.reason };
    throw e;
  }
}

type Until = "top" | "brace";

class Lexer {
  constructor(
    private readonly src: string,
    private readonly comments: Token[],
    private readonly nesting: number,
  ) {
    if (nesting > MAX_NESTING) throw new Fail(0, "input nested too deeply");
  }

  /** Lexes from `i` to the end ("top") or to the `}` closing an embedded expression ("brace"). */
  run(i: number, out: Token[], until: Until): number {
    const src = this.src;
    let braces = 0;
    let operand = false;
    if (until === "top" && src.startsWith("#!", i)) {
      let j = i;
      while (j < src.length && src.charCodeAt(j) !== 0x0a) j++;
      out.push({ kind: "hashbang", start: i, end: j });
      i = j;
    }
    for (;;) {
      i = this.skipSpace(i);
      if (i >= src.length) {
        if (until === "brace") throw new Fail(i, "unterminated embedded expression");
        return i;
      }
      const c = src.charCodeAt(i);
      let tok: Token;
      if (c === 0x22 || c === 0x27) tok = this.string(i, c);
      else if (c === 0x60) tok = this.template(i);
      else if (isDigit(c) || (c === 0x2e && isDigit(src.charCodeAt(i + 1)))) tok = this.number(i);
      else if (c === 0x23 /* # */) tok = this.privateName(i);
      else if (c === 0x2f && !operand) tok = this.regex(i);
      else if (c === 0x3c && !operand) tok = this.jsx(i);
      else if (isIdChar(c, true) || (c === 0x5c && src.charCodeAt(i + 1) === 0x75)) tok = this.word(i);
      else {
        const p = punctAt(PUNCT_INDEX, src, i);
        if (!p) throw new Fail(i, `unexpected character ${JSON.stringify(src[i])}`);
        // `?.5` is a conditional followed by a number, not optional chaining.
        const kind = p === "?." && isDigit(src.charCodeAt(i + 2)) ? "?" : p;
        tok = { kind, start: i, end: i + kind.length };
        if (until === "brace") {
          if (kind === "{") braces++;
          else if (kind === "}") {
            if (braces === 0) return i;
            braces--;
          }
        }
      }
      out.push(tok);
      operand = endsOperand(tok, src);
      i = tok.end;
    }
  }

  private skipSpace(i: number): number {
    const src = this.src;
    for (;;) {
      const c = src.charCodeAt(i);
      if (i < src.length && isJsSpace(c)) i++;
      else if (c === 0x2f && src.charCodeAt(i + 1) === 0x2f) {
        let j = i + 2;
        while (j < src.length && !isLineEnd(src.charCodeAt(j))) j++;
        this.comments.push({ kind: "comment", start: i, end: j });
        i = j;
      } else if (c === 0x2f && src.charCodeAt(i + 1) === 0x2a) {
        const close = src.indexOf("*/", i + 2);
        if (close < 0) return i;
        this.comments.push({ kind: "comment", start: i, end: close + 2 });
        i = close + 2;
      } else return i;
    }
  }

  private word(i: number): Token {
    const src = this.src;
    let j = i;
    let first = true;
    while (j < src.length) {
      const c = src.charCodeAt(j);
      if (c === 0x5c) {
        const e = unicodeEscapeEnd(src, j);
        if (e < 0) break;
        j = e;
      } else if (isIdChar(c, first)) j += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      else break;
      first = false;
    }
    if (j === i) throw new Fail(i, "invalid escape in identifier");
    return { kind: "word", start: i, end: j };
  }

  private privateName(i: number): Token {
    const c = this.src.charCodeAt(i + 1);
    if (!(isIdChar(c, true) || c === 0x5c)) throw new Fail(i, "unexpected character \"#\"");
    const w = this.word(i + 1);
    return { kind: "private", start: i, end: w.end };
  }

  private string(i: number, quote: number): Token {
    const src = this.src;
    let j = i + 1;
    for (;;) {
      if (j >= src.length) throw new Fail(i, "unterminated string");
      const c = src.charCodeAt(j);
      if (c === quote) return { kind: "string", start: i, end: j + 1 };
      if (c === 0x0a || c === 0x0d) {
        // A line break is not part of a string fragment, but the string rule is not a token, so
        // tree-sitter skips it as whitespace. Fragments and escapes are immediate tokens that
        // cannot follow skipped space: only the closing quote can come after it.
        let k = j;
        while (k < src.length && isJsSpace(src.charCodeAt(k))) k++;
        if (src.charCodeAt(k) !== quote) throw new Fail(j, "line break in string");
        return { kind: "string", start: i, end: k + 1 };
      }
      if (c === 0x5c) j += this.escape(j);
      else j++;
    }
  }

  /** Length of the escape sequence at `j`; throws when tree-sitter has no token for it. */
  private escape(j: number): number {
    const src = this.src;
    const c = src.charCodeAt(j + 1);
    if (j + 1 >= src.length) throw new Fail(j, "unterminated escape");
    if (c >= 0x30 && c <= 0x37) {
      let k = j + 2;
      while (k < j + 4 && src.charCodeAt(k) >= 0x30 && src.charCodeAt(k) <= 0x37) k++;
      return k - j;
    }
    if (c === 0x78) {
      if (isHex(src.charCodeAt(j + 2)) && isHex(src.charCodeAt(j + 3))) return 4;
      throw new Fail(j, "invalid \\x escape");
    }
    if (c === 0x75) {
      const e = unicodeEscapeEnd(src, j);
      if (e < 0) throw new Fail(j, "invalid \\u escape");
      return e - j;
    }
    if (c === 0x0d && src.charCodeAt(j + 2) === 0x0a) return 3;
    return c >= 0xd800 && c <= 0xdbff ? 3 : 2;
  }

  private template(i: number): Token {
    const src = this.src;
    const parts: Token[][] = [];
    let j = i + 1;
    for (;;) {
      if (j >= src.length) throw new Fail(i, "unterminated template literal");
      const c = src.charCodeAt(j);
      if (c === 0x60) return parts.length ? { kind: "template", start: i, end: j + 1, parts } : { kind: "template", start: i, end: j + 1 };
      if (c === 0x5c) j += this.escape(j);
      else if (c === 0x24 && src.charCodeAt(j + 1) === 0x7b) {
        const inner: Token[] = [];
        const close = new Lexer(src, this.comments, this.nesting + 1).run(j + 2, inner, "brace");
        inner.push({ kind: "eof", start: close, end: close });
        parts.push(inner);
        j = close + 1;
      } else j++;
    }
  }

  private number(i: number): Token {
    const src = this.src;
    const digits = (k: number, ok: (c: number) => boolean): number => {
      if (!ok(src.charCodeAt(k))) return -1;
      let e = k + 1;
      for (;;) {
        if (ok(src.charCodeAt(e))) e++;
        else if (src.charCodeAt(e) === 0x5f && ok(src.charCodeAt(e + 1))) e += 2;
        else return e;
      }
    };
    const lower = (k: number) => (src[k] ?? "").toLowerCase();
    let end = -1;
    if (src[i] === "0" && "xob".includes(lower(i + 1))) {
      const ok = lower(i + 1) === "x" ? isHex : lower(i + 1) === "o" ? (c: number) => c >= 0x30 && c <= 0x37 : (c: number) => c === 0x30 || c === 0x31;
      const e = digits(i + 2, ok);
      if (e > 0) end = src[e] === "n" ? e + 1 : e;
    }
    if (end < 0) {
      let e = src[i] === "." ? i : digits(i, isDigit);
      let isInt = true;
      if (src[e] === "." && e >= 0) {
        isInt = false;
        const f = digits(e + 1, isDigit);
        e = f > 0 ? f : e + 1;
      }
      if (lower(e) === "e") {
        let k = e + 1;
        if (src[k] === "+" || src[k] === "-") k++;
        const x = digits(k, isDigit);
        if (x > 0) {
          e = x;
          isInt = false;
        }
      }
      if (isInt && src[e] === "n") e++;
      end = e;
    }
    return { kind: "number", start: i, end };
  }

  private regex(i: number): Token {
    const src = this.src;
    let j = i + 1;
    let inClass = false;
    for (;;) {
      const c = src.charCodeAt(j);
      if (j >= src.length || c === 0x0a) throw new Fail(i, "unterminated regex");
      if (c === 0x5c) {
        if (src.charCodeAt(j + 1) === 0x0a || j + 1 >= src.length) throw new Fail(i, "unterminated regex");
        j += 2;
        continue;
      }
      if (c === 0x5b) inClass = true;
      else if (c === 0x5d) inClass = false;
      else if (c === 0x2f && !inClass) break;
      j++;
    }
    if (j === i + 1) throw new Fail(i, "empty regex");
    j++;
    while (j < src.length && src.charCodeAt(j) >= 0x61 && src.charCodeAt(j) <= 0x7a) j++;
    return { kind: "regex", start: i, end: j };
  }

  /** A JSX element (or `<template>…</template>`) in expression position, as one token. */
  private jsx(i: number): Token {
    const src = this.src;
    if (src.startsWith("<template>", i)) {
      const close = src.indexOf("</template>", i + 10);
      if (close < 0) throw new Fail(i, "unterminated <template>");
      return { kind: "jsx", start: i, end: close + 11 };
    }
    const parts: Token[][] = [];
    const end = new JsxScanner(src, this, parts).element(i);
    return { kind: "jsx", start: i, end, parts };
  }

  /** Lexes the expression inside `{…}` at `i` (just after the brace); returns the index of `}`. */
  embedded(i: number, parts: Token[][]): number {
    const inner: Token[] = [];
    const close = new Lexer(this.src, this.comments, this.nesting + 1).run(i, inner, "brace");
    inner.push({ kind: "eof", start: close, end: close });
    parts.push(inner);
    return close;
  }

  space(i: number): number {
    return this.skipSpace(i);
  }
}

function isLineEnd(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

function unicodeEscapeEnd(src: string, j: number): number {
  if (src.charCodeAt(j + 1) !== 0x75) return -1;
  if (src.charCodeAt(j + 2) === 0x7b) {
    let k = j + 3;
    while (isHex(src.charCodeAt(k))) k++;
    return k > j + 3 && src.charCodeAt(k) === 0x7d ? k + 1 : -1;
  }
  for (let k = j + 2; k < j + 6; k++) if (!isHex(src.charCodeAt(k))) return -1;
  return j + 6;
}

/** Whether the token ends an operand, after which `/` divides and `<` compares. */
function endsOperand(t: Token, src: string): boolean {
  switch (t.kind) {
    case ")":
    case "]":
    case "}":
    case "number":
    case "string":
    case "template":
    case "regex":
    case "jsx":
    case "private":
    case "++":
    case "--":
      return true;
    case "word":
      return !EXPRESSION_KEYWORDS.has(src.slice(t.start, t.end));
    default:
      return false;
  }
}

const JSX_NAME_START = /[a-zA-Z_$]/;
const JSX_NAME_PART = /[a-zA-Z\d_$]/;

/** Scans the structure of a JSX element; embedded `{…}` expressions are lexed into `parts`. */
class JsxScanner {
  private depth = 0;

  constructor(
    private readonly src: string,
    private readonly lexer: Lexer,
    private readonly parts: Token[][],
  ) {}

  private fail(at: number, why: string): never {
    throw new Fail(at, `malformed JSX: ${why}`);
  }

  /** `<name attrs/>`, `<name attrs>children</name>` or `<>children</>`; returns the end index. */
  element(i: number): number {
    if (++this.depth > MAX_NESTING) throw new Fail(i, "input nested too deeply");
    try {
      return this.elementAt(i);
    } finally {
      this.depth--;
    }
  }

  private elementAt(i: number): number {
    const src = this.src;
    let j = this.lexer.space(i + 1);
    if (src[j] === ">") return this.children(j + 1);
    j = this.name(j);
    for (;;) {
      j = this.lexer.space(j);
      if (j >= src.length) this.fail(j, "unterminated element");
      if (src.startsWith("/>", j)) return j + 2;
      if (src[j] === ">") return this.children(j + 1);
      j = this.attribute(j);
    }
  }

  private name(j: number): number {
    const src = this.src;
    const one = (k: number): number => {
      // An element cut off at the end of the text (`<tool`) must fail, not scan past the end.
      if (k >= src.length) this.fail(k, "unterminated element");
      if (JSX_NAME_START.test(src[k] ?? "")) {
        let e = k + 1;
        while (e < src.length && (JSX_NAME_PART.test(src[e]!) || src[e] === "-")) e++;
        return e;
      }
      if (!isIdChar(src.charCodeAt(k), true)) this.fail(k, "expected a name");
      let e = k + 1;
      while (e < src.length && isIdChar(src.charCodeAt(e), false)) e++;
      return e;
    };
    let e = one(j);
    const sep = this.lexer.space(e);
    if (src[sep] === ":") return one(this.lexer.space(sep + 1));
    while (src[this.lexer.space(e)] === ".") e = one(this.lexer.space(this.lexer.space(e) + 1));
    return e;
  }

  private attribute(j: number): number {
    const src = this.src;
    if (src[j] === "{") return this.lexer.embedded(j + 1, this.parts) + 1;
    let e = this.name(j);
    const eq = this.lexer.space(e);
    if (src[eq] !== "=") return e;
    const v = this.lexer.space(eq + 1);
    const q = src[v];
    if (q === '"' || q === "'") {
      e = v + 1;
      while (e < src.length && src[e] !== q) e = src[e] === "&" ? this.entityOrAmp(e, true) : e + 1;
      if (e >= src.length) this.fail(v, "unterminated attribute string");
      return e + 1;
    }
    if (q === "{") return this.lexer.embedded(v + 1, this.parts) + 1;
    if (q === "<") return this.element(v);
    return this.fail(v, "bad attribute value");
  }

  /** `&` starts an entity; inside an attribute string a lone `&` followed by a non-letter is text. */
  private entityOrAmp(e: number, inString: boolean): number {
    const m = /^&(#([xX][0-9a-fA-F]{1,6}|[0-9]{1,5})|[A-Za-z]{1,30});/.exec(this.src.slice(e, e + 40));
    if (m) return e + m[0].length;
    if (inString && !/[#A-Za-z]/.test(this.src[e + 1] ?? "")) return e + 2;
    return this.fail(e, "bad character reference");
  }

  private children(j: number): number {
    const src = this.src;
    for (;;) {
      if (j >= src.length) this.fail(j, "unterminated element");
      const c = src[j];
      if (c === "{") {
        j = this.lexer.embedded(j + 1, this.parts) + 1;
      } else if (c === "&") j = this.entityOrAmp(j, false);
      else if (c === "<") {
        if (src[j + 1] === "/") {
          let e = this.lexer.space(j + 2);
          if (src[e] !== ">") e = this.lexer.space(this.name(e));
          if (src[e] !== ">") this.fail(e, "expected >");
          return e + 1;
        }
        j = this.element(j);
      } else if (c === "}" || c === ">") this.fail(j, `unexpected ${c}`);
      else j++;
    }
  }
}
