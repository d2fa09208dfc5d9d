/**
 * Reads calls written in Python syntax: `[f(a=1), g(b='x')]`, bare calls separated by `,`, `;` or
 * newlines, calls inside prose or code, `print(default_api.f(...))`, markdown-escaped names.
 *
 * First the whole text is parsed as one Python expression (a call, or a list or tuple of calls,
 * also once wrapped in the brackets BFCL adds): clean output never goes further. Otherwise calls
 * are looked for inside prose (proseCalls.ts), then as name lists (nameLists.ts). Text that opens
 * like a call and yields none is malformed, with the Python parser's error.
 */
import type { Call as CallNode, Expr } from "../python/ast.js";
import { SyntaxErrorSignal } from "../python/errors.js";
import { parsePythonExpression, type ParseResult as PyParse } from "../python/parser.js";
import { splitStringToken } from "../python/strings.js";
import { KEYWORDS, Tokenizer, type Token } from "../python/tokenizer.js";
import { isIdentStart, isKeyword, plainName, scanDotted, snippet } from "./chars.js";
import { LimitHit, note, type Ctx, type Draft, type FormatId, type Outcome } from "./diagnostics.js";
import { readNameLists } from "./nameLists.js";
import { malformed, scanProse } from "./proseCalls.js";
import { draftFromCall } from "./pyCall.js";
import { isSpace, Src } from "./source.js";
import { fastReadWhole } from "../fastRead.js";

/**
 * Calls in Python syntax anywhere in `src`.
 *
 * @example readPythonCalls(Src.of("Sure! [get_weather(city='Paris')]"), ctx) // calls: get_weather(city='Paris'); repair prose_ignored
 */
export function readPythonCalls(src: Src, ctx: Ctx, format: FormatId = "python"): Outcome {
  let t = src.trim();
  if (t.length === 0) return { kind: "none" };
  if (t.text.includes("\\_") || t.text.includes("\\*")) {
    const whole = ctx.options.fast && escapeOutsideStrings(t.text, ctx.limits.maxDepth) ? undefined : readWhole(t, ctx, format);
    if (whole) return whole;
    t = unescapeMarkdown(t, ctx);
  }
  const whole: WholeParse = {};
  const r = readWhole(t, ctx, format, whole) ?? readBracketed(t, ctx, format) ?? scanProse(t, ctx, format);
  if (r.kind !== "none") return r;
  const named = readNameLists(t, ctx, format);
  if (named) return named;
  return startsLikeCall(t.text) ? wholeError(t, ctx, format, whole.parsed) : r;
}

/** The whole-text parse {@link readWhole} made, kept for the error report of text it could not read. */
interface WholeParse {
  parsed?: PyParse;
}

/** `[f(`, `f(`, `**f(`: text that opens as a call, so failing to read it is "malformed", not prose. */
function startsLikeCall(text: string): boolean {
  let i = 0;
  while (i < text.length && (text[i] === "[" || text[i] === "*" || text[i] === "`" || isSpace(text.charCodeAt(i)))) i++;
  if (!isIdentStart(text.charCodeAt(i))) return false;
  const j = scanDotted(text, i);
  return text[j] === "(";
}

function wholeError(t: Src, ctx: Ctx, format: FormatId, already?: WholeParse["parsed"]): Outcome {
  const parsed = already ?? parsePythonExpression(t.text, { maxBracketDepth: ctx.limits.maxDepth, maxLength: ctx.limits.maxLength });
  const error = parsed.ok ? { message: "the call list holds something that is not a call", offset: 0 } : parsed.error;
  return malformed(t, ctx, format, error);
}

/**
 * BFCL's own repair: bare calls (`f(a=1),\ng(b=2)`) become a list once wrapped in brackets, and
 * a list missing its `]` gets one.
 */
function readBracketed(t: Src, ctx: Ctx, format: FormatId): Outcome | undefined {
  const text = t.text;
  const open = text.startsWith("[");
  const close = text.endsWith("]");
  if (open && close) return undefined;
  if (!open && !isIdentStart(text.charCodeAt(0))) return undefined;
  // Calls need a `(`; without one the parse below can only fail, and can only throw when the
  // added bracket takes the nesting past the limit.
  if (ctx.options.fast && ((!text.includes("(") && openingBrackets(text) + 1 <= ctx.limits.maxDepth) || opensWithTwoNames(text))) return undefined;
  const wrapped = open ? t.append("]") : close ? t.edit([[0, 0, "["]]) : t.edit([[0, 0, "["]]).append("]");
  const mark = ctx.mark();
  ctx.repair(open ? "closer_added" : "brackets_added", open ? "]" : undefined, t.origin(open ? text.length : 0));
  const r = readWhole(wrapped, ctx, format);
  if (r?.kind === "calls") return r;
  ctx.rollback(mark);
  return undefined;
}

