/**
 * How alias tables spell a name before looking it up, so that the spellings of one name meet:
 * "U.S.A." and "usa", "München" and "Munchen", "Trinidad & Tobago" and "Trinidad and Tobago",
 * "Winston-Salem" and "winston salem", "“Calif.”" and "calif". What tells units apart stays:
 * "m/s", "°C", and "m²" (which Unicode compatibility folding turns into "m2").
 *
 * The spelling keeps letter case, because case alone separates some codes and symbols ("MB"
 * megabyte and "Mb" megabit, "mi" mile and "MI" Michigan); {@link foldCase} removes it for the
 * ordinary lookup. Only Latin, Greek and Cyrillic diacritics are removed: the vowel signs of
 * Devanagari or the voicing marks of kana are part of the letter, and stay.
 */

/** Combining diacritical marks (U+0300–036F and its extension and supplement blocks, and half marks). */
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
const LETTER = /\p{L}/u;
/** Letters that neither case folding nor removing diacritics turns into plain Latin. */
const SPECIAL_LETTERS = /[ßøłđðþæœı]/g;
const SPECIAL: Readonly<Record<string, string>> = {
  ß: "ss", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", æ: "ae", œ: "oe", ı: "i",
};
/** Trimmed from either end of a name: quotes and sentence punctuation around a value. */
const TRIMMED = new Set([..."\"“”„‟«»‹›.;:!?¡¿*"]);
const CLOSING: Readonly<Record<string, string>> = { "(": ")", "[": "]", "{": "}", "<": ">" };

function isLetter(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code | 32) >= 97 && (code | 32) <= 122;
  return LETTER.test(c);
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

/** True when `s[i]` starts a one-letter initial such as the "S." of "U. S. A.". */
function initialAt(s: string, i: number): boolean {
  const c = s[i];
  return c !== undefined && isLetter(c) && s[i + 1] === "." && !isLetter(s[i - 1] ?? " ");
}

/**
 * The case-preserving spelling a table looks a name up by.
 *
 * - Unicode compatibility forms are folded (NFKC: "℃" → "°C", "㎞" → "km", full-width letters),
 *   and Latin, Greek and Cyrillic diacritics removed ("Zürich" → "Zurich").
 * - Spaces, hyphens, underscores and commas are separators; runs of them become one space.
 * - Apostrophes are dropped ("Côte d'Ivoire" → "Cote dIvoire", "People’s" → "Peoples").
 * - "&" is "and".
 * - A dot after a one-letter initial is dropped, with the space before the next initial
 *   ("U. S. A." → "USA", "D.C." → "DC"); a dot after a longer word is a separator ("St.Louis" →
 *   "St Louis", "Calif." → "Calif"); a dot after a digit stays ("2.5").
 * - Quotes and sentence punctuation around the name go (a full stop too: alias names do not
 *   start or end with a decimal point), and so does a bracket pair that encloses all of it;
 *   inner brackets stay ("Cocos (Keeling) Islands").
 *
 * @example aliasSpelling("  “U. S. A.” ") // "USA"
 */
export function aliasSpelling(name: string): string {
  if (isPlain(name)) return name;
  let s = name;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) {
      s = s.normalize("NFKD").replace(DIACRITICS, "").normalize("NFC");
      break;
    }
  }
  let out = "";
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const code = s.charCodeAt(i);
    if (isSpace(code) || c === "-" || c === "_" || c === "," || (code >= 0x2010 && code <= 0x2015)) {
      pendingSpace = true;
    } else if (c === "'" || c === "’" || c === "‘" || c === "ʼ" || c === "`") {
      continue;
    } else if (c === "&") {
      out += " and";
      pendingSpace = true;
    } else if (c === "." && initialAt(s, i - 1)) {
      let j = i + 1;
      while (j < s.length && isSpace(s.charCodeAt(j))) j++;
      if (j > i + 1 && initialAt(s, j)) i = j - 1;
    } else if (c === "." && isLetter(s[i - 1] ?? " ")) {
      pendingSpace = true;
    } else {
      if (pendingSpace && out.length > 0) out += " ";
      pendingSpace = false;
      out += c;
    }
  }
  return trimEnclosing(out);
}

/** ASCII letters and digits in words separated by single spaces: already a spelling, the common case. */
function isPlain(s: string): boolean {
  const last = s.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = s.charCodeAt(i);
    const lower = code | 32;
    if ((lower >= 97 && lower <= 122) || (code >= 48 && code <= 57)) continue;
    if (code === 32 && i > 0 && i < last && s.charCodeAt(i - 1) !== 32) continue;
    return false;
  }
  return last >= 0;
}

function trimEnclosing(s: string): string {
  let start = 0;
  let end = s.length;
  for (;;) {
    const first = s[start];
    const last = s[end - 1];
    if (start >= end || first === undefined || last === undefined) return "";
    if (first === " " || TRIMMED.has(first)) start++;
    else if (last === " " || TRIMMED.has(last)) end--;
    else if (CLOSING[first] === last && end - start >= 2) {
      start++;
      end--;
    } else return s.slice(start, end);
  }
}

/**
 * Removes letter case from a spelling made by {@link aliasSpelling}, and spells the letters that
 * have no diacritic to remove in plain Latin ("ß" → "ss", "ø" → "o", "ł" → "l", "æ" → "ae").
 *
 * @example foldCase(aliasSpelling("Łódź")) // "lodz"
 */
export function foldCase(spelling: string): string {
  let upper = false;
  for (let i = 0; i < spelling.length; i++) {
    const code = spelling.charCodeAt(i);
    if (code > 127) return spelling.toLowerCase().replace(SPECIAL_LETTERS, (c) => SPECIAL[c] ?? c);
    if (code >= 65 && code <= 90) upper = true;
  }
  return upper ? spelling.toLowerCase() : spelling;
}

/**
 * The case-insensitive key of a name: `foldCase(aliasSpelling(name))`.
 *
 * @example aliasKey("Trinidad & Tobago") === aliasKey("trinidad and tobago") // true
 */
export function aliasKey(name: string): string {
  return foldCase(aliasSpelling(name));
}
