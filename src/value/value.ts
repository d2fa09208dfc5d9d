/**
 * The value model: one representation of Python values, used by every parser, gold and checker.
 *
 * BFCL's checker compares Python objects, so a faithful grader must keep apart what JavaScript
 * merges: `1` (int) from `1.0` (float) from `True` (bool), a tuple from a list, a dict with
 * non-string keys from a JSON object. The mapping is chosen so the common kinds stay native and
 * fast to test with `typeof`:
 *
 * | Python   | here                                  |
 * |----------|---------------------------------------|
 * | None     | `null`                                |
 * | bool     | `boolean`                             |
 * | int      | `bigint` (arbitrary size, exact)      |
 * | float    | `number` (IEEE double, as in CPython) |
 * | str      | `string`                              |
 * | list     | `Value[]`                             |
 * | tuple    | {@link PyTuple}                       |
 * | set      | {@link PySet}                         |
 * | dict     | {@link PyDict} (ordered, any key)     |
 * | bytes    | {@link PyBytes}                       |
 * | complex  | {@link PyComplex}                     |
 *
 * Dicts never become JavaScript objects, so no key from model output (`__proto__`,
 * `constructor`) can reach `Object.prototype`.
 */

export type Value =
  | null
  | boolean
  | bigint
  | number
  | string
  | Value[]
  | PyTuple
  | PySet
  | PyDict
  | PyBytes
  | PyComplex;

/** A Python tuple. `new PyTuple([1n, 2n])` is `(1, 2)`. */
export class PyTuple {
  constructor(readonly items: Value[]) {}
}

/** A Python set, in insertion order (Python's own order is hash-based; reprs of sets are not compared). */
export class PySet {
  constructor(readonly items: Value[]) {}
}

/** Python bytes. */
export class PyBytes {
  constructor(readonly bytes: Uint8Array) {}
}

/** A Python complex number. `new PyComplex(0, 2)` is `2j`. */
export class PyComplex {
  constructor(
    readonly real: number,
    readonly imag: number,
  ) {}
}

/**
 * A Python dict: ordered entries with keys of any hashable kind.
 *
 * Lookups by string key go through a lazily built index, so dicts with string keys (every
 * JSON object, every keyword-argument map) are O(1) to query after the first lookup.
 *
 * @example
 * const d = PyDict.fromPairs([["unit", "celsius"]]);
 * d.get("unit"); // "celsius"
 */
/** Dicts up to this size find string keys by scanning rather than through an index. */
const SCAN_LIMIT = 8;

export class PyDict {
  private index: Map<string, number> | undefined;

  constructor(readonly entries: Array<[Value, Value]> = []) {}

  static fromPairs(pairs: Iterable<readonly [Value, Value]>): PyDict {
    const d = new PyDict();
    for (const [k, v] of pairs) d.set(k, v);
    return d;
  }

  get size(): number {
    return this.entries.length;
  }

  /** Sets a key, keeping the position of an existing equal key (Python's rule). */
  set(key: Value, value: Value): void {
    const i = this.indexOf(key);
    if (i >= 0) this.entries[i] = [this.entries[i]![0], value];
    else {
      this.entries.push([key, value]);
      if (this.index && typeof key === "string") this.index.set(key, this.entries.length - 1);
    }
  }

  has(key: Value): boolean {
    return this.indexOf(key) >= 0;
  }

  get(key: Value): Value | undefined {
    const i = this.indexOf(key);
    return i >= 0 ? this.entries[i]![1] : undefined;
  }

  keys(): Value[] {
    return this.entries.map((e) => e[0]);
  }

  indexOf(key: Value): number {
    if (typeof key === "string") {
      const entries = this.entries;
      // Small dicts (nearly every call's arguments) are faster to scan than to index.
      if (entries.length <= SCAN_LIMIT) {
        for (let i = 0; i < entries.length; i++) if (entries[i]![0] === key) return i;
        return -1;
      }
      if (!this.index) {
        this.index = new Map();
        this.entries.forEach(([k], i) => {
          if (typeof k === "string" && !this.index!.has(k)) this.index!.set(k, i);
        });
      }
      return this.index.get(key) ?? -1;
    }
    return this.entries.findIndex(([k]) => pyEquals(k, key));
  }
}

