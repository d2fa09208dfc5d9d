/**
 * `parse`: model output → the calls it makes, "no call", or "malformed", with the format that
 * matched and every repair made on the way.
 *
 * The output may be a string (prompt-mode text in any of the formats under formats/), a provider
 * payload (OpenAI, Anthropic, Gemini), or a value as BFCL result files store it (a list of
 * `{name: "<arguments JSON>"}`). The order follows landscape.md §3: structured payloads first;
 * for text, reasoning is cut and chat-template tokens dropped, then a detector chain keyed on
 * markers picks a reader (formats/detect.ts); JSON is read `raw_decode` style and Python call text
 * with the real Python parser. Positional arguments are bound to names when function docs are
 * given (bind.ts).
 *
 * Never throws and never hangs on model output: length, nesting and call count have hard limits,
 * each reported as its own `malformed` code; scans are linear and the work spent on prose is
 * capped. The regular expressions applied to model output are all linear (a single character
 * class, at most one quantifier, no alternation inside a repetition):
 *
 * | where | regex | applied to |
 * |---|---|---|
 * | scan/jsValue.ts | `/\s/` | one character |
 * | scan/jsValue.ts | `/_/g`, `/^0[xob]/i`, `/^\d+$/` | the raw text of one number literal |
 * | scan/looseArgs.ts | `/[([{]/` | one argument's text |
 * | scan/chars.ts | `/\s+/g` | at most 200 characters (a snippet) |
 * | formats/glm.ts | `` /^[`*]+$/ ``, `` /`/g `` | one line |
 * | formats/glmXml.ts | `/[\s{}()<>]/` | a function name |
 * | formats/kimi.ts | `/^\d+$/` | a tool id suffix |
 * | formats/harmony.ts | `/\s\|>/`, `/[\s<]/` | one character |
 * | formats/fence.ts | `/^[\w+#.-]*$/` | a fence info string of at most 40 characters |
 * | formats/reasoning.ts, json.ts, mistral.ts | `/\s/` | one character |
 *
 * test/parse/parse.test.ts runs attack strings against each limit and each scan.
 */
import type { Call, FunctionDoc } from "../types.js";
import { docsByName, findDoc } from "../docs.js";
import { bindPositional } from "./bind.js";
import { fastReadClean, withinFastLimits } from "./fastRead.js";
import { fastReadGlm, fastReadJsonCalls, fastReadTagged } from "./fastJson.js";
import { fastReadFcPayload } from "./fastPayload.js";
import { readText } from "./formats/detect.js";
import { readPayload } from "./formats/payload.js";
import { stripReasoning } from "./formats/reasoning.js";
import { dropTemplateTokens } from "./formats/templateTokens.js";
import { Ctx, LimitHit, note, type FormatId, type Limits, type Outcome, type ParseResult, type Repair } from "./scan/diagnostics.js";
import { Src } from "./scan/source.js";

export type {
  FormatId,
  MalformedCode,
  NoCallReason,
  ParseProblem,
  ParseResult,
  Repair,
  RepairCode,
} from "./scan/diagnostics.js";
export { MALFORMED, REPAIRS } from "./scan/diagnostics.js";

export interface ParseOptions {
  /** Function docs: positional arguments are bound to their parameter names, prose calls filtered by name. */
  functions?: readonly FunctionDoc[];
  /** Longest output accepted, in UTF-16 units (for payloads: string characters plus nodes). Default 1,000,000. */
  maxLength?: number;
  /** Deepest bracket or value nesting accepted. Default 100. */
  maxDepth?: number;
  /** Most calls accepted. Default 256. */
  maxCalls?: number;
  /**
   * Names a model calls to say it calls nothing (Granite's `no_function`). Such calls are dropped,
   * unless a function doc of that name is given. Default `["no_function"]`.
   */
  noCallNames?: readonly string[];
}

export const DEFAULT_LIMITS: Readonly<Limits> = { maxLength: 1_000_000, maxDepth: 100, maxCalls: 256 };
export const DEFAULT_NO_CALL_NAMES: ReadonlySet<string> = new Set(["no_function"]);

/**
 * Reads the calls in a model output.
 *
 * @example parse("[get_weather(city='Paris', days=3)]")
 * // {status: "calls", format: "python", calls: [{name: "get_weather", args: Map {city: "Paris", days: 3n}, positional: []}], repairs: []}
 * @example parse('<tool_call>\n{"name": "get_weather", "arguments": {"city": "Paris"}}')
 * // {status: "calls", format: "hermes", calls: [...], repairs: [{code: "closer_added", detail: "</tool_call>", …}]}
 * @example parse("I cannot help with that.") // {status: "no_call", format: "text", reason: "prose", repairs: []}
 * @example parse("[f(a=1, b=]") // {status: "malformed", format: "python", error: {code: "syntax_error", message: "unmatched ']'", offset: 10, line: 1, col: 10}}
 */
export function parse(output: unknown, options: ParseOptions = {}): ParseResult {
  const limits = limitsOf(options);
  const fast = withinFastLimits(limits);
  // Most answers are a clean Python call list, which one scan reads exactly as the full reader would.
  if (fast && typeof output === "string" && options.noCallNames === undefined) {
    const calls = fastReadClean(output);
    if (calls) return { status: "calls", format: "python", calls, repairs: [] };
  }
  return read(output, options, limits, fast);
}

/**
 * parse() of an output that the readers in front already declined (the reward tries them first):
 * text that `fastRead` (fastRead.ts) and {@link readJsonFront} declined (the scan reads a subset
 * of what fastRead reads), a payload that `fastReadFcPayload` declined. They are skipped.
 */
