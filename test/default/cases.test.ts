/**
 * The default ruleset's case table: named must-accept and must-reject cases for every rule. The
 * must-reject half includes every false positive of BFCL's checker listed in bfcl-ast-spec §12
 * (marked "BFCL FP"), which the default ruleset must not repeat; BFCL's false negatives that it
 * fixes are marked "BFCL FN".
 */
import { describe, expect, it } from "vitest";
import { runExample } from "../helpers/examples.js";

type Row = [name: string, param: string, gold: string, value: string];

const ACCEPT_VALUES: Row[] = [
  ["case-insensitive text", "string", "['Paris']", "'paris'"],
  ["accents folded (BFCL FN)", "string", "['Divinópolis, MG']", "'Divinopolis, MG'"],
  ["extra spaces", "string", "['New York']", "'  New   York '"],
  ["space after comma", "string", "['April 1, 2024']", "'April 1,2024'"],
  ["trailing newline (BFCL FN)", "string", "['Boston']", "'Boston\\n'"],
  ["full-width letters (NFKC)", "string", "['ABC Corp']", "'ＡＢＣ Corp'"],
  ["curly apostrophe", "string", "[\"Rock 'n' Roll\"]", "'Rock ’n’ Roll'"],
  ["sharp s folds to ss", "string", "['Straße']", "'Strasse'"],
  ["escape-text gold (BFCL FN)", "string", "['\\\\u4e0a\\\\u6d77']", "'上海'"],
  ["explicit empty string", "string", "['', 'x']", "''"],
  ["country alias", "string", "['United States']", "'USA'"],
  ["country ISO code", "string", "['France']", "'FR'"],
  ["UK alias", "string", "['United Kingdom']", "'UK'"],
  ["state abbreviation", "string", "['Texas']", "'TX'"],
  ["state full name for abbreviation gold", "string", "['NY']", "'New York State'"],
  ["city short form", "string", "['New York City']", "'NYC'"],
  ["city alias SF", "string", "['San Francisco']", "'SF'"],
  ["unit symbol", "string", "['kilometers']", "'km'"],
  ["unit spelling", "string", "['metres']", "'meters'"],
  ["temperature unit", "string", "['celsius']", "'°C'"],
  ["weekday short", "string", "['Monday']", "'Mon'"],
  ["month short", "string", "['September']", "'Sept'"],
  ["redundant state (BFCL FN)", "string", "['2508 University Avenue, Palo Alto']", "'2508 University Avenue, Palo Alto, CA'"],
  ["redundant country", "string", "['Berlin']", "'Berlin, Germany'"],
  ["math implicit product (BFCL FN)", "string", "['3x^2']", "'3*x**2'"],
  ["math commutative", "string", "['1 + 2*x']", "'2x + 1'"],
  ["math expanded square", "string", "['(x+1)^2']", "'x^2 + 2x + 1'"],
  ["math product order", "string", "['x*y']", "'y*x'"],
  ["math spacing", "string", "['x**2 + 3x']", "'x ** 2 + 3 * x'"],
  ["path kept exactly", "string", "['/home/user/data.csv']", "'/home/user/data.csv'"],
  ["hyphen or space between words", "string", "['gluten free']", "'gluten-free'"],
  ["underscore or space between words", "string", "['engine size']", "'engine_size'"],
  ["brand case", "string", "['PlayStation']", "'Playstation'"],
  ["final period", "string", "['Apple Inc.']", "'Apple Inc'"],
  ["same JSON text", "string", "['{\"a\": 1, \"b\": [1, 2]}']", "'{\"a\":1,\"b\":[1,2]}'"],
  ["empty list for an omittable list", "array", "['', ['a']]", "[]"],
  ["int for float", "float", "[5.0]", "5"],
  ["integral float for int (BFCL FN)", "integer", "[10]", "10.0"],
  ["float rounding noise (BFCL FN)", "float", "[0.3]", "0.1 + 0.2"],
  ["arithmetic evaluated", "integer", "[10]", "5 * 2"],
  ["power evaluated", "integer", "[1024]", "2 ** 10"],
  ["unary plus keeps the sign (BFCL FN)", "integer", "[10]", "+10"],
  ["negative number", "float", "[-118.2]", "-118.2"],
  ["exponent float", "float", "[1000.0]", "1e3"],
  ["underscore digits", "integer", "[1000000]", "1_000_000"],
  ["hex literal", "integer", "[31]", "0x1F"],
  ["huge int", "integer", "[123456789012345678901234567890]", "123456789012345678901234567890"],
  ["bool", "boolean", "[True]", "True"],
  ["None gold", "string", "[None]", "None"],
  ["number for a numeric-text string param", "string", "['10']", "10"],
  ["list", "array", "[['a', 'b']]", "['a', 'b']"],
  ["list text folded", "array", "[['Paris', 'Rome']]", "['paris', 'ROME']"],
  ["tuple for list", "array", "[['a', 'b']]", "('a', 'b')"],
  ["ints in a float list (BFCL FN)", "array:float", "[[1.0, 3.0]]", "[1, 3]"],
  ["unordered when gold lists two orders", "array", "[['a', 'b', 'c'], ['c', 'b', 'a']]", "['b', 'c', 'a']"],
  ["aliases inside a list", "array", "[['United States', 'United Kingdom']]", "['USA', 'UK']"],
  ["empty list", "array", "[[]]", "[]"],
  ["dict", "dict", "[{'a': ['x']}]", "{'a': 'X'}"],
  ["dict key alternatives", "dict", "[{'department': ['Science'], 'school': ['Bluebird High School', 'Bluebird HS']}]", "{'department': 'science', 'school': 'Bluebird HS'}"],
  ["dict optional key omitted", "dict", "[{'a': [1], 'b': ['', 2]}]", "{'a': 1}"],
  ["nested dict compared recursively", "dict", "[{'a': [{'b': 'c'}]}]", "{'a': {'b': 'C'}}"],
  ["int for float inside a dict", "dict", "[{'n': [1.0]}]", "{'n': 1}"],
  ["second dict alternative", "dict", "[{'a': [1]}, {'a': [2]}]", "{'a': 2}"],
  ["list of dicts", "array:dict", "[[{'k': ['v']}, {'k': ['w']}]]", "[{'k': 'v'}, {'k': 'W'}]"],
  ["variable gold", "array", "[\"data['sales']\"]", "data['sales']"],
  ["variable gold, other case (BFCL FN)", "boolean", "['dontcare']", "'DontCare'"],
  ["Java long without L (BFCL FN)", "java/long", "[1714521600000]", "'1714521600000'"],
  ["Java long with L", "java/long", "[42]", "'42L'"],
  ["Java double with d (BFCL FN)", "java/double", "[0.5]", "'0.5d'"],
  ["Java quoted String array (BFCL FN)", "java/Array:String", "[['-v', '-p']]", "'new String[]{\"-v\", \"-p\"}'"],
  ["Java Arrays.asList (BFCL FN)", "java/ArrayList:String", "[['a', 'b']]", "'Arrays.asList(\"a\", \"b\")'"],
  ["Java boolean", "java/boolean", "[True]", "'true'"],
  ["Java String literal", "java/String", "['hello world']", "'\"hello world\"'"],
  ["JavaScript nested object (BFCL FN)", "js/dict", "[{'a': [{'b': 1}]}]", "'{a: {b: 1}}'"],
  ["JavaScript exponent float (BFCL FN)", "js/float", "[1000.0]", "'1e3'"],
  ["JavaScript leading-dot float (BFCL FN)", "js/float", "[0.5]", "'.5'"],
  ["JavaScript 3.0 for an integer (BFCL FN)", "js/integer", "[3]", "'3.0'"],
  ["JavaScript array of strings", "js/array:String", "[['a', 'b']]", "\"['a', 'b']\""],
  ["JavaScript null for a 'null' gold", "js/any", "['null']", "'null'"],
  ["Java int for a text gold of an any param", "java/any", "['42']", "'42'"],
];

