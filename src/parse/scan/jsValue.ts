/**
 * Reads a JavaScript-syntax value with acorn: what models write when they mean JSON but produce
 * an object literal (`{city: 'Paris', days: 3,}`, comments, template strings, `undefined`).
 *
 * Numbers keep Python's int/float split through their source text (`5` → int, `5.0` → float).
 * Python spellings that slip into such objects (`True`, `False`, `None`) are read as Python
 * means them; any other identifier becomes its text, and expressions that are not values become
 * their source text, as in pyValue.ts. acorn throws on bad input and recurses on nesting, so
 * callers check the nesting depth first (brackets.ts) and every call here is guarded.
 *
 * Most such text is JSON with Python's quotes and constants (`{"name": 'f', "arguments":
 * {'a': True}}`), which needs no syntax tree: {@link readPlainLiteral} reads it in one scan, to the
 * value acorn and `convert` would give, and declines anything else (identifiers other than the
 * six constants, escapes that JSON and JavaScript read differently, numbers outside JSON's
 * grammar, `__proto__` keys, other whitespace, comments), which then goes to acorn.
 */
import { parseExpressionAt, type Expression, type Node } from "acorn";
import { PyDict, PyTuple, type Value } from "../../value/value.js";
import { arith, type Num } from "./arith.js";
import { note, type Repair } from "./diagnostics.js";

export type JsRead = { ok: true; value: Value } | { ok: false; message: string; offset: number };

const NAMED: Readonly<Record<string, Value>> = {
  true: true,
  false: false,
  null: null,
  undefined: null,
  True: true,
  False: false,
  None: null,
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
};

/**
 * Reads `text` (all of it, surrounding whitespace aside) as one JavaScript expression.
 *
 * @example readJsValue("{city: 'Paris', days: 3, tags: ['a',],}", notes) // ok: {'city': 'Paris', 'days': 3, 'tags': ['a']}
 */
export function readJsValue(text: string, notes: Repair[]): JsRead {
  const plain = readPlainLiteral(text);
  return plain === DECLINED ? readWithAcorn(text, notes) : { ok: true, value: plain };
}

/** {@link readJsValue} without the plain-literal reader; exported for the test that holds the two together. */
export function readWithAcorn(text: string, notes: Repair[]): JsRead {
  let node: Expression;
  try {
    let start = 0;
    while (start < text.length && /\s/.test(text[start]!)) start++;
    node = parseExpressionAt(text, start, { ecmaVersion: "latest" });
  } catch (e) {
    if (e instanceof SyntaxError) {
      const pos = (e as SyntaxError & { pos?: number }).pos ?? 0;
      return { ok: false, message: e.message, offset: pos };
    }
    if (e instanceof RangeError) return { ok: false, message: "nested too deeply", offset: 0 };
    throw e;
  }
  let end = node.end;
  while (end < text.length && /\s/.test(text[end]!)) end++;
  if (end < text.length) return { ok: false, message: "unexpected text after the value", offset: end };
  try {
    return { ok: true, value: convert(node, text, notes) };
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, message: "nested too deeply", offset: 0 };
    throw e;
  }
}

function convert(node: Expression, text: string, notes: Repair[]): Value {
  switch (node.type) {
    case "Literal": {
      if (typeof node.value === "number") return numberOf(node.raw ?? String(node.value), node.value);
      if (typeof node.value === "bigint") return node.value;
      if (node.value instanceof RegExp || node.value === undefined) return source(node, text, notes);
      return node.value;
    }
    case "Identifier": {
      if (Object.prototype.hasOwnProperty.call(NAMED, node.name)) return NAMED[node.name]!;
      notes.push(note("name_as_text", node.name));
      return node.name;
    }
    case "ArrayExpression":
      return node.elements.map((e) => (e === null ? null : e.type === "SpreadElement" ? source(e, text, notes) : convert(e, text, notes)));
    case "ObjectExpression": {
      const d = new PyDict();
      for (const p of node.properties) {
        if (p.type === "SpreadElement" || p.kind !== "init" || p.method) return source(node, text, notes);
        let key: Value;
        if (p.computed) key = source(p.key, text, notes);
        else if (p.key.type === "Identifier") key = p.key.name;
        else if (p.key.type === "Literal") key = String(p.key.value);
        else key = source(p.key, text, notes);
        d.set(key, convert(p.value, text, notes));
      }
      return d;
    }
    case "SequenceExpression":
      return new PyTuple(node.expressions.map((e) => convert(e, text, notes)));
    case "TemplateLiteral":
      if (node.expressions.length === 0) return node.quasis.map((q) => q.value.cooked ?? q.value.raw).join("");
      return source(node, text, notes);
    case "UnaryExpression": {
      if (node.operator === "-" || node.operator === "+") {
        const v = convert(node.argument, text, notes);
        if (typeof v === "bigint" || typeof v === "number") return node.operator === "-" ? -v : v;
      }
      return source(node, text, notes);
    }
    case "BinaryExpression": {
      const op = BINARY[node.operator];
      if (op && node.left.type !== "PrivateIdentifier") {
        const mark = notes.length;
        const l = convert(node.left, text, notes);
        const r = convert(node.right, text, notes);
        notes.length = mark;
        if (isNumOrStr(l) && isNumOrStr(r)) {
          const v = arith(op, l, r);
          if (v !== undefined) {
            notes.push(note("arithmetic_evaluated", `${text.slice(node.start, node.end)} → ${String(v)}`));
            return v;
          }
        }
      }
      return source(node, text, notes);
    }
    case "MemberExpression": {
      const t = text.slice(node.start, node.end);
      notes.push(note("name_as_text", t));
      return t;
    }
    default:
      return source(node, text, notes);
  }
}

