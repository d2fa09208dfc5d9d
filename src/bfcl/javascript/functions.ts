/**
 * JavaScript functions, classes, formal parameters and statement blocks: the parts shared by
 * expressions (function and class expressions, arrow functions, methods) and statements
 * (declarations).
 */
import type { CstNode } from "../cst.js";
import { withField } from "../cst.js";
import { NESTED, parseArguments, parseExpression, parseMethod, parsePropertyName } from "./expressions.js";
import { NONE } from "./keywords.js";
import type { JsParser } from "./parser.js";
import { parseStatement } from "./statements.js";

/** `{ statement* }` */
export function parseStatementBlock(p: JsParser): CstNode | null {
  return p.braced("statement_block", () => parseStatement(p));
}

const PATTERN_TYPES = new Set(["identifier", "undefined", "member_expression", "subscript_expression", "object_pattern", "array_pattern"]);

/** Whether the `(` at the cursor closes with a `)` that is followed by `=>`. */
export function parenthesesBeforeArrow(p: JsParser): boolean {
  let depth = 0;
  for (let i = 0; ; i++) {
    const k = p.kind(i);
    if (k === "eof") return false;
    if (k === "(" || k === "[" || k === "{") depth++;
    else if (k === ")" || k === "]" || k === "}") {
      depth--;
      if (depth === 0) return k === ")" && p.kind(i + 1) === "=>";
      if (depth < 0) return false;
    }
  }
}

/** `formal_parameters`: patterns, patterns with defaults and a rest pattern, trailing comma allowed. */
export function parseFormalParameters(p: JsParser): CstNode | null {
  return p.commaSep("formal_parameters", "(", ")", () => parseParameter(p), { trailingComma: true });
}

function parseParameter(p: JsParser): CstNode | null {
  if (p.kind() === "...") {
    const dots = p.take();
    const target = parseExpression(p, NESTED);
    if (!target || !PATTERN_TYPES.has(patternType(target))) return null;
    return p.node("rest_pattern", [dots, target]);
  }
  const e = parseExpression(p, NESTED);
  if (!e) return null;
  if (e.type === "assignment_expression") {
    const left = e.children[0]!;
    if (!PATTERN_TYPES.has(patternType(left))) return null;
    return { ...e, type: "assignment_pattern" };
  }
  if (!PATTERN_TYPES.has(patternType(e))) return null;
  return e.type === "object" || e.type === "array" ? { ...e, type: `${e.type}_pattern` } : e;
}

function patternType(e: CstNode): string {
  if (e.type === "object") return "object_pattern";
  if (e.type === "array") return "array_pattern";
  return e.type;
}

/** `[async] function [*] [name] (params) { body }`, as an expression or a declaration. */
export function parseFunction(p: JsParser, expression: boolean): CstNode | null {
  const m = p.mark();
  const parts: CstNode[] = [];
  if (p.word() === "async") parts.push(p.take("async"));
  const kw = p.eatWord("function");
  if (!kw) return p.backtrack(m);
  parts.push(kw);
  const star = p.eat("*");
  if (star) parts.push(star);
  const name = p.kind() === "word" ? p.ident(NONE) : null;
  if (!name && !expression) return p.backtrack(m);
  if (name) parts.push(withField(name, "name"));
  const params = parseFormalParameters(p);
  const body = params && parseStatementBlock(p);
  if (!body) return p.backtrack(m);
  parts.push(withField(params!, "parameters"), withField(body, "body"));
  const type = star ? (expression ? "generator_function" : "generator_function_declaration") : expression ? "function_expression" : "function_declaration";
  return p.node(type, parts);
}

/** `[@decorators] class [name] [extends X] { members }`, as an expression or a declaration. */
export function parseClass(p: JsParser, expression: boolean): CstNode | null {
  const m = p.mark();
  const parts: CstNode[] = parseDecorators(p);
  const kw = p.eatWord("class");
  if (!kw) return p.backtrack(m);
  parts.push(kw);
  const name = p.kind() === "word" && p.word() !== "extends" ? p.ident(NONE) : null;
  if (!name && !expression) return p.backtrack(m);
  if (name) parts.push(withField(name, "name"));
  if (p.word() === "extends") {
    const ext = p.take("extends");
    const base = parseExpression(p, NESTED);
    if (!base) return p.backtrack(m);
    parts.push(p.node("class_heritage", [ext, base]));
  }
  const body = parseClassBody(p);
  if (!body) return p.backtrack(m);
  parts.push(withField(body, "body"));
  return p.node(expression ? "class" : "class_declaration", parts);
}

/** `@a.b`, `@f(x)`, … */
export function parseDecorators(p: JsParser): CstNode[] {
  const out: CstNode[] = [];
  while (p.kind() === "@") {
    const m = p.mark();
    const at = p.take();
    let target = p.ident(NONE);
    while (target && p.kind() === "." && p.kind(1) === "word") {
      const dot = p.take();
      target = p.node("member_expression", [target, dot, p.take("property_identifier", true)]);
    }
    if (target && p.kind() === "(") {
      const args = parseArguments(p);
      target = args && p.node("call_expression", [target, args]);
    }
    if (!target) {
      p.reset(m);
      break;
    }
    out.push(p.node("decorator", [at, target]));
  }
  return out;
}

function parseClassBody(p: JsParser): CstNode | null {
  const m = p.mark();
  const open = p.eat("{");
  if (!open) return null;
  const parts: CstNode[] = [open];
  while (!p.at("}")) {
    if (p.kind() === ";") {
      parts.push(p.take());
      continue;
    }
    const member = parseClassMember(p);
    if (!member) return p.backtrack(m);
    parts.push(...member);
  }
  parts.push(p.take());
  return p.node("class_body", parts);
}

function parseClassMember(p: JsParser): CstNode[] | null {
  const m = p.mark();
  const decorators = parseDecorators(p);
  if (p.word() === "static" && p.kind(1) === "{") {
    const kw = p.take("static");
    const body = parseStatementBlock(p);
    return body ? [p.node("class_static_block", [...decorators, kw, body])] : p.backtrack(m);
  }
  const mm = p.mark();
  const method = parseMethod(p);
  if (method) {
    const semi = p.kind() === ";" ? p.take() : null;
    return [{ ...method, children: [...decorators, ...method.children] }, ...(semi ? [semi] : [])];
  }
  p.reset(mm);
  const parts: CstNode[] = [...decorators];
  if (p.word() === "static" && p.kind(1) !== "=" && p.kind(1) !== ";") parts.push(p.take("static"));
  const name = parsePropertyName(p);
  if (!name) return p.backtrack(m);
  parts.push(withField(name, "property"));
  if (p.kind() === "=") {
    const eq = p.take();
    const value = parseExpression(p, { asi: true });
    if (!value) return p.backtrack(m);
    parts.push(eq, withField(value, "value"));
  }
  const semi = p.semicolon();
  if (!semi) return p.backtrack(m);
  const field = p.node("field_definition", parts);
  return semi.type === ";" ? [field, semi] : [field];
}
