/**
 * validateSuite on a hand-made suite and hand-written frontier answers: every classification is
 * reached, ceilings count entries any frontier run passes, unsatisfiable entries are dropped
 * before the trust decision, the slice holds what every run passes, and the patch proposes only
 * form-equivalent values in BFCL's possible-answer shape.
 */
import { describe, expect, it } from "vitest";
import { auditSuite } from "../../src/audit/auditSuite.js";
import { classify, patchedGolds, validateSuite, type FrontierRun } from "../../src/audit/validateSuite.js";
import type { ResultRecord } from "../../src/suite/parseResults.js";
import { pyRepr } from "../../src/value/repr.js";
import { fn, suiteOf, type Case } from "./suites.js";

const weather = fn("get_weather", { city: { type: "string", description: "the city" }, days: { type: "integer", description: "days" } }, ["city"]);
const entry = (n: number, say: string, city: unknown): Case => ({ id: `simple_python_${n}`, say, functions: [weather], gold: [{ get_weather: { city } }] });

const CASES: Case[] = [
  entry(0, "Weather in Paris", ["Paris"]),
  { id: "simple_python_1", say: "Weather in Paris", functions: [weather], gold: [{ get_weather: { city: ["Paris"], days: [] } }] },
  entry(2, "Weather in New York City", ["New York City"]),
  entry(3, "Weather in the Hamptons", ["Hampton"]),
  entry(4, "Weather in Paris or maybe Lyon", ["Paris"]),
  entry(5, "Weather in Paris", ["Paris"]),
  entry(6, "Weather in Paris", ["Paris"]),
];
const suite = suiteOf("simple_python", CASES);
const audit = auditSuite(suite, { skipGrounding: true });

function run(model: string, answers: Record<number, string>): FrontierRun {
  const records: ResultRecord[] = Object.entries(answers).map(([n, result], i) => ({ id: `simple_python_${n}`, category: "simple_python", result, file: `${model}.json`, line: i + 1 }));
  return { model, records, decode: "prompt", underscoreToDot: false };
}

const A = run("a", {
  0: "[get_weather(city='Paris')]",
  1: "[get_weather(city='Paris')]",
  2: "[get_weather(city='NYC')]",
  3: "[get_weather(city='Hamptons')]",
  4: "[get_weather(city='Lyon')]",
  5: "[get_weather(city='Berlin')]",
  6: "[get_forecast(city='Paris')]",
});
const B = run("b", { 0: "[get_weather(city='Paris')]", 1: "x", 2: "x", 3: "x", 4: "x", 5: "x", 6: "[get_weather(city='Paris')]" });

const report = validateSuite(suite, [A, B], audit, { threshold: 0.9 });
const of = (model: string, n: number) => report.failures.find((f) => f.model === model && f.id === `simple_python_${n}` && f.ruleset === "bfcl");

describe("classification of frontier failures (bfcl ruleset)", () => {
  it.each([
    ["no answer can pass", 1, "unsatisfiable_gold", undefined],
    ["the default ruleset accepts the answer (an alias)", 2, "equivalent_answer", "default_accepts"],
    ["grounded, and differs only in form (a plural ending)", 3, "equivalent_answer", "form"],
    ["grounded in the conversation, but a different city", 4, "disputed", undefined],
    ["a city the user never named", 5, "frontier_error", undefined],
    ["a function the entry does not offer", 6, "frontier_error", undefined],
  ] as const)("%s", (_name, n, classification, basis) => {
    const f = of("a", n);
    expect(f?.classification).toBe(classification);
    expect(f?.basis).toBe(basis);
    expect(f?.reason).not.toBe("");
  });

  it("an answer with no difference in meaning is an equivalent answer", () => {
    expect(classify([]).classification).toBe("equivalent_answer");
  });

  it("the worst difference decides", () => {
    expect(classify([{ kind: "form", path: "a" }, { kind: "substance", path: "b" }, { kind: "structure", path: "c" }]).classification).toBe("frontier_error");
    expect(classify([{ kind: "form", path: "a" }, { kind: "gold_ungrounded", path: "b" }]).classification).toBe("disputed");
  });
});

describe("ceilings, trust and the slice", () => {
  const c = report.categories[0]!;
  it("counts an entry when any frontier run passes it", () => {
    expect(c.ceiling.bfcl).toMatchObject({ passed: 2, total: 7, dropped: 1 });
    expect(c.ceiling.bfcl.ceilingAfterDrop).toBeCloseTo(2 / 6);
    expect(c.ceiling.bfcl.trusted).toBe(false);
    expect(c.ceiling.default.passed).toBe(3);
  });

  it("counts failures by class per ruleset", () => {
    expect(c.counts.bfcl).toEqual({ unsatisfiable_gold: 2, equivalent_answer: 2, disputed: 1, frontier_error: 6 });
    expect(c.defaultAccepts).toBe(1);
  });

  it("slices the entries every frontier run passes", () => {
    expect(report.slice).toEqual(["simple_python_0"]);
  });

  it("is trusted once the frontier aces what can be passed", () => {
    const good = run("good", { 0: "[get_weather(city='Paris')]", 1: "x", 2: "[get_weather(city='New York City')]", 3: "[get_weather(city='Hampton')]", 4: "[get_weather(city='Paris')]", 5: "[get_weather(city='Paris')]", 6: "[get_weather(city='Paris')]" });
    const r = validateSuite(suite, [good], audit, { threshold: 0.98 });
    expect(r.categories[0]!.ceiling.bfcl).toMatchObject({ passed: 6, dropped: 1, ceilingAfterDrop: 1, trusted: true });
  });
});

describe("the patch", () => {
  it("proposes the values of equivalent answers that BFCL rejects, appended to the gold's alternatives", () => {
    expect(report.proposals.map((p) => [p.id, p.param, p.value, p.models])).toEqual([
      ["simple_python_2", "city", "NYC", ["a"]],
      ["simple_python_3", "city", "Hamptons", ["a"]],
    ]);
    const line = patchedGolds(suite, report.proposals).find((g) => g.id === "simple_python_3");
    expect(pyRepr(line!.ground_truth)).toBe("[{'get_weather': {'city': ['Hampton', 'Hamptons']}}]");
  });
});
