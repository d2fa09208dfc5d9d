/**
 * Java keywords and where tree-sitter-java treats them as keywords.
 *
 * tree-sitter lexes a word as a keyword only when that keyword is valid in the current parse
 * state; elsewhere it is an ordinary identifier. So `f(class="x")` and `x.default` parse, while
 * `f(new=1)` and `f(int=1)` do not (`new` and `int` can start an argument). Each set below is
 * the keywords valid at one kind of position, the union over every parse still alive there.
 */

/** Words that are also valid wherever an identifier is (`_reserved_identifier`). */
export const RESERVED_IDENTIFIERS: ReadonlySet<string> = new Set(["open", "module", "record", "with", "yield", "sealed"]);

export const PRIMITIVE_TYPES: ReadonlySet<string> = new Set([
  "byte", "short", "int", "long", "char", "float", "double", "boolean", "void",
]);

export const MODIFIERS: ReadonlySet<string> = new Set([
  "public", "protected", "private", "abstract", "static", "final", "strictfp", "default",
  "synchronized", "native", "transient", "volatile", "sealed",
]);

/** Keywords valid where an expression starts (after `=`, `(`, `,`, an operator). */
export const EXPRESSION_START: ReadonlySet<string> = new Set([
  "new", "this", "super", "switch", "true", "false", "null", ...PRIMITIVE_TYPES,
]);

/** After `(` in an expression: also the modifiers of a lambda's formal parameters. */
export const PAREN_START: ReadonlySet<string> = new Set([...EXPRESSION_START, ...MODIFIERS]);

/** Keywords valid where a statement starts. */
export const STATEMENT_START: ReadonlySet<string> = new Set([
  ...EXPRESSION_START, ...MODIFIERS,
  "if", "while", "for", "do", "try", "return", "break", "continue", "throw", "assert",
  "class", "interface", "enum", "package", "import",
]);

/** Keywords valid right after `.` in an expression (`X.class`, `X.this`, `X.super`, `x.new`). */
export const AFTER_DOT: ReadonlySet<string> = new Set(["class", "this", "super", "new"]);

/** Keywords valid where a type starts. */
export const TYPE_START: ReadonlySet<string> = PRIMITIVE_TYPES;

export const NONE: ReadonlySet<string> = new Set();

/** Every word tree-sitter-java has a keyword token for. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  ...STATEMENT_START, ...RESERVED_IDENTIFIERS,
  "instanceof", "extends", "case", "when", "catch", "finally", "else", "requires", "transitive", "exports",
  "to", "opens", "uses", "provides", "implements", "permits", "throws",
]);
