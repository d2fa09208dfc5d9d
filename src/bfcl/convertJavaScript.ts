/**
 * BFCL's JavaScript type converter (`js_type_converter`, bfcl-ast-spec §5.9): a decoded value is
 * JavaScript source text; the declared type decides how much of it becomes a Python value, and
 * where a pattern does not match the text stays a string. Quirks kept: a float must be digits
 * with an optional fraction (`4` → 4.0, `4e0` stays text), a dict is the first `{…}` up to the
 * first `}` (so nested objects break), its values lose their quotes before being read (`'5'` →
 * 5), a 2-D array is read with a lazy `\[([^\\n]*?)\]` (so `[[1, 2], [3, 4]]` gives
 * `[['[1', 2], [3, 4]]`), and array elements keep their quotes for numeric item types.
 *
 * `{ok: false}` is where BFCL raises: an unknown type is a ValueError, and an integer of more
 * than 4300 digits exceeds CPython's limit.
 */
import { PyDict, type Value } from "../value/value.js";
import { type ConvertResult, int, ok } from "./convertResult.js";
import { PY, PY_SPACE_CHARS, parsePyFloat, pyInner, parsePyInt, pyStrip, pyStripChars } from "./pyText.js";

export type { ConvertResult };

const KNOWN = new Set(["String", "integer", "float", "Bigint", "Boolean", "dict", "array", "any"]);

const re = (body: string, flags = "u") => new RegExp(body, flags);
const D = PY.digit;
const S = PY.space;
const END = PY.end;

const INTEGER = re(`^-?${D}+${END}`);
const FLOAT = re(`^-?${D}+(\\.${D}+)?${END}`);
const BIGINT = re(`^-?${D}+n${END}`);
const ARRAY = re(`^(?:\\[([^\\n]*?)\\]|\\bnew${S}+Array\\(([^\\n]*?)\\))`);
const INNER_ARRAYS = re(`\\[([^\\n]*?)\\]`, "gu");
const DICT = re(`^\\{([^\\n]*?)\\}`);
// DICT_PAIRS `([^:,]+):\s*([^\n]*?)(?=,\s*[^:,]+:|$)` (gu) is quadratic as a regex (every start
// before a `,` rescans to it); `matchAllDictPairs` gives the same matches in one pass.

/**
 * Converts JavaScript source text by its declared type (and item type, for arrays).
 *
 * @example convertJavaScript("'abc'", "String")        // { ok: true, value: "abc" }
 * @example convertJavaScript("4", "float")              // { ok: true, value: 4 }
 * @example convertJavaScript("[1, 2]", "array", "integer") // { ok: true, value: [1n, 2n] }
 * @example convertJavaScript("{a: '5'}", "dict")        // { ok: true, value: {'a': 5} }
 */
export function convertJavaScript(value: string, type: string, itemType?: string): ConvertResult {
  if (!KNOWN.has(type)) return { ok: false, reason: `ValueError: Unsupported type: ${type}` };
  switch (type) {
    case "String":
      return ok(stripQuotePair(value));
    case "integer":
      return INTEGER.test(value) ? int(value) : ok(value);
    case "float":
      return FLOAT.test(value) ? ok(parsePyFloat(value)!) : ok(value);
    case "Bigint":
      return BIGINT.test(value) ? int(value.replace(/n(\n?)$/, "$1")) : ok(value);
    case "Boolean":
      return ok(value === "true" ? true : value === "false" ? false : value);
    case "array":
      return parseArray(value, itemType);
    case "dict":
      return ok(parseDict(value));
    default:
      return ok(value);
  }
}

function stripQuotePair(v: string): string {
  const quoted = (q: string) => v.startsWith(q) && v.endsWith(q);
  return quoted('"') || quoted("'") ? pyInner(v) : v;
}

/** BFCL's `parse_js_value`: booleans, quoted strings, then int, float, or the text itself. */
function jsValue(raw: string): Value {
  const v = pyStrip(raw);
  if (v === "true") return true;
  if (v === "false") return false;
  if ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) return pyInner(v);
  const i = parsePyInt(v);
  if (i.ok) return i.value;
  return parsePyFloat(v) ?? v;
}

