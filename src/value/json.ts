/**
 * A JSON reader that produces Python values, as Python's `json.loads` does.
 *
 * `JSON.parse` cannot be used for model output or golds: it turns `5` and `5.0` into the same
 * number, while BFCL's checker tells int from float. Here integers become `bigint` and numbers
 * with a fraction or exponent become `number`; objects become {@link PyDict} (never a live
 * object, so `"__proto__"` is an ordinary key). Like Python's default decoder it accepts `NaN`,
 * `Infinity` and `-Infinity`, rejects raw control characters inside strings, keeps lone
 * surrogates, and lets a repeated key keep its first position with its last value.
 *
 * Errors are data with an offset and (line:col); nothing throws.
 */
import { PyDict, type Value } from "./value.js";
import { lastAtOrBefore } from "./sorted.js";
import { decimalBigInt } from "./smallInt.js";

export interface JsonError {
  message: string;
  offset: number;
  line: number;
  col: number;
}

export type JsonResult = { ok: true; value: Value } | { ok: false; error: JsonError };

export interface JsonOptions {
  /** Deepest nesting accepted (Python's own limit is its recursion limit, about 1000). */
  maxDepth?: number;
}

class JsonFail {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

/**
 * Reads one JSON document; only whitespace may follow it.
 *
 * @example readJson('{"a": 5.0, "b": 5}') // ok, PyDict {a: 5 (float), b: 5n (int)}
 */
export function readJson(text: string, options: JsonOptions = {}): JsonResult {
  const reader = new JsonReader(text, options.maxDepth ?? 1000);
  try {
    reader.skipWs();
    const value = reader.value(0);
    reader.skipWs();
    if (reader.pos < text.length) throw new JsonFail("extra data after the JSON value", reader.pos);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof JsonFail) return { ok: false, error: positioned(text, e.message, e.offset) };
    throw e;
  }
}

/**
 * Reads a JSON text that is one object into a Map of its members, as {@link readJson} reads it
 * into a PyDict (a repeated key keeps its first position and takes its last value); `undefined`
 * for any other text, without saying why. For the fast readers of call arguments, which decline
 * what they cannot read and need no PyDict to turn into the arguments' Map.
 *
 * @example readJsonMembers('{"a": 5.0, "b": 5}', 32) // Map {a: 5 (float), b: 5n (int)}
 */
export function readJsonMembers(text: string, maxDepth: number): Map<string, Value> | undefined {
  return readJsonWith(text, 0, maxDepth, (j) => {
    j.skipWs();
    if (text.charCodeAt(j.pos) !== 0x7b) return undefined;
    const members = j.members(0);
    j.skipWs();
    return j.pos < text.length ? undefined : members;
  });
}

/**
 * Runs `read` with a {@link JsonReader} at `start` of `text`: what it returns, or `undefined`
 * when the text is not the JSON it reads, without saying why. For readers that expect one shape
 * and leave anything else to a general reader.
 *
 * @example readJsonWith('{"a": 1}', 0, 32, (j) => (j.opensObject() ? j.memberKey() : undefined)) // "a"
 */
export function readJsonWith<T>(text: string, start: number, maxDepth: number, read: (j: JsonReader) => T | undefined): T | undefined {
  const reader = new JsonReader(text, maxDepth);
  reader.pos = start;
  try {
    return read(reader);
  } catch (e) {
    if (e instanceof JsonFail) return undefined;
    throw e;
  }
}

/**
 * Reads one JSON value starting at `start` and reports where it ended, like Python's
 * `JSONDecoder.raw_decode`: what follows the value is left for the caller.
 */
export function readJsonPrefix(
  text: string,
  start = 0,
  options: JsonOptions = {},
): { ok: true; value: Value; end: number } | { ok: false; error: JsonError } {
  const reader = new JsonReader(text, options.maxDepth ?? 1000);
  reader.pos = start;
  try {
    reader.skipWs();
    const value = reader.value(0);
    return { ok: true, value, end: reader.pos };
  } catch (e) {
    if (e instanceof JsonFail) return { ok: false, error: positioned(text, e.message, e.offset) };
    throw e;
  }
}

/**
 * {@link readJsonPrefix} for readers that only need to know whether JSON is there: the value and
 * where it ends, or `undefined` without the error report (whose line and column cost a pass over
 * the text before the error).
 *
 * @example readJsonValueAt('x = {"a": 1} …', 4, 32) // {value: PyDict {a: 1n}, end: 12}
 */
