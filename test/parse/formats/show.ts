/**
 * Writes parse results compactly for table tests: calls as `name(positional, key=repr)` joined
 * by `; `, so an expected extraction reads like the call it pins.
 */
import type { ParseResult } from "../../../src/parse/parse.js";
import type { Call } from "../../../src/types.js";
import { pyRepr } from "../../../src/value/repr.js";

/** @example showCall({name: "f", args: new Map([["a", 1n]]), positional: ["x"]}) // "f('x', a=1)" */
export function showCall(c: Call): string {
  const parts = [...c.positional.map(pyRepr), ...[...c.args].map(([k, v]) => `${k}=${pyRepr(v)}`)];
  return `${c.name}(${parts.join(", ")})`;
}

export function showCalls(calls: readonly Call[]): string {
  return calls.map(showCall).join("; ");
}

/** `calls: f(a=1)`, `no_call: prose`, `malformed: syntax_error`. */
export function showResult(r: ParseResult): string {
  if (r.status === "calls") return `calls: ${showCalls(r.calls)}`;
  if (r.status === "no_call") return `no_call: ${r.reason}`;
  return `malformed: ${r.error.code}`;
}

export function repairCodes(r: ParseResult): string[] {
  return [...new Set(r.repairs.map((x) => x.code))];
}
