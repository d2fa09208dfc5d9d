/**
 * Whether any answer can pass an entry, per scope: the constructed candidates (candidates.ts)
 * are graded under BFCL's ruleset in prompt and FC decoding and under the default ruleset. A
 * scope where none passes is reported; the static checks say why when they can prove it.
 */
import { grade } from "../grade.js";
import type { Entry } from "../types.js";
import { candidates } from "./candidates.js";
import type { Scope } from "./findings.js";

export interface Satisfiability {
  /** Scopes in which at least one candidate passes. */
  passes: Set<Scope>;
  /** How many distinct candidates were graded. */
  tried: number;
}

/** @example satisfiable(entry).passes.has("bfcl-prompt") */
export function satisfiable(entry: Entry): Satisfiability {
  const passes = new Set<Scope>();
  const list = candidates(entry);
  for (const c of list) {
    if (!passes.has("bfcl-prompt") && grade(entry, c.prompt, { ruleset: "bfcl", decode: "prompt" }).valid) passes.add("bfcl-prompt");
    if (!passes.has("bfcl-fc") && grade(entry, c.fc, { ruleset: "bfcl", decode: "fc" }).valid) passes.add("bfcl-fc");
    if (!passes.has("default") && (grade(entry, c.prompt, { ruleset: "default" }).valid || grade(entry, c.fc, { ruleset: "default", decode: "fc" }).valid)) passes.add("default");
    if (passes.size === 3) break;
  }
  return { passes, tried: list.length };
}
