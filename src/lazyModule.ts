/**
 * Loads a heavy dependency on first use, synchronously, so that importing toolgrade stays cheap:
 * mathjs (expression equivalence) and ajv (the suite audit) cost tens of milliseconds to load
 * and most callers never need them. Works in Node (through `process.getBuiltinModule`); returns
 * null where no synchronous loader exists (browsers, some bundlers).
 */
export function loadLazily<T>(id: string): T | null {
  try {
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const mod = proc?.getBuiltinModule?.("node:module") as { createRequire(url: string): (id: string) => unknown } | undefined;
    return mod ? (mod.createRequire(import.meta.url)(id) as T) : null;
  } catch {
    return null;
  }
}
