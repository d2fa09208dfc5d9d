/**
 * Java expressions as tree-sitter-java 0.21.0 parses them: precedence climbing over the
 * grammar's PREC table, with speculative parses (position marks) where its GLR parser keeps
 * several readings alive: lambdas versus parentheses versus casts, and types versus
 * expressions before `::` and `.class`.
 *
 * Only the node types BFCL's decoder looks at need to be exact (method invocations, object and
 * array creation, literals, identifiers, class literals); other nodes only need the right
 * tokens underneath them, because the decoder concatenates their tokens.
 */
import type { CstNode } from "../cst.js";
import { withField } from "../cst.js";
import { parseBlock, parseClassBody, parseFormalParameters } from "./declarations.js";
import { AFTER_DOT, EXPRESSION_START, NONE, PAREN_START, PRIMITIVE_TYPES } from "./keywords.js";
import type { JavaParser } from "./parser.js";
import { parseRecordPattern, parseSwitchExpression } from "./switch.js";
import { parseAnnotation, parseAnnotations, parseDimensions, parseSimpleType, parseType, parseTypeArguments, parseUnannotatedType } from "./types.js";

const AFTER_VALUE_DOT: ReadonlySet<string> = new Set([...AFTER_DOT].filter((k) => k !== "class"));

const ASSIGN_OPS = new Set(["=", "+=", "-=", "*=", "/=", "&=", "|=", "^=", "%=", "<<=", ">>=", ">>>="]);

/** Binary operators and their precedence (PREC in tree-sitter-java's grammar.js). */
const BINARY: ReadonlyMap<string, number> = new Map([
  ["||", 4], ["&&", 5], ["|", 6], ["^", 7], ["&", 8], ["==", 9], ["!=", 9],
  ["<", 10], [">", 10], ["<=", 10], [">=", 10], ["<<", 11], [">>", 11], [">>>", 11],
  ["+", 12], ["-", 12], ["*", 13], ["/", 13], ["%", 13],
]);
const REL = 10;

const ASSIGNABLE = new Set(["identifier", "field_access", "array_access"]);

/** `expression`: assignment, lambda, ternary and everything below. */
export function parseExpression(p: JavaParser, startKeywords: ReadonlySet<string> = EXPRESSION_START): CstNode | null {
  p.enter();
  try {
    const lambda = tryLambda(p);
    if (lambda) return lambda;
    return parseTernary(p, startKeywords);
  } finally {
    p.leave();
  }
}

function parseTernary(p: JavaParser, startKeywords: ReadonlySet<string>): CstNode | null {
  const cond = parseBinary(p, 0, startKeywords);
  if (!cond) return null;
  const q = p.eat("?");
  if (!q) return cond;
  const yes = parseExpression(p);
  const colon = yes && p.eat(":");
  const no = colon && (tryLambda(p) ?? parseTernary(p, EXPRESSION_START));
  if (!no) return null;
  return p.node("ternary_expression", [withField(cond, "condition"), q, withField(yes, "consequence"), colon, withField(no, "alternative")]);
}

function parseBinary(p: JavaParser, minPrec: number, startKeywords: ReadonlySet<string>): CstNode | null {
  let left = parseUnary(p, startKeywords);
  if (!left) return null;
  for (;;) {
    const op = p.kind();
    const prec = BINARY.get(op);
    if (prec !== undefined && prec > minPrec) {
      const opNode = p.take();
      const right = parseBinary(p, prec, EXPRESSION_START);
      if (!right) return null;
      left = p.node("binary_expression", [withField(left, "left"), withField(opNode, "operator"), withField(right, "right")]);
      continue;
    }
    if (prec === undefined) p.expect("operator");
    if (REL > minPrec && p.atWord("instanceof")) {
      const inst = parseInstanceof(p, left);
      if (!inst) return null;
      left = inst;
      continue;
    }
    return left;
  }
}

