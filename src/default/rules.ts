/**
 * The rules of the default ruleset. Each has an id, one line saying what it decides, and an
 * example it accepts and one it rejects; `test/default/rules.test.ts` runs every example, so a
 * rule without a working example fails the build. A verdict lists the rules that decided each
 * value (`GradeResult.decisions`).
 *
 * Value examples are written as Python literals: `param` is the doc type (`[lang/]type[:items]`,
 * e.g. `array:float`, `java/long`), `gold` the list of alternatives, `value` what the model gave
 * (for Java and JavaScript, a string holding the source text). Call examples are whole outputs against a small doc.
 */

export type RuleId =
  | "exact"
  | "text_fold"
  | "json_text"
  | "escaped_unicode"
  | "alias"
  | "redundant_detail"
  | "math_equivalent"
  | "int_float"
  | "float_tolerance"
  | "number_as_text"
  | "variable_gold"
  | "unordered_list"
  | "explicit_default"
  | "empty_as_omitted"
  | "omitted_default"
  | "name_separator"
  | "positional_binding"
  | "source_literal"
  | "unordered_calls"
  | "lenient_parse";

export interface ValueExample {
  param: string;
  gold: string;
  value: string;
}

export interface CallExample {
  output: string;
  /** Gold alternatives as a Python dict literal, when not the standard one. */
  gold?: string;
  /** Grade as a parallel entry with two golds: Paris and Rome. */
  parallel?: boolean;
}

export interface Rule {
  id: RuleId;
  description: string;
  accepts: ValueExample | CallExample;
  rejects: ValueExample | CallExample;
}

/**
 * The doc every call example is graded against: `weather.get(city: string (required),
 * unit: string = "celsius", days: integer = 3)`; the standard gold is
 * `{city: ["Paris"], unit: [""], days: [3]}` (parallel examples: the same with "Rome" too).
 */
export const CALL_EXAMPLE_DOC = `{"name": "weather.get", "description": "Weather forecast.", "parameters": {"type": "dict", "properties": {"city": {"type": "string", "description": "City."}, "unit": {"type": "string", "description": "Unit.", "default": "celsius"}, "days": {"type": "integer", "description": "Days.", "default": 3}}, "required": ["city"]}}`;

export const CALL_EXAMPLE_GOLD = `{'city': ['Paris'], 'unit': [''], 'days': [3]}`;

