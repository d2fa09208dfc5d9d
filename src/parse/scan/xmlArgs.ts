/**
 * Helpers for the XML-ish formats (Qwen3-Coder `<parameter=k>v</parameter>`, GLM-4.5
 * `<arg_key>k</arg_key><arg_value>v</arg_value>`, DeepSeek DSML), whose values are always text.
 *
 * A value is typed only when that is safe: with a function doc, a parameter whose documented type
 * is not a string is read as JSON (then as a Python or JavaScript literal); without a doc, only
 * text that opens an object or a list is read that way. Everything else stays a string, as the
 * model wrote it.
 */
import type { FunctionDoc } from "../../types.js";
import type { Value } from "../../value/value.js";
import { Ctx, type Repair } from "./diagnostics.js";
import { readValueAt } from "./jsonish.js";
import { Src } from "./source.js";

const STRING_TYPES: ReadonlySet<string> = new Set(["string", "str", "String", "char", "any"]);

/**
 * The value of a text parameter `raw` of `param` in function `fn`.
 *
 * @example typedValue("5", "days", "get_weather", ctx, notes) // 5n when the doc says integer, else "5"
 */
export function typedValue(raw: string, param: string, fn: string, ctx: Ctx, notes: Repair[]): Value {
  const text = trimOneNewline(raw);
  const doc: FunctionDoc | undefined = ctx.options.docs?.get(fn);
  const type = doc?.params.get(param)?.type;
  const trimmed = text.trim();
  const structured = trimmed.startsWith("{") || trimmed.startsWith("[");
  if (type !== undefined ? STRING_TYPES.has(type) : !structured) return text;
  if (trimmed === "") return text;
  const src = Src.of(trimmed);
  const scratch = new Ctx(trimmed, ctx.limits, ctx.options);
  const r = readValueAt(src, 0, scratch, notes);
  if (r.ok && r.end === trimmed.length) {
    notes.push({ code: "string_values_typed", detail: param });
    return r.value;
  }
  const lower = trimmed.toLowerCase();
  if (type === "boolean" && (lower === "true" || lower === "false")) {
    notes.push({ code: "string_values_typed", detail: param });
    return lower === "true";
  }
  return text;
}

/** Drops one newline after the opening tag and one before the closing tag (the formats put them there). */
export function trimOneNewline(s: string): string {
  let a = 0;
  let b = s.length;
  if (s.startsWith("\r\n")) a = 2;
  else if (s.startsWith("\n")) a = 1;
  if (b - a >= 2 && s.endsWith("\r\n")) b -= 2;
  else if (b > a && s.endsWith("\n")) b -= 1;
  return s.slice(a, b);
}

/** Index of `tag` at or after `from`, or the end of the text when it is missing. */
export function indexOrEnd(text: string, tag: string, from: number, end = text.length): number {
  const i = text.indexOf(tag, from);
  return i < 0 || i > end ? end : i;
}
