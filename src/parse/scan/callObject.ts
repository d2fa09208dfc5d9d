/**
 * Reads calls out of a decoded JSON-like value: the object shapes that every JSON-based format and
 * provider payload share.
 *
 * | shape | from |
 * |---|---|
 * | `{"name": f, "arguments" \| "parameters" \| "args" \| "input" \| "params": {…} or "<JSON>"}` | Hermes, Llama 3.1, xLAM, Mistral, Granite, Responses `function_call`, Anthropic `tool_use` |
 * | `{"type": "function", "function": {"name", "arguments"}}` | OpenAI `tool_calls` items |
 * | `{"tool_calls": [...]}`, `{"function_call": {...}}` | xLAM / Hammer wrappers, OpenAI messages |
 * | `{"functionCall": {"name", "args"}}` | Gemini parts |
 * | `{f: {args}}` (one key that is not a known field) | BFCL's decoded shape; in payloads also `{f: "<JSON>"}` (BFCL FC results) |
 * | a list of any of these | parallel calls |
 *
 * Arguments given as a JSON string are decoded (with the same leniency as the text formats);
 * arguments given as a list are kept as positional arguments.
 */
import type { Call } from "../../types.js";
import { PyDict, type Value } from "../../value/value.js";
import { readJson } from "../../value/json.js";
import { Ctx, note, type Draft, type MalformedCode, type Repair } from "./diagnostics.js";
import { readValueAt } from "./jsonish.js";
import { Src } from "./source.js";

const NAME_KEYS = ["name", "function", "tool", "tool_name", "function_name"] as const;
const ARG_KEYS = ["arguments", "parameters", "args", "input", "params", "tool_input"] as const;
/** Keys that may sit beside a call without changing what it is. */
const EXTRA_KEYS: ReadonlySet<string> = new Set(["id", "type", "index", "call_id", "status", "thought_signature", "thoughtSignature"]);
const WRAPPER_KEYS = ["function_call", "functionCall"] as const;
const KNOWN_KEYS: ReadonlySet<string> = new Set([...NAME_KEYS, ...ARG_KEYS, ...EXTRA_KEYS, "tool_calls", "function_call", "functionCall", "content", "role", "text"]);

export type CallsRead = { ok: true; drafts: Draft[] } | { ok: false; code: MalformedCode; message: string };

export interface CallObjectOptions {
  /** Offset in the original output that notes and errors point to. */
  offset: number;
  /** Only explicit call objects (`name` + arguments, `tool_calls`…), not BFCL's `{f: {args}}`: for objects found in prose. */
  explicit?: boolean;
  /** Reading a provider payload: accept `{f: "<JSON string>"}` (BFCL FC results), and do not note decoding argument strings, which is their normal form. */
  payload?: boolean;
}

/**
 * The calls a decoded value describes, or why it describes none.
 *
 * @example callsFromValue(readJson('[{"name": "f", "arguments": "{\\"a\\": 1}"}]').value, ctx, {offset: 0})
 * // ok: [f(a=1)] with note arguments_string_decoded
 */
export function callsFromValue(v: Value, ctx: Ctx, options: CallObjectOptions, depth = 0): CallsRead {
  if (depth > ctx.limits.maxDepth) return { ok: false, code: "not_a_call", message: "call lists nested too deeply" };
  if (Array.isArray(v)) {
    const drafts: Draft[] = [];
    for (const item of v) {
      const r = callsFromValue(item, ctx, options, depth + 1);
      if (!r.ok) return r;
      if (Array.isArray(item)) for (const d of r.drafts) d.repairs.push(note("list_flattened", undefined, options.offset));
      drafts.push(...r.drafts);
    }
    return { ok: true, drafts };
  }
  if (!(v instanceof PyDict)) return { ok: false, code: "not_a_call", message: `expected a call object, found ${describe(v)}` };
  return callsFromObject(v, ctx, options, depth);
}

function callsFromObject(d: PyDict, ctx: Ctx, options: CallObjectOptions, depth: number): CallsRead {
  const toolCalls = d.get("tool_calls");
  if (toolCalls !== undefined && toolCalls !== null) return callsFromValue(toolCalls, ctx, options, depth + 1);
  for (const key of WRAPPER_KEYS) {
    const inner = d.get(key);
    if (inner instanceof PyDict) return callsFromObject(inner, ctx, options, depth + 1);
  }
  const fn = d.get("function");
  if (fn instanceof PyDict) return callsFromObject(fn, ctx, options, depth + 1);

  // "name" always names the function; the other name keys only beside an arguments key
  // (`{"function": "3*x**2", "lower_bound": 1}` is an argument object, not a call).
  const hasArgs = ARG_KEYS.some((k) => d.has(k));
  const nameKey = NAME_KEYS.find((k) => typeof d.get(k) === "string" && (k === "name" || hasArgs));
  if (nameKey !== undefined) {
    const name = (d.get(nameKey) as string).trim();
    if (name === "") return { ok: false, code: "not_a_call", message: "the call object has an empty name" };
    const argKey = ARG_KEYS.find((k) => d.has(k));
    // Without an arguments key, other keys are the arguments written flat beside the name
    // (`{"name": "f", "a": 5}`) — except in prose, where `{"name": "John Doe", "age": 10}` is a record.
    const others = argKey === undefined ? d.entries.filter(([k]) => typeof k !== "string" || (k !== nameKey && !EXTRA_KEYS.has(k))) : [];
    if (others.length > 0) {
      if (options.explicit || !isFunctionName(name)) return { ok: false, code: "not_a_call", message: `an object with a "${nameKey}" but no arguments` };
      const notes = [note("flat_arguments", undefined, options.offset)];
      return { ok: true, drafts: [{ call: makeCall(name, PyDict.fromPairs(others), []), repairs: notes }] };
    }
    const notes: Repair[] = [];
    const args = argKey === undefined ? { ok: true as const, args: new PyDict(), positional: [] } : readArguments(d.get(argKey)!, ctx, options, notes);
    if (!args.ok) return args;
    return { ok: true, drafts: [{ call: makeCall(name, args.args, args.positional), repairs: notes }] };
  }

  // BFCL's shape: {name: {args}} (and {name: "<JSON>"} in FC result files).
  if (d.size === 1 && !options.explicit) {
    const [k, val] = d.entries[0]!;
    const jsonString = typeof val === "string" && (options.payload || val.trimStart().startsWith("{"));
    if (typeof k === "string" && isBfclCallKey(k) && (val instanceof PyDict || jsonString || (options.payload && val === null))) {
      const notes: Repair[] = [];
      const args = readArguments(val, ctx, options, notes);
      if (!args.ok) return args;
      return { ok: true, drafts: [{ call: makeCall(k, args.args, args.positional), repairs: notes }] };
    }
  }
  const keys = d.keys().filter((k): k is string => typeof k === "string").slice(0, 5);
  return { ok: false, code: "not_a_call", message: d.size === 0 ? "an empty object is not a call" : `an object without a function name (keys: ${keys.join(", ")})` };
}

