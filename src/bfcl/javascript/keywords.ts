/**
 * JavaScript keywords and where tree-sitter-javascript treats them as keywords: only where the
 * keyword is valid (see java/keywords.ts for why), so `f(of=1, from=2, default=3)` assigns to
 * identifiers while `f(new=1)` and `f(class=1)` are errors.
 */

/** Words that are also identifiers wherever an identifier is valid (`_reserved_identifier`). */
export const RESERVED_IDENTIFIERS: ReadonlySet<string> = new Set(["get", "set", "async", "static", "export", "let"]);

/** Keywords valid where an expression starts. */
export const EXPRESSION_START: ReadonlySet<string> = new Set([
  "new", "this", "super", "true", "false", "null", "undefined", "function", "class", "await", "yield",
  "typeof", "void", "delete", "import",
]);

/** Keywords valid where a statement starts. */
export const STATEMENT_START: ReadonlySet<string> = new Set([
  ...EXPRESSION_START,
  "var", "const", "if", "switch", "for", "while", "do", "try", "with", "break", "continue", "debugger", "return", "throw",
]);

export const NONE: ReadonlySet<string> = new Set();

/** Every word tree-sitter-javascript has a keyword token for. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  ...STATEMENT_START, ...RESERVED_IDENTIFIERS,
  "default", "as", "from", "else", "in", "of", "case", "catch", "finally", "extends", "instanceof", "target",
]);
