/**
 * Calls inside prose or code: the second pass of pythonCalls.ts, run when the text is not one
 * call expression.
 *
 * The text is scanned for call candidates, a dotted name directly followed by `(`; each is cut out
 * with the bracket scanner and parsed on its own (then leniently, see looseArgs.ts). A candidate
 * counts as a call when it ends its line (after closing brackets, `,`, `;`, `.`, `**`, backticks
 * or a closing quote) or is followed only by such characters and the next candidate, so a name
 * mentioned inside a sentence ("use the `round()` function to…") is prose. Without a function
 * doc naming it, a call in prose must also have a keyword argument and must not sit in code
 * (codeText.ts). When function docs are given and some candidates name a documented function,
 * the others are prose. A candidate that cannot be read makes the output malformed when it sits
 * where a call would (line start, after `[`, `,`, `;`, `:`), unless other calls were read.
 *
 * Work is bounded: each candidate costs one scan to its closing bracket, and at most
 * `ctx.attempts` candidates are tried per output. Long code answers hold hundreds of calls that
 * their place alone turns down, so a candidate in a plain subset of Python ({@link surelyCall})
 * is known to be a call without being parsed, and is parsed only once its place has passed.
 */
import { parsePythonExpression } from "../python/parser.js";
import { matchBracket } from "./brackets.js";
import { isIdentPart, isIdentStart, isKeyword, isPlainStringChar, plainName, scanDotted, snippet } from "./chars.js";
import { BUILTINS, CodeBlocks, inCode } from "./codeText.js";
import { LimitHit, note, type Ctx, type Draft, type FormatId, type Outcome } from "./diagnostics.js";
import { lenientCall } from "./looseArgs.js";
import { NextIndex } from "./nextIndex.js";
import { draftFromCall, stripNamespace } from "./pyCall.js";
import { isSpace, type Src } from "./source.js";
import { fastReadWhole } from "../fastRead.js";

interface Candidate {
  start: number;
  /** Position of the `(` after the name. */
  open: number;
  end: number;
  /** The call; undefined for text that is no call, and for a sure call not read yet. */
  draft?: Draft;
  /** A call by {@link surelyCall}, read only when a check needs its name or arguments. */
  sure: boolean;
  error?: { message: string; offset: number };
  /** Where a call would stand: line start, or after `[ , ; ( : * >` and backticks. */
  callPosition: boolean;
}

/**
 * The calls in prose or code text (see the module comment for what counts).
 *
 * @example scanProse(Src.of("Sure! Here it is:\n[get_weather(city='Paris')]\nAnything else?"), ctx, "python") // calls: get_weather(city='Paris')
 */
export function scanProse(t: Src, ctx: Ctx, format: FormatId): Outcome {
  const text = t.text;
  const cands: Candidate[] = [];
  let i = 0;
  for (let open = text.indexOf("(", i); open >= 0; open = text.indexOf("(", i)) {
    const start = nameBefore(text, open);
    if (start < 0) {
      i = open + 1;
      continue;
    }
    if (ctx.attempts <= 0) break;
    ctx.attempts--;
    const cand = candidateAt(t, start, open, ctx);
    cands.push(cand);
    i = isCall(cand) ? cand.end : open + 1;
  }

  // The start of the first candidate after each one that is a call or stands where a call would.
  const nextStarts: Array<number | undefined> = new Array(cands.length);
  let following: number | undefined;
  for (let k = cands.length - 1; k >= 0; k--) {
    nextStarts[k] = following;
    if (isCall(cands[k]!) || cands[k]!.callPosition) following = cands[k]!.start;
  }
  const accepted: Candidate[] = [];
  const failures = cands.filter((c) => !isCall(c) && c.callPosition);
  const docs = ctx.options.docs;
  const equals = new NextIndex(text, "=");
  let code: CodeBlocks | undefined;
  const inCodeRange = (i: number) => (code ??= new CodeBlocks(text)).has(i);
  for (let k = 0; k < cands.length; k++) {
    const cand = cands[k]!;
    if (!isCall(cand)) continue;
    const lineStart = accepted.length > 0 ? accepted[accepted.length - 1]!.end : 0;
    const quote = text[cand.start - 1] === "'" || text[cand.start - 1] === '"' ? text[cand.start - 1]! : "";
    const end = quote && text[cand.end] === quote ? cand.end + 1 : cand.end;
    // Where the candidate stands is checked before what it says: most calls in code fail here.
    if (!endsItsLine(text, end, nextStarts[k]) || inCode(text, cand.start, lineStart)) continue;
    if (!cand.draft && turnedDownByName(text, cand, equals, ctx, inCodeRange)) continue;
    const draft = readSure(t, cand, ctx);
    if (quote && end > cand.end) draft.repairs.push(note("quotes_stripped", "call written as a string", t.origin(cand.start - 1)));
    const call = draft.call;
    const documented = docs?.has(call.name) ?? false;
    if (!documented) {
      // Without a doc naming it, a call in prose must look like an answer, not like code.
      if (inCodeRange(cand.start) || call.args.size === 0 || BUILTINS.has(call.name)) continue;
    }
    accepted.push(cand);
  }

  let kept = accepted;
  if (docs && accepted.some((c) => docs.has(c.draft!.call.name))) {
    kept = accepted.filter((c) => docs.has(c.draft!.call.name));
  }
  if (kept.length === 0) {
    // Code that does not parse as Python (Java, JavaScript, shell) is an answer in code, not a broken call.
    const f = failures.find((c) => !inCodeRange(c.start));
    if (f?.error) return malformed(t, ctx, format, f.error);
    return { kind: "none" };
  }
  ctx.checkCalls(kept.length, t.origin(kept[0]!.start));
  glueRepairs(t, ctx, kept);
  for (const f of failures) {
    if (f.error && !kept.some((k) => k.start <= f.start && f.start < k.end)) {
      ctx.repair("call_dropped", f.error.message, t.origin(f.error.offset));
    }
  }
  return { kind: "calls", format, drafts: kept.map((c) => c.draft!) };
}

