/** Builds small suite entries from BFCL-format JSON text, for table-driven grading tests. */
import type { CategoryId } from "../../src/categories.js";
import { parseCategory } from "../../src/suite/parseSuite.js";
import type { Entry, FunctionDoc, ParamDoc } from "../../src/types.js";

/** One entry from a question object (function docs as JSON text) and a ground_truth list (JSON text). */
export function entryOf(category: CategoryId, functions: string[], groundTruth: string | undefined, id = `${category}_0`): Entry {
  const question = `{"id": "${id}", "question": [[{"role": "user", "content": "q"}]], "function": [${functions.join(", ")}]}`;
  const golds = groundTruth === undefined ? undefined : { file: "golds.json", text: `{"id": "${id}", "ground_truth": ${groundTruth}}` };
  return parseCategory(category, { file: "questions.json", text: question }, golds)[0]!;
}

/** A one-parameter doc `f(x: type)` with x required, plus extra JSON fields for x (e.g. `"items": {...}`). */
export function docOf(type: string, extra = "", name = "f"): string {
  return `{"name": "${name}", "description": "d", "parameters": {"type": "dict", "properties": {"x": {"type": "${type}", "description": "x"${extra ? `, ${extra}` : ""}}}, "required": ["x"]}}`;
}

/** A function doc built directly: each param of the given type, all of them required, in order. */
export function functionDoc(name: string, params: Array<[string, string]>): FunctionDoc {
  const map = new Map<string, ParamDoc>(params.map(([p, type]) => [p, { type, hasDefault: false }]));
  return { name, description: "", params: map, required: params.map(([p]) => p) };
}