export function readJsonValueAt(text: string, start: number, maxDepth: number): { value: Value; end: number } | undefined {
  return readJsonWith(text, start, maxDepth, (j) => {
    j.skipWs();
    const value = j.value(0);
    return { value, end: j.pos };
  });
}

/**
 * Turns an offset into a 1-based line and column. A reader that tries many offsets of one text
 * (JSON objects looked for in prose) asks for the same text again and again, so its line starts
 * are kept for the last text seen: each failure costs a binary search, not a pass from the start.
 */
export function positioned(text: string, message: string, offset: number): JsonError {
  const end = Math.min(offset, text.length);
  const starts = lineStarts(text);
  const lo = lastAtOrBefore(starts, end);
  const line = lo + 1;
  const col = end - starts[lo]! + 1;
  return { message: `${message} (${line}:${col})`, offset, line, col };
}

let lastText: string | undefined;
let lastStarts: number[] = [0];

/** Offsets where lines start (after each `\n`), for the last text asked about. */
function lineStarts(text: string): number[] {
  if (text === lastText) return lastStarts;
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  lastText = text;
  lastStarts = starts;
  return starts;
}

/**
 * Reads JSON text piece by piece. Each method reads at `pos` and moves past what it read; on
 * text that is not the JSON it reads it throws, and {@link readJsonWith} turns that into
 * `undefined`.
 */
export class JsonReader {
  pos = 0;

  constructor(
    readonly text: string,
    readonly maxDepth: number,
  ) {}

