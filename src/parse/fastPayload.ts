/**
 * A fast reader for the payload BFCL's FC-mode handlers store, and which an RL rollout engine
 * hands over when it has already cut the tool calls out: a list of one-key objects, each a
 * function name and its arguments as a JSON string (`[{"get_weather": "{\"city\": \"Paris\"}"}]`).
 * It returns exactly the calls `parse()` returns for such a payload, which it reads without a
 * repair, or `undefined` for anything else, and the full reader then runs. The full reader
 * converts the whole payload into the value model, tries five payload shapes, and collects the
 * calls with their notes; this one reads each arguments string with the same JSON reader, its
 * members straight into the call's arguments (`readJsonMembers`).
 *
 * It declines rather than guesses: an empty list, an item that is not an object of one key, a
 * key that is no function name or is one the other shapes use (`name`, `type`, `functionCall`…,
 * which would make the payload another provider's), a no-call name, arguments that are not a
 * strict JSON object (Python's quotes, an empty string, a list: each gets a note), and anything
 * past the fast readers' limits. test/parse/fastPayload.test.ts holds it to the full reader.
 */
import type { Call } from "../types.js";
import { readJsonMembers } from "../value/json.js";
import { PyDict } from "../value/value.js";
import { FAST_LIMITS } from "./fastRead.js";
import { isBfclCallKey } from "./scan/callObject.js";

/**
 * The calls of a BFCL FC result (`[{name: "<arguments JSON>"}, …]`, items plain objects or
 * {@link PyDict}s as toolgrade's JSON readers give them), or `undefined`.
 *
 * @example fastReadFcPayload([{ get_weather: '{"city": "Paris"}' }], new Set()) // [{name: "get_weather", args: Map {city: "Paris"}, positional: []}]
 * @example fastReadFcPayload([{ get_weather: "{'city': 'Paris'}" }], new Set()) // undefined: left to parse()
 */
export function fastReadFcPayload(output: unknown, noCallNames: ReadonlySet<string>): Call[] | undefined {
  if (!Array.isArray(output) || output.length === 0 || output.length > FAST_LIMITS.maxCalls) return undefined;
  // A list of one for the first call (one grown by push starts with room for seventeen).
  let calls: Call[] | undefined;
  let length = 0;
  for (const item of output) {
    let name: unknown;
    let args: unknown;
    if (item instanceof PyDict) {
      if (item.size !== 1) return undefined;
      [name, args] = item.entries[0]!;
    } else if (isPlainObject(item)) {
      let keys = 0;
      for (const k in item) {
        if (!Object.hasOwn(item, k)) return undefined;
        name = k;
        if (++keys > 1) return undefined;
      }
      if (keys !== 1) return undefined;
      args = item[name as string];
    } else return undefined;
    if (typeof name !== "string" || typeof args !== "string" || !isBfclCallKey(name) || noCallNames.has(name)) return undefined;
    length += name.length + args.length;
    if (length > FAST_LIMITS.maxLength) return undefined;
    const read = readJsonMembers(args, FAST_LIMITS.maxDepth);
    if (!read) return undefined;
    const call = { name, args: read, positional: [] };
    if (calls) calls.push(call);
    else calls = [call];
  }
  return calls;
}

/** An object of plain data, whose keys the full reader lists with `Object.keys`. */
function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== "object" || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}
