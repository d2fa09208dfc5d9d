/**
 * The reward's invariants as a table, one row per behaviour, on the example suite (data/,
 * golds/): a pass scores exactly 1, each kind of real error scores below the output it spoils,
 * unreadable output scores 0, irrelevance is 1 or 0, a call that matches nothing never helps.
 */
import { describe, expect, it } from "vitest";
import { grade } from "../../src/grade.js";
import { compile, FAILING_MAX, type Reward } from "../../src/reward/compile.js";
import type { RewardOptions } from "../../src/reward/options.js";
import type { Entry } from "../../src/types.js";
import { exampleSuite } from "../helpers/example.js";

const entries = new Map<string, Entry>([...exampleSuite().entries.values()].flat().map((e) => [e.id, e]));

function reward(id: string, output: unknown, options: RewardOptions = {}): Reward {
  const entry = entries.get(id);
  if (!entry) throw new Error(`no example entry ${id}`);
  return compile(entry, options)(output);
}

const CIRCLE = "[geometry.circle_area(radius=7.0, unit='cm')]";
const RECIPES = "[recipes.search(ingredients=['chickpeas', 'spinach'], max_minutes=30, diet='vegetarian')]";
const WEATHER = "[weather.get_forecast(city='Lisbon', days=5), weather.get_forecast(city='Porto', days=5)]";
const GCD = "[numbers.gcd(a=84, b=126), numbers.is_prime(n=97)]";

describe("a pass scores exactly 1 under every preset", () => {
  it.each([
    ["simple", "simple_python_0", CIRCLE],
    ["optional param left out", "simple_python_0", "[geometry.circle_area(radius=7.0)]"],
    ["int for a float param", "simple_python_0", "[geometry.circle_area(radius=7)]"],
    ["alias of a unit", "simple_python_0", "[geometry.circle_area(radius=7.0, unit='centimeters')]"],
    ["multiple: the right function", "multiple_0", RECIPES],
    ["unordered list in the other order", "multiple_0", "[recipes.search(ingredients=['spinach', 'chickpeas'], max_minutes=30, diet='vegetarian')]"],
    ["parallel", "parallel_0", WEATHER],
    ["parallel in the other order", "parallel_0", "[weather.get_forecast(city='Porto', days=5), weather.get_forecast(city='Lisbon', days=5)]"],
    ["parallel multiple", "parallel_multiple_0", GCD],
    ["a format other than Python", "simple_python_0", '<tool_call>\n{"name": "geometry.circle_area", "arguments": {"radius": 7.0}}\n</tool_call>'],
    ["irrelevance: no call", "irrelevance_0", "I cannot answer that with these tools."],
    ["relevance: a valid call", "live_relevance_0-0-0", "[image.generate(prompt='a lighthouse at dusk', style='watercolor')]"],
  ])("%s", (_name, id, output) => {
    expect(grade(entries.get(id)!, output, { ruleset: "default" }).valid).toBe(true);
    for (const preset of ["graded", "binary", "toolrl"] as const) {
      const r = reward(id, output, { preset });
      expect(r.score, preset).toBe(1);
      expect(r.verdict).toEqual({ valid: true, code: null });
    }
  });
});

