/**
 * The Python text semantics BFCL's type converters rely on, where JavaScript differs:
 * `int()` and `float()` (whitespace, `_` between digits, any Unicode decimal digit, `inf`,
 * `nan`), `str.strip()` (Python's whitespace set), and regex `$`, `\d`, `\s`, `\w`
 * (Python's `$` also matches before a final newline, so `"5\n"` passes `^-?\d+$`).
 */

/** Python's whitespace (`str.isspace`), as a regex character class body. */
export const PY_SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

/** Regex fragments with Python's meaning, for patterns compiled with the `u` flag. */
export const PY = {
  /** `$` without MULTILINE: the end, or just before a final `\n`. */
  end: "(?=\\n?$)",
  digit: "\\p{Nd}",
  space: `[${PY_SPACE}]`,
  word: "[\\p{L}\\p{N}_]",
} as const;

/** Python's whitespace as the characters themselves. */
export const PY_SPACE_CHARS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

/**
 * `str.strip()` with no argument. A scan from both ends: the regex `^\s+|\s+$` is quadratic on
 * a long run of whitespace inside the text (test/hardening/regex.test.ts).
 */
export function pyStrip(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && PY_SPACE_CHARS.includes(s[a]!)) a++;
  while (b > a && PY_SPACE_CHARS.includes(s[b - 1]!)) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** `str.strip(chars)`. */
export function pyStripChars(s: string, chars: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && chars.includes(s[a]!)) a++;
  while (b > a && chars.includes(s[b - 1]!)) b--;
  return s.slice(a, b);
}

/** `s[1:-1]` on code points. */
export function pyInner(s: string): string {
  return Array.from(s).slice(1, -1).join("");
}

/** The value of a Unicode decimal digit (`\p{Nd}`), from its position in its run of ten. */
function digitValue(ch: string): number {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x30 && cp <= 0x39) return cp - 0x30;
  let start = cp;
  while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/** Unicode digits to ASCII, keeping everything else. */
function asciiDigits(s: string): string {
  return /^[\x00-\x7f]*$/.test(s) ? s : Array.from(s, (c) => (/\p{Nd}/u.test(c) ? String(digitValue(c)) : c)).join("");
}

/** CPython's limit on decimal digits in `int(str)` (`sys.get_int_max_str_digits()`). */
export const INT_MAX_STR_DIGITS = 4300;

export type ParsedPyInt = { ok: true; value: bigint } | { ok: false; reason: string };

const INT_RE = /^[+-]?\p{Nd}+(?:_\p{Nd}+)*$/u;

/**
 * Python's `int(s)` for base 10; a failure carries Python's ValueError text.
 *
 * @example parsePyInt(" 1_000\n") // { ok: true, value: 1000n }
 */
export function parsePyInt(s: string): ParsedPyInt {
  const t = pyStrip(s);
  if (!INT_RE.test(t)) return { ok: false, reason: `ValueError: invalid literal for int() with base 10: ${JSON.stringify(s)}` };
  const digits = asciiDigits(t).replace(/_/g, "");
  if (digits.replace(/^[+-]/, "").length > INT_MAX_STR_DIGITS) {
    return { ok: false, reason: `ValueError: Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion` };
  }
  return { ok: true, value: BigInt(digits) };
}

/**
 * Python's float literal: `A`, `A.`, `A.B` or `.B` (A, B digits with single `_` between) and an
 * optional exponent. Written so that every digit has one place to go: the equivalent
 * `(A)?\.?B|A\.` splits a run of digits between A and B in every way and is quadratic on a long
 * number that fails at its end.
 */
const FLOAT_RE = /^[+-]?(?:\p{Nd}+(?:_\p{Nd}+)*(?:\.(?:\p{Nd}+(?:_\p{Nd}+)*)?)?|\.\p{Nd}+(?:_\p{Nd}+)*)(?:[eE][+-]?\p{Nd}+(?:_\p{Nd}+)*)?$/u;
const SPECIAL_RE = /^([+-]?)(inf|infinity|nan)$/i;

/**
 * Python's `float(s)`, or undefined where it raises ValueError.
 *
 * @example parsePyFloat("1e3") // 1000
 * @example parsePyFloat("Infinity") // Infinity
 */
export function parsePyFloat(s: string): number | undefined {
  const t = pyStrip(s);
  const special = SPECIAL_RE.exec(t);
  if (special) {
    if (special[2]!.toLowerCase() === "nan") return NaN;
    return special[1] === "-" ? -Infinity : Infinity;
  }
  if (!FLOAT_RE.test(t)) return undefined;
  return Number(asciiDigits(t).replace(/_/g, ""));
}
