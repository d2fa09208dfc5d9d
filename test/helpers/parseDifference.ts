/**
 * parse() puts fast readers in front of and inside the full reader (parseFully): the two must give
 * the same result, repairs included. Shared by the tests of each fast reader.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { parse, parseFully, type ParseOptions } from "../../src/parse/parse.js";
import type { Call, FunctionDoc } from "../../src/types.js";
import { bfclEntries, conformanceFiles, readRecords, type ConformanceRecord } from "./conformance.js";
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

/**
 * How the calls of a fast reader that returns calls only (the reward's) differ from the full
 * reader's: it must read calls where `parseFully` does, with none dropped, and the same ones.
 * Undefined when the reader declines or agrees.
 */
export function callsDifference(
  read: (text: string, functions?: readonly FunctionDoc[]) => readonly Call[] | undefined,
  text: string,
  functions?: readonly FunctionDoc[],
): string | undefined {
  const fast = read(text, functions);
  if (!fast) return undefined;
  const full = parseFully(text, functions ? { functions } : {});
  if (full.status !== "calls") return `${JSON.stringify(text)}: parse says ${full.status}`;
  if (full.repairs.some((r) => r.code === "call_dropped")) return `${JSON.stringify(text)}: parse dropped a call`;
  return reprs(fast) === reprs(full.calls) ? undefined : `${JSON.stringify(text)}: fast ${reprs(fast)} vs parse ${reprs(full.calls)}`;
}

/** {@link callsDifference} over every string output of the conformance corpus: how many `read` took, and the differences. */
export function corpusCallsDifferences(read: (text: string, functions?: readonly FunctionDoc[]) => readonly Call[] | undefined): { read: number; differences: string[] } {
  const entries = bfclEntries();
  let taken = 0;
  const differences: string[] = [];
  for (const f of conformanceFiles()) {
    for (const r of readRecords(f.file)) {
      const functions = entries.get(r.id)!.functions;
      if (typeof r.result !== "string" || !read(r.result, functions)) continue;
      taken++;
      const d = callsDifference(read, r.result, functions);
      if (d) differences.push(`${f.run}/${f.category}:${r.line}: ${d}`);
    }
  }
  return { read: taken, differences };
}

/**
 * {@link parseDifference} over the conformance corpus: for each record, each output `variants`
 * makes of it (the output itself, a mutation, another form of the payload…). Returns how many
 * of them `taken` says a fast reader took, and the differences.
 */
export function corpusParseDifferences(variants: (r: ConformanceRecord) => unknown[], taken: (output: unknown) => boolean): { read: number; differences: string[] } {
  const entries = bfclEntries();
  let read = 0;
  const differences: string[] = [];
  for (const f of conformanceFiles()) {
    for (const r of readRecords(f.file)) {
      for (const output of variants(r)) {
        if (taken(output)) read++;
        const d = parseDifference(output, entries.get(r.id)!.functions);
        if (d) differences.push(`${f.run}/${f.category}:${r.line}: ${d}`);
      }
    }
  }
  return { read, differences };
}

/**
 * A fast reader on generated inputs: `difference` (how it and the full reader differ) must find
 * nothing on any; returns how many inputs `read` took, which each test bounds from below so that
 * the clean shapes are shown to be read, not only the near misses declined.
 */
export function generatedReads<T>(inputs: fc.Arbitrary<T>, read: (input: T) => unknown, difference: (input: T) => string | undefined, numRuns = 4000): number {
  let taken = 0;
  fc.assert(
    fc.property(inputs, (input) => {
      if (read(input)) taken++;
      expect(difference(input)).toBeUndefined();
    }),
    { numRuns },
  );
  return taken;
}
