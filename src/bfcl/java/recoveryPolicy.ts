/**
 * The Java side of the error-recovery model (recovery.ts): which tokens tree-sitter-java can
 * insert, which tokens close a construct, and where its GLR parser has a second reading alive
 * that swallows the recovery.
 *
 * That last point matters because tree-sitter only runs error recovery on its first stack
 * version. After `x.y`, one version reads a field access and another a type (for `x.y::m` or
 * `x.y.class`); after `(y)` one reads lambda parameters; after `a < b` one reads type arguments.
 * If the next token is wrong for both, the first version is the type-like one, no MISSING token
 * fits it, and the recovery is an ERROR: `f(a=x.y;` fails while `f(a=x;` gets a MISSING `)`.
 */
import type { CstNode } from "../cst.js";
import type { TokenSeq } from "../tokenSeq.js";
import { type Candidate, type CostUnit, type RecoveryPolicy, isLaterListComma, keywordCannotResume, sourceCosts, wordText, wrapCost } from "../recovery.js";
import { EXPRESSION_START, KEYWORDS, RESERVED_IDENTIFIERS } from "./keywords.js";
import type { Token } from "./lexer.js";

/** Insertable tokens in tree-sitter-java's symbol order (identifier = 1, `}` = 17, `)` = 22, …). */
const CANDIDATES: readonly Candidate[] = [
  { kind: "word", expect: "identifier", notBefore: new Set(["(", "->"]) },
  { kind: "}", expect: "}" },
  { kind: ")", expect: ")" },
  { kind: ">", expect: ">" },
  { kind: "]", expect: "]" },
  { kind: ";", expect: ";" },
];

/** Tokens after which the type-like reading would still go on, so it is not stuck there. */
const TYPE_CONTINUES: ReadonlySet<string> = new Set([".", "<", "[", "::", "@"]);

/** The policy for one source text; `unit` picks how bytes are counted (py-tree-sitter: UTF-8). */
export function javaRecoveryPolicy(src: string, unit: CostUnit): RecoveryPolicy<Token, CstNode> {
  const word = (t: Token | undefined) => wordText(src, t);
  const isName = (t: Token | undefined) => {
    const w = word(t);
    return w !== "" && !KEYWORDS.has(w);
  };
  const { bytes, rows } = sourceCosts(src, unit);
  return {
    candidates: CANDIDATES,
    maxMissing: 16,
    bytes,
    rows,
    shadowed(tokens, at) {
      if (TYPE_CONTINUES.has(tokens.get(at)!.kind)) return false;
      return (
        endsWithDottedName(tokens, at, isName, word) ||
        endsWithParenthesizedNames(tokens, at, isName) ||
        endsInOpenParenthesizedName(tokens, at, isName) ||
        endsWithTypeArgument(tokens, at, isName)
      );
    },
    cannotResume: keywordCannotResume(src, { KEYWORDS, RESERVED_IDENTIFIERS, EXPRESSION_START }),
    mergesWithMissing: isLaterListComma,
    eofAlternative(tree) {
      const stmts = tree.children.filter((c) => !isComment(c));
      const last = stmts[stmts.length - 1];
      if (!last) return { wrapCost: Infinity, missing: 0 };
      const prev = stmts[stmts.length - 2];
      const to = lastRealEnd(last);
      const missing = trailingMissing(last);
      // After a statement that ended with a real token, wrapping only the last statement would
      // land in the state the MISSING version reaches (the statement list merges), which
      // tree-sitter skips, so the wrap reaches back to the start. Observed, not derived.
      if (prev && !unfinished(prev)) {
        return { wrapCost: wrapCost(stmts.length - 1 + stackTrees(last), bytes(0, to), rows(0, to)), missing };
      }
      const from = prev ? prev.end : 0;
      return { wrapCost: wrapCost(stackTrees(last), bytes(from, to), rows(from, to)), missing };
    },
  };
}

function isComment(n: CstNode): boolean {
  return n.type === "line_comment" || n.type === "block_comment";
}

