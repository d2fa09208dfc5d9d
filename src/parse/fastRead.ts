/**
 * A fast reader for the one output shape that dominates RL rollouts: a plain Python call list,
 * `[f(a=1, b='x'), g(c=[1.5, None])]` (brackets optional), with keyword arguments and literal
 * values only. It returns exactly the calls `parse()` returns for such text, or `undefined` for
 * anything else, and the caller then runs the full `parse()`. The full reader strips reasoning,
 * detects a dozen formats, tokenizes and builds a syntax tree; this one is a single char-code
 * scan, about 10× faster, which is what makes a reward in a few microseconds possible.
 *
 * It declines rather than guesses. Anything the full reader treats specially is declined: text
 * holding any marker of another format (`<`, a backtick, `|`, `[THINK]`, `functools[`…, even
 * inside a string, since reasoning is cut before parsing), escapes other than `\'` `\"` `\\`
 * `\n` `\t` `\r`, string prefixes, implicit string concatenation, positional arguments (but
 * {@link fastRead}, the reward's reader, takes them),
 * repeated keywords or dict keys, numbers other than plain decimals, arithmetic, nested calls,
 * names other than ASCII identifiers, Python keywords, sets, one-item tuples, trailing commas,
 * a newline between calls without brackets, no-call markers, and anything past the depth or
 * call limits below. A bare name or attribute chain as a value (`data=my_data`) is read as its
 * text, as the full reader reads it. test/parse/fastRead.test.ts checks the
 * equivalence on every output of the conformance corpus and on generated text.
 */
import type { Call, FunctionDoc } from "../types.js";
import { findDoc } from "../docs.js";
import { bindPositional } from "./bind.js";
import { PyDict, PyTuple, type Value } from "../value/value.js";
import { decimalBigInt } from "../value/smallInt.js";
import { NAMESPACES } from "./scan/pyCall.js";
import { BUILTINS } from "./scan/codeText.js";
import { KEYWORDS } from "./python/tokenizer.js";
import { isAsciiSpace, isKeyword, isPlainStringChar, mayBeKeyword, skipAsciiSpace, trimAsciiEnd } from "./scan/chars.js";
import { skipSpaces, trimmedEnd } from "./scan/source.js";

/**
 * What every fast reader (this file, fastJson.ts, fastMarkdown.ts) leaves to the full reader:
 * longer outputs (its limit is 1,000,000), deeper values (100) and more calls (256).
 */
export const FAST_LIMITS = { maxLength: 100_000, maxDepth: 32, maxCalls: 64 } as const;
const MAX_DEPTH = FAST_LIMITS.maxDepth;
const MAX_CALLS = FAST_LIMITS.maxCalls;
const MAX_LENGTH = FAST_LIMITS.maxLength;
/** Calls with more keyword arguments are left to the full reader (keys are checked for repeats by a scan). */
const MAX_ARGS = 64;

/**
 * Markers of reasoning and other formats made of characters that a call's text may hold without
 * a `<`, even outside strings (`f(a=[THINK])` holds a list of one bare name): a fast reader
 * declines text holding one, so the full reader handles it. The other markers (`<`, a backtick,
 * `|`, `｜`, `◁`) are declined by each reader where it meets them. `functools` is a marker only
 * as Phi-4's `functools[` (formats/phi4.ts, reasoning.ts).
 */
export const WORD_MARKERS = ["[THINK]", "[/THINK]", "[TOOL_CALLS]", "functools[", "DSML"] as const;

/**
 * Every marker but `DSML` holds a `[`, which prose and most answers hold few of: the search goes
 * from `[` to `[`, where one for a marker that opens with a common letter (a regular expression
 * of the five) stops at every `f` of a long answer and took ten times as long on 4 KB of code.
 */
