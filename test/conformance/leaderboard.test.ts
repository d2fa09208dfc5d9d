/**
 * Leaderboard parity: on the two conformance runs that cover all 13 categories, the `bfcl`
 * ruleset's leaderboard columns equal the figures BFCL computes for the same results. BFCL's
 * figures are computed here from the records' own `bfcl.valid` verdicts with bfcl-ast-spec §9's
 * formulas (BFCL's calculate_unweighted_accuracy / calculate_weighted_accuracy), independently of
 * src/report.ts, and compared exactly — once through the library and once through the CLI
 * scoring a BFCL result folder with both models in it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CATEGORIES, type CategoryId } from "../../src/categories.js";
import { run, type Io } from "../../src/cli/main.js";
import { scoreRun } from "../../src/score.js";
import { loadSuite } from "../../src/suite/loadSuite.js";
import { toJsonText } from "../../src/value/toJsonText.js";
import { conformanceFiles, readRecords, type ConformanceRecord } from "../helpers/conformance.js";
import { SHARED_DIR, SKIP_MESSAGE, sharedPath } from "../helpers/shared.js";

const RUNS = ["qwen3-4b-instruct-2507", "gpt-oss-20b"] as const;

interface Score {
  accuracy: number;
  total: number;
}

/** BFCL's leaderboard figures from BFCL's own verdicts (bfcl-ast-spec §9). */
function bfclFigures(records: readonly ConformanceRecord[]): Record<string, number> {
  const cat = (c: string): Score => {
    const rs = records.filter((r) => r.category === c);
    if (rs.length === 0) throw new Error(`no records for ${c}`);
    return { accuracy: rs.filter((r) => r.valid).length / rs.length, total: rs.length };
  };
  // calculate_unweighted_accuracy: Σ accuracy / len; calculate_weighted_accuracy: Σ accuracy·count / Σ count.
  const unweighted = (xs: Score[]): Score => {
    let acc = 0;
    let total = 0;
    for (const x of xs) {
      acc += x.accuracy;
      total += x.total;
    }
    return { accuracy: acc / xs.length, total };
  };
  const weighted = (xs: Score[]): Score => {
    let acc = 0;
    let total = 0;
    for (const x of xs) {
      acc += x.accuracy * x.total;
      total += x.total;
    }
    return { accuracy: acc / total, total };
  };
  const simple = unweighted([cat("simple_python"), cat("simple_java"), cat("simple_javascript")]);
  return {
    non_live_simple: simple.accuracy,
    non_live_overall: unweighted([simple, cat("multiple"), cat("parallel"), cat("parallel_multiple")]).accuracy,
    live_overall: weighted([cat("live_simple"), cat("live_multiple"), cat("live_parallel"), cat("live_parallel_multiple")]).accuracy,
    irrelevance_detection: unweighted([cat("irrelevance"), cat("live_irrelevance")]).accuracy,
    relevance_detection: cat("live_relevance").accuracy,
  };
}

function runRecords(name: string): ConformanceRecord[] {
  return conformanceFiles()
    .filter((f) => f.run === name)
    .flatMap((f) => readRecords(f.file));
}

describe.skipIf(!SHARED_DIR)("BFCL leaderboard parity (bfcl ruleset)", () => {
  const suite = SHARED_DIR ? loadSuite(sharedPath("bfcl")) : undefined;
  const records = new Map(SHARED_DIR ? RUNS.map((r) => [r, runRecords(r)] as const) : []);
  let tmp: string | undefined;
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it.each(RUNS)("%s covers all 13 categories in full", (name) => {
    const rs = records.get(name)!;
    expect(new Set(rs.map((r) => r.category)).size).toBe(13);
    expect(rs).toHaveLength(3641);
  });

  it.each(RUNS)("%s: every leaderboard column equals BFCL's", (name) => {
    const rs = records.get(name)!;
    const report = scoreRun(
      suite!.entries,
      rs.map((r) => ({ id: r.id, category: r.category as CategoryId, result: r.result, file: r.file, line: r.line })),
      { ruleset: "bfcl", decode: rs[0]!.mode, underscoreToDot: rs[0]!.underscoreToDot, model: name },
    );
    const ours = Object.fromEntries(report.leaderboard.map((c) => [c.id, c.accuracy]));
    expect(ours).toEqual(bfclFigures(rs));
    for (const c of report.categories) {
      const mine = rs.filter((r) => r.category === c.category);
      expect([c.category, c.correct, c.total]).toEqual([c.category, mine.filter((r) => r.valid).length, mine.length]);
    }
  });

  it("one command scores a BFCL result folder with both models, all 13 categories each, and gets BFCL's figures", async () => {
    tmp = mkdtempSync(join(tmpdir(), "toolgrade-leaderboard-"));
    const root = join(tmp, "result");
    for (const [name, rs] of records) {
      for (const category of new Set(rs.map((r) => r.category as CategoryId))) {
        const dir = join(root, name, CATEGORIES[category].live ? "live" : "non_live");
        mkdirSync(dir, { recursive: true });
        const lines = rs.filter((r) => r.category === category).map((r) => `{"id": ${JSON.stringify(r.id)}, "result": ${toJsonText(r.result)}}`);
        writeFileSync(join(dir, `BFCL_v4_${category}_result.json`), `${lines.join("\n")}\n`);
      }
    }
    let out = "";
    const io: Io = { out: (s) => (out += s), err: () => {} };
    const outcome = await run(
      ["score", "--data", sharedPath("bfcl"), "--results", root, "--ruleset", "bfcl", "--decode", "gpt-oss-20b=fc", "--underscore-to-dot-for", "gpt-oss-20b", "--format", "json"],
      io,
    );
    expect(outcome).toEqual({ kind: "ok" });
    const doc = JSON.parse(out) as { runs: Array<{ model: string; leaderboard: Array<{ id: string; accuracy: number }> }> };
    expect(doc.runs.map((r) => r.model).sort()).toEqual([...RUNS].sort());
    for (const r of doc.runs) {
      expect(Object.fromEntries(r.leaderboard.map((c) => [c.id, c.accuracy]))).toEqual(bfclFigures(records.get(r.model as (typeof RUNS)[number])!));
    }
  });
});

if (!SHARED_DIR) {
  describe("BFCL leaderboard parity (bfcl ruleset)", () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
}
