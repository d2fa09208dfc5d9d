/** Grades the default ruleset's value and call examples (rules.ts), and case tables built the same way. */
import type { CategoryId } from "../../src/categories.js";
import { CALL_EXAMPLE_DOC, CALL_EXAMPLE_GOLD, isValueExample, type CallExample, type ValueExample } from "../../src/default/rules.js";
import { grade, type GradeResult, type RulesetId } from "../../src/grade.js";
import { parsePythonLiteral } from "../../src/parse/python/literal.js";
import type { Entry, GoldCall } from "../../src/types.js";
import { PyDict, type Value } from "../../src/value/value.js";
import { docOf, entryOf } from "./entries.js";

const CATEGORY: Record<string, CategoryId> = { java: "simple_java", js: "simple_javascript", py: "simple_python" };
const DEFAULT_ITEMS: Record<string, string> = { array: "string", ArrayList: "String", Array: "String" };

/** `[lang/]type[:itemType]`, e.g. `integer`, `array:float`, `java/long`, `js/dict`. */
function paramSpec(spec: string): { category: CategoryId; type: string; items: string } {
  const [lang, rest] = spec.includes("/") ? (spec.split("/") as [string, string]) : ["py", spec];
  const [type, item] = rest.split(":") as [string, string | undefined];
  const itemType = item ?? DEFAULT_ITEMS[type];
  return { category: CATEGORY[lang]!, type, items: itemType ? `"items": {"type": "${itemType}"}` : "" };
}

function literal(text: string): Value {
  const r = parsePythonLiteral(text);
  if (!r.ok) throw new Error(`bad literal ${text}: ${r.error.message}`);
  return r.value;
}

function withGolds(entry: Entry, golds: GoldCall[]): Entry {
  return { ...entry, golds };
}

export function valueCase(e: ValueExample): { entry: Entry; output: string } {
  const { category, type, items } = paramSpec(e.param);
  const entry = entryOf(category, [docOf(type, items)], `[{"f": {"x": [""]}}]`);
  const alternatives = literal(e.gold);
  // Java and JavaScript values are source text: the example writes it as a Python string.
  const output = category === "simple_python" ? `[f(x=${e.value})]` : `[f(x=${literal(e.value) as string})]`;
  return { entry: withGolds(entry, [{ name: "f", params: new Map([["x", alternatives]]) }]), output };
}

function goldOf(text: string, city = "Paris"): GoldCall {
  const d = literal(text.replace("'Paris'", `'${city}'`)) as PyDict;
  return { name: "weather.get", params: new Map(d.entries.map(([k, v]) => [k as string, v])) };
}

export function callCase(e: CallExample): { entry: Entry; output: string } {
  const category: CategoryId = e.parallel ? "parallel" : "simple_python";
  const entry = entryOf(category, [CALL_EXAMPLE_DOC], `[{"weather.get": {"city": ["Paris"]}}]`);
  const gold = e.gold ?? CALL_EXAMPLE_GOLD;
  const golds = e.parallel ? [goldOf(gold), goldOf(gold, "Rome")] : [goldOf(gold)];
  return { entry: withGolds(entry, golds), output: e.output };
}

export function runExample(example: ValueExample | CallExample, ruleset: RulesetId = "default"): GradeResult {
  const { entry, output } = isValueExample(example) ? valueCase(example) : callCase(example);
  return grade(entry, output, { ruleset });
}

