/**
 * The state of one recursive-descent pass over tokens, shared by the Java and JavaScript
 * parsers: position, the furthest point a token check failed (tree-sitter reports the same
 * place: the first token at which no parse of the prefix survives), the token kinds that were
 * acceptable there, node building with comments placed the way tree-sitter places them, and
 * the list and block shapes both grammars are made of. {@link parseSource} runs such passes
 * under the error-recovery model (recovery.ts) for a whole source text.
 *
 * Backtracking is by position marks. A mark also carries how many `>` characters of the
 * current token were consumed, because `List<List<String>>` closes two type-argument lists
 * with one `>>` token.
 */
import { type CstNode, leaf } from "./cst.js";
import { type Attempt, type CostUnit, type RecoveryPolicy, type Span, recoverWithMissing } from "./recovery.js";
import { sourcePosition } from "./sourcePosition.js";
import { TokenSeq } from "./tokenSeq.js";

/** A token as the parsers see it. */
export interface Token {
  /** Punctuation text (`(`, `>>=`), or a class: `word`, `literal`, `string`, `eof`, … */
  kind: string;
  start: number;
  end: number;
  /** For literals: the tree-sitter node type (`decimal_integer_literal`, `number`, …). */
  node?: string;
  /** Tokens of embedded expressions (string-template interpolations, JSX containers). */
  parts?: Token[][];
  /** A zero-width token that error recovery inserted (tree-sitter's MISSING node). */
  missing?: boolean;
}

/** A lexer's result: the tokens (the last one `eof`) and the comments, or where and why it failed. */
export type LexResult = { ok: true; tokens: Token[]; comments: Token[] } | { ok: false; at: number; reason: string };

export type Mark = number;

/** Raised (and caught at the top) when the input is too deep or too expensive to parse. */
export class ParseLimit extends Error {}

/** Bounds that keep any input string from exhausting the stack or the CPU. */
export const MAX_DEPTH = 400;
const MAX_STEPS_PER_TOKEN = 400;

export class RdParser {
  pos = 0;
  /** Characters of the current token already consumed (only for `>`-family tokens). */
  sub = 0;
  furthest = -1;
  /** What would have been accepted at `furthest` (repeats possible; a Set is built only on failure). */
  expected: string[] = [];
  depth = 0;
  /** For each MISSING token used, the span of the sibling before it (see recovery.ts). */
  readonly before = new Map<number, Span>();
  private steps = 0;
  private readonly maxSteps: number;

  private readonly hasMissing: boolean;

  constructor(
    readonly src: string,
    readonly tokens: TokenSeq<Token>,
    readonly comments: readonly Token[],
  ) {
    this.maxSteps = 100_000 + tokens.length * MAX_STEPS_PER_TOKEN;
    this.hasMissing = tokens.edited;
  }

  mark(): Mark {
    return this.pos * 4 + this.sub;
  }

  reset(m: Mark): void {
    this.pos = m >> 2;
    this.sub = m & 3;
  }

  /** The current token kind, with consumed `>` characters removed. */
  kind(offset = 0): string {
    const t = this.tokens.get(Math.min(this.pos + offset, this.tokens.length - 1))!;
    return offset === 0 && this.sub ? t.kind.slice(this.sub) : t.kind;
  }

  token(offset = 0): Token {
    return this.tokens.get(Math.min(this.pos + offset, this.tokens.length - 1))!;
  }

  /** Text of a word token (identifier or keyword); "" for anything else. */
  word(offset = 0): string {
    const t = this.token(offset);
    return t.kind === "word" && !t.missing ? this.src.slice(t.start, t.end) : "";
  }

  /** Records that `what` would have been accepted at the current position. */
  expect(what: string): void {
    const at = this.pos;
    if (at > this.furthest) {
      this.furthest = at;
      this.expected = [what];
    } else if (at === this.furthest && this.expected[this.expected.length - 1] !== what) this.expected.push(what);
  }

  /** The token before the current one, if any. */
  previous(): Token | undefined {
    return this.pos > 0 ? this.tokens.get(this.pos - 1) : undefined;
  }

  /** Counts work and depth; throws ParseLimit past the bounds. */
  enter(): void {
    if (++this.depth > MAX_DEPTH) throw new ParseLimit("input nested too deeply");
    if (++this.steps > this.maxSteps) throw new ParseLimit("input too complex to parse");
  }

  leave(): void {
    this.depth--;
  }

  /** True (without consuming) when the current token is punctuation `p`; records the expectation otherwise. */
  at(p: string): boolean {
    if (this.kind() === p) return true;
    this.expect(p);
    return false;
  }

  /** True when the current token is the word `w`; records the expectation otherwise. */
  atWord(w: string): boolean {
    if (this.sub === 0 && this.word() === w) return true;
    this.expect(w);
    return false;
  }

