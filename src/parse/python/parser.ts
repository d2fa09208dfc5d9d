/**
 * A recursive-descent parser for Python 3.11's expression grammar: it accepts exactly what
 * `ast.parse(src, mode="eval")` accepts and builds the same tree (see ast.ts).
 *
 * Each method is named after the grammar rule it implements (python.gram: `disjunction`,
 * `star_named_expression`, …). Binary operators use precedence climbing and prefix operators a
 * loop, so only brackets, `**`, lambda and conditional expressions recurse. Limits, each a clear
 * error instead of a stack overflow or a hang:
 * - brackets nested more than `maxBracketDepth` (CPython's tokenizer: 200);
 * - trees deeper than `maxDepth` (CPython fails near 3000 levels when it converts its tree to
 *   Python objects; the exact figure depends on the caller's stack, so ours is approximate);
 * - sources longer than `maxLength`.
 */
import type {
  Arg,
  Arguments,
  CmpOperator,
  Comprehension,
  Expr,
  Keyword,
  Name,
  Starred,
  Tuple,
  BinOperator,
  UnaryOperator,
} from "./ast.js";
import { ELLIPSIS, treeDepth } from "./ast.js";
import { SyntaxErrorSignal, fail, syntaxError, type PySyntaxError } from "./errors.js";
import { concatenateStrings } from "./fstring.js";
import { numberValue } from "./numbers.js";
import { KEYWORDS, Tokenizer, type Token } from "./tokenizer.js";

export interface ParseOptions {
  /** Most brackets open at once. Default 200, as CPython. */
  maxBracketDepth?: number;
  /** Deepest tree accepted, counting the root `Expression` CPython wraps it in. Default 2976. */
  maxDepth?: number;
  /** Longest source accepted, in UTF-16 code units. Default 1,000,000. */
  maxLength?: number;
}

export type ParseResult = { ok: true; node: Expr } | { ok: false; error: PySyntaxError };

const DEFAULTS: Required<ParseOptions> = { maxBracketDepth: 200, maxDepth: 2976, maxLength: 1_000_000 };

/**
 * Parses a Python expression as `ast.parse(src, mode="eval")` does. Never throws.
 *
 * @example
 * parsePythonExpression("f(a=1)")
 * // {ok: true, node: {type: "Call", func: {type: "Name", id: "f"}, args: [], keywords: [{arg: "a", …}], …}}
 * parsePythonExpression("f(a=1))")
 * // {ok: false, error: {message: "unmatched ')' (1:6)", offset: 6, line: 1, col: 6}}
 */
export function parsePythonExpression(src: string, options: ParseOptions = {}): ParseResult {
  const opts = { ...DEFAULTS, ...options };
  try {
    if (src.length > opts.maxLength) fail(`source is longer than the limit of ${opts.maxLength} characters`, opts.maxLength);
    const nul = src.indexOf("\0");
    if (nul >= 0) fail("source code string cannot contain null bytes", nul);
    const lone = firstLoneSurrogate(src);
    if (lone >= 0) fail("source code string contains a lone surrogate", lone);
    const parser = new Parser(src, new Tokenizer(src, 0, src.length, opts), opts);
    const node = parser.evalInput();
    if (treeDepth(node) + 1 > opts.maxDepth) fail(`expression nested too deeply (more than ${opts.maxDepth} levels)`, node.start);
    return { ok: true, node };
  } catch (e) {
    if (e instanceof SyntaxErrorSignal) return { ok: false, error: syntaxError(src, e.reason, e.offset) };
    if (e instanceof RangeError) return { ok: false, error: syntaxError(src, "expression nested too deeply", 0) };
    throw e;
  }
}

/** `String.prototype.isWellFormed` (ES2024; Node 20 has it), when the engine has it. */
const wellFormed = (String.prototype as { isWellFormed?: (this: string) => boolean }).isWellFormed;

/** Offset of the first unpaired surrogate (CPython cannot encode the text to UTF-8), or -1. */
function firstLoneSurrogate(src: string): number {
  // Native and fast on the usual text; the loop below only finds where the surrogate is.
  if (wellFormed && wellFormed.call(src)) return -1;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < src.length) {
      const d = src.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) return i;
  }
  return -1;
}