function parseInstanceof(p: JavaParser, left: CstNode): CstNode | null {
  const kw = p.take("instanceof");
  const fin = p.eatWord("final");
  const m = p.mark();
  const pattern = parseRecordPattern(p);
  if (pattern) return p.node("instanceof_expression", [withField(left, "left"), kw, fin, withField(pattern, "pattern")]);
  p.reset(m);
  const type = parseType(p);
  if (!type) return null;
  const name = p.kind() === "word" ? p.ident(NONE) : null;
  return p.node("instanceof_expression", [withField(left, "left"), kw, fin, withField(type, "right"), name && withField(name, "name")]);
}

function parseUnary(p: JavaParser, startKeywords: ReadonlySet<string>): CstNode | null {
  p.enter();
  try {
    const k = p.kind();
    if (k === "+" || k === "-" || k === "!" || k === "~") {
      const op = p.take();
      const operand = parseUnary(p, EXPRESSION_START);
      if (!operand) return null;
      return p.node("unary_expression", [withField(op, "operator"), withField(operand, "operand")]);
    }
    if (k === "++" || k === "--") {
      const op = p.take();
      const operand = parseUnary(p, EXPRESSION_START);
      if (!operand) return null;
      return p.node("update_expression", [op, operand]);
    }
    if (k === "(") {
      const cast = tryCast(p);
      if (cast) return cast;
    }
    let e = parsePostfix(p, startKeywords);
    while (e && (p.kind() === "++" || p.kind() === "--")) e = p.node("update_expression", [e, p.take()]);
    if (e) p.expect("++");
    return e;
  } finally {
    p.leave();
  }
}

const CAST_OPERAND_START = new Set(["(", "!", "~", "literal", "string", "word", "@"]);

/** `(Type) value`, tried before a parenthesized expression when what follows can only be an operand. */
function tryCast(p: JavaParser): CstNode | null {
  const m = p.mark();
  const open = p.take();
  const types: CstNode[] = [];
  for (;;) {
    const t = parseType(p);
    if (!t) return p.backtrack(m);
    types.push(withField(t, "type"));
    const amp = p.kind() === "&" ? p.take() : null;
    if (!amp) break;
    types.push(amp);
  }
  const close = p.kind() === ")" ? p.take() : null;
  const next = p.kind();
  const primitive = types.length === 1 && isPrimitiveType(types[0]!);
  const operandStarts = CAST_OPERAND_START.has(next) || (primitive && ["+", "-", "++", "--"].includes(next));
  if (!close || !operandStarts || (next === "word" && !startsOperand(p))) return p.backtrack(m);
  const value = tryLambda(p) ?? parseUnary(p, EXPRESSION_START);
  if (!value) return p.backtrack(m);
  return p.node("cast_expression", [open, ...types, close, withField(value, "value")]);
}

function isPrimitiveType(t: CstNode): boolean {
  return ["integral_type", "floating_point_type", "boolean_type"].includes(t.type);
}

/** A word after `(Type)` starts a cast operand unless it is a keyword that cannot (`instanceof`). */
function startsOperand(p: JavaParser): boolean {
  return p.word() !== "instanceof";
}

/**
 * A primary expression followed by member accesses, calls, indexing and method references.
 *
 * An assignable result followed by `=` becomes an assignment right here, whatever operator is
 * pending: tree-sitter-java shifts `=` (assignment precedence 1) rather than reduce the
 * identifier (precedence 0), so `a + b = c` is `a + (b = c)` and `(T) x = y` casts `x = y`.
 */
function parsePostfix(p: JavaParser, startKeywords: ReadonlySet<string>): CstNode | null {
  const e = parsePostfixChain(p, startKeywords);
  if (!e || !ASSIGNABLE.has(e.type)) return e;
  if (!ASSIGN_OPS.has(p.kind())) {
    p.expect("=");
    return e;
  }
  const op = p.take();
  const right = parseExpression(p);
  if (!right) return null;
  return p.node("assignment_expression", [withField(e, "left"), withField(op, "operator"), withField(right, "right")]);
}

