/**
 * Java declarations: classes, interfaces, enums, records, annotation types, their bodies,
 * methods, constructors, fields and formal parameters (tree-sitter-java's `declaration`,
 * `class_body` and friends). Models rarely write these, but an anonymous class body
 * (`new HashMap<>() {{ put("k", 1); }}`) is a class body with an initializer block, and a
 * model's prose can happen to parse as one.
 */
import type { CstNode } from "../cst.js";
import { withField } from "../cst.js";
import { parseArgumentList, parseArrayInitializer, parseElementValue, parseExpression } from "./expressions.js";
import { MODIFIERS, NONE, TYPE_START } from "./keywords.js";
import type { JavaParser } from "./parser.js";
import { parseStatement } from "./statements.js";
import { parseAnnotation, parseAnnotations, parseDimensions, parseType, parseUnannotatedType } from "./types.js";

/** `{ statement* }` */
export function parseBlock(p: JavaParser): CstNode | null {
  return p.braced("block", () => parseStatement(p));
}

/** `modifiers`: annotations and modifier keywords, or null when there are none. */
export function parseModifiers(p: JavaParser): CstNode | null {
  const parts: CstNode[] = [];
  for (;;) {
    const w = p.word();
    if (MODIFIERS.has(w)) {
      // `synchronized (` starts a statement, `static {` an initializer: not modifiers.
      if ((w === "synchronized" && p.kind(1) === "(") || (w === "static" && p.kind(1) === "{")) break;
      parts.push(p.take(w));
    } else if (p.kind() === "@" && p.kind(1) !== "@interface") {
      if (p.word(1) === "interface") break;
      const a = parseAnnotation(p);
      if (!a) break;
      parts.push(a);
    } else break;
  }
  return parts.length ? p.node("modifiers", parts) : null;
}

/** A class, interface, enum, record or annotation type declaration, with optional leading modifiers. */
export function parseTypeDeclaration(p: JavaParser, mods: CstNode | null): CstNode | null {
  const w = p.word();
  if (w === "class") return parseClassLike(p, mods, "class_declaration");
  if (w === "interface") return parseClassLike(p, mods, "interface_declaration");
  if (w === "enum") return parseEnum(p, mods);
  if (w === "record" && p.kind(1) === "word") return parseRecord(p, mods);
  if (p.kind() === "@interface") return parseAnnotationType(p, mods);
  return null;
}

function parseClassLike(p: JavaParser, mods: CstNode | null, type: "class_declaration" | "interface_declaration"): CstNode | null {
  const m = p.mark();
  const parts: CstNode[] = [mods, p.take(type === "class_declaration" ? "class" : "interface")].filter((x): x is CstNode => !!x);
  const name = p.ident(NONE);
  if (!name) return p.backtrack(m);
  parts.push(withField(name, "name"));
  if (p.kind() === "<") {
    const tp = parseTypeParameters(p);
    if (!tp) return p.backtrack(m);
    parts.push(withField(tp, "type_parameters"));
  }
  if (type === "class_declaration" && p.atWord("extends")) {
    const kw = p.take("extends");
    const t = parseType(p);
    if (!t) return p.backtrack(m);
    parts.push(withField(p.node("superclass", [kw, t]), "superclass"));
  }
  const clause = (word: string, node: string, field?: string): boolean => {
    const n = parseTypeListClause(p, word, node);
    if (n) parts.push(field ? withField(n, field) : n);
    return n !== undefined;
  };
  if (type === "class_declaration" && !clause("implements", "super_interfaces", "interfaces")) return p.backtrack(m);
  if (type === "interface_declaration" && !clause("extends", "extends_interfaces")) return p.backtrack(m);
  if (!clause("permits", "permits", "permits")) return p.backtrack(m);
  const body = type === "class_declaration" ? parseClassBody(p) : parseInterfaceBody(p);
  if (!body) return p.backtrack(m);
  parts.push(withField(body, "body"));
  return p.node(type, parts);
}

/** `word A, B` as a node of `type` (`implements A, B`): null when absent, undefined when malformed. */
function parseTypeListClause(p: JavaParser, word: string, type: string): CstNode | null | undefined {
  if (!p.atWord(word)) return null;
  const kw = p.take(word);
  const list = parseTypeList(p);
  return list ? p.node(type, [kw, list]) : undefined;
}

