/**
 * JavaScript statements and the program (tree-sitter-javascript's `program`). A statement that
 * starts with `{` is tried as a block first and as an object expression second, as tree-sitter's
 * GLR parser keeps both: `{"name": "f"}` parses, as an object.
 */
import type { CstNode } from "../cst.js";
import { withField } from "../cst.js";
import { NESTED, parseExpression, parseExpressions, parseLhs, parseParenthesized, parseString } from "./expressions.js";
import { parseClass, parseDecorators, parseFunction, parseStatementBlock } from "./functions.js";
import { NONE, STATEMENT_START } from "./keywords.js";
import type { JsParser } from "./parser.js";

const TOP: { asi: boolean } = { asi: true };

/** The whole program; null when some token cannot be parsed (see `p.furthest`). */
export function parseProgram(p: JsParser): CstNode | null {
  const parts: CstNode[] = [];
  if (p.kind() === "hashbang") parts.push(p.take("hash_bang_line", true));
  while (!p.at("eof")) {
    const s = parseStatement(p);
    if (!s) return null;
    parts.push(s);
  }
  return p.node("program", parts);
}

/** `_semicolon` as a child: an automatic semicolon is hidden in tree-sitter's tree. */
function semi(p: JsParser): CstNode | null | false {
  const s = p.semicolon();
  if (!s) return null;
  return s.type === ";" ? s : false;
}

/** `statement` */
export function parseStatement(p: JsParser): CstNode | null {
  p.enter();
  try {
    const m = p.mark();
    const k = p.kind();
    if (k === ";") return p.node("empty_statement", [p.take()]);
    if (k === "{") {
      const block = parseStatementBlock(p);
      if (block) return block;
      p.reset(m);
    }
    if (k === "@") {
      const cls = parseClass(p, false);
      if (cls) return cls;
      p.reset(m);
    }
    if (k === "word") {
      const s = parseKeywordStatement(p, p.word());
      if (s) return s;
      p.reset(m);
      if (p.kind(1) === ":") {
        const label = p.ident(STATEMENT_START, "statement_identifier");
        if (label) {
          const colon = p.take();
          const body = parseStatement(p);
          if (body) return p.node("labeled_statement", [withField(label, "label"), colon, withField(body, "body")]);
        }
        p.reset(m);
      }
    }
    return parseExpressionStatement(p, m);
  } finally {
    p.leave();
  }
}

function parseExpressionStatement(p: JsParser, m: number): CstNode | null {
  const e = parseExpressions(p, { asi: true }) ?? parseExpressionWithKeywords(p);
  const s = e && semi(p);
  if (s === null || !e) return p.backtrack(m);
  return p.node("expression_statement", [e, s]);
}

/** At a statement start identifiers exclude the statement keywords too. */
function parseExpressionWithKeywords(p: JsParser): CstNode | null {
  return parseExpression(p, TOP, STATEMENT_START);
}

function parseKeywordStatement(p: JsParser, w: string): CstNode | null {
  switch (w) {
    case "var":
    case "const":
      return parseDeclaration(p, w === "var" ? "variable_declaration" : "lexical_declaration");
    case "let":
      return p.kind(1) === "word" || p.kind(1) === "[" || p.kind(1) === "{" ? parseDeclaration(p, "lexical_declaration") : null;
    case "function":
      return parseFunction(p, false);
    case "async":
      return p.word(1) === "function" ? parseFunction(p, false) : null;
    case "class":
      return parseClass(p, false);
    case "if":
      return parseIf(p);
    case "for":
      return parseForIn(p) ?? parseFor(p);
    case "while":
    case "with": {
      const kw = p.take(w);
      const cond = parseParenthesized(p);
      const body = cond && parseStatement(p);
      return body && p.node(`${w}_statement`, [kw, withField(cond!, w === "while" ? "condition" : "object"), withField(body, "body")]);
    }
    case "do": {
      const kw = p.take(w);
      const body = parseStatement(p);
      const wh = body && p.eatWord("while");
      const cond = wh && parseParenthesized(p);
      if (!cond) return null;
      const s = p.kind() === ";" ? p.take() : null;
      return p.node("do_statement", [kw, withField(body!, "body"), wh, withField(cond, "condition"), s]);
    }
    case "try":
      return parseTry(p);
    case "switch":
      return parseSwitch(p);
    case "break":
    case "continue": {
      const kw = p.take(w);
      const label = p.kind() === "word" && !p.asi() ? p.ident(NONE, "statement_identifier") : null;
      const s = semi(p);
      return s === null ? null : p.node(`${w}_statement`, [kw, label && withField(label, "label"), s]);
    }
    case "return":
    case "throw": {
      const kw = p.take(w);
      const value = w === "return" && (p.kind() === ";" || p.asi()) ? null : parseExpressions(p, TOP);
      if (w === "throw" && !value) return null;
      const s = semi(p);
      return s === null ? null : p.node(`${w}_statement`, [kw, value, s]);
    }
    case "debugger": {
      const kw = p.take(w);
      const s = semi(p);
      return s === null ? null : p.node("debugger_statement", [kw, s]);
    }
    case "import":
      return p.kind(1) === "(" || p.kind(1) === "." ? null : parseImport(p);
    case "export":
      return parseExport(p);
  }
  return null;
}

