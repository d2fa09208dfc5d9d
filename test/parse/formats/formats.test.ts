/**
 * One row per format behaviour: a real-looking output in each format of landscape.md §3, and for
 * each format an output that looks like it but is not a call (prose, a broken block, data).
 * Each row pins the format that matched, what was read, and the repairs that must be reported.
 */
import { describe, expect, it } from "vitest";
import { parse, type FormatId, type RepairCode } from "../../../src/parse/parse.js";
import { TEXT_FORMATS } from "../../../src/parse/formats/detect.js";
import { repairCodes, showResult } from "./show.js";

type Row = [name: string, output: unknown, format: FormatId, result: string, repairs?: RepairCode[]];

const FS = "｜";
const ds = (t: string) => `<${FS}${t}${FS}>`;

const positive: Row[] = [
  // Python syntax (BFCL prompting, Llama 3.2/4 pythonic, Gemma's guide)
  ["python: BFCL list", `[get_weather(city='Paris', days=3), get_time(tz="CET")]`, "python", `calls: get_weather(city='Paris', days=3); get_time(tz='CET')`],
  ["python: bare call, no brackets", `get_weather(city='Paris')`, "python", `calls: get_weather(city='Paris')`],
  ["python: bare calls separated by commas", `spotify.play(artist='Taylor Swift', duration=20), spotify.play(artist='Maroon 5', duration=15)`, "python", `calls: spotify.play(artist='Taylor Swift', duration=20); spotify.play(artist='Maroon 5', duration=15)`, ["brackets_added"]],
  ["python: calls on several lines without brackets", `f(a={'x': 1}),\ng(b=2)`, "python", `calls: f(a={'x': 1}); g(b=2)`, ["brackets_added"]],
  ["python: prose around the list", `Sure! Here is the call:\n[get_weather(city='Paris')]\nLet me know if you need more.`, "python", `calls: get_weather(city='Paris')`, ["prose_ignored"]],
  ["python: ';' separators (Raven)", `geometry.area_circle(radius=5); geometry.area_circle(radius=10);`, "python", `calls: geometry.area_circle(radius=5); geometry.area_circle(radius=10)`, ["calls_split"]],
  ["python: one list per line", `[f(a=1)]\n[g(b=2)]`, "python", `calls: f(a=1); g(b=2)`, ["calls_split"]],
  ["python: markdown-escaped names", `[get\\_prime\\_factors(number=450, formatted=False)]`, "python", `calls: get_prime_factors(number=450, formatted=False)`, ["markdown_unescaped"]],
  ["python: **bold** list", `**[hotel.book(location='Paris', nights=5)]**`, "python", `calls: hotel.book(location='Paris', nights=5)`, ["emphasis_stripped"]],
  ["python: print(default_api.f(...))", `print(default_api.get_weather(city="Paris"))`, "python", `calls: get_weather(city='Paris')`, ["print_unwrapped", "namespace_stripped"]],
  ["python: whole answer quoted", `'[calculate_triangle_area(base=10, height=5)]'`, "python", `calls: calculate_triangle_area(base=10, height=5)`, ["quotes_stripped"]],
  ["python: missing closing bracket", `[get_weather(city='Paris')`, "python", `calls: get_weather(city='Paris')`, ["closer_added"]],
  ["python: call written as [name, k=v]", `[lawsuit_details.find, company_name='Apple Inc.', year=2010]`, "python", `calls: lawsuit_details.find(company_name='Apple Inc.', year=2010)`, ["name_list_read"]],
  ["python: trailing () after a call", `calc_heat_capacity(temp=298, volume=10)()`, "python", `calls: calc_heat_capacity(temp=298, volume=10)`, ["call_suffix_ignored"]],
  ["python: Java literals kept as text", `PmsProductServiceImpl.updateNewStatus(ids=[101L, 202L], newStatus="2")`, "python", `calls: PmsProductServiceImpl.updateNewStatus(ids='[101L, 202L]', newStatus='2')`, ["raw_text_value"]],
  // JSON (xLAM, Hammer, Llama 3.1, Qwen2.5-Coder without tags)
  ["json: xLAM list", `[{"name": "get_weather", "arguments": {"city": "Paris"}}]`, "json", `calls: get_weather(city='Paris')`],
  ["json: tool_calls wrapper", `{"tool_calls": [{"name": "a", "arguments": {"x": 1}}, {"name": "b", "arguments": {}}]}`, "json", `calls: a(x=1); b()`],
  ["json: Llama 3.1 parameters, ';' separated", `{"name": "a", "parameters": {"x": 1.0}}; {"name": "b", "parameters": {}}`, "json", `calls: a(x=1.0); b()`, ["calls_split"]],
  ["json: concatenated }{ (Gemini via proxies)", `{"name": "a", "arguments": {"x": 1}}{"name": "b", "arguments": {"y": 2}}`, "json", `calls: a(x=1); b(y=2)`, ["calls_split"]],
  ["json: objects on separate lines", `{"name": "a", "arguments": {}}\n{"name": "b", "arguments": {}}`, "json", `calls: a(); b()`, ["calls_split"]],
  ["json: arguments as a JSON string", `{"name": "get_weather", "arguments": "{\\"city\\": \\"Paris\\"}"}`, "json", `calls: get_weather(city='Paris')`, ["arguments_string_decoded"]],
  ["json: JavaScript object syntax", `[{name: 'get_weather', arguments: {city: 'Paris', days: 3,},}]`, "json", `calls: get_weather(city='Paris', days=3)`, ["js_syntax"]],
  ["json: Python dict syntax", `[{'name': 'get_weather', 'arguments': {'city': 'Paris', 'metric': True, 'at': None}}]`, "json", `calls: get_weather(city='Paris', metric=True, at=None)`, ["python_syntax"]],
  ["json: truncated object", `[{"name": "get_weather", "arguments": {"city": "Par`, "json", `calls: get_weather(city='Par')`, ["closer_added"]],
  ["json: BFCL decoded shape", `[{"get_weather": {"city": "Paris"}}]`, "json", `calls: get_weather(city='Paris')`],
  ["json: arguments flat beside the name", `[{"name": "math.roots", "a": 5, "b": 20}]`, "json", `calls: math.roots(a=5, b=20)`, ["flat_arguments"]],
  // Provider payloads
  ["openai: chat completion", { choices: [{ message: { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] } }] }, "openai", `calls: get_weather(city='Paris')`],
  ["openai: bare tool_calls list", [{ id: "call_1", type: "function", function: { name: "a", arguments: "{}" } }, { id: "call_2", type: "function", function: { name: "b", arguments: '{"n": 2.5}' } }], "openai", `calls: a(); b(n=2.5)`],
  ["openai: legacy function_call", { role: "assistant", content: null, function_call: { name: "get_weather", arguments: '{"city": "Paris"}' } }, "openai", `calls: get_weather(city='Paris')`],
  ["openai: empty arguments string", { tool_calls: [{ type: "function", function: { name: "get_time", arguments: "" } }] }, "openai", `calls: get_time()`, ["empty_arguments"]],
  ["openai_responses: function_call items", { output: [{ type: "reasoning", summary: [] }, { type: "function_call", name: "get_weather", arguments: '{"city":"Paris"}', call_id: "c1" }] }, "openai_responses", `calls: get_weather(city='Paris')`, ["reasoning_removed"]],
  ["anthropic: tool_use between text blocks", { content: [{ type: "text", text: "Let me check." }, { type: "tool_use", id: "toolu_01", name: "get_weather", input: { city: "Paris" } }] }, "anthropic", `calls: get_weather(city='Paris')`, ["text_ignored"]],
  ["gemini: parallel functionCall parts", { candidates: [{ content: { parts: [{ functionCall: { name: "a", args: { x: 1 } } }, { functionCall: { name: "b", args: {} } }] } }] }, "gemini", `calls: a(x=1); b()`],
  ["bfcl_fc: {name: arguments JSON}", [{ get_weather: '{"city": "Paris"}' }, { get_time: "{}" }], "bfcl_fc", `calls: get_weather(city='Paris'); get_time()`],
  ["bfcl_fc: Gemini {name: {args}}", [{ get_weather: { city: "Paris" } }], "bfcl_fc", `calls: get_weather(city='Paris')`],
  ["bfcl_fc: text parts with fenced code", ["```python\nprint(default_api.get_weather(city='Paris'))\n```"], "python", `calls: get_weather(city='Paris')`, ["text_parsed", "fence_stripped", "print_unwrapped"]],
  // Hermes / Qwen
  ["hermes: one block", `<tool_call>\n{"name": "get_weather", "arguments": {"city": "Paris"}}\n</tool_call>`, "hermes", `calls: get_weather(city='Paris')`],
  ["hermes: one block per call", `<tool_call>\n{"name": "a", "arguments": {}}\n</tool_call>\n<tool_call>\n{"name": "b", "arguments": {}}\n</tool_call>`, "hermes", `calls: a(); b()`],
  ["hermes: several objects in one block", `<tool_call>\n{"name": "a", "arguments": {}}\n{"name": "b", "arguments": {}}\n</tool_call>`, "hermes", `calls: a(); b()`, ["calls_split"]],
  ["hermes: missing closer", `<tool_call>\n{"name": "get_weather", "arguments": {"city": "Paris"}}`, "hermes", `calls: get_weather(city='Paris')`, ["closer_added"]],
  ["hermes: Python dict inside the block", `<tool_call>\n{"arguments": {'location': 'Chicago', 'detail': True}, "name": 'get_air_quality'}\n</tool_call>`, "hermes", `calls: get_air_quality(location='Chicago', detail=True)`, ["python_syntax"]],
  ["qwen3_coder: function and parameter tags", `<tool_call>\n<function=get_weather>\n<parameter=city>\nParis\n</parameter>\n<parameter=days>\n3\n</parameter>\n</function>\n</tool_call>`, "qwen3_coder", `calls: get_weather(city='Paris', days='3')`],
  ["glm_xml: GLM-4.5 arg_key / arg_value", `<tool_call>get_weather\n<arg_key>city</arg_key>\n<arg_value>Paris</arg_value>\n</tool_call>`, "glm_xml", `calls: get_weather(city='Paris')`],
  ["glm: name line then JSON (GLM-4)", `get_weather\n{"city": "Paris", "days": 3}`, "glm", `calls: get_weather(city='Paris', days=3)`],
  // Llama
  ["llama_python_tag: JSON after the tag", `<|python_tag|>{"name": "get_weather", "parameters": {"city": "Paris"}}<|eom_id|>`, "llama_python_tag", `calls: get_weather(city='Paris')`, ["template_tokens_dropped"]],
  ["llama_python_tag: built-in tool call", `<|python_tag|>brave_search.call(query="weather Paris")<|eom_id|>`, "llama_python_tag", `calls: brave_search(query='weather Paris')`, ["namespace_stripped"]],
  ["llama_function: <function=name>{json}</function>", `<function=get_weather>{"city": "Paris"}</function>`, "llama_function", `calls: get_weather(city='Paris')`],
  // Mistral, Phi-4, Granite, LFM2
  ["mistral: repeated [TOOL_CALLS]", `[TOOL_CALLS] [{"name": "a", "arguments": {"x": 1}, "id": "abc123def"}][TOOL_CALLS] [{"name": "b", "arguments": {}}]`, "mistral", `calls: a(x=1); b()`, ["calls_split"]],
  ["mistral: name[ARGS]{json} then prose", `[TOOL_CALLS]get_weather[ARGS]{"city": "Paris"} I will now check the weather.`, "mistral", `calls: get_weather(city='Paris')`, ["prose_ignored"]],
  ["phi4: functools[...] without closer", `functools[{"name": "get_weather", "arguments": {"city": "Paris"}}`, "phi4", `calls: get_weather(city='Paris')`, ["closer_added"]],
  ["granite: <function_call> before each object", `<function_call> {"name": "a", "arguments": {"x": 1}} <function_call> {"name": "b", "arguments": {"y": 2}}`, "granite", `calls: a(x=1); b(y=2)`],
  ["granite: <|tool_call|> list (Granite 3)", `<|tool_call|>[{"name": "get_weather", "arguments": {"city": "Paris"}}]`, "granite", `calls: get_weather(city='Paris')`],
  ["lfm2: Python list in special tokens", `<|tool_call_start|>[get_weather(city="Paris")]<|tool_call_end|>`, "lfm2", `calls: get_weather(city='Paris')`],
  // Gemma, fences
  ["gemma: tool_code fence", "```tool_code\nprint(default_api.get_weather(city=\"Paris\"))\n```", "gemma", `calls: get_weather(city='Paris')`, ["fence_stripped", "print_unwrapped", "namespace_stripped"]],
  ["fence: json tag", "```json\n[{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}]\n```", "json", `calls: get_weather(city='Paris')`, ["fence_stripped"]],
  ["fence: python tag with prose after", "```python\n[get_weather(city='Paris')]\n```\nThis calls the weather function.", "python", `calls: get_weather(city='Paris')`, ["fence_stripped", "prose_ignored"]],
  ["fence: two fences in a row", "```json\n{\"name\": \"a\", \"arguments\": {}}\n```\n```json\n{\"name\": \"b\", \"arguments\": {}}\n```", "json", `calls: a(); b()`, ["fence_stripped"]],
  // DeepSeek, Kimi, Harmony
  ["deepseek: V3 tokens with fenced JSON", `${ds("tool▁calls▁begin")}${ds("tool▁call▁begin")}function${ds("tool▁sep")}get_weather\n\`\`\`json\n{"city": "Paris"}\n\`\`\`${ds("tool▁call▁end")}${ds("tool▁calls▁end")}`, "deepseek", `calls: get_weather(city='Paris')`],
  ["deepseek: V3.1 name<sep>json", `${ds("tool▁calls▁begin")}${ds("tool▁call▁begin")}get_weather${ds("tool▁sep")}{"city": "Paris"}${ds("tool▁call▁end")}${ds("tool▁calls▁end")}`, "deepseek", `calls: get_weather(city='Paris')`],
  ["deepseek_dsml: invoke and parameters", `<${FS}DSML${FS}function_calls>\n<${FS}DSML${FS}invoke name="get_weather">\n<${FS}DSML${FS}parameter name="city" string="true">Paris</${FS}DSML${FS}parameter>\n<${FS}DSML${FS}parameter name="days" string="false">3</${FS}DSML${FS}parameter>\n</${FS}DSML${FS}invoke>\n</${FS}DSML${FS}function_calls>`, "deepseek_dsml", `calls: get_weather(city='Paris', days=3)`],
  ["kimi: section with functions.name:idx", `<|tool_calls_section_begin|><|tool_call_begin|>functions.get_weather:0<|tool_call_argument_begin|>{"city": "Paris"}<|tool_call_end|><|tool_calls_section_end|>`, "kimi", `calls: get_weather(city='Paris')`, ["namespace_stripped"]],
  ["harmony: analysis then a call to functions.x", `<|channel|>analysis<|message|>Need the weather.<|end|><|start|>assistant<|channel|>commentary to=functions.get_weather <|constrain|>json<|message|>{"city": "Paris"}<|call|>`, "harmony", `calls: get_weather(city='Paris')`, ["reasoning_removed", "namespace_stripped"]],
  // Reasoning and template tokens
  ["reasoning: <think> block before the answer", `<think>\nThe user wants the weather.\n</think>\n\n[get_weather(city='Paris')]`, "python", `calls: get_weather(city='Paris')`, ["reasoning_removed"]],
  ["reasoning: closer only (opener in the template)", `The user wants the weather.\n</think>\n<tool_call>\n{"name": "get_weather", "arguments": {"city": "Paris"}}\n</tool_call>`, "hermes", `calls: get_weather(city='Paris')`, ["reasoning_removed"]],
  ["reasoning: unterminated <think>, answer in the last paragraph", `<think>\nThe user wants the weather in Paris.\n\n[get_weather(city='Paris')]`, "python", `calls: get_weather(city='Paris')`, ["reasoning_removed"]],
  ["reasoning: unterminated <think> before a tool-call marker", `<think>\nI should call the tool.<tool_call>\n{"name": "get_weather", "arguments": {"city": "Paris"}}\n</tool_call>`, "hermes", `calls: get_weather(city='Paris')`, ["reasoning_removed"]],
  ["template tokens around the answer", `<|start_header_id|>assistant<|end_header_id|>\n\n[get_weather(city='Paris')]<|eot_id|>`, "python", `calls: get_weather(city='Paris')`, ["template_tokens_dropped"]],
  ["sentence markers at the edges", `<s> [get_weather(city='Paris')] </s>`, "python", `calls: get_weather(city='Paris')`, ["template_tokens_dropped"]],
  ["<s> inside a value is text", `[format_text(text='<s>old</s>', style='strike')]`, "python", `calls: format_text(text='<s>old</s>', style='strike')`, []],
];

