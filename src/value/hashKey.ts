/**
 * Python's dict and set semantics in linear time. Keys that Python's `==` considers equal
 * (`1`, `1.0`, `True`, `(1+0j)`) share one hash key string, so building a dict or a set from n
 * items is O(n) instead of the O(n²) of comparing each new key with every earlier one.
 */
import { floatRepr } from "./repr.js";
import { PyBytes, PyComplex, PyDict, PyTuple, type Value } from "./value.js";

let nanCount = 0;

/** The key of a float/int value: ints and integral floats share one form, as 1 == 1.0. */
function realKey(x: bigint | number): string {
  if (typeof x === "bigint") return `n${x}`;
  if (Number.isNaN(x)) return `nan${nanCount++}`; // NaN equals nothing, not even another NaN
  if (Number.isInteger(x)) return `n${BigInt(x)}`;
  return `f${floatRepr(x)}`;
}

/**
 * A string that two hashable values share exactly when Python's `==` holds between them;
 * undefined for unhashable values (list, dict, set, or a tuple holding one).
 *
 * @example hashKey(1n) === hashKey(true) === hashKey(1.0) // true
 */
export function hashKey(v: Value): string | undefined {
  switch (typeof v) {
    case "boolean":
      return v ? "n1" : "n0";
    case "bigint":
    case "number":
      return realKey(v);
    case "string":
      return `s${v}`;
  }
  if (v === null) return "none";
  if (v instanceof PyComplex) {
    if (v.imag === 0) return realKey(v.real);
    return `c${realKey(v.real)},${realKey(v.imag)}`;
  }
  if (v instanceof PyBytes) return `b${Array.from(v.bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
  if (v instanceof PyTuple) {
    const parts: string[] = [];
    for (const item of v.items) {
      const k = hashKey(item);
      if (k === undefined) return undefined;
      parts.push(k);
    }
    return `t${JSON.stringify(parts)}`;
  }
  return undefined;
}

/**
 * Builds a dict as Python does: an equal key keeps its first position and takes the last value.
 *
 * @example
 * const d = new DictBuilder();
 * d.set(1n, "a"); d.set(true, "b"); d.set([], "c"); // the last returns false: unhashable
 * d.toDict(); // {1: 'b'}
 */
export class DictBuilder {
  private readonly index = new Map<string, number>();
  private readonly entries: Array<[Value, Value]> = [];

  /** Sets `key`; returns false (and does nothing) when the key is unhashable. */
  set(key: Value, value: Value): boolean {
    const k = hashKey(key);
    if (k === undefined) return false;
    const i = this.index.get(k);
    if (i === undefined) {
      this.index.set(k, this.entries.length);
      this.entries.push([key, value]);
    } else this.entries[i]![1] = value;
    return true;
  }

  get size(): number {
    return this.entries.length;
  }

  toDict(): PyDict {
    return new PyDict(this.entries);
  }
}

/**
 * The distinct items, first occurrence kept; undefined if one is unhashable.
 *
 * @example uniqueItems([1n, 1.0, "a"]) // [1n, "a"]
 */
export function uniqueItems(items: Iterable<Value>): Value[] | undefined {
  const seen = new Set<string>();
  const out: Value[] = [];
  for (const item of items) {
    const k = hashKey(item);
    if (k === undefined) return undefined;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(item);
    }
  }
  return out;
}