/** `var|let|const a = 1, {b} = c;` */
function parseDeclaration(p: JsParser, type: string, withSemicolon = true): CstNode | null {
  const m = p.mark();
  const kw = p.take(p.word());
  const parts: CstNode[] = [type === "lexical_declaration" ? withField(kw, "kind") : kw];
  for (;;) {
    const d = parseDeclarator(p);
    if (!d) return p.backtrack(m);
    parts.push(d);
    if (p.kind() !== ",") break;
    parts.push(p.take());
  }
  if (withSemicolon) {
    const s = semi(p);
    if (s === null) return p.backtrack(m);
    parts.push(s as CstNode);
  }
  return p.node(type, parts);
}

function parseDeclarator(p: JsParser): CstNode | null {
  let name: CstNode | null;
  if (p.kind() === "[" || p.kind() === "{") {
    const pattern = parseExpression(p, NESTED);
    name = pattern && (pattern.type === "array" || pattern.type === "object" || pattern.type.endsWith("_pattern")) ? pattern : null;
  } else name = p.ident(NONE);
  if (!name) return null;
  if (p.kind() !== "=") {
    p.expect("=");
    return p.node("variable_declarator", [withField(name, "name")]);
  }
  const eq = p.take();
  const value = parseExpression(p, TOP);
  return value && p.node("variable_declarator", [withField(name, "name"), eq, withField(value, "value")]);
}

function parseIf(p: JsParser): CstNode | null {
  const kw = p.take("if");
  const cond = parseParenthesized(p);
  const then = cond && parseStatement(p);
  if (!then) return null;
  const parts = [kw, withField(cond!, "condition"), withField(then, "consequence")];
  if (p.atWord("else")) {
    const m = p.mark();
    const els = p.take("else");
    const alt = parseStatement(p);
    if (alt) parts.push(withField(p.node("else_clause", [els, alt]), "alternative"));
    else p.reset(m);
  }
  return p.node("if_statement", parts);
}

/** `for ([var|let|const] x of|in y) body`, `for await (…)`. */
function parseForIn(p: JsParser): CstNode | null {
  const m = p.mark();
  const kw = p.take("for");
  const parts: CstNode[] = [kw];
  if (p.word() === "await") parts.push(p.take("await"));
  const open = p.eat("(");
  if (!open) return null;
  parts.push(open);
  const w = p.word();
  if (w === "var" || w === "let" || w === "const") {
    parts.push(withField(p.take(w), "kind"));
    const left = p.kind() === "word" ? p.ident(NONE) : parseExpression(p, NESTED);
    if (!left) return p.backtrack(m);
    parts.push(withField(left, "left"));
  } else {
    const left = parseLeftHandSide(p);
    if (!left) return p.backtrack(m);
    parts.push(withField(left, "left"));
  }
  const op = p.word() === "in" || p.word() === "of" ? p.take(p.word()) : null;
  const right = op && parseExpressions(p, NESTED);
  const close = right && p.eat(")");
  const body = close && parseStatement(p);
  if (!body) return p.backtrack(m);
  return p.node("for_in_statement", [...parts, withField(op!, "operator"), withField(right!, "right"), close, withField(body, "body")]);
}

