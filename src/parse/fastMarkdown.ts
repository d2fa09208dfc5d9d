/**
 * Fast readers of the calls in a plain Python call list wrapped in markdown, as chat models write
 * it: in a fence at the start of the answer, often followed by an explanation
 * (```` ```python\n[f(a=1)]\n```\nThis calls f… ````), or with markdown escapes in the names
 * (`[get\_weather(city='Paris')]`). Each returns the calls `parse()` reads from such text, or
 * `undefined` for anything else, and the caller runs `parse()`. Only the calls are returned, not
 * `parse()`'s notes (`fence_stripped`, `prose_ignored`, `markdown_unescaped`), which is what the
 * reward needs.
 *
 * What `parse()` does with such text, and so what these readers require: it cuts no reasoning,
 * drops no template token and finds no other format's marker, so `parse()` reaches the fence
 * reader, or the Python reader, first. All of those hold a `<`, `[THINK]`, `◁`, `[TOOL_CALLS]`,
 * `functools[` or `DSML`; text holding a `<` or `◁` is asked what `parse()` asks.
 * test/parse/fastMarkdown.test.ts holds both to the full reader.
 */
import type { Call } from "../types.js";
import { fastReadJsonBlock } from "./fastJson.js";
import { FAST_LIMITS, fastReadQuotedList, fastReadWhole, holdsWordMarker } from "./fastRead.js";
import { holdsFormatMarker } from "./formats/detect.js";
import { holdsReasoning } from "./formats/reasoning.js";
import { holdsTemplateToken } from "./formats/templateTokens.js";
import { DEFAULT_NO_CALL_NAMES } from "./parse.js";
import { isIdentStart } from "./scan/chars.js";
import { escapeOutsideStrings } from "./scan/pythonCalls.js";
import { skipSpaces, trimmedEnd } from "./scan/source.js";

const FENCE = "```";

/**
 * Whether parse() would act on anything in the text before its fence reader or Python reader:
 * reasoning, a template token or another format's marker. Then it is left to parse(). Text
 * without a `<` or `◁` holds none of them unless it holds a word marker; text with one (code
 * comparing numbers, HTML in an explanation) is asked exactly what parse() asks.
 */
function holdsMarker(text: string): boolean {
  if (!text.includes("<") && !text.includes("◁")) return holdsWordMarker(text);
  return holdsReasoning(text) || holdsTemplateToken(text) || holdsFormatMarker(text.trim());
}

/**
 * The calls of a fence at the start: its first fence is this one (only whitespace before it),
 * with three backticks and a tag line, or its text on the same line; its text, a plain call list, a JSON value or a list of
 * calls written as strings, is read by fastRead.ts's exact whole-text scan, fastJson.ts's JSON
 * block reader or fastRead.ts's quoted-list reader; the next fence, if any,
 * must not follow with only whitespace between (`parse()` would read it as more calls). An
 * unclosed fence is declined.
 *
 * @example fastReadFenced("```python\n[f(a=1)]\n```\nThis calls f.") // [{name: "f", args: Map {a: 1n}, positional: []}]
 * @example fastReadFenced("Here it is:\n```python\n[f(a=1)]\n```") // undefined: prose first
 */
export function fastReadFenced(text: string): Call[] | undefined {
  if (text.length > FAST_LIMITS.maxLength) return undefined;
  const open = skipSpaces(text, 0);
  if (!text.startsWith(FENCE, open) || text.charCodeAt(open + 3) === 0x60) return undefined;
  // As the fence reader: a language tag (or none) alone on the line opens the fence's text on the
  // next line; any other text after the backticks is the fence's text (```` ```[f(a=1)]``` ````).
  const nl = text.indexOf("\n", open + 3);
  const info = text.slice(open + 3, nl < 0 ? text.length : nl).trim();
  const tagged = info.length <= 40 && /^[\w+#.-]*$/.test(info);
  const start = !tagged ? open + 3 : nl < 0 ? text.length : nl + 1;
  const close = text.indexOf(FENCE, start);
  if (close < 0) return undefined;
  let after = close;
  while (text.charCodeAt(after) === 0x60) after++;
  // The next fence follows with only whitespace between exactly when one opens where it ends.
  if (text.startsWith(FENCE, skipSpaces(text, after))) return undefined;
  const from = skipSpaces(text, start);
  const to = trimmedEnd(text, from, close);
  if (from === to) return undefined;
  if (holdsMarker(text)) return undefined;
  // The fence's text goes through the whole chain: JSON call objects first, then Python.
  return fastReadWhole(text, from, to) ?? fastReadJsonBlock(text, from, to, DEFAULT_NO_CALL_NAMES) ?? fastReadQuotedList(text, from, to);
}

/**
 * The calls of a call list with markdown escapes (`\_`, `\*`, `\[`, `\]`), which `parse()`
 * removes everywhere before reading the list again, when its reading of the text as it stands is
 * sure to find nothing: the first escape stands outside any string (`escapeOutsideStrings`), or
 * the text opens with no character a Python expression opens with.
 *
 * @example fastReadEscaped("[get\\_weather(city='Paris')]") // [get_weather(city='Paris')]
 */
export function fastReadEscaped(text: string, maxDepth: number): Call[] | undefined {
  // Escapes are looked for before the text is trimmed: most texts hold none.
  if (text.length > FAST_LIMITS.maxLength || (!text.includes("\\_") && !text.includes("\\*"))) return undefined;
  const t = text.slice(skipSpaces(text, 0), trimmedEnd(text, 0, text.length));
  const c = t.charCodeAt(0);
  const pythonOpens = c === 0x5b || c === 0x28 || c === 0x27 || c === 0x22 || isIdentStart(c);
  if (pythonOpens && !escapeOutsideStrings(t, maxDepth)) return undefined;
  if (text.includes(FENCE)) return undefined;
  if (holdsMarker(text)) return undefined;
  // Unescaping can make a marker (`\[THINK\]`), which parse() then meets in the text it reads.
  const unescaped = t.replace(/\\([_*[\]])/g, "$1");
  return holdsWordMarker(unescaped) ? undefined : fastReadWhole(unescaped);
}
