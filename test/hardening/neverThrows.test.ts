/**
 * Regressions for the ways grade() and compile() used to throw on model output, each pinned with
 * the verdict it gets now. Grading model output is data in, verdict out: no exception escapes.
 */
import { describe, expect, it } from "vitest";
import { grade } from "../../src/grade.js";
import { compile } from "../../src/reward/compile.js";
import type { Entry } from "../../src/types.js";
import { exampleSuite } from "../helpers/example.js";

const suite = exampleSuite();
const first = (c: string) => suite.entries.get(c as never)![0]!;

/** A payload `depth` lists deep around one FC call, as a provider SDK or JSON.parse hands it over. */
function deepPayload(depth: number): unknown {
  let v: unknown = [{ "geometry.circle_area": '{"radius": 7.0}' }];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

function cyclicPayload(): unknown {
  const call: Record<string, unknown> = { name: "geometry.circle_area" };
  call.arguments = call;
  return [call];
}

describe("payloads too deep or cyclic to convert are verdicts", () => {
  it.each([
    ["2,000 levels deep", () => deepPayload(2000)],
    ["100,000 levels deep", () => deepPayload(100_000)],
    ["cyclic", cyclicPayload],
  ])("%s", (_name, make) => {
    const output = make();
    for (const ruleset of ["default", "bfcl"] as const) {
      for (const decode of ["prompt", "fc"] as const) {
        const r = grade(first("simple_python"), output, { ruleset, decode });
        expect(r.valid).toBe(false);
        if (!r.valid) {
          expect(r.mismatches[0].code).toBe("undecodable_output");
          expect(r.mismatches[0]).toMatchObject({ reason: expect.stringContaining("nested deeper than") });
        }
      }
    }
    expect(compile(first("simple_python"))(output)).toMatchObject({ score: 0, verdict: { valid: false, code: "undecodable_output" } });
    expect(compile(first("simple_python"), { preset: "binary", ruleset: "bfcl" })(output).score).toBe(0);
  });

  it("keeps each category's rule for unreadable output", () => {
    const output = deepPayload(2000);
    // Irrelevance: BFCL counts a decoder failure as abstaining, the default ruleset as an attempt.
    expect(grade(first("irrelevance"), output, { ruleset: "bfcl", decode: "fc" }).valid).toBe(true);
    expect(grade(first("irrelevance"), output, { ruleset: "default", decode: "fc" }).valid).toBe(false);
    expect(grade(first("irrelevance"), output, { ruleset: "default", decode: "fc", malformedIsNoCall: true }).valid).toBe(true);
    const relevance = grade(first("live_relevance"), output, { ruleset: "default", decode: "fc" });
    expect(!relevance.valid && relevance.mismatches[0].code).toBe("missing_call");
  });
});

describe("the bfcl checker never rethrows", () => {
  it("an error the checker did not anticipate is a checker_exception verdict", () => {
    // A hand-built entry whose gold alternatives fail when read (the suite reader never makes
    // one): the checker hits a TypeError, not BFCL's CheckerCrash.
    const base = first("simple_python");
    const broken = new Proxy([7.0], { get: () => { throw new TypeError("unreadable alternatives"); } });
    const entry: Entry = { ...base, golds: [{ name: base.golds[0]!.name, params: new Map([["radius", broken as never], ["unit", [""]]]) }] };
    const output = "[geometry.circle_area(radius=7.0)]";
    const r = grade(entry, output, { ruleset: "bfcl" });
    expect(r.valid).toBe(false);
    if (!r.valid) {
      expect(r.mismatches[0].code).toBe("checker_exception");
      expect(r.mismatches[0]).toMatchObject({ reason: expect.stringMatching(/^TypeError: .*unexpected in the checker/) });
    }
  });
});