describe("any real error lowers the score below the output it spoils", () => {
  it.each([
    ["wrong value", "simple_python_0", CIRCLE, "[geometry.circle_area(radius=8.0, unit='cm')]", "wrong_value"],
    ["wrong string", "simple_python_0", CIRCLE, "[geometry.circle_area(radius=7.0, unit='inches')]", "wrong_string_value"],
    ["missing required param", "simple_python_0", CIRCLE, "[geometry.circle_area(unit='cm')]", "missing_required_param"],
    ["hallucinated param", "simple_python_0", CIRCLE, "[geometry.circle_area(radius=7.0, unit='cm', precision=2)]", "unexpected_param"],
    ["wrong function name", "simple_python_0", CIRCLE, "[geometry.square_area(radius=7.0, unit='cm')]", "wrong_function_name"],
    ["wrong type", "simple_python_0", CIRCLE, "[geometry.circle_area(radius='seven', unit='cm')]", "wrong_type"],
    ["one list element wrong", "multiple_0", RECIPES, "[recipes.search(ingredients=['chickpeas', 'kale'], max_minutes=30, diet='vegetarian')]", "wrong_list_value"],
    ["a list element missing", "multiple_0", RECIPES, "[recipes.search(ingredients=['chickpeas'], max_minutes=30, diet='vegetarian')]", "wrong_list_value"],
    ["the other function", "multiple_0", RECIPES, "[recipes.get_nutrition(recipe_id='42')]", "wrong_function_name"],
    ["one parallel call missing", "parallel_0", WEATHER, "[weather.get_forecast(city='Lisbon', days=5)]", "wrong_call_count"],
    ["one parallel call wrong", "parallel_0", WEATHER, "[weather.get_forecast(city='Lisbon', days=5), weather.get_forecast(city='Porto', days=6)]", "no_matching_call"],
    ["a parallel call repeated", "parallel_0", WEATHER, "[weather.get_forecast(city='Lisbon', days=5), weather.get_forecast(city='Lisbon', days=5)]", "no_matching_call"],
    ["an extra call", "parallel_multiple_0", GCD, `${GCD.slice(0, -1)}, numbers.is_prime(n=97)]`, "wrong_call_count"],
    ["an unreadable call beside a good one", "simple_python_0", CIRCLE, `<tool_call>{"name": "geometry.circle_area", "arguments": {"radius": 7.0}}</tool_call>\n<tool_call>{"name": "x", "arguments": {"a": }}</tool_call>`, "undecodable_output"],
  ])("%s", (_name, id, good, bad, code) => {
    for (const preset of ["graded", "toolrl"] as const) {
      const better = reward(id, good, { preset });
      const worse = reward(id, bad, { preset });
      expect(better.score, preset).toBe(1);
      expect(worse.score, preset).toBeLessThan(1);
      expect(worse.score, preset).toBeLessThanOrEqual(FAILING_MAX);
      expect(worse.score, preset).toBeGreaterThanOrEqual(0);
      expect(worse.verdict, preset).toEqual({ valid: false, code });
    }
    expect(reward(id, bad, { preset: "binary" }).score).toBe(0);
  });
});

describe("partial credit is graded", () => {
  it.each([
    ["more right list elements earn more", "multiple_0", "[recipes.search(ingredients=['chickpeas', 'kale'], max_minutes=30, diet='vegetarian')]", "[recipes.search(ingredients=['tofu', 'kale'], max_minutes=30, diet='vegetarian')]"],
    ["a right value earns more than a wrong one", "simple_python_0", "[geometry.circle_area(radius=8.0, unit='cm')]", "[geometry.circle_area(radius=8.0, unit='feet')]"],
    ["a right name earns more than a wrong one", "simple_python_0", "[geometry.circle_area(radius=8.0)]", "[geometry.square_area(radius=8.0)]"],
    ["one of two parallel calls earns more than none", "parallel_0", "[weather.get_forecast(city='Lisbon', days=5)]", "I don't know."],
  ])("%s", (_name, id, better, worse) => {
    expect(reward(id, better).score).toBeGreaterThan(reward(id, worse).score);
  });
});

describe("unreadable output and abstaining", () => {
  // Missing closers are repaired; a value cut off is not.
  const BROKEN = "[geometry.circle_area(radius=7.0, unit=)]";
  it.each([
    ["malformed output scores 0", "simple_python_0", BROKEN, {}, 0],
    ["malformed output scores 0 (binary)", "simple_python_0", BROKEN, { preset: "binary" }, 0],
    ["malformed output scores 0 (toolrl)", "simple_python_0", BROKEN, { preset: "toolrl" }, 0],
    ["no call where one is expected scores 0", "simple_python_0", "The area is 153.9 cm².", {}, 0],
    ["irrelevance: no call scores 1", "irrelevance_0", "Michelangelo painted it; no tool applies.", {}, 1],
    ["irrelevance: any call scores 0", "irrelevance_0", "[geometry.rectangle_perimeter(width=1.0, height=2.0)]", {}, 0],
    ["irrelevance: any call scores 0 (toolrl)", "irrelevance_0", "[geometry.rectangle_perimeter(width=1.0, height=2.0)]", { preset: "toolrl" }, 0],
    ["irrelevance: a malformed attempt scores 0", "irrelevance_0", "[geometry.rectangle_perimeter(width=1.0, height=)]", {}, 0],
    ["irrelevance: a malformed attempt scores 1 with malformedIsNoCall", "irrelevance_0", "[geometry.rectangle_perimeter(width=1.0, height=)]", { malformedIsNoCall: true }, 1],
    ["relevance: no call scores 0", "live_relevance_0-0-0", "Here is your painting!", {}, 0],
  ] as const)("%s", (_name, id, output, options, score) => {
    expect(reward(id, output, options).score).toBe(score);
  });
});

