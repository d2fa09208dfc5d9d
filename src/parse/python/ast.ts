/**
 * The Python expression AST: the node kinds and fields of CPython 3.11's `ast` module, for the
 * expression grammar only (what `ast.parse(s, mode="eval")` can produce).
 *
 * Field names follow CPython's, in camelCase (`format_spec` → `formatSpec`), so a reader of the
 * `ast` docs or of BFCL's decoder recognises every node. Operators are the names of CPython's
 * operator classes (`"Add"`, `"USub"`, `"NotIn"`). The load/store context is not stored: it is
 * implied by position (comprehension and walrus targets store, everything else loads).
 * Every node carries `start`/`end` offsets into the parsed source (UTF-16 code units).
 */
import type { PyBytes, PyComplex } from "../../value/value.js";

/** The value of `...`. */
export const ELLIPSIS: unique symbol = Symbol("Ellipsis");

/** What a `Constant` node can hold: the literal kinds of Python plus `...`. */
export type ConstantValue = null | boolean | bigint | number | string | PyBytes | PyComplex | typeof ELLIPSIS;

export type BinOperator =
  | "Add"
  | "Sub"
  | "Mult"
  | "MatMult"
  | "Div"
  | "Mod"
  | "Pow"
  | "LShift"
  | "RShift"
  | "BitOr"
  | "BitXor"
  | "BitAnd"
  | "FloorDiv";

export type UnaryOperator = "Invert" | "Not" | "UAdd" | "USub";

export type CmpOperator = "Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE" | "Is" | "IsNot" | "In" | "NotIn";

interface Span {
  start: number;
  end: number;
}

export interface BoolOp extends Span {
  type: "BoolOp";
  op: "And" | "Or";
  values: Expr[];
}
export interface NamedExpr extends Span {
  type: "NamedExpr";
  target: Name;
  value: Expr;
}
export interface BinOp extends Span {
  type: "BinOp";
  left: Expr;
  op: BinOperator;
  right: Expr;
}
export interface UnaryOp extends Span {
  type: "UnaryOp";
  op: UnaryOperator;
  operand: Expr;
}
export interface Lambda extends Span {
  type: "Lambda";
  args: Arguments;
  body: Expr;
}
export interface IfExp extends Span {
  type: "IfExp";
  test: Expr;
  body: Expr;
  orelse: Expr;
}
export interface Dict extends Span {
  type: "Dict";
  /** `null` marks a `**mapping` entry, as in CPython. */
  keys: Array<Expr | null>;
  values: Expr[];
}
export interface SetDisplay extends Span {
  type: "Set";
  elts: Expr[];
}
export interface ListComp extends Span {
  type: "ListComp";
  elt: Expr;
  generators: Comprehension[];
}
export interface SetComp extends Span {
  type: "SetComp";
  elt: Expr;
  generators: Comprehension[];
}
export interface DictComp extends Span {
  type: "DictComp";
  key: Expr;
  value: Expr;
  generators: Comprehension[];
}
export interface GeneratorExp extends Span {
  type: "GeneratorExp";
  elt: Expr;
  generators: Comprehension[];
}
export interface Await extends Span {
  type: "Await";
  value: Expr;
}
export interface Yield extends Span {
  type: "Yield";
  value: Expr | null;
}
export interface YieldFrom extends Span {
  type: "YieldFrom";
  value: Expr;
}
export interface Compare extends Span {
  type: "Compare";
  left: Expr;
  ops: CmpOperator[];
  comparators: Expr[];
}
export interface Call extends Span {
  type: "Call";
  func: Expr;
  args: Expr[];
  keywords: Keyword[];
}
export interface FormattedValue extends Span {
  type: "FormattedValue";
  value: Expr;
  /** -1 for none, else the char code of `s`, `r` or `a` (CPython's encoding). */
  conversion: number;
  formatSpec: JoinedStr | null;
}
export interface JoinedStr extends Span {
  type: "JoinedStr";
  values: Array<Constant | FormattedValue>;
}
export interface Constant extends Span {
  type: "Constant";
  value: ConstantValue;
  /** `"u"` when the first string token had a lowercase `u` prefix (CPython keeps it for unparse). */
  kind: "u" | null;
}
export interface Attribute extends Span {
  type: "Attribute";
  value: Expr;
  attr: string;
}
export interface Subscript extends Span {
  type: "Subscript";
  value: Expr;
  slice: Expr;
}
export interface Starred extends Span {
  type: "Starred";
  value: Expr;
}
export interface Name extends Span {
  type: "Name";
  /** NFKC-normalised, as CPython stores identifiers. */
  id: string;
}
export interface List extends Span {
  type: "List";
  elts: Expr[];
}
export interface Tuple extends Span {
  type: "Tuple";
  elts: Expr[];
}
export interface Slice extends Span {
  type: "Slice";
  lower: Expr | null;
  upper: Expr | null;
  step: Expr | null;
}