const BINARY: Readonly<Record<string, readonly [number, BinOperator]>> = {
  "|": [1, "BitOr"],
  "^": [2, "BitXor"],
  "&": [3, "BitAnd"],
  "<<": [4, "LShift"],
  ">>": [4, "RShift"],
  "+": [5, "Add"],
  "-": [5, "Sub"],
  "*": [6, "Mult"],
  "/": [6, "Div"],
  "//": [6, "FloorDiv"],
  "%": [6, "Mod"],
  "@": [6, "MatMult"],
};

const UNARY: Readonly<Record<string, UnaryOperator>> = { "+": "UAdd", "-": "USub", "~": "Invert" };

const COMPARISON: Readonly<Record<string, CmpOperator>> = {
  "==": "Eq",
  "!=": "NotEq",
  "<": "Lt",
  "<=": "LtE",
  ">": "Gt",
  ">=": "GtE",
};

/** `True`, `False`, `None`: keywords that are whole expressions. */
const LITERAL_NAMES: ReadonlySet<string> = new Set(["True", "False", "None"]);

/** Operators after which no expression continues: separators and closing brackets. */
const EXPRESSION_ENDS: ReadonlySet<string> = new Set([",", ")", "]", "}", ":", "=", ";"]);

class Parser {
  /** Tokens read ahead: the next one, and the one after it. */
  private first: Token | undefined;
  private second: Token | undefined;
  /** Open recursive rules; bounded so that no input can exhaust the JavaScript stack. */
  private nesting = 0;
  private readonly maxNesting: number;

  constructor(
    private readonly src: string,
    private readonly tokens: Tokenizer,
    private readonly opts: Required<ParseOptions>,
  ) {
    this.maxNesting = opts.maxDepth + opts.maxBracketDepth;
  }

  // ---- token helpers

  /** The next token (`k = 0`) or the one after it (`k = 1`): the grammar never looks further. */
  private peek(k: 0 | 1 = 0): Token {
    const first = (this.first ??= this.tokens.next());
    return k === 0 ? first : (this.second ??= this.tokens.next());
  }

  private next(): Token {
    const t = this.peek();
    this.first = this.second;
    this.second = undefined;
    return t;
  }

  private isOp(value: string, k: 0 | 1 = 0): boolean {
    const t = this.peek(k);
    return t.type === "op" && t.value === value;
  }

  private isKeyword(value: string, k: 0 | 1 = 0): boolean {
    const t = this.peek(k);
    return t.type === "name" && t.value === value;
  }

  /** A name token that is not a keyword. */
  private isIdentifier(k: 0 | 1 = 0): boolean {
    const t = this.peek(k);
    return t.type === "name" && !KEYWORDS.has(t.value);
  }

  private eatOp(value: string): Token | undefined {
    return this.isOp(value) ? this.next() : undefined;
  }

  private expectOp(value: string): Token {
    if (!this.isOp(value)) this.unexpected(`expected '${value}'`);
    return this.next();
  }

  private expectKeyword(value: string): Token {
    if (!this.isKeyword(value)) this.unexpected(`expected '${value}'`);
    return this.next();
  }

  private unexpected(hint?: string): never {
    const t = this.peek();
    let what: string;
    if (t.type === "end") what = "unexpected end of input";
    else if (t.type === "newline") what = "unexpected end of line";
    else what = `unexpected '${t.value.length > 20 ? `${t.value.slice(0, 20)}…` : t.value}'`;
    return fail(hint ? `${what}, ${hint}` : what, t.start);
  }

  private identifier(): Name {
    if (!this.isIdentifier()) this.unexpected("expected a name");
    const t = this.next();
    return { type: "Name", id: normalizeIdentifier(t.value), start: t.start, end: t.end };
  }

  private enter(at: number): void {
    if (++this.nesting > this.maxNesting) fail("expression nested too deeply", at);
  }

  private leave(): void {
    this.nesting--;
  }

  // ---- entry points

  /** `eval: expressions NEWLINE* ENDMARKER` */
  evalInput(): Expr {
    const body = this.expressions();
    while (this.peek().type === "newline") this.next();
    if (this.peek().type !== "end") this.unexpected();
    return body;
  }

  /** An f-string field: the tokens are `( text )`, parsed as `star_expressions`. */
  fieldInput(): Expr {
    const node = this.starExpressions();
    if (this.peek().type !== "end") this.unexpected();
    return node;
  }