describe("a call that matches nothing never raises the score", () => {
  const JUNK = "weather.get_history(city='Faro', year=1990)";
  it.each([
    ["beside a pass", "parallel_0", WEATHER],
    ["beside a partial answer", "parallel_0", "[weather.get_forecast(city='Lisbon', days=5)]"],
    ["beside a wrong call", "parallel_0", "[weather.get_forecast(city='Lisbon', days=9)]"],
    ["instead of nothing", "parallel_0", "[]"],
    ["beside a simple call", "simple_python_0", "[geometry.circle_area(radius=8.0)]"],
  ])("%s", (_name, id, output) => {
    const withJunk = output === "[]" ? `[${JUNK}]` : `${output.slice(0, -1)}, ${JUNK}]`;
    for (const options of [{}, { overEmission: 0 }, { preset: "toolrl" as const }]) {
      expect(reward(id, withJunk, options).score).toBeLessThanOrEqual(reward(id, output, options).score);
    }
  });
});

describe("determinism", () => {
  it.each([
    ["the same scorer twice", CIRCLE],
    ["a failing output twice", "[geometry.circle_area(radius=8.0, unit='furlongs')]"],
  ])("%s gives the same reward", (_name, output) => {
    const s = compile(entries.get("simple_python_0")!);
    expect(s(output)).toEqual(s(output));
    expect(compile(entries.get("simple_python_0")!)(output)).toEqual(s(output));
    expect(compile(entries.get("simple_python_0")!, { valueCache: 0 })(output)).toEqual(s(output));
  });

  it.each(["graded", "binary", "toolrl"] as const)("a %s reward stays as it was while other outputs are scored (scorers fill shared records, never the rewards they return)", (preset) => {
    const outputs: Array<[string, unknown]> = [
      ["simple_python_0", "[geometry.circle_area(radius=8.0, unit='furlongs')]"],
      ["simple_python_0", CIRCLE],
      ["parallel_0", WEATHER],
      ["parallel_0", "[weather.get_forecast(city='Lisbon', days=5)]"],
      ["multiple_0", '<tool_call>\n{"name": "recipes.search", "arguments": {"ingredients": ["spinach"]}}\n</tool_call>'],
      ["irrelevance_0", "[geometry.circle_area(radius=1.0)]"],
      ["simple_python_0", "[geometry.circle_area(radius="],
    ];
    const scorers = new Map([...new Set(outputs.map(([id]) => id))].map((id) => [id, compile(entries.get(id)!, { preset })]));
    const kept = outputs.map(([id, output]) => scorers.get(id)!(output));
    const copies = kept.map((r) => structuredClone(r));
    for (let round = 0; round < 3; round++) for (const [id, output] of [...outputs].reverse()) scorers.get(id)!(output);
    expect(kept).toEqual(copies);
    expect(new Set(kept).size).toBe(kept.length);
    expect(new Set(kept.map((r) => r.components)).size).toBe(kept.length);
  });
});

describe("binary follows either ruleset", () => {
  it.each([
    ["both pass", CIRCLE, 1, 1],
    ["only the default ruleset passes: an alias", "[geometry.circle_area(radius=7.0, unit='centimetres')]", 1, 0],
    ["both fail", "[geometry.circle_area(radius=8.0)]", 0, 0],
  ])("%s", (_name, output, byDefault, byBfcl) => {
    expect(reward("simple_python_0", output, { preset: "binary" }).score).toBe(byDefault);
    expect(reward("simple_python_0", output, { preset: "binary", ruleset: "bfcl" }).score).toBe(byBfcl);
  });
});