export function holdsWordMarker(text: string): boolean {
  for (let k = text.indexOf("["); k >= 0; k = text.indexOf("[", k + 1)) {
    const next = text.charCodeAt(k + 1);
    if (next === 0x54 /* T */ && (text.startsWith("THINK]", k + 1) || text.startsWith("TOOL_CALLS]", k + 1))) return true;
    if (next === 0x2f /* / */ && text.startsWith("/THINK]", k + 1)) return true;
    if (k >= 9 && text.charCodeAt(k - 1) === 0x73 /* s */ && text.startsWith("functools[", k - 9)) return true;
  }
  return text.includes("DSML");
}

/** The escapes read inside strings: `\'`, `\"`, `\\`, `\n`, `\t`, `\r`. Any other is left to the full reader. */
const ESCAPES: ReadonlyMap<number, string> = new Map([
  [39, "'"],
  [34, '"'],
  [92, "\\"],
  [110, "\n"],
  [116, "\t"],
  [114, "\r"],
]);

const NO_CALLS: Call[] = Object.freeze([]) as unknown as Call[];

/** Thrown inside the scan to decline; never escapes {@link fastRead}. */
const DECLINE = Symbol("decline");

/**
 * One scan of a text: its settings, where it is, and what it read. One instance serves every
 * scan ({@link SCAN}): a scan runs to its end before the next starts, and its result is read at
 * once, so a reward allocates no scanner.
 */
class Scan {
  text = "";
  end = 0;
  /** Python's own reading: a bare attribute chain is not a value. */
  exact = false;
  /** A call's name must touch its `(`. */
  tight = false;
  /** Positional arguments are read (before the keyword ones, as Python requires). */
  positional = false;
  pos = 0;
  /** Values read as the text of a bare name (parse() notes each as `name_as_text`). */
  bareNames = 0;
  /** The calls read; the list is the caller's once the scan has ended. */
  calls: Call[] = [];
  /** The calls stood in `[…]`. */
  bracketed = false;

  start(text: string, pos: number, end: number, exact: boolean, tight: boolean, positional: boolean, bracketed: boolean): this {
    this.text = text;
    this.pos = pos;
    this.end = end;
    this.exact = exact;
    this.tight = tight;
    this.positional = positional;
    this.bracketed = bracketed;
    this.bareNames = 0;
    this.calls = NO_CALLS;
    return this;
  }