const negative: Row[] = [
  ["python: a function mentioned in a sentence", `You can use the round() function, or call get_weather() once you know the city.`, "text", "no_call: prose"],
  ["python: a call inside a code example", "Here is how you could compute it:\n```python\nimport math\nresult = math.sqrt(16)\nprint(result)\n```", "text", "no_call: prose"],
  ["python: broken call list", `[get_weather(city='Paris', days=]`, "python", "malformed: syntax_error"],
  ["python: unterminated string", `[get_weather(city='Paris)]`, "python", "malformed: syntax_error"],
  ["python: empty list", `[]`, "json", "no_call: empty_call_list"],
  ["json: data, not a call", `[1, 2, 3]`, "text", "no_call: prose"],
  ["json: arguments without a name", `{"arguments": {"city": "Paris"}}`, "json", "malformed: not_a_call"],
  ["json: a record with a name", `{"name": "John Doe", "age": 30}`, "json", "malformed: not_a_call"],
  ["json: arguments string that is not JSON", `{"name": "get_weather", "arguments": "Paris"}`, "json", "malformed: invalid_json"],
  ["openai: content only", { choices: [{ message: { role: "assistant", content: "It is sunny in Paris." } }] }, "openai", "no_call: prose"],
  ["openai: arguments not JSON", { tool_calls: [{ type: "function", function: { name: "get_weather", arguments: "{city: " } }] }, "openai", "malformed: invalid_json"],
  ["openai_responses: message only", { output: [{ type: "message", content: [{ type: "output_text", text: "Hello!" }] }] }, "openai_responses", "no_call: prose"],
  ["anthropic: text only", { content: [{ type: "text", text: "I can't check the weather." }] }, "anthropic", "no_call: prose"],
  ["gemini: text part only", { candidates: [{ content: { parts: [{ text: "I cannot do that." }] } }] }, "gemini", "no_call: prose"],
  ["bfcl_fc: empty list", [], "bfcl_fc", "no_call: empty_call_list"],
  ["bfcl_fc: arguments not JSON", [{ get_weather: "Paris, France" }], "bfcl_fc", "malformed: invalid_json"],
  ["hermes: prose inside the block", `<tool_call>\nI will look up the weather for you.\n</tool_call>`, "hermes", "malformed: not_a_call"],
  ["hermes: tag never filled", `<tool_call>`, "hermes", "malformed: not_a_call"],
  ["qwen3_coder: function tag without a name", `<tool_call>\n<function=>\n<parameter=city>\nParis\n</parameter>\n</function>\n</tool_call>`, "qwen3_coder", "malformed: not_a_call"],
  ["glm_xml: pairs without a function name", `<tool_call><arg_key>city</arg_key><arg_value>Paris</arg_value></tool_call>`, "glm_xml", "malformed: not_a_call"],
  ["glm: a label then data", `Result:\n{"temperature": 21}`, "text", "no_call: prose"],
  ["llama_python_tag: prose after the tag", `<|python_tag|>I am not sure which tool to use.`, "llama_python_tag", "malformed: not_a_call"],
  ["llama_function: body that is not JSON", `<function=get_weather>the city is Paris</function>`, "llama_function", "malformed: invalid_json"],
  ["mistral: prose after the marker", `[TOOL_CALLS] I cannot call a tool for this.`, "mistral", "malformed: not_a_call"],
  ["phi4: a list of names", `functools["get_weather"]`, "phi4", "malformed: not_a_call"],
  ["granite: no_function marker", `<function_call> {"name": "no_function", "arguments": {}}`, "granite", "no_call: no_call_marker", ["no_call_marker_dropped"]],
  ["granite: object without a name", `<function_call> {"arguments": {"city": "Paris"}}`, "granite", "malformed: not_a_call"],
  ["lfm2: a bare name", `<|tool_call_start|>get_weather<|tool_call_end|>`, "lfm2", "malformed: not_a_call"],
  ["gemma: broken call in tool_code", "```tool_code\nget_weather(city=\n```", "gemma", "malformed: syntax_error"],
  ["deepseek: call block without a name", `${ds("tool▁calls▁begin")}${ds("tool▁call▁begin")}function${ds("tool▁sep")}\n${ds("tool▁call▁end")}${ds("tool▁calls▁end")}`, "deepseek", "malformed: not_a_call"],
  ["deepseek_dsml: invoke without a name", `<${FS}DSML${FS}invoke name="">\n</${FS}DSML${FS}invoke>`, "deepseek_dsml", "malformed: not_a_call"],
  ["kimi: arguments cut off", `<|tool_calls_section_begin|><|tool_call_begin|>functions.get_weather:0<|tool_call_argument_begin|>{"city": <|tool_call_end|>`, "kimi", "malformed: unclosed"],
  ["harmony: final answer only", `<|channel|>analysis<|message|>No tool needed.<|end|><|start|>assistant<|channel|>final<|message|>It is sunny.<|return|>`, "harmony", "no_call: prose"],
  ["reasoning only", `<think>\nI am not sure what the user wants.\n</think>`, "text", "no_call: reasoning_only"],
  ["empty output", `  \n `, "text", "no_call: empty_output"],
];

