/**
 * Java compilation-unit headers: `package`, `import` and `module` declarations. tree-sitter-java
 * accepts them as statements anywhere in a program.
 */
import type { CstNode } from "../cst.js";
import { withField } from "../cst.js";
import type { JavaParser } from "./parser.js";
import { parseName } from "./types.js";

/** `package a.b;` */
export function parsePackage(p: JavaParser, anns: CstNode[]): CstNode | null {
  const m = p.mark();
  const kw = p.take("package");
  const name = parseName(p);
  const semi = name && p.eat(";");
  if (!semi) return p.backtrack(m);
  return p.node("package_declaration", [...anns, kw, name, semi]);
}

/** `import static a.b.*;` */
export function parseImport(p: JavaParser): CstNode | null {
  const m = p.mark();
  const kw = p.take("import");
  const stat = p.eatWord("static");
  const name = parseName(p);
  if (!name) return p.backtrack(m);
  const parts: CstNode[] = [kw];
  if (stat) parts.push(stat);
  parts.push(name);
  if (p.kind() === "." && p.kind(1) === "*") parts.push(p.take(), p.take("asterisk", true));
  const semi = p.eat(";");
  if (!semi) return p.backtrack(m);
  parts.push(semi);
  return p.node("import_declaration", parts);
}

/** `open module a.b { requires x; exports y to z; … }` */
export function parseModule(p: JavaParser, anns: CstNode[]): CstNode | null {
  const m = p.mark();
  const open = p.word() === "open" ? p.take("open") : null;
  const kw = p.eatWord("module");
  const name = kw && parseName(p);
  const body = name && p.braced("module_body", () => parseModuleDirective(p));
  if (!body) return p.backtrack(m);
  return p.node("module_declaration", [...anns, open, kw, withField(name, "name"), withField(body, "body")]);
}

function parseModuleDirective(p: JavaParser): CstNode | null {
  const m = p.mark();
  const w = p.word();
  const parts: CstNode[] = [];
  const names = (): boolean => p.sep1(parts, ",", () => parseName(p));
  let type: string;
  if (w === "requires") {
    type = "requires_module_directive";
    parts.push(p.take(w));
    while ((p.word() === "transitive" || p.word() === "static") && p.kind(1) === "word") parts.push(p.node("requires_modifier", [p.take(p.word())]));
    const n = parseName(p);
    if (!n) return p.backtrack(m);
    parts.push(n);
  } else if (w === "exports" || w === "opens") {
    type = `${w}_module_directive`;
    parts.push(p.take(w));
    const n = parseName(p);
    if (!n) return p.backtrack(m);
    parts.push(n);
    if (p.atWord("to")) {
      parts.push(p.take("to"));
      if (!names()) return p.backtrack(m);
    }
  } else if (w === "uses") {
    type = "uses_module_directive";
    parts.push(p.take(w));
    const n = parseName(p);
    if (!n) return p.backtrack(m);
    parts.push(n);
  } else if (w === "provides") {
    type = "provides_module_directive";
    parts.push(p.take(w));
    const n = parseName(p);
    if (!n || !p.atWord("with")) return p.backtrack(m);
    parts.push(n, p.take("with"));
    if (!names()) return p.backtrack(m);
  } else return null;
  const semi = p.eat(";");
  if (!semi) return p.backtrack(m);
  parts.push(semi);
  return p.node("module_directive", [p.node(type, parts)]);
}

