/**
 * Reads BFCL result files: JSON Lines of `{"id", "result", ...}`. The result is kept as a value
 * (text for prompt mode, a list of `{name: "<JSON>"}` for FC mode), read with the int/float-keeping
 * JSON reader.
 */
import { categoryOfId, type CategoryId } from "../categories.js";
import type { PyDict, Value } from "../value/value.js";
import { Fields, readJsonLines, SuiteError } from "./parseSuite.js";

export interface ResultRecord {
  id: string;
  category: CategoryId;
  result: Value;
  file: string;
  line: number;
  /** How the record says it is decoded, when it says (the conformance corpus's `mode`). */
  mode?: "prompt" | "fc";
  /** The record's `underscore_to_dot` flag, when it has one. */
  underscoreToDot?: boolean;
}

/** @example parseResults("r.json", '{"id": "simple_python_0", "result": "[f(a=1)]"}') */
export function parseResults(file: string, text: string, category?: CategoryId): ResultRecord[] {
  return readJsonLines(file, text).map(({ line, value }) => resultRecord(file, line, value, category));
}

/**
 * One result line's record. `category` is the file's, when its name gives one; the id's own
 * category must agree with it.
 */
export function resultRecord(file: string, line: number, value: PyDict, category?: CategoryId): ResultRecord {
  const f = new Fields(file, line, value);
  const id = f.string("id");
  if (!f.has("result")) f.fail(`result line for '${id}' has no "result"`);
  const idCategory = categoryOfId(id);
  const cat = idCategory ?? category;
  if (!cat) throw new SuiteError(file, line, `cannot tell the category of id '${id}'`);
  if (category && idCategory && idCategory !== category) {
    throw new SuiteError(file, line, `id '${id}' belongs to ${idCategory}, not to ${category} as the file name says`);
  }
  const mode = f.raw("mode");
  const dot = f.raw("underscore_to_dot");
  return {
    id,
    category: cat,
    result: f.raw("result")!,
    file,
    line,
    ...(mode === "prompt" || mode === "fc" ? { mode } : {}),
    ...(typeof dot === "boolean" ? { underscoreToDot: dot } : {}),
  };
}
