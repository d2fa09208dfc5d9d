/** `toolgrade reward` and `toolgrade serve` argument handling, over the example suite. */
import { describe, expect, it } from "vitest";
import { run, type Outcome } from "../../src/cli/main.js";
import { rewardOptionsFrom } from "../../src/cli/reward.js";
import { DATA, GOLDS } from "../helpers/example.js";

async function cli(...argv: string[]): Promise<{ outcome: Outcome; out: string }> {
  let out = "";
  const outcome = await run(argv, { out: (s) => (out += s), err: () => {} });
  return { outcome, out };
}

const RESULTS = `${DATA}/results/example-model`;

describe("toolgrade reward", () => {
  it("prints one JSON line per output with score, components and verdict", async () => {
    const { outcome, out } = await cli("reward", "--data", DATA, "--golds", GOLDS, "--results", RESULTS, "--category", "simple_python");
    expect(outcome.kind).toBe("ok");
    const lines = out.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toEqual({ id: "simple_python_0", category: "simple_python", score: 1, components: { format: 1, count: 1, name: 1, keyPrecision: 1, keyRecall: 1, values: 1 }, valid: true, code: null });
    expect(lines[1]).toMatchObject({ id: "simple_python_1", valid: false, code: "wrong_string_value" });
    expect(lines[1].score).toBeGreaterThan(0);
    expect(lines[1].score).toBeLessThan(1);
  });

  it("prints the score distribution per category as text", async () => {
    const { out } = await cli("reward", "--data", DATA, "--golds", GOLDS, "--results", RESULTS, "--format", "text");
    expect(out).toMatch(/^category\s+outputs\s+mean\s+=0\s+=1\s+p25\s+p50\s+p75$/m);
    expect(out).toMatch(/^simple_python\s+5\s/m);
    expect(out).toMatch(/^all\s+\d+\s/m);
  });

  it("scores the binary preset under the bfcl ruleset", async () => {
    const { out } = await cli("reward", "--data", DATA, "--golds", GOLDS, "--results", `${DATA}/results/example-model-fc`, "--preset", "binary", "--ruleset", "bfcl", "--decode", "fc", "--underscore-to-dot");
    const scores = out.trim().split("\n").map((l) => JSON.parse(l).score);
    expect(new Set(scores)).toEqual(new Set([0, 1]));
  });

  it.each([
    ["missing --data", ["reward", "--results", RESULTS]],
    ["unknown preset", ["reward", "--data", DATA, "--golds", GOLDS, "--results", RESULTS, "--preset", "lenient"]],
    ["unknown weight", ["reward", "--data", DATA, "--golds", GOLDS, "--results", RESULTS, "--weights", "speed=1"]],
    ["weights that do not parse", ["reward", "--data", DATA, "--golds", GOLDS, "--results", RESULTS, "--weights", "values"]],
    ["bfcl ruleset on graded", ["reward", "--data", DATA, "--golds", GOLDS, "--results", RESULTS, "--ruleset", "bfcl"]],
    ["unknown format", ["reward", "--data", DATA, "--golds", GOLDS, "--results", RESULTS, "--format", "csv"]],
    ["missing results", ["reward", "--data", DATA, "--golds", GOLDS, "--results", "/nonexistent"]],
    ["serve without --data", ["serve"]],
    ["serve on a bad port", ["serve", "--data", DATA, "--golds", GOLDS, "--port", "http"]],
    ["serve with bad workers", ["serve", "--data", DATA, "--golds", GOLDS, "--workers", "many"]],
  ])("%s → bad_input", async (_name, argv) => {
    expect((await cli(...argv)).outcome.kind).toBe("bad_input");
  });

  it.each([
    ["weights", { preset: "graded", decode: "prompt", weights: "values=0.6, name=0.1" }, { weights: { values: 0.6, name: 0.1 } }],
    ["over-emission", { preset: "graded", decode: "prompt", "over-emission": "0.5" }, { overEmission: 0.5 }],
    ["malformed is no call", { preset: "graded", decode: "prompt", "malformed-is-no-call": true }, { malformedIsNoCall: true }],
  ])("reads %s", (_name, flags, expected) => {
    expect(rewardOptionsFrom(flags)).toMatchObject(expected);
  });

  it("lists both commands in the help", async () => {
    const { out } = await cli("--help");
    expect(out).toMatch(/toolgrade reward /);
    expect(out).toMatch(/toolgrade serve /);
  });
});
