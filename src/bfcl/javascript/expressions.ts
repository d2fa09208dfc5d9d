/**
 * JavaScript expressions as tree-sitter-javascript 0.21.4 parses them: precedence climbing over
 * its `precedences` table, speculative parses where its GLR parser keeps several readings
 * (arrow parameters versus parentheses, object and array literals versus patterns), and the
 * automatic semicolon, which ends an expression at a line break when the statement may end.
 *
 * BFCL's decoder only looks at top-level calls, their `name=value` arguments, identifiers and
 * `true`; other nodes only need to be accepted or rejected exactly.
 */
import type { CstNode } from "../cst.js";
import { withField } from "../cst.js";
import type { Token } from "../rdParser.js";
import { parseClass, parseFormalParameters, parseFunction, parseStatementBlock, parenthesesBeforeArrow } from "./functions.js";
import { EXPRESSION_START, NONE } from "./keywords.js";
import type { JsParser } from "./parser.js";

/** Whether a line break may end the expression (it is the whole of a statement's expression). */
export interface Ctx {
  asi: boolean;
}

export const NESTED: Ctx = { asi: false };

const ASSIGN_OPS = new Set(["+=", "-=", "*=", "/=", "%=", "^=", "&=", "|=", ">>=", ">>>=", "<<=", "**=", "&&=", "||=", "??="]);

const BINARY: ReadonlyMap<string, number> = new Map([
  ["??", 3], ["||", 4], ["&&", 5], ["|", 6], ["^", 7], ["&", 8],
  ["==", 9], ["!=", 9], ["===", 9], ["!==", 9],
  ["<", 10], ["<=", 10], [">", 10], [">=", 10], ["instanceof", 10], ["in", 10],
  ["<<", 11], [">>", 11], [">>>", 11], ["+", 12], ["-", 12], ["*", 13], ["/", 13], ["%", 13], ["**", 14],
]);

const LHS = new Set(["identifier", "undefined", "member_expression", "subscript_expression", "object", "array", "object_pattern", "array_pattern"]);
const AUGMENTABLE = new Set(["identifier", "undefined", "member_expression", "subscript_expression", "parenthesized_expression"]);

/** `_expressions`: an expression or a comma-separated `sequence_expression`. */
export function parseExpressions(p: JsParser, ctx: Ctx): CstNode | null {
  const first = parseExpression(p, ctx);
  if (!first || p.kind() !== ",") {
    if (first) p.expect(",");
    return first;
  }
  const parts: CstNode[] = [first];
  while (p.kind() === ",") {
    const m = p.mark();
    const comma = p.take();
    const next = parseExpression(p, ctx);
    if (!next) {
      p.reset(m);
      break;
    }
    parts.push(comma, next);
  }
  return parts.length === 1 ? first : p.node("sequence_expression", parts);
}

/** `expression`: assignment, arrow function, yield, ternary and below. */
export function parseExpression(p: JsParser, ctx: Ctx, startKeywords: ReadonlySet<string> = EXPRESSION_START): CstNode | null {
  p.enter();
  try {
    const arrow = tryArrow(p, ctx);
    if (arrow) return arrow;
    if (p.word() === "yield" && startKeywords.has("yield")) return parseYield(p, ctx);
    return parseTernary(p, ctx, startKeywords);
  } finally {
    p.leave();
  }
}

function parseYield(p: JsParser, ctx: Ctx): CstNode | null {
  const kw = p.take("yield");
  const star = p.eat("*");
  if (star) {
    const e = parseExpression(p, ctx);
    return e && p.node("yield_expression", [kw, star, e]);
  }
  if (ctx.asi && p.asi()) return p.node("yield_expression", [kw]);
  const m = p.mark();
  const e = parseExpression(p, ctx);
  if (!e) p.reset(m);
  return p.node("yield_expression", [kw, e]);
}

function parseTernary(p: JsParser, ctx: Ctx, startKeywords: ReadonlySet<string>): CstNode | null {
  const cond = parseBinary(p, 0, ctx, startKeywords);
  if (!cond || (ctx.asi && p.asi()) || p.kind() !== "?") {
    if (cond) p.expect("?");
    return cond;
  }
  const q = p.take();
  const yes = parseExpression(p, NESTED);
  const colon = yes && p.eat(":");
  const no = colon && parseExpression(p, ctx);
  if (!no) return null;
  return p.node("ternary_expression", [withField(cond, "condition"), q, withField(yes, "consequence"), colon, withField(no, "alternative")]);
}