function splitElements(text: string | undefined): string[] {
  const t = pyStrip(text ?? "");
  return t ? t.split(",") : [];
}

/** A 2-D array first (`[[…], […]]`), then `[…]` or `new Array(…)`; otherwise the text. */
function parseArray(value: string, itemType: string | undefined): ConvertResult {
  const code = pyStrip(value);
  const twoD = matchArray2D(code);
  if (twoD !== undefined) {
    return ok(Array.from(twoD.matchAll(INNER_ARRAYS), (m) => (pyStrip(m[1]!) ? m[1]!.split(",").map(jsValue) : [])));
  }
  const m = ARRAY.exec(code);
  if (!m) return ok(code);
  const elements = splitElements(m[1] ?? m[2]);
  if (!itemType) return ok(elements.map(jsValue));
  const out: Value[] = [];
  for (const e of elements) {
    const r = convertJavaScript(pyStrip(e), itemType);
    // BFCL wraps the array branch in `except Exception: return code`.
    if (!r.ok) return ok(code);
    out.push(r.value);
  }
  return ok(out);
}

/** `{}`, or the first `{…}` up to the first `}` read as `key: value` pairs; otherwise the text. */
function parseDict(value: string): Value {
  const code = pyStrip(value);
  if (code === "{}") return new PyDict();
  const m = DICT.exec(code);
  if (!m) return code;
  const dict = new PyDict();
  for (const { groups: [, rawKey, rawValue] } of matchAllDictPairs(m[1]!)) {
    const key = pyStripChars(pyStrip(rawKey!), "'\"");
    const v = pyStrip(rawValue!);
    if (v.startsWith("[") && v.endsWith("]")) {
      const arr = parseArray(v, undefined);
      dict.set(key, arr.ok ? arr.value : v);
    } else if (v.startsWith("{") && v.endsWith("}")) dict.set(key, parseDict(v));
    else dict.set(key, jsValue(pyStripChars(v, "'\"")));
  }
  return dict;
}

const PY_SPACE_SET = new Set(Array.from(PY_SPACE_CHARS));

/**
 * What BFCL's 2-D array pattern matches at the start of `code`, or undefined:
 *
 *     ^(?:\[\s*\[[^\n]*?\]\s*(,\s*\[[^\n]*?\]\s*)*\]|\bnew\s+Array\(\s*\[[^\n]*?\]\s*(,\s*\[[^\n]*?\]\s*)*\))
 *
 * (Python's `\s`). As a backtracking regex this is exponential in the number of `],[` on a line
 * that never closes (25 of them took seconds), so it is computed here in one right-to-left pass
 * that gives the same match: the lazy `[^\n]*?` ends at the first `]` on its line from which the
 * rest can match, and the greedy repetition prefers one more `, [...]` over closing. The
 * equivalence with the regex is checked on generated strings in test/hardening/regex.test.ts.
 */
export function matchArray2D(code: string): string | undefined {
  const n = code.length;
  const isSpace = (i: number) => PY_SPACE_SET.has(code[i]!);
  // skip[i]: the first position at or after i that is not Python whitespace.
  const skip = new Int32Array(n + 2);
  skip[n] = n;
  skip[n + 1] = n + 1;
  for (let i = n - 1; i >= 0; i--) skip[i] = isSpace(i) ? skip[i + 1]! : i;
  // For each closer (0: "]", 1: ")"): rest[i] is where `(,\s*\[[^\n]*?\]\s*)*<closer>` starting at i
  // ends (-1: no match); first[i] is that end for the first `]` at or after i, on i's line, from
  // which the rest matches (-1: none).
  const closers = ["]", ")"] as const;
  const rest = closers.map(() => new Int32Array(n + 2).fill(-1));
  const first = closers.map(() => new Int32Array(n + 2).fill(-1));
  for (let i = n - 1; i >= 0; i--) {
    const c = code[i]!;
    for (let k = 0; k < 2; k++) {
      let end = -1;
      if (c === ",") {
        const q = skip[i + 1]!;
        if (code[q] === "[") end = first[k]![q + 1]!;
      }
      if (end < 0 && c === closers[k]) end = i + 1;
      rest[k]![i] = end;
      first[k]![i] = c === "\n" ? -1 : c === "]" && rest[k]![skip[i + 1]!]! >= 0 ? rest[k]![skip[i + 1]!]! : first[k]![i + 1]!;
    }
  }
  let end = -1;
  if (code[0] === "[") {
    const q = skip[1]!;
    if (code[q] === "[") end = first[0]![q + 1]!;
  } else if (code.startsWith("new") && isSpace(3)) {
    const a = skip[3]!;
    if (code.startsWith("Array(", a)) {
      const q = skip[a + 6]!;
      if (code[q] === "[") end = first[1]![q + 1]!;
    }
  }
  return end < 0 ? undefined : code.slice(0, end);
}