describe("parse: one row per format", () => {
  it.each(positive)("%s", (_name, output, format, result, repairs = []) => {
    const r = parse(output);
    expect(showResult(r)).toBe(result);
    expect(r.format).toBe(format);
    expect(repairCodes(r)).toEqual(expect.arrayContaining(repairs));
  });
});

describe("parse: looks like a call, is not one", () => {
  it.each(negative)("%s", (_name, output, format, result, repairs = []) => {
    const r = parse(output);
    expect(showResult(r)).toBe(result);
    expect(r.format).toBe(format);
    expect(repairCodes(r)).toEqual(expect.arrayContaining(repairs));
  });
});

describe("formats marked tagged", () => {
  // readText skips a tagged format's marker search in text without `<`: each of its markers must hold one.
  const texts = [...positive, ...negative].map((row) => row[1]).filter((o): o is string => typeof o === "string");
  const tagged = TEXT_FORMATS.filter((f) => f.tagged);

  it("detect no text once its `<` are gone", () => {
    const all = texts.join("\n");
    for (const f of tagged) {
      for (const t of [...texts, all]) {
        expect(f.detect(t.replaceAll("<", "")), `${f.id} on ${JSON.stringify(t.slice(0, 60))}`).toBe(false);
        expect(f.detect(t.replaceAll("<", "＜")), f.id).toBe(false);
      }
    }
  });

  it("each detect an output of the rows above", () => {
    for (const f of tagged) expect(texts.some((t) => f.detect(t)), f.id).toBe(true);
  });
});