function parseBinary(p: JsParser, minPrec: number, ctx: Ctx, startKeywords: ReadonlySet<string>): CstNode | null {
  let left = parseUnary(p, ctx, startKeywords);
  if (!left) return null;
  for (;;) {
    if (ctx.asi && p.asi()) return left;
    const k = p.kind();
    const op = k === "word" ? p.word() : k;
    const prec = k === "word" && op !== "in" && op !== "instanceof" ? undefined : BINARY.get(op);
    if (prec === undefined || prec <= minPrec) {
      p.expect("operator");
      p.expect("in");
      return left;
    }
    const opNode = p.take(op);
    // `**` is right-associative.
    const right = parseBinary(p, op === "**" ? prec - 1 : prec, ctx, EXPRESSION_START);
    if (!right) return null;
    left = p.node("binary_expression", [withField(left, "left"), withField(opNode, "operator"), withField(right, "right")]);
  }
}

const UNARY_WORDS = new Set(["typeof", "void", "delete"]);

function parseUnary(p: JsParser, ctx: Ctx, startKeywords: ReadonlySet<string>): CstNode | null {
  p.enter();
  try {
    const k = p.kind();
    const w = p.word();
    if (k === "!" || k === "~" || k === "-" || k === "+" || (UNARY_WORDS.has(w) && startKeywords.has(w))) {
      const op = p.take(k === "word" ? w : k);
      const arg = parseUnary(p, ctx, EXPRESSION_START);
      return arg && p.node("unary_expression", [withField(op, "operator"), withField(arg, "argument")]);
    }
    if (w === "await" && startKeywords.has("await")) {
      const kw = p.take("await");
      const arg = parseUnary(p, ctx, EXPRESSION_START);
      return arg && p.node("await_expression", [kw, arg]);
    }
    if (k === "++" || k === "--") {
      const op = p.take();
      const arg = parseUnary(p, ctx, EXPRESSION_START);
      return arg && p.node("update_expression", [withField(op, "operator"), withField(arg, "argument")]);
    }
    let e = parsePostfix(p, ctx, startKeywords);
    while (e && (p.kind() === "++" || p.kind() === "--") && !(ctx.asi && p.asi())) {
      e = p.node("update_expression", [withField(e, "argument"), withField(p.take(), "operator")]);
    }
    return e;
  } finally {
    p.leave();
  }
}

/**
 * Calls, member accesses and subscripts on a primary expression. An assignable result followed
 * by `=` is an assignment right here: tree-sitter ranks `assign` above `primary_expression`, so
 * `a + b = c` is `a + (b = c)`.
 */
function parsePostfix(p: JsParser, ctx: Ctx, startKeywords: ReadonlySet<string>): CstNode | null {
  const e = parseCallChain(p, ctx, startKeywords);
  if (!e) return null;
  if (ctx.asi && p.asi()) return e;
  const k = p.kind();
  if (k === "=" && LHS.has(e.type)) return assignment(p, ctx, asPattern(e));
  if (ASSIGN_OPS.has(k) && AUGMENTABLE.has(e.type)) {
    const op = p.take();
    const right = parseExpression(p, ctx);
    return right && p.node("augmented_assignment_expression", [withField(e, "left"), withField(op, "operator"), withField(right, "right")]);
  }
  if (k === "=" && e.type === "parenthesized_expression") return assignment(p, ctx, e);
  p.expect("=");
  if (e.type === "object_pattern" || e.type === "array_pattern") return null;
  return e;
}

function assignment(p: JsParser, ctx: Ctx, left: CstNode): CstNode | null {
  const eq = p.take();
  const right = parseExpression(p, ctx);
  return right && p.node("assignment_expression", [withField(left, "left"), eq, withField(right, "right")]);
}

/** An object or array literal used as an assignment target is a pattern. */
function asPattern(e: CstNode): CstNode {
  if (e.type === "object") return { ...e, type: "object_pattern" };
  if (e.type === "array") return { ...e, type: "array_pattern" };
  return e;
}