const BINARY: Readonly<Record<string, "Add" | "Sub" | "Mult" | "Div" | "Mod" | "Pow">> = {
  "+": "Add",
  "-": "Sub",
  "*": "Mult",
  "/": "Div",
  "%": "Mod",
  "**": "Pow",
};

function isNumOrStr(v: Value): v is Num | string {
  return typeof v === "bigint" || typeof v === "number" || typeof v === "string";
}

/** int when the literal is written without a fraction or exponent (`5`, `0x1F`), else float. */
function numberOf(raw: string, value: number): bigint | number {
  const clean = raw.replace(/_/g, "");
  if (/^0[xob]/i.test(clean)) return BigInt(clean);
  if (/^\d+$/.test(clean)) return BigInt(clean);
  return value;
}

function source(node: Node, text: string, notes: Repair[]): string {
  const t = text.slice(node.start, node.end);
  notes.push(note("source_text", t.length > 80 ? `${t.slice(0, 77)}...` : t));
  return t;
}

/** Returned by {@link readPlainLiteral} for text it leaves to acorn. */
export const DECLINED = Symbol("declined");

/** Deeper literals are left to acorn (callers bound the nesting before reading). */
const PLAIN_MAX_DEPTH = 100;

/**
 * The value of `text` when it is a JSON value in which strings may also use single quotes, the
 * constants may also be Python's (`True`, `False`, `None`), and a list or object may end with one
 * trailing comma; {@link DECLINED} otherwise. On what it accepts it returns what
 * `readJsValue` returns through acorn, without notes.
 *
 * @example readPlainLiteral(`{"a": 'x', "b": [1, 2.0, True],}`) // {'a': 'x', 'b': [1, 2.0, True]}
 * @example readPlainLiteral("{a: 1}") // DECLINED: an unquoted key is acorn's
 */
export function readPlainLiteral(text: string): Value | typeof DECLINED {
  const r = new PlainReader(text);
  r.space();
  const v = r.value(0);
  if (v === DECLINED) return DECLINED;
  r.space();
  return r.pos === text.length ? v : DECLINED;
}

class PlainReader {
  pos = 0;
  constructor(readonly text: string) {}

  /** JSON's whitespace only: JavaScript's other spaces and comments are declined where met. */
  space(): void {
    const t = this.text;
    for (let c = t.charCodeAt(this.pos); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = t.charCodeAt(++this.pos));
  }

  value(depth: number): Value | typeof DECLINED {
    if (depth > PLAIN_MAX_DEPTH) return DECLINED;
    const c = this.text.charCodeAt(this.pos);
    switch (c) {
      case 0x7b /* { */:
        return this.object(depth);
      case 0x5b /* [ */:
        return this.array(depth);
      case 0x22 /* " */:
      case 0x27 /* ' */:
        return this.string(c);
      case 0x2d /* - */:
        return this.number();
      default:
        if (c >= 0x30 && c <= 0x39) return this.number();
        return this.word();
    }
  }

  /** A constant, which must end where a value ends (`Trueish` is an identifier). */
  private word(): Value | typeof DECLINED {
    const t = this.text;
    const start = this.pos;
    let p = start;
    for (let c = t.charCodeAt(p); (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a); c = t.charCodeAt(++p));
    if (!endsValue(t.charCodeAt(p))) return DECLINED;
    const w = t.slice(start, p);
    this.pos = p;
    return PLAIN_WORDS.has(w) ? PLAIN_WORDS.get(w)! : DECLINED;
  }

