/**
 * Parity with BFCL's own verdicts: every record of ../shared/conformance graded by the `bfcl`
 * ruleset must get BFCL's `valid` and `error_type`, both from the raw result and from BFCL's
 * decoded calls (the checker alone). Disagreements that cannot be fixed go to
 * known-divergences.json with a reason; the goal is that file stays empty.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkDecodedBfcl, gradeBfcl } from "../../src/bfcl/gradeBfcl.js";
import { bfclErrorType, type Mismatch } from "../../src/mismatch.js";
import { parsePythonLiteral } from "../../src/parse/python/literal.js";
import { bfclEntries, conformanceFiles, readRecords, type ConformanceRecord } from "../helpers/conformance.js";
import { SHARED_DIR, SKIP_MESSAGE } from "../helpers/shared.js";

interface Divergence {
  run: string;
  category: string;
  line: number;
  check: "raw" | "decoded";
  reason: string;
}

const known: Divergence[] = JSON.parse(readFileSync(new URL("./known-divergences.json", import.meta.url), "utf8"));

function verdict(mismatches: Mismatch[]): { valid: boolean; errorType: string | null } {
  return { valid: mismatches.length === 0, errorType: mismatches[0] ? bfclErrorType(mismatches[0]) : null };
}

function disagreements(records: ConformanceRecord[]) {
  const entries = bfclEntries();
  const found: Array<{ line: number; check: "raw" | "decoded"; id: string; expected: unknown; got: unknown }> = [];
  for (const r of records) {
    const entry = entries.get(r.id);
    if (!entry) throw new Error(`${r.file}:${r.line}: no BFCL entry ${r.id}`);
    const options = { decode: r.mode, underscoreToDot: r.underscoreToDot };
    const expected = { valid: r.valid, errorType: r.errorType };
    const raw = verdict(gradeBfcl(entry, r.result, options).mismatches);
    if (raw.valid !== expected.valid || raw.errorType !== expected.errorType) {
      found.push({ line: r.line, check: "raw", id: r.id, expected, got: raw });
    }
    let decoded;
    if (r.decoded === null) decoded = { ok: false as const, error: "decoder raised" };
    else {
      const lit = parsePythonLiteral(r.decoded);
      if (!lit.ok) throw new Error(`${r.file}:${r.line}: cannot read decoded repr: ${lit.error.message}`);
      decoded = { ok: true as const, value: lit.value };
    }
    const alone = verdict(checkDecodedBfcl(entry, decoded, options).mismatches);
    if (alone.valid !== expected.valid || alone.errorType !== expected.errorType) {
      found.push({ line: r.line, check: "decoded", id: r.id, expected, got: alone });
    }
  }
  return found;
}

describe.skipIf(!SHARED_DIR)("BFCL conformance (bfcl ruleset)", () => {
  const files = SHARED_DIR ? conformanceFiles() : [];
  it("finds the whole corpus: 32,492 model outputs and 86 probes", () => {
    const counts = files.map((f) => [f.run, readRecords(f.file).length] as const);
    const probes = counts.filter(([run]) => run === "probes").reduce((a, [, n]) => a + n, 0);
    const outputs = counts.filter(([run]) => run !== "probes").reduce((a, [, n]) => a + n, 0);
    expect({ outputs, probes }).toEqual({ outputs: 32492, probes: 86 });
  });
  it.each(files.map((f) => [`${f.run}/${f.category}`, f] as const))("%s agrees with BFCL", (_name, f) => {
    const records = readRecords(f.file);
    const found = disagreements(records);
    const allowed = known.filter((k) => k.run === f.run && k.category === f.category);
    const unexplained = found.filter((d) => !allowed.some((k) => k.line === d.line && k.check === d.check));
    expect(unexplained).toEqual([]);
  });
});

if (!SHARED_DIR) {
  describe("BFCL conformance (bfcl ruleset)", () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
}
