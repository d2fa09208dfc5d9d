/**
 * Python string and bytes literals: prefixes, quotes and escape sequences, decoded exactly as
 * CPython 3.11 decodes them (`\r\n` and `\r` read as `\n`, unknown escapes kept verbatim,
 * octal escapes above 0o377 allowed in str and truncated to a byte in bytes, and so on).
 */
import { PyBytes } from "../../value/value.js";
import { fail } from "./errors.js";
import { codePointOfName } from "./unicodeNames.js";

/** The parts of one string token. */
export interface StringToken {
  bytes: boolean;
  raw: boolean;
  fstring: boolean;
  /** The token starts with a lowercase `u` (CPython then records `kind='u'`). */
  uPrefix: boolean;
  /** Offsets of the text between the quotes. */
  bodyStart: number;
  bodyEnd: number;
}

/**
 * Splits a string token (as delimited by the tokenizer) into prefix flags and body.
 *
 * @example splitStringToken("rb'\\d'", 0, 6) // {bytes: true, raw: true, bodyStart: 3, bodyEnd: 5, …}
 */
export function splitStringToken(src: string, start: number, end: number): StringToken {
  let bytes = false;
  let raw = false;
  let fstring = false;
  let pos = start;
  for (;;) {
    const c = src.charCodeAt(pos) | 0x20;
    if (c === 0x62) bytes = true;
    else if (c === 0x72) raw = true;
    else if (c === 0x66) fstring = true;
    else if (c !== 0x75) break;
    pos++;
  }
  const quote = src.charCodeAt(pos);
  const triple = end - pos >= 6 && src.charCodeAt(pos + 1) === quote && src.charCodeAt(pos + 2) === quote;
  const q = triple ? 3 : 1;
  return { bytes, raw, fstring, uPrefix: src.charCodeAt(start) === 0x75, bodyStart: pos + q, bodyEnd: end - q };
}

/** The text of `src[from, to)` with Python's newline translation. @example rawText("a\r\nb", 0, 4) // "a\nb" */
export function rawText(src: string, from: number, to: number): string {
  const s = src.slice(from, to);
  return s.includes("\r") ? s.replace(/\r\n?/g, "\n") : s;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  return -1;
}

function isOctal(c: number): boolean {
  return c >= 0x30 && c <= 0x37;
}

/**
 * Decodes the escapes of a non-raw str literal body `src[from, to)`.
 *
 * @example decodeStrEscapes("'a\\x41\\N{BULLET}'", 1, 16) // "aA•"
 */
export function decodeStrEscapes(src: string, from: number, to: number): string {
  let out = "";
  let pos = from;
  let chunk = from;
  const flush = (upTo: number) => {
    if (upTo > chunk) out += rawText(src, chunk, upTo);
  };
  while (pos < to) {
    if (src.charCodeAt(pos) !== 0x5c /* \ */) {
      pos++;
      continue;
    }
    flush(pos);
    const escStart = pos;
    pos++;
    // A backslash at the end, or before a non-ASCII character, is kept as a backslash.
    if (pos >= to || src.charCodeAt(pos) >= 0x80) {
      out += "\\";
      chunk = pos;
      continue;
    }
    const c = src.charCodeAt(pos++);
    switch (c) {
      case 0x0a: // line continuation
        break;
      case 0x0d:
        if (pos < to && src.charCodeAt(pos) === 0x0a) pos++;
        break;
      case 0x5c:
        out += "\\";
        break;
      case 0x27:
        out += "'";
        break;
      case 0x22:
        out += '"';
        break;
      case 0x62:
        out += "\b";
        break;
      case 0x66:
        out += "\f";
        break;
      case 0x74:
        out += "\t";
        break;
      case 0x6e:
        out += "\n";
        break;
      case 0x72:
        out += "\r";
        break;
      case 0x76:
        out += "\v";
        break;
      case 0x61:
        out += "\x07";
        break;
      case 0x78: // x
      case 0x75: // u
      case 0x55: {
        // U
        const count = c === 0x78 ? 2 : c === 0x75 ? 4 : 8;
        let cp = 0;
        for (let i = 0; i < count; i++, pos++) {
          const h = pos < to ? hexValue(src.charCodeAt(pos)) : -1;
          if (h < 0) fail(`(unicode error) truncated \\${String.fromCharCode(c)}${"X".repeat(count)} escape`, escStart);
          cp = cp * 16 + h;
        }
        if (cp > 0x10ffff) fail("(unicode error) illegal Unicode character", escStart);
        out += String.fromCodePoint(cp);
        break;
      }
      case 0x4e: // N
        out += String.fromCodePoint(namedEscape(src, pos, to, escStart));
        pos = src.indexOf("}", pos) + 1;
        break;
      default:
        if (isOctal(c)) {
          let cp = c - 0x30;
          if (pos < to && isOctal(src.charCodeAt(pos))) {
            cp = cp * 8 + src.charCodeAt(pos++) - 0x30;
            if (pos < to && isOctal(src.charCodeAt(pos))) cp = cp * 8 + src.charCodeAt(pos++) - 0x30;
          }
          out += String.fromCodePoint(cp);
        } else {
          out += `\\${String.fromCharCode(c)}`;
        }
    }
    chunk = pos;
  }
  flush(to);
  return out;
}