export const RULES: readonly Rule[] = [
  {
    id: "exact",
    description: "The value equals a gold alternative, kinds included (1 is not True, a list is not a string).",
    accepts: { param: "integer", gold: "[3]", value: "3" },
    rejects: { param: "integer", gold: "[3]", value: "True" },
  },
  {
    id: "text_fold",
    description: "Natural-language strings compare without case, accents, Unicode forms, quote style, extra spaces, word separators (-, _) or a final period; other punctuation is kept.",
    accepts: { param: "string", gold: "['Divinópolis, MG']", value: "'divinopolis,  mg'" },
    rejects: { param: "string", gold: "['1/2']", value: "'12'" },
  },
  {
    id: "json_text",
    description: "Two strings holding the same JSON object or array match whatever their spacing or key quoting style.",
    accepts: { param: "string", gold: "['{\"style\": \"modern\", \"budget\": 2}']", value: "'{\"style\":\"modern\",\"budget\":2}'" },
    rejects: { param: "string", gold: "['{\"style\": \"modern\"}']", value: "'{\"style\": \"classic\"}'" },
  },
  {
    id: "escaped_unicode",
    description: "A gold written as escape text (\\u4e0a…) is read as the characters it means.",
    accepts: { param: "string", gold: "['\\\\u4e0a\\\\u6d77']", value: "'上海'" },
    rejects: { param: "string", gold: "['\\\\u4e0a\\\\u6d77']", value: "'北京'" },
  },
  {
    id: "alias",
    description: "Two names of the same place, unit, weekday or month match (USA ≡ United States, km ≡ kilometers); ambiguous names match only themselves.",
    accepts: { param: "string", gold: "['United States']", value: "'USA'" },
    rejects: { param: "string", gold: "['Austria']", value: "'Australia'" },
  },
  {
    id: "redundant_detail",
    description: "A place that only adds a trailing state or country to the gold matches it (\"Palo Alto, CA\" for \"Palo Alto\").",
    accepts: { param: "string", gold: "['2508 University Avenue, Palo Alto']", value: "'2508 University Avenue, Palo Alto, CA'" },
    rejects: { param: "string", gold: "['Palo Alto']", value: "'Palo Alto, Main Street'" },
  },
  {
    id: "math_equivalent",
    description: "Math expressions match by meaning: implicit products, ^ or **, spacing, commutativity (sampled numerically).",
    accepts: { param: "string", gold: "['3x^2']", value: "'3*x**2'" },
    rejects: { param: "string", gold: "['x**2']", value: "'x*2'" },
  },
  {
    id: "int_float",
    description: "For numeric params an int and a float of the same value match (5 ≡ 5.0).",
    accepts: { param: "integer", gold: "[10]", value: "10.0" },
    rejects: { param: "integer", gold: "[10]", value: "10.5" },
  },
  {
    id: "float_tolerance",
    description: "Floats match within a small relative tolerance (default 1e-6).",
    accepts: { param: "float", gold: "[0.3]", value: "0.30000000000000004" },
    rejects: { param: "float", gold: "[-118.2]", value: "118.2" },
  },
  {
    id: "number_as_text",
    description: "A number matches a numeric string gold only when the doc's type is string; numeric strings never match numbers.",
    accepts: { param: "string", gold: "['10']", value: "10" },
    rejects: { param: "integer", gold: "[10]", value: "'10'" },
  },
  {
    id: "variable_gold",
    description: "A string gold for a non-string param names a variable or expression; it matches that text exactly (spacing aside).",
    accepts: { param: "array", gold: "[\"data['sales']\"]", value: "\"data[ 'sales' ]\"" },
    rejects: { param: "boolean", gold: "['dontcare']", value: "True" },
  },
  {
    id: "unordered_list",
    description: "When the gold lists two orders of the same elements, any order of those elements matches.",
    accepts: { param: "array", gold: "[['a', 'b', 'c'], ['c', 'b', 'a']]", value: "['b', 'a', 'c']" },
    rejects: { param: "array", gold: "[['a', 'b', 'c']]", value: "['b', 'a', 'c']" },
  },
  {
    id: "explicit_default",
    description: "Giving a param its documented default is the same as leaving it out, after type normalization.",
    accepts: { output: "[weather.get(city='Paris', days=3, unit='celsius')]" },
    rejects: { output: "[weather.get(city='Paris', days=3, unit='kelvin')]" },
  },
  {
    id: "empty_as_omitted",
    description: "An explicitly empty list or dict matches a gold that allows leaving the param out.",
    accepts: { param: "array", gold: "['', ['a']]", value: "[]" },
    rejects: { param: "array", gold: "[['a']]", value: "[]" },
  },
  {
    id: "omitted_default",
    description: "Leaving out a param whose documented default is one of the gold's values is the same as giving it.",
    accepts: { output: "[weather.get(city='Paris')]" },
    rejects: { output: "[weather.get(city='Paris')]", gold: "{'city': ['Paris'], 'unit': [''], 'days': [5]}" },
  },
  {
    id: "name_separator",
    description: "A function name written with _ for . (or . for _) names the same function.",
    accepts: { output: "[weather_get(city='Paris', days=3)]" },
    rejects: { output: "[weather_put(city='Paris', days=3)]" },
  },
  {
    id: "positional_binding",
    description: "Positional arguments are bound to parameter names in the doc's order.",
    accepts: { output: "[weather.get('Paris', 'celsius', 3)]" },
    rejects: { output: "[weather.get('Paris', 3)]" },
  },
  {
    id: "source_literal",
    description: "Java and JavaScript source values are read as the literals they write (42L, new String[]{\"a\"}, nested objects).",
    accepts: { param: "java/long", gold: "[42]", value: "'42L'" },
    rejects: { param: "java/long", gold: "[42]", value: "'43L'" },
  },
  {
    id: "unordered_calls",
    description: "Parallel calls are paired with golds by maximum bipartite matching, so any valid order passes and a duplicated call never satisfies two golds.",
    accepts: { output: "[weather.get(city='Rome', days=3), weather.get(city='Paris', days=3)]", parallel: true },
    rejects: { output: "[weather.get(city='Paris', days=3), weather.get(city='Paris', days=3)]", parallel: true },
  },
  {
    id: "lenient_parse",
    description: "Calls are read from any common output format (fences, prose, JSON, <tool_call> …); what was repaired is reported.",
    accepts: { output: "Sure!\n```python\nweather.get(city='Paris', days=3)\n```" },
    rejects: { output: "I would call weather.get for Paris." },
  },
];

export function isValueExample(e: ValueExample | CallExample): e is ValueExample {
  return "param" in e;
}
