/**
 * A fast reader of the calls in what chat models write when asked for a call list: a markdown
 * fence at the start of the answer holding a plain Python call list, often followed by an
 * explanation, ```` ```python\n[f(a=1)]\n```\nThis calls f… ````. It returns the calls `parse()`
 * reads from such text (the fence's; prose after it is ignored), or `undefined` for anything
 * else, and the caller runs `parse()`. Only the calls are returned, not `parse()`'s notes
 * (`fence_stripped`, `prose_ignored`), which is what the reward needs.
 *
 * What `parse()` does with such text, and so what this reader requires: reasoning, template
 * tokens and the other formats' markers all hold a `<`, `[THINK]`, `◁`, `[TOOL_CALLS]`,
 * `functools` or `DSML`, and the text holds none of them, so the fence reader is the first to read
 * it. Its first fence is this one (only whitespace before it), with three backticks and a tag line;
 * the fence's text is read by fastRead.ts's exact whole-text scan; and the next fence, if any,
 * must not follow with only whitespace between (`parse()` would read it as more calls). An
 * unclosed fence is declined. test/parse/fastFence.test.ts holds it to the full reader.
 */
import type { Call } from "../types.js";
import { fastReadWhole, toCalls } from "./fastRead.js";
import { isSpace } from "./scan/source.js";

const FENCE = "```";
/** Longer outputs are left to parse(), as in fastRead.ts. */
const MAX_LENGTH = 100_000;
/** Text holding one of these is left to parse(): each starts reasoning, a template token or another format. */
const DECLINED = ["<", "[THINK]", "[/THINK]", "◁", "[TOOL_CALLS]", "functools", "DSML"];

/**
 * @example fastReadFenced("```python\n[f(a=1)]\n```\nThis calls f.") // [{name: "f", args: Map {a: 1n}, positional: []}]
 * @example fastReadFenced("Here it is:\n```python\n[f(a=1)]\n```") // undefined: prose first
 */
export function fastReadFenced(text: string): Call[] | undefined {
  if (text.length > MAX_LENGTH) return undefined;
  const open = skipSpace(text, 0);
  if (!text.startsWith(FENCE, open) || text.charCodeAt(open + 3) === 0x60) return undefined;
  const nl = text.indexOf("\n", open + 3);
  if (nl < 0) return undefined;
  // The fence reader's tag line: a language tag (or none) alone on the line.
  const info = text.slice(open + 3, nl).trim();
  if (info.length > 40 || !/^[\w+#.-]*$/.test(info)) return undefined;
  const close = text.indexOf(FENCE, nl + 1);
  if (close < 0) return undefined;
  let after = close;
  while (text.charCodeAt(after) === 0x60) after++;
  const next = text.indexOf(FENCE, after);
  if (next >= 0 && skipSpace(text, after) >= next) return undefined;
  const from = skipSpace(text, nl + 1);
  let to = close;
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  if (from === to) return undefined;
  for (const d of DECLINED) if (text.includes(d)) return undefined;
  const plain = fastReadWhole(text.slice(from, to));
  return plain && toCalls(plain);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}