/** A call/member chain without the operators around it (the left side of a for-in header). */
export function parseLhs(p: JsParser): CstNode | null {
  return parseCallChain(p, NESTED, EXPRESSION_START);
}

function parseCallChain(p: JsParser, ctx: Ctx, startKeywords: ReadonlySet<string>): CstNode | null {
  let e = p.word() === "new" && startKeywords.has("new") ? parseNew(p, ctx) : parsePrimary(p, ctx, startKeywords);
  if (!e) return null;
  for (;;) {
    const next = parseCallOrMember(p, ctx, e, true);
    if (!next) return e;
    e = next;
  }
}

/** One `.x`, `?.x`, `[i]`, `(args)` or template suffix; null when none follows. */
function parseCallOrMember(p: JsParser, ctx: Ctx, e: CstNode, calls: boolean): CstNode | null {
  const k = p.kind();
  if (ctx.asi && (k === "template" || k === "++" || k === "--") && p.asi()) return null;
  if (k === "." || k === "?.") {
    const m = p.mark();
    const dot = p.take();
    if (k === "?." && p.kind() === "(" && calls) {
      const args = parseArguments(p);
      if (args) return p.node("call_expression", [withField(e, "function"), withField(p.node("optional_chain", [dot], true), "optional_chain"), withField(args, "arguments")]);
    } else if (k === "?." && p.kind() === "[") {
      const sub = parseSubscript(p, e, p.node("optional_chain", [dot], true));
      if (sub) return sub;
    } else {
      const prop = p.kind() === "private" ? p.take("private_property_identifier", true) : p.kind() === "word" ? p.take("property_identifier", true) : null;
      if (prop) {
        const chain = k === "?." ? withField(p.node("optional_chain", [dot], true), "optional_chain") : dot;
        return p.node("member_expression", [withField(e, "object"), chain, withField(prop, "property")]);
      }
      p.expect("identifier");
    }
    return p.backtrack(m);
  }
  if (k === "[") return parseSubscript(p, e, null);
  if (calls && k === "(") {
    const args = parseArguments(p);
    return args && p.node("call_expression", [withField(e, "function"), withField(args, "arguments")]);
  }
  if (calls && k === "template") {
    const t = parseTemplate(p);
    return t && p.node("call_expression", [withField(e, "function"), withField(t, "arguments")]);
  }
  p.expect(".");
  p.expect("[");
  p.expect("(");
  return null;
}

function parseSubscript(p: JsParser, object: CstNode, chain: CstNode | null): CstNode | null {
  const m = p.mark();
  const open = p.take();
  const index = parseExpressions(p, NESTED);
  const close = index && p.eat("]");
  if (!close) return p.backtrack(m);
  return p.node("subscript_expression", [withField(object, "object"), chain && withField(chain, "optional_chain"), open, withField(index, "index"), close]);
}

/** `new X`, `new X(args)`, `new a.b.C()`, `new.target`. */
function parseNew(p: JsParser, ctx: Ctx): CstNode | null {
  const m = p.mark();
  const kw = p.take("new");
  if (p.kind() === ".") {
    const dot = p.take();
    if (p.word() === "target") return p.node("meta_property", [kw, dot, p.take("target")]);
    return p.backtrack(m);
  }
  let ctor: CstNode | null = p.word() === "new" ? parseNew(p, NESTED) : parsePrimary(p, NESTED, EXPRESSION_START);
  if (!ctor) return p.backtrack(m);
  for (;;) {
    const next = parseCallOrMember(p, NESTED, ctor, false);
    if (!next) break;
    ctor = next;
  }
  const args = p.kind() === "(" ? parseArguments(p) : null;
  if (!args && !(ctx.asi && p.asi())) p.expect("(");
  return p.node("new_expression", [kw, withField(ctor, "constructor"), args && withField(args, "arguments")]);
}

/** `(a, , ...b,)`: `arguments`, where empty slots are allowed. */
export function parseArguments(p: JsParser): CstNode | null {
  return parseList(p, "(", ")", "arguments", (q) => parseElement(q));
}

function parseElement(p: JsParser): CstNode | null {
  if (p.kind() === "...") {
    const dots = p.take();
    const e = parseExpression(p, NESTED);
    return e && p.node("spread_element", [dots, e]);
  }
  return parseExpression(p, NESTED);
}