function parseTypeList(p: JavaParser): CstNode | null {
  const parts: CstNode[] = [];
  return p.sep1(parts, ",", () => parseType(p)) ? p.node("type_list", parts) : null;
}

/** `<T extends A & B, U>` */
export function parseTypeParameters(p: JavaParser): CstNode | null {
  const m = p.mark();
  const parts: CstNode[] = [p.take()];
  const close = p.sep1(parts, ",", () => parseTypeParameter(p)) && p.eatAngle();
  if (!close) return p.backtrack(m);
  parts.push(close);
  return p.node("type_parameters", parts);
}

function parseTypeParameter(p: JavaParser): CstNode | null {
  const anns = parseAnnotations(p);
  const id = p.ident(TYPE_START, "type_identifier");
  if (!id) return null;
  const parts: CstNode[] = [...anns, id];
  if (p.atWord("extends")) {
    const bound: CstNode[] = [p.take("extends")];
    if (!p.sep1(bound, "&", () => parseType(p))) return null;
    parts.push(p.node("type_bound", bound));
  }
  return p.node("type_parameter", parts);
}

/** `{ class_body_declaration* }` */
export function parseClassBody(p: JavaParser): CstNode | null {
  return p.braced("class_body", () => parseClassBodyDeclaration(p));
}

function parseClassBodyDeclaration(p: JavaParser): CstNode | null {
  p.enter();
  try {
    if (p.kind() === ";") return p.take();
    if (p.kind() === "{") return parseBlock(p);
    if (p.word() === "static" && p.kind(1) === "{") {
      const kw = p.take("static");
      const b = parseBlock(p);
      return b && p.node("static_initializer", [kw, b]);
    }
    const m = p.mark();
    const mods = parseModifiers(p);
    const decl = parseTypeDeclaration(p, mods);
    if (decl) return decl;
    const member = parseMember(p, mods, true);
    if (member) return member;
    return p.backtrack(m);
  } finally {
    p.leave();
  }
}

/**
 * A method, constructor, compact constructor or field declaration after its modifiers.
 * `inClass` allows constructors (which interface bodies do not have).
 */
export function parseMember(p: JavaParser, mods: CstNode | null, inClass: boolean): CstNode | null {
  const m = p.mark();
  const typeParams = p.kind() === "<" ? parseTypeParameters(p) : null;
  const anns = typeParams ? parseAnnotations(p) : [];
  if (inClass && p.kind() === "word") {
    const cm = p.mark();
    const name = p.ident(NONE);
    if (name && p.kind() === "(") {
      const params = parseFormalParameters(p);
      const throws = params && parseThrows(p);
      const body = params && throws !== undefined && parseConstructorBody(p);
      if (body) {
        return p.node("constructor_declaration", [mods, typeParams && withField(typeParams, "type_parameters"), withField(name, "name"), withField(params, "parameters"), throws, withField(body, "body")]);
      }
    } else if (name && !typeParams && p.kind() === "{") {
      const body = parseBlock(p);
      if (body) return p.node("compact_constructor_declaration", [mods, withField(name, "name"), withField(body, "body")]);
    }
    p.reset(cm);
  }
  const type = parseUnannotatedType(p);
  if (!type) return p.backtrack(m);
  const nm = p.mark();
  const name = p.ident(NONE);
  if (name && p.kind() === "(") {
    const params = parseFormalParameters(p);
    if (params) {
      const dims = parseDimensions(p);
      const throws = parseThrows(p);
      if (throws !== undefined) {
        const body = p.kind() === "{" ? parseBlock(p) : p.eat(";");
        if (body) {
          return p.node("method_declaration", [mods, typeParams && withField(typeParams, "type_parameters"), ...anns, withField(type, "type"), withField(name, "name"), withField(params, "parameters"), dims && withField(dims, "dimensions"), throws, body.type === "block" ? withField(body, "body") : body]);
        }
      }
    }
  }
  if (typeParams) return p.backtrack(m);
  p.reset(nm);
  const declarators = parseVariableDeclarators(p);
  const semi = declarators && p.eat(";");
  if (!semi) return p.backtrack(m);
  return p.node("field_declaration", [mods, withField(type, "type"), ...declarators, semi]);
}

