/**
 * GLM-4.5 / 4.6 tool calls: the function name, then key/value pairs as tags, inside `<tool_call>`.
 * Values are text; see xmlArgs.ts for when they are typed.
 *
 * @example <tool_call>get_weather\n<arg_key>city</arg_key>\n<arg_value>Paris</arg_value>\n</tool_call>
 */
import { makeCall } from "../scan/callObject.js";
import type { Ctx, Outcome, Repair } from "../scan/diagnostics.js";
import type { Src } from "../scan/source.js";
import { indexOrEnd, typedValue } from "../scan/xmlArgs.js";
import { PyDict } from "../../value/value.js";

const KEY = "<arg_key>";
const KEY_END = "</arg_key>";
const VALUE = "<arg_value>";
const VALUE_END = "</arg_value>";

/**
 * Reads one block's content (`name` then pairs).
 *
 * @example readGlmXmlBlock(Src.of("get_weather\n<arg_key>city</arg_key><arg_value>Paris</arg_value>"), ctx) // calls: get_weather(city='Paris')
 */
export function readGlmXmlBlock(src: Src, ctx: Ctx): Outcome {
  const text = src.text;
  const firstKey = text.indexOf(KEY);
  const name = text.slice(0, firstKey < 0 ? text.length : firstKey).trim();
  if (name === "" || /[\s{}()<>]/.test(name)) {
    return { kind: "malformed", format: "glm_xml", problem: ctx.problem("not_a_call", "no function name before <arg_key>", src.origin(0)) };
  }
  const args = new PyDict();
  const notes: Repair[] = [];
  let i = firstKey;
  while (i >= 0) {
    const keyEnd = indexOrEnd(text, KEY_END, i + KEY.length);
    const key = text.slice(i + KEY.length, keyEnd).trim();
    const v = text.indexOf(VALUE, keyEnd);
    const next = text.indexOf(KEY, i + KEY.length);
    if (v < 0 || (next >= 0 && v > next)) {
      return { kind: "malformed", format: "glm_xml", problem: ctx.problem("syntax_error", `<arg_key>${key}</arg_key> has no <arg_value>`, src.origin(i)) };
    }
    const vEnd = indexOrEnd(text, VALUE_END, v + VALUE.length, next < 0 ? text.length : next);
    if (vEnd === (next < 0 ? text.length : next) && !text.startsWith(VALUE_END, vEnd)) ctx.repair("closer_added", VALUE_END, src.origin(vEnd));
    args.set(key, typedValue(text.slice(v + VALUE.length, vEnd), key, name, ctx, notes));
    i = next;
  }
  return { kind: "calls", format: "glm_xml", drafts: [{ call: makeCall(name, args, []), repairs: notes }] };
}
