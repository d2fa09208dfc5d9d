/**
 * Character classes and small text helpers shared by the scanners: Python-ish identifiers
 * (ASCII and letters beyond it), dotted names, and one-line snippets for repair details.
 */
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
