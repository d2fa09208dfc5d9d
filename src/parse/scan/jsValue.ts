/**
 * Reads a JavaScript-syntax value with acorn: what models write when they mean JSON but produce
 * an object literal (`{city: 'Paris', days: 3,}`, comments, template strings, `undefined`).
 *
 * Numbers keep Python's int/float split through their source text (`5` → int, `5.0` → float).
 * Python spellings that slip into such objects (`True`, `False`, `None`) are read as Python
 * means them; any other identifier becomes its text, and expressions that are not values become
 * their source text, as in pyValue.ts. acorn throws on bad input and recurses on nesting, so
 * callers check the nesting depth first (brackets.ts) and every call here is guarded.
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
