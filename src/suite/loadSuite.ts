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
  return decodeUtf8(file, readFileSync(file));
}

/**
 * Decodes UTF-8 strictly: a byte sequence that is not UTF-8 is a {@link SuiteError} naming the
 * line it is on. (A U+FFFD character that is really in the text is kept: models emit it.)
 *
 * @example decodeUtf8("r.json", Buffer.from([0x61, 0x0a, 0xff])) // throws "r.json:2: the file is not valid UTF-8 …"
 */
export function decodeUtf8(file: string, bytes: Uint8Array): string {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    return decoder.decode(bytes);
  } catch {
    // A newline byte is never inside a multi-byte sequence, so lines can be checked one by one.
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        break;
      }
      line++;
      start = i + 1;
    }
    throw new SuiteError(file, line, "the line is not valid UTF-8");
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