  /** Skips spaces and tabs, and newlines when `lines` (inside brackets). */
  space(lines: boolean): void {
    const t = this.text;
    while (this.pos < this.end) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 9 || (lines && (c === 10 || c === 13))) this.pos++;
      else break;
    }
  }

  peek(): number {
    return this.pos < this.end ? this.text.charCodeAt(this.pos) : -1;
  }

  expect(c: number): void {
    if (this.peek() !== c) throw DECLINE;
    this.pos++;
  }

  /** Reads past an identifier that is not a keyword; nothing is sliced. */
  identifier(): void {
    const t = this.text;
    const start = this.pos;
    let c = this.peek();
    if (!(isAlpha(c) || c === 95)) throw DECLINE;
    do {
      this.pos++;
      c = this.peek();
    } while (isAlpha(c) || c === 95 || isDigit(c));
    if (isKeyword(t, start, this.pos)) throw DECLINE;
  }

  /** `a.b.c`, sliced once from the text. */
  name(): string {
    const start = this.pos;
    this.identifier();
    while (this.peek() === 46) {
      this.pos++;
      this.identifier();
    }
    return this.text.slice(start, this.pos);
  }

  call(): Call {
    const name = this.name();
    // parse() drops no-call markers and API namespaces (`default_api.f`) with a note.
    if (name === "no_function") throw DECLINE;
    for (let i = 0; i < NAMESPACES.length; i++) if (name.startsWith(NAMESPACES[i]!)) throw DECLINE;
    // Calls before a trailing `;` are read as calls in prose, where a builtin (`print(…)`) is code, not an answer.
    if (this.tight && BUILTINS.has(name)) throw DECLINE;
    if (!this.tight) this.space(true);
    this.expect(40);
    this.space(true);
    const args = new Map<string, Value>();
    const positional: Value[] = [];
    if (this.peek() !== 41) {
      for (;;) {
        const key = this.keyword();
        if (key !== undefined) {
          this.space(true);
          const value = this.value(1);
          // A repeated keyword leaves the size as it was (one hash lookup instead of has + set).
          const size = args.size;
          if (args.set(key, value).size === size) throw DECLINE;
        } else {
          if (!this.positional || args.size > 0) throw DECLINE;
          positional.push(this.value(1));
        }
        this.space(true);
        const c = this.peek();
        if (c === 41) break;
        this.expect(44);
        this.space(true);
        if (this.peek() === 41) throw DECLINE;
        if (args.size + positional.length >= MAX_ARGS) throw DECLINE;
      }
    }
    this.pos++;
    // parse() reads an empty call before a trailing `;` as no call at all: leave it to parse().
    if (this.tight && args.size + positional.length === 0) throw DECLINE;
    return { name, args, positional };
  }

  /**
   * The name of the keyword argument that starts here (a name, then `=`, not `==`), read past its
   * `=`; undefined, reading nothing, when none does (a positional argument).
   */
  keyword(): string | undefined {
    const t = this.text;
    const start = this.pos;
    // The name is read by this scan's own loop, not chars.ts's plainName, which the prose scan
    // gives substrings of the output: V8 compiles a helper for the string representations all its
    // callers pass, and sharing it made this scan of plain outputs slower (see scanCalls).
    let c = t.charCodeAt(start);
    if (start >= this.end || !(isAlpha(c) || c === 95)) return undefined;
    let i = start + 1;
    for (c = t.charCodeAt(i); i < this.end && (isAlpha(c) || isDigit(c) || c === 95); c = t.charCodeAt(++i));
    const eq = skipAsciiSpace(t, i, this.end);
    if (eq >= this.end || t.charCodeAt(eq) !== 61 || (eq + 1 < this.end && t.charCodeAt(eq + 1) === 61)) return undefined;
    const key = t.slice(start, i);
    if (mayBeKeyword(t.charCodeAt(start), i - start) && KEYWORDS.has(key)) throw DECLINE;
    this.pos = eq + 1;
    return key;
  }

  value(depth: number): Value {
    if (depth > MAX_DEPTH) throw DECLINE;
    const c = this.peek();
    if (c === 39 || c === 34) return this.string(c);
    if (isDigit(c) || c === 45) return this.number();
    if (c === 91) return this.list(depth);
    if (c === 40) return this.tuple(depth);
    if (c === 123) return this.dict(depth);
    if (isAlpha(c) || c === 95) {
      const start = this.pos;
      do this.pos++;
      while (isAlpha(this.peek()) || isDigit(this.peek()) || this.peek() === 95);
      if (this.peek() !== 46) {
        const word = this.text.slice(start, this.pos);
        if (word === "True") return true;
        if (word === "False") return false;
        if (word === "None") return null;
      }
      // A bare name or attribute chain is kept as its text, as the full reader does (name_as_text).
      this.pos = start;
      const name = this.name();
      if (this.exact && name.includes(".")) throw DECLINE;
      this.bareNames++;
      return name;
    }
    throw DECLINE;
  }

  string(quote: number): string {
    const t = this.text;
    let start = ++this.pos;
    let out = "";
    for (;;) {
      if (this.pos >= this.end) throw DECLINE;
      const c = t.charCodeAt(this.pos);
      if (c === quote) break;
      if (c === 92) {
        const e = this.pos + 1 < this.end ? ESCAPES.get(t.charCodeAt(this.pos + 1)) : undefined;
        if (e === undefined) throw DECLINE;
        out += t.slice(start, this.pos) + e;
        this.pos += 2;
        start = this.pos;
        continue;
      }
      // Line breaks end a Python string; the rest are markers the full reader acts on anywhere.
      if (c === 10 || c === 13 || c === 60 || c === 96 || c === 124 || c === 0xff5c || c === 0x25c1) throw DECLINE;
      // Python's own parser decides on a NUL or a surrogate.
      if (this.exact && (c === 0 || (c >= 0xd800 && c <= 0xdfff))) throw DECLINE;
      this.pos++;
    }
    const s = out + t.slice(start, this.pos);
    this.pos++;
    // '' followed by a quote opens a triple-quoted string; a quote after the string concatenates.
    const save = this.pos;
    this.space(true);
    const next = this.peek();
    if (next === 39 || next === 34) throw DECLINE;
    this.pos = save;
    return s;
  }

  number(): bigint | number {
    const t = this.text;
    const start = this.pos;
    if (this.peek() === 45) this.pos++;
    const digits = this.pos;
    while (isDigit(this.peek())) this.pos++;
    if (this.pos === digits) throw DECLINE;
    if (t.charCodeAt(digits) === 48 && this.pos - digits > 1) throw DECLINE;
    let float = false;
    if (this.peek() === 46) {
      float = true;
      this.pos++;
      while (isDigit(this.peek())) this.pos++;
    }
    let c = this.peek();
    if (c === 101 || c === 69) {
      float = true;
      this.pos++;
      c = this.peek();
      if (c === 43 || c === 45) this.pos++;
      const exp = this.pos;
      while (isDigit(this.peek())) this.pos++;
      if (this.pos === exp) throw DECLINE;
    }
    c = this.peek();
    if (isAlpha(c) || isDigit(c) || c === 95 || c === 46) throw DECLINE;
    if (float) return Number(t.slice(start, this.pos));
    return decimalBigInt(t, start, digits, this.pos);
  }

  list(depth: number): Value[] {
    this.pos++;
    this.space(true);
    if (this.peek() === 93) {
      this.pos++;
      return [];
    }
    return this.sequence(93, depth);
  }

  /** Two or more items; `()`, `(x)` and `(x,)` are left to the full reader. */
  tuple(depth: number): PyTuple {
    this.pos++;
    this.space(true);
    const items = this.sequence(41, depth);
    if (items.length < 2) throw DECLINE;
    return new PyTuple(items);
  }

  /** Comma-separated values up to `close`, which is consumed; a trailing comma is left to the full reader. */
  sequence(close: number, depth: number): Value[] {
    const items: Value[] = [];
    for (;;) {
      items.push(this.value(depth + 1));
      this.space(true);
      if (this.peek() === close) break;
      this.expect(44);
      this.space(true);
      if (this.peek() === close) throw DECLINE;
    }
    this.pos++;
    return items;
  }

  dict(depth: number): PyDict {
    this.pos++;
    this.space(true);
    const entries: Array<[Value, Value]> = [];
    if (this.peek() === 125) {
      this.pos++;
      return new PyDict(entries);
    }
    for (;;) {
      const q = this.peek();
      if (q !== 39 && q !== 34) throw DECLINE;
      const key = this.string(q);
      for (const e of entries) if (e[0] === key) throw DECLINE;
      this.space(true);
      this.expect(58);
      this.space(true);
      entries.push([key, this.value(depth + 1)]);
      this.space(true);
      if (this.peek() === 125) break;
      this.expect(44);
      this.space(true);
      if (this.peek() === 125) throw DECLINE;
    }
    this.pos++;
    return new PyDict(entries);
  }
}