  /** Consumes the current token as a leaf of the given type. */
  take(type?: string, named = false): CstNode {
    const t = this.token();
    const start = t.start + this.sub;
    this.pos++;
    this.sub = 0;
    return leaf(type ?? t.kind, named, start, t.end, t.missing);
  }

  /** Consumes punctuation `p` or returns null. */
  eat(p: string): CstNode | null {
    return this.at(p) ? this.take() : null;
  }

  /** Consumes the keyword `w` or returns null. */
  eatWord(w: string, named = false): CstNode | null {
    return this.atWord(w) ? this.take(w, named) : null;
  }

  /** Returns to mark `m` and fails: the end of every speculative parse that did not work out. */
  backtrack(m: Mark): null {
    this.reset(m);
    return null;
  }

  /**
   * tree-sitter's `sep1(item, sep)`: one or more items with `sep` between them, pushed onto
   * `parts`. False when an item is missing; the caller backtracks.
   *
   * @example p.sep1(parts, "|", () => parseType(p)) // `A | B` in a catch clause
   */
  sep1(parts: CstNode[], sep: string, item: () => CstNode | null): boolean {
    for (;;) {
      const x = item();
      if (!x) return false;
      parts.push(x);
      const s = this.eat(sep);
      if (!s) return true;
      parts.push(s);
    }
  }

  /**
   * `open item, item close` as a node of `type`, where the list may be empty. With
   * `trailingComma`, a comma may also stand before `close`, which is then expected after every
   * comma ({@link commaItems}). Null, with the position restored, when anything is missing.
   *
   * @example p.commaSep("argument_list", "(", ")", () => parseExpression(p), { trailingComma: false })
   */
  commaSep(type: string, open: string, close: string, item: () => CstNode | null, options: { trailingComma: boolean }): CstNode | null {
    const m = this.mark();
    const o = this.eat(open);
    if (!o) return null;
    const parts: CstNode[] = [o];
    const ok = options.trailingComma ? this.commaItems(parts, close, item) : this.at(close) || this.sep1(parts, ",", item);
    const c = ok && this.eat(close);
    if (!c) return this.backtrack(m);
    parts.push(c);
    return this.node(type, parts);
  }

  /**
   * Comma-separated items up to `close` (not consumed), pushed onto `parts`; a comma may stand
   * last. False when an item is missing; the caller backtracks.
   */
  commaItems(parts: CstNode[], close: string, item: () => CstNode | null): boolean {
    while (!this.at(close)) {
      const x = item();
      if (!x) return false;
      parts.push(x);
      const comma = this.eat(",");
      if (!comma) break;
      parts.push(comma);
    }
    return true;
  }

  /**
   * `{ item* }` as a node of `type` (a block, a class or module body). Null, with the position
   * restored, when there is no `{` or an item fails; the items cannot run past the `}`.
   *
   * @example p.braced("block", () => parseStatement(p))
   */
  braced(type: string, item: () => CstNode | null): CstNode | null {
    const m = this.mark();
    const open = this.eat("{");
    if (!open) return null;
    const parts: CstNode[] = [open];
    while (!this.at("}")) {
      const x = item();
      if (!x) return this.backtrack(m);
      parts.push(x);
    }
    parts.push(this.take());
    return this.node(type, parts);
  }

  /**
   * `open inner close` as a node of `type`. Null, with the position restored, when a piece is
   * missing.
   *
   * @example p.enclosed("parenthesized_expression", "(", ")", () => parseExpression(p))
   */
  enclosed(type: string, open: string, close: string, inner: () => CstNode | null): CstNode | null {
    const m = this.mark();
    const o = this.eat(open);
    const x = o && inner();
    const c = x && this.eat(close);
    if (!c) return this.backtrack(m);
    return this.node(type, [o, x, c]);
  }

  /**
   * Consumes one `>` of the current token (which may be `>>`, `>>>`, `>=`, …), as a type-argument
   * list closes: tree-sitter lexes `>` there because only `>` is valid in that state.
   */
  eatAngle(): CstNode | null {
    const k = this.kind();
    if (!k.startsWith(">")) {
      this.expect(">");
      return null;
    }
    const t = this.token();
    if (t.missing) return this.take();
    const start = t.start + this.sub;
    if (k.length === 1) {
      this.pos++;
      this.sub = 0;
    } else this.sub++;
    return leaf(">", false, start, start + 1);
  }

  /**
   * Parses the tokens of a string-template interpolation with a child parser. Its failures stay
   * inside the string token: for the outer parse the whole string is one token.
   */
  subParse<P extends RdParser>(this: P, tokens: readonly Token[], parse: (q: P) => CstNode | null): CstNode | null {
    const q = this.fork(TokenSeq.of(tokens)) as P;
    q.depth = this.depth;
    return parse(q);
  }

