/**
 * A fast reader for the tool-call format of Hermes, Qwen2.5 and Qwen3 policies: `<tool_call>`
 * blocks that each hold one JSON call object, `{"name": "f", "arguments": {…}}`, with nothing but
 * whitespace around them. It returns exactly the calls `parse()` returns for such text, which it
 * reads without a repair, or `undefined` for anything else, and the full reader then runs. The
 * full reader strips reasoning, drops template tokens, tries each format's marker, cuts the
 * blocks, reads each one's text through the whole chain again and merges the blocks; this is one
 * pass over the tags and one strict JSON reading per block.
 *
 * It declines rather than guesses: a block holding anything else (two objects, a list, extra
 * keys, arguments as a JSON string or `null`, an empty or no-call name), a `<` or a marker of any
 * other format anywhere outside the tags (`|`, `｜`, `◁`, a backtick, `[THINK]`, `[TOOL_CALLS]`,
 * `functools`, `DSML`), whitespace other than ASCII's, an unclosed block, and anything past the
 * limits below. test/parse/fastToolCall.test.ts holds it to the full reader on every corpus output
 * and on generated text.
 */
import type { Call } from "../types.js";
import { readJson } from "../value/json.js";
import { PyDict } from "../value/value.js";
import { makeCall } from "./scan/callObject.js";

const OPEN = "<tool_call>";
const CLOSE = "</tool_call>";
/** Longer outputs, deeper values and more calls are left to the full reader (as in fastRead.ts). */
const MAX_LENGTH = 100_000;
const MAX_DEPTH = 32;
const MAX_CALLS = 64;
/** Markers made of characters a JSON body may hold; the others hold a character declined below. */
const DECLINED = ["[THINK]", "[/THINK]", "[TOOL_CALLS]", "functools", "DSML"];

/**
 * The calls of `<tool_call>` blocks of one JSON call object each, or `undefined`.
 *
 * @example fastReadToolCalls('<tool_call>\n{"name": "f", "arguments": {"a": 1}}\n</tool_call>') // [{name: "f", args: Map {a: 1n}, positional: []}]
 * @example fastReadToolCalls("<think>…</think><tool_call>…") // undefined: left to parse()
 */
export function fastReadToolCalls(text: string, noCallNames: ReadonlySet<string>): Call[] | undefined {
  if (text.length > MAX_LENGTH) return undefined;
  const calls: Call[] = [];
  let i = skipSpace(text, 0, text.length);
  while (i < text.length) {
    if (!text.startsWith(OPEN, i)) return undefined;
    const close = text.indexOf(CLOSE, i + OPEN.length);
    if (close < 0) return undefined;
    const call = readBlock(text, skipSpace(text, i + OPEN.length, close), trimEnd(text, close), noCallNames);
    if (!call || calls.push(call) > MAX_CALLS) return undefined;
    i = skipSpace(text, close + CLOSE.length, text.length);
  }
  if (calls.length === 0) return undefined;
  for (const d of DECLINED) if (text.includes(d)) return undefined;
  return calls;
}

/** The call of the JSON object in `[from, to)`, or undefined. */
function readBlock(text: string, from: number, to: number, noCallNames: ReadonlySet<string>): Call | undefined {
  if (text.charCodeAt(from) !== 0x7b) return undefined;
  let last = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    // `<` (tags, template tokens, reasoning), `|` and `｜` (special tokens), `◁` (Kimi's reasoning), a backtick (fences).
    if (c === 0x3c || c === 0x7c || c === 0xff5c || c === 0x25c1 || c === 0x60) return undefined;
    // A single quote where a key or value starts: Python's quotes, which strict JSON would only fail on.
    if (c === 0x27 && (last === 0x7b || last === 0x5b || last === 0x3a || last === 0x2c)) return undefined;
    if (!isSpace(c)) last = c;
  }
  const r = readJson(text.slice(from, to), { maxDepth: MAX_DEPTH });
  if (!r.ok || !(r.value instanceof PyDict) || r.value.size !== 2) return undefined;
  const name = r.value.get("name");
  const args = r.value.get("arguments");
  if (typeof name !== "string" || !(args instanceof PyDict)) return undefined;
  const trimmed = name.trim();
  if (trimmed === "" || noCallNames.has(trimmed)) return undefined;
  return makeCall(trimmed, args, []);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipSpace(text: string, i: number, end: number): number {
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}