const REJECT_VALUES: Row[] = [
  ["x*2 is not x**2 (BFCL FP)", "string", "['x**2']", "'x*2'"],
  ["IP digits moved (BFCL FP)", "string", "['192.168.0.10']", "'192.168.01.0'"],
  ["password without its * (BFCL FP)", "string", "['secure*pass123']", "'securepass123'"],
  ["version dots removed (BFCL FP)", "string", "['2.1.3']", "'21.3'"],
  ["decimal point removed (BFCL FP)", "string", "['5.5']", "'55'"],
  ["sign of a coordinate lost (BFCL FP)", "string", "['34.0522, -118.2437']", "'34.0522, 118.2437'"],
  ["path case changed (BFCL FP)", "string", "['c:/data/cars.csv']", "'c:/DATA/cars.CSV'"],
  ["slash removed (BFCL FP)", "string", "['1/2']", "'12'"],
  ["underscore removed in an id (BFCL FP)", "string", "['user_id_42']", "'userid42'"],
  ["hyphen removed in an id (BFCL FP)", "string", "['ABC-123']", "'ABC123'"],
  ["different identifier", "string", "['mapController']", "'mapControl'"],
  ["space deleted between words", "string", "['R vs Adams']", "'RvsAdams'"],
  ["comma is not a space", "string", "['trace log']", "'trace,log'"],
  ["apostrophe is meaning", "string", "[\"it's\"]", "'its'"],
  ["added exclamation", "string", "['Boston']", "'Boston!'"],
  ["different country", "string", "['Australia']", "'Austria'"],
  ["different state", "string", "['New York']", "'New Jersey'"],
  ["ambiguous CA", "string", "['Canada']", "'CA'"],
  ["ambiguous Georgia", "string", "['GA']", "'Georgia'"],
  ["m is not minutes", "string", "['minutes']", "'m'"],
  ["detail that is not a region", "string", "['Palo Alto']", "'Palo Alto, Main Street'"],
  ["missing detail", "string", "['Palo Alto, CA']", "'Palo Alto'"],
  ["different power", "string", "['3x^2']", "'3x^3'"],
  ["sqrt(x^2) is not x", "string", "['x']", "'sqrt(x^2)'"],
  ["different city", "string", "['Paris']", "'Paris, Texas, Rome'"],
  ["empty string for a value", "string", "['Paris']", "''"],
  ["number for a text gold", "string", "['ten']", "10"],
  ["float for int", "integer", "[10]", "10.5"],
  ["wrong int", "integer", "[10]", "11"],
  ["sign lost", "float", "[-118.2]", "118.2"],
  ["beyond tolerance", "float", "[1.0]", "1.001"],
  ["bool for int", "integer", "[1]", "True"],
  ["numeric string for int", "integer", "[10]", "'10'"],
  ["numeric string for float", "float", "[2.5]", "'2.5'"],
  ["None for a number", "integer", "[5]", "None"],
  ["number for None gold", "string", "[None]", "'None'"],
  ["int for bool", "boolean", "[True]", "1"],
  ["string for bool", "boolean", "[True]", "'true'"],
  ["wrong bool", "boolean", "[True]", "False"],
  ["list order matters by default", "array", "[['a', 'b']]", "['b', 'a']"],
  ["list too short", "array", "[['a', 'b']]", "['a']"],
  ["list too long", "array", "[['a', 'b']]", "['a', 'b', 'c']"],
  ["string for a list", "array", "[['a', 'b']]", "'a,b'"],
  ["wrong element inside unordered list", "array", "[['a', 'b'], ['b', 'a']]", "['a', 'c']"],
  ["numbers as strings in an int list", "array:integer", "[[1, 2]]", "['1', '2']"],
  ["bool inside a dict (BFCL FP)", "dict", "[{'n': [1]}]", "{'n': True}"],
  ["unexpected dict key", "dict", "[{'a': [1]}]", "{'a': 1, 'z': 2}"],
  ["missing dict key", "dict", "[{'a': [1]}]", "{}"],
  ["wrong dict value", "dict", "[{'a': [1]}]", "{'a': 2}"],
  ["wrong nested dict value", "dict", "[{'a': [{'b': 'c'}]}]", "{'a': {'b': 'd'}}"],
  ["type checked deep inside a dict", "dict", "[{'a': [{'b': 1}]}]", "{'a': {'b': '1'}}"],
  ["dict as text", "dict", "[{'a': [1]}]", "\"{'a': 1}\""],
  ["list of dicts: wrong count", "array:dict", "[[{'k': ['v']}]]", "[]"],
  ["list of dicts: wrong value", "array:dict", "[[{'k': ['v']}]]", "[{'k': 'x'}]"],
  ["variable gold needs the variable", "array", "[\"data['sales']\"]", "[1, 2, 3]"],
  ["variable gold, other name", "array", "[\"data['sales']\"]", "data['profit']"],
  ["Java long wrong value", "java/long", "[42]", "'43'"],
  ["Java double wrong value", "java/double", "[0.5]", "'0.6'"],
  ["Java String array wrong element", "java/Array:String", "[['-v', '-p']]", "'new String[]{\"-v\", \"-q\"}'"],
  ["Java boolean wrong", "java/boolean", "[True]", "'false'"],
  ["Java map wrong value", "java/HashMap", "[{'a': [1]}]", "'new HashMap<String, Integer>() {{ put(\"a\", 2); }}'"],
  ["JavaScript nested object wrong", "js/dict", "[{'a': [{'b': 1}]}]", "'{a: {b: 2}}'"],
  ["JavaScript float wrong", "js/float", "[0.5]", "'.6'"],
  ["JavaScript null is not the text 'none'", "js/any", "['none']", "'null'"],
  ["different JSON text", "string", "['{\"a\": 1}']", "'{\"a\": 2}'"],
];

