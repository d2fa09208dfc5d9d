/**
 * tree-sitter's error recovery, reduced to the question BFCL asks: does the tree end up with an
 * ERROR node? (BFCL fails the decode then, while MISSING nodes are tolerated.)
 *
 * When no parse survives a token L, tree-sitter (parser.c, `ts_parser__handle_error`) tries
 * the grammar's tokens in symbol order and inserts the first one t after which L can be
 * shifted (`f(a=1;` gets a MISSING `)`, `f(a=1)` at the end a MISSING `;`). It also keeps
 * alternatives that wrap tokens in ERROR, and the tree with the lowest error cost wins:
 *
 * - a MISSING token costs 610 (ERROR_COST_PER_MISSING_TREE 110 + ERROR_COST_PER_RECOVERY 500);
 * - skipping the lookahead, or popping the tree before it, costs 500 + 100 per tree + 1 per
 *   byte + 30 per line, which is no more than 610 for up to 10 bytes (ties go to ERROR, as
 *   observed);
 * - at the end of input, wrapping the unfinished statement costs 500 + 100 per tree + its bytes,
 *   which is no more than 610 for an expression statement of at most 10 bytes: under
 *   py-tree-sitter, `[f(a=1)]` is an ERROR for BFCL's Java decoder.
 *
 * This module implements that comparison over a recursive-descent parser; the language decides
 * what counts as one tree and when tree-sitter's first GLR version cannot take a MISSING token
 * at all ({@link RecoveryPolicy}). It is a model, not tree-sitter: the remaining differences
 * are measured by test/bfcl/decodeJavaJs.oracle.test.ts.
 */

import type { TokenSeq } from "./tokenSeq.js";

