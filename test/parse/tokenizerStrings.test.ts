/**
 * The tokenizer finds the end of a triple-quoted string with `indexOf` (a docstring left open in
 * a code answer runs to the end of the text). Held here to the character-by-character scan of
 * CPython's tokenizer that it replaced, on generated string bodies full of quotes, backslashes
 * and line breaks, also with the tokenizer stopping before the end of the source (f-string fields).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Tokenizer } from "../../src/parse/python/tokenizer.js";

/** The end of the string token opening at `quoteAt`, or "unterminated", scanned one character at a time. */
function referenceEnd(src: string, quoteAt: number, end: number): number | "unterminated" {
  const at = (i: number) => (i < end ? src.charCodeAt(i) : -1);
  const newlineAt = (i: number) => (at(i) === 0x0a ? 1 : at(i) === 0x0d ? (at(i + 1) === 0x0a ? 2 : 1) : 0);
  const quote = at(quoteAt);
  let p = quoteAt + 1;
  let size = 1;
  if (at(p) === quote) {
    if (at(p + 1) !== quote) return p + 1;
    size = 3;
    p += 2;
  }
  let closing = 0;
  while (closing !== size) {
    const c = at(p);
    if (c === -1 || (size === 1 && newlineAt(p) > 0)) return "unterminated";
    p++;
    if (c === quote) closing++;
    else {
      closing = 0;
      if (c === 0x5c && at(p) !== -1) p += Math.max(1, newlineAt(p));
    }
  }
  return p;
}

/** The end of the first token of `src[0, end)` (a string), or "unterminated". */
function tokenizerEnd(src: string, end: number): number | "unterminated" {
  try {
    return new Tokenizer(src, 0, end, { maxBracketDepth: 100 }).next().end;
  } catch {
    return "unterminated";
  }
}

const bodyPiece = fc.constantFrom("'", '"', "'''", '"""', "\\", "\\'", '\\"', "\\\\", "\n", "\r", "\r\n", "\\\r\n", "a", " ", "é", "#");

describe("tokenizer string ends", () => {
  it("agree with the character-by-character scan", () => {
    fc.assert(
      fc.property(fc.constantFrom("'", '"', "'''", '"""'), fc.array(bodyPiece, { maxLength: 24 }), fc.nat(8), (open, body, cut) => {
        const src = open + body.join("");
        const end = Math.max(open.length, src.length - cut);
        expect(tokenizerEnd(src, end)).toBe(referenceEnd(src, 0, end));
      }),
      { numRuns: 5000 },
    );
  });

  it("find a docstring's end past escaped and doubled quotes", () => {
    const src = `"""a\\"""b""c"""d`;
    expect(tokenizerEnd(src, src.length)).toBe(src.length - 1);
    expect(tokenizerEnd(`'''open to the end\n\\'''`, 23)).toBe("unterminated");
  });
});