function parsePostfixChain(p: JavaParser, startKeywords: ReadonlySet<string>): CstNode | null {
  let e = parsePrimary(p, startKeywords);
  if (!e) return null;
  for (;;) {
    const k = p.kind();
    if (k === ".") {
      const next = parseAfterDot(p, e);
      if (!next) return e;
      e = next;
    } else if (k === "[") {
      const m = p.mark();
      const open = p.take();
      const index = parseExpression(p);
      const close = index && p.eat("]");
      if (!close) {
        p.reset(m);
        return e;
      }
      e = p.node("array_access", [withField(e, "array"), open, withField(index, "index"), close]);
    } else if (k === "::") {
      const ref = parseMethodReference(p, e);
      if (!ref) return null;
      e = ref;
    } else {
      p.expect(".");
      p.expect("[");
      p.expect("::");
      return e;
    }
  }
}

/** `.name`, `.name(…)`, `.<T>name(…)`, `.this`, `.super…`, `.new T(…)`, `."template"`. */
function parseAfterDot(p: JavaParser, object: CstNode): CstNode | null {
  const m = p.mark();
  const dot = p.take();
  if (p.kind() === "string") {
    const str = parseStringLiteral(p);
    return p.node("template_expression", [withField(object, "template_processor"), dot, withField(str, "template_argument")]);
  }
  if (p.atWord("new")) {
    const creation = parseNew(p);
    if (!creation) return p.backtrack(m);
    if (creation.type !== "object_creation_expression") return p.backtrack(m);
    return p.node("object_creation_expression", [object, dot, ...creation.children]);
  }
  if (p.atWord("this")) {
    const t = p.take("this", true);
    return p.node("field_access", [withField(object, "object"), dot, withField(t, "field")]);
  }
  const parts: CstNode[] = [withField(object, "object"), dot];
  if (p.atWord("super")) {
    const sup = p.take("super", true);
    const dot2 = p.eat(".");
    if (!dot2) return p.backtrack(m);
    parts.push(sup, dot2);
  }
  const typeArgs = p.kind() === "<" ? parseTypeArguments(p) : null;
  if (typeArgs) parts.push(withField(typeArgs, "type_arguments"));
  // `X.class` is a class literal only when X can be a type; after `"s".` or `(x).`, `class` is a name.
  const name = p.ident(object.type === "identifier" || object.type === "field_access" ? AFTER_DOT : AFTER_VALUE_DOT);
  if (!name) return p.backtrack(m);
  parts.push(withField(name, "name"));
  if (p.kind() === "(") {
    const args = parseArgumentList(p);
    if (!args) return p.backtrack(m);
    parts.push(withField(args, "arguments"));
    return p.node("method_invocation", parts);
  }
  p.expect("(");
  if (typeArgs) return p.backtrack(m);
  name.field = "field";
  return p.node("field_access", parts);
}

/** `x::name`, `Type::new`, `x::<T>name`. */
function parseMethodReference(p: JavaParser, target: CstNode): CstNode | null {
  const colons = p.take();
  const typeArgs = p.kind() === "<" ? parseTypeArguments(p) : null;
  const name = p.eatWord("new") ?? p.ident(NONE);
  if (!name) return null;
  return p.node("method_reference", [target, colons, typeArgs, name]);
}

/** `(` comma-separated expressions `)`. */
export function parseArgumentList(p: JavaParser): CstNode | null {
  return p.commaSep("argument_list", "(", ")", () => parseExpression(p), { trailingComma: false });
}

