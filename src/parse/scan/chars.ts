/**
 * Character classes and small text helpers shared by the scanners: Python-ish identifiers
 * (ASCII and letters beyond it), dotted names, and one-line snippets for repair details.
 */
import { KEYWORDS } from "../python/tokenizer.js";
import { isSpace } from "./source.js";

/**
 * End of the dotted name (`a.b.c`) that starts at `i`.
 *
 * @example scanDotted("x = math.sqrt(4)", 4) // 13
 */
export function scanDotted(text: string, i: number): number {
  for (;;) {
    while (i < text.length && isIdentPart(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 0x2e && isIdentStart(text.charCodeAt(i + 1))) i++;
    else return i;
  }
}

/** Whether `c` can start a name: ASCII letters, `_`, and letters beyond ASCII (not punctuation blocks). */
export function isIdentStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || (c >= 0xaa && isUnicodeLetter(c));
}

/** Whether `c` can continue a name. */
export function isIdentPart(c: number): boolean {
  return isIdentStart(c) || (c >= 0x30 && c <= 0x39);
}

function isUnicodeLetter(c: number): boolean {
  // Letters outside ASCII: Latin-1 and beyond, excluding punctuation blocks models use as quotes.
  return !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xff65) && c !== 0xd7 && c !== 0xf7 && !(c >= 0xb0 && c <= 0xbf);
}

/**
 * A one-line excerpt of at most 40 characters, for repair details.
 *
 * @example snippet("Sure!\n  Here you go:") // "Sure! Here you go:"
 */
export function snippet(s: string): string {
  // As `s.slice(0, 200).replace(/\s+/g, " ").trim()` cut to 40, built one character at a time:
  // only the first 41 characters of the result can matter.
  const n = Math.min(s.length, 200);
  let one = "";
  let gap = false;
  for (let i = 0; i < n && one.length <= 40; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c)) {
      gap = one.length > 0;
      continue;
    }
    if (gap) one += " ";
    gap = false;
    one += s[i];
  }
  return one.length > 40 ? `${one.slice(0, 37)}...` : one;
}

/**
 * End of the ASCII name (`[A-Za-z_][A-Za-z0-9_]*`) at `i`, reading no further than `to`; -1 when
 * none starts there.
 *
 * @example plainName("get_x(1)", 0) // 5
 */
export function plainName(text: string, i: number, to: number = text.length): number {
  const c = text.charCodeAt(i);
  if (!(i < to && ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f))) return -1;
  let j = i + 1;
  for (let d = text.charCodeAt(j); j < to && ((d >= 0x61 && d <= 0x7a) || (d >= 0x41 && d <= 0x5a) || d === 0x5f || (d >= 0x30 && d <= 0x39)); d = text.charCodeAt(++j));
  return j;
}

/** For each first character, a bit per length some keyword of that start has (a cheap filter before the set). */
const KEYWORD_LENGTHS: Uint16Array = (() => {
  const bits = new Uint16Array(128);
  for (const k of KEYWORDS) bits[k.charCodeAt(0)]! |= 1 << k.length;
  return bits;
})();

/** Whether a keyword starts with the character `first` and has `length` characters: false rules out a keyword without slicing the name. */
export function mayBeKeyword(first: number, length: number): boolean {
  return first < 128 && length < 16 && (KEYWORD_LENGTHS[first]! & (1 << length)) !== 0;
}

/** Whether `text[from, to)` is a Python keyword. */
export function isKeyword(text: string, from: number, to: number): boolean {
  return mayBeKeyword(text.charCodeAt(from), to - from) && KEYWORDS.has(text.slice(from, to));
}

/** Space, tab, line feed, carriage return: JSON's whitespace, and what Python's tokenizer skips inside brackets. */
export function isAsciiSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Past the ASCII whitespace at `from`, stopping at `to`. This and {@link trimAsciiEnd} are the
 * fast readers' (fastRead.ts, fastJson.ts), which read whole outputs by range: give them no
 * substring (see fastRead.ts `scanCalls`).
 */
export function skipAsciiSpace(text: string, from: number, to: number): number {
  while (from < to && isAsciiSpace(text.charCodeAt(from))) from++;
  return from;
}

/** The end of `[from, to)` without trailing ASCII whitespace. */
export function trimAsciiEnd(text: string, from: number, to: number): number {
  while (to > from && isAsciiSpace(text.charCodeAt(to - 1))) to--;
  return to;
}

/**
 * Whether `c` may stand in a one-line string that the fast readers read as they find it: not a
 * control character (C0 or C1), a lone surrogate half, or a line or paragraph separator.
 */
export function isPlainStringChar(c: number): boolean {
  return c >= 0x20 && !(c >= 0x7f && c < 0xa0) && !(c >= 0xd800 && c <= 0xdfff) && c !== 0x2028 && c !== 0x2029;
}