/**
 * Each match of BFCL's dict pair pattern (index, whole match, key, value), as `matchAll` finds them:
 *
 *     ([^:,]+):\s*([^\n]*?)(?=,\s*[^:,]+:|$)        (flags gu; Python's `\s` and `$`)
 *
 * As a regex it is quadratic: from every start before a `,` with no `:`, `[^:,]+` runs to that
 * `,` again (750 ms at 40,000 characters). Here each start is decided from shared answers:
 * the key runs to the first `:` or `,` (it must be a `:`, after at least one character); `\s*`
 * keeps all the whitespace (giving some back cannot help: the lookahead fails inside
 * whitespace unless the greedy choice already reached the end); the value ends at the first `,`
 * on its line followed by a key and `:` (before the next `:` or `,`), else at the end of the
 * text or before a final newline, else the start fails and the next code point is tried.
 */
export function matchAllDictPairs(s: string): { index: number; groups: string[] }[] {
  const n = s.length;
  const out: { index: number; groups: string[] }[] = [];
  // The first `:` or `,` at or after a position, remembered (queried from non-decreasing positions).
  const stopFinder = () => {
    let from = Infinity;
    let at = -1;
    return (i: number) => {
      if (i >= from && (at < 0 || i <= at)) return at;
      from = i;
      at = -1;
      for (let j = i; j < n; j++) if (s[j] === ":" || s[j] === ",") return (at = j);
      return at;
    };
  };
  const keyStop = stopFinder();
  const nextStop = stopFinder();
  const skip = (i: number) => {
    while (i < n && PY_SPACE_SET.has(s[i]!)) i++;
    return i;
  };
  // The first `,` at or after a position where `,\s*[^:,]+:` matches.
  let commaFrom = Infinity;
  let commaAt = -1;
  const nextComma = (i: number) => {
    if (i >= commaFrom && (commaAt < 0 || i <= commaAt)) return commaAt;
    commaFrom = i;
    for (let c = s.indexOf(",", i); c >= 0; c = s.indexOf(",", c + 1)) {
      const w = nextStop(c + 1);
      if (w > c + 1 && s[w] === ":") return (commaAt = c);
    }
    return (commaAt = -1);
  };
  let lastColon = -1;
  let valueStart = -1;
  let newlineFrom = Infinity;
  let newlineAt = -1;
  for (let p = 0; p < n; ) {
    const x = keyStop(p);
    if (x > p && s[x] === ":") {
      if (x !== lastColon) {
        lastColon = x;
        valueStart = skip(x + 1);
      }
      const y = valueStart;
      if (!(y >= newlineFrom && (newlineAt < 0 || y <= newlineAt))) {
        newlineFrom = y;
        newlineAt = s.indexOf("\n", y);
      }
      const lineEnd = newlineAt < 0 ? n : newlineAt;
      const c = nextComma(y);
      const e = c >= 0 && c < lineEnd ? c : lineEnd >= n - 1 ? lineEnd : -1;
      if (e >= 0) {
        out.push({ index: p, groups: [s.slice(p, e), s.slice(p, x), s.slice(y, e)] });
        p = e;
        continue;
      }
    }
    p += (s.codePointAt(p)! > 0xffff) ? 2 : 1;
  }
  return out;
}
