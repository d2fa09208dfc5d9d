/**
 * auditSuite on hand-made suites: each check fires on a gold that has the defect and stays quiet
 * on one that does not; unsatisfiable entries are reported per ruleset and decoding.
 */
import { describe, expect, it } from "vitest";
import { auditSuite } from "../../src/audit/auditSuite.js";
import { describeFinding, type Finding, type FindingCode } from "../../src/audit/findings.js";
import { Grounding } from "../../src/audit/grounding.js";
import { SchemaChecker } from "../../src/audit/schema.js";
import type { CategoryId } from "../../src/categories.js";
import { parseCategory, SuiteError, type SuiteProblem } from "../../src/suite/parseSuite.js";
import type { ParamDoc } from "../../src/types.js";
import { fn, suiteOf, type Case } from "./suites.js";

const weather = fn("get_weather", {
  city: { type: "string", description: "the city" },
  unit: { type: "string", description: "temperature unit", enum: ["celsius", "fahrenheit"] },
  days: { type: "integer", description: "how many days" },
}, ["city"]);

function audit(cases: Case[], category: CategoryId = "simple_python"): Finding[] {
  return auditSuite(suiteOf(category, cases)).findings;
}

function codes(findings: Finding[]): FindingCode[] {
  return findings.map((f) => f.code);
}

type Row = [name: string, gold: object, say: string, expected: FindingCode[]];

const ROWS: Row[] = [
  ["a clean gold", { get_weather: { city: ["Paris"], unit: ["celsius", ""], days: [3, ""] } }, "Weather in Paris for three days, in celsius", []],
  ["gold parameter missing from the doc, not omittable", { get_weather: { city: ["Paris"], country: ["France"] } }, "Weather in Paris, France", ["gold_param_not_in_doc", "unsatisfiable_gold"]],
  ["gold parameter missing from the doc, omittable", { get_weather: { city: ["Paris"], country: ["France", ""] } }, "Weather in Paris, France", ["gold_param_not_in_doc"]],
  ["doc-required parameter the gold only lets be omitted", { get_weather: { city: [""] } }, "Weather please", ["required_param_only_omittable"]],
  ["empty list of acceptable values", { get_weather: { city: ["Paris"], days: [] } }, "Weather in Paris", ["empty_alternatives", "unsatisfiable_gold"]],
  ["a float for an integer parameter", { get_weather: { city: ["Paris"], days: [3.5] } }, "Weather in Paris for 3.5 days", ["alternative_wrong_type", "unsatisfiable_gold"]],
  ["a value outside the enum", { get_weather: { city: ["Paris"], unit: ["kelvin"] } }, "Weather in Paris in kelvin", ["alternative_not_in_enum"]],
  ["an enum value in another case is inside the enum", { get_weather: { city: ["Paris"], unit: ["Celsius"] } }, "Weather in Paris in Celsius", []],
  ["a value the user never said", { get_weather: { city: ["Lyon"] } }, "Weather in Paris", ["ungroundable_value"]],
  ["a value said as an alias", { get_weather: { city: ["New York City"] } }, "Weather in NYC", []],
  ["a number said in words", { get_weather: { city: ["Paris"], days: [5] } }, "Weather in Paris for five days", []],
];

describe("audit checks", () => {
  it.each(ROWS)("%s", (_name, gold, say, expected) => {
    const found = audit([{ id: "simple_python_0", say, functions: [weather], gold: [gold] }]);
    expect(codes(found).sort()).toEqual([...expected].sort());
    for (const f of found) expect(describeFinding(f)).not.toBe("");
  });

  it("says which scopes an unsatisfiable gold concerns, and that it is proved", () => {
    const [f] = audit([{ id: "simple_python_0", say: "Weather in Paris", functions: [weather], gold: [{ get_weather: { city: ["Paris"], days: [] } }] }]).filter((x) => x.code === "unsatisfiable_gold");
    expect(f).toMatchObject({ code: "unsatisfiable_gold", severity: "error", scopes: ["bfcl-prompt", "bfcl-fc", "default"], basis: "proved", causes: ["empty_alternatives"] });
  });

  it("a float gold for an integer parameter passes BFCL (its variable rule) but no answer passes the default ruleset", () => {
    const f = audit([{ id: "simple_python_0", say: "Weather in Paris for 3.5 days", functions: [weather], gold: [{ get_weather: { city: ["Paris"], days: [3.5] } }] }]).find((x) => x.code === "unsatisfiable_gold");
    expect(f).toMatchObject({ scopes: ["default"], basis: "searched" });
  });

  it("a doc-required parameter with only \"\" passes when written as the empty string, so it is a warning", () => {
    const [f] = audit([{ id: "simple_python_0", say: "Weather please", functions: [weather], gold: [{ get_weather: { city: [""] } }] }]);
    expect(f).toMatchObject({ code: "required_param_only_omittable", severity: "warning" });
  });

  it("a gold function the entry does not offer is an error (audit mode) and unsatisfiable", () => {
    const problems: SuiteProblem[] = [];
    const suite = suiteOf("simple_python", [{ id: "simple_python_0", say: "Weather in Paris", functions: [weather], gold: [{ get_forecast: { city: ["Paris"] } }] }], problems);
    const report = auditSuite(suite, { problems: problems.map((problem) => ({ problem, category: "simple_python" as const })) });
    expect(codes(report.findings)).toContain("gold_function_not_offered");
    expect(report.unsatisfiable["bfcl-prompt"].has("simple_python_0")).toBe(true);
  });

  it("a Java HashMap gold is unsatisfiable in BFCL prompt mode only (the body is dropped)", () => {
    const doc = fn("Cfg.apply", { params: { type: "HashMap", description: "the settings" } });
    const f = audit([{ id: "simple_java_0", say: "apply limit 50", functions: [doc], gold: [{ "Cfg.apply": { params: [{ limit: [50] }] } }] }], "simple_java").find((x) => x.code === "unsatisfiable_gold");
    expect(f).toMatchObject({ scopes: ["bfcl-prompt"], basis: "searched" });
  });

  it("a value found only in the function doc is info, not a warning", () => {
    const [f] = audit([{ id: "simple_python_0", say: "How warm is Paris?", functions: [weather], gold: [{ get_weather: { city: ["Paris"], unit: ["fahrenheit"] } }] }]);
    expect(f).toMatchObject({ code: "ungroundable_value", severity: "info", inDoc: true });
  });
});