/** The whole text as one call, or a list/tuple of calls; undefined when it is something else. */
function readWhole(t: Src, ctx: Ctx, format: FormatId, keep?: WholeParse): Outcome | undefined {
  const c = t.text.charCodeAt(0);
  if (c !== 0x5b && c !== 0x28 && c !== 0x27 && c !== 0x22 && !isIdentStart(c)) return undefined;
  // Without a `(` there is no call, and only a text opening with `[` can be the empty list; the
  // parser could still stop at the nesting limit, which takes more brackets than the text has.
  if (ctx.options.fast && c !== 0x5b && !t.text.includes("(") && openingBrackets(t.text) <= ctx.limits.maxDepth) return undefined;
  if (ctx.options.fast && opensWithTwoNames(t.text)) return undefined;
  // A plain call list reads the same through one scan (fastRead.ts) as through the parser below.
  const plain = ctx.options.fast ? fastReadWhole(t.root, t.rootStart, t.rootEnd) : undefined;
  if (plain) return { kind: "calls", format, drafts: plain.map((call) => ({ call, repairs: [] })) };
  // Prose fails the parse at once; the tokenizer alone tells, without the parser's recursion.
  if (ctx.options.fast && surelyFailsAsExpression(t.text, ctx.limits.maxDepth)) return undefined;
  const parsed = parsePythonExpression(t.text, { maxBracketDepth: ctx.limits.maxDepth, maxLength: ctx.limits.maxLength });
  if (keep) keep.parsed = parsed;
  if (!parsed.ok) {
    if (parsed.error.message.startsWith("too many nested")) {
      throw new LimitHit("too_deep", `brackets nested deeper than ${ctx.limits.maxDepth}`, t.origin(parsed.error.offset));
    }
    return undefined;
  }
  const node = parsed.node;
  if (node.type === "Constant" && typeof node.value === "string" && (c === 0x27 || c === 0x22)) {
    // '[f(a=1)]': the whole answer quoted.
    const inner = t.slice(1, t.length - 1);
    const mark = ctx.mark();
    ctx.repair("quotes_stripped", undefined, t.origin(0));
    const r = readWhole(inner.trim(), ctx, format);
    if (r && r.kind === "calls") return r;
    ctx.rollback(mark);
    return undefined;
  }
  if (node.type === "Call") {
    const d = draftFromCall(node, t, ctx);
    return d ? { kind: "calls", format, drafts: [d] } : undefined;
  }
  if (node.type !== "List" && node.type !== "Tuple" && node.type !== "Set") return undefined;
  if (node.elts.length === 0) return node.type === "List" ? { kind: "no_call", format, reason: "empty_call_list" } : undefined;
  const drafts: Draft[] = [];
  const dropped: Expr[] = [];
  const visit = (elts: Expr[], nested: boolean) => {
    for (const e of elts) {
      if (e.type === "List" || e.type === "Tuple") {
        visit(e.elts, true);
        continue;
      }
      const operands = e.type === "BinOp" ? callOperands(e) : undefined;
      if (operands) {
        for (const c of operands) {
          const d = draftFromCall(c, t, ctx);
          if (!d) continue;
          d.repairs.push(note("calls_combined", undefined, t.origin(c.start)));
          drafts.push(d);
        }
        continue;
      }
      const d = e.type === "Call" ? draftFromCall(e, t, ctx) : e.type === "Constant" && typeof e.value === "string" ? quotedCall(e.value, t, e.start, ctx) : undefined;
      if (!d) {
        dropped.push(e);
        continue;
      }
      if (nested) d.repairs.push(note("list_flattened", undefined, t.origin(e.start)));
      drafts.push(d);
    }
  };
  visit(node.elts, false);
  ctx.checkCalls(drafts.length, t.origin(0));
  if (drafts.length === 0) return undefined;
  if (node.type === "Tuple" && c !== 0x28) ctx.repair("brackets_added", undefined, t.origin(0));
  for (const e of dropped) ctx.repair("prose_ignored", `list element that is not a call: ${snippet(t.text.slice(e.start, e.end))}`, t.origin(e.start));
  return { kind: "calls", format, drafts };
}

