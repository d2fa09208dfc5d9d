/**
 * matchBracket and skipString as they were before they stopped allocating (one array and an
 * object per string per scan): the reference test/parse/brackets.test.ts holds them to.
 */
import type { BracketScan } from "../../../src/parse/scan/brackets.js";

const CLOSER: Record<string, string> = { "(": ")", "[": "]", "{": "}" };

/**
 * Scans from the opener at `start` to its matching closer; `end` is just past it.
 *
 * @example matchBracket('f(a="(", b=[1])', 1) // {ok: true, end: 15}
 * @example matchBracket('{"a": [1, "x', 0) // {ok: false, reason: "unclosed", closers: '"]}'}
 */
export function matchBracketBefore(
  text: string,
  start: number,
  options: { maxDepth: number; stop?: number; backticks?: boolean },
): BracketScan {
  const stop = options.stop ?? text.length;
  const stack: string[] = [];
  let i = start;
  while (i < stop) {
    const c = text.charCodeAt(i);
    switch (c) {
      case 0x28 /* ( */:
      case 0x5b /* [ */:
      case 0x7b /* { */:
        stack.push(CLOSER[text[i]!]!);
        if (stack.length > options.maxDepth) return { ok: false, reason: "too_deep", at: i };
        i++;
        break;
      case 0x29 /* ) */:
      case 0x5d /* ] */:
      case 0x7d /* } */:
        if (stack.pop() !== text[i]) return { ok: false, reason: "mismatch", at: i };
        i++;
        if (stack.length === 0) return { ok: true, end: i };
        break;
      case 0x22 /* " */:
      case 0x27 /* ' */:
      case 0x60 /* ` */: {
        if (c === 0x60 && !options.backticks) {
          i++;
          break;
        }
        const s = skipStringBefore(text, i, stop);
        if (s.end < 0) {
          if (s.newline >= 0) return { ok: false, reason: "newline_in_string", at: s.newline };
          // A quote that never closes before the end: the output was cut inside a string, unless
          // the rest holds the closers too (`f(a='x)]`), which is a missing quote, not a cut.
          const rest = text.slice(i, stop);
          if (rest.includes(")") || rest.includes("]") || rest.includes("}")) return { ok: false, reason: "mismatch", at: i };
          return { ok: false, reason: "unclosed", at: stop, closers: s.quote + stack.reverse().join("") };
        }
        i = s.end;
        break;
      }
      default:
        i++;
    }
    if (stack.length === 0) return { ok: true, end: i };
  }
  return { ok: false, reason: "unclosed", at: stop, closers: stack.reverse().join("") };
}

/**
 * Skips the string starting at `start` (a quote). `end` is past the closing quote, or -1 when the
 * text ends first (`quote` then says what would close it) or a newline ends a one-line string.
 */
export function skipStringBefore(text: string, start: number, stop = text.length): { end: number; quote: string; newline: number } {
  const q = text[start]!;
  const triple = q !== "`" && text.startsWith(q + q + q, start);
  const quote = triple ? q + q + q : q;
  let i = start + quote.length;
  while (i < stop) {
    const c = text.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      i += 2;
      continue;
    }
    if (text.startsWith(quote, i)) return { end: i + quote.length, quote, newline: -1 };
    if ((c === 0x0a || c === 0x0d) && !triple && q !== "`") return { end: -1, quote, newline: i };
    i++;
  }
  return { end: -1, quote, newline: -1 };
}