export interface RecoveryToken {
  kind: string;
  start: number;
  end: number;
  missing?: boolean;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * One pass of a parser over a token array: a tree, or where it stopped and what it expected
 * there. `before` maps the position of each MISSING token the parse used to the span of the
 * sibling right before it: the tree tree-sitter would have on top of its stack there.
 */
export type Attempt<Tree> =
  | { ok: true; tree: Tree; before: ReadonlyMap<number, Span> }
  | { ok: false; at: number; expected: ReadonlySet<string>; before: ReadonlyMap<number, Span> };

export interface Candidate {
  /** The token kind to insert (as the parser sees it, e.g. `;` or `word`). */
  kind: string;
  /** The expectation name the parser records for it (e.g. `;` or `identifier`). */
  expect: string;
  /** Lookahead kinds that would be shifted right after this token, not reduced: no insertion then. */
  notBefore?: ReadonlySet<string>;
}

export interface RecoveryPolicy<T extends RecoveryToken, Tree> {
  /** Insertable tokens in the grammar's symbol order. */
  candidates: readonly Candidate[];
  maxMissing: number;
  /** tree-sitter's byte count of `src[start, end)`: UTF-8 for py-tree-sitter. */
  bytes(start: number, end: number): number;
  /** Newlines in `src[start, end)`. */
  rows(start: number, end: number): number;
  /**
   * True when tree-sitter's first GLR version at token `at` is a reading in which no MISSING token
   * can help (it alone gets error recovery), so the recovery ends in ERROR.
   */
  shadowed(tokens: TokenSeq<T>, at: number): boolean;
  /**
   * True when the token after a skipped one cannot resume the parse: tree-sitter lexes it in its
   * error state, where every keyword is a keyword (`to`, `default`), valid or not.
   */
  cannotResume(token: T): boolean;
  /**
   * True when popping the token before `at` is not an alternative tree-sitter keeps: a list
   * separator whose pop would merge with the MISSING version, or (language-specific) a pop that
   * tree-sitter's pruning of GLR versions was observed to drop.
   */
  mergesWithMissing(tokens: TokenSeq<T>, at: number): boolean;
  /**
   * At the end of input, after MISSING tokens completed the tree: the cost of wrapping the
   * unfinished last statement in ERROR instead, and the number of MISSING tokens that avoid it.
   */
  eofAlternative(tree: Tree): { wrapCost: number; missing: number };
}

export interface RecoveryResult<Tree> {
  tree: Tree | undefined;
  /** Number of MISSING tokens inserted. */
  missing: number;
  /** Token index (in the original tokens) of the error, when `tree` is undefined. */
  errorAt: number;
}

/**
 * How tree-sitter counts bytes in error costs: py-tree-sitter (BFCL) parses UTF-8, the Node
 * binding UTF-16. Only the oracle test needs "utf16".
 */
export type CostUnit = "utf8" | "utf16";

/** tree-sitter's cost of one MISSING token. */
export const MISSING_COST = 610;
const RECOVERY = 500;
const SKIPPED_TREE = 100;
const SKIPPED_LINE = 30;

/**
 * Parses, inserting MISSING tokens while tree-sitter would, and reports whether it ends clean.
 *
 * @example recoverWithMissing(tokens, attempt, JAVA_POLICY).tree // a tree, or undefined for ERROR
 */
export function recoverWithMissing<T extends RecoveryToken, Tree>(
  tokens: TokenSeq<T>,
  attempt: (tokens: TokenSeq<T>) => Attempt<Tree>,
  policy: RecoveryPolicy<T, Tree>,
): RecoveryResult<Tree> {
  let current = tokens;
  for (let missing = 0; ; missing++) {
    const r = attempt(current);
    if (r.ok) return { tree: r.tree, missing, errorAt: -1 };
    const errorAt = r.at - missing;
    if (missing >= policy.maxMissing || policy.shadowed(current, r.at)) return { tree: undefined, missing, errorAt };
    const next = tryInsert(current, r, attempt, policy.candidates);
    if (!next || cheaperToSkip(current, r.at, next, attempt, policy)) return { tree: undefined, missing, errorAt };
    if (next.tree && current.get(r.at)!.kind === "eof") {
      const alt = policy.eofAlternative(next.tree);
      if (alt.wrapCost <= alt.missing * MISSING_COST) return { tree: undefined, missing, errorAt };
    }
    current = next.tokens;
  }
}

function tryInsert<T extends RecoveryToken, Tree>(
  tokens: TokenSeq<T>,
  failure: { at: number; expected: ReadonlySet<string> },
  attempt: (tokens: TokenSeq<T>) => Attempt<Tree>,
  candidates: readonly Candidate[],
): { tokens: TokenSeq<T>; tree?: Tree; reach: number; before?: Span } | undefined {
  const at = failure.at;
  const lookahead = tokens.get(at)!;
  for (const c of candidates) {
    if (!failure.expected.has(c.expect)) continue;
    if (c.notBefore?.has(lookahead.kind)) continue;
    const pos = at > 0 ? tokens.get(at - 1)!.end : 0;
    const inserted = { kind: c.kind, start: pos, end: pos, missing: true } as T;
    const next = tokens.insert(at, inserted);
    const r = attempt(next);
    // The lookahead must be consumed after the inserted token.
    const before = r.before.get(pos);
    if (r.ok) return { tokens: next, tree: r.tree, reach: Infinity, before };
    if (r.at > at + 1) return { tokens: next, reach: r.at - 1, before };
  }
  return undefined;
}

/**
 * Whether wrapping a tree in ERROR is no dearer than the MISSING token: skipping the lookahead
 * (the second `,` of `a,,b`), or popping the tree before it (the first `.` of `X..m()`, the `,`
 * of `x.f(a=1,)`, the whole call in `f(a=1) g(b=2)`) costs 500 + 100 + its bytes, at most 610
 * for a short one. It wins when the parse then gets at least as far as with the MISSING token.
 */
function cheaperToSkip<T extends RecoveryToken, Tree>(
  tokens: TokenSeq<T>,
  at: number,
  missingPath: { reach: number; before?: Span },
  attempt: (tokens: TokenSeq<T>) => Attempt<Tree>,
  policy: RecoveryPolicy<T, Tree>,
): boolean {
  // A span of 10 or more characters costs at least 610: never cheaper, and never measured.
  const cheap = (start: number, end: number) =>
    end - start <= 10 && RECOVERY + SKIPPED_TREE + policy.bytes(start, end) + SKIPPED_LINE * policy.rows(start, end) <= MISSING_COST;
  const reach = missingPath.reach;
  const L = tokens.get(at)!;
  if (L.kind === "eof") return false;
  // Indices below are mapped back to `tokens`: the skip removed tokens before them.
  if (cheap(L.start, L.end) && !policy.cannotResume(tokens.get(at + 1)!)) {
    const r = attempt(tokens.remove(at, at + 1));
    if (r.ok || (r.at > at && r.at + 1 >= reach)) return true;
  }
  const tree = missingPath.before;
  if (!tree || !cheap(tree.start, tree.end)) return false;
  let first = at;
  while (first > 0 && tokens.get(first - 1)!.start >= tree.start) first--;
  const P = tokens.get(first);
  if (first === at || P!.missing || (at - first === 1 && policy.mergesWithMissing(tokens, at))) return false;
  const removed = at - first;
  const r = attempt(tokens.remove(first, at));
  return r.ok || (r.at >= first + 1 && r.at + removed >= reach);
}

/** The ERROR-wrap cost of `trees` trees over `bytes` and `rows` (see {@link RecoveryPolicy.eofAlternative}). */
export function wrapCost(trees: number, bytes: number, rows: number): number {
  return RECOVERY + SKIPPED_TREE * trees + bytes + SKIPPED_LINE * rows;
}

/** {@link RecoveryPolicy.bytes} and {@link RecoveryPolicy.rows} over one source text. */
export function sourceCosts(src: string, unit: CostUnit): Pick<RecoveryPolicy<RecoveryToken, unknown>, "bytes" | "rows"> {
  return {
    bytes: (start, end) => (unit === "utf8" ? utf8Bytes(src, start, end) : 2 * (end - start)),
    rows: (start, end) => newlines(src, start, end),
  };
}

/** The text of a word token; "" for any other token and for a MISSING word. */
export function wordText(src: string, t: RecoveryToken | undefined): string {
  return t && t.kind === "word" && !t.missing ? src.slice(t.start, t.end) : "";
}

/** The keyword sets of a grammar that its error state depends on (each language's keywords.ts). */
export interface KeywordSets {
  KEYWORDS: ReadonlySet<string>;
  RESERVED_IDENTIFIERS: ReadonlySet<string>;
  EXPRESSION_START: ReadonlySet<string>;
}

/**
 * {@link RecoveryPolicy.cannotResume} for a grammar with these keywords: in the error state a
 * keyword is lexed as a keyword, so one that is not also an identifier and cannot start an
 * expression stops the parse from resuming.
 */
export function keywordCannotResume(src: string, keywords: KeywordSets): (token: RecoveryToken) => boolean {
  return (token) => {
    const w = wordText(src, token);
    return keywords.KEYWORDS.has(w) && !keywords.RESERVED_IDENTIFIERS.has(w) && !keywords.EXPRESSION_START.has(w);
  };
}

/**
 * True when the token before `at` is a `,` with another `,` before it in the same bracketed list
 * (`f(a=1, b=2,` but not `f(a=1,`): popping it would merge with the MISSING version (see
 * {@link RecoveryPolicy.mergesWithMissing}).
 */
export function isLaterListComma<T extends RecoveryToken>(tokens: TokenSeq<T>, at: number): boolean {
  if (tokens.get(at - 1)!.kind !== ",") return false;
  let depth = 0;
  for (let i = at - 2; i >= 0; i--) {
    const k = tokens.get(i)!.kind;
    if (k === ")" || k === "]" || k === "}") depth++;
    else if (k === "(" || k === "[" || k === "{") {
      if (depth === 0) return false;
      depth--;
    } else if (k === "," && depth === 0) return true;
  }
  return false;
}

/** UTF-8 length of `src[start, end)`, without allocating. */
export function utf8Bytes(src: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = src.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return n;
}

/** Number of `\n` in `src[start, end)`. */
export function newlines(src: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (src.charCodeAt(i) === 0x0a) n++;
  return n;
}