type CallRow = [name: string, output: string, options?: { gold?: string; parallel?: boolean }];

const ACCEPT_CALLS: CallRow[] = [
  ["documented default omitted", "[weather.get(city='Paris')]"],
  ["documented default given (BFCL FN)", "[weather.get(city='Paris', unit='celsius', days=3)]"],
  ["documented default given in another case", "[weather.get(city='Paris', unit='Celsius')]"],
  ["integral float for an int param", "[weather.get(city='Paris', days=3.0)]"],
  ["underscored name (BFCL FN)", "[weather_get(city='Paris', days=3)]"],
  ["positional arguments bound (BFCL FN)", "[weather.get('Paris', 'celsius', 3)]"],
  ["```python fence (BFCL FN)", "```python\n[weather.get(city='Paris', days=3)]\n```"],
  ["prose before the call (BFCL FN)", "Sure, here you go:\n[weather.get(city='Paris', days=3)]"],
  ["trailing \\r\\n (BFCL FN)", "[weather.get(city='Paris', days=3)]\r\n"],
  ["JSON call", '{"name": "weather.get", "arguments": {"city": "Paris", "days": 3}}'],
  ["Hermes tool_call", '<tool_call>\n{"name": "weather.get", "arguments": {"city": "Paris"}}\n</tool_call>'],
  ["bare call without brackets", "weather.get(city='Paris', days=3)"],
  ["parallel calls in another order (BFCL FN)", "[weather.get(city='Rome', days=3), weather.get(city='Paris', days=3)]", { parallel: true }],
  ["parallel calls in gold order", "[weather.get(city='Paris', days=3), weather.get(city='Rome', days=3)]", { parallel: true }],
];