  skipWs(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) this.pos++;
      else break;
    }
  }

  value(depth: number): Value {
    if (depth > this.maxDepth) throw new JsonFail(`nesting deeper than ${this.maxDepth}`, this.pos);
    const t = this.text;
    if (this.pos >= t.length) throw new JsonFail("expecting a value, found the end of the text", this.pos);
    const c = t.charCodeAt(this.pos);
    switch (c) {
      case 0x7b /* { */:
        return this.object(depth);
      case 0x5b /* [ */:
        return this.array(depth);
      case 0x22 /* " */:
        return this.string();
      case 0x74 /* t */:
        return this.word("true", true);
      case 0x66 /* f */:
        return this.word("false", false);
      case 0x6e /* n */:
        return this.word("null", null);
      case 0x4e /* N */:
        return this.word("NaN", Number.NaN);
      case 0x49 /* I */:
        return this.word("Infinity", Number.POSITIVE_INFINITY);
      case 0x2d /* - */:
        if (t.startsWith("-Infinity", this.pos)) return this.word("-Infinity", Number.NEGATIVE_INFINITY);
        return this.number();
      default:
        if (c >= 0x30 && c <= 0x39) return this.number();
        throw new JsonFail(`expecting a value, found ${describe(t, this.pos)}`, this.pos);
    }
  }

  private word<T extends Value>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) {
      throw new JsonFail(`expecting a value, found ${describe(this.text, this.pos)}`, this.pos);
    }
    this.pos += word.length;
    return value;
  }

  private number(): bigint | number {
    const t = this.text;
    const start = this.pos;
    let p = start;
    if (t.charCodeAt(p) === 0x2d) p++;
    const intStart = p;
    if (t.charCodeAt(p) === 0x30) p++;
    else {
      if (!isDigit(t.charCodeAt(p))) throw new JsonFail(`expecting a value, found ${describe(t, start)}`, start);
      while (isDigit(t.charCodeAt(p))) p++;
    }
    let isFloat = false;
    if (t.charCodeAt(p) === 0x2e && isDigit(t.charCodeAt(p + 1))) {
      isFloat = true;
      p += 2;
      while (isDigit(t.charCodeAt(p))) p++;
    }
    const e = t.charCodeAt(p);
    if (e === 0x65 || e === 0x45) {
      let q = p + 1;
      const s = t.charCodeAt(q);
      if (s === 0x2b || s === 0x2d) q++;
      if (isDigit(t.charCodeAt(q))) {
        isFloat = true;
        p = q;
        while (isDigit(t.charCodeAt(p))) p++;
      }
    }
    this.pos = p;
    if (isFloat) return Number(t.slice(start, p));
    return decimalBigInt(t, start, intStart, p);
  }

  string(): string {
    const t = this.text;
    const start = this.pos;
    let p = start + 1;
    // Most strings hold no escape: scanned to the closing quote and sliced once.
    for (;;) {
      if (p >= t.length) throw new JsonFail("unterminated string", start);
      const c = t.charCodeAt(p);
      if (c === 0x22) {
        this.pos = p + 1;
        return t.slice(start + 1, p);
      }
      if (c === 0x5c) break;
      if (c < 0x20) throw new JsonFail("invalid control character in string", p);
      p++;
    }
    let out = "";
    let chunk = start + 1;
    for (;;) {
      if (p >= t.length) throw new JsonFail("unterminated string", start);
      const c = t.charCodeAt(p);
      if (c === 0x22) {
        out += t.slice(chunk, p);
        this.pos = p + 1;
        return out;
      }
      if (c < 0x20) throw new JsonFail("invalid control character in string", p);
      if (c !== 0x5c) {
        p++;
        continue;
      }
      out += t.slice(chunk, p);
      const esc = t.charCodeAt(p + 1);
      switch (esc) {
        case 0x22:
          out += '"';
          break;
        case 0x5c:
          out += "\\";
          break;
        case 0x2f:
          out += "/";
          break;
        case 0x62:
          out += "\b";
          break;
        case 0x66:
          out += "\f";
          break;
        case 0x6e:
          out += "\n";
          break;
        case 0x72:
          out += "\r";
          break;
        case 0x74:
          out += "\t";
          break;
        case 0x75: {
          const hex = t.slice(p + 2, p + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonFail("invalid \\uXXXX escape", p);
          out += String.fromCharCode(parseInt(hex, 16));
          p += 4;
          break;
        }
        default:
          throw new JsonFail("invalid escape", p);
      }
      p += 2;
      chunk = p;
    }
  }

  private array(depth: number): Value[] {
    const out: Value[] = [];
    if (this.opensArray()) {
      do {
        this.skipWs();
        out.push(this.value(depth + 1));
      } while (!this.closesArray());
    }
    return out;
  }

  /** Past the `[` at `pos`; false, past the `]` too, when the list is empty. */
  opensArray(): boolean {
    this.pos++;
    this.skipWs();
    if (this.text.charCodeAt(this.pos) !== 0x5d) return true;
    this.pos++;
    return false;
  }

  /** Past the `,` or `]` after an item; true at the `]`. */
  closesArray(): boolean {
    return this.closes(0x5d, "']'");
  }

  private object(depth: number): PyDict {
    const out = new PyDict();
    if (this.opensObject()) {
      do out.set(this.memberKey(), this.value(depth + 1));
      while (!this.closesObject());
    }
    return out;
  }

  /**
   * The object at `pos` as a Map of its members (a repeated key keeps its first position and
   * takes its last value, as {@link object} sets them into a PyDict). Its own loop: one loop for
   * both kinds of dict would set into either, and reading objects into PyDicts got slower.
   */
  members(depth: number): Map<string, Value> {
    const out = new Map<string, Value>();
    if (this.opensObject()) {
      do out.set(this.memberKey(), this.value(depth + 1));
      while (!this.closesObject());
    }
    return out;
  }

  /** Past the `{` at `pos`; false, past the `}` too, when the object is empty. */
  opensObject(): boolean {
    this.pos++;
    this.skipWs();
    if (this.text.charCodeAt(this.pos) !== 0x7d) return true;
    this.pos++;
    return false;
  }

  /** A member's key and the `:` after it. */
  memberKey(): string {
    const t = this.text;
    this.skipWs();
    if (t.charCodeAt(this.pos) !== 0x22) {
      throw new JsonFail(`expecting a property name in double quotes, found ${describe(t, this.pos)}`, this.pos);
    }
    const key = this.string();
    this.skipWs();
    if (t.charCodeAt(this.pos) !== 0x3a) throw new JsonFail(`expecting ':', found ${describe(t, this.pos)}`, this.pos);
    this.pos++;
    this.skipWs();
    return key;
  }

  /** Past the `,` or `}` after a member; true at the `}`. */
  closesObject(): boolean {
    return this.closes(0x7d, "'}'");
  }

  private closes(closer: number, name: string): boolean {
    const t = this.text;
    this.skipWs();
    const c = t.charCodeAt(this.pos);
    if (c === 0x2c || c === closer) {
      this.pos++;
      return c === closer;
    }
    throw new JsonFail(`expecting ',' or ${name}, found ${describe(t, this.pos)}`, this.pos);
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function describe(t: string, pos: number): string {
  if (pos >= t.length) return "the end of the text";
  return JSON.stringify(t.slice(pos, pos + 12));
}
