/**
 * The JavaScript recursive-descent parser state: the shared core (rdParser.ts) plus identifiers
 * (keywords count as identifiers where they are not valid) and automatic semicolons.
 */
import type { CstNode } from "../cst.js";
import { leaf } from "../cst.js";
import { RdParser, type Token } from "../rdParser.js";
import type { TokenSeq } from "../tokenSeq.js";
import { KEYWORDS, RESERVED_IDENTIFIERS } from "./keywords.js";

export class JsParser extends RdParser {
  /**
   * Consumes an identifier. A keyword counts as one unless it is among `validKeywords`; `undefined`
   * is its own node type, as in tree-sitter.
   */
  ident(validKeywords: ReadonlySet<string>, type = "identifier"): CstNode | null {
    const t = this.token();
    if (t.kind === "word") {
      if (t.missing) return this.take(type, true);
      const w = this.src.slice(t.start, t.end);
      if (RESERVED_IDENTIFIERS.has(w) || !KEYWORDS.has(w) || !validKeywords.has(w)) {
        return this.take(w === "undefined" && type === "identifier" ? "undefined" : type, true);
      }
    }
    this.expect("identifier");
    return null;
  }

  /**
   * tree-sitter-javascript's external scanner for `_automatic_semicolon`, run where a statement
   * may end: true at the end of input, before `}`, or after a line break unless the next token
   * continues the expression (`(`, `[`, `.`, a binary operator, …). Comments count as space.
   */
  asi(): boolean {
    const t = this.token();
    // A MISSING `}` stands where the scanner saw the end of input or a `}`: both end a statement.
    if (t.missing) return t.kind === "}";
    const src = this.src;
    const prev = this.previous();
    const prevEnd = prev ? prev.end : 0;
    // A MISSING token at the end of input must be followed by the end itself: tree-sitter only
    // inserts a token there if the state after it reduces on end-of-input, which an expression
    // awaiting its (automatic) semicolon does not.
    if (t.kind === "eof") return !prev?.missing;
    let sawNewline = false;
    for (let i = prevEnd; i < t.start; i++) {
      const c = src.charCodeAt(i);
      if (c === 0x0a || c === 0x2028 || c === 0x2029) sawNewline = true;
    }
    if (t.kind === "}" && !sawNewline) return true;
    if (!sawNewline) return false;
    const c = src[t.start]!;
    if (",:;*%><=[(?^|&/".includes(c)) return false;
    if (c === ".") return /[0-9]/.test(src[t.start + 1] ?? "");
    if (c === "+" || c === "-") return src[t.start + 1] === c;
    if (c === "!") return src[t.start + 1] !== "=";
    if (c === "i") {
      const w = this.word();
      return w !== "in" && w !== "instanceof";
    }
    return true;
  }

  /** `_semicolon`: a `;` or an automatic one (zero width, as tree-sitter makes it). */
  semicolon(): CstNode | null {
    if (this.kind() === ";") return this.take();
    if (this.asi()) {
      const at = this.previous()?.end ?? 0;
      return leaf("_automatic_semicolon", false, at, at);
    }
    this.expect(";");
    return null;
  }

  protected override fork(tokens: TokenSeq<Token>): RdParser {
    return new JsParser(this.src, tokens, []);
  }
}