/** A `syntax_error` outcome at `error.offset` of `t`, mapped to the original output. */
export function malformed(t: Src, ctx: Ctx, format: FormatId, error: { message: string; offset: number }): Outcome {
  return { kind: "malformed", format, problem: ctx.problem("syntax_error", error.message, t.origin(error.offset)) };
}

/** Cuts out and reads the candidate whose name starts at `start` and whose `(` is at `open`. */
function candidateAt(t: Src, start: number, open: number, ctx: Ctx): Candidate {
  const text = t.text;
  const callPosition = inCallPosition(text, start);
  // A sure call ends where its bracket closes, and nests too little to hit the depth limit.
  const sure = ctx.limits.maxDepth > 2 * SURE_DEPTH ? surelyCall(text, start, open) : -1;
  if (sure >= 0 && sure - start <= ctx.limits.maxLength) return { start, open, end: sure, sure: true, callPosition };
  const m = matchBracket(text, open, { maxDepth: ctx.limits.maxDepth });
  if (!m.ok && m.reason === "too_deep") throw new LimitHit("too_deep", `brackets nested deeper than ${ctx.limits.maxDepth}`, t.origin(m.at));
  if (m.ok) {
    const r = readCandidate(t.slice(start, m.end), ctx);
    if ("draft" in r) return { start, open, end: m.end, draft: r.draft, sure: false, callPosition };
    return { start, open, end: m.end, error: { message: r.message, offset: start + r.offset }, sure: false, callPosition };
  }
  if (m.reason === "unclosed") {
    // Output cut off inside the last call: close it.
    const r = readCandidate(t.slice(start).append(m.closers), ctx, false);
    if ("draft" in r) {
      ctx.repair("closer_added", m.closers, t.origin(text.length));
      return { start, open, end: text.length, draft: r.draft, sure: false, callPosition };
    }
    return { start, open, end: text.length, error: { message: `'(' was never closed`, offset: open }, sure: false, callPosition };
  }
  const why = m.reason === "mismatch" ? `unmatched '${text[m.at]}'` : "unterminated string literal";
  return { start, open, end: m.at + 1, error: { message: why, offset: m.at }, sure: false, callPosition };
}

function isCall(c: Candidate): boolean {
  return c.sure || c.draft !== undefined;
}

/**
 * Whether a sure call not read yet is turned down whatever its arguments: no doc names it and it
 * is a built-in, has no keyword argument (no `=`) or sits in code. `print(f(…))` is read as `f`,
 * so a print is always read.
 */
function turnedDownByName(text: string, c: Candidate, equals: NextIndex, ctx: Ctx, inCodeRange: (i: number) => boolean): boolean {
  const dotted = text.slice(c.start, c.open);
  if (dotted === "print") return false;
  const name = stripNamespace(dotted, [], ctx, 0);
  if (ctx.options.docs?.has(name)) return false;
  const eq = equals.from(c.open);
  return BUILTINS.has(name) || eq < 0 || eq >= c.end || inCodeRange(c.start);
}

