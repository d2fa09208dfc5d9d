/**
 * Canonical text for the default ruleset. Natural-language values compare without regard to
 * case, accents, Unicode compatibility forms, quote style or runs of whitespace. Code-like values
 * (paths, URLs, e-mail addresses, identifiers, IDs) keep case and accents, because there they
 * carry meaning. No punctuation is ever deleted: `1/2` is not `12`, `-118.2` is not `118.2`.
 */

const COMBINING = /\p{M}+/gu;
const SPACES = /\s+/gu;
/** Whitespace next to these separators does not change what a phrase says: "April 1,2024". */
const SPACE_AROUND_SEPARATORS = / ?([,;]) ?/g;
/** Between two letters, `_`, `-` and a space separate words alike: "gluten-free" ≡ "gluten free". */
const WORD_SEPARATOR = /(?<=\p{L}) ?[-_] ?(?=\p{L})/gu;
/** A sentence's or an abbreviation's final period: "Apple Inc." ≡ "Apple Inc". */
const FINAL_PERIOD = /(?<=\p{L})\.$/u;

/** NFKC, lower case, no accents, one quote style, single spaces, trimmed. */
export function foldText(s: string): string {
  // ASCII text is its own NFKC/NFD/NFC form and has no accents, ß or curly quotes.
  return foldSpacing(isAscii(s) ? s.toLowerCase().replace(/[`"]/g, "'") : foldCharacters(s));
}

/** foldText's character folding for any text (foldText skips it for ASCII; exported for the test that holds the two together). */
export function foldCharacters(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .normalize("NFD")
    .replace(COMBINING, "")
    .normalize("NFC")
    .replace(/[‘’`´]/g, "'")
    .replace(/[“”"]/g, "'");
}

function foldSpacing(s: string): string {
  return s
    .replace(SPACES, " ")
    .trim()
    .replace(SPACE_AROUND_SEPARATORS, "$1 ")
    .trimEnd()
    .replace(WORD_SEPARATOR, " ")
    .replace(FINAL_PERIOD, "");
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** NFC and trimmed only: for code-like values. */
export function tidyText(s: string): string {
  return (isAscii(s) ? s : s.normalize("NFC")).trim();
}

/**
 * Whether a string reads as code rather than language: it has no inner whitespace and holds a
 * path or URL separator, an `@` or `:`, or a digit next to a letter (an id such as `AB12`).
 * Underscores and camelCase alone do not make code: `engine_size` and `PlayStation` are names
 * a person would read case- and separator-insensitively.
 *
 * @example isCodeLike("/usr/local/bin") // true
 * @example isCodeLike("New York") // false
 */
export function isCodeLike(s: string): boolean {
  const t = s.trim();
  if (t === "" || /\s/.test(t)) return false;
  return /[\\/@:]|\d\p{L}|\p{L}\d/u.test(t);
}

/** The canonical form used to compare a string: folded for language, tidied for code. */
export function canonicalText(s: string): string {
  return isCodeLike(s) ? tidyText(s) : foldText(s);
}

const ESCAPE = /\\u([0-9a-fA-F]{4})|\\U([0-9a-fA-F]{8})|\\x([0-9a-fA-F]{2})/g;

/**
 * Reads escape text (`\u4e0a\u6d77`) as the characters it means. BFCL stores some golds with
 * their escapes double-encoded, so the literal text never matches what a model writes.
 *
 * @example decodeEscapes("\\u4e0a\\u6d77") // "上海"
 */
export function decodeEscapes(s: string): string {
  if (!s.includes("\\")) return s;
  return s.replace(ESCAPE, (m: string, u4: string | undefined, u8: string | undefined, x2: string | undefined) => {
    const cp = parseInt((u4 ?? u8 ?? x2)!, 16);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
  });
}
