/**
 * The prose and fence scans as they were before they were made faster (commit c0cb3c1), kept
 * as the reference model that test/parse/proseScan.properties.test.ts holds the new code to:
 * scanProse (candidates found character by character, each read at once, the next candidate
 * found by slicing), fence reading (every fence found up front), snippet (a regex) and
 * stripReasoning (twelve searches on every output).
 * Only the exports were renamed; do not change the bodies.
 */
import { parsePythonExpression } from "../../../src/parse/python/parser.js";
import { matchBracket } from "../../../src/parse/scan/brackets.js";
import { isIdentPart, isIdentStart, scanDotted } from "../../../src/parse/scan/chars.js";
import { BUILTINS, codeRanges, inCode } from "../../../src/parse/scan/codeText.js";
import { LimitHit, note, type Ctx, type Draft, type FormatId, type Outcome } from "../../../src/parse/scan/diagnostics.js";
import { lenientCall } from "../../../src/parse/scan/looseArgs.js";
import { NextIndex } from "../../../src/parse/scan/nextIndex.js";
import { draftFromCall } from "../../../src/parse/scan/pyCall.js";
import { isSpace, type Src } from "../../../src/parse/scan/source.js";
import type { TextFormat } from "../../../src/parse/formats/detect.js";

/** snippet() before: a regex over the first 200 characters. */
export function snippetBefore(s: string): string {
  const one = s.slice(0, 200).replace(/\s+/g, " ").trim();
  return one.length > 40 ? `${one.slice(0, 37)}...` : one;
}
const snippet = snippetBefore;

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
export function scanProseBefore(t: Src, ctx: Ctx, format: FormatId): Outcome {
  const text = t.text;
  const n = text.length;
  const cands: Candidate[] = [];
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isIdentStart(c) || (i > 0 && isNameContext(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    const j = scanDotted(text, i);
    if (text.charCodeAt(j) !== 0x28 /* ( */) {
      i = j;
      continue;
    }
    if (ctx.attempts <= 0) break;
    ctx.attempts--;
    const cand = candidateAt(t, i, j, ctx);
    cands.push(cand);
    i = cand.draft ? cand.end : j + 1;
  }

  const accepted: Candidate[] = [];
  const failures = cands.filter((c) => !c.draft && c.callPosition);
  const docs = ctx.options.docs;
  const code = codeRanges(text);
  const inCodeRange = (i: number) => code.some(([a, b]) => a <= i && i < b);
  for (let k = 0; k < cands.length; k++) {
    const cand = cands[k]!;
    if (!cand.draft) continue;
    const next = cands.slice(k + 1).find((c) => c.draft || c.callPosition);
    const lineStart = accepted.length > 0 ? accepted[accepted.length - 1]!.end : 0;
    const quote = text[cand.start - 1] === "'" || text[cand.start - 1] === '"' ? text[cand.start - 1]! : "";
    const end = quote && text[cand.end] === quote ? cand.end + 1 : cand.end;
    if (!endsItsLine(text, end, next?.start)) continue;
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
function malformed(t: Src, ctx: Ctx, format: FormatId, error: { message: string; offset: number }): Outcome {
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
  const segments: Array<[number, number, "before" | "between" | "after"]> = [];
  segments.push([0, kept[0]!.start, "before"]);
  for (let k = 1; k < kept.length; k++) segments.push([kept[k - 1]!.end, kept[k]!.start, "between"]);
  segments.push([kept[kept.length - 1]!.end, text.length, "after"]);
  let bracketed = false;
  let emphasized = false;
  for (const [a, b, where] of segments) {
    let prose = -1;
    let emphasis = false;
    let semicolon = false;
    let newline = false;
    let comma = false;
    let reopen = false;
    for (let i = a; i < b; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x2a || c === 0x60) emphasis = true;
      else if (c === 0x3b) semicolon = true;
      else if (c === 0x0a) newline = true;
      else if (c === 0x2c) comma = true;
      else if (c === 0x5b) {
        if (where === "before") bracketed = true;
        else if (where === "between") reopen = true;
      } else if (c === 0x5d || isSpace(c)) continue;
      else if (prose < 0) prose = i;
    }
    if (prose >= 0) {
      const end = Math.min(b, prose + 60);
      ctx.repair("prose_ignored", snippet(text.slice(prose, end)), t.origin(prose));
    }
    if (emphasis && !emphasized) ctx.repair("emphasis_stripped", undefined, t.origin(a));
    emphasized ||= emphasis;
    if (where === "between" && prose < 0) {
      if (semicolon) ctx.repair("calls_split", ";", t.origin(a));
      else if (reopen) ctx.repair("calls_split", "][", t.origin(a));
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

/** A character before a name that makes it part of something else (`x.f(`, `\f(`, `3f(`, `@f(`). */
function isNameContext(c: number): boolean {
  return isIdentPart(c) || c === 0x2e || c === 0x5c || c === 0x40;
}

export const fenceBefore: TextFormat = {
  id: "gemma",
  detect: (text) => text.includes("```"),
  read(src, ctx, readText) {
    const fences = findFences(src.text);
    const drafts: Draft[] = [];
    let format: FormatId | undefined;
    let bad: Outcome | undefined;
    let first: Fence | undefined;
    let last: Fence | undefined;
    let noCall: Outcome | undefined;
    for (const f of fences.slice(0, MAX_FENCES)) {
      if (last && src.text.slice(last.after, f.open).trim() !== "") break;
      const mark = ctx.mark();
      ctx.repair("fence_stripped", f.tag || undefined, src.origin(f.open));
      if (!f.closed) ctx.repair("closer_added", "```", src.origin(f.to));
      const o = readText(src.slice(f.from, f.to), ctx, f.tag === "tool_code" ? "gemma" : undefined);
      if (o.kind === "calls") {
        drafts.push(...o.drafts);
        format ??= o.format;
        first ??= f;
        last = f;
        continue;
      }
      ctx.rollback(mark);
      if (last) break;
      if (o.kind === "malformed") bad ??= o;
      if (o.kind === "no_call") noCall ??= o;
    }
    if (drafts.length === 0) {
      if (bad) return bad;
      if (noCall && noCall.kind === "no_call" && noCall.reason === "empty_call_list") return noCall;
      return { kind: "none" };
    }
    const before = src.text.slice(0, first!.open).trim();
    const after = src.text.slice(last!.after).trim();
    if (before !== "") ctx.repair("prose_ignored", snippet(before), src.origin(0));
    if (after !== "") ctx.repair("prose_ignored", snippet(after), src.origin(last!.after));
    return { kind: "calls", format: format!, drafts };
  },
};

function findFences(text: string): Fence[] {
  const out: Fence[] = [];
  const newlines = new NextIndex(text, "\n");
  let i = text.indexOf("```");
  while (i >= 0 && out.length <= MAX_FENCES) {
    let run = i;
    while (text.charCodeAt(run) === 0x60) run++;
    const ticks = text.slice(i, run);
    const nl = newlines.from(run);
    const lineEnd = nl < 0 ? text.length : nl;
    const info = text.slice(run, lineEnd).trim();
    const tagged = info.length <= 40 && /^[\w+#.-]*$/.test(info);
    const from = tagged ? (nl < 0 ? text.length : nl + 1) : run;
    const close = text.indexOf(ticks, from);
    if (close < 0) {
      out.push({ open: i, from, to: text.length, after: text.length, tag: tagged ? info : "", closed: false });
      break;
    }
    let after = close;
    while (text.charCodeAt(after) === 0x60) after++;
    out.push({ open: i, from, to: close, after, tag: tagged ? info : "", closed: true });
    i = text.indexOf("```", after);
  }
  return out;
}

/** Fences read, at most; calls come from the first fences that hold any. */
const MAX_FENCES = 64;

interface Fence {
  open: number;
  from: number;
  to: number;
  after: number;
  tag: string;
  closed: boolean;
}

/** Most reasoning blocks cut per tag pair; more are left in the text. */
const MAX_BLOCKS = 16;

const PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["<think>", "</think>"],
  ["<thinking>", "</thinking>"],
  ["<reasoning>", "</reasoning>"],
  ["[THINK]", "[/THINK]"],
  ["◁think▷", "◁/think▷"],
  ["<|begin_of_thought|>", "<|end_of_thought|>"],
];

/** Markers that start an answer after an unterminated reasoning block. */
const ANSWER_MARKERS = [
  "<tool_call>",
  "[TOOL_CALLS]",
  "<|python_tag|>",
  "<function=",
  "<function_call>",
  "<|tool_call|>",
  "<｜tool▁calls▁begin｜>",
  "<|tool_calls_section_begin|>",
  "<|tool_call_start|>",
  "functools[",
];

/** stripReasoning() before: twelve searches on every output. */
export function stripReasoningBefore(src: Src, ctx: Ctx): { src: Src; removed: boolean } {
  let cur = src;
  let removed = false;
  for (const [open, close] of PAIRS) {
    const text = cur.text;
    const cuts: Array<[number, number, string]> = [];
    const opens = new NextIndex(text, open);
    const closes = new NextIndex(text, close);
    let pos = 0;
    for (let guard = 0; guard < MAX_BLOCKS; guard++) {
      const o = opens.from(pos);
      const c = closes.from(pos);
      if (o < 0 && c < 0) break;
      let cut: [number, number];
      let detail = open;
      if (c >= 0 && (o < 0 || c < o)) cut = [pos, c + close.length];
      else {
        const end = closes.from(o + open.length);
        if (end >= 0) cut = [o, end + close.length];
        else {
          detail = `${open} (unterminated)`;
          cut = [o, answerStart(text, o + open.length)];
        }
      }
      ctx.repair("reasoning_removed", detail, cur.origin(cut[0]));
      cuts.push([cut[0], cut[1], ""]);
      if (cut[1] <= pos) break;
      pos = cut[1];
    }
    if (cuts.length > 0) {
      cur = cur.edit(cuts);
      removed = true;
    }
  }
  return { src: cur, removed };
}

function answerStart(text: string, from: number): number {
  let best = -1;
  for (const m of ANSWER_MARKERS) {
    const k = text.indexOf(m, from);
    if (k >= 0 && (best < 0 || k < best)) best = k;
  }
  if (best >= 0) return best;
  let end = text.length;
  while (end > from && /\s/.test(text[end - 1]!)) end--;
  const para = text.lastIndexOf("\n\n", end);
  return para > from ? para + 2 : text.length;
}
