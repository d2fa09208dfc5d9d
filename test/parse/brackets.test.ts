/**
 * The bracket scanner answers exactly as it did before it stopped allocating, on generated text
 * full of brackets, quotes of every kind, escapes, line breaks and cut-off ends.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchBracket, skipString } from "../../src/parse/scan/brackets.js";
import { matchBracketBefore, skipStringBefore } from "./reference/bracketsBefore.js";

const piece = fc.constantFrom("(", ")", "[", "]", "{", "}", "'", '"', "`", "'''", '"""', "\\", "\\'", '\\"', "\n", "\r", "a", "x=1", ", ", " ", "é");
const text = fc.array(piece, { maxLength: 24 }).map((xs) => xs.join(""));

describe("matchBracket", () => {
  it.each([
    ['f(a="(", b=[1])', 1, { ok: true, end: 15 }],
    ['{"a": [1, "x', 0, { ok: false, reason: "unclosed", at: 12, closers: '"]}' }],
    ["(a]", 0, { ok: false, reason: "mismatch", at: 2 }],
    ["('x\n')", 0, { ok: false, reason: "newline_in_string", at: 3 }],
    ["((()))", 0, { ok: false, reason: "too_deep", at: 2 }],
  ])("%j at %i", (t, start, expected) => {
    expect(matchBracket(t, start, { maxDepth: 2 })).toStrictEqual(expected);
  });

  it("answers as it did before, whatever the text, start, stop, depth limit and backticks", () => {
    fc.assert(
      fc.property(text, fc.nat(30), fc.option(fc.nat(30), { nil: undefined }), fc.integer({ min: 1, max: 6 }), fc.boolean(), (t, start, stop, maxDepth, backticks) => {
        const options = { maxDepth, stop: stop === undefined ? undefined : Math.min(stop, t.length), backticks };
        expect(matchBracket(t, Math.min(start, t.length), options)).toStrictEqual(matchBracketBefore(t, Math.min(start, t.length), options));
      }),
      { numRuns: 20000 },
    );
  });
});

describe("skipString", () => {
  it("answers as it did before", () => {
    fc.assert(
      fc.property(fc.constantFrom("'", '"', "`", "'''", '"""'), text, fc.option(fc.nat(30), { nil: undefined }), (quote, rest, stop) => {
        const t = quote + rest;
        const end = stop === undefined ? undefined : Math.min(stop, t.length);
        expect(skipString(t, 0, end)).toStrictEqual(skipStringBefore(t, 0, end));
      }),
      { numRuns: 10000 },
    );
  });
});
