/**
 * Finding an entry's function doc by name, for every ruleset and reader. Graders look a doc up
 * for each output they read, so each docs array gets its by-name map once (entries are not
 * mutated after loading).
 */
import type { FunctionDoc } from "./types.js";

const BY_NAME = new WeakMap<readonly FunctionDoc[], ReadonlyMap<string, FunctionDoc>>();

/** The docs by exact name; of a repeated name, the first (as `Array.find` gives). */
export function docsByName(functions: readonly FunctionDoc[]): ReadonlyMap<string, FunctionDoc> {
  let byName = BY_NAME.get(functions);
  if (!byName) {
    const m = new Map<string, FunctionDoc>();
    for (const f of functions) if (!m.has(f.name)) m.set(f.name, f);
    BY_NAME.set(functions, (byName = m));
  }
  return byName;
}

/** `math.factorial` → `math_factorial`: the form in which `.` and `_` are alike. */
export function nameKey(name: string): string {
  return name.replace(/[._]/g, "_");
}

/**
 * The doc a call's name means: the exact name first, then with `.` and `_` alike (BFCL's FC names).
 *
 * @example findDoc(entry.functions, "math_factorial") // the doc named "math.factorial"
 */
export function findDoc(functions: readonly FunctionDoc[], name: string): FunctionDoc | undefined {
  const exact = docsByName(functions).get(name);
  if (exact) return exact;
  const key = nameKey(name);
  return functions.find((f) => nameKey(f.name) === key);
}