/** `throws A, B`, null when absent, undefined when malformed. */
function parseThrows(p: JavaParser): CstNode | null | undefined {
  if (!p.atWord("throws")) return null;
  const parts: CstNode[] = [p.take("throws")];
  return p.sep1(parts, ",", () => parseType(p)) ? p.node("throws", parts) : undefined;
}

function parseConstructorBody(p: JavaParser): CstNode | null {
  const m = p.mark();
  const open = p.eat("{");
  if (!open) return null;
  const parts: CstNode[] = [open];
  const call = parseExplicitConstructorInvocation(p);
  if (call) parts.push(call);
  while (!p.at("}")) {
    const s = parseStatement(p);
    if (!s) return p.backtrack(m);
    parts.push(s);
  }
  parts.push(p.take());
  return p.node("constructor_body", parts);
}

function parseExplicitConstructorInvocation(p: JavaParser): CstNode | null {
  const m = p.mark();
  const w = p.word();
  if ((w === "this" || w === "super") && p.kind(1) === "(") {
    const ctor = p.take(w, true);
    const args = parseArgumentList(p);
    const semi = args && p.eat(";");
    if (semi) return p.node("explicit_constructor_invocation", [withField(ctor, "constructor"), withField(args, "arguments"), semi]);
  }
  return p.backtrack(m);
}

/** Comma-separated `variable_declarator`s (name, dimensions, `= initializer`). */
export function parseVariableDeclarators(p: JavaParser, nameKeywords: ReadonlySet<string> = NONE): CstNode[] | null {
  const out: CstNode[] = [];
  return p.sep1(out, ",", () => withField(parseVariableDeclarator(p, nameKeywords), "declarator")) ? out : null;
}

function parseVariableDeclarator(p: JavaParser, nameKeywords: ReadonlySet<string>): CstNode | null {
  const name = p.word() === "_" ? p.take("underscore_pattern", true) : p.ident(nameKeywords);
  if (!name) return null;
  const dims = parseDimensions(p);
  const parts: CstNode[] = [withField(name, "name")];
  if (dims) parts.push(withField(dims, "dimensions"));
  if (p.kind() === "=") {
    const eq = p.take();
    const value = p.kind() === "{" ? parseArrayInitializer(p) : parseExpression(p);
    if (!value) return null;
    parts.push(eq, withField(value, "value"));
  } else p.expect("=");
  return p.node("variable_declarator", parts);
}

/** `(int a, String... rest)`, also with a receiver parameter (`Foo this`). */
export function parseFormalParameters(p: JavaParser): CstNode | null {
  return p.commaSep("formal_parameters", "(", ")", () => parseFormalParameter(p), { trailingComma: true });
}

function parseFormalParameter(p: JavaParser): CstNode | null {
  const m = p.mark();
  const mods = parseModifiers(p);
  const type = parseUnannotatedType(p);
  if (!type) return p.backtrack(m);
  if (p.kind() === "...") {
    const dots = p.take();
    const decl = parseVariableDeclarator(p, NONE);
    if (!decl) return p.backtrack(m);
    return p.node("spread_parameter", [mods, type, dots, decl]);
  }
  const rm = p.mark();
  const receiver: CstNode[] = [];
  for (;;) {
    if (p.word() === "this") {
      receiver.push(p.take("this", true));
      return p.node("receiver_parameter", [mods, type, ...receiver]);
    }
    const id = p.ident(NONE);
    const dot = id && p.eat(".");
    if (!dot) break;
    receiver.push(id, dot);
  }
  p.reset(rm);
  const name = p.word() === "_" ? p.take("underscore_pattern", true) : p.ident(new Set(["this"]));
  if (!name) return p.backtrack(m);
  const dims = parseDimensions(p);
  return p.node("formal_parameter", [mods, withField(type, "type"), withField(name, "name"), dims && withField(dims, "dimensions")]);
}

function parseInterfaceBody(p: JavaParser): CstNode | null {
  return p.braced("interface_body", () => {
    if (p.kind() === ";") return p.take();
    const mods = parseModifiers(p);
    const d = parseTypeDeclaration(p, mods) ?? parseMember(p, mods, false);
    return d && d.type === "field_declaration" ? { ...d, type: "constant_declaration" } : d;
  });
}

