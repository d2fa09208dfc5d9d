/**
 * The token level of Java source as javaValue.ts needs it: whitespace and comments, identifiers,
 * and number, string and char literals with Java's own rules (JLS §3.10): `_` only between
 * digits, a leading `0` means octal, `L` makes a long, `f`/`d` make floating literals, `\s` and
 * octal escapes exist, `\uXXXX` may repeat its `u`. Written the acorn way: one position, char
 * codes, and a {@link NotAValue} carrying the offset where the text stops being a literal.
 *
 * Limits, each stated once: hexadecimal floating literals (`0x1p3`) and text blocks (`"""`) are
 * not read; a `\u` escape is decoded where it stands inside a literal, not before lexing as the
 * JLS does (so `"\u0022"` is a one-quote string here, a compile error in Java); identifiers are
 * ASCII only, which costs nothing because no non-ASCII name is ever a value.
 */
import { NotAValue } from "./sourceValue.js";

/** An integer literal before sign and range are applied. */
export interface IntToken {
  kind: "int";
  digits: bigint;
  radix: 2 | 8 | 10 | 16;
  long: boolean;
}

/** A floating literal, read at double precision whatever its suffix. */
export interface FloatToken {
  kind: "float";
  value: number;
  suffix: "" | "f" | "d";
}

export type NumberToken = IntToken | FloatToken;

const isDec = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDec(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
const isBin = (c: number) => c === 48 || c === 49;

export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36; // a-z A-Z _ $
}

export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || isDec(c);
}

export function isDigit(c: number): boolean {
  return isDec(c);
}

const SIMPLE_ESCAPES: Readonly<Record<number, string>> = {
  98: "\b", // b
  116: "\t", // t
  110: "\n", // n
  102: "\f", // f
  114: "\r", // r
  115: " ", // s
  34: '"',
  39: "'",
  92: "\\",
};

export class JavaLexer {
  pos = 0;

  constructor(readonly src: string) {}

  code(at = this.pos): number {
    return at < this.src.length ? this.src.charCodeAt(at) : -1;
  }

  fail(at = this.pos): never {
    throw new NotAValue(at);
  }

  expect(c: number): void {
    if (this.code() !== c) this.fail();
    this.pos++;
  }

