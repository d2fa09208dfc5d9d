/**
 * Writes a value as JSON text without losing its Python kind where JSON can say it: an int is
 * written as digits (any size), a float always with a fraction or exponent (`5.0`, `1e+16`), so
 * Python's `json.loads` and toolgrade's `readJson` read back the same kinds. Tuples and sets
 * become arrays, dicts objects (non-string keys written as their Python repr), bytes and complex
 * numbers their repr; infinities and NaN are written as Python's json module writes them.
 *
 * @example toJsonText(PyDict.fromPairs([["n", 5.0], ["k", 5n]])) // '{"n": 5.0, "k": 5}'
 */
import { floatRepr, pyRepr } from "./repr.js";
import { PyBytes, PyComplex, PyDict, PySet, PyTuple, type Value } from "./value.js";

export function toJsonText(v: Value): string {
  switch (typeof v) {
    case "boolean":
      return v ? "true" : "false";
    case "bigint":
      return v.toString();
    case "number":
      if (Number.isNaN(v)) return "NaN";
      if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
      return floatRepr(v);
    case "string":
      return JSON.stringify(v);
  }
  if (v === null) return "null";
  if (Array.isArray(v)) return `[${v.map(toJsonText).join(", ")}]`;
  if (v instanceof PyTuple || v instanceof PySet) return `[${v.items.map(toJsonText).join(", ")}]`;
  if (v instanceof PyDict) {
    return `{${v.entries.map(([k, x]) => `${JSON.stringify(typeof k === "string" ? k : pyRepr(k))}: ${toJsonText(x)}`).join(", ")}}`;
  }
  if (v instanceof PyBytes || v instanceof PyComplex) return JSON.stringify(pyRepr(v));
  return "null";
}
