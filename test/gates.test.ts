/** Gates as data: parsing thresholds, checking minimums and regressions, reading baselines. */
import { describe, expect, it } from "vitest";
import type { CategoryId } from "../src/categories.js";
import {
  BaselineError,
  compareRuns,
  evaluateGates,
  parseFraction,
  parseMinGate,
  parseRegressionGate,
  readBaseline,
  type Gate,
  type GateResult,
  type RunScores,
} from "../src/gates.js";
import { categoryScores } from "../src/report.js";

function run(verdicts: Record<string, boolean>, model = "m"): RunScores {
  const results = Object.entries(verdicts).map(([id, valid]) => ({ id, valid, category: id.replace(/_\d+$/, "") as CategoryId }));
  return { model, ruleset: "bfcl", suiteHash: "sha256:a", categories: categoryScores(results), verdicts: new Map(results.map((r) => [r.id, r.valid])) };
}

describe("parsing", () => {
  it.each([
    ["0.8", 0.8],
    ["80%", 0.8],
    ["1", 1],
    ["100%", 1],
    [".5", 0.5],
    ["0", 0],
  ])("parseFraction(%j) = %f", (text, value) => {
    expect(parseFraction(text)).toEqual({ ok: true, value });
  });

  it.each([["1.01"], ["101%"], ["-0.1"], ["high"], [""], ["0.8x"]])("parseFraction(%j) is an error", (text) => {
    expect(parseFraction(text).ok).toBe(false);
  });

  it.each<[string, ReturnType<typeof parseMinGate>]>([
    ["0.9", { ok: true, value: { kind: "min", target: "all", min: 0.9 } }],
    ["live_simple=0.8", { ok: true, value: { kind: "min", target: "live_simple", min: 0.8 } }],
    ["live_overall=75%", { ok: true, value: { kind: "min", target: "live_overall", min: 0.75 } }],
    ["all=1", { ok: true, value: { kind: "min", target: "all", min: 1 } }],
    ["Live overall=0.5", { ok: false, error: expect.stringContaining("unknown gate target 'Live overall'") }],
    ["live_simple=lots", { ok: false, error: expect.stringContaining("'lots' is not a number") }],
  ])("parseMinGate(%j)", (spec, expected) => {
    expect(parseMinGate(spec)).toEqual(expected);
  });

  it.each<[string, ReturnType<typeof parseRegressionGate>]>([
    ["0.01", { ok: true, value: { kind: "max_regression", target: "summary", maxDrop: 0.01 } }],
    ["simple_java=2%", { ok: true, value: { kind: "max_regression", target: "simple_java", maxDrop: 0.02 } }],
    ["summary=0.1", { ok: false, error: expect.stringContaining("unknown gate target 'summary'") }],
  ])("parseRegressionGate(%j)", (spec, expected) => {
    expect(parseRegressionGate(spec)).toEqual(expected);
  });
});

describe("evaluateGates", () => {
  const now = run({ simple_python_0: true, simple_python_1: true, simple_python_2: false, irrelevance_0: true });
  const before = run({ simple_python_0: true, simple_python_1: false, simple_python_2: true, irrelevance_0: false });
  const comparison = compareRuns(now, before);

  it.each<[string, Gate, Partial<GateResult>[]]>([
    ["a minimum met", { kind: "min", target: "all", min: 0.75 }, [{ passed: true, actual: 0.75 }]],
    ["a minimum missed", { kind: "min", target: "simple_python", min: 0.7 }, [{ passed: false, actual: 2 / 3, reason: "below_min" }]],
    ["a minimum on a category not run", { kind: "min", target: "live_simple", min: 0 }, [{ passed: false, actual: null, reason: "not_run" }]],
    ["a minimum on a column not run", { kind: "min", target: "non_live_simple", min: 0 }, [{ passed: false, actual: null, reason: "not_run" }]],
    ["a regression within the limit", { kind: "max_regression", target: "simple_python", maxDrop: 0 }, [{ passed: true, actual: 2 / 3, baseline: 2 / 3 }]],
    ["an improvement", { kind: "max_regression", target: "all", maxDrop: 0 }, [{ passed: true, actual: 0.75, baseline: 0.5 }]],
    ["a target the baseline lacks", { kind: "max_regression", target: "live_simple", maxDrop: 0 }, [{ passed: true, actual: null, baseline: null }]],
    ["summary: all and the leaderboard columns both reports have", { kind: "max_regression", target: "summary", maxDrop: 0 }, [{ target: "all", passed: true }]],
  ])("%s", (_name, gate, expected) => {
    const results = evaluateGates([gate], now, comparison);
    expect(results).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(results[i]).toMatchObject(e));
  });

  it("fails a regression the limit does not allow, and one whose target is no longer run", () => {
    const worse = run({ simple_python_0: false, simple_python_1: false, simple_python_2: false, live_relevance_0: true });
    const c = compareRuns(worse, now);
    expect(evaluateGates([{ kind: "max_regression", target: "simple_python", maxDrop: 0.5 }], worse, c)).toMatchObject([{ passed: false, reason: "regressed", actual: 0, baseline: 2 / 3 }]);
    expect(evaluateGates([{ kind: "max_regression", target: "irrelevance", maxDrop: 1 }], worse, c)).toMatchObject([{ passed: false, reason: "not_run" }]);
  });

  it("fails a regression gate without a baseline", () => {
    expect(evaluateGates([{ kind: "max_regression", target: "summary", maxDrop: 0.01 }], now)).toMatchObject([{ passed: false, reason: "no_baseline" }]);
  });

  it("lists newly failing and newly passing entries, and ignores entries on one side only", () => {
    const extra = run({ simple_python_0: false, simple_python_1: true, simple_python_2: false, simple_python_3: false, irrelevance_0: true });
    expect(compareRuns(extra, before)).toMatchObject({ newlyFailing: ["simple_python_0", "simple_python_2"], newlyPassing: ["simple_python_1", "irrelevance_0"], suiteChanged: false });
    expect(compareRuns({ ...extra, suiteHash: "sha256:b" }, before).suiteChanged).toBe(true);
  });
});

describe("readBaseline", () => {
  const report = { model: "m", ruleset: "bfcl", suiteHash: "sha256:a", categories: [{ category: "simple_python", total: 2, correct: 1 }], results: [{ id: "simple_python_0", valid: true }] };
  it.each([
    ["one run", report, ["m"]],
    ["several runs", { runs: [report, { ...report, model: "n" }] }, ["m", "n"]],
  ])("reads %s", (_name, json, models) => {
    expect(readBaseline(json).map((r) => r.model)).toEqual(models);
    expect(readBaseline(json)[0]!.categories[0]).toMatchObject({ category: "simple_python", accuracy: 0.5 });
  });

  it.each([
    ["not an object", [1, 2], /not a toolgrade score report/],
    ["no results", { ...report, results: undefined }, /not a toolgrade score report/],
    ["a bad category", { ...report, categories: [{ category: "simple_cobol", total: 1, correct: 1 }] }, /categories\[0\] needs category, total and correct/],
    ["a bad result", { ...report, results: [{ id: "x" }] }, /results\[0\] needs id and valid/],
  ])("refuses %s", (_name, json, message) => {
    expect(() => readBaseline(json)).toThrow(BaselineError);
    expect(() => readBaseline(json)).toThrow(message);
  });
});
