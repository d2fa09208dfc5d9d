/**
 * Finds where a bracketed value ends, skipping strings, in one pass over the characters.
 *
 * Used to cut a call or an object out of surrounding text before a real parser reads it, and to
 * compute the closers a truncated value is missing (`{"a": [1, "x` needs `"]}`). Strings may use
 * `"` or `'` (and `` ` `` for JavaScript); `"""`/`'''` may span lines; a backslash escapes the next
 * character. A one-line string that meets a newline ends the scan: no valid call text has one,
 * and prose apostrophes must not swallow the rest of the output.
 */

export type BracketScan =
  | { ok: true; end: number }
  | { ok: false; reason: "unclosed"; at: number; closers: string }
  | { ok: false; reason: "mismatch" | "newline_in_string" | "too_deep"; at: number };

/** The closers of the brackets open in the scan in progress, as char codes: one list for every scan (a scan never nests). */
const CLOSERS: number[] = [];

/**
 * Scans from the opener at `start` to its matching closer; `end` is just past it. Allocates
 * nothing but its answer: it runs on every call candidate of long answers.
 *
 * @example matchBracket('f(a="(", b=[1])', 1) // {ok: true, end: 15}
 * @example matchBracket('{"a": [1, "x', 0) // {ok: false, reason: "unclosed", closers: '"]}'}
 */
export function matchBracket(
  text: string,
  start: number,
  options: { maxDepth: number; stop?: number; backticks?: boolean },
): BracketScan {
  const stop = options.stop ?? text.length;
  const backticks = options.backticks === true;
  let depth = 0;
  let i = start;
  while (i < stop) {
    const c = text.charCodeAt(i);
    if (c === 0x28 /* ( */ || c === 0x5b /* [ */ || c === 0x7b /* { */) {
      // `)` follows `(`; `]` and `}` come two after `[` and `{`.
      CLOSERS[depth++] = c === 0x28 ? 0x29 : c + 2;
      if (depth > options.maxDepth) return { ok: false, reason: "too_deep", at: i };
      i++;
    } else if (c === 0x29 /* ) */ || c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (depth === 0 || CLOSERS[--depth] !== c) return { ok: false, reason: "mismatch", at: i };
      i++;
      if (depth === 0) return { ok: true, end: i };
    } else if (c === 0x22 /* " */ || c === 0x27 /* ' */ || (c === 0x60 /* ` */ && backticks)) {
      const e = stringEnd(text, i, stop);
      if (e === -1) {
        // A quote that never closes before the end: the output was cut inside a string, unless
        // the rest holds the closers too (`f(a='x)]`), which is a missing quote, not a cut.
        const rest = text.slice(i, stop);
        if (rest.includes(")") || rest.includes("]") || rest.includes("}")) return { ok: false, reason: "mismatch", at: i };
        return { ok: false, reason: "unclosed", at: stop, closers: quoteAt(text, i) + closersOf(depth) };
      }
      if (e < 0) return { ok: false, reason: "newline_in_string", at: -e - 2 };
      i = e;
    } else i++;
    if (depth === 0) return { ok: true, end: i };
  }
  return { ok: false, reason: "unclosed", at: stop, closers: closersOf(depth) };
}

/** The closers of the `depth` brackets open, innermost first. */
function closersOf(depth: number): string {
  let out = "";
  for (let k = depth - 1; k >= 0; k--) out += String.fromCharCode(CLOSERS[k]!);
  return out;
}

/**
 * Skips the string starting at `start` (a quote). `end` is past the closing quote, or -1 when the
 * text ends first (`quote` then says what would close it) or a newline ends a one-line string.
 */
export function skipString(text: string, start: number, stop = text.length): { end: number; quote: string; newline: number } {
  const e = stringEnd(text, start, stop);
  return { end: e >= 0 ? e : -1, quote: quoteAt(text, start), newline: e < -1 ? -e - 2 : -1 };
}

/** Whether the quote at `start` opens a triple-quoted string (three quotes; backticks never). */
function isTriple(text: string, start: number): boolean {
  const q = text.charCodeAt(start);
  return q !== 0x60 && text.charCodeAt(start + 1) === q && text.charCodeAt(start + 2) === q;
}

/** The quote that closes the string opening at `start`. */
function quoteAt(text: string, start: number): string {
  return isTriple(text, start) ? text.slice(start, start + 3) : text[start]!;
}

/**
 * {@link skipString} as one number: the end past the closing quote; -1 when the text ends first;
 * `-2 - at` when a newline at `at` ends a one-line string. A backslash escapes the next character.
 */
function stringEnd(text: string, start: number, stop: number): number {
  const q = text.charCodeAt(start);
  const triple = isTriple(text, start);
  let i = start + (triple ? 3 : 1);
  while (i < stop) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      i += 2;
      continue;
    }
    if (c === q && (!triple || (text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q))) return i + (triple ? 3 : 1);
    if ((c === 0x0a || c === 0x0d) && !triple && q !== 0x60) return -2 - i;
    i++;
  }
  return -1;
}
