/**
 * Java switch expressions and patterns (`switch_expression`, `switch_block`, `switch_label`,
 * `pattern`, `record_pattern`): the newest corners of tree-sitter-java's grammar, kept apart
 * from the expression core. A switch is also a statement.
 */
import type { CstNode } from "../cst.js";
import { withField } from "../cst.js";
import { parseExpression, parseParenthesized } from "./expressions.js";
import { NONE } from "./keywords.js";
import type { JavaParser } from "./parser.js";
import { parseStatement } from "./statements.js";
import { parseSimpleType, parseUnannotatedType } from "./types.js";

/** `switch (x) { … }` used as an expression. */
export function parseSwitchExpression(p: JavaParser): CstNode | null {
  const m = p.mark();
  const kw = p.take("switch");
  const cond = parseParenthesized(p);
  const body = cond && parseSwitchBlock(p);
  if (!body) return p.backtrack(m);
  return p.node("switch_expression", [kw, withField(cond, "condition"), withField(body, "body")]);
}

function parseSwitchBlock(p: JavaParser): CstNode | null {
  let rules: boolean | undefined;
  return p.braced("switch_block", () => {
    const item = parseSwitchItem(p, rules);
    if (item) rules = item.type === "switch_rule";
    return item;
  });
}

function parseSwitchItem(p: JavaParser, rules: boolean | undefined): CstNode | null {
  const label = parseSwitchLabel(p);
  if (!label) return null;
  if (rules !== false && p.kind() === "->") {
    const arrow = p.take();
    const body = parseStatement(p);
    if (!body || !["expression_statement", "throw_statement", "block"].includes(body.type)) return null;
    return p.node("switch_rule", [label, arrow, body]);
  }
  if (rules === true) return null;
  const parts: CstNode[] = [label];
  const colon = p.eat(":");
  if (!colon) return null;
  parts.push(colon);
  for (;;) {
    const m = p.mark();
    const more = parseSwitchLabel(p);
    const c = more && p.eat(":");
    if (!c) {
      p.reset(m);
      break;
    }
    parts.push(more, c);
  }
  while (!p.at("}") && !p.atWord("case") && !p.atWord("default")) {
    const s = parseStatement(p);
    if (!s) break;
    parts.push(s);
  }
  return p.node("switch_block_statement_group", parts);
}

function parseSwitchLabel(p: JavaParser): CstNode | null {
  const def = p.eatWord("default");
  if (def) return p.node("switch_label", [def]);
  const kw = p.eatWord("case");
  if (!kw) return null;
  const parts: CstNode[] = [kw];
  const m = p.mark();
  const pattern = parsePattern(p);
  if (pattern && (p.kind() === "->" || p.kind() === ":" || p.word() === "when")) parts.push(pattern);
  else {
    p.reset(m);
    if (!p.sep1(parts, ",", () => parseExpression(p))) return null;
  }
  if (p.atWord("when")) {
    const when = p.take("when");
    const guard = parseExpression(p);
    if (!guard) return null;
    parts.push(p.node("guard", [when, guard]));
  }
  return p.node("switch_label", parts);
}

function parsePattern(p: JavaParser): CstNode | null {
  const m = p.mark();
  const rec = parseRecordPattern(p);
  if (rec) return p.node("pattern", [rec]);
  p.reset(m);
  const type = parseUnannotatedType(p);
  const name = type && p.ident(NONE);
  if (!name) return p.backtrack(m);
  return p.node("pattern", [p.node("type_pattern", [type, name])]);
}

export function parseRecordPattern(p: JavaParser): CstNode | null {
  p.enter();
  try {
    return recordPattern(p);
  } finally {
    p.leave();
  }
}

function recordPattern(p: JavaParser): CstNode | null {
  const m = p.mark();
  const type = parseSimpleType(p);
  if (!type || (type.type !== "type_identifier" && type.type !== "generic_type") || p.kind() !== "(") return p.backtrack(m);
  const body = p.commaSep("record_pattern_body", "(", ")", () => parseRecordPatternComponent(p), { trailingComma: true });
  if (!body) return p.backtrack(m);
  const identType = type.type === "type_identifier" ? { ...type, type: "identifier" } : type;
  return p.node("record_pattern", [identType, body]);
}

function parseRecordPatternComponent(p: JavaParser): CstNode | null {
  const m = p.mark();
  const nested = parseRecordPattern(p);
  if (nested) return nested;
  p.reset(m);
  if (p.word() === "_" && (p.kind(1) === "," || p.kind(1) === ")")) return p.node("record_pattern_component", [p.take("underscore_pattern", true)]);
  const t = parseUnannotatedType(p);
  const n = t && p.ident(NONE);
  return n && p.node("record_pattern_component", [t, n]);
}
