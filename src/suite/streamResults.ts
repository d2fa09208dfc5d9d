/**
 * Result records read as they stream from disk: one line at a time through readLines.ts, so a
 * results file of any size is graded without ever being held whole. Each record carries its
 * file and line; a malformed line is a SuiteError naming both, as with the whole-text reader.
 */
import type { CategoryId } from "../categories.js";
import { resultRecord, type ResultRecord } from "./parseResults.js";
import { readJsonLine } from "./parseSuite.js";
import { readLines, type ReadLinesOptions } from "./readLines.js";

/**
 * @example for (const r of streamResults("BFCL_v4_simple_python_result.json")) grade(entries.get(r.id), r.result);
 */
export function* streamResults(file: string, category?: CategoryId, options: ReadLinesOptions = {}): Generator<ResultRecord> {
  for (const { line, text } of readLines(file, options)) {
    const value = readJsonLine(file, line, text);
    if (value) yield resultRecord(file, line, value, category);
  }
}

