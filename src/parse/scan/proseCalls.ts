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
 * `ctx.attempts` candidates are tried per output.
 */
import { parsePythonExpression } from "../python/parser.js";
import { matchBracket } from "./brackets.js";
import { isIdentPart, isIdentStart, scanDotted, snippet } from "./chars.js";
import { BUILTINS, codeRanges, inCode } from "./codeText.js";
import { LimitHit, note, type Ctx, type Draft, type FormatId, type Outcome } from "./diagnostics.js";
import { lenientCall } from "./looseArgs.js";
import { NextIndex } from "./nextIndex.js";
import { draftFromCall } from "./pyCall.js";
import { isSpace, type Src } from "./source.js";

interface Candidate {
  start: number;
  end: number;
  draft?: Draft;
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
    i = cand.draft ? cand.end : open + 1;
  }

  // The start of the first candidate after each one that is a call or stands where a call would.
  const nextStarts: Array<number | undefined> = new Array(cands.length);
  let following: number | undefined;
  for (let k = cands.length - 1; k >= 0; k--) {
    nextStarts[k] = following;
    if (cands[k]!.draft || cands[k]!.callPosition) following = cands[k]!.start;
  }
  const accepted: Candidate[] = [];
  const failures = cands.filter((c) => !c.draft && c.callPosition);
  const docs = ctx.options.docs;
  let code: Array<[number, number]> | undefined;
  const inCodeRange = (i: number) => (code ??= codeRanges(text)).some(([a, b]) => a <= i && i < b);
  for (let k = 0; k < cands.length; k++) {
    const cand = cands[k]!;
    if (!cand.draft) continue;
    const lineStart = accepted.length > 0 ? accepted[accepted.length - 1]!.end : 0;
    const quote = text[cand.start - 1] === "'" || text[cand.start - 1] === '"' ? text[cand.start - 1]! : "";
    const end = quote && text[cand.end] === quote ? cand.end + 1 : cand.end;
    if (!endsItsLine(text, end, nextStarts[k])) continue;
    if (quote && end > cand.end) cand.draft.repairs.push(note("quotes_stripped", "call written as a string", t.origin(cand.start - 1)));
    const call = cand.draft.call;
    const documented = docs?.has(call.name) ?? false;
    if (!documented) {
      // Without a doc naming it, a call in prose must look like an answer, not like code.
      if (inCodeRange(cand.start) || call.args.size === 0 || BUILTINS.has(call.name)) continue;
    }
    if (inCode(text, cand.start, lineStart)) continue;
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
  const m = matchBracket(text, open, { maxDepth: ctx.limits.maxDepth });
  if (!m.ok && m.reason === "too_deep") throw new LimitHit("too_deep", `brackets nested deeper than ${ctx.limits.maxDepth}`, t.origin(m.at));
  if (m.ok) {
    const r = readCandidate(t.slice(start, m.end), ctx);
    if ("draft" in r) return { start, end: m.end, draft: r.draft, callPosition };
    return { start, end: m.end, error: { message: r.message, offset: start + r.offset }, callPosition };
  }
  if (m.reason === "unclosed") {
    // Output cut off inside the last call: close it.
    const r = readCandidate(t.slice(start).append(m.closers), ctx, false);
    if ("draft" in r) {
      ctx.repair("closer_added", m.closers, t.origin(text.length));
      return { start, end: text.length, draft: r.draft, callPosition };
    }
    return { start, end: text.length, error: { message: `'(' was never closed`, offset: open }, callPosition };
  }
  const why = m.reason === "mismatch" ? `unmatched '${text[m.at]}'` : "unterminated string literal";
  return { start, end: m.at + 1, error: { message: why, offset: m.at }, callPosition };
}

/** Parses one candidate's text as a call; falls back to {@link lenientCall} for non-Python values. */
function readCandidate(c: Src, ctx: Ctx, lenient = true): { draft: Draft } | { message: string; offset: number } {
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
