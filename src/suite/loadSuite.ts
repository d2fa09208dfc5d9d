/**
 * Loads a BFCL-format suite folder: `BFCL_v4_<category>.json` question files and, beside them or
 * in a separate folder, `possible_answer/BFCL_v4_<category>.json` gold files.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CATEGORY_IDS, CATEGORIES, type CategoryId } from "../categories.js";
import type { Entry } from "../types.js";
import { parseCategory, SuiteError, type SuiteProblem } from "./parseSuite.js";

export interface LoadSuiteOptions {
  /** Folder of the possible-answer files; default `<dir>/possible_answer`. */
  golds?: string;
  /** Only these categories (default: every category with a question file). */
  categories?: readonly CategoryId[];
  /** Audit mode: report question/gold disagreements here instead of throwing (see parseCategory). */
  onProblem?: (p: SuiteProblem) => void;
}

export interface Suite {
  dir: string;
  categories: CategoryId[];
  entries: Map<CategoryId, Entry[]>;
}

const QUESTION_FILE = /^BFCL_v\d+_(.+)\.json$/;

/** Reads a text file strictly as UTF-8, naming the file and line of a bad byte. */
export function readUtf8(file: string): string {
  const bytes = readFileSync(file);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const text = bytes.toString("utf8");
    const bad = text.indexOf("\ufffd");
    const line = text.slice(0, Math.max(bad, 0)).split("\n").length;
    throw new SuiteError(file, line, "the file is not valid UTF-8");
  }
}

/** Finds the question file of each category in a folder. */
export function findCategoryFiles(dir: string): Map<CategoryId, string> {
  const found = new Map<CategoryId, string>();
  for (const name of readdirSync(dir).sort()) {
    const m = QUESTION_FILE.exec(name);
    const category = m?.[1];
    if (category && (CATEGORY_IDS as readonly string[]).includes(category)) {
      found.set(category as CategoryId, join(dir, name));
    }
  }
  return found;
}

/** @example loadSuite("data", { golds: "golds" }).entries.get("simple_python") */
export function loadSuite(dir: string, options: LoadSuiteOptions = {}): Suite {
  if (!existsSync(dir)) throw new SuiteError(dir, 0, "the suite folder does not exist");
  const goldDir = options.golds ?? join(dir, "possible_answer");
  const files = findCategoryFiles(dir);
  const wanted = options.categories ?? [...files.keys()];
  const entries = new Map<CategoryId, Entry[]>();
  for (const category of CATEGORY_IDS) {
    if (!wanted.includes(category)) continue;
    const file = files.get(category);
    if (!file) throw new SuiteError(dir, 0, `no question file for category ${category}`);
    let golds;
    if (CATEGORIES[category].hasGold) {
      const goldFile = join(goldDir, file.slice(dir.length).replace(/^[\\/]/, ""));
      if (!existsSync(goldFile)) throw new SuiteError(goldFile, 0, `missing possible-answer file for ${category}`);
      golds = { file: goldFile, text: readUtf8(goldFile) };
    }
    entries.set(category, parseCategory(category, { file, text: readUtf8(file) }, golds, options.onProblem ? { onProblem: options.onProblem } : {}));
  }
  return { dir, categories: [...entries.keys()], entries };
}