/** Python's type name of a value: `int`, `float`, `str`, `NoneType`, … */
export type PyKind =
  | "NoneType"
  | "bool"
  | "int"
  | "float"
  | "str"
  | "list"
  | "tuple"
  | "set"
  | "dict"
  | "bytes"
  | "complex";

export function kindOf(v: Value): PyKind {
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "bigint":
      return "int";
    case "number":
      return "float";
    case "string":
      return "str";
  }
  if (v === null) return "NoneType";
  if (Array.isArray(v)) return "list";
  if (v instanceof PyDict) return "dict";
  if (v instanceof PyTuple) return "tuple";
  if (v instanceof PySet) return "set";
  if (v instanceof PyBytes) return "bytes";
  return "complex";
}

/** Numeric view of bool/int/float for cross-kind comparison; undefined for other kinds. */
function numeric(v: Value): bigint | number | undefined {
  if (typeof v === "bigint" || typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1n : 0n;
  return undefined;
}

function numEquals(a: bigint | number, b: bigint | number): boolean {
  if (typeof a === "bigint" && typeof b === "bigint") return a === b;
  if (typeof a === "number" && typeof b === "number") return a === b;
  // int vs float: exact comparison, as Python does (no rounding of the int).
  const [i, f] = typeof a === "bigint" ? [a, b as number] : [b as bigint, a as number];
  if (!Number.isFinite(f) || !Number.isInteger(f)) return false;
  return BigInt(f) === i;
}

/**
 * Python `==`: `1 == 1.0 == True`, `[1] == [1.0]`, but a list never equals a tuple and `'1' != 1`.
 *
 * @example pyEquals(1n, 1.0) // true
 */
export function pyEquals(a: Value, b: Value): boolean {
  if (a === b) return typeof a !== "number" || !Number.isNaN(a);
  const na = numeric(a);
  if (na !== undefined) {
    if (b instanceof PyComplex) return b.imag === 0 && numEquals(na, b.real);
    const nb = numeric(b);
    return nb !== undefined && numEquals(na, nb);
  }
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a)) return Array.isArray(b) && seqEquals(a, b);
  if (a instanceof PyTuple) return b instanceof PyTuple && seqEquals(a.items, b.items);
  if (a instanceof PyDict) {
    if (!(b instanceof PyDict) || a.size !== b.size) return false;
    for (const [k, v] of a.entries) {
      const other = b.get(k);
      if (other === undefined || !pyEquals(v, other)) return false;
    }
    return true;
  }
  if (a instanceof PySet) {
    if (!(b instanceof PySet)) return false;
    const ua = uniq(a.items);
    const ub = uniq(b.items);
    return ua.length === ub.length && ua.every((x) => ub.some((y) => pyEquals(x, y)));
  }
  if (a instanceof PyBytes) {
    return b instanceof PyBytes && a.bytes.length === b.bytes.length && a.bytes.every((x, i) => x === b.bytes[i]);
  }
  if (a instanceof PyComplex) {
    if (b instanceof PyComplex) return a.real === b.real && a.imag === b.imag;
    const nb = numeric(b);
    return nb !== undefined && a.imag === 0 && numEquals(nb, a.real);
  }
  return false;
}

function seqEquals(a: Value[], b: Value[]): boolean {
  return a.length === b.length && a.every((x, i) => pyEquals(x, b[i]!));
}

function uniq(items: Value[]): Value[] {
  const out: Value[] = [];
  for (const x of items) if (!out.some((y) => pyEquals(x, y))) out.push(x);
  return out;
}

/** Python's `x in list` (uses `==`). */
export function pyIn(x: Value, list: readonly Value[]): boolean {
  for (const y of list) if (pyEquals(x, y)) return true;
  return false;
}
