/**
 * The Java recursive-descent parser state: the shared core (rdParser.ts) plus Java's rule for
 * identifiers, which depends on where a keyword would be valid.
 */
import type { CstNode } from "../cst.js";
import { RdParser, type Token } from "../rdParser.js";
import type { TokenSeq } from "../tokenSeq.js";
import { KEYWORDS, RESERVED_IDENTIFIERS } from "./keywords.js";

export class JavaParser extends RdParser {
  /**
   * Consumes an identifier. A keyword counts as one unless it is among `validKeywords`, the
   * keywords tree-sitter would accept at this position (see keywords.ts).
   */
  ident(validKeywords: ReadonlySet<string>, type = "identifier"): CstNode | null {
    const t = this.token();
    if (this.sub === 0 && t.kind === "word") {
      if (t.missing) return this.take(type, true);
      const w = this.src.slice(t.start, t.end);
      if (RESERVED_IDENTIFIERS.has(w) || !KEYWORDS.has(w) || !validKeywords.has(w)) return this.take(type, true);
    }
    this.expect("identifier");
    return null;
  }

  protected override fork(tokens: TokenSeq<Token>): RdParser {
    return new JavaParser(this.src, tokens, []);
  }
}
