/**
 * CPython 3.11's `ast.unparse` for expression trees, character for character: its precedence
 * table decides the parentheses, constants are written with `repr`, and f-strings pick their
 * quotes the way `_str_literal_helper` does.
 *
 * BFCL renders some argument values as source text this way: a call without keyword arguments
 * (`np.array([1,2])` → `"np.array([1, 2])"`) and a subscript (`data['sales']`).
 */
import { pyRepr, floatRepr } from "../../value/repr.js";
import { PyComplex } from "../../value/value.js";
import type { AnyNode, Arguments, Comprehension, ConstantValue, Expr, JoinedStr } from "./ast.js";
import { ELLIPSIS } from "./ast.js";
import { INT_MAX_STR_DIGITS } from "./numbers.js";
import { isAssignedAfterUnicode14 } from "../../value/unicode14.js";

/** Where CPython's `ast.unparse` raises `ValueError`. */
export class UnparseError extends Error {}

/**
 * The source text CPython's `ast.unparse` gives for `node`. Throws {@link UnparseError} in the two
 * cases where CPython raises: an int of more than 4300 digits, and a backslash that cannot be
 * avoided inside an f-string field. Use {@link tryUnparse} for a result instead.
 *
 * @example unparse(parse("np.array([1,2])")) // "np.array([1, 2])"
 * @example unparse(parse("(a+b)*c**-d")) // "(a + b) * c ** (-d)"
 */
export function unparse(node: Expr): string {
  return new Unparser(false).visit(node);
}

/** {@link unparse} as a result. @example tryUnparse(parse("data['sales']")) // {ok: true, text: "data['sales']"} */
export function tryUnparse(node: Expr): { ok: true; text: string } | { ok: false; error: string } {
  try {
    return { ok: true, text: unparse(node) };
  } catch (e) {
    if (e instanceof UnparseError) return { ok: false, error: e.message };
    if (e instanceof RangeError) return { ok: false, error: "RecursionError: expression too deep to unparse" };
    throw e;
  }
}

// CPython's _Precedence.
const NAMED_EXPR = 1;
const TUPLE = 2;
const YIELD = 3;
const TEST = 4;
const OR = 5;
const AND = 6;
const NOT = 7;
const CMP = 8;
const EXPR = 9;
const BOR = EXPR;
const BXOR = 10;
const BAND = 11;
const SHIFT = 12;
const ARITH = 13;
const TERM = 14;
const FACTOR = 15;
const POWER = 16;
const AWAIT = 17;
const ATOM = 18;

const next = (p: number) => Math.min(p + 1, ATOM);

const BINOP: Readonly<Record<string, readonly [string, number]>> = {
  Add: ["+", ARITH],
  Sub: ["-", ARITH],
  Mult: ["*", TERM],
  MatMult: ["@", TERM],
  Div: ["/", TERM],
  Mod: ["%", TERM],
  LShift: ["<<", SHIFT],
  RShift: [">>", SHIFT],
  BitOr: ["|", BOR],
  BitXor: ["^", BXOR],
  BitAnd: ["&", BAND],
  FloorDiv: ["//", TERM],
  Pow: ["**", POWER],
};

const UNARYOP: Readonly<Record<string, readonly [string, number]>> = {
  Invert: ["~", FACTOR],
  Not: ["not", NOT],
  UAdd: ["+", FACTOR],
  USub: ["-", FACTOR],
};

const CMPOP: Readonly<Record<string, string>> = {
  Eq: "==",
  NotEq: "!=",
  Lt: "<",
  LtE: "<=",
  Gt: ">",
  GtE: ">=",
  Is: "is",
  IsNot: "is not",
  In: "in",
  NotIn: "not in",
};

const SINGLE_QUOTES = ["'", '"'];
const MULTI_QUOTES = ['"""', "'''"];
const ALL_QUOTES = [...SINGLE_QUOTES, ...MULTI_QUOTES];

/** The smallest int CPython refuses to write in decimal (it has 4301 digits). */
let tooManyDigits: bigint | undefined;

/** What `float('inf')` is written as, so the text parses back to infinity. */
const INFSTR = "1e309";

class Unparser {
  private out: string[] = [];
  private readonly precedences = new Map<AnyNode, number>();

  constructor(private readonly avoidBackslashes: boolean) {}

  visit(node: AnyNode): string {
    this.out = [];
    this.traverse(node);
    return this.out.join("");
  }

  private write(...text: string[]): void {
    this.out.push(...text);
  }

  private precedence(node: AnyNode): number {
    return this.precedences.get(node) ?? TEST;
  }

  private setPrecedence(p: number, ...nodes: AnyNode[]): void {
    for (const n of nodes) this.precedences.set(n, p);
  }

