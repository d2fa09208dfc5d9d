/**
 * Parses JavaScript source the way tree-sitter-javascript 0.21.4 does, to the point BFCL cares
 * about: whether the tree would contain an ERROR node, and if not, the tree.
 */
import type { CstNode } from "../cst.js";
import { TokenSeq } from "../tokenSeq.js";
import { ParseLimit, type Token } from "../rdParser.js";
import { type Attempt, recoverWithMissing } from "../recovery.js";
import { sourcePosition } from "../sourcePosition.js";
import { lexJs } from "./lexer.js";
import { JsParser } from "./parser.js";
import { type CostUnit, jsRecoveryPolicy } from "./recoveryPolicy.js";
import { parseProgram } from "./statements.js";

export type JsParse = { ok: true; tree: CstNode; missing: number } | { ok: false; error: string };

export interface JsParseOptions {
  /** How tree-sitter counts bytes in error costs: UTF-8 (py-tree-sitter, BFCL) or UTF-16 (Node). */
  costUnit?: CostUnit;
}

/**
 * @example parseJs("f(a=1)").ok // true
 * @example parseJs("f(a=1").ok  // false
 */
export function parseJs(src: string, options: JsParseOptions = {}): JsParse {
  try {
    const lexed = lexJs(src);
    if (!lexed.ok) return { ok: false, error: `${lexed.reason} at ${sourcePosition(src, lexed.at)}` };
    const attempt = (tokens: TokenSeq<Token>): Attempt<CstNode> => {
      const p = new JsParser(src, tokens, lexed.comments);
      const tree = parseProgram(p);
      if (tree) return { ok: true, tree, before: p.before };
      return { ok: false, at: Math.max(p.furthest, 0), expected: p.expected, before: p.before };
    };
    const r = recoverWithMissing(TokenSeq.of(lexed.tokens), attempt, jsRecoveryPolicy(src, options.costUnit ?? "utf8"));
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
