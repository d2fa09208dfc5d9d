/**
 * Finds and reads result files: one file, or a folder laid out as BFCL writes it
 * (`non_live/BFCL_v4_<category>_result.json`, `live/…`, or the files directly in the folder).
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { isCategoryId, type CategoryId } from "../categories.js";
import type { ResultRecord } from "./parseResults.js";
import { SuiteError } from "./parseSuite.js";
import { streamResults } from "./streamResults.js";

const RESULT_FILE = /^BFCL_v\d+_(.+)_result\.jsonl?$/;

/** Result files under a folder (recursively), with the category their name gives. */
export function findResultFiles(dir: string): Array<{ file: string; category: CategoryId | undefined }> {
  const out: Array<{ file: string; category: CategoryId | undefined }> = [];
  const walk = (d: string, depth: number) => {
    for (const ent of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, ent.name);
      if (ent.isDirectory() && depth < 3) walk(p, depth + 1);
      else if (ent.isFile()) {
        const m = RESULT_FILE.exec(ent.name);
        if (m) out.push({ file: p, category: isCategoryId(m[1]!) ? m[1] : undefined });
      }
    }
  };
  walk(dir, 0);
  return out;
}

/** The result files of a file or folder, each with the category its name gives (folders only). */
export function resultSources(path: string): Array<{ file: string; category: CategoryId | undefined }> {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new SuiteError(path, 0, "the results path does not exist");
  }
  if (stat.isFile()) return [{ file: path, category: undefined }];
  const files = findResultFiles(path);
  if (files.length === 0) throw new SuiteError(path, 0, "no BFCL_v4_<category>_result.json files found");
  return files;
}

/** Reads every result record of a file or folder (streamed line by line; see streamResults for one record at a time). */
export function loadResults(path: string): ResultRecord[] {
  return resultSources(path).flatMap(({ file, category }) => [...streamResults(file, category)]);
}
