/**
 * Java and JavaScript prompt text read the way BFCL reads it (its tree-sitter-like decoders), so
 * each argument arrives as its source text; the default ruleset and the reward then read those
 * texts as literals. Undefined when that reading fails or finds no call.
 */
import { asCallList } from "../bfcl/checkEntry.js";
import { decodeBfclJava } from "../bfcl/decodeJava.js";
import { decodeBfclJavaScript } from "../bfcl/decodeJavaScript.js";
import type { Call } from "../types.js";
import type { Value } from "../value/value.js";

export function readSourceCalls(language: "java" | "javascript", text: string): Call[] | undefined {
  const decoded = language === "java" ? decodeBfclJava(text) : decodeBfclJavaScript(text);
  if (!decoded.ok) return undefined;
  const calls = asCallList(decoded.value);
  if (!calls || calls.length === 0) return undefined;
  return calls.map((c) => ({
    name: c.name,
    args: new Map(c.params.entries.filter((e): e is [string, Value] => typeof e[0] === "string")),
    positional: c.params.entries.filter(([k]) => typeof k !== "string").map(([, v]) => v),
  }));
}
