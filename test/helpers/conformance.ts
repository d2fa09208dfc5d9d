/**
 * Reads the conformance corpus (../shared/conformance) and BFCL's suite (../shared/bfcl) for the
 * parity tests. Records are read with toolgrade's own JSON reader so FC payloads keep int/float.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSuite } from "../../src/suite/loadSuite.js";
import type { Entry } from "../../src/types.js";
import { readJson } from "../../src/value/json.js";
import { PyDict, type Value } from "../../src/value/value.js";
import { sharedPath } from "./shared.js";

export interface ConformanceRecord {
  file: string;
  line: number;
  id: string;
  category: string;
  mode: "prompt" | "fc";
  underscoreToDot: boolean;
  result: Value;
  valid: boolean;
  errorType: string | null;
  decoded: string | null;
  note?: string;
}

function field(d: PyDict, k: string): Value {
  const v = d.get(k);
  if (v === undefined) throw new Error(`record has no ${k}`);
  return v;
}

export function readRecords(file: string): ConformanceRecord[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l, i) => {
      const parsed = readJson(l);
      if (!parsed.ok || !(parsed.value instanceof PyDict)) throw new Error(`${file}:${i + 1}: bad record`);
      const r = parsed.value;
      const bfcl = field(r, "bfcl") as PyDict;
      const note = r.get("note");
      return {
        file,
        line: i + 1,
        id: field(r, "id") as string,
        category: field(r, "category") as string,
        mode: field(r, "mode") as "prompt" | "fc",
        underscoreToDot: field(r, "underscore_to_dot") as boolean,
        result: field(r, "result"),
        valid: field(bfcl, "valid") as boolean,
        errorType: field(bfcl, "error_type") as string | null,
        decoded: field(bfcl, "decoded") as string | null,
        ...(typeof note === "string" ? { note } : {}),
      };
    });
}

/** Every `<run>/<category>.jsonl` file of the corpus, probes included. */
export function conformanceFiles(): Array<{ run: string; category: string; file: string }> {
  const root = sharedPath("conformance");
  const out: Array<{ run: string; category: string; file: string }> = [];
  for (const run of readdirSync(root, { withFileTypes: true })) {
    if (!run.isDirectory()) continue;
    for (const f of readdirSync(join(root, run.name)).sort()) {
      if (f.endsWith(".jsonl")) out.push({ run: run.name, category: f.replace(/\.jsonl$/, ""), file: join(root, run.name, f) });
    }
  }
  return out.sort((a, b) => `${a.run}/${a.category}`.localeCompare(`${b.run}/${b.category}`));
}

let entries: Map<string, Entry> | undefined;

/** BFCL's entries by id (loaded once). */
export function bfclEntries(): Map<string, Entry> {
  if (!entries) {
    const suite = loadSuite(sharedPath("bfcl"));
    entries = new Map();
    for (const list of suite.entries.values()) for (const e of list) entries.set(e.id, e);
  }
  return entries;
}
