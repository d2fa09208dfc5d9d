/**
 * The bfcl ruleset on the project's example suite. Each deliberate mistake in
 * data/results/README.md is a row with the error BFCL's rules give it; every other output passes.
 */
import { describe, expect, it } from "vitest";
import { grade } from "../../src/grade.js";
import { scoreRun } from "../../src/score.js";
import type { Entry } from "../../src/types.js";
import { exampleResults, exampleSuite } from "../helpers/example.js";

const suite = exampleSuite();
const byId = new Map<string, Entry>();
for (const list of suite.entries.values()) for (const e of list) byId.set(e.id, e);

const PROMPT_FAILURES: Record<string, [string, string]> = {
  simple_python_1: ["value_error:string", "calls[0].args.to_currency"],
  simple_python_3: ["simple_function_checker:missing_required", "calls[0].args.waypoints"],
  simple_java_2: ["type_error:simple", "calls[0].args.sinceEpochMillis"],
  simple_javascript_1: ["simple_function_checker:missing_optional", "calls[0].args.leading"],
  multiple_1: ["type_error:simple", "calls[0].args.duration_minutes"],
  multiple_2: ["simple_function_checker:wrong_func_name", "calls[0].name"],
  parallel_1: ["parallel_function_checker_no_order:wrong_count", "calls"],
  parallel_3: ["parallel_function_checker_no_order:cannot_find_match", "calls"],
  parallel_multiple_1: ["ast_decoder:decoder_failed", "output"],
  "live_simple_2-1-0": ["value_error:others", "calls[0].args.order_number"],
  "live_simple_3-2-0": ["value_error:list/tuple", "calls[0].args.columns"],
  "live_multiple_1-0-1": ["simple_function_checker:unexpected_param", "calls[0].args.notify_by"],
  "live_multiple_2-1-0": ["ast_decoder:decoder_failed", "output"],
  irrelevance_1: ["irrelevance_error:decoder_success", "calls"],
  "live_relevance_2-2-0": ["relevance_error:decoder_failed", "output"],
};

const FC_FAILURES: Record<string, string> = {
  simple_python_0: "simple_function_checker:wrong_func_name",
  simple_java_2: "type_error:java",
  multiple_2: "ast_decoder:decoder_failed",
  parallel_4: "parallel_function_checker_no_order:cannot_find_match",
  "live_simple_2-1-0": "type_error:simple",
  irrelevance_1: "irrelevance_error:decoder_success",
  "live_relevance_2-2-0": "relevance_error:decoder_failed",
};

describe("example outputs, prompt mode", () => {
  const records = exampleResults("example-model");
  it.each(records.map((r) => [r.id, r] as const))("%s", (id, r) => {
    const result = grade(byId.get(id)!, r.result, { ruleset: "bfcl", decode: "prompt" });
    const expected = PROMPT_FAILURES[id];
    expect(result.errorType).toBe(expected?.[0] ?? null);
    if (expected) expect(result.mismatches[0]?.path).toBe(expected[1]);
  });
});

describe("example outputs, FC mode", () => {
  const records = exampleResults("example-model-fc");
  it.each(records.map((r) => [r.id, r] as const))("%s", (id, r) => {
    const result = grade(byId.get(id)!, r.result, { ruleset: "bfcl", decode: "fc", underscoreToDot: true });
    expect(result.errorType).toBe(FC_FAILURES[id] ?? null);
  });
});

describe("scoring the example run", () => {
  it("aggregates per category and into BFCL's summary columns", () => {
    const report = scoreRun(suite.entries, exampleResults("example-model"), { ruleset: "bfcl" });
    const acc = Object.fromEntries(report.categories.map((c) => [c.category, `${c.correct}/${c.total}`]));
    expect(acc).toEqual({
      simple_python: "3/5",
      simple_java: "4/5",
      simple_javascript: "4/5",
      multiple: "3/5",
      parallel: "3/5",
      parallel_multiple: "4/5",
      live_simple: "3/5",
      live_multiple: "3/5",
      live_parallel: "4/4",
      live_parallel_multiple: "4/4",
      irrelevance: "4/5",
      live_irrelevance: "5/5",
      live_relevance: "3/4",
    });
    expect(report.summary.nonLiveSimple).toBeCloseTo((3 / 5 + 4 / 5 + 4 / 5) / 3, 10);
    expect(report.summary.liveOverall).toBeCloseTo((3 + 3 + 4 + 4) / (5 + 5 + 4 + 4), 10);
    expect(report.summary.irrelevance).toBeCloseTo((4 / 5 + 5 / 5) / 2, 10);
  });
});