/** The draft of a call candidate, read now if it was a sure call. */
function readSure(t: Src, c: Candidate, ctx: Ctx): Draft {
  if (c.draft) return c.draft;
  const r = readCandidate(t.slice(c.start, c.end), ctx);
  if (!("draft" in r)) throw new Error(`surelyCall accepted text the parser rejects: ${r.message}`);
  c.draft = r.draft;
  return r.draft;
}

/** Parses one candidate's text as a call; falls back to {@link lenientCall} for non-Python values. */
function readCandidate(c: Src, ctx: Ctx, lenient = true): { draft: Draft } | { message: string; offset: number } {
  // A plain call reads the same through one scan as through the parser, with no note (fastRead.ts).
  const plain = ctx.options.fast ? fastReadWhole(c.root, c.rootStart, c.rootEnd) : undefined;
  if (plain?.length === 1) return { draft: { call: plain[0]!, repairs: [] } };
  const parsed = parsePythonExpression(c.text, { maxBracketDepth: ctx.limits.maxDepth, maxLength: ctx.limits.maxLength });
  if (parsed.ok && parsed.node.type === "Call") {
    const d = draftFromCall(parsed.node, c, ctx);
    if (d) return { draft: d };
    return { message: "not a function call", offset: 0 };
  }
  const loose = lenient ? lenientCall(c, ctx) : undefined;
  if (loose) return { draft: loose };
  if (parsed.ok) return { message: "not a function call", offset: 0 };
  return { message: parsed.error.message, offset: parsed.error.offset };
}

/** Reports what lies between and around the calls that were kept. */
function glueRepairs(t: Src, ctx: Ctx, kept: Candidate[]): void {
  const text = t.text;
  // The text around the calls can be pages long: emphasis and brackets are found with indexOf.
  const stars = new NextIndex(text, "*");
  const ticks = new NextIndex(text, "`");
  const openers = new NextIndex(text, "[");
  const within = (found: NextIndex, a: number, b: number) => {
    const k = found.from(a);
    return k >= 0 && k < b;
  };
  let bracketed = false;
  let emphasized = false;
  for (let s = 0; s <= kept.length; s++) {
    const a = s === 0 ? 0 : kept[s - 1]!.end;
    const b = s === kept.length ? text.length : kept[s]!.start;
    const between = s > 0 && s < kept.length;
    // Up to the first prose character; past it only emphasis and `[` still matter.
    let prose = -1;
    let semicolon = false;
    let newline = false;
    let comma = false;
    for (let i = a; i < b; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x3b) semicolon = true;
      else if (c === 0x0a) newline = true;
      else if (c === 0x2c) comma = true;
      else if (!(c === 0x2a || c === 0x60 || c === 0x5b || c === 0x5d || isSpace(c))) {
        prose = i;
        break;
      }
    }
    const emphasis = within(stars, a, b) || within(ticks, a, b);
    if (s === 0 && within(openers, a, b)) bracketed = true;
    if (prose >= 0) {
      const end = Math.min(b, prose + 60);
      ctx.repair("prose_ignored", snippet(text.slice(prose, end)), t.origin(prose));
    }
    if (emphasis && !emphasized) ctx.repair("emphasis_stripped", undefined, t.origin(a));
    emphasized ||= emphasis;
    if (between && prose < 0) {
      if (semicolon) ctx.repair("calls_split", ";", t.origin(a));
      else if (within(openers, a, b)) ctx.repair("calls_split", "][", t.origin(a));
      else if (newline && !comma) ctx.repair("calls_split", "newline", t.origin(a));
      else if (comma && !bracketed) ctx.repair("brackets_added", undefined, t.origin(0));
    }
  }
}

/** Whether only closing punctuation follows `end` up to the line end or to `next`. */
function endsItsLine(text: string, end: number, next: number | undefined): boolean {
  for (let i = end; i < text.length; i++) {
    if (next !== undefined && i === next) return true;
    const c = text.charCodeAt(i);
    if (c === 0x0a) return true;
    if (!(isSpace(c) || c === 0x5d || c === 0x29 || c === 0x2c || c === 0x3b || c === 0x2a || c === 0x60 || c === 0x2e || c === 0x5b)) {
      return false;
    }
  }
  return true;
}

function inCallPosition(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) return true;
    if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
    return c === 0x5b || c === 0x2c || c === 0x3b || c === 0x28 || c === 0x3a || c === 0x2a || c === 0x60 || c === 0x3e;
  }
  return true;
}

/**
 * Where the candidate name that ends at the `(` at `open` starts, or -1 when none does: the run of
 * name characters and dots before it must be one dotted name (`x.f(`), not the tail of something
 * else (`\f(`, `3f(`, `@f(`, `a..f(`).
 */