  private parseField = (from: number, to: number): Expr => {
    const tokens = new Tokenizer(this.src, from, to, { maxBracketDepth: this.opts.maxBracketDepth, wrapInParens: true });
    const sub = new Parser(this.src, tokens, this.opts);
    sub.nesting = this.nesting;
    return sub.fieldInput();
  };

  // ---- expressions

  /** `expressions: expression (',' expression)* [',']` */
  private expressions(): Expr {
    const first = this.expression();
    if (!this.isOp(",")) return first;
    const elts = [first];
    while (this.eatOp(",")) {
      const t = this.peek();
      if (t.type === "newline" || t.type === "end") break;
      elts.push(this.expression());
    }
    return this.tuple(elts, first.start, elts[elts.length - 1]!.end);
  }

  /** `star_expressions: star_expression (',' star_expression)* [',']` */
  private starExpressions(): Expr {
    const first = this.starExpression();
    if (!this.isOp(",")) return first;
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.atExpressionEnd()) break;
      elts.push(this.starExpression());
    }
    return this.tuple(elts, first.start, elts[elts.length - 1]!.end);
  }

  private atExpressionEnd(): boolean {
    const t = this.peek();
    return t.type === "newline" || t.type === "end" || (t.type === "op" && (t.value === ")" || t.value === "]" || t.value === "}"));
  }

  /** `star_expression: '*' bitwise_or | expression` */
  private starExpression(): Expr {
    const star = this.eatOp("*");
    if (!star) return this.expression();
    const value = this.bitwiseOr();
    return { type: "Starred", value, start: star.start, end: value.end };
  }

  /** `expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef` */
  private expression(): Expr {
    const t = this.peek();
    // A lone literal or name (most argument values) is its own expression: skip the precedence chain.
    if ((t.type === "number" || (t.type === "name" && (!KEYWORDS.has(t.value) || LITERAL_NAMES.has(t.value)))) && this.nesting < this.maxNesting && this.endsExpression(this.peek(1))) {
      return this.atom();
    }
    if (t.type === "name" && t.value === "lambda") return this.lambda();
    this.enter(this.peek().start);
    const body = this.disjunction();
    let node = body;
    if (this.isKeyword("if")) {
      this.next();
      const test = this.disjunction();
      this.expectKeyword("else");
      const orelse = this.expression();
      node = { type: "IfExp", test, body, orelse, start: body.start, end: orelse.end };
    }
    this.leave();
    return node;
  }

  /** A token no operator or trailer starts: what follows a complete expression. */
  private endsExpression(t: Token): boolean {
    if (t.type === "op") return EXPRESSION_ENDS.has(t.value);
    return t.type === "newline" || t.type === "end";
  }

  /** `named_expression: NAME ':=' expression | expression !':='` */
  private namedExpression(): Expr {
    if (this.isIdentifier() && this.isOp(":=", 1)) {
      const target = this.identifier();
      this.next();
      const value = this.expression();
      return { type: "NamedExpr", target, value, start: target.start, end: value.end };
    }
    const node = this.expression();
    if (this.isOp(":=")) fail("cannot use assignment expressions with this target", node.start);
    return node;
  }

  /** `star_named_expression: '*' bitwise_or | named_expression` */
  private starNamedExpression(): Expr {
    const star = this.eatOp("*");
    if (!star) return this.namedExpression();
    const value = this.bitwiseOr();
    return { type: "Starred", value, start: star.start, end: value.end };
  }

  private disjunction(): Expr {
    return this.boolChain("or");
  }

  private conjunction(): Expr {
    return this.boolChain("and");
  }

  /** `a or b or …` over conjunctions, `a and b and …` over inversions (no closure per call: this runs for every value). */
  private boolChain(keyword: "or" | "and"): Expr {
    const first = keyword === "or" ? this.conjunction() : this.inversion();
    if (!this.isKeyword(keyword)) return first;
    const values = [first];
    while (this.isKeyword(keyword)) {
      this.next();
      values.push(keyword === "or" ? this.conjunction() : this.inversion());
    }
    return { type: "BoolOp", op: keyword === "or" ? "Or" : "And", values, start: first.start, end: values[values.length - 1]!.end };
  }

  /** `inversion: 'not' inversion | comparison`, as a loop. */
  private inversion(): Expr {
    const nots: Token[] = [];
    while (this.isKeyword("not")) nots.push(this.next());
    let node = this.comparison();
    for (let i = nots.length - 1; i >= 0; i--) {
      node = { type: "UnaryOp", op: "Not", operand: node, start: nots[i]!.start, end: node.end };
    }
    return node;
  }

  private comparison(): Expr {
    const left = this.bitwiseOr();
    const ops: CmpOperator[] = [];
    const comparators: Expr[] = [];
    for (;;) {
      const op = this.comparisonOperator();
      if (!op) break;
      ops.push(op);
      comparators.push(this.bitwiseOr());
    }
    if (ops.length === 0) return left;
    return { type: "Compare", left, ops, comparators, start: left.start, end: comparators[comparators.length - 1]!.end };
  }

  /** Consumes a comparison operator (`not in` and `is not` are two tokens) and names it. */
  private comparisonOperator(): CmpOperator | undefined {
    const t = this.peek();
    if (t.type === "op") {
      const op = COMPARISON[t.value];
      if (op) this.next();
      return op;
    }
    if (t.type !== "name") return undefined;
    if (t.value === "in") {
      this.next();
      return "In";
    }
    if (t.value === "not" && this.isKeyword("in", 1)) {
      this.next();
      this.next();
      return "NotIn";
    }
    if (t.value === "is") {
      this.next();
      if (!this.isKeyword("not")) return "Is";
      this.next();
      return "IsNot";
    }
    return undefined;
  }

  private bitwiseOr(): Expr {
    return this.binary(1);
  }

  /** Precedence climbing over `bitwise_or` … `term`; every level is left-associative. */
  private binary(minPrecedence: number): Expr {
    let left = this.factor();
    for (;;) {
      const t = this.peek();
      const entry = t.type === "op" ? BINARY[t.value] : undefined;
      if (!entry || entry[0] < minPrecedence) return left;
      this.next();
      const right = this.binary(entry[0] + 1);
      left = { type: "BinOp", left, op: entry[1], right, start: left.start, end: right.end };
    }
  }

  /** `factor: ('+' | '-' | '~') factor | power`, as a loop. */
  private factor(): Expr {
    const ops: Token[] = [];
    while (this.peek().type === "op" && UNARY[this.peek().value]) ops.push(this.next());
    let node = this.power();
    for (let i = ops.length - 1; i >= 0; i--) {
      const t = ops[i]!;
      node = { type: "UnaryOp", op: UNARY[t.value]!, operand: node, start: t.start, end: node.end };
    }
    return node;
  }

  /** `power: await_primary '**' factor | await_primary`: right-associative, tighter than a unary on its left. */
  private power(): Expr {
    const base = this.awaitPrimary();
    if (!this.eatOp("**")) return base;
    this.enter(base.start);
    const exponent = this.factor();
    this.leave();
    return { type: "BinOp", left: base, op: "Pow", right: exponent, start: base.start, end: exponent.end };
  }

  private awaitPrimary(): Expr {
    if (!this.isKeyword("await")) return this.primary();
    const t = this.next();
    const value = this.primary();
    return { type: "Await", value, start: t.start, end: value.end };
  }

  /** `primary`: an atom followed by `.name`, `(args)` and `[slices]` trailers. */
  private primary(): Expr {
    let node = this.atom();
    for (;;) {
      if (this.eatOp(".")) {
        const name = this.identifier();
        node = { type: "Attribute", value: node, attr: name.id, start: node.start, end: name.end };
      } else if (this.isOp("(")) node = this.call(node);
      else if (this.isOp("[")) node = this.subscript(node);
      else return node;
    }
  }

  private atom(): Expr {
    const t = this.peek();
    switch (t.type) {
      case "name":
        if (t.value === "True" || t.value === "False" || t.value === "None") {
          this.next();
          const value = t.value === "None" ? null : t.value === "True";
          return { type: "Constant", value, kind: null, start: t.start, end: t.end };
        }
        return this.identifier();
      case "number":
        this.next();
        return { type: "Constant", value: numberValue(t.value, t.start), kind: null, start: t.start, end: t.end };
      case "string": {
        const run: Token[] = [];
        while (this.peek().type === "string") run.push(this.next());
        return concatenateStrings(this.src, run, this.parseField);
      }
      case "op":
        if (t.value === "(") return this.parenthesized();
        if (t.value === "[") return this.listDisplay();
        if (t.value === "{") return this.braceDisplay();
        if (t.value === "...") {
          this.next();
          return { type: "Constant", value: ELLIPSIS, kind: null, start: t.start, end: t.end };
        }
    }
    return this.unexpected();
  }

  /** `tuple | group | genexp`, and `(yield …)`. */
  private parenthesized(): Expr {
    const open = this.next();
    this.enter(open.start);
    let node: Expr;
    if (this.isOp(")")) node = this.tuple([], open.start, this.next().end);
    else if (this.isKeyword("yield")) {
      node = this.yieldExpression();
      this.expectOp(")");
    } else {
      const first = this.starNamedExpression();
      if (first.type !== "Starred" && this.atComprehension()) {
        const generators = this.comprehensionClauses();
        node = { type: "GeneratorExp", elt: first, generators, start: open.start, end: this.expectOp(")").end };
      } else if (this.isOp(")")) {
        if (first.type === "Starred") fail("cannot use starred expression here", first.start);
        this.next();
        node = first;
      } else {
        this.expectOp(",");
        const elts = [first];
        while (!this.isOp(")")) {
          elts.push(this.starNamedExpression());
          if (!this.eatOp(",")) break;
        }
        node = this.tuple(elts, open.start, this.expectOp(")").end);
      }
    }
    this.leave();
    return node;
  }

  /** `yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]` */
  private yieldExpression(): Expr {
    const t = this.next();
    if (this.isKeyword("from")) {
      this.next();
      const value = this.expression();
      return { type: "YieldFrom", value, start: t.start, end: value.end };
    }
    if (this.isOp(")")) return { type: "Yield", value: null, start: t.start, end: t.end };
    const value = this.starExpressions();
    return { type: "Yield", value, start: t.start, end: value.end };
  }

  /** `list | listcomp` */
  private listDisplay(): Expr {
    const open = this.next();
    this.enter(open.start);
    let node: Expr;
    if (this.isOp("]")) node = { type: "List", elts: [], start: open.start, end: this.next().end };
    else {
      const first = this.starNamedExpression();
      if (first.type !== "Starred" && this.atComprehension()) {
        const generators = this.comprehensionClauses();
        node = { type: "ListComp", elt: first, generators, start: open.start, end: this.expectOp("]").end };
      } else {
        const elts = this.restOfSequence(first, "]");
        node = { type: "List", elts, start: open.start, end: this.expectOp("]").end };
      }
    }
    this.leave();
    return node;
  }

  /** More comma-separated `star_named_expression`s after `first`, up to `close` (not consumed). */
  private restOfSequence(first: Expr, close: string): Expr[] {
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.isOp(close)) break;
      elts.push(this.starNamedExpression());
    }
    return elts;
  }

  /** `dict | set | dictcomp | setcomp` */
  private braceDisplay(): Expr {
    const open = this.next();
    this.enter(open.start);
    let node: Expr;
    if (this.isOp("}")) node = { type: "Dict", keys: [], values: [], start: open.start, end: this.next().end };
    else if (this.isOp("**")) node = this.dictDisplay(open.start, null, this.doubleStarred());
    else {
      const walrus = this.isIdentifier() && this.isOp(":=", 1);
      const first = this.starNamedExpression();
      if (this.isOp(":") && first.type !== "Starred") {
        if (walrus) fail("cannot use an assignment expression as a dictionary key", first.start);
        this.next();
        const value = this.expression();
        if (this.atComprehension()) {
          const generators = this.comprehensionClauses();
          node = { type: "DictComp", key: first, value, generators, start: open.start, end: this.expectOp("}").end };
        } else node = this.dictDisplay(open.start, first, value);
      } else if (first.type !== "Starred" && this.atComprehension()) {
        const generators = this.comprehensionClauses();
        node = { type: "SetComp", elt: first, generators, start: open.start, end: this.expectOp("}").end };
      } else {
        const elts = this.restOfSequence(first, "}");
        node = { type: "Set", elts, start: open.start, end: this.expectOp("}").end };
      }
    }
    this.leave();
    return node;
  }

  private doubleStarred(): Expr {
    this.next();
    return this.bitwiseOr();
  }

  /** The rest of a dict display whose first entry is `firstKey: firstValue` (`null` key: `**`). */
  private dictDisplay(start: number, firstKey: Expr | null, firstValue: Expr): Expr {
    const keys: Array<Expr | null> = [firstKey];
    const values: Expr[] = [firstValue];
    while (this.eatOp(",")) {
      if (this.isOp("}")) break;
      if (this.isOp("**")) {
        keys.push(null);
        values.push(this.doubleStarred());
        continue;
      }
      keys.push(this.expression());
      this.expectOp(":");
      values.push(this.expression());
    }
    return { type: "Dict", keys, values, start, end: this.expectOp("}").end };
  }

  private atComprehension(): boolean {
    return this.isKeyword("for") || (this.isKeyword("async") && this.isKeyword("for", 1));
  }

  /** `for_if_clauses`: `[async] for targets in disjunction (if disjunction)*`, one or more. */
  private comprehensionClauses(): Comprehension[] {
    const generators: Comprehension[] = [];
    while (this.atComprehension()) {
      const first = this.next();
      const isAsync = first.value === "async";
      if (isAsync) this.next();
      const target = this.starTargets();
      this.expectKeyword("in");
      const iter = this.disjunction();
      const ifs: Expr[] = [];
      while (this.isKeyword("if")) {
        this.next();
        ifs.push(this.disjunction());
      }
      const last = ifs.length > 0 ? ifs[ifs.length - 1]! : iter;
      generators.push({ type: "comprehension", target, iter, ifs, isAsync, start: first.start, end: last.end });
    }
    return generators;
  }

  /** `star_targets`: assignment targets of a comprehension, up to `in`. */
  private starTargets(): Expr {
    const first = this.starTarget();
    if (!this.isOp(",")) return first;
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.isKeyword("in")) break;
      elts.push(this.starTarget());
    }
    return this.tuple(elts, first.start, elts[elts.length - 1]!.end);
  }

  private starTarget(): Expr {
    const star = this.eatOp("*");
    if (star && this.isOp("*")) this.unexpected();
    const node = this.primary();
    if (!isTarget(node)) fail(`cannot assign to ${describeTarget(node)}`, node.start);
    if (!star) return node;
    const starred: Starred = { type: "Starred", value: node, start: star.start, end: node.end };
    return starred;
  }

  /** `primary '(' [arguments] ')'`, and `primary genexp`. */
  private call(func: Expr): Expr {
    const open = this.next();
    this.enter(open.start);
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    let sawKeyword = false;
    let sawDoubleStar = false;
    while (!this.isOp(")")) {
      const t = this.peek();
      if (this.eatOp("*")) {
        if (sawDoubleStar) fail("iterable argument unpacking follows keyword argument unpacking", t.start);
        const value = this.expression();
        args.push({ type: "Starred", value, start: t.start, end: value.end });
      } else if (this.eatOp("**")) {
        const value = this.expression();
        keywords.push({ type: "keyword", arg: null, value, start: t.start, end: value.end });
        sawDoubleStar = true;
      } else if (this.isIdentifier() && this.isOp("=", 1)) {
        const name = this.identifier();
        this.next();
        const value = this.expression();
        keywords.push({ type: "keyword", arg: name.id, value, start: name.start, end: value.end });
        sawKeyword = true;
      } else {
        const value = this.namedExpression();
        if (this.atComprehension()) {
          if (args.length > 0 || keywords.length > 0) fail("Generator expression must be parenthesized", value.start);
          const generators = this.comprehensionClauses();
          const close = this.peek();
          if (!this.isOp(")")) fail("Generator expression must be parenthesized", value.start);
          args.push({ type: "GeneratorExp", elt: value, generators, start: open.start, end: close.end });
          break;
        }
        if (this.isOp("=")) fail('expression cannot contain assignment, perhaps you meant "=="?', value.start);
        if (sawDoubleStar) fail("positional argument follows keyword argument unpacking", value.start);
        if (sawKeyword) fail("positional argument follows keyword argument", value.start);
        args.push(value);
      }
      if (!this.eatOp(",")) break;
    }
    const close = this.expectOp(")");
    this.leave();
    return { type: "Call", func, args, keywords, start: func.start, end: close.end };
  }

  /** `primary '[' slices ']'` */
  private subscript(value: Expr): Expr {
    const open = this.next();
    this.enter(open.start);
    const first = this.sliceItem();
    let slice: Expr = first;
    if (first.type === "Starred" || this.isOp(",")) {
      const elts = [first];
      while (this.eatOp(",")) {
        if (this.isOp("]")) break;
        elts.push(this.sliceItem());
      }
      slice = this.tuple(elts, first.start, elts[elts.length - 1]!.end);
    }
    const close = this.expectOp("]");
    this.leave();
    return { type: "Subscript", value, slice, start: value.start, end: close.end };
  }

  /** `slice | starred_expression`, where `slice: [expression] ':' [expression] [':' [expression]] | named_expression` */
  private sliceItem(): Expr {
    const star = this.eatOp("*");
    if (star) {
      const value = this.expression();
      return { type: "Starred", value, start: star.start, end: value.end };
    }
    const start = this.peek().start;
    if (this.isIdentifier() && this.isOp(":=", 1)) return this.namedExpression();
    const lower = this.isOp(":") ? null : this.expression();
    if (!this.isOp(":")) {
      if (this.isOp(":=")) fail("cannot use assignment expressions with this target", start);
      return lower!;
    }
    let end = this.next().end;
    const endsPart = () => this.isOp(":") || this.isOp(",") || this.isOp("]");
    const upper = endsPart() ? null : this.expression();
    if (upper) end = upper.end;
    let step: Expr | null = null;
    if (this.isOp(":")) {
      end = this.next().end;
      step = this.isOp(",") || this.isOp("]") ? null : this.expression();
      if (step) end = step.end;
    }
    return { type: "Slice", lower, upper, step, start, end };
  }

  /** `lambdef: 'lambda' [lambda_params] ':' expression` */
  private lambda(): Expr {
    const t = this.next();
    this.enter(t.start);
    const args = this.lambdaParameters();
    this.expectOp(":");
    const body = this.expression();
    this.leave();
    return { type: "Lambda", args, body, start: t.start, end: body.end };
  }

  /** `lambda_params`: CPython's ordering rules for `/`, defaults, `*`, keyword-only and `**`. */
  private lambdaParameters(): Arguments {
    const args: Arguments = { type: "arguments", posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kwDefaults: [], kwarg: null, defaults: [] };
    let afterStar = false;
    let bareStar = -1;
    while (!this.isOp(":")) {
      const t = this.peek();
      if (this.eatOp("/")) {
        if (afterStar) fail("/ must be ahead of *", t.start);
        if (args.posonlyargs.length > 0) fail("/ may appear only once", t.start);
        if (args.args.length === 0) fail("at least one argument must precede /", t.start);
        args.posonlyargs = args.args;
        args.args = [];
      } else if (this.eatOp("*")) {
        if (afterStar) fail("* argument may appear only once", t.start);
        afterStar = true;
        if (this.isIdentifier()) args.vararg = this.arg();
        else bareStar = t.start;
      } else if (this.eatOp("**")) {
        args.kwarg = this.arg();
        this.eatOp(",");
        if (!this.isOp(":")) fail("arguments cannot follow var-keyword argument", this.peek().start);
        break;
      } else {
        const arg = this.arg();
        const value = this.eatOp("=") ? this.expression() : null;
        if (afterStar) {
          args.kwonlyargs.push(arg);
          args.kwDefaults.push(value);
          bareStar = -1;
        } else if (value) args.defaults.push(value);
        else if (args.defaults.length > 0) fail("non-default argument follows default argument", arg.start);
        else args.args.push(arg);
        if (!afterStar && value) args.args.push(arg);
      }
      if (!this.eatOp(",")) break;
    }
    if (bareStar >= 0) fail("named arguments must follow bare *", bareStar);
    return args;
  }

  private arg(): Arg {
    const name = this.identifier();
    return { type: "arg", arg: name.id, start: name.start, end: name.end };
  }

  private tuple(elts: Expr[], start: number, end: number): Tuple {
    return { type: "Tuple", elts, start, end };
  }
}

/** What a comprehension may assign to (`star_target` without the star). */
function isTarget(node: Expr): boolean {
  switch (node.type) {
    case "Name":
    case "Attribute":
    case "Subscript":
      return true;
    case "Tuple":
    case "List":
      return node.elts.every((e) => (e.type === "Starred" ? e.value.type !== "Starred" && isTarget(e.value) : isTarget(e)));
    default:
      return false;
  }
}

function describeTarget(node: Expr): string {
  switch (node.type) {
    case "Constant":
      return "literal";
    case "Call":
      return "function call";
    default:
      return "expression";
  }
}

/** CPython stores identifiers NFKC-normalised (`ｆ` is `f`). */
function normalizeIdentifier(raw: string): string {
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) >= 0x80) return raw.normalize("NFKC");
  return raw;
}