/** The code point of `\N{name}`; `pos` is just past the `N`. */
function namedEscape(src: string, pos: number, to: number, escStart: number): number {
  if (pos >= to || src.charCodeAt(pos) !== 0x7b /* { */) fail("(unicode error) malformed \\N character escape", escStart);
  const close = src.indexOf("}", pos + 1);
  if (close < 0 || close >= to || close === pos + 1) fail("(unicode error) malformed \\N character escape", escStart);
  const name = src.slice(pos + 1, close);
  // Non-ASCII names never match in CPython; guard here because "ſ".toUpperCase() is "S".
  const cp = /^[\x20-\x7e]+$/.test(name) ? codePointOfName(name) : undefined;
  if (cp === undefined) fail(`(unicode error) unknown Unicode character name '${name}' (toolgrade knows only a small table of \\N{} names)`, escStart);
  return cp;
}

/**
 * Decodes a bytes literal body `src[from, to)`; `raw` for `rb''`.
 *
 * @example decodeBytes("b'\\777'", 2, 6, false) // PyBytes [0xff]
 */
export function decodeBytes(src: string, from: number, to: number, raw: boolean): PyBytes {
  for (let i = from; i < to; i++) {
    if (src.charCodeAt(i) >= 0x80) fail("bytes can only contain ASCII literal characters", i);
  }
  const out: number[] = [];
  let pos = from;
  while (pos < to) {
    let c = src.charCodeAt(pos++);
    if (c === 0x0d) {
      if (pos < to && src.charCodeAt(pos) === 0x0a) pos++;
      c = 0x0a;
    }
    if (c !== 0x5c || raw) {
      out.push(c);
      continue;
    }
    const escStart = pos - 1;
    const e = src.charCodeAt(pos++);
    switch (e) {
      case 0x0a:
        break;
      case 0x0d:
        if (pos < to && src.charCodeAt(pos) === 0x0a) pos++;
        break;
      case 0x5c:
      case 0x27:
      case 0x22:
        out.push(e);
        break;
      case 0x62:
        out.push(0x08);
        break;
      case 0x66:
        out.push(0x0c);
        break;
      case 0x74:
        out.push(0x09);
        break;
      case 0x6e:
        out.push(0x0a);
        break;
      case 0x72:
        out.push(0x0d);
        break;
      case 0x76:
        out.push(0x0b);
        break;
      case 0x61:
        out.push(0x07);
        break;
      case 0x78: {
        const h1 = pos < to ? hexValue(src.charCodeAt(pos)) : -1;
        const h2 = pos + 1 < to ? hexValue(src.charCodeAt(pos + 1)) : -1;
        if (h1 < 0 || h2 < 0) fail(`(value error) invalid \\x escape at position ${escStart - from}`, escStart);
        out.push(h1 * 16 + h2);
        pos += 2;
        break;
      }
      default:
        if (isOctal(e)) {
          let v = e - 0x30;
          if (pos < to && isOctal(src.charCodeAt(pos))) {
            v = v * 8 + src.charCodeAt(pos++) - 0x30;
            if (pos < to && isOctal(src.charCodeAt(pos))) v = v * 8 + src.charCodeAt(pos++) - 0x30;
          }
          out.push(v & 0xff);
        } else {
          out.push(0x5c);
          pos--;
        }
    }
  }
  return new PyBytes(Uint8Array.from(out));
}
