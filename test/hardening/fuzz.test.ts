/**
 * Fuzzing with the real outputs of ../shared/conformance: a seeded sample of records (about 8%
 * of the 32,578, every run and category), each mutated several ways — the oracle's edits of the
 * characters that decide parsing, and splices of hostile fragments (prototype names, lone
 * surrogates, NUL, deep brackets, fences, tags) — and graded under both rulesets with the record's
 * mode, and scored as a reward. Nothing throws, every result is a well-formed verdict, each grading
 * stays within 1 s + 2 µs per character, and Object.prototype is unchanged afterwards.
 *
 * Skipped with a visible message when TOOLGRADE_SHARED is not set.
 */
import { describe, expect, it } from "vitest";
import { grade } from "../../src/grade.js";
import { compile } from "../../src/reward/compile.js";
import { bfclEntries, conformanceFiles, readRecords } from "../helpers/conformance.js";
import { SHARED_DIR, SKIP_MESSAGE } from "../helpers/shared.js";
import { mutate, seeded } from "../oracle/mutate.js";
import { objectIsClean, prototypeSnapshot } from "./corpus.js";

const SAMPLE = 0.08;
const FRAGMENTS = [
  "__proto__", "constructor(", "prototype=", "{'__proto__': 1}", '{"__proto__": {"x": 1}}', "\ud800", "\udfff", "\0",
  "[".repeat(300), "(".repeat(300), "```", "```python\n", "<tool_call>", "</tool_call>", "<think>", '"', "'''", "\\", "**", "10**10**10",
];

function splice(s: string, random: () => number): string {
  const at = Math.floor(random() * (s.length + 1));
  return s.slice(0, at) + FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]! + s.slice(at);
}

describe.skipIf(!SHARED_DIR)("fuzzing real outputs", () => {
  const files = SHARED_DIR ? conformanceFiles() : [];
  const before = prototypeSnapshot();

  it.each(files.map((f) => [`${f.run}/${f.category}`, f] as const))("%s", (_name, f) => {
    const entries = bfclEntries();
    const random = seeded([...f.file].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 9));
    let graded = 0;
    for (const r of readRecords(f.file)) {
      const entry = entries.get(r.id);
      if (!entry || random() > SAMPLE) continue;
      const outputs: unknown[] =
        typeof r.result === "string" ? [mutate(r.result, random), mutate(mutate(r.result, random), random), splice(r.result, random), splice(mutate(r.result, random), random)] : [r.result];
      for (const output of outputs) {
        const size = typeof output === "string" ? output.length : 1000;
        for (const ruleset of ["bfcl", "default"] as const) {
          const t = performance.now();
          const v = grade(entry, output, { ruleset, decode: r.mode, underscoreToDot: r.underscoreToDot });
          expect(performance.now() - t).toBeLessThan(1000 + 0.002 * size);
          expect(v.valid || (v.mismatches.length > 0 && typeof v.errorType === "string")).toBe(true);
          graded++;
        }
        const score = compile(entry, { decode: r.mode })(output).score;
        expect(score >= 0 && score <= 1).toBe(true);
      }
    }
    expect(prototypeSnapshot()).toBe(before);
    expect(objectIsClean()).toBe(true);
    expect(graded).toBeGreaterThanOrEqual(0);
  });
});

if (!SHARED_DIR) {
  describe("fuzzing real outputs", () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
}