  /** Writes `body` inside parentheses when the node binds looser than its context requires. */
  private parensIf(condition: boolean, body: () => void): void {
    if (condition) this.write("(");
    body();
    if (condition) this.write(")");
  }

  private requireParens(p: number, node: AnyNode, body: () => void): void {
    this.parensIf(this.precedence(node) > p, body);
  }

  private interleave<T>(between: () => void, each: (x: T) => void, items: readonly T[]): void {
    items.forEach((x, i) => {
      if (i > 0) between();
      each(x);
    });
  }

  private comma = () => this.write(", ");

  /** Items separated by commas, with a trailing comma for a single item (a tuple). */
  private itemsView(items: readonly Expr[]): void {
    if (items.length === 1) {
      this.traverse(items[0]!);
      this.write(",");
    } else this.interleave(this.comma, (n) => this.traverse(n), items);
  }

  private buffered(body: () => void): string {
    const saved = this.out;
    this.out = [];
    body();
    const text = this.out.join("");
    this.out = saved;
    return text;
  }

  private traverse(node: AnyNode): void {
    switch (node.type) {
      case "BoolOp": {
        const word = node.op === "And" ? "and" : "or";
        let p = node.op === "And" ? AND : OR;
        this.requireParens(p, node, () =>
          this.interleave(
            () => this.write(` ${word} `),
            (v) => {
              p = next(p);
              this.setPrecedence(p, v);
              this.traverse(v);
            },
            node.values,
          ),
        );
        return;
      }
      case "NamedExpr":
        return this.requireParens(NAMED_EXPR, node, () => {
          this.setPrecedence(ATOM, node.target, node.value);
          this.traverse(node.target);
          this.write(" := ");
          this.traverse(node.value);
        });
      case "BinOp": {
        const [op, p] = BINOP[node.op]!;
        return this.requireParens(p, node, () => {
          const rightAssoc = op === "**";
          this.setPrecedence(rightAssoc ? next(p) : p, node.left);
          this.traverse(node.left);
          this.write(` ${op} `);
          this.setPrecedence(rightAssoc ? p : next(p), node.right);
          this.traverse(node.right);
        });
      }
      case "UnaryOp": {
        const [op, p] = UNARYOP[node.op]!;
        return this.requireParens(p, node, () => {
          this.write(op);
          if (p !== FACTOR) this.write(" ");
          this.setPrecedence(p, node.operand);
          this.traverse(node.operand);
        });
      }
      case "Lambda":
        return this.requireParens(TEST, node, () => {
          this.write("lambda");
          const args = this.buffered(() => this.traverse(node.args));
          if (args) this.write(" ", args);
          this.write(": ");
          this.setPrecedence(TEST, node.body);
          this.traverse(node.body);
        });
      case "IfExp":
        return this.requireParens(TEST, node, () => {
          this.setPrecedence(next(TEST), node.body, node.test);
          this.traverse(node.body);
          this.write(" if ");
          this.traverse(node.test);
          this.write(" else ");
          this.setPrecedence(TEST, node.orelse);
          this.traverse(node.orelse);
        });
      case "Dict":
        this.write("{");
        this.interleave(
          this.comma,
          (i: number) => {
            const k = node.keys[i]!;
            const v = node.values[i]!;
            if (k === null) {
              this.write("**");
              this.setPrecedence(EXPR, v);
              this.traverse(v);
            } else {
              this.traverse(k);
              this.write(": ");
              this.traverse(v);
            }
          },
          node.values.map((_, i) => i),
        );
        this.write("}");
        return;
      case "Set":
        if (node.elts.length === 0) return this.write("{*()}");
        this.write("{");
        this.interleave(this.comma, (n) => this.traverse(n), node.elts);
        this.write("}");
        return;
      case "ListComp":
      case "GeneratorExp":
      case "SetComp": {
        const [open, close] = node.type === "ListComp" ? "[]" : node.type === "SetComp" ? "{}" : "()";
        this.write(open!);
        this.traverse(node.elt);
        for (const g of node.generators) this.traverse(g);
        this.write(close!);
        return;
      }
      case "DictComp":
        this.write("{");
        this.traverse(node.key);
        this.write(": ");
        this.traverse(node.value);
        for (const g of node.generators) this.traverse(g);
        this.write("}");
        return;
      case "Await":
        return this.requireParens(AWAIT, node, () => {
          this.write("await ");
          this.setPrecedence(ATOM, node.value);
          this.traverse(node.value);
        });
      case "Yield":
        return this.requireParens(YIELD, node, () => {
          this.write("yield");
          if (node.value) {
            this.write(" ");
            this.setPrecedence(ATOM, node.value);
            this.traverse(node.value);
          }
        });
      case "YieldFrom":
        return this.requireParens(YIELD, node, () => {
          this.write("yield from ");
          this.setPrecedence(ATOM, node.value);
          this.traverse(node.value);
        });
      case "Compare":
        return this.requireParens(CMP, node, () => {
          this.setPrecedence(next(CMP), node.left, ...node.comparators);
          this.traverse(node.left);
          node.ops.forEach((op, i) => {
            this.write(` ${CMPOP[op]} `);
            this.traverse(node.comparators[i]!);
          });
        });
      case "Call":
        this.setPrecedence(ATOM, node.func);
        this.traverse(node.func);
        this.write("(");
        this.interleave(this.comma, (n: AnyNode) => this.traverse(n), [...node.args, ...node.keywords]);
        this.write(")");
        return;
      case "FormattedValue":
        return this.formattedValue(node.value, node.conversion, node.formatSpec);
      case "JoinedStr":
        return this.joinedStr(node);
      case "Constant":
        if (node.value === ELLIPSIS) return this.write("...");
        if (node.kind === "u") this.write("u");
        return this.constant(node.value);
      case "Attribute":
        this.setPrecedence(ATOM, node.value);
        this.traverse(node.value);
        // `3.real` would be a syntax error, so an int gets a space: `3 .real`.
        if (node.value.type === "Constant" && (typeof node.value.value === "bigint" || typeof node.value.value === "boolean")) {
          this.write(" ");
        }
        this.write(".", node.attr);
        return;
      case "Subscript":
        this.setPrecedence(ATOM, node.value);
        this.traverse(node.value);
        this.write("[");
        if (node.slice.type === "Tuple" && node.slice.elts.length > 0) this.itemsView(node.slice.elts);
        else this.traverse(node.slice);
        this.write("]");
        return;
      case "Starred":
        this.write("*");
        this.setPrecedence(EXPR, node.value);
        this.traverse(node.value);
        return;
      case "Name":
        return this.write(node.id);
      case "List":
        this.write("[");
        this.interleave(this.comma, (n) => this.traverse(n), node.elts);
        this.write("]");
        return;
      case "Tuple":
        return this.parensIf(node.elts.length === 0 || this.precedence(node) > TUPLE, () => this.itemsView(node.elts));
      case "Slice":
        if (node.lower) this.traverse(node.lower);
        this.write(":");
        if (node.upper) this.traverse(node.upper);
        if (node.step) {
          this.write(":");
          this.traverse(node.step);
        }
        return;
      case "keyword":
        this.write(node.arg === null ? "**" : `${node.arg}=`);
        this.traverse(node.value);
        return;
      case "comprehension":
        return this.comprehension(node);
      case "arguments":
        return this.arguments(node);
      case "arg":
        return this.write(node.arg);
    }
  }