export function parseDeclined(output: unknown, options: ParseOptions = {}): ParseResult {
  const limits = limitsOf(options);
  return read(output, options, limits, withinFastLimits(limits), false);
}

/**
 * The one-pass readers of JSON call objects in front of the full reader: bare, in Hermes / Qwen
 * / Granite tags, or after GLM's name line (fastJson.ts). `loose`: the reward's reading, which
 * also takes tagged blocks with Python's quotes and whose calls may carry notes.
 */
export function readJsonFront(text: string, noCallNames: ReadonlySet<string>, maxDepth: number, loose: boolean): { format: FormatId; calls: Call[] } | undefined {
  const json = fastReadJsonCalls(text, noCallNames);
  if (json) return { format: "json", calls: json };
  const glm = fastReadGlm(text, noCallNames, maxDepth);
  if (glm) return { format: "glm", calls: glm };
  return fastReadTagged(text, noCallNames, loose);
}

/** The one-pass reader of BFCL's FC payloads in front of the full reader (fastPayload.ts). */
function readFcFront(output: unknown, noCallNames: ReadonlySet<string>): { format: FormatId; calls: Call[] } | undefined {
  const calls = fastReadFcPayload(output, noCallNames);
  return calls && { format: "bfcl_fc", calls };
}

function limitsOf(options: ParseOptions): Limits {
  return {
    maxLength: options.maxLength ?? DEFAULT_LIMITS.maxLength,
    maxDepth: options.maxDepth ?? DEFAULT_LIMITS.maxDepth,
    maxCalls: options.maxCalls ?? DEFAULT_LIMITS.maxCalls,
  };
}

/**
 * parse() without any fast reader: neither in front nor inside (plain call lists in fences, in
 * prose…); exported for the tests that hold the two together.
 */
export function parseFully(output: unknown, options: ParseOptions = {}): ParseResult {
  return read(output, options, limitsOf(options), false);
}

function read(output: unknown, options: ParseOptions, limits: Limits, fast: boolean, front = fast): ParseResult {
  const noCallNames = options.noCallNames ? new Set(options.noCallNames) : DEFAULT_NO_CALL_NAMES;
  if (front) {
    const found = typeof output === "string" ? readJsonFront(output, noCallNames, limits.maxDepth, false) : readFcFront(output, noCallNames);
    if (found) return { status: "calls", format: found.format, calls: found.calls, repairs: [] };
  }
  const ctxOptions = { noCallNames, docs: options.functions ? docsByName(options.functions) : undefined, fast };
  const ctx = new Ctx(typeof output === "string" ? output : "", limits, ctxOptions);
  try {
    const outcome =
      typeof output === "string"
        ? readTextOutput(Src.of(output), ctx)
        : readPayload(output, ctx, (text, path) => {
            const child = new Ctx(text, limits, ctxOptions, path);
            try {
              return readTextOutput(Src.of(text), child);
            } finally {
              ctx.repairs.push(...child.repairs);
            }
          });
    return finish(outcome, ctx, options.functions);
  } catch (e) {
    if (e instanceof LimitHit) {
      return { status: "malformed", format: "text", error: ctx.problem(e.code, e.message, e.offset), repairs: ctx.repairs };
    }
    if (e instanceof RangeError) {
      return { status: "malformed", format: "text", error: ctx.problem("too_deep", "nested too deeply to read", 0), repairs: ctx.repairs };
    }
    throw e;
  }
}

/** Text: limits, reasoning, template tokens, then the detector chain. */
function readTextOutput(src: Src, ctx: Ctx): Outcome {
  if (src.length > ctx.limits.maxLength) {
    throw new LimitHit("too_long", `output is ${src.length} characters, more than the limit of ${ctx.limits.maxLength}`, ctx.limits.maxLength);
  }
  const r = stripReasoning(src, ctx);
  const text = dropTemplateTokens(r.src, ctx).trim();
  if (text.length === 0) return { kind: "no_call", format: "text", reason: r.removed ? "reasoning_only" : "empty_output" };
  const o = readText(text, ctx);
  return o.kind === "none" ? { kind: "no_call", format: "text", reason: "prose" } : o;
}

/** Drops no-call markers, binds positional arguments, numbers the per-call notes. */
function finish(o: Outcome, ctx: Ctx, functions: readonly FunctionDoc[] | undefined): ParseResult {
  const repairs: Repair[] = [...ctx.repairs];
  switch (o.kind) {
    case "none":
      return { status: "no_call", format: "text", reason: "prose", repairs };
    case "no_call":
      return { status: "no_call", format: o.format, reason: o.reason, repairs };
    case "malformed":
      return { status: "malformed", format: o.format, error: o.problem, repairs };
  }
  const calls: Call[] = [];
  for (const d of o.drafts) {
    if (ctx.options.noCallNames.has(d.call.name) && !ctx.options.docs?.has(d.call.name)) {
      repairs.push(note("no_call_marker_dropped", d.call.name));
      continue;
    }
    const bound = functions && d.call.positional.length > 0 ? bindPositional(d.call, findDoc(functions, d.call.name)) : { call: d.call, notes: [] };
    const index = calls.length;
    calls.push(bound.call);
    for (const r of [...d.repairs, ...bound.notes]) repairs.push({ ...r, call: index });
  }
  ctx.checkCalls(calls.length, 0);
  if (calls.length === 0) return { status: "no_call", format: o.format, reason: "no_call_marker", repairs };
  return { status: "calls", format: o.format, calls, repairs };
}
