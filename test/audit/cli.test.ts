/**
 * `toolgrade audit`, `toolgrade validate` and `score --slice` in-process on the fixture suite in
 * test/fixtures/audit: exit codes, the six formats, the patch and slice files, broken suites.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exitCode, run, type Io } from "../../src/cli/main.js";
import { OUTPUT_FORMATS } from "../../src/cli/render.js";
import type { Terminal } from "../../src/cli/progress.js";
import { ROOT } from "../helpers/example.js";

const FIX = join(ROOT, "test/fixtures/audit");
const SUITE = join(FIX, "suite");
const FRONTIER = join(FIX, "frontier/model-a");
const TMP = mkdtempSync(join(tmpdir(), "toolgrade-audit-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

async function cli(argv: string[]) {
  let out = "";
  let err = "";
  const io: Io & { terminal: Terminal } = { out: (s) => (out += s), err: (s) => (err += s), terminal: { stdoutIsTTY: false, stderrIsTTY: false, noColor: true } };
  const outcome = await run(argv, io);
  return { outcome, code: exitCode(outcome), out, err };
}

describe("toolgrade audit", () => {
  it("reports the fixture's findings and fails on errors by default", async () => {
    const r = await cli(["audit", "--data", SUITE]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("empty_alternatives (1)");
    expect(r.out).toContain("gold_param_not_in_doc (1)");
    expect(r.out).toMatch(/simple_python_3: golds\[0\]\.city\[0\]: 'Hampton Bays' for 'city' is not in the conversation/);
    expect(r.out).toContain("alternative_not_in_enum (1)");
    expect(r.out).toContain("alternative_wrong_type (1)");
  });

  it("passes with --fail-on never", async () => {
    expect((await cli(["audit", "--data", SUITE, "--fail-on", "never"])).code).toBe(0);
  });

  it.each(OUTPUT_FORMATS.map((f) => [f]))("renders as %s", async (format) => {
    const r = await cli(["audit", "--data", SUITE, "--fail-on", "never", "--format", format]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("simple_python_1");
  });

  it("json lists every finding with its severity, scopes and message", async () => {
    const doc = JSON.parse((await cli(["audit", "--data", SUITE, "--format", "json"])).out);
    const unsat = doc.findings.filter((f: { code: string }) => f.code === "unsatisfiable_gold");
    expect(unsat.map((f: { id: string; scopes: string[] }) => [f.id, f.scopes])).toEqual([
      ["simple_python_1", ["bfcl-prompt", "bfcl-fc", "default"]],
      ["simple_python_2", ["bfcl-prompt", "bfcl-fc", "default"]],
      ["simple_python_4", ["default"]],
    ]);
    expect(doc.categories[0]).toMatchObject({ category: "simple_python", entries: 5 });
  });

  it("reports a broken suite's disagreements as findings, with file and line", async () => {
    const doc = JSON.parse((await cli(["audit", "--data", join(FIX, "broken"), "--format", "json"])).out);
    const found = doc.findings.filter((f: { severity: string }) => f.severity === "error").map((f: { code: string; source: { file: string; line: number } }) => [f.code, f.source.file.replace(FIX, ""), f.source.line]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["count_mismatch", "/broken/possible_answer/BFCL_v4_simple_python.json", 3],
        ["gold_function_not_offered", "/broken/possible_answer/BFCL_v4_simple_python.json", 1],
        ["missing_gold", "/broken/BFCL_v4_simple_python.json", 2],
      ]),
    );
  });

  it("a missing suite folder is bad input", async () => {
    const r = await cli(["audit", "--data", join(FIX, "nowhere")]);
    expect(r.code).toBe(2);
    expect(r.outcome).toMatchObject({ kind: "bad_input" });
  });
});

describe("toolgrade validate", () => {
  it("reports the ceiling, classes and writes the patch and the slice", async () => {
    const patch = join(TMP, "patch.jsonl");
    const slice = join(TMP, "slice.txt");
    const r = await cli(["validate", "--data", SUITE, "--frontier", FRONTIER, "--write-patch", patch, "--write-slice", slice, "--format", "json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    const cat = doc.categories[0];
    expect(cat.ceiling.bfcl).toMatchObject({ passed: 1, total: 5, dropped: 2, trusted: false });
    expect(cat.counts.bfcl).toEqual({ unsatisfiable_gold: 2, equivalent_answer: 1, disputed: 0, frontier_error: 1 });
    expect(readFileSync(patch, "utf8")).toBe('{"id": "simple_python_3", "ground_truth": [{"get_weather": {"city": ["Hampton Bays", "Hamptons"]}}]}\n');
    expect(readFileSync(slice, "utf8").split("\n").filter((l) => l && !l.startsWith("#"))).toEqual(["simple_python_0"]);
  });

  it("is trusted at a threshold the frontier reaches after dropping unsatisfiable entries", async () => {
    expect((await cli(["validate", "--data", SUITE, "--frontier", FRONTIER, "--threshold", "0.3"])).code).toBe(0);
  });

  it.each(OUTPUT_FORMATS.map((f) => [f]))("renders as %s", async (format) => {
    const r = await cli(["validate", "--data", SUITE, "--frontier", FRONTIER, "--threshold", "0", "--format", format]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("simple_python_3");
  });

  it.each([
    ["no frontier", ["validate", "--data", SUITE], "--frontier PATH is required"],
    ["a bad threshold", ["validate", "--data", SUITE, "--frontier", FRONTIER, "--threshold", "2"], "--threshold must be"],
    ["an unknown ruleset", ["validate", "--data", SUITE, "--frontier", FRONTIER, "--ruleset", "x"], "unknown ruleset"],
  ])("%s is bad input", async (_name, argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.outcome).toMatchObject({ kind: "bad_input", message: expect.stringContaining(message) });
  });
});

describe("toolgrade score --slice", () => {
  it("grades only the listed ids and says how many the slice kept", async () => {
    const slice = join(TMP, "score-slice.txt");
    await cli(["validate", "--data", SUITE, "--frontier", FRONTIER, "--write-slice", slice]);
    const r = await cli(["score", "--data", SUITE, "--results", FRONTIER, "--slice", slice]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("slice");
    expect(r.out).toContain("1 of 5 entries kept");
    const json = JSON.parse((await cli(["score", "--data", SUITE, "--results", FRONTIER, "--slice", slice, "--format", "json"])).out);
    expect(json.slice).toMatchObject({ kept: 1, total: 5 });
    expect(json.results.map((x: { id: string }) => x.id)).toEqual(["simple_python_0"]);
  });

  it("an empty slice file is bad input naming the file", async () => {
    const r = await cli(["score", "--data", SUITE, "--results", FRONTIER, "--slice", join(FIX, "README.md.none")]);
    expect(r.code).toBe(2);
    expect(r.outcome).toMatchObject({ message: expect.stringContaining("README.md.none") });
  });
});
