/**
 * Turns the Python expression a model wrote as an argument into a value.
 *
 * Literals keep their Python kind (int, float, bool, None, str, bytes, complex, list, tuple, set,
 * dict). What is not a literal is read the way BFCL reads it, so golds written for BFCL still
 * match, and each such reading is noted on the call:
 * - a bare name becomes its identifier text (`unit=units` → `"units"`), an attribute chain its
 *   dotted text (`Units.KG` → `"Units.KG"`);
 * - arithmetic on literals is evaluated (`5*2` → 10, `2**0.5` → 1.414…);
 * - a call with keywords becomes `{name: {keyword: value}}`; one without keywords, a subscript,
 *   a lambda, a comprehension, an f-string and every other expression becomes its source text
 *   as CPython's `ast.unparse` writes it.
 */
import type { Call as CallNode, Expr } from "../python/ast.js";
import { ELLIPSIS } from "../python/ast.js";
import { tryUnparse } from "../python/unparse.js";
import { pyRepr } from "../../value/repr.js";
import { PyComplex, PyDict, PySet, PyTuple, type Value } from "../../value/value.js";
import { arith, type Num } from "./arith.js";
import { note, type Repair } from "./diagnostics.js";

/**
 * The value of `node`; notes about non-literal readings are pushed to `notes`.
 *
 * @example pyValue(parse("[1, 2.0, (None,)]"), src, notes) // [1n, 2, PyTuple [null]]
 */
export function pyValue(node: Expr, src: string, notes: Repair[]): Value {
  switch (node.type) {
    case "Constant":
      if (node.value === ELLIPSIS) return sourceText(node, src, notes);
      return node.value;
    case "UnaryOp": {
      if (node.op === "USub" || node.op === "UAdd") {
        const v = signed(node);
        if (v !== undefined) return v;
      }
      const n = evaluate(node);
      if (n !== undefined) {
        notes.push(note("arithmetic_evaluated", `${text(node, src)} → ${pyRepr(n)}`));
        return n;
      }
      return sourceText(node, src, notes);
    }
    case "BinOp": {
      const n = evaluate(node);
      if (n !== undefined) {
        notes.push(note("arithmetic_evaluated", `${text(node, src)} → ${pyRepr(n)}`));
        return n;
      }
      return sourceText(node, src, notes);
    }
    case "List":
      return node.elts.map((e) => pyValue(e, src, notes));
    case "Tuple":
      return new PyTuple(node.elts.map((e) => pyValue(e, src, notes)));
    case "Set":
      return new PySet(node.elts.map((e) => pyValue(e, src, notes)));
    case "Dict": {
      if (node.keys.some((k) => k === null)) return sourceText(node, src, notes);
      const d = new PyDict();
      node.keys.forEach((k, i) => d.set(pyValue(k!, src, notes), pyValue(node.values[i]!, src, notes)));
      return d;
    }
    case "Name":
      notes.push(note("name_as_text", node.id));
      return node.id;
    case "Attribute": {
      const dotted = dottedName(node);
      if (dotted === undefined) return sourceText(node, src, notes);
      notes.push(note("name_as_text", dotted));
      return dotted;
    }
    case "Call": {
      const name = dottedName(node.func);
      if (node.keywords.length === 0 || name === undefined || node.keywords.some((k) => k.arg === null)) {
        return sourceText(node, src, notes);
      }
      notes.push(note("nested_call_as_dict", name));
      return PyDict.fromPairs([[name, keywordDict(node, src, notes)]]);
    }
    default:
      return sourceText(node, src, notes);
  }
}

/** `{keyword: value}` of a call (positional arguments are not part of BFCL's nested-call reading). */
function keywordDict(call: CallNode, src: string, notes: Repair[]): PyDict {
  const d = new PyDict();
  for (const kw of call.keywords) d.set(kw.arg!, pyValue(kw.value, src, notes));
  return d;
}

/** `a.b.c` for a chain of names, else undefined. */
export function dottedName(node: Expr): string | undefined {
  const parts: string[] = [];
  let n = node;
  while (n.type === "Attribute") {
    parts.push(n.attr);
    n = n.value;
  }
  if (n.type !== "Name") return undefined;
  parts.push(n.id);
  return parts.reverse().join(".");
}

/** `-5`, `+2.5`, `-3j`: a sign on a number literal, which is just a literal. */
function signed(node: Expr & { type: "UnaryOp" }): Value | undefined {
  const o = node.operand;
  if (o.type !== "Constant") return undefined;
  const v = o.value;
  const neg = node.op === "USub";
  if (typeof v === "bigint") return neg ? -v : v;
  if (typeof v === "number") return neg ? -v : v;
  if (v instanceof PyComplex) return neg ? new PyComplex(-v.real, -v.imag) : v;
  return undefined;
}

/** Numeric (or string-concatenation) value of literal arithmetic, else undefined. */
function evaluate(node: Expr): Num | string | undefined {
  switch (node.type) {
    case "Constant":
      return typeof node.value === "bigint" || typeof node.value === "number" || typeof node.value === "string"
        ? node.value
        : undefined;
    case "UnaryOp": {
      const v = evaluate(node.operand);
      if (v === undefined || typeof v === "string") return undefined;
      if (node.op === "USub") return -v;
      if (node.op === "UAdd") return v;
      if (node.op === "Invert" && typeof v === "bigint") return -v - 1n;
      return undefined;
    }
    case "BinOp": {
      const l = evaluate(node.left);
      if (l === undefined) return undefined;
      const r = evaluate(node.right);
      if (r === undefined) return undefined;
      return arith(node.op, l, r);
    }
    default:
      return undefined;
  }
}

function sourceText(node: Expr, src: string, notes: Repair[]): string {
  const t = text(node, src);
  notes.push(note("source_text", t.length > 80 ? `${t.slice(0, 77)}...` : t));
  return t;
}

/** `ast.unparse` text of a node, or its raw slice where unparse cannot write it. */
function text(node: Expr, src: string): string {
  const u = tryUnparse(node);
  return u.ok ? u.text : src.slice(node.start, node.end);
}
