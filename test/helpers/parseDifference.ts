/**
 * parse() puts fast readers in front of and inside the full reader (parseFully): the two must give
 * the same result, repairs included. Shared by the tests of each fast reader.
 */
import { parse, parseFully, type ParseOptions } from "../../src/parse/parse.js";
import type { Call, FunctionDoc } from "../../src/types.js";
import { pyRepr } from "../../src/value/repr.js";

/** How parse() and parseFully() differ on `text`, or undefined when they agree. */
export function parseDifference(text: unknown, functions?: readonly FunctionDoc[], limits: Pick<ParseOptions, "maxDepth"> = {}): string | undefined {
  const options = functions ? { functions, ...limits } : limits;
  const fast = parse(text, options);
  const full = parseFully(text, options);
  const a = JSON.stringify(fast, (_k, v) => (typeof v === "bigint" ? `${v}n` : v instanceof Map ? [...v] : v));
  const b = JSON.stringify(full, (_k, v) => (typeof v === "bigint" ? `${v}n` : v instanceof Map ? [...v] : v));
  if (a !== b) return `${JSON.stringify(text)}: ${a} vs ${b}`;
  if (fast.status === "calls" && full.status === "calls" && reprs(fast.calls) !== reprs(full.calls)) return `${JSON.stringify(text)}: values differ`;
  return undefined;
}

/** Calls as Python reprs, which keep what JSON loses (-0.0, int vs float). */
export function reprs(calls: readonly Call[]): string {
  return calls.map((c) => `${c.name}(${c.positional.map(pyRepr).join(", ")}; ${[...c.args].map(([k, v]) => `${k}=${pyRepr(v)}`).join(", ")})`).join("; ");
}