  /** Skips whitespace, `//` and `/* *\/` comments. */
  skipSpace(): void {
    const src = this.src;
    while (this.pos < src.length) {
      const c = src.charCodeAt(this.pos);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) this.pos++;
      else if (c === 47 && this.code(this.pos + 1) === 47) {
        const end = src.indexOf("\n", this.pos);
        this.pos = end < 0 ? src.length : end;
      } else if (c === 47 && this.code(this.pos + 1) === 42) {
        const end = src.indexOf("*/", this.pos + 2);
        if (end < 0) this.fail();
        this.pos = end + 2;
      } else break;
    }
  }

  /** Reads an identifier (or keyword) at the position; fails if there is none. */
  ident(): string {
    const start = this.pos;
    if (!isIdentStart(this.code())) this.fail();
    while (isIdentPart(this.code())) this.pos++;
    return this.src.slice(start, this.pos);
  }

  /** A run of digits with Java's underscores (between digits only), returned without them. */
  private digits(ok: (c: number) => boolean): string {
    const start = this.pos;
    for (let c = this.code(); ok(c) || c === 95; c = this.code()) this.pos++;
    const raw = this.src.slice(start, this.pos);
    if (raw.startsWith("_") || raw.endsWith("_")) this.fail(start);
    return raw.replaceAll("_", "");
  }

  /** Reads a number literal (no sign) at the position. */
  number(): NumberToken {
    const start = this.pos;
    const next = this.code(this.pos + 1) | 32; // lower case
    if (this.code() === 48 && (next === 120 || next === 98)) {
      // 0x… or 0b…
      this.pos += 2;
      const hex = next === 120;
      const text = this.digits(hex ? isHex : isBin);
      if (text === "") this.fail(start);
      const c = this.code();
      if (c === 46 || (hex && (c | 32) === 112)) this.fail(); // hexadecimal floating literal
      return this.intEnd({ kind: "int", digits: BigInt((hex ? "0x" : "0b") + text), radix: hex ? 16 : 2, long: false });
    }
    const whole = this.digits(isDec);
    let frac: string | undefined;
    let exp = "";
    if (this.code() === 46) {
      this.pos++;
      frac = this.digits(isDec);
      if (whole === "" && frac === "") this.fail(start);
    }
    if ((this.code() | 32) === 101) {
      // e or E
      this.pos++;
      let sign = "";
      if (this.code() === 43 || this.code() === 45) sign = this.src[this.pos++]!;
      const e = this.digits(isDec);
      if (e === "") this.fail();
      exp = `e${sign}${e}`;
    }
    const s = this.code() | 32;
    const suffix = s === 102 ? "f" : s === 100 ? "d" : "";
    if (suffix !== "") this.pos++;
    if (frac !== undefined || exp !== "" || suffix !== "") {
      if (isIdentPart(this.code())) this.fail();
      const value = Number(`${whole || "0"}.${frac || "0"}${exp}`);
      if (!Number.isFinite(value)) this.fail(start); // Java: "floating-point number too large"
      return { kind: "float", value, suffix };
    }
    if (whole.length > 1 && whole.startsWith("0")) {
      if (!/^[0-7]+$/.test(whole)) this.fail(start); // 09 is not a Java literal
      return this.intEnd({ kind: "int", digits: BigInt(`0o${whole.slice(1)}`), radix: 8, long: false });
    }
    return this.intEnd({ kind: "int", digits: BigInt(whole), radix: 10, long: false });
  }

  private intEnd(token: IntToken): IntToken {
    if ((this.code() | 32) === 108) {
      // l or L
      this.pos++;
      token.long = true;
    }
    if (isIdentPart(this.code()) || this.code() === 46) this.fail();
    return token;
  }

  /** Reads a `"…"` literal at the position and returns its unescaped contents. */
  string(): string {
    const src = this.src;
    if (src.startsWith('"""', this.pos)) this.fail(); // text blocks are not read
    this.pos++;
    let out = "";
    let chunk = this.pos;
    for (;;) {
      if (this.pos >= src.length) this.fail();
      const c = src.charCodeAt(this.pos);
      if (c === 34) {
        out += src.slice(chunk, this.pos++);
        return out;
      }
      if (c === 92) {
        out += src.slice(chunk, this.pos);
        out += this.escape();
        chunk = this.pos;
      } else if (c === 10 || c === 13) this.fail();
      else this.pos++;
    }
  }

  /** Reads a `'…'` literal at the position: exactly one character (one code point here). */
  char(): string {
    this.pos++;
    let out: string;
    const c = this.code();
    if (c === 92) out = this.escape();
    else if (c < 0 || c === 39 || c === 10 || c === 13) this.fail();
    else {
      const cp = this.src.codePointAt(this.pos)!;
      out = String.fromCodePoint(cp);
      this.pos += out.length;
    }
    this.expect(39);
    return out;
  }

  /** Reads one escape sequence at a backslash. */
  private escape(): string {
    const start = this.pos++;
    const c = this.code();
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      this.pos++;
      return simple;
    }
    if (c >= 48 && c <= 55) {
      // \0 … \377
      const max = c <= 51 ? 3 : 2;
      let n = 0;
      for (let i = 0; i < max && this.code() >= 48 && this.code() <= 55; i++) n = n * 8 + (this.src.charCodeAt(this.pos++) - 48);
      return String.fromCharCode(n);
    }
    if (c === 117) {
      // \u, \uu, … then four hex digits
      while (this.code() === 117) this.pos++;
      const hex = this.src.slice(this.pos, this.pos + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail(start);
      this.pos += 4;
      return String.fromCharCode(parseInt(hex, 16));
    }
    return this.fail(start);
  }
}