/** `open (item? ,)* item? close`: tree-sitter's `commaSep(optional(…))`. */
function parseList(p: JsParser, open: string, close: string, type: string, item: (p: JsParser) => CstNode | null): CstNode | null {
  const m = p.mark();
  const o = p.eat(open);
  if (!o) return null;
  const parts: CstNode[] = [o];
  for (;;) {
    if (p.at(close)) break;
    if (p.kind() === ",") {
      parts.push(p.take());
      continue;
    }
    const e = item(p);
    if (!e) return p.backtrack(m);
    parts.push(e);
    if (p.kind() !== ",") break;
    parts.push(p.take());
  }
  const c = p.eat(close);
  if (!c) return p.backtrack(m);
  parts.push(c);
  return p.node(type, parts);
}

const PRIMARY_WORDS: Record<string, string> = { this: "this", super: "super", true: "true", false: "false", null: "null" };

function parsePrimary(p: JsParser, ctx: Ctx, startKeywords: ReadonlySet<string>): CstNode | null {
  const k = p.kind();
  switch (k) {
    case "number":
      return p.take("number", true);
    case "string":
      return parseString(p);
    case "template":
      return parseTemplate(p);
    case "regex":
      return p.node("regex", [p.take("regex_pattern", true)]);
    case "jsx":
      return parseJsx(p);
    case "(":
      return parseParenthesized(p);
    case "[":
      return parseList(p, "[", "]", "array", (q) => parseElement(q));
    case "{":
      return parseObject(p);
    case "@":
      return parseClass(p, true);
    case "private": {
      // `#x in obj` is the one place a private name stands alone.
      const name = p.take("private_property_identifier", true);
      if (p.word() !== "in") {
        p.expect("in");
        return null;
      }
      return name;
    }
  }
  if (k !== "word") {
    p.expect("identifier");
    return null;
  }
  const w = p.word();
  if (w === "undefined") return p.take("undefined", true);
  if (startKeywords.has(w) || w === "async") {
    if (w in PRIMARY_WORDS) return p.take(PRIMARY_WORDS[w], true);
    if (w === "function") return parseFunction(p, true);
    if (w === "class") return parseClass(p, true);
    if (w === "async" && p.word(1) === "function") return parseFunction(p, true);
    if (w === "import") {
      const kw = p.take("import", true);
      if (p.kind() === "(") return kw;
      p.expect("(");
      return null;
    }
  }
  return p.ident(startKeywords);
}

/** A string; its text is what BFCL reads, the inside was checked by the lexer. */
export function parseString(p: JsParser): CstNode {
  return p.take("string", true);
}

function parseTemplate(p: JsParser): CstNode | null {
  return parseWithEmbedded(p, "template_string", false);
}

/** A JSX element; its structure was checked by the lexer, its `{…}` parts are parsed here. */
function parseJsx(p: JsParser): CstNode | null {
  return parseWithEmbedded(p, "jsx_element", true);
}

/**
 * A template or JSX token as one node of `type`, with its embedded parts parsed as children. A
 * bad part stops the parse at the token itself: for the outer parse it is one token.
 */
function parseWithEmbedded(p: JsParser, type: string, jsx: boolean): CstNode | null {
  const t = p.token();
  const node = p.take(type, true);
  const children: CstNode[] = [];
  for (const part of t.parts ?? []) {
    const e = parseEmbedded(p, part, jsx);
    if (!e) {
      p.pos--;
      p.expect("valid token");
      return null;
    }
    children.push(jsx ? e : p.node("template_substitution", [e]));
  }
  return children.length ? { ...node, children } : node;
}

/** An embedded `${…}` or `{…}`: expressions, or (in JSX) nothing or a spread. */
function parseEmbedded(p: JsParser, tokens: Token[], jsx: boolean): CstNode | null {
  return p.subParse(tokens, (q) => {
    if (jsx && q.kind() === "eof") return q.node("jsx_expression", []);
    const e = jsx && q.kind() === "..." ? parseElement(q) : parseExpressions(q, NESTED);
    return e && q.kind() === "eof" ? e : null;
  });
}