  /**
   * JSON's number grammar. acorn reads `-5` as minus applied to `5`, and `convert` keeps an
   * all-digit literal an int (exact, as a bigint) and reads any other as a float.
   */
  private number(): Value | typeof DECLINED {
    const t = this.text;
    const start = this.pos;
    let p = start;
    const negative = t.charCodeAt(p) === 0x2d;
    if (negative) p++;
    const intStart = p;
    if (t.charCodeAt(p) === 0x30) p++;
    else if (isDigit(t.charCodeAt(p))) while (isDigit(t.charCodeAt(p))) p++;
    else return DECLINED;
    const intEnd = p;
    if (t.charCodeAt(p) === 0x2e) {
      if (!isDigit(t.charCodeAt(++p))) return DECLINED;
      while (isDigit(t.charCodeAt(p))) p++;
    }
    const e = t.charCodeAt(p);
    if (e === 0x65 || e === 0x45) {
      const s = t.charCodeAt(++p);
      if (s === 0x2b || s === 0x2d) p++;
      if (!isDigit(t.charCodeAt(p))) return DECLINED;
      while (isDigit(t.charCodeAt(p))) p++;
    }
    if (!endsValue(t.charCodeAt(p))) return DECLINED;
    this.pos = p;
    if (p === intEnd) {
      const n = BigInt(t.slice(intStart, p));
      return negative ? -n : n;
    }
    const x = Number(t.slice(intStart, p));
    return negative ? -x : x;
  }

  private string(quote: number): string | typeof DECLINED {
    const t = this.text;
    let p = this.pos + 1;
    let out = "";
    let chunk = p;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === quote) break;
      if (Number.isNaN(c) || (c < 0x20 && c !== 0x09) || c === 0x2028 || c === 0x2029) return DECLINED;
      if (c !== 0x5c) {
        p++;
        continue;
      }
      out += t.slice(chunk, p);
      const esc = t.charCodeAt(p + 1);
      const simple = SIMPLE_ESCAPES.get(esc);
      if (simple !== undefined) out += simple;
      else if (esc === 0x75 /* u */) {
        for (let k = p + 2; k < p + 6; k++) if (!isHex(t.charCodeAt(k))) return DECLINED;
        out += String.fromCharCode(parseInt(t.slice(p + 2, p + 6), 16));
        p += 4;
      } else return DECLINED;
      p += 2;
      chunk = p;
    }
    this.pos = p + 1;
    return out + t.slice(chunk, p);
  }

  private array(depth: number): Value[] | typeof DECLINED {
    const t = this.text;
    this.pos++;
    const out: Value[] = [];
    for (;;) {
      this.space();
      if (t.charCodeAt(this.pos) === 0x5d) break;
      const v = this.value(depth + 1);
      if (v === DECLINED) return DECLINED;
      out.push(v);
      this.space();
      const c = t.charCodeAt(this.pos);
      if (c === 0x5d) break;
      if (c !== 0x2c) return DECLINED;
      this.pos++;
    }
    this.pos++;
    return out;
  }

  private object(depth: number): PyDict | typeof DECLINED {
    const t = this.text;
    this.pos++;
    const out = new PyDict();
    for (;;) {
      this.space();
      const q = t.charCodeAt(this.pos);
      if (q === 0x7d) break;
      if (q !== 0x22 && q !== 0x27) return DECLINED;
      const key = this.string(q);
      // acorn rejects a repeated `__proto__`; any is left to it.
      if (key === DECLINED || key === "__proto__") return DECLINED;
      this.space();
      if (t.charCodeAt(this.pos) !== 0x3a) return DECLINED;
      this.pos++;
      this.space();
      const v = this.value(depth + 1);
      if (v === DECLINED) return DECLINED;
      out.set(key, v);
      this.space();
      const c = t.charCodeAt(this.pos);
      if (c === 0x7d) break;
      if (c !== 0x2c) return DECLINED;
      this.pos++;
    }
    this.pos++;
    return out;
  }
}

const PLAIN_WORDS: ReadonlyMap<string, Value> = new Map<string, Value>([
  ["true", true],
  ["false", false],
  ["null", null],
  ["True", true],
  ["False", false],
  ["None", null],
]);

/** Escapes that JavaScript reads to one fixed character (`\/` is `/` in both JSON and JavaScript). */
const SIMPLE_ESCAPES: ReadonlyMap<number, string> = new Map([
  [0x22, '"'],
  [0x27, "'"],
  [0x5c, "\\"],
  [0x2f, "/"],
  [0x62, "\b"],
  [0x66, "\f"],
  [0x6e, "\n"],
  [0x72, "\r"],
  [0x74, "\t"],
]);

/** What may follow a number or a constant: JSON whitespace, `,`, `]`, `}`, or the end. */
function endsValue(c: number): boolean {
  return Number.isNaN(c) || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x2c || c === 0x5d || c === 0x7d;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}
