/**
 * Fast readers for JSON call objects written as text, the formats of most tool-calling policies:
 * a bare JSON value (xLAM's `{"tool_calls": […]}`, `[{"name": …, "arguments": {…}}]`, Llama 3.1's
 * `{"name": …, "parameters": {…}}`), and tagged blocks of one JSON value each: Hermes, Qwen2.5
 * and Qwen3's `<tool_call>`, Granite's `<function_call>`. Each returns exactly the calls `parse()` returns for such text, which it
 * reads without a repair, or `undefined` for anything else, and the full reader then runs. The
 * full reader strips reasoning, drops template tokens, tries each format's marker, cuts the
 * blocks and reads each one's text through the whole chain again; these read the tags and one
 * strict JSON value per block, and turn it into calls with the full reader's own
 * `callsFromValue`.
 *
 * They decline rather than guess: JSON that is not strict (Python's quotes, trailing commas), a
 * value `callsFromValue` notes anything about (arguments as a JSON string or a list, a name
 * beside flat arguments…) or reads no call from, a no-call name, a `<` outside the tags or a
 * marker of any other format anywhere (`|`, `｜`, `◁`, a backtick, `[THINK]`, `[TOOL_CALLS]`,
 * `functools[`, `DSML`), whitespace other than ASCII's around the JSON, an unclosed block, and
 * anything past the limits below. test/parse/fastJson.test.ts holds them to the full reader on
 * every corpus output and on generated text.
 */
import type { Call } from "../types.js";
import { JsonReader, readJsonValueAt, readJsonWith } from "../value/json.js";
import { PyDict, type Value } from "../value/value.js";
import { FAST_LIMITS, holdsWordMarker } from "./fastRead.js";
import { callsFromValue, isArgumentsKey, makeCall } from "./scan/callObject.js";
import { matchBracket } from "./scan/brackets.js";
import { plainName, skipAsciiSpace, trimAsciiEnd } from "./scan/chars.js";
import { DECLINED as NOT_PLAIN, readPlainLiteral } from "./scan/jsValue.js";
import { cannotHoldPythonCalls } from "./scan/pythonCalls.js";
import { Ctx } from "./scan/diagnostics.js";

const { maxLength: MAX_LENGTH, maxDepth: MAX_DEPTH, maxCalls: MAX_CALLS } = FAST_LIMITS;

/**
 * The calls of text that is one JSON value (an object or a list), or `undefined`.
 *
 * @example fastReadJsonCalls('{"tool_calls": [{"name": "f", "arguments": {"a": 1}}]}', new Set()) // [{name: "f", args: Map {a: 1n}, positional: []}]
 */
export function fastReadJsonCalls(text: string, noCallNames: ReadonlySet<string>): Call[] | undefined {
  if (text.length > MAX_LENGTH) return undefined;
  const calls = readBody(text, skipAsciiSpace(text, 0, text.length), trimAsciiEnd(text, 0, text.length), noCallNames, [], false);
  return calls && !holdsWordMarker(text) ? calls : undefined;
}

/** Tags around JSON call objects: Hermes / Qwen's, closed; Granite's, closed or running to the next. */
const TAGS = [
  { open: "<tool_call>", close: "</tool_call>", closeRequired: true, format: "hermes" },
  { open: "<function_call>", close: "</function_call>", closeRequired: false, format: "granite" },
] as const;

/**
 * The calls of tagged blocks of one JSON value each (`<tool_call>` blocks, or Granite's
 * `<function_call>` ones), with only whitespace around them, and the format that reads them; or
 * `undefined`. `loose`: the reward's reading, see {@link readBody}.
 *
 * @example fastReadTagged('<tool_call>\n{"name": "f", "arguments": {"a": 1}}\n</tool_call>', new Set()) // {format: "hermes", calls: [f(a=1)]}
 * @example fastReadTagged("<think>…</think><tool_call>…", new Set()) // undefined: left to parse()
 */
export function fastReadTagged(text: string, noCallNames: ReadonlySet<string>, loose = false): { format: "hermes" | "granite"; calls: Call[] } | undefined {
  if (text.length > MAX_LENGTH) return undefined;
  let i = skipAsciiSpace(text, 0, text.length);
  const tag = TAGS.find((t) => text.startsWith(t.open, i));
  if (!tag) return undefined;
  const calls: Call[] = [];
  while (i < text.length) {
    if (!text.startsWith(tag.open, i)) return undefined;
    const from = i + tag.open.length;
    const next = text.indexOf(tag.open, from);
    const close = text.indexOf(tag.close, from);
    let to: number;
    if (close >= 0 && (next < 0 || close <= next)) {
      to = close;
      i = close + tag.close.length;
    } else {
      if (tag.closeRequired) return undefined;
      to = i = next < 0 ? text.length : next;
    }
    if (!readBody(text, skipAsciiSpace(text, from, to), trimAsciiEnd(text, 0, to), noCallNames, calls, loose)) return undefined;
    i = skipAsciiSpace(text, i, text.length);
  }
  return calls.length > 0 && !holdsWordMarker(text) ? { format: tag.format, calls } : undefined;
}

