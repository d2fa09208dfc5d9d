/**
 * The JavaScript side of the error-recovery model (recovery.ts): tree-sitter-javascript's
 * insertable tokens in symbol order, and its keywords for the error-state lexing rule. The GLR
 * "second reading" effects that Java has (types versus expressions) have no JavaScript
 * counterpart in what models write.
 */
import type { CstNode } from "../cst.js";
import { type Candidate, type CostUnit, type RecoveryPolicy, isLaterListComma, keywordCannotResume, sourceCosts, wrapCost } from "../recovery.js";
import type { Token } from "../rdParser.js";
import { EXPRESSION_START, KEYWORDS, RESERVED_IDENTIFIERS } from "./keywords.js";

/** identifier = 1, `}` = 9, `)` = 21, `;` = 33, `]` = 41. */
const CANDIDATES: readonly Candidate[] = [
  { kind: "word", expect: "identifier", notBefore: new Set(["(", "=>"]) },
  { kind: "}", expect: "}" },
  { kind: ")", expect: ")" },
  { kind: ";", expect: ";" },
  { kind: "]", expect: "]" },
];

/** The policy for one source text; `unit` picks how bytes are counted (py-tree-sitter: UTF-8). */
export function jsRecoveryPolicy(src: string, unit: CostUnit): RecoveryPolicy<Token, CstNode> {
  const { bytes, rows } = sourceCosts(src, unit);
  return {
    candidates: CANDIDATES,
    maxMissing: 16,
    bytes,
    rows,
    shadowed: () => false,
    cannotResume: keywordCannotResume(src, { KEYWORDS, RESERVED_IDENTIFIERS, EXPRESSION_START }),
    mergesWithMissing(tokens, at) {
      const P = tokens.get(at - 1)!.kind;
      const L = tokens.get(at)!.kind;
      // Observed: `x.=1` keeps its MISSING property name, `f(a=1) {` and `X{Y()` their MISSING
      // `;` (a statement-start `{` splits into block and object readings, and the pop is pruned).
      if ((P === "." && L === "=") || L === "{") return true;
      return isLaterListComma(tokens, at);
    },
    eofAlternative(tree) {
      const stmts = tree.children.filter((c) => c.type !== "comment");
      const last = stmts[stmts.length - 1];
      if (!last) return { wrapCost: Infinity, missing: 0 };
      const prev = stmts[stmts.length - 2];
      const from = prev ? prev.end : 0;
      const to = last.end;
      return { wrapCost: wrapCost(1, bytes(from, to), rows(from, to)), missing: trailingMissing(last) };
    },
  };
}

function trailingMissing(n: CstNode): number {
  let count = 0;
  for (let i = n.children.length - 1; i >= 0; i--) {
    const c = n.children[i]!;
    if (c.missing) count++;
    else {
      count += trailingMissing(c);
      break;
    }
  }
  return count;
}