export type Expr =
  | BoolOp
  | NamedExpr
  | BinOp
  | UnaryOp
  | Lambda
  | IfExp
  | Dict
  | SetDisplay
  | ListComp
  | SetComp
  | DictComp
  | GeneratorExp
  | Await
  | Yield
  | YieldFrom
  | Compare
  | Call
  | FormattedValue
  | JoinedStr
  | Constant
  | Attribute
  | Subscript
  | Starred
  | Name
  | List
  | Tuple
  | Slice;

export interface Keyword extends Span {
  type: "keyword";
  /** `null` for `**mapping`. */
  arg: string | null;
  value: Expr;
}

/** One `for … in … if …` clause. CPython gives it no position; ours spans `for` to the last `if`. */
export interface Comprehension extends Span {
  type: "comprehension";
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  isAsync: boolean;
}

export interface Arguments {
  type: "arguments";
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** One entry per keyword-only argument; `null` where it has no default. */
  kwDefaults: Array<Expr | null>;
  kwarg: Arg | null;
  /** Defaults of the last `defaults.length` positional arguments. */
  defaults: Expr[];
}

export interface Arg extends Span {
  type: "arg";
  arg: string;
}

/** Any node of the tree, including the helper nodes CPython also counts as tree levels. */
export type AnyNode = Expr | Keyword | Comprehension | Arguments | Arg;

/**
 * Calls `visit` on each direct child node, in CPython's field order.
 *
 * @example forEachChild(binOp, (child) => count++) // visits left, then right
 */
export function forEachChild(node: AnyNode, visit: (child: AnyNode) => void): void {
  const all = (nodes: ReadonlyArray<AnyNode | null>) => {
    for (const n of nodes) if (n) visit(n);
  };
  switch (node.type) {
    case "BoolOp":
      return all(node.values);
    case "NamedExpr":
      return all([node.target, node.value]);
    case "BinOp":
      return all([node.left, node.right]);
    case "UnaryOp":
      return visit(node.operand);
    case "Lambda":
      return all([node.args, node.body]);
    case "IfExp":
      return all([node.test, node.body, node.orelse]);
    case "Dict":
      all(node.keys);
      return all(node.values);
    case "Set":
    case "List":
    case "Tuple":
      return all(node.elts);
    case "ListComp":
    case "SetComp":
    case "GeneratorExp":
      visit(node.elt);
      return all(node.generators);
    case "DictComp":
      all([node.key, node.value]);
      return all(node.generators);
    case "Await":
    case "YieldFrom":
    case "Starred":
    case "Attribute":
      return visit(node.value);
    case "Yield":
      return all([node.value]);
    case "Compare":
      visit(node.left);
      return all(node.comparators);
    case "Call":
      visit(node.func);
      all(node.args);
      return all(node.keywords);
    case "FormattedValue":
      return all([node.value, node.formatSpec]);
    case "JoinedStr":
      return all(node.values);
    case "Subscript":
      return all([node.value, node.slice]);
    case "Slice":
      return all([node.lower, node.upper, node.step]);
    case "keyword":
      return visit(node.value);
    case "comprehension":
      all([node.target, node.iter]);
      return all(node.ifs);
    case "arguments":
      all(node.posonlyargs);
      all(node.args);
      all([node.vararg]);
      all(node.kwonlyargs);
      all(node.kwDefaults);
      all([node.kwarg]);
      return all(node.defaults);
    case "Constant":
    case "Name":
    case "arg":
      return;
  }
}

/**
 * Depth of the tree, counted as CPython counts it when it builds Python objects from the AST
 * (every node is a level; operators and contexts are not). Iterative, so any tree can be measured.
 *
 * @example treeDepth(parse("-1")) // 2: UnaryOp, Constant
 */
export function treeDepth(root: AnyNode): number {
  let max = 0;
  const stack: Array<[AnyNode, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) max = depth;
    forEachChild(node, (child) => stack.push([child, depth + 1]));
  }
  return max;
}
