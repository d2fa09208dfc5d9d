/**
 * Java statements and the program (tree-sitter-java's `program: repeat(_toplevel_statement)`).
 *
 * At the start of a statement tree-sitter keeps a declaration and an expression reading alive
 * at once (`Foo x;` versus `foo(x);`); here the declaration is tried first and the expression
 * second, and both leave their expectations behind for error recovery. That is also why
 * English prose often parses: `Hello world` is a local variable declaration missing its `;`.
 */
import type { CstNode } from "../cst.js";
import { withField } from "../cst.js";
import { parseBlock, parseMember, parseModifiers, parseTypeDeclaration, parseVariableDeclarators } from "./declarations.js";
import { parseImport, parseModule, parsePackage } from "./modules.js";
import { parseExpression } from "./expressions.js";
import { parseSwitchExpression } from "./switch.js";
import { EXPRESSION_START, NONE, STATEMENT_START } from "./keywords.js";
import type { JavaParser } from "./parser.js";
import { parseAnnotations, parseDimensions, parseUnannotatedType } from "./types.js";

/** The whole program; null when some token cannot be parsed (see `p.furthest`). */
export function parseProgram(p: JavaParser): CstNode | null {
  const parts: CstNode[] = [];
  while (!p.at("eof")) {
    const s = parseStatement(p) ?? parseTopLevelMethod(p);
    if (!s) return null;
    parts.push(s);
  }
  return p.node("program", parts);
}

function parseTopLevelMethod(p: JavaParser): CstNode | null {
  const m = p.mark();
  const mods = parseModifiers(p);
  const d = parseMember(p, mods, false);
  if (d && d.type === "method_declaration") return d;
  return p.backtrack(m);
}

/** `statement` */
export function parseStatement(p: JavaParser): CstNode | null {
  p.enter();
  try {
    const k = p.kind();
    if (k === ";") return p.take();
    if (k === "{") return parseBlock(p);
    if (k === "word") {
      const s = parseKeywordStatement(p, p.word());
      if (s !== undefined) return s;
    }
    return parseDeclarationOrExpression(p);
  } finally {
    p.leave();
  }
}

/** Statements that start with a keyword; undefined when the word starts none. */
function parseKeywordStatement(p: JavaParser, w: string): CstNode | null | undefined {
  const m = p.mark();
  switch (w) {
    case "if": {
      const kw = p.take(w);
      const cond = parseCondition(p);
      const then = cond && parseStatement(p);
      if (!then) return p.backtrack(m);
      const parts = [kw, withField(cond, "condition"), withField(then, "consequence")];
      if (p.atWord("else")) {
        const em = p.mark();
        const els = p.take("else");
        const alt = parseStatement(p);
        if (alt) parts.push(els, withField(alt, "alternative"));
        else p.reset(em);
      }
      return p.node("if_statement", parts);
    }
    case "while": {
      const kw = p.take(w);
      const cond = parseCondition(p);
      const body = cond && parseStatement(p);
      return body ? p.node("while_statement", [kw, withField(cond, "condition"), withField(body, "body")]) : p.backtrack(m);
    }
    case "do": {
      const kw = p.take(w);
      const body = parseStatement(p);
      const wh = body && p.eatWord("while");
      const cond = wh && parseCondition(p);
      const semi = cond && p.eat(";");
      return semi ? p.node("do_statement", [kw, withField(body, "body"), wh, withField(cond, "condition"), semi]) : p.backtrack(m);
    }
    case "for":
      return parseFor(p) ?? p.backtrack(m);
    case "try":
      return parseTry(p) ?? p.backtrack(m);
    case "return": {
      const kw = p.take(w);
      const value = p.kind() === ";" ? null : parseExpression(p);
      const semi = p.eat(";");
      return semi ? p.node("return_statement", [kw, value, semi]) : p.backtrack(m);
    }
    case "break":
    case "continue": {
      const kw = p.take(w);
      const label = p.kind() === "word" ? p.ident(NONE) : null;
      const semi = p.eat(";");
      return semi ? p.node(`${w}_statement`, [kw, label, semi]) : p.backtrack(m);
    }
    case "throw": {
      const kw = p.take(w);
      const value = parseExpression(p);
      const semi = value && p.eat(";");
      return semi ? p.node("throw_statement", [kw, value, semi]) : p.backtrack(m);
    }
    case "assert": {
      const kw = p.take(w);
      const a = parseExpression(p);
      if (!a) return p.backtrack(m);
      const parts = [kw, a];
      if (p.kind() === ":") {
        const colon = p.take();
        const b = parseExpression(p);
        if (!b) return p.backtrack(m);
        parts.push(colon, b);
      }
      const semi = p.eat(";");
      return semi ? p.node("assert_statement", [...parts, semi]) : p.backtrack(m);
    }
    case "switch":
      return parseSwitchExpression(p) ?? p.backtrack(m);
    case "synchronized": {
      if (p.kind(1) !== "(") return undefined;
      const kw = p.take(w);
      const cond = parseCondition(p);
      const body = cond && parseBlock(p);
      return body ? p.node("synchronized_statement", [kw, cond, withField(body, "body")]) : p.backtrack(m);
    }
    case "yield": {
      const kw = p.take(w);
      const value = parseExpression(p);
      const semi = value && p.eat(";");
      if (semi) return p.node("yield_statement", [kw, value, semi]);
      p.reset(m);
      return undefined;
    }
    case "package":
      return parsePackage(p, []) ?? p.backtrack(m);
    case "import":
      return parseImport(p) ?? p.backtrack(m);
    case "module":
    case "open":
      if (p.kind(1) !== "word") return undefined;
      return parseModule(p, []) ?? undefined;
  }
  return undefined;
}