  /** A parser of the same language over other tokens (for embedded expressions). */
  protected fork(tokens: TokenSeq<Token>): RdParser {
    return new RdParser(this.src, tokens, []);
  }

  /** Builds a named node over its children, placing comments that fall between them. */
  node(type: string, parts: ReadonlyArray<CstNode | null | undefined | false>, named = true): CstNode {
    const children = parts.filter((c): c is CstNode => !!c);
    if (this.hasMissing) recordBefore(children, this.before);
    const start = children.length ? children[0]!.start : this.token().start;
    const end = children.length ? children[children.length - 1]!.end : start;
    return { type, named, start, end, children: this.comments.length ? this.withComments(children) : children };
  }

  private withComments(children: CstNode[]): CstNode[] {
    const out: CstNode[] = [];
    for (let i = 0; i < children.length; i++) {
      out.push(children[i]!);
      const next = children[i + 1];
      if (!next) break;
      const gapStart = children[i]!.end;
      const gapEnd = next.start;
      if (gapEnd <= gapStart) continue;
      for (let j = firstCommentAtOrAfter(this.comments, gapStart); j < this.comments.length; j++) {
        const c = this.comments[j]!;
        if (c.end > gapEnd) break;
        out.push(leaf(c.kind, true, c.start, c.end));
      }
    }
    return out;
  }
}

/** What {@link parseSource} needs from a language. */
export interface Grammar<P extends RdParser> {
  lex(src: string): LexResult;
  parser(src: string, tokens: TokenSeq<Token>, comments: readonly Token[]): P;
  /** The start rule: the whole program, or null when some token cannot be parsed. */
  program(p: P): CstNode | null;
  recoveryPolicy(src: string, unit: CostUnit): RecoveryPolicy<Token, CstNode>;
}

/** A source text's tree and its number of MISSING tokens, or why it would have an ERROR node. */
export type SourceParse = { ok: true; tree: CstNode; missing: number } | { ok: false; error: string };

export interface SourceParseOptions {
  /** How tree-sitter counts bytes in error costs; "utf8" (py-tree-sitter, BFCL) by default. */
  costUnit?: CostUnit;
}

/**
 * Parses `src` the way tree-sitter does, to the point BFCL cares about: whether the tree would
 * contain an ERROR node, and if not, the tree. A lexical error always becomes an ERROR node; a
 * syntax error becomes one unless tree-sitter can recover by inserting MISSING tokens
 * (recovery.ts), which BFCL tolerates. Input too deep or too costly to parse is an error too.
 *
 * @example parseSource("f(a=1)", JAVA).ok // true: the missing `;` is a MISSING node (java/parse.ts)
 */
export function parseSource<P extends RdParser>(src: string, grammar: Grammar<P>, options: SourceParseOptions = {}): SourceParse {
  try {
    const lexed = grammar.lex(src);
    if (!lexed.ok) return { ok: false, error: `${lexed.reason} at ${sourcePosition(src, lexed.at)}` };
    const attempt = (tokens: TokenSeq<Token>): Attempt<CstNode> => {
      const p = grammar.parser(src, tokens, lexed.comments);
      const tree = grammar.program(p);
      if (tree) return { ok: true, tree, before: p.before };
      return { ok: false, at: Math.max(p.furthest, 0), expected: new Set(p.expected), before: p.before };
    };
    const r = recoverWithMissing(TokenSeq.of(lexed.tokens), attempt, grammar.recoveryPolicy(src, options.costUnit ?? "utf8"));
    if (r.tree) return { ok: true, tree: r.tree, missing: r.missing };
    const t = lexed.tokens[Math.max(0, Math.min(r.errorAt, lexed.tokens.length - 1))];
    return { ok: false, error: `syntax error at ${sourcePosition(src, t ? t.start : src.length)}` };
  } catch (e) {
    if (e instanceof ParseLimit) return { ok: false, error: e.message };
    // A safety net behind the explicit depth bounds: no input may make decoding throw.
    if (e instanceof RangeError) return { ok: false, error: "input nested too deeply" };
    throw e;
  }
}

/**
 * Records, for each MISSING token that starts one of these children, the sibling before that
 * child: the tree on top of tree-sitter's stack when it inserted the token.
 */
function recordBefore(children: readonly CstNode[], before: Map<number, Span>): void {
  for (let i = 1; i < children.length; i++) {
    let first: CstNode | undefined = children[i];
    while (first && !first.missing && first.children.length) first = first.children[0];
    if (first?.missing && !children[i - 1]!.missing) before.set(first.start, children[i - 1]!);
  }
}

function firstCommentAtOrAfter(comments: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = comments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comments[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
