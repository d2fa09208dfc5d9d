/**
 * Reads a Java argument, given as source text, into the value model for the default ruleset.
 *
 * BFCL converts Java text with regular expressions that reject idiomatic Java (bfcl-ast-spec §5.8,
 * §12 item 9): `42` for a long, `0.5d`, `.5`, quoted strings in a `String[]`, a bare
 * `Arrays.asList(...)`. This reader accepts what a Java compiler accepts for literals and the
 * common ways to build arrays, lists, sets and maps from them, recursively:
 *
 * - literals: strings and chars (Java escapes; a char becomes a one-character str), integers in
 *   decimal, hex, octal and binary with `_` and `L`, floating literals with `f`/`d` and
 *   exponents, `true`, `false`, `null`, a sign, parentheses and primitive casts (`(byte) 5`);
 * - arrays: `new T[]{...}` (any dimension), `new T[n]` (filled with Java's default value), and a
 *   bare `{...}` initializer at the top (noted: Java allows it only in a declaration);
 * - lists: `Arrays.asList`, `List.of`, `Collections.emptyList/singletonList`, `new ArrayList<>()`
 *   (also LinkedList, Vector, ArrayDeque, Stack) empty, with a capacity, copying another
 *   collection, or filled by a double-brace `add(...)` body;
 * - sets: `Set.of`, `new HashSet<>(...)`, `Collections.singleton/emptySet` become lists (noted),
 *   duplicates dropped as the set would;
 * - maps: `Map.of`, `Map.ofEntries(Map.entry(...))`, `Collections.emptyMap/singletonMap`,
 *   `new HashMap<>()` (also LinkedHashMap, TreeMap, Hashtable), copying, or double-brace `put`;
 *   a `Map.entry(k, v)` on its own is the pair `(k, v)`.
 *
 * Anything else (names, field access, other calls, `X.class`, lambdas, operators) is returned as
 * an expression. Where Java itself would refuse the value, it is an expression too: `Map.of` with
 * a repeated key or more than ten pairs, `null` inside `List.of`, `09`, an unclosed quote.
 *
 * The declared type guides numbers only: an integer literal where a `float`/`double` is declared
 * (or given by the array or generic type) is read as a float. Kinds are never crossed otherwise:
 * `"5"` stays a str and `5` stays an int whatever the parameter says; the caller decides.
 *
 * Deliberate leniencies, each noted in the result: an integer beyond the int range without `L`
 * is read as the number meant (javac rejects it); float literals keep the decimal value written
 * (`0.1f` is 0.1, not float32's 0.10000000149); a `double` element may be written as an int in
 * `new Double[]{1}` or `Arrays.asList(1)` for a `double` item type; dict keys keep source order.
 */
import { DictBuilder, uniqueItems } from "../value/hashKey.js";
import { PyDict, PyTuple, type Value } from "../value/value.js";
import { type IntToken, type NumberToken, JavaLexer, isDigit, isIdentStart } from "./source/javaLexer.js";
import {
  MAX_DEPTH,
  MAX_SOURCE_LENGTH,
  NO_HINT,
  type NumericHint,
  type SourceValueResult,
  declaredHint,
  expression,
  isFloatType,
} from "./source/sourceValue.js";

export type JavaValueResult = SourceValueResult;

/**
 * Reads Java source text as a value, or returns it as an expression. Never throws.
 *
 * @example readJavaValue("42", "long")                              // value 42n
 * @example readJavaValue('new String[]{"-v", "-p"}', "Array", "String") // value ['-v', '-p']
 * @example readJavaValue("Arrays.asList(1, 2)", "ArrayList", "double")  // value [1.0, 2.0], notes ["Arrays.asList", …]
 * @example readJavaValue("x.getY()", "String")                       // expression "x.getY()"
 */
export function readJavaValue(source: string, declaredType: string, itemType?: string): JavaValueResult {
  if (typeof source !== "string") return expression(String(source));
  if (source.length > MAX_SOURCE_LENGTH) return expression(source);
  try {
    const reader = new JavaReader(source);
    const read = reader.value(declaredHint(declaredType, itemType), 0, true);
    reader.skipSpace();
    if (reader.pos !== source.length) return expression(source);
    return { kind: "value", value: read.value, notes: [...reader.notes] };
  } catch {
    // NotAValue, or a RangeError from a runaway input: either way the text is not a value.
    return expression(source);
  }
}

