/**
 * decodeBfclPython against BFCL's own decoder on the conformance corpus: for every prompt-mode
 * record whose category is decoded as Python (all but simple_java and simple_javascript; the
 * relevance categories use this decoder too), the decode must fail exactly when BFCL's raised,
 * and otherwise give BFCL's `decoded` repr character for character.
 */
import { describe, expect, it } from "vitest";
import { decodeBfclPython } from "../../src/bfcl/decodePython.js";
import { pyRepr } from "../../src/value/repr.js";
import { conformanceFiles, readRecords, type ConformanceRecord } from "../helpers/conformance.js";
import { SHARED_DIR, SKIP_MESSAGE } from "../helpers/shared.js";

const NOT_PYTHON = new Set(["simple_java", "simple_javascript"]);

/** Prompt-mode Python records, grouped by run. */
function recordsByRun(): Map<string, ConformanceRecord[]> {
  const runs = new Map<string, ConformanceRecord[]>();
  for (const f of conformanceFiles()) {
    // Filter by the record's category: probes.jsonl mixes categories in one file.
    const records = readRecords(f.file).filter((r) => r.mode === "prompt" && !NOT_PYTHON.has(r.category));
    if (records.length > 0) runs.set(f.run, [...(runs.get(f.run) ?? []), ...records]);
  }
  return runs;
}

describe.skipIf(!SHARED_DIR)("decodeBfclPython agrees with BFCL's decoder", () => {
  const runs = SHARED_DIR ? recordsByRun() : new Map<string, ConformanceRecord[]>();

  it("finds prompt-mode records", () => {
    expect([...runs.values()].reduce((n, r) => n + r.length, 0)).toBeGreaterThan(20_000);
  });

  it.each([...runs.keys()].sort())("%s", (run) => {
    const disagreements = [];
    for (const r of runs.get(run)!) {
      const decoded = decodeBfclPython(r.result as string);
      const got = decoded.ok ? pyRepr(decoded.value) : null;
      if (got !== r.decoded) {
        disagreements.push({ at: `${r.file}:${r.line}`, id: r.id, expected: r.decoded, got, error: decoded.ok ? undefined : decoded.error });
      }
    }
    expect(disagreements).toEqual([]);
  });
});

if (!SHARED_DIR) {
  describe("decodeBfclPython agrees with BFCL's decoder", () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
}
