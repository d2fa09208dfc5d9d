/**
 * BFCL's Java container patterns (bfcl-ast-spec §5.8), computed in linear time. As backtracking
 * regexes they are super-linear on hostile model output: a lazy `[^\n]*?` group is rescanned to
 * the end of its line from every opener on that line (quadratic), HashMap's `<[\s\S]*?>` is
 * rescanned to the end of the text from every candidate (quadratic), and HashMap's body
 * `\s*([\s\S]*?)\s*\}?\s*\}` retries nested whitespace runs (cubic: seconds at 4,000 characters).
 *
 * Each function returns exactly what the regex returns (index, whole match, groups; for the global
 * ones the same sequence as `matchAll`). The openers (`new\s+\w+\[\]\s*\{` and the like) are
 * still regexes: they have no lazy part, every quantified run is followed by a character outside
 * its class, and two openers cannot overlap, so all attempts together read each character a
 * bounded number of times. What follows an opener is found with searches that remember their last
 * answer (`finder`): queried from positions that never decrease, each reads every character once.
 * The equivalence with the original regexes is checked on generated strings in
 * test/hardening/javaRegex.test.ts.
 */
import { PY, PY_SPACE_CHARS } from "./pyText.js";

/** A regex match: where it starts, then the whole match and the groups (`[m.index, ...m]`). */
export interface PatternMatch {
  index: number;
  groups: string[];
}

const S = PY.space;
const W = PY.word;
const SPACE = new Set(Array.from(PY_SPACE_CHARS));

const ARRAY_HEAD = `new${S}+${W}+\\[\\]${S}*\\{`;
const ASLIST_HEAD = `new${S}+ArrayList<${W}*>\\(Arrays\\.asList\\(`;
const HASHMAP_HEAD = `new${S}+HashMap<`;

/** `s.indexOf(needle, i)`, remembering the last answer: from non-decreasing `i`, linear in total. */
function finder(s: string, needle: string): (i: number) => number {
  let from = Infinity;
  let at = -1;
  return (i) => {
    if (i >= from && (at < 0 || i <= at)) return at;
    from = i;
    at = s.indexOf(needle, i);
    return at;
  };
}

/** The first position at or after `i` that is not Python whitespace. */
function skipSpace(s: string, i: number): number {
  while (i < s.length && SPACE.has(s[i]!)) i++;
  return i;
}

/** Each match of an opener regex, leftmost first, retrying one character after each start. */
function* heads(s: string, body: string): Generator<RegExpExecArray> {
  const head = new RegExp(body, "gu");
  for (let m = head.exec(s); m; m = head.exec(s)) {
    yield m;
    head.lastIndex = m.index + 1;
  }
}

/** `new\s+\w+\[\]\s*\{([^\n]*?)\}`: the group ends at the first `}`, which must be on its line. */
export function matchJavaArray(s: string): PatternMatch | undefined {
  const close = finder(s, "}");
  const newline = finder(s, "\n");
  for (const h of heads(s, ARRAY_HEAD)) {
    const q = h.index + h[0].length;
    const c = close(q);
    const nl = newline(q);
    if (c >= 0 && (nl < 0 || nl > c)) return { index: h.index, groups: [s.slice(h.index, c + 1), s.slice(q, c)] };
  }
  return undefined;
}

/**
 * `new\s+ArrayList<\w*>\(Arrays\.asList\(([^\n]+?)\)\)`: the group is at least one character and
 * ends at the first `))` after that, which must be on its line.
 */
export function matchJavaAsList(s: string): PatternMatch | undefined {
  const close = finder(s, "))");
  const newline = finder(s, "\n");
  for (const h of heads(s, ASLIST_HEAD)) {
    const q = h.index + h[0].length;
    const c = close(q + 1);
    const nl = newline(q);
    if (c >= 0 && (nl < 0 || nl > c)) return { index: h.index, groups: [s.slice(h.index, c + 2), s.slice(q, c)] };
  }
  return undefined;
}

/** `matchAll` of `add\(([^\n]+?)\)` (flags gu): at least one character, up to the first `)` on its line. */
export function matchAllJavaAdd(s: string): PatternMatch[] {
  const out: PatternMatch[] = [];
  const close = finder(s, ")");
  const newline = finder(s, "\n");
  for (let p = s.indexOf("add("); p >= 0; ) {
    const q = p + 4;
    const c = close(q + 1);
    const nl = newline(q);
    if (c >= 0 && (nl < 0 || nl > c)) {
      out.push({ index: p, groups: [s.slice(p, c + 1), s.slice(q, c)] });
      p = s.indexOf("add(", c + 1);
    } else p = s.indexOf("add(", p + 1);
  }
  return out;
}

