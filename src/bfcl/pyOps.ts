/**
 * The few Python container operations BFCL's checker applies to gold alternatives, with
 * Python's behaviour on odd golds: iterating a string yields its characters (simple_java_64
 * lists a bare string where a list belongs), and `x in "text"` is a substring test.
 * Where Python would raise, {@link CheckerCrash} is thrown; the checker turns it into a
 * `checker_exception` mismatch so grading never throws.
 */
import { kindOf, PyDict, PySet, PyTuple, pyEquals, pyIn, type Value } from "../value/value.js";

export class CheckerCrash extends Error {}

/** `list(x)` for the containers golds can hold. */
export function pyIter(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (typeof v === "string") return Array.from(v);
  if (v instanceof PyTuple || v instanceof PySet) return v.items;
  if (v instanceof PyDict) return v.keys();
  throw new CheckerCrash(`TypeError: '${kindOf(v)}' object is not iterable`);
}

/** `x in container`. */
export function pyContains(container: Value, x: Value): boolean {
  if (typeof container === "string") {
    if (typeof x !== "string") throw new CheckerCrash("TypeError: 'in <string>' requires string as left operand");
    return container.includes(x);
  }
  if (container instanceof PyDict) return container.has(x);
  return pyIn(x, pyIter(container));
}

/** `len(x)`. */
export function pyLen(v: Value): number {
  if (typeof v === "string") return Array.from(v).length;
  if (v instanceof PyDict) return v.size;
  return pyIter(v).length;
}

/** `a != ""`, BFCL's test for the omit sentinel. */
export function isOmitSentinel(v: Value): boolean {
  return pyEquals(v, "");
}
