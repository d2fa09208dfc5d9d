/**
 * Loads the tree-sitter Node binding and the grammar versions BFCL pins, for the oracle test
 * only. When the native module cannot load (no prebuilt binary for this platform), `loadTreeSitter`
 * says why and the oracle test skips.
 */
import { createRequire } from "node:module";

export interface TsNode {
  readonly type: string;
  readonly text: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly children: TsNode[];
  childForFieldName(name: string): TsNode | null;
  toString(): string;
}

export interface TsParser {
  parse(text: string): { rootNode: TsNode };
}

export type Loaded = { ok: true; java: TsParser; javascript: TsParser } | { ok: false; reason: string };

let cached: Loaded | undefined;

export function loadTreeSitter(): Loaded {
  if (cached) return cached;
  try {
    const require = createRequire(import.meta.url);
    const Parser = require("tree-sitter");
    const make = (grammar: string): TsParser => {
      const p = new Parser();
      p.setLanguage(require(grammar));
      return p;
    };
    cached = { ok: true, java: make("tree-sitter-java"), javascript: make("tree-sitter-javascript") };
  } catch (e) {
    cached = { ok: false, reason: `tree-sitter could not be loaded (${(e as Error).message.split("\n")[0]}): skipping the oracle test` };
  }
  return cached;
}
