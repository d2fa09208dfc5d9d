/**
 * A concrete syntax tree shaped like tree-sitter's, which is what BFCL's Java and JavaScript
 * decoders walk: every token is a child (anonymous tokens such as `(` keep their text as type),
 * comments sit between the children they fall between, and a token that error recovery
 * invented is `missing` and zero-width.
 *
 * Offsets are UTF-16 indices into the text that was parsed.
 */

export interface CstNode {
  /** Node type (`method_invocation`) or, for an anonymous token, its text (`(`). */
  readonly type: string;
  readonly named: boolean;
  readonly start: number;
  readonly end: number;
  readonly children: readonly CstNode[];
  /** The field name this node has in its parent (`object`, `arguments`), if any. */
  field?: string;
  /** True for a zero-width token that tree-sitter's error recovery inserted (`(MISSING ";")`). */
  readonly missing?: boolean;
}

/** A token-level node. */
export function leaf(type: string, named: boolean, start: number, end: number, missing = false): CstNode {
  return missing ? { type, named, start, end, children: [], missing } : { type, named, start, end, children: [] };
}

/** tree-sitter's `child_by_field_name`: the first child carrying the field. */
export function childByField(node: CstNode, field: string): CstNode | undefined {
  for (const c of node.children) if (c.field === field) return c;
  return undefined;
}

/** Sets the field of a node and returns it (tree-sitter fields label a child in its parent). */
export function withField<T extends CstNode | null>(node: T, field: string): T {
  if (node) node.field = field;
  return node;
}
