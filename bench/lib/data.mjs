// The benchmark's data: BFCL v4 (../shared/bfcl) and two conformance runs that cover all 13
// categories (qwen3-4b-instruct-2507 in prompt mode, gpt-oss-20b in FC mode), written out as
// BFCL result folders for the CLI; or, when ../shared is absent (or BENCH_DATA=bundled), the
// example suite bundled in data/ with its two example runs.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SHARED_RUNS = [
  { name: "qwen3-4b-instruct-2507", mode: "prompt", underscoreToDot: false },
  { name: "gpt-oss-20b", mode: "fc", underscoreToDot: true },
];

/** The raw JSON text of a top-level field of a JSON line (so ints and floats stay as written). */
export function rawField(line, key) {
  const at = line.indexOf(`"${key}": `);
  if (at < 0) throw new Error(`no "${key}" in ${line.slice(0, 80)}`);
  const start = at + key.length + 4;
  let depth = 0;
  let inString = false;
  for (let i = start; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') {
        inString = false;
        if (depth === 0) return line.slice(start, i + 1);
      }
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") {
      depth--;
      if (depth === 0) return line.slice(start, i + 1);
    } else if (depth === 0 && (c === "," || c === "}")) return line.slice(start, i).trim();
  }
  throw new Error(`unterminated "${key}" in ${line.slice(0, 80)}`);
}

/**
 * @returns {{kind: "shared"|"bundled", suite: string, golds?: string, runs: Array<{name, mode, underscoreToDot, folder, records: Array<{id, category, result, line}>}>, corpus?: string}}
 */
export function benchData({ root, shared, tmp, readJsonLines, wantShared }) {
  if (wantShared && existsSync(join(shared, "bfcl")) && existsSync(join(shared, "conformance"))) {
    const runs = SHARED_RUNS.map((run) => {
      const dir = join(shared, "conformance", run.name);
      const folder = join(tmp, "result", run.name);
      const records = [];
      for (const f of readdirSync(dir).filter((n) => n.endsWith(".jsonl")).sort()) {
        const category = f.replace(/\.jsonl$/, "");
        const lines = readFileSync(join(dir, f), "utf8").split("\n").filter((l) => l.trim() !== "");
        const out = lines.map((l) => `{"id": ${rawField(l, "id")}, "result": ${rawField(l, "result")}}`);
        const sub = join(folder, category.startsWith("live_") ? "live" : "non_live");
        mkdirSync(sub, { recursive: true });
        const text = `${out.join("\n")}\n`;
        const file = join(sub, `BFCL_v4_${category}_result.json`);
        writeFileSync(file, text);
        // Read as the CLI reads a result file (see corpusSamples in bench/reward.mjs).
        for (const { line, value: r } of readJsonLines(file, text)) records.push({ id: r.get("id"), category, result: r.get("result"), line: out[line - 1] });
      }
      return { ...run, folder, records };
    });
    return { kind: "shared", suite: join(shared, "bfcl"), runs, corpus: join(shared, "conformance") };
  }
  const runs = [
    { name: "example-model", mode: "prompt", underscoreToDot: false },
    { name: "example-model-fc", mode: "fc", underscoreToDot: true },
  ].map((run) => {
    const folder = join(root, "data", "results", run.name);
    const records = [];
    for (const sub of ["non_live", "live"]) {
      for (const f of readdirSync(join(folder, sub)).sort()) {
        const category = /^BFCL_v4_(.+)_result\.json$/.exec(f)?.[1];
        if (!category) continue;
        const text = readFileSync(join(folder, sub, f), "utf8");
        const lines = text.split("\n");
        for (const { line, value: r } of readJsonLines(f, text)) records.push({ id: r.get("id"), category, result: r.get("result"), line: lines[line - 1] });
      }
    }
    return { ...run, folder, records };
  });
  return { kind: "bundled", suite: join(root, "data"), golds: join(root, "golds"), runs };
}
