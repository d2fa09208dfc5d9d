/**
 * Reads a JavaScript argument, given as source text, into the value model for the default ruleset.
 *
 * BFCL converts JavaScript text with regular expressions (bfcl-ast-spec §5.9, §12 item 10): nested
 * object literals break its lazy `{...}` match, `1e3`, `.5` and `3.0` fail, quotes survive in
 * some places and `'5'` turns into an int in others. This reader parses the text with acorn and
 * keeps what is a value:
 *
 * - literals: strings, numbers, BigInts (`5n` → int), `true`, `false`, `null`; `undefined` → None
 *   (noted); `NaN` and `Infinity` → float (noted); a sign on a number;
 * - template literals without substitutions → str;
 * - arrays and object literals at any depth. Object keys (identifiers, strings, numbers) become str
 *   keys as JavaScript makes them (`{1e3: x}` has the key "1000"); `__proto__` is an ordinary key;
 * - `new Array(a, b)`, `Array(a, b)` and `Array.of(a, b)` → list.
 *
 * Anything else is an expression: identifiers, member access, calls, arrow functions, operators,
 * holes (`[1, , 2]`), spreads, shorthand (`{a}`), computed keys and methods, `new Array(3)` (three
 * holes), and any text acorn does not accept or does not consume entirely.
 *
 * Numbers keep Python's int/float split through their source text: without `.` or an exponent a
 * number is an int (`0xFF` too), otherwise a float (`3.0`, `1e3`, `.5`). Where a `float` is
 * declared (or is the item type, for array elements), an integer literal is read as a float.
 * Object keys keep source order; JavaScript would put integer-like keys first, which only matters
 * to a caller that compares dicts in order.
 */
import { parseExpressionAt, type Expression, type Literal, type ObjectExpression, type SpreadElement } from "acorn";
import { DictBuilder } from "../value/hashKey.js";
import type { Value } from "../value/value.js";
import {
  MAX_DEPTH,
  MAX_SOURCE_LENGTH,
  NO_HINT,
  NotAValue,
  type NumericHint,
  type SourceValueResult,
  declaredHint,
  expression,
} from "./source/sourceValue.js";

export type JsValueResult = SourceValueResult;

/**
 * Reads JavaScript source text as a value, or returns it as an expression. Never throws.
 *
 * @example readJsValue("{status: 'active', nested: {a: [1, 2]}}", "dict") // value {'status': 'active', 'nested': {'a': [1, 2]}}
 * @example readJsValue("[1, 2.5e3, .5]", "array", "float")             // value [1.0, 2500.0, 0.5]
 * @example readJsValue("x => x + 1", "any")                            // expression "x => x + 1"
 */
export function readJsValue(source: string, declaredType: string, itemType?: string): JsValueResult {
  if (typeof source !== "string") return expression(String(source));
  if (source.length > MAX_SOURCE_LENGTH || bracketDepth(source) > MAX_DEPTH) return expression(source);
  const notes = new Set<string>();
  try {
    const node = parseExpressionAt(source, 0, { ecmaVersion: "latest", preserveParens: true });
    if (skipTrivia(source, node.end) !== source.length) return expression(source);
    const value = read(node, declaredHint(declaredType, itemType), 0, notes);
    return { kind: "value", value, notes: [...notes] };
  } catch {
    // acorn's SyntaxError, our NotAValue, or a RangeError from a runaway input.
    return expression(source);
  }
}

const fail = (node: { start: number }): never => {
  throw new NotAValue(node.start);
};

function read(node: Expression | SpreadElement, hint: NumericHint, depth: number, notes: Set<string>): Value {
  if (depth > MAX_DEPTH) fail(node);
  switch (node.type) {
    case "Literal":
      return literal(node, hint, notes);
    case "TemplateLiteral": {
      const cooked = node.quasis[0]?.value.cooked;
      if (node.expressions.length !== 0 || typeof cooked !== "string") return fail(node);
      notes.add("template literal");
      return cooked;
    }
    case "Identifier":
      switch (node.name) {
        case "undefined":
          notes.add("undefined read as null");
          return null;
        case "NaN":
          notes.add("NaN");
          return Number.NaN;
        case "Infinity":
          notes.add("Infinity");
          return Number.POSITIVE_INFINITY;
      }
      return fail(node);
    case "UnaryExpression": {
      if (node.operator !== "-" && node.operator !== "+") return fail(node);
      const v = read(node.argument, hint, depth + 1, notes);
      if (node.operator === "+") {
        if (node.argument.type === "Literal" && node.argument.bigint !== undefined) return fail(node); // +5n is a TypeError
        notes.add("unary plus");
      }
      if (typeof v === "number" || typeof v === "bigint") return node.operator === "-" ? -v : v;
      return fail(node);
    }
    case "ArrayExpression":
      return node.elements.map((e) => (e === null || e.type === "SpreadElement" ? fail(node) : read(e, hint.item ?? NO_HINT, depth + 1, notes)));
    case "ObjectExpression":
      return object(node, hint, depth, notes);
    case "ParenthesizedExpression":
      return read(node.expression, hint, depth + 1, notes);
    case "NewExpression":
    case "CallExpression": {
      const callee = node.callee;
      const isArray = callee.type === "Identifier" && callee.name === "Array";
      const isArrayOf =
        node.type === "CallExpression" &&
        callee.type === "MemberExpression" &&
        !callee.computed &&
        callee.object.type === "Identifier" &&
        callee.object.name === "Array" &&
        callee.property.type === "Identifier" &&
        callee.property.name === "of";
      if ((!isArray && !isArrayOf) || (node.type === "CallExpression" && node.optional)) return fail(node);
      notes.add(isArrayOf ? "Array.of" : node.type === "NewExpression" ? "new Array(...)" : "Array(...)");
      const items = node.arguments.map((a) => read(a, hint.item ?? NO_HINT, depth + 1, notes));
      // Array(n) with one number makes n holes, not [n].
      if (isArray && items.length === 1 && (typeof items[0] === "number" || typeof items[0] === "bigint")) {
        if (items[0] === 0n || items[0] === 0) return [];
        return fail(node);
      }
      return items;
    }
  }
  return fail(node);
}