/**
 * `matchAll` of `put\("([^\n]*?)",\s*([^\n]*?)\)` (flags gu). Whether a `",` at k can end the
 * first group does not depend on where the match started: `\s*` is greedy and giving back
 * whitespace cannot help (the second group would start on whitespace and still need the same
 * first `)`, with no newline before it), so k works when the first `)` after the whitespace that
 * follows k has no newline before it. A match is then the first working `",` after `put("`,
 * if no newline comes before it; the first group extends past any `",` that does not work.
 */
export function matchAllJavaPut(s: string): PatternMatch[] {
  const out: PatternMatch[] = [];
  const quoteComma = finder(s, '",');
  const close = finder(s, ")");
  const tailNewline = finder(s, "\n");
  const keyNewline = finder(s, "\n");
  // The first working `",` at or after a position (queried from non-decreasing positions).
  let goodFrom = Infinity;
  let good = { k: -1, m: -1, c: -1 };
  const nextGood = (i: number) => {
    if (i >= goodFrom && (good.k < 0 || i <= good.k)) return good;
    goodFrom = i;
    for (let k = quoteComma(i); k >= 0; k = quoteComma(k + 1)) {
      const m = skipSpace(s, k + 2);
      const c = close(m);
      const nl = tailNewline(m);
      if (c >= 0 && (nl < 0 || nl > c)) return (good = { k, m, c });
    }
    return (good = { k: -1, m: -1, c: -1 });
  };
  for (let p = s.indexOf('put("'); p >= 0; ) {
    const a = p + 5;
    const { k, m, c } = nextGood(a);
    const nl = keyNewline(a);
    if (k >= 0 && (nl < 0 || nl > k)) {
      out.push({ index: p, groups: [s.slice(p, c + 1), s.slice(a, k), s.slice(m, c)] });
      p = s.indexOf('put("', c + 1);
    } else p = s.indexOf('put("', p + 1);
  }
  return out;
}

/**
 * After `new\s+HashMap<`: the first `>` (lazily, across lines) followed by `\s*\(\)`, and, when
 * `brace` is set, then by `\s*\{` with a `}` somewhere after it. Returns the position after the
 * `()` (or the `{`), or -1. Whether a `>` works does not depend on where `new` was, and a later
 * `new` only sees later `>`s, so only the first `new\s+HashMap<` can match.
 */
function hashMapHead(s: string, brace: boolean): { index: number; end: number } | undefined {
  const h = heads(s, HASHMAP_HEAD).next();
  if (h.done) return undefined;
  const lastClose = s.lastIndexOf("}");
  for (let g = s.indexOf(">", h.value.index + h.value[0].length); g >= 0; g = s.indexOf(">", g + 1)) {
    const t = skipSpace(s, g + 1);
    if (!s.startsWith("()", t)) continue;
    if (!brace) return { index: h.value.index, end: t + 2 };
    const b = skipSpace(s, t + 2);
    if (s[b] === "{" && lastClose > b) return { index: h.value.index, end: b + 1 };
  }
  return undefined;
}

/** `new\s+HashMap<[\s\S]*?>\s*\(\)`. */
export function matchJavaHashMapEmpty(s: string): PatternMatch | undefined {
  const h = hashMapHead(s, false);
  return h && { index: h.index, groups: [s.slice(h.index, h.end)] };
}

/**
 * `new\s+HashMap<[\s\S]*?>\s*\(\)\s*\{\s*\{?\s*([\s\S]*?)\s*\}?\s*\}`. After the `{`, the tail
 * matches as soon as a `}` follows, so the greedy `\s*\{?\s*` keeps all it takes; the lazy group
 * then ends where only whitespace is left before the first `}`, and the match ends after a second
 * `}` if only whitespace separates the two.
 */
export function matchJavaHashMap(s: string): PatternMatch | undefined {
  const h = hashMapHead(s, true);
  if (!h) return undefined;
  let c = skipSpace(s, h.end);
  if (s[c] === "{") c = skipSpace(s, c + 1);
  const z = s.indexOf("}", c);
  let e = z;
  while (e > c && SPACE.has(s[e - 1]!)) e--;
  const t = skipSpace(s, z + 1);
  const end = s[t] === "}" ? t + 1 : z + 1;
  return { index: h.index, groups: [s.slice(h.index, end), s.slice(c, e)] };
}