/**
 * The call of GLM-4's answer, the function name alone on the first line and the arguments as a
 * JSON object on the next (`get_weather\n{"city": "Paris"}`), or `undefined`. `maxDepth` is the
 * parse's: the text must be one no Python reading could take (no `(`, as `cannotHoldPythonCalls`
 * decides), since the full reader tries Python before GLM.
 *
 * @example fastReadGlm('get_weather\n{"city": "Paris"}', new Set(), 100) // [get_weather(city='Paris')]
 */
export function fastReadGlm(text: string, noCallNames: ReadonlySet<string>, maxDepth: number): Call[] | undefined {
  if (text.length > MAX_LENGTH) return undefined;
  const start = skipAsciiSpace(text, 0, text.length);
  let i = start;
  for (;;) {
    i = plainName(text, i);
    if (i < 0) return undefined;
    if (text.charCodeAt(i) !== 0x2e) break;
    i++;
  }
  const name = text.slice(start, i);
  i = skipBlanks(text, i);
  if (text.charCodeAt(i) !== 0x0a || noCallNames.has(name)) return undefined;
  // The object opens on the next line (GLM's reader allows no blank line between).
  const from = skipBlanks(text, i + 1);
  if (text.charCodeAt(from) !== 0x7b || !cannotHoldPythonCalls(text, maxDepth) || holdsWordMarker(text)) return undefined;
  const to = trimAsciiEnd(text, 0, text.length);
  if (holdsMarker(text, from, to)) return undefined;
  const json = readJsonValueAt(text, from, MAX_DEPTH);
  if (json?.end !== to || !(json.value instanceof PyDict)) return undefined;
  return [makeCall(name, json.value, [])];
}

/**
 * The calls of the JSON value filling `[from, to)` of `text` (trimmed, opening with `{` or `[`),
 * as the full reader's `readJsonCalls` reads a block of text that is one JSON value; loosely (see
 * {@link readBody}). For readers of blocks cut out elsewhere (fastMarkdown.ts's fences).
 */
export function fastReadJsonBlock(text: string, from: number, to: number, noCallNames: ReadonlySet<string>): Call[] | undefined {
  return readBody(text, from, to, noCallNames, [], true);
}

/**
 * Adds the calls of the JSON value in `[from, to)` to `calls`; undefined when it declines.
 * `loose` (the reward's reading, which needs the calls and not `parse()`'s notes): the value may
 * also be JSON with Python's quotes and constants, read as the full reader reads it when strict
 * JSON fails (the bracketed span by the plain-literal reader), and the reading may note things.
 */
function readBody(text: string, from: number, to: number, noCallNames: ReadonlySet<string>, calls: Call[], loose: boolean): Call[] | undefined {
  const first = text.charCodeAt(from);
  if ((first !== 0x7b && first !== 0x5b) || holdsMarker(text, from, to)) return undefined;
  // JSON with Python's quotes fails every strict reading: the strict reader declines it, the
  // loose one skips to the plain-literal reading.
  const strict = !quoteOutsideStrings(text, from, to);
  if (!strict && !loose) return undefined;
  const start = calls.length;
  if (strict && readCallObjects(text, from, to, calls)) {
    for (let i = start; i < calls.length; i++) if (noCallNames.has(calls[i]!.name)) return undefined;
    return calls.length > MAX_CALLS ? undefined : calls;
  }
  const value = loose ? looseValue(text, from, to, strict) : strictValue(text, from, to);
  if (value === undefined) return undefined;
  const ctx = new Ctx(text, FAST_LIMITS, { noCallNames, docs: undefined, fast: true });
  const r = callsFromValue(value, ctx, { offset: from });
  if (!r.ok || r.drafts.length === 0 || (!loose && ctx.repairs.length > 0)) return undefined;
  for (const d of r.drafts) {
    if ((!loose && d.repairs.length > 0) || d.call.positional.length > 0 || noCallNames.has(d.call.name)) return undefined;
    if (calls.push(d.call) > MAX_CALLS) return undefined;
  }
  return calls;
}

/**
 * The commonest shapes read straight into calls: the JSON in `[from, to)` is an object of a
 * `"name"` string and one arguments object (`"arguments"`, `"parameters"`… as `callsFromValue`
 * knows them) and nothing else, a list of such objects, or an object holding only such a list as
 * its `"tool_calls"`. `callsFromValue` reads the same calls, without a note, from the PyDicts
 * `readJsonValueAt` would build; this builds none. False, with `calls` as it was, for anything
 * else, which the general reading then takes.
 */
