/**
 * What `parse` reports besides the calls: the format that matched, each repair it made, and for
 * output it could not read, a typed reason with a position.
 *
 * Repairs and reasons are closed sets of snake_case codes, each documented once in the tables
 * below, so a report can count them and a test can pin them. Formats collect repairs in a
 * {@link Ctx}; a format that declines rolls its repairs back, so the result lists only the
 * repairs of the reading that was kept.
 */
import type { Call, FunctionDoc } from "../../types.js";
import { lastAtOrBefore } from "../../value/sorted.js";

/** Every repair or note `parse` can report, with what it means. */
export const REPAIRS = {
  reasoning_removed: "a reasoning block (<think>…</think>, or an unterminated one) was cut off",
  template_tokens_dropped: "chat-template tokens (<|eot_id|>, <|im_end|>, a role header…) were dropped",
  fence_stripped: "a markdown code fence around the calls was opened",
  quotes_stripped: "quotes around the whole output were removed",
  prose_ignored: "text around the calls was ignored",
  brackets_added: "calls written without a surrounding list were read as a list",
  calls_split: "several calls or objects separated by ';', newlines, ',', '}{' or '][' were read one by one",
  closer_added: "a missing closing bracket, quote or tag was added at the end",
  extra_closer_ignored: "a closing bracket without an opener was ignored",
  markdown_unescaped: "markdown escapes (\\_, \\*, \\[, \\]) were removed",
  emphasis_stripped: "**bold** or `code` markers around the calls were removed",
  print_unwrapped: "print(f(...)) was read as f(...)",
  call_suffix_ignored: "a call or method applied to the result of a call (f(a=1)(), f(a=1).get('x')) was ignored",
  calls_combined: "calls combined with an operator (f(…) + g(…)) were read as separate calls",
  name_list_read: "a call written as a list of its name and arguments ([f, a=1] or ['f', {'a': 1}]) was read",
  namespace_stripped: "a namespace prefix (default_api., functions.) or an index suffix (:0) was removed from a name",
  list_flattened: "a list nested in the call list was flattened",
  python_syntax: "a value in a JSON position used Python syntax (single quotes, True, None, tuples)",
  js_syntax: "a value in a JSON position used JavaScript syntax (unquoted keys, trailing commas, comments)",
  flat_arguments: "arguments written beside the name ({\"name\": \"f\", \"a\": 1}) instead of under an arguments key",
  arguments_string_decoded: "arguments written as a JSON string were decoded",
  string_values_typed: "XML-style parameter values (always text) were read as JSON where they parse as JSON",
  arithmetic_evaluated: "arithmetic on literals was evaluated (5*2 → 10)",
  name_as_text: "a bare name or attribute chain used as a value was kept as its text (unit=units → 'units')",
  source_text: "an expression that is not a literal (call, lambda, comprehension, subscript) was kept as its source text",
  nested_call_as_dict: "a call with keywords used as a value was read as {name: {keyword: value}}, as BFCL does",
  raw_text_value: "an argument no parser could read was kept as its raw text",
  positional_bound: "positional arguments were bound to parameter names in the function doc's order",
  dict_spread: "a single dict passed positionally was read as the keyword arguments",
  positional_unbound: "positional arguments that could not be bound stay in `positional`",
  no_call_marker_dropped: "a call to a no-call marker (no_function) was dropped",
  text_ignored: "text parts of a provider payload were ignored because it has tool calls",
  text_parsed: "text of a provider payload without structured calls was parsed for calls",
  empty_arguments: "an empty arguments string was read as no arguments",
  call_dropped: "a call that could not be read was dropped while others were read",
} as const;

export type RepairCode = keyof typeof REPAIRS;

/** Why output that tried to call could not be read. */
export const MALFORMED = {
  too_long: "the output is longer than the `maxLength` limit",
  too_deep: "brackets or values nest deeper than the `maxDepth` limit",
  too_many_calls: "more calls than the `maxCalls` limit",
  syntax_error: "call text that no Python, JSON or JavaScript reading accepts",
  invalid_json: "a JSON call object or arguments string that could not be read",
  not_a_call: "a structure in a call position that has no function name",
  invalid_arguments: "arguments that are not an object (a number, a list, a string that is not JSON)",
  invalid_payload: "a provider payload of a shape no format knows",
  unclosed: "a call block whose content ends before the call does",
} as const;

export type MalformedCode = keyof typeof MALFORMED;

/** Why output is read as "no call". */
export type NoCallReason = "empty_output" | "prose" | "empty_call_list" | "reasoning_only" | "no_call_marker";

/** The format that matched. Provider payloads first, then text formats (see formats/detect.ts). */
export type FormatId =
  | "openai"
  | "openai_responses"
  | "anthropic"
  | "gemini"
  | "bfcl_fc"
  | "python"
  | "json"
  | "hermes"
  | "qwen3_coder"
  | "glm_xml"
  | "glm"
  | "llama_python_tag"
  | "llama_function"
  | "mistral"
  | "phi4"
  | "granite"
  | "lfm2"
  | "gemma"
  | "deepseek"
  | "deepseek_dsml"
  | "kimi"
  | "harmony"
  | "text";

