/**
 * The JavaScript side of the error-recovery model (recovery.ts): tree-sitter-javascript's
 * insertable tokens in symbol order, and its keywords for the error-state lexing rule. The GLR
 * "second reading" effects that Java has (types versus expressions) have no JavaScript
 * counterpart in what models write.
 */
import type { CstNode } from "../cst.js";
import { type Candidate, type RecoveryPolicy, newlines, utf8Bytes, wrapCost } from "../recovery.js";
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

export type CostUnit = "utf8" | "utf16";

export function jsRecoveryPolicy(src: string, unit: CostUnit): RecoveryPolicy<Token, CstNode> {
  const word = (t: Token | undefined) => (t && t.kind === "word" && !t.missing ? src.slice(t.start, t.end) : "");
  const bytes = (start: number, end: number) => (unit === "utf8" ? utf8Bytes(src, start, end) : 2 * (end - start));
  return {
    candidates: CANDIDATES,
    maxMissing: 16,
    bytes,
    rows: (start, end) => newlines(src, start, end),
    shadowed: () => false,
    cannotResume(token) {
      const w = word(token);
      return KEYWORDS.has(w) && !RESERVED_IDENTIFIERS.has(w) && !EXPRESSION_START.has(w);
    },
    mergesWithMissing(tokens, at) {
      const P = tokens.get(at - 1)!.kind;
      const L = tokens.get(at)!.kind;
      // Observed: `x.=1` keeps its MISSING property name, `f(a=1) {` and `X{Y()` their MISSING
      // `;` (a statement-start `{` splits into block and object readings, and the pop is pruned).
      if ((P === "." && L === "=") || L === "{") return true;
      if (P !== ",") return false;
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
    },
    eofAlternative(tree) {
      const stmts = tree.children.filter((c) => c.type !== "comment");
      const last = stmts[stmts.length - 1];
      if (!last) return { wrapCost: Infinity, missing: 0 };
      const prev = stmts[stmts.length - 2];
      const from = prev ? prev.end : 0;
      const to = last.end;
      return { wrapCost: wrapCost(1, bytes(from, to), newlines(src, from, to)), missing: trailingMissing(last) };
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