/** The left side of a for-in header: a name, member, subscript, pattern or parenthesized expression. */
function parseLeftHandSide(p: JsParser): CstNode | null {
  const e = parseLhs(p);
  return e && (e.type === "parenthesized_expression" || LHS_TYPES.has(e.type)) ? e : null;
}

const LHS_TYPES = new Set(["identifier", "undefined", "member_expression", "subscript_expression", "object", "array"]);

/** `for (init; cond; incr) body` where init and cond are statements (so `;` or an automatic one). */
function parseFor(p: JsParser): CstNode | null {
  const m = p.mark();
  const kw = p.take("for");
  const open = p.eat("(");
  if (!open) return null;
  const init = parseForPart(p, true);
  if (!init) return p.backtrack(m);
  const cond = parseForPart(p, false);
  if (!cond) return p.backtrack(m);
  const parts: CstNode[] = [kw, open, withField(init, "initializer"), withField(cond, "condition")];
  if (p.kind() !== ")") {
    const incr = parseExpressions(p, NESTED);
    if (!incr) return p.backtrack(m);
    parts.push(withField(incr, "increment"));
  }
  const close = p.eat(")");
  const body = close && parseStatement(p);
  if (!body) return p.backtrack(m);
  return p.node("for_statement", [...parts, close!, withField(body, "body")]);
}

function parseForPart(p: JsParser, init: boolean): CstNode | null {
  if (p.kind() === ";") return p.node("empty_statement", [p.take()]);
  const w = p.word();
  if (init && (w === "var" || w === "let" || w === "const")) return parseDeclaration(p, w === "var" ? "variable_declaration" : "lexical_declaration");
  const m = p.mark();
  return parseExpressionStatement(p, m);
}

function parseTry(p: JsParser): CstNode | null {
  const kw = p.take("try");
  const body = parseStatementBlock(p);
  if (!body) return null;
  const parts: CstNode[] = [kw, withField(body, "body")];
  if (p.atWord("catch")) {
    const ckw = p.take("catch");
    const c: CstNode[] = [ckw];
    if (p.kind() === "(") {
      const open = p.take();
      const param = p.kind() === "word" ? p.ident(NONE) : parseExpression(p, NESTED);
      const close = param && p.eat(")");
      if (!close) return null;
      c.push(open, withField(param!, "parameter"), close);
    }
    const cbody = parseStatementBlock(p);
    if (!cbody) return null;
    parts.push(withField(p.node("catch_clause", [...c, withField(cbody, "body")]), "handler"));
  }
  if (p.atWord("finally")) {
    const fkw = p.take("finally");
    const fbody = parseStatementBlock(p);
    if (!fbody) return null;
    parts.push(withField(p.node("finally_clause", [fkw, withField(fbody, "body")]), "finalizer"));
  }
  return p.node("try_statement", parts);
}

function parseSwitch(p: JsParser): CstNode | null {
  const kw = p.take("switch");
  const value = parseParenthesized(p);
  const open = value && p.eat("{");
  if (!open) return null;
  const body: CstNode[] = [open];
  while (!p.at("}")) {
    const w = p.word();
    const parts: CstNode[] = [];
    if (w === "case") {
      parts.push(p.take("case"));
      const v = parseExpressions(p, NESTED);
      if (!v) return null;
      parts.push(withField(v, "value"));
    } else if (w === "default") parts.push(p.take("default"));
    else {
      p.expect("case");
      return null;
    }
    const colon = p.eat(":");
    if (!colon) return null;
    parts.push(colon);
    while (!p.at("}") && !p.atWord("case") && !p.atWord("default")) {
      const s = parseStatement(p);
      if (!s) return null;
      parts.push(s);
    }
    body.push(p.node(w === "case" ? "switch_case" : "switch_default", parts));
  }
  body.push(p.take());
  return p.node("switch_statement", [kw, withField(value!, "value"), withField(p.node("switch_body", body), "body")]);
}