function nameBefore(text: string, open: number): number {
  let start = open;
  for (let c = text.charCodeAt(start - 1); start > 0 && (isIdentPart(c) || c === 0x2e); c = text.charCodeAt(start - 1)) start--;
  if (start === open || !isIdentStart(text.charCodeAt(start))) return -1;
  const before = text.charCodeAt(start - 1);
  if (before === 0x5c || before === 0x40) return -1;
  return scanDotted(text, start) === open ? start : -1;
}

/** Nesting, in brackets, up to which {@link surelyCall} answers; deeper text is read by the parser. */
const SURE_DEPTH = 8;

/**
 * The end of the candidate `name(…)` whose name starts at `start` and whose `(` is at `open`, when
 * it surely reads as a call, so that reading it can wait until a check needs its name or
 * arguments; -1 otherwise. It answers only for a plain subset of Python that the parser accepts:
 * ASCII names that are not keywords, positional arguments (`*x` too) then keyword arguments
 * (a trailing comma allowed), decimal numbers, one-line strings without prefixes
 * whose escapes cannot fail (none of `\x`, `\u`, `\U`, `\N`), `True`, `False`, `None`, `...`,
 * lists, tuples, dicts and sets, and names and strings followed by attributes, calls and
 * subscripts (a string by an attribute first: `'{}'.format(x)`). It may answer -1 for a call
 * (the candidate is then read at once); it never answers for text the parser rejects. A
 * backslash in a string escapes the next character for the parser as for {@link matchBracket},
 * so the end is where that finds the closing bracket.
 *
 * @example surelyCall("f(x, y=[1, 'a'])", 0, 1) // 16
 * @example surelyCall("see f(the docs)", 4, 5) // -1
 */
export function surelyCall(text: string, start: number, open: number): number {
  if (!namesChain(text, start, open)) return -1;
  // `print(f(…))` is read as the call inside (draftFromCall), which must then have a name: inside
  // a print, calls are on names only.
  const print = open - start === 5 && text.startsWith("print", start);
  return new Plain(text, text.length, !print).args(open);
}

/** Whether `[from, to)` is `name(.name)*` with no keyword among the names. */
function namesChain(text: string, from: number, to: number): boolean {
  let i = from;
  for (;;) {
    const e = plainName(text, i, to);
    if (e < 0 || isKeyword(text, i, e)) return false;
    if (e === to) return true;
    if (text.charCodeAt(e) !== 0x2e) return false;
    i = e + 1;
  }
}

/**
 * The plain subset's reader. Each method takes the position to read at and returns the position
 * after what it read, or -1 when the text is outside the subset.
 */
class Plain {
  private depth = 0;
  constructor(
    private readonly text: string,
    private readonly end: number,
    /** Whether calls may follow any value (`'{}'.format(x)`, `f(x)(y)`), not only a name chain's first call. */
    private readonly anyCalls: boolean,
  ) {}

  /** `(` at `i`, then positional arguments, then keyword arguments, then `)`. */
  args(i: number): number {
    if (++this.depth > SURE_DEPTH) return -1;
    let keywords = false;
    i = this.space(i + 1);
    if (this.text.charCodeAt(i) !== 0x29) {
      for (;;) {
        const n = plainName(this.text, i, this.end);
        const eq = n < 0 ? -1 : this.space(n);
        if (eq >= 0 && this.text.charCodeAt(eq) === 0x3d && this.text.charCodeAt(eq + 1) !== 0x3d) {
          if (isKeyword(this.text, i, n)) return -1;
          keywords = true;
          i = this.value(this.space(eq + 1));
        } else {
          // `*x` unpacks positional arguments. (`**x` is no subset: it gives keyword arguments
          // without the `=` that turnedDownByName looks for.)
          if (keywords || this.text.charCodeAt(i + 1) === 0x2a) return -1;
          i = this.value(this.text.charCodeAt(i) === 0x2a ? this.space(i + 1) : i);
        }
        if (i < 0) return -1;
        i = this.space(i);
        if (this.text.charCodeAt(i) !== 0x2c) break;
        i = this.space(i + 1);
        if (this.text.charCodeAt(i) === 0x29) break;
      }
    }
    this.depth--;
    return this.text.charCodeAt(i) === 0x29 && i < this.end ? i + 1 : -1;
  }