/** What produced a value, where Java's typing depends on it (`Arrays.asList(array)`, casts). */
type Shape = "scalar" | "char" | "array" | "primitiveArray" | "list" | "map" | "entry";

interface Read {
  value: Value;
  shape: Shape;
}

interface TypeRef {
  name: string;
  args: TypeRef[];
  dims: number;
}

const INTEGRAL_BITS: Readonly<Record<string, number>> = { byte: 8, short: 16, char: 16, int: 32, long: 64 };
const PRIMITIVE_DEFAULTS: Readonly<Record<string, Value>> = {
  byte: 0n, short: 0n, int: 0n, long: 0n, float: 0, double: 0, boolean: false, char: "\u0000",
};
const CAST_TYPES = new Set(["byte", "short", "char", "int", "long", "float", "double"]);
const LIST_CLASSES = new Set(["ArrayList", "LinkedList", "Vector", "ArrayDeque", "Stack"]);
const SET_CLASSES = new Set(["HashSet", "LinkedHashSet"]);
const MAP_CLASSES = new Set(["HashMap", "LinkedHashMap", "TreeMap", "Hashtable"]);
const MAX_SIZED_ARRAY = 10_000;
const MAX_MAP_OF_PAIRS = 10;
/** The JVM's limit on array dimensions. */
const MAX_ARRAY_DIMS = 255;

const scalar = (value: Value): Read => ({ value, shape: "scalar" });
const itemHint = (h: NumericHint): NumericHint => h.item ?? NO_HINT;

/** `java.util.ArrayList` and `ArrayList` name the same class. */
function simpleName(path: string): string {
  return path.startsWith("java.util.") ? path.slice(10) : path;
}

/** What a written type says about its numbers: `double[]`, `List<Double>`, `Map<String, Float>`. */
function hintOfType(t: TypeRef): NumericHint {
  if (t.dims > 0) return { float: false, item: hintOfType({ ...t, dims: t.dims - 1 }) };
  if (t.args.length === 1) return { float: false, item: hintOfType(t.args[0]!) };
  if (t.args.length === 2) return { float: false, key: hintOfType(t.args[0]!), value: hintOfType(t.args[1]!) };
  return isFloatType(t.name) ? { float: true } : NO_HINT;
}

/** Two's complement wrap to `bits` (unsigned for char, as Java's char is). */
function wrap(x: bigint, bits: number, unsigned = false): bigint {
  return unsigned ? BigInt.asUintN(bits, x) : BigInt.asIntN(bits, x);
}

class JavaReader extends JavaLexer {
  readonly notes = new Set<string>();

  value(hint: NumericHint, depth: number, initializerOk: boolean): Read {
    if (depth > MAX_DEPTH) this.fail();
    this.skipSpace();
    const c = this.code();
    switch (c) {
      case 34: // "
        return scalar(this.string());
      case 39: // '
        this.notes.add("char literal");
        return { value: this.char(), shape: "char" };
      case 45: // -
      case 43: // +
        return this.unary(hint, depth);
      case 40: // (
        return this.parenthesized(hint, depth);
      case 123: // {
        if (!initializerOk) this.fail();
        if (depth === 0) this.notes.add("bare array initializer");
        return { value: this.arrayInit(itemHint(hint), depth), shape: "array" };
    }
    if (isDigit(c) || (c === 46 && isDigit(this.code(this.pos + 1)))) return scalar(this.numberValue(this.number(), hint, false));
    if (isIdentStart(c)) return this.named(hint, depth);
    return this.fail();
  }

  private numberValue(token: NumberToken, hint: NumericHint, negated: boolean): bigint | number {
    if (token.kind === "float") {
      if (token.suffix === "f") this.notes.add("float suffix f");
      if (token.suffix === "d") this.notes.add("double suffix d");
      return negated ? -token.value : token.value;
    }
    const n = this.intValue(token, negated);
    if (!hint.float) return n;
    this.notes.add("integer literal read as floating point");
    return Number(n);
  }

