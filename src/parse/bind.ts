/**
 * Binds positional arguments to parameter names, using the function doc (BFCL #1106, #632).
 *
 * Python binds positional arguments to the parameters in the order the function declares them;
 * the doc's property order is that order. A positional argument whose parameter was also given
 * by keyword, or beyond the last parameter, stays in `positional`. A single dict passed
 * positionally whose keys are all parameters of the doc (`f({'base': 10, 'height': 5})`) is read
 * as the keyword arguments, unless the first parameter is itself a dict. Without a doc for the
 * function, positional arguments stay where they are.
 */
import type { Call, FunctionDoc } from "../types.js";
import { PyDict, type Value } from "../value/value.js";
import { note, type Repair } from "./scan/diagnostics.js";

const DICT_TYPES: ReadonlySet<string> = new Set(["dict", "object", "HashMap", "Hashtable", "any"]);

/**
 * `call` with its positional arguments bound to names where the doc allows, and notes saying how.
 *
 * @example bindPositional({name: "area", args: new Map(), positional: [10n, 5n]}, doc)
 * // {call: {name: "area", args: Map {base: 10n, height: 5n}, positional: []}, notes: [positional_bound "0→base, 1→height"]}
 */
export function bindPositional(call: Call, doc: FunctionDoc | undefined): { call: Call; notes: Repair[] } {
  if (call.positional.length === 0) return { call, notes: [] };
  if (!doc) return { call, notes: [note("positional_unbound", `no function doc for ${call.name}`)] };
  const params = [...doc.params.keys()];
  const only = call.positional[0];
  if (call.positional.length === 1 && call.args.size === 0 && only instanceof PyDict && only.size > 0) {
    const keys = only.keys();
    const firstType = doc.params.get(params[0] ?? "")?.type ?? "";
    if (keys.every((k) => typeof k === "string" && doc.params.has(k)) && !DICT_TYPES.has(firstType)) {
      const args = new Map<string, Value>(only.entries.map(([k, v]) => [k as string, v]));
      return { call: { name: call.name, args, positional: [] }, notes: [note("dict_spread", keys.join(", "))] };
    }
  }
  const args = new Map<string, Value>();
  const left: Value[] = [];
  const bound: string[] = [];
  call.positional.forEach((v, i) => {
    const p = params[i];
    if (p === undefined || call.args.has(p)) left.push(v);
    else {
      args.set(p, v);
      bound.push(`${i}→${p}`);
    }
  });
  for (const [k, v] of call.args) args.set(k, v);
  const notes: Repair[] = [];
  if (bound.length > 0) notes.push(note("positional_bound", bound.join(", ")));
  if (left.length > 0) notes.push(note("positional_unbound", `${left.length} of ${call.positional.length} positional arguments`));
  return { call: { name: call.name, args, positional: left }, notes };
}
