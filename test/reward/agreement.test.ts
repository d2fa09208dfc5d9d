/**
 * The reward agrees with the rulesets' verdicts: a graded score is 1 exactly when the default
 * ruleset passes (and its verdict code is the ruleset's first mismatch code), `binary` is the
 * default verdict, and `binary` under `bfcl` is BFCL's own verdict. Checked on the example runs
 * and on every record of ../shared/conformance.
 */
import { describe, expect, it } from "vitest";
import { grade } from "../../src/grade.js";
import { compile } from "../../src/reward/compile.js";
import type { Entry } from "../../src/types.js";
import { pyRepr } from "../../src/value/repr.js";
import type { Value } from "../../src/value/value.js";
import { bfclEntries, conformanceFiles, readRecords } from "../helpers/conformance.js";
import { exampleResults, exampleSuite } from "../helpers/example.js";
import { SHARED_DIR, SKIP_MESSAGE } from "../helpers/shared.js";

interface Sample {
  entry: Entry;
  result: Value;
  decode: "prompt" | "fc";
  underscoreToDot: boolean;
  /** BFCL's verdict, when known (the conformance corpus). */
  bfclValid?: boolean;
}

/** Each disagreement, described; the list should be empty. */
function disagreements(samples: Sample[]): string[] {
  const out: string[] = [];
  for (const s of samples) {
    const options = { decode: s.decode, underscoreToDot: s.underscoreToDot };
    const verdict = grade(s.entry, s.result, { ruleset: "default", decode: s.decode });
    const graded = compile(s.entry, options)(s.result);
    const toolrl = compile(s.entry, { ...options, preset: "toolrl" })(s.result);
    const binary = compile(s.entry, { ...options, preset: "binary" })(s.result);
    const bfcl = compile(s.entry, { ...options, preset: "binary", ruleset: "bfcl" })(s.result);
    const bfclValid = s.bfclValid ?? grade(s.entry, s.result, { ruleset: "bfcl", ...options }).valid;
    const code = verdict.valid ? null : verdict.mismatches[0].code;
    const where = `${s.entry.id} ${pyRepr(s.result).slice(0, 120)}`;
    if ((graded.score === 1) !== verdict.valid) out.push(`graded ${graded.score} vs default ${verdict.valid}: ${where}`);
    if ((toolrl.score === 1) !== verdict.valid) out.push(`toolrl ${toolrl.score} vs default ${verdict.valid}: ${where}`);
    if (graded.verdict.code !== code) out.push(`code ${graded.verdict.code} vs ${code}: ${where}`);
    if (binary.score !== (verdict.valid ? 1 : 0)) out.push(`binary ${binary.score} vs default ${verdict.valid}: ${where}`);
    if (bfcl.score !== (bfclValid ? 1 : 0)) out.push(`binary/bfcl ${bfcl.score} vs BFCL ${bfclValid}: ${where}`);
  }
  return out;
}

describe("agreement on the example runs", () => {
  const entries = new Map([...exampleSuite().entries.values()].flat().map((e) => [e.id, e]));
  it.each([
    ["example-model", "prompt", false],
    ["example-model-fc", "fc", true],
  ] as const)("%s", (run, decode, underscoreToDot) => {
    const samples = exampleResults(run).map((r) => ({ entry: entries.get(r.id)!, result: r.result, decode, underscoreToDot }));
    expect(samples.length).toBeGreaterThan(30);
    expect(disagreements(samples)).toEqual([]);
  });
});

describe.skipIf(!SHARED_DIR)("agreement on the conformance corpus", () => {
  const files = SHARED_DIR ? conformanceFiles() : [];
  it.each(files.map((f) => [`${f.run}/${f.category}`, f] as const))("%s", (_name, f) => {
    const entries = bfclEntries();
    const samples = readRecords(f.file).map((r) => ({
      entry: entries.get(r.id)!,
      result: r.result,
      decode: r.mode,
      underscoreToDot: r.underscoreToDot,
      bfclValid: r.valid,
    }));
    expect(disagreements(samples)).toEqual([]);
  });
});

if (!SHARED_DIR) {
  describe("agreement on the conformance corpus", () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
}
