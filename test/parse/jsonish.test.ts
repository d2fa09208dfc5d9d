/**
 * readValueAt skips the JSON reading of a bracket whose first item opens with a single quote
 * (failsAsJsonAtOnce), and runs it only for its error message. Held here: JSON does fail on every
 * such text, and a value no reading accepts still reports JSON's own error.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Ctx, type Repair } from "../../src/parse/scan/diagnostics.js";
import { failsAsJsonAtOnce, readValueAt } from "../../src/parse/scan/jsonish.js";
import { Src } from "../../src/parse/scan/source.js";
import { readJsonPrefix } from "../../src/value/json.js";

const LIMITS = { maxLength: 100_000, maxDepth: 100, maxCalls: 1000 };
const ctxFor = (text: string) => new Ctx(text, LIMITS, { noCallNames: new Set(), docs: undefined, fast: true });

/** Bits of JSON, Python and prose that a generated text is made of. */
const piece = fc.constantFrom("{", "[", "}", "]", "'", '"', ":", ",", " ", "\n", "\t", "\r", "a", "1", "True", "null", "\\", "'x'", '"k"', "\u00a0");

describe("failsAsJsonAtOnce", () => {
  it("claims only texts that JSON fails to read", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), fc.nat(3), (parts, at) => {
        const text = parts.join("");
        const start = Math.min(at, text.length);
        if (failsAsJsonAtOnce(text, start)) expect(readJsonPrefix(text, start, { maxDepth: 100 }).ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it("claims a bracket whose first item is single-quoted, after JSON whitespace only", () => {
    expect(failsAsJsonAtOnce("{'a': 1}", 0)).toBe(true);
    expect(failsAsJsonAtOnce("x [ \n\t\r'a']", 2)).toBe(true);
    expect(failsAsJsonAtOnce('{"a": 1}', 0)).toBe(false);
    expect(failsAsJsonAtOnce("{\u00a0'a': 1}", 0)).toBe(false);
    expect(failsAsJsonAtOnce("('a',)", 0)).toBe(false);
    expect(failsAsJsonAtOnce("{", 0)).toBe(false);
  });
});

describe("readValueAt with single-quoted brackets", () => {
  it("reads them as Python or JavaScript", () => {
    const text = "see {'a': True, 'b': [1, 'x']} here";
    const r = readValueAt(Src.of(text), 4, ctxFor(text), []);
    expect(r.ok && r.end).toBe(30);
  });

  it("reports JSON's error when no reading accepts the value", () => {
    for (const text of ["{'a': }", "['a' 'b' : 1]", "{ 'a': 1, ]"]) {
      const json = readJsonPrefix(text, 0, { maxDepth: 100 });
      const notes: Repair[] = [];
      const r = readValueAt(Src.of(text), 0, ctxFor(text), notes);
      expect(json.ok).toBe(false);
      expect(r).toEqual({ ok: false, message: json.ok ? "" : json.error.message, offset: json.ok ? 0 : json.error.offset, unclosed: false });
    }
  });
});