describe("question and gold files that disagree", () => {
  const q = (id: string) => ({ id, say: "Weather in Paris", functions: [weather], gold: [{ get_weather: { city: ["Paris"] } }] });

  it("reports a count mismatch, a missing gold and an orphan gold instead of throwing", () => {
    const problems: SuiteProblem[] = [];
    const cases = [q("simple_python_0"), q("simple_python_1")];
    const golds = `${JSON.stringify({ id: "simple_python_0", ground_truth: cases[0]!.gold })}\n`;
    expect(() => suiteOf("simple_python", cases)).not.toThrow();
    const text = cases.map((c) => JSON.stringify({ id: c.id, question: [[{ role: "user", content: c.say }]], function: c.functions })).join("\n");
    const mod = { file: "g.json", text: `${golds}${JSON.stringify({ id: "simple_python_7", ground_truth: cases[0]!.gold })}\n${JSON.stringify({ id: "simple_python_8", ground_truth: cases[0]!.gold })}` };
    parseCategory("simple_python", { file: "q.json", text }, mod, { onProblem: (p) => problems.push(p) });
    expect(problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ["count_mismatch", "q.json", 3],
      ["id_mismatch", "g.json", 2],
      ["missing_gold", "q.json", 2],
      ["orphan_gold", "g.json", 2],
      ["orphan_gold", "g.json", 3],
    ]);
  });

  it("still throws a SuiteError with file and line for malformed JSON in audit mode", () => {
    try {
      parseCategory("simple_python", { file: "q.json", text: '{"id": "simple_python_0"}\n{oops' }, { file: "g.json", text: "" }, { onProblem: () => {} });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SuiteError);
      expect([(e as SuiteError).file, (e as SuiteError).line]).toEqual(["q.json", 2]);
    }
  });
});

describe("schema checks (ajv on BFCL's types)", () => {
  const checker = new SchemaChecker();
  const doc = (type: string, extra: Partial<ParamDoc> = {}): ParamDoc => ({ type, hasDefault: false, ...extra });
  it.each([
    ["int for integer", doc("integer"), 3n, true],
    ["float for integer (BFCL: type_error)", doc("integer"), 3.0, false],
    ["int for a top-level float (BFCL accepts)", doc("float"), 3n, true],
    ["int inside a float array (BFCL's nested check rejects)", doc("array", { items: doc("float") }), [1n, 2.5], false],
    ["floats inside a float array", doc("array", { items: doc("float") }), [1.0, 2.5], true],
    ["tuple is an array", doc("tuple"), ["a", "b"], true],
    ["any takes anything", doc("any"), 5n, true],
    ["enum on the array constrains its elements", doc("array", { enum: ["a", "b"] }), ["a"], true],
    ["element outside an array's enum", doc("array", { enum: ["a", "b"] }), ["c"], false],
  ] as const)("%s", (_name, d, value, ok) => {
    expect(checker.check(d, value as never, "python").ok).toBe(ok);
  });
});

describe("grounding", () => {
  const g = new Grounding("Book two tickets from Los Angeles, California to NYC on March 5th at 2 PM; budget $1,500 (about 15%).");
  it.each([
    ["exact words", "Los Angeles", "text"],
    ["case and punctuation", "los angeles california", "text"],
    ["alias", "New York City", "alias"],
    ["a number said in words and digits", "2.0", "number"],
    ["number with separators", "1500", "number"],
    ["percentage as a fraction", "0.15", "number"],
    ["a date in another form", "2024-03-05", "date"],
    ["a time in another form", "14:00", "time"],
    ["a place with a region the user left out", "Los Angeles, United States", "parts"],
    ["words in another order", "California Los Angeles", "words"],
    ["not said", "Chicago", null],
    ["a different number", "3", null],
  ] as const)("%s", (_name, value, by) => {
    expect(g.ground(value)).toBe(by);
  });
});

describe("grounding of dates, units and unspaced scripts", () => {
  it.each([
    ["an ordinal day", "Weather on April 11th, 2023", "2023-04-11", "date"],
    ["a dotted date", "A bus on 2023.10.1 please", "2023-10-01", "date"],
    ["a unit glued to its number", "a radius of 5cm", "cm", "text"],
    ["a plural in the text", "six chicken wings", "chicken wing", "text"],
    ["Chinese without spaces", "我想买50杯可口可乐", "可口可乐", "text"],
    ["Korean with a particle", "최근 박지성에 관한 뉴스", "박지성", "text"],
  ] as const)("%s", (_name, text, value, by) => {
    expect(new Grounding(text).ground(value)).toBe(by);
  });
});

it("grounds a value in text that holds undecoded escapes", () => {
  expect(new Grounding("objects:\\n\\nRed logo.\\nGreen circle logo.").ground("Green circle logo")).toBe("text");
});