function parseCondition(p: JavaParser): CstNode | null {
  return p.enclosed("parenthesized_expression", "(", ")", () => parseExpression(p, STATEMENT_START));
}

/** Declarations (with modifiers), local variables, labels, then expression statements. */
function parseDeclarationOrExpression(p: JavaParser): CstNode | null {
  const m = p.mark();
  const anns = p.kind() === "@" ? parseAnnotations(p) : [];
  if (anns.length && p.word() === "package") {
    const pkg = parsePackage(p, anns);
    if (pkg) return pkg;
  }
  if (anns.length && (p.word() === "module" || p.word() === "open")) {
    const mod = parseModule(p, anns);
    if (mod) return mod;
  }
  p.reset(m);
  const mods = parseModifiers(p);
  const decl = parseTypeDeclaration(p, mods);
  if (decl) return decl;
  const local = parseLocalVariable(p, mods);
  if (local) return local;
  p.reset(m);
  if (mods) return null;
  if (p.kind() === "word" && p.kind(1) === ":") {
    const label = p.ident(STATEMENT_START);
    if (label) {
      const colon = p.take();
      const body = parseStatement(p);
      if (body) return p.node("labeled_statement", [label, colon, body]);
    }
    p.reset(m);
  }
  const e = parseExpression(p, STATEMENT_START);
  const semi = e && p.eat(";");
  if (!semi) return p.backtrack(m);
  return p.node("expression_statement", [e, semi]);
}

/** `[modifiers] Type a = 1, b;` */
export function parseLocalVariable(p: JavaParser, mods: CstNode | null, withSemicolon = true): CstNode | null {
  const m = p.mark();
  const type = parseUnannotatedType(p);
  if (!type || p.kind() !== "word") {
    if (type) p.expect("identifier");
    return p.backtrack(m);
  }
  const declarators = parseVariableDeclarators(p, new Set(["instanceof"]));
  const semi = declarators && (withSemicolon ? p.eat(";") : true);
  if (!semi) return p.backtrack(m);
  return p.node("local_variable_declaration", [mods, withField(type, "type"), ...declarators!, semi === true ? null : semi]);
}