  private comprehension(node: Comprehension): void {
    this.write(node.isAsync ? " async for " : " for ");
    this.setPrecedence(TUPLE, node.target);
    this.traverse(node.target);
    this.write(" in ");
    this.setPrecedence(next(TEST), node.iter, ...node.ifs);
    this.traverse(node.iter);
    for (const cond of node.ifs) {
      this.write(" if ");
      this.traverse(cond);
    }
  }

  private arguments(node: Arguments): void {
    let first = true;
    const sep = () => {
      if (first) first = false;
      else this.write(", ");
    };
    const all = [...node.posonlyargs, ...node.args];
    const missing = all.length - node.defaults.length;
    all.forEach((a, i) => {
      sep();
      this.traverse(a);
      const d = i >= missing ? node.defaults[i - missing] : undefined;
      if (d) {
        this.write("=");
        this.traverse(d);
      }
      if (i + 1 === node.posonlyargs.length) this.write(", /");
    });
    if (node.vararg || node.kwonlyargs.length > 0) {
      sep();
      this.write("*");
      if (node.vararg) this.write(node.vararg.arg);
    }
    node.kwonlyargs.forEach((a, i) => {
      this.write(", ");
      this.traverse(a);
      const d = node.kwDefaults[i];
      if (d) {
        this.write("=");
        this.traverse(d);
      }
    });
    if (node.kwarg) {
      sep();
      this.write(`**${node.kwarg.arg}`);
    }
  }

  private constant(value: Exclude<ConstantValue, typeof ELLIPSIS>): void {
    if (typeof value === "number" || value instanceof PyComplex) {
      const text = typeof value === "number" ? floatRepr(value) : pyRepr(value);
      return this.write(text.replaceAll("inf", INFSTR).replaceAll("nan", `(${INFSTR}-${INFSTR})`));
    }
    if (typeof value === "bigint" && (value < 0n ? -value : value) >= (tooManyDigits ??= 10n ** BigInt(INT_MAX_STR_DIGITS))) {
      throw new UnparseError(`ValueError: Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion`);
    }
    if (this.avoidBackslashes && typeof value === "string") return this.writeStrAvoidingBackslashes(value);
    this.write(pyRepr(value));
  }