function hasPositional(call: Call): boolean {
  return call.positional.length > 0;
}

function isAlpha(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The calls of a plain Python call list, or `undefined` when the text is anything else: the
 * calls `parse(text, {functions})` returns. Positional arguments are read too (`f({'a': 1})`,
 * `f(10, 5)`, a habit of some models), and bound to names with the docs as parse() binds them.
 *
 * @example fastRead("[get_weather(city='Paris', days=3)]") // [{name: "get_weather", args: Map {city: "Paris", days: 3n}, positional: []}]
 * @example fastRead("<tool_call>…") // undefined: left to parse()
 */
export function fastRead(text: string, functions?: readonly FunctionDoc[]): Call[] | undefined {
  const calls = scanOutput(text, false, true)?.calls;
  if (!calls || !functions || !calls.some(hasPositional)) return calls;
  return calls.map((c) => (c.positional.length > 0 ? bindPositional(c, findDoc(functions, c.name)).call : c));
}

/**
 * The calls of a plain Python call list that parse() reads without a single repair (no bare name
 * kept as text, brackets around two or more calls), or `undefined`.
 *
 * @example fastReadClean("[f(a=1), g(b='x')]") // two calls
 * @example fastReadClean("f(a=1), g(b='x')") // undefined: parse() notes brackets_added
 */
export function fastReadClean(text: string): Call[] | undefined {
  const r = scanOutput(text, false);
  return r && r.bareNames === 0 && (r.bracketed || r.calls.length === 1) ? r.calls : undefined;
}

/**
 * The calls of `[f(a=1), …]` exactly as Python's `ast` reads them under BFCL's resolver
 * (decodePython.ts), or `undefined` for anything outside the plain subset: there, a bare
 * attribute chain is no value, and a NUL or a surrogate makes Python's parser itself decide.
 *
 * @example fastReadPython("[f(a=1.0, b=x)]") // [{name: "f", args: Map {a: 1, b: "x"}, positional: []}]
 * @example fastReadPython("[f(a=np.pi)]") // undefined
 */
export function fastReadPython(text: string): Call[] | undefined {
  // (A NUL or a surrogate can only stand inside a string here; the string scan declines it.)
  return scanOutput(text, true)?.calls;
}

/**
 * The calls of text that is, as a whole, a Python call list (in brackets) or one call, exactly as
 * the full reader's whole-text reading (pythonCalls.ts `readWhole`) reads it with no repair; or
 * `undefined`. Nothing is trimmed or dropped first: the text is read as Python reads it. Word
 * markers are not looked for: outside strings they are bare names, which this reading declines,
 * and inside strings the parser reads them as text too; whether the output around holds one is
 * its caller's question (fastMarkdown.ts asks it of the whole answer, parse() has acted on them
 * before reading any part).
 *
 * @example fastReadWhole("[f(a=1), g(b='x')]") // two calls
 * @example fastReadWhole("f(a=1);") // undefined: not one Python expression
 */
export function fastReadWhole(text: string, from = 0, to = text.length): Call[] | undefined {
  const r = scanCalls(text, true, false, from, to);
  return r && r.bareNames === 0 && r.calls.length > 0 && (r.bracketed || r.calls.length === 1) ? r.calls : undefined;
}

/**
 * The calls of a list of calls written as strings, `["f(a=1)", 'g(b="x")']`, filling `[from, to)`
 * of `text`, exactly as the full reader's whole-text reading reads them (each string's text read
 * as one call, `quotes_stripped`); or `undefined`. Each item is a one-line string of printable
 * characters without a backslash or a prefix, whose text (trimmed) {@link fastReadWhole} reads as
 * one call outside brackets; only spaces, tabs and line breaks stand between the items, the
 * commas and the brackets (a trailing comma allowed).
 *
 * @example fastReadQuotedList(`["f(a=1)", 'g(b="x")']`) // [f(a=1), g(b='x')]
 * @example fastReadQuotedList(`["f(a=1)", g(b=2)]`) // undefined: not every item is a string
 */
export function fastReadQuotedList(text: string, from = 0, to = text.length): Call[] | undefined {
  if (text.charCodeAt(from) !== 0x5b || text.charCodeAt(to - 1) !== 0x5d) return undefined;
  const calls: Call[] = [];
  let i = from + 1;
  for (;;) {
    // Between items Python skips spaces, tabs and line breaks (ASCII's whitespace).
    i = skipAsciiSpace(text, i, to);
    const q = text.charCodeAt(i);
    if (q !== 0x27 && q !== 0x22) break;
    const open = i + 1;
    let close = open;
    for (; close < to; close++) {
      const c = text.charCodeAt(close);
      if (c === q) break;
      if (c === 0x5c || !isPlainStringChar(c)) return undefined;
    }
    if (close >= to) return undefined;
    // The string's text, trimmed as the full reader trims it, read as one call outside brackets.
    const a = skipSpaces(text, open, close);
    const b = trimmedEnd(text, a, close);
    const r = a < b ? scanCalls(text, true, false, a, b) : undefined;
    if (!r || r.bareNames > 0 || r.bracketed || r.calls.length !== 1) return undefined;
    calls.push(r.calls[0]!);
    if (calls.length > MAX_CALLS) return undefined;
    i = skipAsciiSpace(text, close + 1, to);
    if (text.charCodeAt(i) !== 0x2c) break;
    i++;
  }
  return calls.length > 0 && i === to - 1 ? calls : undefined;
}

/** The scanner every scan uses (see {@link Scan}). */
const SCAN = new Scan();

/**
 * Whether parse limits leave room for the fast readers, which leave longer, deeper or larger
 * inputs to the full readers (a lower limit must be enforced by the full reader).
 */
export function withinFastLimits(limits: { maxLength: number; maxDepth: number; maxCalls: number }): boolean {
  return limits.maxLength >= MAX_LENGTH && limits.maxDepth >= MAX_DEPTH && limits.maxCalls >= MAX_CALLS;
}

/**
 * The calls of `text[from, to)`. Readers of a part of a longer text pass its range rather than a
 * slice, and the helpers called here read only such whole strings: V8 compiles this scan and its
 * helpers for the string representations they meet, and once they had met substrings (a
 * `SlicedString` each) plain outputs were read a quarter slower (qwen3's call lists 0.75 → 0.96 µs).
 */
function scanCalls(text: string, exact: boolean, positional = false, from = 0, to = text.length): Scan | undefined {
  if (to - from > MAX_LENGTH) return undefined;
  let start = skipAsciiSpace(text, from, to);
  let end = trimAsciiEnd(text, start, to);
  // parse() drops trailing semicolons (`f(x=1);`, Raven's style) without a repair (Python would
  // not); it then reads the calls as it reads calls in prose, where a name touches its `(`.
  const plainEnd = end;
  if (!exact) while (end > start && (text.charCodeAt(end - 1) === 59 || isAsciiSpace(text.charCodeAt(end - 1)))) end--;
  const tight = end !== plainEnd;
  if (start === end) return undefined;
  const bracketed = text.charCodeAt(start) === 91;
  if (bracketed) {
    if (text.charCodeAt(end - 1) !== 93) return undefined;
    start++;
    end--;
  }
  // A call starts with its name: decline fences, tags, JSON and prose at once, before any scan.
  let first = start;
  if (bracketed) first = skipAsciiSpace(text, first, end);
  if (first < end) {
    if (!(isAlpha(text.charCodeAt(first)) || text.charCodeAt(first) === 95)) return undefined;
    // …and its name is followed by `(` (prose and GLM's name-then-JSON decline here, without a throw).
    let p = first;
    for (let c = text.charCodeAt(p); p < end && (isAlpha(c) || isDigit(c) || c === 95 || c === 46); c = text.charCodeAt(++p));
    p = skipAsciiSpace(text, p, end);
    if (p >= end || text.charCodeAt(p) !== 40) return undefined;
  }
  const s = SCAN.start(text, start, end, exact, tight, positional, bracketed);
  try {
    s.space(bracketed);
    // `[]`: Python reads an empty list (parse() reports it as a no-call, so only the exact reader takes it).
    if (exact && bracketed && s.pos >= end) {
      s.calls = [];
      return s;
    }
    // Most outputs hold one call: a list of one, grown only for the next.
    let calls: Call[] | undefined;
    for (;;) {
      const call = s.call();
      if (calls) calls.push(call);
      else s.calls = calls = [call];
      if (calls.length > MAX_CALLS) return undefined;
      s.space(bracketed);
      if (s.pos >= end) break;
      s.expect(44);
      s.space(bracketed);
      if (s.pos >= end) return undefined;
    }
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
  return s;
}

/**
 * {@link scanCalls} of a whole output, declined when it holds a word marker: parse() acts on the
 * marker before reading any call. Checked after the scan: most texts are declined before, and a
 * search over all of one is not free.
 */
function scanOutput(text: string, exact: boolean, positional = false): Scan | undefined {
  const r = scanCalls(text, exact, positional);
  return r && !holdsWordMarker(text) ? r : undefined;
}
