/**
 * The Java and JavaScript prompt decoders against BFCL's own decoder output, record by record:
 * for every prompt-mode simple_java / simple_javascript record of ../shared/conformance (probes
 * included), the decoder succeeds iff BFCL's did (`decoded` is not null), and the Python repr of
 * what it returns is BFCL's `decoded` exactly (`"None"` when the JavaScript decoder found no call).
 */
import { describe, expect, it } from "vitest";
import { decodeBfclJava } from "../../src/bfcl/decodeJava.js";
import { decodeBfclJavaScript } from "../../src/bfcl/decodeJavaScript.js";
import { pyRepr } from "../../src/value/repr.js";
import { conformanceFiles, readRecords } from "../helpers/conformance.js";
import { SHARED_DIR, SKIP_MESSAGE } from "../helpers/shared.js";

const DECODERS: Record<string, (text: string) => ReturnType<typeof decodeBfclJava>> = {
  simple_java: decodeBfclJava,
  simple_javascript: decodeBfclJavaScript,
};

describe.skipIf(!SHARED_DIR)("Java/JavaScript prompt decoding matches BFCL", () => {
  const files = SHARED_DIR ? conformanceFiles() : [];
  const withRecords = files
    .map((f) => ({ name: `${f.run}/${f.category}`, records: readRecords(f.file).filter((r) => r.mode === "prompt" && r.category in DECODERS) }))
    .filter((f) => f.records.length > 0);

  it("finds the Java and JavaScript prompt records", () => {
    expect(withRecords.reduce((n, f) => n + f.records.length, 0)).toBeGreaterThan(2500);
  });

  it.each(withRecords.map((f) => [f.name, f.records] as const))("%s", (_name, records) => {
    const disagreements = [];
    for (const r of records) {
      const decoded = DECODERS[r.category]!(r.result as string);
      const got = decoded.ok ? pyRepr(decoded.value) : null;
      if (got !== r.decoded) disagreements.push({ line: r.line, id: r.id, expected: r.decoded, got });
    }
    expect(disagreements).toEqual([]);
  });
});

if (!SHARED_DIR) {
  describe("Java/JavaScript prompt decoding matches BFCL", () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
}