function readCallObjects(text: string, from: number, to: number, calls: Call[]): boolean {
  const start = calls.length;
  const read = readJsonWith(text, from, MAX_DEPTH, (j) => {
    if (text.charCodeAt(from) === 0x5b) {
      if (!readCallList(j, 0, calls)) return false;
    } else if (!readCallObject(j, 0, calls)) {
      // `{"tool_calls": [...]}`, read again from its start.
      j.pos = from;
      if (!j.opensObject() || j.memberKey() !== "tool_calls" || !readCallList(j, 1, calls) || !j.closesObject()) return false;
    }
    return j.pos === to;
  });
  if (read) return true;
  calls.length = start;
  return false;
}

/** A non-empty list at `depth` of call objects (see {@link readCallObjects}), added to `calls`. */
function readCallList(j: JsonReader, depth: number, calls: Call[]): boolean {
  if (j.text.charCodeAt(j.pos) !== 0x5b || !j.opensArray()) return false;
  do if (!readCallObject(j, depth + 1, calls)) return false;
  while (!j.closesArray());
  return true;
}

/** One call object at `depth` (see {@link readCallObjects}), added to `calls`; false for any other value. */
function readCallObject(j: JsonReader, depth: number, calls: Call[]): boolean {
  j.skipWs();
  if (j.text.charCodeAt(j.pos) !== 0x7b || !j.opensObject()) return false;
  let name: string | undefined;
  let args: Map<string, Value> | undefined;
  do {
    const key = j.memberKey();
    const c = j.text.charCodeAt(j.pos);
    if (key === "name" && name === undefined && c === 0x22) name = j.string();
    else if (args === undefined && c === 0x7b && isArgumentsKey(key)) args = j.members(depth + 1);
    else return false;
  } while (!j.closesObject());
  const trimmed = name?.trim();
  if (!trimmed || !args) return false;
  calls.push({ name: trimmed, args, positional: [] });
  return true;
}

/** The strict JSON value that fills `[from, to)`, or undefined. */
function strictValue(text: string, from: number, to: number): Value | undefined {
  const json = readJsonValueAt(text, from, MAX_DEPTH);
  return json?.end === to ? json.value : undefined;
}

/**
 * The value `readValueAt` reads from an object, or a list of objects, filling `[from, to)`:
 * strict JSON, else its bracketed span (the whole of it) through the plain-literal reader;
 * undefined for anything else. (A list opening with anything but an object is no JSON call list
 * to the full reader, which reads it as Python.) `strict`: false when strict JSON is known to fail.
 */
function looseValue(text: string, from: number, to: number, strict: boolean): Value | undefined {
  const json = strict ? readJsonValueAt(text, from, MAX_DEPTH) : undefined;
  if (json) return json.end === to ? json.value : undefined;
  if (text.charCodeAt(from) === 0x5b && text.charCodeAt(skipAsciiSpace(text, from + 1, to)) !== 0x7b) return undefined;
  const body = text.slice(from, to);
  const span = matchBracket(body, 0, { maxDepth: MAX_DEPTH, backticks: true });
  if (!span.ok || span.end !== body.length) return undefined;
  const plain = readPlainLiteral(body);
  return plain === NOT_PLAIN ? undefined : plain;
}

/**
 * `<` (tags, template tokens, reasoning), `|` and `｜` (special tokens), `◁` (Kimi's reasoning), a
 * backtick (fences), anywhere in `[from, to)`.
 */
function holdsMarker(text: string, from: number, to: number): boolean {
  for (const m of MARKER_CHARS) {
    const k = text.indexOf(m, from);
    if (k >= 0 && k < to) return true;
  }
  return false;
}

/**
 * Whether a single quote stands outside JSON's strings before the value opening at `from` closes:
 * strict JSON fails on it there, as JSON has no such quote, whatever comes before.
 *
 * @example quoteOutsideStrings(`{"a": 'x'}`, 0, 10) // true
 * @example quoteOutsideStrings(`{"a": "it's"}`, 0, 13) // false
 */
export function quoteOutsideStrings(text: string, from: number, to: number): boolean {
  const q = text.indexOf("'", from);
  if (q < 0 || q >= to) return false;
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < to; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x27) return true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d || c === 0x5d) && --depth === 0) return false;
  }
  return false;
}

const MARKER_CHARS = ["<", "|", "｜", "◁", "`"];

/** Past spaces, tabs and carriage returns: the blanks of a line. */
function skipBlanks(text: string, i: number): number {
  for (let c = text.charCodeAt(i); c === 0x20 || c === 0x09 || c === 0x0d; c = text.charCodeAt(++i));
  return i;
}
