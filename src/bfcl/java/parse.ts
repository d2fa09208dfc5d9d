/**
 * Parses Java source the way tree-sitter-java 0.21.0 does, to the point BFCL cares about:
 * whether the tree would contain an ERROR node, and if not, the tree.
 *
 * A lexical error always becomes an ERROR node. A syntax error becomes one unless tree-sitter
 * can recover by inserting MISSING tokens (recovery.ts), which BFCL tolerates.
 */
import type { CstNode } from "../cst.js";
import { TokenSeq } from "../tokenSeq.js";
import { type Attempt, recoverWithMissing } from "../recovery.js";
import { sourcePosition } from "../sourcePosition.js";
import { type Token, lexJava } from "./lexer.js";
import { JavaParser, ParseLimit } from "./parser.js";
import { type CostUnit, javaRecoveryPolicy } from "./recoveryPolicy.js";
import { parseProgram } from "./statements.js";

export type JavaParse = { ok: true; tree: CstNode; missing: number } | { ok: false; error: string };

export interface JavaParseOptions {
  /**
   * How tree-sitter counts bytes in error costs: py-tree-sitter (BFCL) parses UTF-8, the Node
   * binding UTF-16. Only the oracle test needs "utf16".
   */
  costUnit?: CostUnit;
}

/**
 * @example parseJava("f(a=1)").ok // true: the missing `;` is a MISSING node, not an ERROR
 * @example parseJava("f(a=1").ok  // false
 */
export function parseJava(src: string, options: JavaParseOptions = {}): JavaParse {
  try {
    const lexed = lexJava(src);
    if (!lexed.ok) return { ok: false, error: `${lexed.reason} at ${sourcePosition(src, lexed.at)}` };
    const attempt = (tokens: TokenSeq<Token>): Attempt<CstNode> => {
      const p = new JavaParser(src, tokens, lexed.comments);
      const tree = parseProgram(p);
      if (tree) return { ok: true, tree, before: p.before };
      return { ok: false, at: Math.max(p.furthest, 0), expected: p.expected, before: p.before };
    };
    const r = recoverWithMissing(TokenSeq.of(lexed.tokens), attempt, javaRecoveryPolicy(src, options.costUnit ?? "utf8"));
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
