/**
 * BFCL's function-calling decoder (OpenAI/Claude/Mistral handlers, spec §4.4): the result is a
 * list of `{name: "<arguments JSON>"}`; the name is each element's first key and the arguments
 * go through `json.loads`. Anything else fails the way Python fails on it: a text answer is
 * iterated character by character (so `""` decodes to no calls and other text fails), a dict
 * value instead of a JSON string fails, and JSON that is not an object decodes but later fails
 * the output-format check.
 */
import { readJson } from "../value/json.js";
import { PyDict, PySet, PyTuple, type Value } from "../value/value.js";

export type DecodeResult = { ok: true; value: Value } | { ok: false; error: string };

/** @example decodeBfclFc([PyDict.fromPairs([["f", '{"a": 1}']])]) // ok: [{'f': {'a': 1}}] */
export function decodeBfclFc(result: Value): DecodeResult {
  let items: Value[];
  if (Array.isArray(result)) items = result;
  else if (typeof result === "string") items = Array.from(result);
  else if (result instanceof PyDict) items = result.keys();
  else if (result instanceof PyTuple || result instanceof PySet) items = result.items;
  else return { ok: false, error: "TypeError: the result is not iterable" };
  const decoded: Value[] = [];
  for (const item of items) {
    if (!(item instanceof PyDict)) return { ok: false, error: "AttributeError: an element has no attribute 'keys'" };
    const first = item.entries[0];
    if (!first) return { ok: false, error: "IndexError: list index out of range" };
    const [name, args] = first;
    if (typeof args !== "string") return { ok: false, error: "TypeError: the JSON object must be str" };
    const parsed = readJson(args);
    if (!parsed.ok) return { ok: false, error: `JSONDecodeError: ${parsed.error.message}` };
    decoded.push(new PyDict([[name, parsed.value]]));
  }
  return { ok: true, value: decoded };
}
