/**
 * Converts plain JavaScript data (what `JSON.parse` or a provider SDK returns) into the value
 * model. Plain objects become {@link PyDict}; an integral number becomes an int, since the
 * float-ness of `5.0` is already lost once JavaScript has parsed it. Read JSON text with
 * `readJson` instead when int and float must stay apart.
 *
 * @example fromJs({ city: "Paris", days: 3 }) // PyDict {city: "Paris", days: 3n}
 */
import { PyDict, PyTuple, PySet, PyBytes, PyComplex, type Value } from "./value.js";

/** Deepest payload nesting converted; deeper (or cyclic) data is refused. */
export const MAX_PAYLOAD_DEPTH = 1000;

export function fromJs(x: unknown, depth = 0): Value {
  if (depth > MAX_PAYLOAD_DEPTH) throw new RangeError(`fromJs: nesting deeper than ${MAX_PAYLOAD_DEPTH}`);
  if (x === null || x === undefined) return null;
  switch (typeof x) {
    case "boolean":
    case "string":
    case "bigint":
      return x;
    case "number":
      return Number.isInteger(x) && Number.isSafeInteger(x) ? BigInt(x) : x;
  }
  if (Array.isArray(x)) return x.map((v) => fromJs(v, depth + 1));
  if (x instanceof PyDict || x instanceof PyTuple || x instanceof PySet || x instanceof PyBytes || x instanceof PyComplex) return x;
  if (x instanceof Map) return PyDict.fromPairs([...x].map(([k, v]) => [fromJs(k, depth + 1), fromJs(v, depth + 1)]));
  if (typeof x === "object") {
    return PyDict.fromPairs(Object.keys(x).map((k) => [k, fromJs((x as Record<string, unknown>)[k], depth + 1)]));
  }
  return String(x);
}

/**
 * {@link fromJs} for model output: a payload nested deeper than {@link MAX_PAYLOAD_DEPTH} levels
 * (or cyclic) is a reason, not an exception, so graders can make it a verdict.
 *
 * @example readPayloadValue([[[{ f: "{}" }]]]) // { ok: true, value: [[[PyDict {f: "{}"}]]] }
 */
export function readPayloadValue(x: unknown): { ok: true; value: Value } | { ok: false; reason: string } {
  if (typeof x === "string") return { ok: true, value: x };
  try {
    return { ok: true, value: fromJs(x) };
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, reason: `the payload is nested deeper than ${MAX_PAYLOAD_DEPTH} levels (or is cyclic)` };
    throw e;
  }
}
