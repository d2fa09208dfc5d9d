/**
 * The result of BFCL's Java and JavaScript type converters: a value, or the exception Python would
 * raise (its text), which the checker reports as `checker_exception`.
 */
import type { Value } from "../value/value.js";
import { parsePyInt } from "./pyText.js";

export type ConvertResult = { ok: true; value: Value } | { ok: false; reason: string };

export function ok(value: Value): ConvertResult {
  return { ok: true, value };
}

/** Python's `int(text)`, including its failure (e.g. the 4,300-digit limit). */
export function int(text: string): ConvertResult {
  const r = parsePyInt(text);
  return r.ok ? ok(r.value) : r;
}