/** One repair or note. `offset` is into the original output; `path` into a payload object; `call` indexes `calls`. */
export interface Repair {
  code: RepairCode;
  detail?: string;
  offset?: number;
  path?: string;
  call?: number;
}

/** Where and why output could not be read. `line` is 1-based, `col` 0-based (acorn's convention). */
export interface ParseProblem {
  code: MalformedCode;
  message: string;
  offset: number;
  line: number;
  col: number;
  path?: string;
}

/** What `parse` returns. Never thrown: bad output is data. */
export type ParseResult =
  | { status: "calls"; format: FormatId; calls: Call[]; repairs: Repair[] }
  | { status: "no_call"; format: FormatId; reason: NoCallReason; repairs: Repair[] }
  | { status: "malformed"; format: FormatId; error: ParseProblem; repairs: Repair[] };

/** The limits of one `parse` call. */
export interface Limits {
  maxLength: number;
  maxDepth: number;
  maxCalls: number;
}

/** A call read by a format, with the notes that belong to it. */
export interface Draft {
  call: Call;
  repairs: Repair[];
}

/** What a format or reader made of a region of text. */
export type Outcome =
  | { kind: "calls"; format: FormatId; drafts: Draft[] }
  | { kind: "no_call"; format: FormatId; reason: NoCallReason }
  | { kind: "malformed"; format: FormatId; problem: ParseProblem }
  | { kind: "none" };

/** Thrown when a hard limit is hit; `parse` turns it into a `malformed` result. */
export class LimitHit {
  constructor(
    readonly code: "too_long" | "too_deep" | "too_many_calls",
    readonly message: string,
    readonly offset: number,
  ) {}
}

/** Most repairs recorded for one output. */
export const MAX_REPAIRS = 200;

/** State shared by the formats while one output is parsed. */
export class Ctx {
  readonly repairs: Repair[] = [];
  /** Candidate parses still allowed; bounds the work spent on prose (see pythonCalls.ts). */
  attempts: number;

  constructor(
    /** The text offsets refer to (the output, or the payload string being read). */
    readonly original: string,
    readonly limits: Limits,
    readonly options: {
      noCallNames: ReadonlySet<string>;
      docs: ReadonlyMap<string, FunctionDoc> | undefined;
      /**
       * Shortcuts allowed: plain call lists read by the fast scan (fastRead.ts) instead of the
       * Python parser, parses skipped when they can only fail. Only with limits that leave the
       * fast readers room (`withinFastLimits`), as parse() sets it; off in `parseFully`, which
       * tests hold `parse` to.
       */
      fast: boolean;
    },
    readonly path?: string,
  ) {
    // About 2e7 characters of candidate scanning per output, and never more than 400 candidates.
    this.attempts = Math.max(16, Math.min(400, Math.floor(2e7 / Math.max(1, original.length))));
  }

  repair(code: RepairCode, detail?: string, offset?: number): void {
    // A bounded list: hostile output could otherwise ask for one repair per character.
    if (this.repairs.length >= MAX_REPAIRS) return;
    if (this.repairs.some((r) => r.code === code && r.detail === detail && r.offset === offset)) return;
    const r: Repair = { code };
    if (detail !== undefined) r.detail = detail;
    if (offset !== undefined) r.offset = offset;
    if (this.path !== undefined) r.path = this.path;
    this.repairs.push(r);
  }

  private lineStarts: number[] | undefined;

  /** Line and column of an offset, from a line index built once (problems are made per block). */
  position(offset: number): { line: number; col: number } {
    if (!this.lineStarts) {
      this.lineStarts = [0];
      const t = this.original;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === 0x0a || (c === 0x0d && t.charCodeAt(i + 1) !== 0x0a)) this.lineStarts.push(i + 1);
      }
    }
    const starts = this.lineStarts;
    const lo = lastAtOrBefore(starts, Math.max(0, Math.min(offset, this.original.length)));
    return { line: lo + 1, col: offset - starts[lo]! };
  }

  mark(): number {
    return this.repairs.length;
  }

  rollback(mark: number): void {
    this.repairs.length = mark;
  }

  /** Throws {@link LimitHit} when `n` calls exceed `maxCalls`. */
  checkCalls(n: number, offset: number): void {
    if (n > this.limits.maxCalls) {
      throw new LimitHit("too_many_calls", `more than ${this.limits.maxCalls} calls`, offset);
    }
  }

  problem(code: MalformedCode, message: string, offset: number, path = this.path): ParseProblem {
    const { line, col } = this.position(offset);
    const p: ParseProblem = { code, message, offset, line, col };
    if (path !== undefined) p.path = path;
    return p;
  }
}

/** A call-level note for a {@link Draft}. */
export function note(code: RepairCode, detail?: string, offset?: number): Repair {
  const r: Repair = { code };
  if (detail !== undefined) r.detail = detail;
  if (offset !== undefined) r.offset = offset;
  return r;
}