function parseEnum(p: JavaParser, mods: CstNode | null): CstNode | null {
  const m = p.mark();
  const kw = p.take("enum");
  const name = p.ident(NONE);
  if (!name) return p.backtrack(m);
  const interfaces = parseTypeListClause(p, "implements", "super_interfaces");
  if (interfaces === undefined) return p.backtrack(m);
  const open = p.eat("{");
  if (!open) return p.backtrack(m);
  const body: CstNode[] = [open];
  while (p.kind() === "word" || p.kind() === "@") {
    const cm = p.mark();
    const cmods = parseModifiers(p);
    const cname = p.ident(NONE);
    if (!cname) {
      p.reset(cm);
      break;
    }
    const args = p.kind() === "(" ? parseArgumentList(p) : null;
    const cbody = p.kind() === "{" ? parseClassBody(p) : null;
    body.push(p.node("enum_constant", [cmods, withField(cname, "name"), args && withField(args, "arguments"), cbody && withField(cbody, "body")]));
    const comma = p.eat(",");
    if (!comma) break;
    body.push(comma);
  }
  if (body[body.length - 1]!.type !== "," && p.kind() === ",") body.push(p.take());
  if (p.kind() === ";") {
    const decls: CstNode[] = [p.take()];
    while (!p.at("}")) {
      const d = parseClassBodyDeclaration(p);
      if (!d) return p.backtrack(m);
      decls.push(d);
    }
    body.push(p.node("enum_body_declarations", decls));
  }
  const close = p.eat("}");
  if (!close) return p.backtrack(m);
  body.push(close);
  return p.node("enum_declaration", [mods, kw, withField(name, "name"), withField(interfaces, "interfaces"), withField(p.node("enum_body", body), "body")]);
}

function parseRecord(p: JavaParser, mods: CstNode | null): CstNode | null {
  const m = p.mark();
  const kw = p.take("record");
  const name = p.ident(NONE);
  if (!name) return p.backtrack(m);
  const tp = p.kind() === "<" ? parseTypeParameters(p) : null;
  const params = parseFormalParameters(p);
  if (!params) return p.backtrack(m);
  const interfaces = parseTypeListClause(p, "implements", "super_interfaces");
  if (interfaces === undefined) return p.backtrack(m);
  const body = parseClassBody(p);
  if (!body) return p.backtrack(m);
  return p.node("record_declaration", [mods, kw, withField(name, "name"), tp && withField(tp, "type_parameters"), withField(params, "parameters"), withField(interfaces, "interfaces"), withField(body, "body")]);
}

function parseAnnotationType(p: JavaParser, mods: CstNode | null): CstNode | null {
  const m = p.mark();
  const kw = p.take();
  const name = p.ident(NONE);
  const body = name && p.braced("annotation_type_body", () => parseAnnotationTypeMember(p));
  if (!body) return p.backtrack(m);
  return p.node("annotation_type_declaration", [mods, kw, withField(name, "name"), withField(body, "body")]);
}

function parseAnnotationTypeMember(p: JavaParser): CstNode | null {
  if (p.kind() === ";") return p.take();
  const m = p.mark();
  const mods = parseModifiers(p);
  const member = parseTypeDeclaration(p, mods) ?? parseAnnotationElement(p, mods);
  if (member) return member;
  p.reset(m);
  const constant = parseMember(p, parseModifiers(p), false);
  return constant?.type === "field_declaration" ? { ...constant, type: "constant_declaration" } : null;
}

function parseAnnotationElement(p: JavaParser, mods: CstNode | null): CstNode | null {
  const m = p.mark();
  const type = parseUnannotatedType(p);
  const name = type && p.ident(NONE);
  const open = name && p.eat("(");
  const close = open && p.eat(")");
  if (!close) return p.backtrack(m);
  const dims = parseDimensions(p);
  let def: CstNode | null = null;
  if (p.atWord("default")) {
    const kw = p.take("default");
    const v = parseElementValue(p);
    if (!v) return p.backtrack(m);
    def = p.node("_default_value", [kw, v]);
  }
  const semi = p.eat(";");
  if (!semi) return p.backtrack(m);
  return p.node("annotation_type_element_declaration", [mods, withField(type!, "type"), withField(name!, "name"), open, close, dims, ...(def ? def.children : []), semi]);
}