  private writeStrAvoidingBackslashes(s: string, quoteTypes: readonly string[] = ALL_QUOTES): void {
    const [text, quotes] = strLiteralHelper(s, quoteTypes, false);
    this.write(quotes[0]!, text, quotes[0]!);
  }

  private joinedStr(node: JoinedStr): void {
    this.write("f");
    if (this.avoidBackslashes) {
      const inner = this.buffered(() => this.fstringInner(node));
      return this.writeStrAvoidingBackslashes(inner);
    }
    // Escapes are preferred in the literal parts (f"{x}\n"), but never inside a field.
    let quoteTypes: readonly string[] = ALL_QUOTES;
    const parts: string[] = [];
    for (const value of node.values) {
      const text = this.buffered(() => this.fstringInner(value));
      const [escaped, quotes] = strLiteralHelper(text, quoteTypes, value.type === "Constant");
      parts.push(escaped);
      quoteTypes = quotes;
    }
    this.write(quoteTypes[0]!, parts.join(""), quoteTypes[0]!);
  }

  private fstringInner(node: AnyNode): void {
    if (node.type === "JoinedStr") {
      for (const v of node.values) this.fstringInner(v);
    } else if (node.type === "Constant" && typeof node.value === "string") {
      this.write(node.value.replaceAll("{", "{{").replaceAll("}", "}}"));
    } else if (node.type === "FormattedValue") {
      this.formattedValue(node.value, node.conversion, node.formatSpec);
    } else {
      throw new UnparseError("ValueError: Unexpected node inside JoinedStr");
    }
  }

  private formattedValue(value: Expr, conversion: number, formatSpec: JoinedStr | null): void {
    this.write("{");
    const inner = new Unparser(true);
    inner.setPrecedence(next(TEST), value);
    const expr = inner.visit(value);
    if (expr.includes("\\")) throw new UnparseError("ValueError: Unable to avoid backslash in f-string expression part");
    if (expr.startsWith("{")) this.write(" ");
    this.write(expr);
    if (conversion !== -1) this.write(`!${String.fromCharCode(conversion)}`);
    if (formatSpec) {
      this.write(":");
      this.fstringInner(formatSpec);
    }
    this.write("}");
  }
}

/** CPython's `_str_literal_helper`: escape what must be escaped and choose usable quotes. */
function strLiteralHelper(s: string, quoteTypes: readonly string[], escapeSpecialWhitespace: boolean): [string, string[]] {
  let escaped = "";
  for (const c of s) {
    if (!escapeSpecialWhitespace && (c === "\n" || c === "\t")) escaped += c;
    else if (c === "\\" || !isPrintable(c)) escaped += unicodeEscape(c);
    else escaped += c;
  }
  let possible = [...quoteTypes];
  if (escaped.includes("\n")) possible = possible.filter((q) => MULTI_QUOTES.includes(q));
  possible = possible.filter((q) => !escaped.includes(q));
  if (possible.length === 0) {
    const r = pyRepr(s);
    const quote = quoteTypes.find((q) => q.includes(r[0]!)) ?? r[0]!;
    return [r.slice(1, -1), [quote]];
  }
  if (escaped.length > 0) {
    const last = escaped[escaped.length - 1];
    // Stable sort: quotes whose character differs from the last one come first.
    possible = [...possible.filter((q) => q[0] !== last), ...possible.filter((q) => q[0] === last)];
    if (possible[0]![0] === last) escaped = `${escaped.slice(0, -1)}\\${last}`;
  }
  return [escaped, possible];
}

const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/** Python's `str.isprintable()` for one character, with Unicode 14's assignments. */
function isPrintable(c: string): boolean {
  if (c === " ") return true;
  return !NON_PRINTABLE.test(c) && !isAssignedAfterUnicode14(c.codePointAt(0)!);
}

/** Python's `c.encode("unicode_escape")` for one character. */
function unicodeEscape(c: string): string {
  switch (c) {
    case "\\":
      return "\\\\";
    case "\t":
      return "\\t";
    case "\n":
      return "\\n";
    case "\r":
      return "\\r";
  }
  const cp = c.codePointAt(0)!;
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0xff)) return `\\x${cp.toString(16).padStart(2, "0")}`;
  if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, "0")}`;
  return `\\U${cp.toString(16).padStart(8, "0")}`;
}