  /** Applies Java's range rules: decimal literals are bounded, others wrap (`0xFFFFFFFF` is -1). */
  private intValue(token: IntToken, negated: boolean): bigint {
    const bits = token.long ? 64 : 32;
    if (token.long) this.notes.add("long suffix L");
    if (token.radix !== 10) this.notes.add(token.radix === 16 ? "hex literal" : token.radix === 8 ? "octal literal" : "binary literal");
    let n = token.digits;
    const limit = 1n << BigInt(bits - 1);
    if (token.radix === 10) {
      if (n > limit || (n === limit && !negated)) this.notes.add(token.long ? "literal beyond long range" : "integer literal beyond int range without L");
    } else if (n < 2n * limit) {
      const wrapped = wrap(n, bits);
      if (wrapped !== n) this.notes.add(`${token.long ? "long" : "int"} literal wraps to a negative value`);
      return wrap(negated ? -wrapped : wrapped, bits); // -0x80000000 overflows back to itself
    } else this.notes.add(token.long ? "literal beyond long range" : "integer literal beyond int range without L");
    return negated ? -n : n;
  }

  private unary(hint: NumericHint, depth: number): Read {
    const op = this.code();
    this.pos++;
    if (this.code() === op) this.fail(); // -- and ++ are not signs
    if (op === 43) this.notes.add("unary plus");
    this.skipSpace();
    const c = this.code();
    if (isDigit(c) || (c === 46 && isDigit(this.code(this.pos + 1)))) return scalar(this.numberValue(this.number(), hint, op === 45));
    const inner = this.value(hint, depth + 1, false).value;
    if (typeof inner === "bigint") return scalar(op === 45 ? -inner : inner);
    if (typeof inner === "number") return scalar(op === 45 ? -inner : inner);
    return this.fail();
  }

  private parenthesized(hint: NumericHint, depth: number): Read {
    this.pos++;
    this.skipSpace();
    const save = this.pos;
    if (isIdentStart(this.code())) {
      const name = this.ident();
      this.skipSpace();
      if (CAST_TYPES.has(name) && this.code() === 41) {
        this.pos++;
        return this.cast(name, this.value(NO_HINT, depth + 1, false));
      }
      this.pos = save;
    }
    const inner = this.value(hint, depth + 1, false);
    this.skipSpace();
    this.expect(41);
    return inner;
  }

  /** A primitive cast of a number or char, with Java's truncation and narrowing. */
  private cast(type: string, operand: Read): Read {
    let v = operand.value;
    if (operand.shape === "char" && typeof v === "string") v = BigInt(v.charCodeAt(0));
    if (typeof v !== "bigint" && typeof v !== "number") return this.fail();
    this.notes.add(`cast to ${type}`);
    if (type === "float" || type === "double") return scalar(Number(v));
    const bits = INTEGRAL_BITS[type]!;
    let n: bigint;
    if (typeof v === "bigint") n = v;
    else if (Number.isNaN(v)) n = 0n;
    else {
      // Java saturates a floating value to the int (or long) range, then narrows.
      const range = bits === 64 ? 64 : 32;
      const t = Math.trunc(v);
      const max = (1n << BigInt(range - 1)) - 1n;
      n = t >= Number(max) ? max : t <= -Number(max) - 1 ? -max - 1n : BigInt(t);
    }
    n = wrap(n, bits, type === "char");
    return type === "char" ? { value: String.fromCharCode(Number(n)), shape: "char" } : scalar(n);
  }

  /** `true`, `false`, `null`, `new …`, or a static call such as `Arrays.asList(…)`. */
  private named(hint: NumericHint, depth: number): Read {
    const first = this.ident();
    switch (first) {
      case "true":
        return scalar(true);
      case "false":
        return scalar(false);
      case "null":
        return scalar(null);
      case "new":
        return this.creator(hint, depth);
    }
    const path = [first];
    for (;;) {
      const save = this.pos;
      this.skipSpace();
      if (this.code() !== 46) {
        this.pos = save;
        break;
      }
      this.pos++;
      this.skipSpace();
      if (this.code() === 60) this.typeArgs(depth); // explicit type witness: Arrays.<String>asList
      this.skipSpace();
      path.push(this.ident());
    }
    this.skipSpace();
    if (this.code() !== 40) this.fail(); // a name or field access is an expression
    return this.staticCall(simpleName(path.join(".")), hint, depth);
  }

