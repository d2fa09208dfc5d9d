/**
 * Java types and annotations (tree-sitter-java's `_type`, `type_arguments`, `dimensions`,
 * `_annotation`), shared by expressions (casts, `new`, class literals, method references) and
 * declarations.
 */
import type { CstNode } from "../cst.js";
import { withField } from "../cst.js";
import { parseElementValue } from "./expressions.js";
import { NONE, PRIMITIVE_TYPES, TYPE_START } from "./keywords.js";
import type { JavaParser } from "./parser.js";

const INTEGRAL = new Set(["byte", "short", "int", "long", "char"]);

/** `_type`: annotations then an unannotated type. */
export function parseType(p: JavaParser): CstNode | null {
  if (p.kind() === "@") {
    const m = p.mark();
    const anns = parseAnnotations(p);
    const t = parseUnannotatedType(p);
    if (t) return p.node("annotated_type", [...anns, t]);
    return p.backtrack(m);
  }
  return parseUnannotatedType(p);
}

/** `_unannotated_type`: a simple type, optionally followed by `[]` dimensions. */
export function parseUnannotatedType(p: JavaParser, beforeClassLiteral = false): CstNode | null {
  const t = parseSimpleType(p, beforeClassLiteral);
  if (!t) return null;
  const dims = parseDimensions(p);
  if (!dims) return t;
  return p.node("array_type", [withField(t, "element"), withField(dims, "dimensions")]);
}

/**
 * `_simple_type`: a primitive, or a (scoped, generic) class type. After a `.` any word is a type
 * name (tree-sitter lexes per GLR version, and in a type no keyword is valid there), except
 * that `class` ends the type when `beforeClassLiteral` (the expression reading of `X.class`).
 */
export function parseSimpleType(p: JavaParser, beforeClassLiteral = false): CstNode | null {
  p.enter();
  try {
    const w = p.word();
    if (PRIMITIVE_TYPES.has(w)) {
      if (w === "boolean") return p.take("boolean_type", true);
      if (w === "void") return p.take("void_type", true);
      const kw = p.take(w);
      return p.node(INTEGRAL.has(w) ? "integral_type" : "floating_point_type", [kw]);
    }
    let t = p.ident(TYPE_START, "type_identifier");
    if (!t) return null;
    for (;;) {
      if (p.kind() === "<" && t.type !== "generic_type") {
        const m = p.mark();
        const args = parseTypeArguments(p);
        if (args) {
          t = p.node("generic_type", [t, args]);
          continue;
        }
        p.reset(m);
        return t;
      }
      if (p.kind() === ".") {
        const m = p.mark();
        const dot = p.take();
        const anns = parseAnnotations(p);
        const name = beforeClassLiteral && p.word() === "class" ? null : p.ident(NONE, "type_identifier");
        if (name) {
          t = p.node("scoped_type_identifier", [t, dot, ...anns, name]);
          continue;
        }
        p.reset(m);
      } else p.expect(".");
      return t;
    }
  } finally {
    p.leave();
  }
}

/** `type_arguments`: `<` comma-separated types or wildcards `>` (`<>` is allowed). */
export function parseTypeArguments(p: JavaParser): CstNode | null {
  const m = p.mark();
  const open = p.eat("<");
  if (!open) return null;
  const parts: CstNode[] = [open];
  const empty = p.kind().startsWith(">"); // `<>`, whose `>` may be the first of `>>`
  const close = (empty || p.sep1(parts, ",", () => parseWildcard(p) ?? parseType(p))) && p.eatAngle();
  if (!close) return p.backtrack(m);
  parts.push(close);
  return p.node("type_arguments", parts);
}

function parseWildcard(p: JavaParser): CstNode | null {
  const m = p.mark();
  const anns = parseAnnotations(p);
  const q = p.eat("?");
  if (!q) return p.backtrack(m);
  const bound = p.eatWord("extends") ?? p.eatWord("super", true);
  if (bound) {
    const t = parseType(p);
    if (!t) return p.backtrack(m);
    return p.node("wildcard", [...anns, q, bound, t]);
  }
  return p.node("wildcard", [...anns, q]);
}

/** `dimensions`: one or more `[]`, each optionally annotated. */
export function parseDimensions(p: JavaParser): CstNode | null {
  const parts: CstNode[] = [];
  for (;;) {
    const m = p.mark();
    const anns = parseAnnotations(p);
    const open = p.eat("[");
    const close = open && p.eat("]");
    if (!open || !close) {
      p.reset(m);
      break;
    }
    parts.push(...anns, open, close);
  }
  return parts.length ? p.node("dimensions", parts) : null;
}

/** Zero or more annotations. */
export function parseAnnotations(p: JavaParser): CstNode[] {
  const out: CstNode[] = [];
  while (p.kind() === "@") {
    const a = parseAnnotation(p);
    if (!a) break;
    out.push(a);
  }
  return out;
}

/** `@Name` (marker_annotation) or `@Name(…)` (annotation). */
export function parseAnnotation(p: JavaParser): CstNode | null {
  const m = p.mark();
  const at = p.eat("@");
  if (!at) return null;
  const name = parseName(p);
  if (!name) return p.backtrack(m);
  if (p.kind() !== "(") {
    p.expect("(");
    return p.node("marker_annotation", [at, withField(name, "name")]);
  }
  const args = parseAnnotationArguments(p);
  if (!args) return p.backtrack(m);
  return p.node("annotation", [at, withField(name, "name"), withField(args, "arguments")]);
}

function parseAnnotationArguments(p: JavaParser): CstNode | null {
  const m = p.mark();
  const open = p.eat("(")!;
  const parts: CstNode[] = [open];
  const close0 = p.eat(")");
  if (close0) return p.node("annotation_argument_list", [open, close0]);
  const pairs = parseElementValuePairs(p);
  if (pairs) parts.push(...pairs);
  else {
    const v = parseElementValue(p);
    if (!v) return p.backtrack(m);
    parts.push(v);
  }
  const close = p.eat(")");
  if (!close) return p.backtrack(m);
  parts.push(close);
  return p.node("annotation_argument_list", parts);
}

function parseElementValuePairs(p: JavaParser): CstNode[] | null {
  const m = p.mark();
  const out: CstNode[] = [];
  return p.sep1(out, ",", () => parseElementValuePair(p)) ? out : p.backtrack(m);
}

function parseElementValuePair(p: JavaParser): CstNode | null {
  const key = p.ident(TYPE_START);
  const eq = key && p.eat("=");
  const value = eq && parseElementValue(p);
  return value && p.node("element_value_pair", [withField(key!, "key"), eq, withField(value, "value")]);
}

/** `_name`: an identifier or a dotted `scoped_identifier`. */
export function parseName(p: JavaParser): CstNode | null {
  let n = p.ident(TYPE_START);
  if (!n) return null;
  while (p.kind() === ".") {
    const m = p.mark();
    const dot = p.take();
    const id = p.ident(TYPE_START);
    if (!id) {
      p.reset(m);
      break;
    }
    n = p.node("scoped_identifier", [withField(n, "scope"), dot, withField(id, "name")]);
  }
  if (p.kind() !== ".") p.expect(".");
  return n;
}
