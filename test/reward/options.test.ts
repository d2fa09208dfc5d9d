/** Reward options are validated once, at compile time, with the option named in the error. */
import { describe, expect, it } from "vitest";
import { compile } from "../../src/reward/compile.js";
import { PRESETS, resolveOptions, RewardOptionsError, type RewardOptions } from "../../src/reward/options.js";
import { exampleSuite } from "../helpers/example.js";

describe("resolveOptions", () => {
  it.each([
    ["defaults", {}, { preset: "graded", ruleset: "default", weights: PRESETS.graded.weights, overEmission: 1, valueCache: 64 }],
    ["one weight changed", { weights: { values: 0.6 } }, { weights: { ...PRESETS.graded.weights, values: 0.6 } }],
    ["toolrl weights", { preset: "toolrl", weights: { format: 2 } }, { weights: { format: 2, correctness: 6 } }],
    ["binary under bfcl", { preset: "binary", ruleset: "bfcl" }, { preset: "binary", ruleset: "bfcl", weights: {} }],
    ["no over-emission penalty", { overEmission: 0 }, { overEmission: 0 }],
  ] as Array<[string, RewardOptions, object]>)("%s", (_name, options, expected) => {
    expect(resolveOptions(options)).toMatchObject(expected);
  });

  it.each([
    ["unknown preset", { preset: "lenient" }, "preset"],
    ["unknown ruleset", { preset: "binary", ruleset: "strict" }, "ruleset"],
    ["bfcl ruleset outside binary", { ruleset: "bfcl" }, "ruleset"],
    ["unknown weight", { weights: { speed: 1 } }, "weights.speed"],
    ["weight of another preset", { preset: "toolrl", weights: { values: 1 } }, "weights.values"],
    ["weights for binary", { preset: "binary", weights: { name: 1 } }, "weights.name"],
    ["negative weight", { weights: { name: -1 } }, "weights.name"],
    ["NaN weight", { weights: { name: Number.NaN } }, "weights.name"],
    ["infinite weight", { weights: { values: Number.POSITIVE_INFINITY } }, "weights.values"],
    ["a weight that is not a number", { weights: { values: "1" } }, "weights.values"],
    ["all weights zero", { weights: { count: 0, name: 0, keyPrecision: 0, keyRecall: 0, values: 0 } }, "weights"],
    ["no weight to pair calls", { weights: { name: 0, keyPrecision: 0, keyRecall: 0, values: 0 } }, "weights"],
    ["negative over-emission", { overEmission: -1 }, "overEmission"],
    ["fractional cache size", { valueCache: 1.5 }, "valueCache"],
    ["unknown decode", { decode: "xml" }, "decode"],
  ])("%s is refused", (_name, options, option) => {
    let error: unknown;
    try {
      resolveOptions(options as RewardOptions);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RewardOptionsError);
    expect((error as RewardOptionsError).option).toBe(option);
  });

  it("compile validates before anything is scored", () => {
    const entry = exampleSuite().entries.get("simple_python")![0]!;
    expect(() => compile(entry, { weights: { name: -1 } })).toThrow(RewardOptionsError);
  });
});
