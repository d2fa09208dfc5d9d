/**
 * decodeBfclPython reads plain call lists with a single scan (fastReadPython) and everything else
 * with the Python parser. The two must give the same decode wherever the scan reads: a table,
 * generated call lists, every prompt output of the conformance corpus and seeded mutations of them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBfclPython, decodeBfclPythonParsed } from "../../src/bfcl/decodePython.js";
import { fastReadPython } from "../../src/parse/fastRead.js";
import { pyRepr } from "../../src/value/repr.js";
import { callListText, nearCallListText } from "../helpers/callText.js";
import { conformanceFiles, readRecords } from "../helpers/conformance.js";
import { SHARED_DIR, SKIP_MESSAGE } from "../helpers/shared.js";
import { mutate, seeded } from "../oracle/mutate.js";

function show(r: ReturnType<typeof decodeBfclPython>): string {
  return r.ok ? pyRepr(r.value) : `error ${r.error}`;
}

/** Why the decoder (fast path included) differs from the parser-only path, or undefined. */
function difference(text: string): string | undefined {
  const a = show(decodeBfclPython(text));
  const b = show(decodeBfclPythonParsed(text));
  return a === b ? undefined : `${JSON.stringify(text)}: ${a} vs ${b}`;
}

describe("the BFCL Python decoder's fast path", () => {
  it.each([
    ["plain", "[f(a=1, b='x')]", true],
    ["no brackets", "f(a=1.0), g(b=None)", true],
    ["a bare name is its text", "[f(a=my_var)]", true],
    ["an empty list", " [ \n ] ", true],
    ["negative numbers", "[f(a=-1, b=-2.5, c=-0.0)]", true],
    ["an attribute chain goes to the parser", "[f(a=np.pi)]", false],
    ["a NUL goes to the parser", "[f(a='x\u0000')]", false],
    ["a lone surrogate goes to the parser", "[f(a='\ud800')]", false],
    ["fences go to the parser", "```python\n[f(a=1)]\n```", false],
    ["positional arguments go to the parser", "[f(1, a=2)]", false],
    ["a trailing semicolon goes to the parser (a syntax error there)", "f(a=1);", false],
  ])("%s", (_name, text, fast) => {
    expect(fastReadPython(text) !== undefined).toBe(fast);
    expect(difference(text)).toBeUndefined();
  });

  it("agrees with the parser on generated call lists and text near them", () => {
    fc.assert(fc.property(fc.oneof(callListText, nearCallListText), (t) => {
      expect(difference(t)).toBeUndefined();
    }), { numRuns: 4000 });
  });
});

describe.skipIf(!SHARED_DIR)("the BFCL Python decoder's fast path on the conformance corpus", () => {
  it("agrees with the parser on every prompt output and on mutations of them", () => {
    const random = seeded(20261122);
    const differences: string[] = [];
    let fast = 0;
    for (const f of conformanceFiles()) {
      for (const r of readRecords(f.file)) {
        if (typeof r.result !== "string" || r.mode !== "prompt") continue;
        for (const text of [r.result, mutate(r.result, random)]) {
          if (fastReadPython(text)) fast++;
          const d = difference(text);
          if (d) differences.push(`${f.run}/${f.category}:${r.line}: ${d}`);
        }
      }
    }
    expect(differences.slice(0, 10)).toEqual([]);
    expect(fast).toBeGreaterThan(10_000);
  });
});

if (!SHARED_DIR) {
  describe("the BFCL Python decoder's fast path on the conformance corpus", () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
}