const REJECT_CALLS: CallRow[] = [
  ["wrong city", "[weather.get(city='Lyon', days=3)]"],
  ["missing required param", "[weather.get(days=3)]"],
  ["hallucinated param", "[weather.get(city='Paris', days=3, country='FR')]"],
  ["wrong function", "[forecast.get(city='Paris', days=3)]"],
  ["two calls for one gold", "[weather.get(city='Paris', days=3), weather.get(city='Paris', days=3)]"],
  ["no call", "The weather in Paris is usually mild."],
  ["numeric string for an int param", "[weather.get(city='Paris', days='3')]"],
  ["None for a required param", "[weather.get(city=None, days=3)]"],
  ["unreadable call", "[weather.get(city='Paris', days=]"],
  ["non-default value where the gold allows only omission", "[weather.get(city='Paris', unit='fahrenheit')]"],
  ["omitted param whose default is not the gold value", "[weather.get(city='Paris')]", { gold: "{'city': ['Paris'], 'unit': [''], 'days': [5]}" }],
  ["duplicated parallel call (BFCL FP)", "[weather.get(city='Paris', days=3), weather.get(city='Paris', days=3)]", { parallel: true }],
  ["one parallel call missing", "[weather.get(city='Paris', days=3)]", { parallel: true }],
  ["extra parallel call", "[weather.get(city='Paris', days=3), weather.get(city='Rome', days=3), weather.get(city='Oslo', days=3)]", { parallel: true }],
];

describe("default ruleset: values it must accept", () => {
  it.each(ACCEPT_VALUES)("%s", (_n, param, gold, value) => {
    const r = runExample({ param, gold, value });
    expect(r.mismatches).toEqual([]);
  });
});

describe("default ruleset: values it must reject", () => {
  it.each(REJECT_VALUES)("%s", (_n, param, gold, value) => {
    const r = runExample({ param, gold, value });
    expect(r.valid).toBe(false);
  });
});

describe("default ruleset: calls it must accept", () => {
  it.each(ACCEPT_CALLS)("%s", (_n, output, options) => {
    expect(runExample({ output, ...options }).mismatches).toEqual([]);
  });
});

describe("default ruleset: calls it must reject", () => {
  it.each(REJECT_CALLS)("%s", (_n, output, options) => {
    expect(runExample({ output, ...options }).valid).toBe(false);
  });
});

it("the table has at least 150 cases, about half of each kind", () => {
  const accept = ACCEPT_VALUES.length + ACCEPT_CALLS.length;
  const reject = REJECT_VALUES.length + REJECT_CALLS.length;
  expect(accept + reject).toBeGreaterThanOrEqual(150);
  expect(Math.abs(accept - reject)).toBeLessThanOrEqual(20);
});
