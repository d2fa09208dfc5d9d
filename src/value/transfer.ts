/**
 * Values across worker threads. Structured cloning keeps bigints, arrays, Maps and plain
 * objects but drops class prototypes, so a PyDict would arrive as a bare object and print as
 * something else. `pack` tags each Python value in a tree (a grade result, its mismatches and
 * their values) and `unpack` rebuilds it, so a verdict graded in a worker renders byte for byte
 * as one graded in the main thread. Pure: no `node:` imports.
 */
import { PyBytes, PyComplex, PyDict, PySet, PyTuple } from "./value.js";

/** The tag key; no field of a grade result or mismatch has this name. */
const TAG = "~py";

/** @example structuredClone(pack(result)) then unpack(...) gives back PyDict, PyTuple… instances. */
export function pack(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) return v.map(pack);
  if (v instanceof PyDict) return { [TAG]: "dict", entries: v.entries.map(([k, x]) => [pack(k), pack(x)]) };
  if (v instanceof PyTuple) return { [TAG]: "tuple", items: v.items.map(pack) };
  if (v instanceof PySet) return { [TAG]: "set", items: v.items.map(pack) };
  if (v instanceof PyBytes) return { [TAG]: "bytes", bytes: v.bytes };
  if (v instanceof PyComplex) return { [TAG]: "complex", real: v.real, imag: v.imag };
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [pack(k), pack(x)]));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = pack((v as Record<string, unknown>)[k]);
  return out;
}

/** The inverse of {@link pack}. */
export function unpack(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) return v.map(unpack);
  if (v instanceof Map) return new Map([...v].map(([k, x]) => [unpack(k), unpack(x)]));
  if (ArrayBuffer.isView(v)) return v;
  const o = v as Record<string, unknown>;
  switch (o[TAG]) {
    case "dict":
      return new PyDict((o.entries as unknown[][]).map(([k, x]) => [unpack(k), unpack(x)] as [never, never]));
    case "tuple":
      return new PyTuple((o.items as unknown[]).map(unpack) as never[]);
    case "set":
      return new PySet((o.items as unknown[]).map(unpack) as never[]);
    case "bytes":
      return new PyBytes(o.bytes as Uint8Array);
    case "complex":
      return new PyComplex(o.real as number, o.imag as number);
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) out[k] = unpack(o[k]);
  return out;
}