/**
 * Whether {@link readPythonCalls} is sure to find nothing (and to stop at no limit) in `text`: it
 * has no `(` (every call, and every malformed call, has one), no `[` opening a name list after
 * commas and spaces, no markdown escape that could make one, and too few brackets for the parser
 * to reach `maxDepth`, even with the `[` the bracketed reading adds.
 */
export function cannotHoldPythonCalls(text: string, maxDepth: number): boolean {
  if (text.includes("(") || text.includes("\\_") || text.includes("\\*")) return false;
  let i = 0;
  while (i < text.length && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 0x2c)) i++;
  return text.charCodeAt(i) !== 0x5b && openingBrackets(text) + 1 <= maxDepth;
}

/**
 * Whether the text opens with two names side by side (`To calculate…`, `Here is`): Python reads
 * no expression there, so a parse of the whole text, bracketed or not, fails at the second name,
 * before any bracket. Keywords are excluded (`x if y`, `not in`), and so is a second name that
 * may prefix a string (`u'…'`).
 */
function opensWithTwoNames(text: string): boolean {
  const a = asciiName(text, 0);
  if (a < 0 || isKeyword(text, 0, a)) return false;
  let b = a;
  while (text.charCodeAt(b) === 0x20 || text.charCodeAt(b) === 0x09) b++;
  if (b === a) return false;
  const e = asciiName(text, b);
  if (e < 0 || isKeyword(text, b, e)) return false;
  const next = text.charCodeAt(e);
  return next !== 0x27 && next !== 0x22;
}

/** End of the ASCII name at `i`, or -1, also when a non-ASCII letter continues it. */
function asciiName(text: string, i: number): number {
  const j = plainName(text, i);
  return j >= 0 && text.charCodeAt(j) >= 0x80 ? -1 : j;
}

/** The number of `(`, `[` and `{` in the text: a bound on how deep the Python tokenizer nests. */
function openingBrackets(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 || c === 0x5b || c === 0x7b) n++;
  }
  return n;
}

/** The calls of `f(…) + g(…) + h(…)`, when every operand is a call. */
function callOperands(e: Expr): CallNode[] | undefined {
  if (e.type === "Call") return [e];
  if (e.type !== "BinOp") return undefined;
  const l = callOperands(e.left);
  const r = l && callOperands(e.right);
  return l && r ? [...l, ...r] : undefined;
}

/** Tokens {@link surelyFailsAsExpression} reads at most before it leaves the question to the parser. */
const FAIL_SCAN_TOKENS = 64;

/** Keywords that only statements hold: no expression has one, not even as an attribute's name. */
const STATEMENT_KEYWORDS: ReadonlySet<string> = new Set([
  "assert", "break", "class", "continue", "def", "del", "elif", "except", "finally", "global", "import", "nonlocal", "pass", "raise", "return", "try", "while", "with",
]);

/**
 * What a token is to {@link surelyFailsAsExpression}: an atom (a name that is not a keyword, or a
 * number) starts and ends an operand; a string too, and a string may follow it; `)`, `]` and `}`
 * end one; anything else is neither.
 */
const NEITHER = 0;
const ATOM = 1;
const STRING = 2;
const CLOSE = 3;

function operandOf(t: Token): number {
  if (t.type === "number" || (t.type === "name" && !KEYWORDS.has(t.value))) return ATOM;
  if (t.type === "string") return STRING;
  if (t.type === "op" && (t.value === ")" || t.value === "]" || t.value === "}")) return CLOSE;
  return NEITHER;
}