function parseFor(p: JavaParser): CstNode | null {
  const m = p.mark();
  const kw = p.take("for");
  const open = p.eat("(");
  if (!open) return null;
  // enhanced for: for (T x : xs)
  const em = p.mark();
  const mods = parseModifiers(p);
  const type = parseUnannotatedType(p);
  const name = type && (p.word() === "_" ? p.take("underscore_pattern", true) : p.ident(NONE));
  if (name) {
    const parts: CstNode[] = [kw, open, mods, withField(type!, "type"), withField(name, "name")].filter((x): x is CstNode => !!x);
    const dims = parseDimensions(p);
    if (dims) parts.push(withField(dims, "dimensions"));
    const colon = p.eat(":");
    const value = colon && parseExpression(p);
    const close = value && p.eat(")");
    const body = close && parseStatement(p);
    if (body) return p.node("enhanced_for_statement", [...parts, colon, withField(value, "value"), close, withField(body, "body")]);
  }
  p.reset(em);
  const parts: CstNode[] = [kw, open];
  const local = parseLocalVariable(p, parseModifiers(p));
  if (local) parts.push(withField(local, "init"));
  else {
    p.reset(em);
    while (p.kind() !== ";") {
      const e = parseExpression(p);
      if (!e) return p.backtrack(m);
      parts.push(withField(e, "init"));
      const comma = p.eat(",");
      if (!comma) break;
      parts.push(comma);
    }
    const semi = p.eat(";");
    if (!semi) return p.backtrack(m);
    parts.push(semi);
  }
  if (p.kind() !== ";") {
    const cond = parseExpression(p);
    if (!cond) return p.backtrack(m);
    parts.push(withField(cond, "condition"));
  }
  const semi2 = p.eat(";");
  if (!semi2) return p.backtrack(m);
  parts.push(semi2);
  if (!p.commaItems(parts, ")", () => withField(parseExpression(p), "update"))) return p.backtrack(m);
  const close = p.eat(")");
  const body = close && parseStatement(p);
  if (!body) return p.backtrack(m);
  parts.push(close!, withField(body, "body"));
  return p.node("for_statement", parts);
}

function parseTry(p: JavaParser): CstNode | null {
  const m = p.mark();
  const kw = p.take("try");
  const parts: CstNode[] = [kw];
  let resources: CstNode | null = null;
  if (p.kind() === "(") {
    resources = parseResources(p);
    if (!resources) return p.backtrack(m);
    parts.push(withField(resources, "resources"));
  }
  const body = parseBlock(p);
  if (!body) return p.backtrack(m);
  parts.push(withField(body, "body"));
  let catches = 0;
  while (p.atWord("catch")) {
    const c = parseCatch(p);
    if (!c) return p.backtrack(m);
    parts.push(c);
    catches++;
  }
  let fin = false;
  if (p.atWord("finally")) {
    const fkw = p.take("finally");
    const fb = parseBlock(p);
    if (!fb) return p.backtrack(m);
    parts.push(p.node("finally_clause", [fkw, fb]));
    fin = true;
  }
  if (!resources && !catches && !fin) return p.backtrack(m);
  return p.node(resources ? "try_with_resources_statement" : "try_statement", parts);
}

function parseCatch(p: JavaParser): CstNode | null {
  const kw = p.take("catch");
  const open = p.eat("(");
  if (!open) return null;
  const mods = parseModifiers(p);
  const types: CstNode[] = [];
  if (!p.sep1(types, "|", () => parseUnannotatedType(p))) return null;
  const name = p.word() === "_" ? p.take("underscore_pattern", true) : p.ident(NONE);
  const close = name && p.eat(")");
  const body = close && parseBlock(p);
  if (!body) return null;
  const param = p.node("catch_formal_parameter", [mods, p.node("catch_type", types), withField(name!, "name")]);
  return p.node("catch_clause", [kw, open, param, close, withField(body, "body")]);
}

function parseResources(p: JavaParser): CstNode | null {
  const open = p.take();
  const parts: CstNode[] = [open];
  for (;;) {
    const r = parseResource(p);
    if (!r) return null;
    parts.push(r);
    if (p.kind() !== ";") break;
    parts.push(p.take());
    if (p.kind() === ")") break;
  }
  const close = p.eat(")");
  if (!close) return null;
  parts.push(close);
  return p.node("resource_specification", parts);
}

function parseResource(p: JavaParser): CstNode | null {
  const m = p.mark();
  const mods = parseModifiers(p);
  const type = parseUnannotatedType(p);
  const name = type && p.ident(NONE);
  const eq = name && p.eat("=");
  const value = eq && parseExpression(p);
  if (value) return p.node("resource", [mods, withField(type!, "type"), withField(name!, "name"), eq, withField(value, "value")]);
  p.reset(m);
  const e = parseExpression(p, EXPRESSION_START);
  if (e && (e.type === "identifier" || e.type === "field_access")) return p.node("resource", [e]);
  return p.backtrack(m);
}