function literal(node: Literal, hint: NumericHint, notes: Set<string>): Value {
  if (node.regex !== undefined) return fail(node);
  if (node.bigint !== undefined) {
    notes.add("BigInt literal");
    return BigInt(node.bigint);
  }
  const v = node.value;
  if (typeof v === "number") return numberOf(node.raw ?? String(v), v, hint, notes);
  if (typeof v === "string" || typeof v === "boolean" || v === null) return v;
  return fail(node);
}

/** An int for integral source text (`5`, `0xFF`, `1_000`), a float for `5.0`, `1e3`, `.5`. */
function numberOf(raw: string, value: number, hint: NumericHint, notes: Set<string>): Value {
  const text = raw.replaceAll("_", "");
  const prefixed = /^0[xXoObB]/.test(text);
  if (!prefixed && /[.eE]/.test(text)) return value;
  if (hint.float) {
    notes.add("integer literal read as float");
    return value;
  }
  if (prefixed) {
    notes.add(`${{ x: "hex", o: "octal", b: "binary" }[text[1]!.toLowerCase() as "x" | "o" | "b"]} literal`);
    return BigInt(text);
  }
  if (/^0[0-7]+$/.test(text)) {
    notes.add("legacy octal literal");
    return BigInt(`0o${text.slice(1)}`);
  }
  return BigInt(text);
}

function object(node: ObjectExpression, hint: NumericHint, depth: number, notes: Set<string>): Value {
  const d = new DictBuilder();
  for (const p of node.properties) {
    if (p.type === "SpreadElement" || p.kind !== "init" || p.method || p.shorthand || p.computed) return fail(p);
    const k = p.key;
    let key: string;
    if (k.type === "Identifier") key = k.name;
    else if (k.type === "Literal" && typeof k.value === "string") key = k.value;
    else if (k.type === "Literal" && (typeof k.value === "number" || typeof k.value === "bigint")) {
      notes.add("numeric key read as a string");
      key = String(k.value);
    } else return fail(k);
    if (key === "__proto__") notes.add("__proto__ read as an ordinary key");
    d.set(key, read(p.value, hint.value ?? NO_HINT, depth + 1, notes));
  }
  return d.toDict();
}

/** The position after whitespace and comments from `pos`. */
function skipTrivia(src: string, pos: number): number {
  for (;;) {
    while (pos < src.length && /\s/.test(src[pos]!)) pos++;
    if (src.startsWith("//", pos)) {
      const end = src.indexOf("\n", pos);
      pos = end < 0 ? src.length : end;
    } else if (src.startsWith("/*", pos)) {
      const end = src.indexOf("*/", pos + 2);
      if (end < 0) return pos;
      pos = end + 2;
    } else return pos;
  }
}

/**
 * The deepest bracket nesting outside string literals, stopping early past the limit: acorn
 * recurses on nesting, so a 100k-deep `[[[…` is refused before it is parsed. A template is
 * skipped whole, substitutions included, and comments and regular expressions are not told
 * apart from code; such texts may be miscounted, and the RangeError acorn then raises on deep
 * recursion is caught like any other failure.
 */
function bracketDepth(src: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > max && (max = depth) > MAX_DEPTH) return max;
    } else if (c === 41 || c === 93 || c === 125) depth--;
    else if (c === 34 || c === 39 || c === 96) {
      // skip to the closing quote, over escapes
      for (i++; i < src.length && src.charCodeAt(i) !== c; i++) if (src.charCodeAt(i) === 92) i++;
    }
  }
  return max;
}