  private staticCall(name: string, hint: NumericHint, depth: number): Read {
    const item = itemHint(hint);
    const key = hint.key ?? NO_HINT;
    const val = hint.value ?? NO_HINT;
    switch (name) {
      case "Arrays.asList": {
        this.notes.add("Arrays.asList");
        const args = this.args(() => item, depth);
        // A reference-type array passed alone is the varargs array itself.
        if (args.length === 1 && args[0]!.shape === "array") return { value: args[0]!.value, shape: "list" };
        return { value: args.map((a) => a.value), shape: "list" };
      }
      case "List.of":
        this.notes.add("List.of");
        return { value: this.noNulls(this.args(() => item, depth)), shape: "list" };
      case "Set.of": {
        this.notes.add("Set.of read as a list");
        const items = this.noNulls(this.args(() => item, depth));
        const unique = uniqueItems(items);
        if (unique !== undefined && unique.length !== items.length) this.fail(); // IllegalArgumentException
        return { value: items, shape: "list" };
      }
      case "Collections.emptyList":
      case "Collections.emptySet":
        this.notes.add(name);
        if (this.args(() => item, depth).length !== 0) this.fail();
        return { value: [], shape: "list" };
      case "Collections.singletonList":
      case "Collections.singleton": {
        this.notes.add(name);
        const args = this.args(() => item, depth);
        if (args.length !== 1) this.fail();
        return { value: [args[0]!.value], shape: "list" };
      }
      case "Map.of": {
        this.notes.add("Map.of");
        const args = this.noNulls(this.args((i) => (i % 2 === 0 ? key : val), depth));
        if (args.length % 2 !== 0 || args.length > 2 * MAX_MAP_OF_PAIRS) this.fail();
        const pairs: Array<[Value, Value]> = [];
        for (let i = 0; i < args.length; i += 2) pairs.push([args[i]!, args[i + 1]!]);
        return { value: this.uniqueMap(pairs), shape: "map" };
      }
      case "Map.ofEntries": {
        this.notes.add("Map.ofEntries");
        const args = this.args(() => hint, depth);
        const pairs = args.map((a): [Value, Value] => {
          if (a.shape !== "entry" || !(a.value instanceof PyTuple)) return this.fail();
          return [a.value.items[0]!, a.value.items[1]!];
        });
        return { value: this.uniqueMap(pairs), shape: "map" };
      }
      case "Map.entry": {
        this.notes.add("Map.entry");
        const args = this.noNulls(this.args((i) => (i === 0 ? key : val), depth));
        if (args.length !== 2) this.fail();
        return { value: new PyTuple(args), shape: "entry" };
      }
      case "Collections.emptyMap":
        this.notes.add(name);
        if (this.args(() => hint, depth).length !== 0) this.fail();
        return { value: new PyDict(), shape: "map" };
      case "Collections.singletonMap": {
        this.notes.add(name);
        const args = this.args((i) => (i === 0 ? key : val), depth);
        if (args.length !== 2) this.fail();
        return { value: this.uniqueMap([[args[0]!.value, args[1]!.value]]), shape: "map" };
      }
    }
    return this.fail();
  }

  private noNulls(args: Read[]): Value[] {
    const values = args.map((a) => a.value);
    if (values.includes(null)) this.fail(); // NullPointerException in the immutable factories
    return values;
  }

  /** A map where a repeated (or unhashable) key makes the text an expression, as in `Map.of`. */
  private uniqueMap(pairs: Array<[Value, Value]>): PyDict {
    const d = new DictBuilder();
    for (const [k, v] of pairs) if (!d.set(k, v)) this.fail();
    if (d.size !== pairs.length) this.fail();
    return d.toDict();
  }