/** Whether a node ends with a MISSING token, i.e. the parser was still inside it at the error. */
function unfinished(n: CstNode): boolean {
  const last = n.children[n.children.length - 1];
  return !!last && (!!last.missing || unfinished(last));
}

/**
 * How many trees an unfinished node leaves on tree-sitter's stack: its finished children count
 * one each (they were reduced), an unfinished child counts its own stack trees.
 */
function stackTrees(n: CstNode): number {
  let count = 0;
  for (const c of n.children) {
    if (c.missing || isComment(c)) continue;
    count += unfinished(c) ? stackTrees(c) : 1;
  }
  return count;
}

function trailingMissing(n: CstNode): number {
  let count = 0;
  for (let i = n.children.length - 1; i >= 0; i--) {
    const c = n.children[i]!;
    if (c.missing) count++;
    else {
      if (unfinished(c)) count += trailingMissing(c);
      break;
    }
  }
  return count;
}

function lastRealEnd(n: CstNode): number {
  for (let i = n.children.length - 1; i >= 0; i--) {
    const c = n.children[i]!;
    if (!c.missing) return c.children.length ? lastRealEnd(c) : c.end;
  }
  return n.start;
}

/** `a.b` or `a.b.c` (or `a.class`) right before `at`, not itself after a `.`: a type reading is alive. */
function endsWithDottedName(
  tokens: TokenSeq<Token>,
  at: number,
  isName: (t: Token | undefined) => boolean,
  word: (t: Token | undefined) => string,
): boolean {
  let i = at - 1;
  if (!isName(tokens.get(i))) return false;
  let names = 1;
  while (tokens.get(i - 1)?.kind === "." && isName(tokens.get(i - 2))) {
    i -= 2;
    names++;
  }
  if (names < 2) return false;
  const before = tokens.get(i - 1);
  // After `new` the name is a type only; after `.`, `@` or `::` it is not the start of a chain.
  return !before || (before.kind !== "." && before.kind !== "@" && before.kind !== "::" && word(before) !== "new");
}

/** Parentheses that open an expression, as opposed to an argument list after a name or `)`. */
function opensExpression(before: Token | undefined): boolean {
  return !before || !(before.kind === "word" || before.kind === ")" || before.kind === "]" || before.kind === ">" || before.kind === "literal" || before.kind === "string");
}

/** `(y` in expression position right before `at`: a lambda-parameters reading (`(y, z) ->`) is alive. */
function endsInOpenParenthesizedName(tokens: TokenSeq<Token>, at: number, isName: (t: Token | undefined) => boolean): boolean {
  return isName(tokens.get(at - 1)) && tokens.get(at - 2)?.kind === "(" && opensExpression(tokens.get(at - 3)) && tokens.get(at)!.kind !== ")" && tokens.get(at)!.kind !== ",";
}

/** `(y)` or `(x, y)` in expression position right before `at`: a lambda-parameters reading is alive. */
function endsWithParenthesizedNames(tokens: TokenSeq<Token>, at: number, isName: (t: Token | undefined) => boolean): boolean {
  let i = at - 1;
  if (tokens.get(i)?.kind !== ")") return false;
  i--;
  if (!isName(tokens.get(i))) return false;
  while (tokens.get(i - 1)?.kind === "," && isName(tokens.get(i - 2))) i -= 2;
  if (tokens.get(i - 1)?.kind !== "(") return false;
  return opensExpression(tokens.get(i - 2));
}

/** `a < b` right before `at`: a type-arguments reading (`a<b>`) is alive. */
function endsWithTypeArgument(tokens: TokenSeq<Token>, at: number, isName: (t: Token | undefined) => boolean): boolean {
  let i = at - 1;
  if (!isName(tokens.get(i))) return false;
  while (tokens.get(i - 1)?.kind === "." && isName(tokens.get(i - 2))) i -= 2;
  return tokens.get(i - 1)?.kind === "<" && isName(tokens.get(i - 2));
}