/** `import x, {a as b} from "m";`, `import * as ns from "m";`, `import "m";` */
function parseImport(p: JsParser): CstNode | null {
  const kw = p.take("import");
  const parts: CstNode[] = [kw];
  if (p.kind() === "string") parts.push(withField(parseString(p), "source"));
  else {
    const clause: CstNode[] = [];
    if (p.kind() === "word" && p.word() !== "from") {
      const id = p.ident(NONE);
      if (!id) return null;
      clause.push(id);
      if (p.kind() === ",") clause.push(p.take());
    }
    if (p.kind() === "*") {
      const star = p.take();
      const as = p.eatWord("as");
      const id = as && p.ident(NONE);
      if (!id) return null;
      clause.push(p.node("namespace_import", [star, as!, id]));
    } else if (p.kind() === "{") {
      const named = parseSpecifiers(p, "named_imports", "import_specifier");
      if (!named) return null;
      clause.push(named);
    }
    if (!clause.length) return null;
    const from = p.eatWord("from");
    if (!from || p.kind() !== "string") return null;
    parts.push(p.node("import_clause", clause), from, withField(parseString(p), "source"));
  }
  if (p.word() === "with") {
    const w = p.take("with");
    const obj = parseExpression(p, NESTED);
    if (!obj || obj.type !== "object") return null;
    parts.push(p.node("import_attribute", [w, obj]));
  }
  const s = semi(p);
  return s === null ? null : p.node("import_statement", [...parts, s]);
}

function parseSpecifiers(p: JsParser, type: string, item: string): CstNode | null {
  const parts: CstNode[] = [p.take()];
  while (p.kind() !== "}") {
    const name = p.kind() === "string" ? parseString(p) : p.kind() === "word" ? p.take("identifier", true) : null;
    if (!name) return null;
    const spec: CstNode[] = [withField(name, "name")];
    if (p.word() === "as") {
      spec.push(p.take("as"));
      const alias = p.kind() === "string" ? parseString(p) : p.kind() === "word" ? p.take("identifier", true) : null;
      if (!alias) return null;
      spec.push(withField(alias, "alias"));
    }
    parts.push(p.node(item, spec));
    if (p.kind() !== ",") break;
    parts.push(p.take());
  }
  const close = p.eat("}");
  if (!close) return null;
  parts.push(close);
  return p.node(type, parts);
}

/** `export …` in its main forms. */
function parseExport(p: JsParser): CstNode | null {
  const decorators = parseDecorators(p);
  const kw = p.eatWord("export");
  if (!kw) return null;
  const parts: CstNode[] = [...decorators, kw];
  if (p.kind() === "*" || p.kind() === "{") {
    if (p.kind() === "*") {
      const star = p.take();
      if (p.word() === "as") {
        const as = p.take("as");
        const name = p.kind() === "string" ? parseString(p) : p.ident(NONE);
        if (!name) return null;
        parts.push(p.node("namespace_export", [star, as, name]));
      } else parts.push(star);
      if (!p.atWord("from")) return null;
    } else {
      const clause = parseSpecifiers(p, "export_clause", "export_specifier");
      if (!clause) return null;
      parts.push(clause);
    }
    if (p.word() === "from") {
      const from = p.take("from");
      if (p.kind() !== "string") return null;
      parts.push(from, withField(parseString(p), "source"));
    }
    const s = semi(p);
    return s === null ? null : p.node("export_statement", [...parts, s]);
  }
  if (p.word() === "default") {
    parts.push(p.take("default"));
    const m = p.mark();
    const decl = parseKeywordStatement(p, p.word());
    if (decl && /declaration$/.test(decl.type)) return p.node("export_statement", [...parts, withField(decl, "declaration")]);
    p.reset(m);
    const value = parseExpression(p, TOP);
    const s = value && semi(p);
    return s === null || !value ? null : p.node("export_statement", [...parts, withField(value, "value"), s]);
  }
  const decl = parseKeywordStatement(p, p.word()) ?? (p.kind() === "@" ? parseClass(p, false) : null);
  if (!decl || !/declaration$/.test(decl.type)) return null;
  return p.node("export_statement", [...parts, withField(decl, "declaration")]);
}
