/** foldText skips Unicode normalization for ASCII text: the shortcut must not change a result. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldCharacters, foldText, tidyText } from "../../src/canonicalize/text.js";

describe("foldText's ASCII shortcut", () => {
  it("folds ASCII text as the full Unicode folding does", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary-ascii", maxLength: 40 }), (s) => {
        expect(s.toLowerCase().replace(/[`"]/g, "'")).toBe(foldCharacters(s));
        expect(tidyText(s)).toBe(s.normalize("NFC").trim());
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['Say "Hi" `now`', "say 'hi' 'now'"],
    ["  New   York , NY. ", "new york, ny"],
    ["gluten-free_diet", "gluten free diet"],
    ["Ｃａｆé  Straße", "cafe strasse"],
  ])("%s", (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });
});