function parsePrimary(p: JavaParser, startKeywords: ReadonlySet<string>): CstNode | null {
  const k = p.kind();
  if (k === "literal") {
    const t = p.token();
    return p.take(t.node, true);
  }
  if (k === "string") return parseStringLiteral(p);
  if (k === "(") return parseParenthesized(p);
  if (k === "@") return parseTypePrimary(p);
  if (k !== "word") {
    p.expect("identifier");
    return null;
  }
  const w = p.word();
  if (w === "true" || w === "false") return p.take(w, true);
  if (w === "null") return p.take("null_literal", true);
  if (w === "this") return p.take("this", true);
  if (w === "super") return parseSuper(p);
  if (w === "new") return parseNew(p);
  if (w === "switch") return parseSwitchExpression(p);
  if (PRIMITIVE_TYPES.has(w)) return parseTypePrimary(p);
  const typed = parseTypePrimary(p);
  if (typed) return typed;
  const id = p.ident(startKeywords);
  if (!id) return null;
  if (p.kind() === "(") {
    const args = parseArgumentList(p);
    if (args) return p.node("method_invocation", [withField(id, "name"), withField(args, "arguments")]);
    return null;
  }
  p.expect("(");
  return id;
}

/** A type used as an expression head: `int.class`, `List<String>::new`, `String[].class`. */
function parseTypePrimary(p: JavaParser): CstNode | null {
  const m = p.mark();
  const t = p.kind() === "@" ? parseType(p) : parseUnannotatedType(p, true);
  if (!t) return null;
  if (p.kind() === "::") {
    const ref = parseMethodReference(p, t);
    if (ref) return ref;
  } else if (p.kind() === "." && p.word(1) === "class") {
    const dot = p.take();
    const cls = p.take("class");
    return p.node("class_literal", [t, dot, cls]);
  } else {
    p.expect("::");
  }
  return p.backtrack(m);
}

function parseSuper(p: JavaParser): CstNode | null {
  const sup = p.take("super", true);
  if (p.kind() === "::") return parseMethodReference(p, sup);
  if (p.kind() !== ".") {
    p.expect(".");
    p.expect("::");
    return null;
  }
  const m = p.mark();
  const dot = p.take();
  const typeArgs = p.kind() === "<" ? parseTypeArguments(p) : null;
  const name = p.ident(AFTER_DOT);
  if (!name) return p.backtrack(m);
  if (p.kind() === "(") {
    const args = parseArgumentList(p);
    if (!args) return null;
    return p.node("method_invocation", [withField(sup, "object"), dot, typeArgs && withField(typeArgs, "type_arguments"), withField(name, "name"), withField(args, "arguments")]);
  }
  if (typeArgs) return null;
  return p.node("field_access", [withField(sup, "object"), dot, withField(name, "field")]);
}

/** `(…)`: a lambda's parameters, a cast or a parenthesized expression. */
export function parseParenthesized(p: JavaParser): CstNode | null {
  const m = p.mark();
  // `switch` without `(` reaches here too: never take a token that is not the parenthesis.
  const open = p.eat("(");
  if (!open) return p.backtrack(m);
  const inner = parseExpression(p, PAREN_START);
  const close = inner && p.eat(")");
  if (!close) return p.backtrack(m);
  return p.node("parenthesized_expression", [open, inner, close]);
}

/** `x -> …`, `(x, y) -> …`, `(int x) -> …`, `() -> …`. */
export function tryLambda(p: JavaParser): CstNode | null {
  const k = p.kind();
  if (k === "word") {
    if (p.kind(1) !== "->") return null;
    const m = p.mark();
    const id = p.ident(EXPRESSION_START);
    if (!id) return null;
    return lambdaBody(p, m, id);
  }
  if (k !== "(") return null;
  const m = p.mark();
  const inferred = parseInferredParameters(p);
  if (inferred && p.kind() === "->") return lambdaBody(p, m, inferred);
  p.reset(m);
  const formal = parseFormalParameters(p);
  if (formal && p.kind() === "->") return lambdaBody(p, m, formal);
  return p.backtrack(m);
}

function lambdaBody(p: JavaParser, m: number, params: CstNode): CstNode | null {
  const arrow = p.take();
  const body = p.kind() === "{" ? parseBlock(p) : parseExpression(p);
  if (!body) return p.backtrack(m);
  return p.node("lambda_expression", [withField(params, "parameters"), arrow, withField(body, "body")]);
}