/**
 * Whether parsePythonExpression(text) surely fails, and not on the nesting limit (the one failure
 * that stops the reading, in {@link readWhole}): Python's tokenizer (the parser's own, with its
 * limit) meets an error, a token follows a line break outside brackets, where no expression goes
 * on, a keyword only statements hold appears (`return [f(a=1)]`), or an operand follows an
 * operand with nothing between (`f(a=1) will compute`, `f(x) "done"`, `x 1`; but strings side by
 * side are one string). Found without the parser, whose recursion unwinds from deep on prose's
 * first odd character (`Sure! Here…`). Undecided (false) at the end of the text, after
 * {@link FAIL_SCAN_TOKENS} tokens, and at an f-string, whose fields the parser reads with
 * tokenizers of its own.
 *
 * @example surelyFailsAsExpression("Sure! [f(a=1)]", 100) // true: `!` is no Python
 * @example surelyFailsAsExpression("[f(a=1)]\nDone.", 100) // true: a name after the line break
 */
export function surelyFailsAsExpression(text: string, maxDepth: number): boolean {
  if (startsNoToken(text, 0)) return true;
  const tokens = new Tokenizer(text, 0, text.length, { maxBracketDepth: maxDepth });
  try {
    let lineBreak = false;
    let before = NEITHER;
    for (let k = 0; k < FAIL_SCAN_TOKENS; k++) {
      const t = tokens.next();
      if (t.type === "end") return false;
      if (t.type === "newline") lineBreak = true;
      else if (lineBreak) return true;
      else if (t.type === "string" && splitStringToken(t.value, 0, t.value.length).fstring) return false;
      if (t.type === "name" && STATEMENT_KEYWORDS.has(t.value)) return true;
      const now = operandOf(t);
      if (before !== NEITHER && (now === ATOM || now === STRING) && !(before === STRING && now === STRING)) return true;
      before = now;
      // The tokenizer would throw there: seen first, as throwing costs more than the scan.
      if (startsNoToken(text, t.end)) return true;
    }
    return false;
  } catch (e) {
    return e instanceof SyntaxErrorSignal && !e.reason.startsWith("too many nested");
  }
}

/**
 * Whether the tokenizer fails at the next character after spaces and tabs from `i`: one that
 * starts no Python token (`!` but in `!=`, `$`, `?`, a backtick), as prose's punctuation does.
 */
function startsNoToken(text: string, i: number): boolean {
  let c = text.charCodeAt(i);
  while (c === 0x20 || c === 0x09) c = text.charCodeAt(++i);
  return c === 0x24 || c === 0x3f || c === 0x60 || (c === 0x21 && text.charCodeAt(i + 1) !== 0x3d);
}

/** `"f(a=1)"`: a call written as a string in the call list. */
function quotedCall(value: string, t: Src, at: number, ctx: Ctx): Draft | undefined {
  const inner = Src.of(value.trim());
  const parsed = parsePythonExpression(inner.text, { maxBracketDepth: ctx.limits.maxDepth, maxLength: ctx.limits.maxLength });
  if (!parsed.ok || parsed.node.type !== "Call") return undefined;
  const d = draftFromCall(parsed.node, inner, ctx);
  if (d) d.repairs.push(note("quotes_stripped", "call written as a string", t.origin(at)));
  return d;
}

/**
 * Whether the first backslash of `text` is a markdown escape (`\_`, `\*`) that Python's tokenizer
 * meets outside any string or comment (no quote or `#` before it), where it is an error: the
 * whole-text reading then fails, and cannot reach the nesting limit first (too few brackets before).
 */
export function escapeOutsideStrings(text: string, maxDepth: number): boolean {
  const k = text.indexOf("\\");
  if (k < 0 || (text.charCodeAt(k + 1) !== 0x5f && text.charCodeAt(k + 1) !== 0x2a)) return false;
  const before = text.slice(0, k);
  return !before.includes("'") && !before.includes('"') && !before.includes("#") && openingBrackets(before) <= maxDepth;
}

/** `\_` → `_` (and `\*`, `\[`, `\]`) everywhere: markdown escaping is applied to the whole text. */
function unescapeMarkdown(t: Src, ctx: Ctx): Src {
  const edits: Array<[number, number, string]> = [];
  const text = t.text;
  for (let i = 0; i < text.length - 1; i++) {
    if (text.charCodeAt(i) === 0x5c && (text[i + 1] === "_" || text[i + 1] === "*" || text[i + 1] === "[" || text[i + 1] === "]")) {
      edits.push([i, i + 2, text[i + 1]!]);
      i++;
    }
  }
  if (edits.length > 0) ctx.repair("markdown_unescaped", `${edits.length} escapes`, t.origin(edits[0]![0]));
  return t.edit(edits);
}