  /** Arguments in parentheses; `hintAt(i)` reads the i-th. */
  private args(hintAt: (i: number) => NumericHint, depth: number): Read[] {
    this.expect(40);
    const out: Read[] = [];
    this.skipSpace();
    if (this.code() === 41) {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(hintAt(out.length), depth + 1, false));
      this.skipSpace();
      if (this.code() === 44) this.pos++;
      else {
        this.expect(41);
        return out;
      }
    }
  }

  /** The elements of `{a, b, …}` (a trailing comma allowed, as in Java). */
  private arrayInit(hint: NumericHint, depth: number): Value[] {
    this.expect(123);
    const out: Value[] = [];
    for (;;) {
      this.skipSpace();
      if (this.code() === 125) break;
      out.push(this.value(hint, depth + 1, true).value);
      this.skipSpace();
      if (this.code() !== 44) break;
      this.pos++;
    }
    this.expect(125);
    return out;
  }

  /** A type: a qualified name, type arguments, array dimensions. */
  private typeRef(depth: number): TypeRef {
    if (depth > MAX_DEPTH) this.fail();
    this.skipSpace();
    if (this.code() === 63) {
      // ?, ? extends T, ? super T
      this.pos++;
      this.skipSpace();
      if (!isIdentStart(this.code())) return { name: "", args: [], dims: 0 };
      const bound = this.ident();
      if (bound !== "extends" && bound !== "super") this.fail();
      const t = this.typeRef(depth + 1);
      return bound === "extends" ? t : { name: "", args: [], dims: 0 };
    }
    const name = this.qualifiedName();
    this.skipSpace();
    const args = this.code() === 60 ? this.typeArgs(depth) : [];
    let dims = 0;
    for (this.skipSpace(); this.code() === 91; this.skipSpace()) {
      this.pos++;
      this.skipSpace();
      this.expect(93);
      if (++dims > MAX_ARRAY_DIMS) this.fail();
    }
    return { name, args, dims };
  }

  private typeArgs(depth: number): TypeRef[] {
    this.expect(60);
    const out: TypeRef[] = [];
    this.skipSpace();
    if (this.code() === 62) {
      this.pos++;
      return out; // the diamond
    }
    for (;;) {
      out.push(this.typeRef(depth + 1));
      this.skipSpace();
      if (this.code() === 44) this.pos++;
      else {
        this.expect(62);
        return out;
      }
    }
  }

  private qualifiedName(): string {
    let name = this.ident();
    for (;;) {
      const save = this.pos;
      this.skipSpace();
      if (this.code() !== 46) {
        this.pos = save;
        return name;
      }
      this.pos++;
      this.skipSpace();
      name += `.${this.ident()}`;
    }
  }

  /** After `new`: an array creation or a collection, map or String constructor. */
  private creator(hint: NumericHint, depth: number): Read {
    this.skipSpace();
    const name = simpleName(this.qualifiedName());
    this.skipSpace();
    const typeArgs = this.code() === 60 ? this.typeArgs(depth) : undefined;
    this.skipSpace();
    if (this.code() === 91 && typeArgs === undefined) return this.arrayCreation(name, depth);
    if (this.code() !== 40) this.fail();
    if (name === "String" && typeArgs === undefined) {
      this.notes.add("new String(...)");
      const args = this.args(() => NO_HINT, depth);
      if (args.length === 0) return scalar("");
      if (args.length !== 1 || typeof args[0]!.value !== "string" || args[0]!.shape !== "scalar") this.fail();
      return scalar(args[0]!.value);
    }
    const own = typeArgs === undefined || typeArgs.length === 0 ? hint : hintOfType({ name, args: typeArgs, dims: 0 });
    if (LIST_CLASSES.has(name) || SET_CLASSES.has(name)) return this.listCreation(name, own, depth);
    if (MAP_CLASSES.has(name)) return this.mapCreation(name, own, depth);
    return this.fail();
  }

  private arrayCreation(element: string, depth: number): Read {
    let dims = 0;
    let size: bigint | undefined;
    for (this.skipSpace(); this.code() === 91; this.skipSpace()) {
      this.pos++;
      this.skipSpace();
      if (this.code() !== 93) {
        if (dims > 0 || !isDigit(this.code())) this.fail(); // only new T[n], with a literal n
        const token = this.number();
        if (token.kind !== "int" || token.long) this.fail();
        size = token.digits;
        this.skipSpace();
      }
      this.expect(93);
      dims++;
    }
    if (dims > MAX_ARRAY_DIMS) this.fail();
    const primitive = Object.hasOwn(PRIMITIVE_DEFAULTS, element);
    const shape: Shape = dims === 1 && primitive ? "primitiveArray" : "array";
    if (size !== undefined) {
      if (dims !== 1 || size > MAX_SIZED_ARRAY) this.fail();
      this.notes.add("sized array filled with default values");
      const fill = primitive ? PRIMITIVE_DEFAULTS[element]! : null;
      return { value: new Array<Value>(Number(size)).fill(fill), shape };
    }
    this.notes.add("array creation");
    const hint = hintOfType({ name: element, args: [], dims: dims - 1 });
    this.skipSpace();
    return { value: this.arrayInit(hint, depth), shape };
  }

  private listCreation(name: string, hint: NumericHint, depth: number): Read {
    const isSet = SET_CLASSES.has(name);
    this.notes.add(isSet ? `${name} read as a list` : `new ${name}`);
    const args = this.args(() => hint, depth);
    let items: Value[];
    if (args.length === 0) items = [];
    else if (args.length === 1 && args[0]!.shape === "scalar" && typeof args[0]!.value === "bigint") {
      this.notes.add("initial capacity ignored");
      items = [];
    } else if (args.length === 1 && args[0]!.shape === "list") items = [...(args[0]!.value as Value[])];
    else return this.fail();
    if (this.bodyFollows()) items.push(...this.doubleBraceAdds(itemHint(hint), depth));
    return { value: isSet ? (uniqueItems(items) ?? items) : items, shape: "list" };
  }

  private mapCreation(name: string, hint: NumericHint, depth: number): Read {
    this.notes.add(`new ${name}`);
    const args = this.args(() => hint, depth);
    const d = new DictBuilder();
    if (args.length === 1 && args[0]!.shape === "map") for (const [k, v] of (args[0]!.value as PyDict).entries) d.set(k, v);
    else if (args.length === 1 && args[0]!.shape === "scalar" && typeof args[0]!.value === "bigint") this.notes.add("initial capacity ignored");
    else if (args.length !== 0) this.fail();
    if (this.bodyFollows()) this.doubleBracePuts(d, hint, depth);
    return { value: d.toDict(), shape: "map" };
  }

  private bodyFollows(): boolean {
    const save = this.pos;
    this.skipSpace();
    if (this.code() === 123) return true;
    this.pos = save;
    return false;
  }

  /** The statements of `{{ add(x); this.add(y); }}`, as values. */
  private doubleBraceAdds(hint: NumericHint, depth: number): Value[] {
    const out: Value[] = [];
    this.doubleBrace((method) => {
      const args = this.args(() => (method === "add" ? hint : { float: false, item: hint }), depth);
      if (args.length !== 1) this.fail();
      const arg = args[0]!;
      if (method === "add") out.push(arg.value);
      else if (method === "addAll" && arg.shape === "list") out.push(...(arg.value as Value[]));
      else this.fail();
    });
    return out;
  }

  /** The statements of `{{ put(k, v); … }}`, into `d` (a repeated key takes the last value). */
  private doubleBracePuts(d: DictBuilder, hint: NumericHint, depth: number): void {
    const key = hint.key ?? NO_HINT;
    const val = hint.value ?? NO_HINT;
    this.doubleBrace((method) => {
      if (method === "put") {
        const args = this.args((i) => (i === 0 ? key : val), depth);
        if (args.length !== 2 || !d.set(args[0]!.value, args[1]!.value)) this.fail();
      } else if (method === "putAll") {
        const args = this.args(() => hint, depth);
        if (args.length !== 1 || args[0]!.shape !== "map") this.fail();
        for (const [k, v] of (args[0]!.value as PyDict).entries) d.set(k, v);
      } else this.fail();
    });
  }

  /** An anonymous subclass whose only member is an instance initializer of method calls. */
  private doubleBrace(statement: (method: string) => void): void {
    this.notes.add("double-brace initializer");
    this.expect(123);
    this.skipSpace();
    this.expect(123);
    for (;;) {
      this.skipSpace();
      const c = this.code();
      if (c === 125) break;
      if (c === 59) {
        this.pos++;
        continue;
      }
      let method = this.ident();
      if (method === "this" || method === "super") {
        this.skipSpace();
        this.expect(46);
        this.skipSpace();
        method = this.ident();
      }
      this.skipSpace();
      statement(method);
      this.skipSpace();
      this.expect(59);
    }
    this.expect(125);
    this.skipSpace();
    this.expect(125);
  }
}