/** `( expressions )`: in an expression, and as the condition of `if`, `while`, `switch`, … */
export function parseParenthesized(p: JsParser): CstNode | null {
  return p.enclosed("parenthesized_expression", "(", ")", () => parseExpressions(p, NESTED));
}

/** `x => …`, `async x => …`, `(a, {b}) => …`, `async (a) => …`. */
export function tryArrow(p: JsParser, ctx: Ctx): CstNode | null {
  const m = p.mark();
  const isAsync = p.word() === "async" && (p.kind(1) === "word" || p.kind(1) === "(");
  const asyncKw = isAsync ? p.take("async") : null;
  let params: CstNode | null = null;
  if (p.kind() === "word" && p.kind(1) === "=>") params = withField(p.ident(NONE)!, "parameter");
  else if (p.kind() === "(" && parenthesesBeforeArrow(p)) {
    params = parseFormalParameters(p);
    if (params && p.kind() !== "=>") params = null;
    if (params) params = withField(params, "parameters");
  }
  if (!params || p.kind() !== "=>") return p.backtrack(m);
  const arrow = p.take();
  const body = p.kind() === "{" ? parseStatementBlock(p) : parseExpression(p, ctx);
  if (!body) return p.backtrack(m);
  return p.node("arrow_function", [asyncKw, params, arrow, withField(body, "body")]);
}

/** `{ a: 1, b, ...c, m() {}, [k]: v }`; `{ a = 1 }` only as a pattern. */
function parseObject(p: JsParser): CstNode | null {
  let patternOnly = false;
  const obj = parseList(p, "{", "}", "object", (q) => {
    const member = parseObjectMember(q);
    if (member?.type === "object_assignment_pattern") patternOnly = true;
    return member;
  });
  if (obj && patternOnly) return { ...obj, type: "object_pattern" };
  return obj;
}

function parseObjectMember(p: JsParser): CstNode | null {
  if (p.kind() === "...") return parseElement(p);
  const m = p.mark();
  const method = parseMethod(p);
  if (method) return method;
  p.reset(m);
  if (p.kind() === "word" && (p.kind(1) === "," || p.kind(1) === "}" || p.kind(1) === "=")) {
    const id = p.ident(NONE, "shorthand_property_identifier")!;
    if (p.kind() !== "=") return id;
    const eq = p.take();
    const value = parseExpression(p, NESTED);
    return value && p.node("object_assignment_pattern", [withField(id, "left"), eq, withField(value, "right")]);
  }
  const key = parsePropertyName(p);
  const colon = key && p.eat(":");
  const value = colon && parseExpression(p, NESTED);
  if (!value) return p.backtrack(m);
  return p.node("pair", [withField(key!, "key"), colon, withField(value, "value")]);
}

/** `_property_name`: a name (keywords included), a private name, a string, a number or `[expr]`. */
export function parsePropertyName(p: JsParser): CstNode | null {
  const k = p.kind();
  if (k === "word") return p.take("property_identifier", true);
  if (k === "private") return p.take("private_property_identifier", true);
  if (k === "string") return parseString(p);
  if (k === "number") return p.take("number", true);
  if (k === "[") return p.enclosed("computed_property_name", "[", "]", () => parseExpression(p, NESTED));
  p.expect("identifier");
  return null;
}

const METHOD_PREFIX = new Set(["static", "async", "get", "set"]);

/** `method_definition`: `[static] [async] [get|set|*] name(params) { body }`. */
export function parseMethod(p: JsParser): CstNode | null {
  const m = p.mark();
  const parts: CstNode[] = [];
  while (p.kind() === "word" && METHOD_PREFIX.has(p.word()) && p.kind(1) !== "(" && p.kind(1) !== ":" && p.kind(1) !== "," && p.kind(1) !== "}" && p.kind(1) !== "=") {
    parts.push(p.take(p.word()));
  }
  if (p.kind() === "*") parts.push(p.take());
  const name = parsePropertyName(p);
  if (!name || p.kind() !== "(") return p.backtrack(m);
  const params = parseFormalParameters(p);
  const body = params && parseStatementBlock(p);
  if (!body) return p.backtrack(m);
  return p.node("method_definition", [...parts, withField(name, "name"), withField(params!, "parameters"), withField(body, "body")]);
}
