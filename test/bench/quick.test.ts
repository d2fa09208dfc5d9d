/**
 * `npm run bench` in its smoke mode (BENCH_QUICK=1) on the bundled example suite only: it runs,
 * prints one table with every row, and writes results.json with the machine and every figure.
 * Speed is not asserted (the machine may be busy); the package is built without type
 * declarations into node_modules/.cache, so the test neither needs nor touches dist/.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Options } from "tsup";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import tsupConfig from "../../tsup.config.js";
import { ROOT } from "../helpers/example.js";

const DIST = join(ROOT, "node_modules", ".cache", "toolgrade-test", "bench-dist");
const TMP = mkdtempSync(join(tmpdir(), "toolgrade-bench-test-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

interface Figure {
  section: string;
  figure: string;
  value: number | null;
  status: string;
}

let stdout = "";
let results: { machine: Record<string, unknown>; quick: boolean; data: string; figures: Figure[] };

beforeAll(async () => {
  for (const config of tsupConfig as Options[]) {
    if (typeof config.entry !== "object" || Array.isArray(config.entry) || "vitest" in config.entry) continue;
    await build({ ...config, format: ["esm"], dts: false, outDir: DIST, clean: false, silent: true, config: false });
  }
  const out = join(TMP, "results.json");
  const r = spawnSync(process.execPath, [join(ROOT, "bench", "index.mjs")], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, BENCH_QUICK: "1", BENCH_DATA: "bundled", TOOLGRADE_DIST: DIST, BENCH_OUT: out },
  });
  if (r.status !== 0) throw new Error(`bench failed (${r.status}): ${r.stderr}`);
  stdout = r.stdout;
  results = JSON.parse(readFileSync(out, "utf8"));
}, 60_000);

const ROWS: Array<[section: string, figure: RegExp]> = [
  ["parse", /^parse\(\), all \d+ corpus outputs/],
  ["parse", /^parse\(\), all formats, MB\/s$/],
  ["grade", /^grade\(\), bfcl ruleset, example-model \(prompt\), all \d+$/],
  ["grade", /^grade\(\), default ruleset, example-model \(prompt\), all \d+$/],
  ["grade", /^default verdict, golds precompiled .*example-model, all/],
  ["grade", /^grade\(\), bfcl ruleset, example-model-fc \(fc\), all \d+$/],
  ["grade", /^grade\(\), default ruleset, example-model-fc \(fc\), all \d+$/],
  ["reward", /^reward simple_python: all runs, graded/],
  ["reward", /^reward parallel_multiple: all runs, graded/],
  ["reward", /^server POST \/reward \(with details\), 256\/batch/],
  ["reward", /^server POST \/reward \(rewards only\), latency p99$/],
  ["reward", /^server POST \/get_reward \(OpenRLHF\), 256\/batch/],
  ["score", /^toolgrade score, example-model, bfcl, 13 categories/],
  ["score", /^toolgrade score, example-model, default, 13 categories/],
  ["score", /^toolgrade score, example-model-fc, bfcl, 13 categories/],
  ["import", /^cold import of dist\/index\.js/],
  ["import", /^mathjs loaded after import/],
  ["import", /^mathjs loaded after an expression comparison$/],
  ["stream", /^reward binary\/bfcl, 300 lines .*1 thread, wall$/],
  ["stream", /^reward binary\/bfcl, 1,200 lines .*1 thread, wall$/],
  ["stream", /^1,200 lines .*--workers 2, wall$/],
  ["stream", /^1,200 lines .*peak RSS, 1 thread$/],
  ["stream", /^1,200 lines .*peak RSS, --workers 2$/],
  ["stream", /^time per entry at 1,200/],
  ["stream", /^--workers 2 speed-up over 1 thread/],
];

describe("npm run bench, smoke mode on bundled data", () => {
  it.each(ROWS)("has the %s row %s, measured, in the table and in results.json", (section, figure) => {
    const row = results.figures.find((f) => f.section === section && figure.test(f.figure));
    expect(row, `no ${section} row matching ${figure}`).toBeDefined();
    expect(typeof row!.value === "number" && Number.isFinite(row!.value)).toBe(true);
    expect(stdout).toContain(row!.figure);
  });

  it("judges every row that has a target, and records the machine", () => {
    for (const f of results.figures) expect(["PASS", "MISS", "—"]).toContain(f.status);
    expect(results).toMatchObject({ quick: true, data: "bundled" });
    expect(Object.keys(results.machine)).toEqual(expect.arrayContaining(["cpu", "cores", "node", "date", "loadavgStart"]));
  });

  it("proves mathjs is not loaded by the import, and is by an expression comparison", () => {
    const status = (re: RegExp) => results.figures.find((f) => re.test(f.figure))!.status;
    expect(status(/^mathjs loaded after import/)).toBe("PASS");
    expect(status(/^mathjs loaded after an expression comparison$/)).toBe("PASS");
  });
});