type ArgsRead = { ok: true; args: PyDict; positional: Value[] } | { ok: false; code: MalformedCode; message: string };

/** Arguments as an object, a JSON string, a list (positional) or nothing. */
export function readArguments(v: Value, ctx: Ctx, options: CallObjectOptions, notes: Repair[]): ArgsRead {
  if (v instanceof PyDict) return { ok: true, args: v, positional: [] };
  if (v === null) return { ok: true, args: new PyDict(), positional: [] };
  if (Array.isArray(v)) {
    notes.push(note("positional_unbound", "arguments given as a list", options.offset));
    return { ok: true, args: new PyDict(), positional: v };
  }
  if (typeof v !== "string") return { ok: false, code: "invalid_arguments", message: `arguments must be an object, found ${describe(v)}` };
  if (v.trim() === "") {
    notes.push(note("empty_arguments", undefined, options.offset));
    return { ok: true, args: new PyDict(), positional: [] };
  }
  const strict = readJson(v, { maxDepth: ctx.limits.maxDepth });
  let value: Value;
  if (strict.ok) value = strict.value;
  else {
    const src = Src.of(v).trim();
    const scratch = new Ctx(v, ctx.limits, ctx.options);
    const r = src.length > 0 ? readValueAt(src, 0, scratch, notes) : undefined;
    if (!r || !r.ok || src.text.slice(r.end).trim() !== "") {
      return { ok: false, code: "invalid_json", message: `arguments string is not JSON: ${strict.error.message}` };
    }
    for (const rep of scratch.repairs) ctx.repair(rep.code, rep.detail, options.offset);
    value = r.value;
  }
  if (!(value instanceof PyDict)) {
    if (Array.isArray(value)) return readArguments(value, ctx, options, notes);
    return { ok: false, code: "invalid_arguments", message: `arguments string holds ${describe(value)}, not an object` };
  }
  if (!options.payload) notes.push(note("arguments_string_decoded", undefined, options.offset));
  return { ok: true, args: value, positional: [] };
}

/** Whether a call object's key holds its arguments (`arguments`, `parameters`, `args`…). */
export function isArgumentsKey(key: string): boolean {
  return (ARG_KEYS as readonly string[]).includes(key);
}

/** A {@link Call} from a name and a dict of arguments (non-string keys become their text). */
export function makeCall(name: string, args: PyDict, positional: Value[]): Call {
  const map = new Map<string, Value>();
  for (const [k, v] of args.entries) map.set(typeof k === "string" ? k : String(k), v);
  return { name, args: map, positional };
}

function describe(v: Value): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (v instanceof PyDict) return "an object";
  if (typeof v === "string") return v.length > 30 ? `the string "${v.slice(0, 27)}..."` : `the string ${JSON.stringify(v)}`;
  return `a ${typeof v === "bigint" ? "number" : typeof v}`;
}

/**
 * Whether `k`, the one key of an object, names the function of BFCL's `{name: {args}}` shape: a
 * function name that is none of the keys the other call shapes use (`name`, `arguments`, `type`…).
 */
export function isBfclCallKey(k: string): boolean {
  return isFunctionName(k) && !KNOWN_KEYS.has(k);
}

/** A dotted identifier (`get_weather`, `math.factorial`, `get-weather`): what can name a function. */
function isFunctionName(k: string): boolean {
  if (k.length === 0 || k.length > 200) return false;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    const ok = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c > 0x7f || (i > 0 && ((c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x2d));
    if (!ok) return false;
  }
  return true;
}

/**
 * Whether a value looks like an attempt at a call object (it has a name, arguments or tool-call
 * key), as opposed to data that happens to be JSON.
 */
export function looksLikeCallObject(v: Value): boolean {
  if (Array.isArray(v)) return v.some(looksLikeCallObject);
  if (!(v instanceof PyDict)) return false;
  return v.keys().some((k) => typeof k === "string" && (k === "name" || k === "tool_calls" || k === "function" || k === "function_call" || k === "functionCall" || (ARG_KEYS as readonly string[]).includes(k)));
}