function parseInferredParameters(p: JavaParser): CstNode | null {
  const parts: CstNode[] = [p.take()];
  if (!p.sep1(parts, ",", () => p.ident(PAREN_START))) return null;
  const close = p.eat(")");
  if (!close) return null;
  parts.push(close);
  return p.node("inferred_parameters", parts);
}

/** `new T(…)`, `new T(…) {…}`, `new T[n]`, `new T[]{…}`. */
export function parseNew(p: JavaParser): CstNode | null {
  const m = p.mark();
  const kw = p.take("new");
  const typeArgs = p.kind() === "<" ? parseTypeArguments(p) : null;
  const anns = parseAnnotations(p);
  const type = parseSimpleType(p);
  if (!type) return p.backtrack(m);
  if (p.kind() === "(") {
    const args = parseArgumentList(p);
    if (!args) return p.backtrack(m);
    const body = p.kind() === "{" ? parseClassBody(p) : null;
    if (!body) p.expect("{");
    return p.node("object_creation_expression", [kw, typeArgs && withField(typeArgs, "type_arguments"), ...anns, withField(type, "type"), withField(args, "arguments"), body]);
  }
  if (typeArgs) {
    p.expect("(");
    return p.backtrack(m);
  }
  const dimExprs: CstNode[] = [];
  for (;;) {
    const dm = p.mark();
    const dAnns = parseAnnotations(p);
    const open = p.eat("[");
    const size = open && p.kind() !== "]" ? parseExpression(p) : null;
    const close = size && p.eat("]");
    if (!close) {
      p.reset(dm);
      break;
    }
    dimExprs.push(withField(p.node("dimensions_expr", [...dAnns, open, size, close]), "dimensions"));
  }
  if (dimExprs.length) {
    const dims = parseDimensions(p);
    return p.node("array_creation_expression", [kw, ...anns, withField(type, "type"), ...dimExprs, dims && withField(dims, "dimensions")]);
  }
  const dims = parseDimensions(p);
  const init = dims && p.kind() === "{" ? parseArrayInitializer(p) : null;
  if (!init) {
    if (dims) p.expect("{");
    else p.expect("(");
    return p.backtrack(m);
  }
  return p.node("array_creation_expression", [kw, ...anns, withField(type, "type"), withField(dims, "dimensions"), withField(init, "value")]);
}

/** `{ a, b, }`: `array_initializer`, whose elements are expressions or nested initializers. */
export function parseArrayInitializer(p: JavaParser): CstNode | null {
  p.enter();
  try {
    const element = () => (p.kind() === "{" ? parseArrayInitializer(p) : parseExpression(p));
    return p.commaSep("array_initializer", "{", "}", element, { trailingComma: true });
  } finally {
    p.leave();
  }
}

/** A string literal or text block; interpolations are parsed so a bad one is an error, as in tree-sitter. */
export function parseStringLiteral(p: JavaParser): CstNode | null {
  const t = p.token();
  const node = p.take("string_literal", true);
  if (!t.parts) return node;
  const children: CstNode[] = [];
  for (const part of t.parts) {
    const inner = p.subParse(part, (q) => {
      const e = parseExpression(q);
      return e && q.kind() === "eof" ? e : null;
    });
    if (!inner) {
      // The string token itself is where the parse stops, as for any bad token.
      p.pos--;
      p.expect("string");
      return null;
    }
    children.push(p.node("string_interpolation", [inner]));
  }
  return { ...node, children };
}

/** An annotation element value: an expression, an annotation or `{…}` of element values. */
export function parseElementValue(p: JavaParser): CstNode | null {
  p.enter();
  try {
    if (p.kind() === "@") return parseAnnotation(p);
    if (p.kind() === "{") return p.commaSep("element_value_array_initializer", "{", "}", () => parseElementValue(p), { trailingComma: true });
    return parseExpression(p);
  } finally {
    p.leave();
  }
}