  /** Values separated by commas up to `close` (a trailing comma allowed); `pairs` for a dict. */
  private items(i: number, close: number, pairs: boolean): number {
    if (++this.depth > SURE_DEPTH) return -1;
    i = this.space(i + 1);
    if (this.text.charCodeAt(i) !== close) {
      for (;;) {
        i = this.value(i);
        if (i < 0) return -1;
        i = this.space(i);
        if (pairs) {
          if (this.text.charCodeAt(i) !== 0x3a) return -1;
          i = this.value(this.space(i + 1));
          if (i < 0) return -1;
          i = this.space(i);
        }
        if (this.text.charCodeAt(i) !== 0x2c) break;
        i = this.space(i + 1);
        if (this.text.charCodeAt(i) === close) break;
      }
    }
    this.depth--;
    return this.text.charCodeAt(i) === close && i < this.end ? i + 1 : -1;
  }

  private value(i: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    if (i >= this.end) return -1;
    if (c === 0x2d /* - */) return this.number(i + 1);
    if (c >= 0x30 && c <= 0x39) return this.number(i);
    if (c === 0x27 || c === 0x22) {
      const e = this.string(i);
      return e >= 0 && text.charCodeAt(e) === 0x2e && this.anyCalls ? this.trailers(e) : e;
    }
    if (c === 0x5b /* [ */) return this.items(i, 0x5d, false);
    if (c === 0x28 /* ( */) return this.items(i, 0x29, false);
    if (c === 0x7b /* { */) return this.dictOrSet(i);
    if (text.startsWith("...", i)) return i + 3;
    const e = plainName(text, i, this.end);
    if (e < 0) return -1;
    if (isKeyword(text, i, e)) {
      const word = text.slice(i, e);
      return word === "True" || word === "False" || word === "None" ? e : -1;
    }
    return this.trailers(e);
  }

  /**
   * Attributes (`.name`), calls and subscripts after a value ending at `e`; without
   * {@link anyCalls}, a name chain with at most one call, then subscripts.
   */
  private trailers(e: number): number {
    const text = this.text;
    let called = false;
    let subscripted = false;
    for (;;) {
      const c = text.charCodeAt(e);
      if (c === 0x2e && (this.anyCalls || !(called || subscripted))) {
        const n = plainName(text, e + 1, this.end);
        if (n < 0 || isKeyword(text, e + 1, n)) return -1;
        e = n;
      } else if (c === 0x28 && (this.anyCalls || !(called || subscripted))) {
        called = true;
        e = this.args(e);
      }
      // A subscript holds at least one index (`x[]` is no Python).
      else if (c === 0x5b && text.charCodeAt(this.space(e + 1)) !== 0x5d) {
        subscripted = true;
        e = this.items(e, 0x5d, false);
      } else return e;
      if (e < 0) return -1;
    }
  }

  /** `{}`, `{k: v, …}` or `{v, …}`. */
  private dictOrSet(i: number): number {
    const first = this.space(i + 1);
    if (this.text.charCodeAt(first) === 0x7d) return first < this.end ? first + 1 : -1;
    const v = this.value(first);
    if (v < 0) return -1;
    return this.items(i, 0x7d, this.text.charCodeAt(this.space(v)) === 0x3a);
  }

  /** `0`, `12`, `3.25`: no leading zeros, exponents, underscores or suffixes. */
  private number(i: number): number {
    const text = this.text;
    let j = i;
    while (j < this.end && isDigit(text.charCodeAt(j))) j++;
    if (j === i || (text.charCodeAt(i) === 0x30 && j > i + 1)) return -1;
    if (text.charCodeAt(j) === 0x2e) {
      const f = ++j;
      while (j < this.end && isDigit(text.charCodeAt(j))) j++;
      if (j === f) return -1;
    }
    const c = text.charCodeAt(j);
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === 0x2e || isDigit(c) ? -1 : j;
  }

  /**
   * A one-line string of printable characters, whose escapes cannot fail: a backslash before
   * any of them but `x`, `u`, `U` and `N` (hex digits or a name that may be wrong).
   */
  private string(i: number): number {
    const text = this.text;
    const q = text.charCodeAt(i);
    let j = i + 1;
    if (text.charCodeAt(j) === q) return text.charCodeAt(j + 1) === q || j >= this.end ? -1 : j + 1;
    for (; j < this.end; j++) {
      let c = text.charCodeAt(j);
      if (c === q) return j + 1;
      if (c === 0x5c) {
        c = text.charCodeAt(++j);
        if (j >= this.end || c === 0x78 || c === 0x75 || c === 0x55 || c === 0x4e) return -1;
      }
      if (!isPlainStringChar(c)) return -1;
    }
    return -1;
  }

  private space(i: number): number {
    const text = this.text;
    for (let c = text.charCodeAt(i); i < this.end && (c === 0x20 || c === 0x0a || c === 0x09); c = text.charCodeAt(++i));
    return i;
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
