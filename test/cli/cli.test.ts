/** The CLI over the example suite: formats, exit codes and input errors. */
import { describe, expect, it } from "vitest";
import { exitCode, run, type Outcome } from "../../src/cli/main.js";
import { DATA, GOLDS } from "../helpers/example.js";

async function cli(...argv: string[]): Promise<{ outcome: Outcome; out: string }> {
  let out = "";
  const outcome = await run(argv, { out: (s) => (out += s), err: () => {} });
  return { outcome, out };
}

const RESULTS = `${DATA}/results/example-model`;

describe("toolgrade score", () => {
  it("prints per-category accuracy and the summary columns as text", async () => {
    const { outcome, out } = await cli("score", "--data", DATA, "--golds", GOLDS, "--results", RESULTS, "--ruleset", "bfcl");
    expect(outcome.kind).toBe("ok");
    expect(out).toMatch(/simple_python\s+3\s+5\s+60\.00%/);
    expect(out).toContain("ruleset bfcl");
    expect(out).toMatch(/Live overall\s+77\.78%/);
  });

  it("prints one jsonl line per entry with BFCL's error_type", async () => {
    const { out } = await cli("score", "--data", DATA, "--golds", GOLDS, "--results", RESULTS, "--format", "jsonl", "--category", "simple_python", "--ruleset", "bfcl");
    const lines = out.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatchObject({ id: "simple_python_1", category: "simple_python", valid: false, error_type: "value_error:string", codes: ["wrong_string_value"] });
    expect(lines[0]).toMatchObject({ valid: true, error_type: null, codes: [] });
  });

  it("writes the full report as json", async () => {
    const { out } = await cli("score", "--data", DATA, "--golds", GOLDS, "--results", `${DATA}/results/example-model-fc`, "--decode", "fc", "--underscore-to-dot", "--format", "json", "--ruleset", "bfcl");
    const report = JSON.parse(out);
    expect(report).toMatchObject({ ruleset: "bfcl", decode: "fc", underscoreToDot: true });
    expect(report.results).toHaveLength(34);
  });

  it.each([
    ["no command", [], "help"],
    ["unknown command", ["grade"], "bad_input"],
    ["missing --data", ["score", "--results", RESULTS], "bad_input"],
    ["unknown category", ["score", "--data", DATA, "--golds", GOLDS, "--results", RESULTS, "--category", "simple_cobol"], "bad_input"],
    ["unknown ruleset", ["score", "--data", DATA, "--golds", GOLDS, "--results", RESULTS, "--ruleset", "lenient"], "bad_input"],
    ["default ruleset", ["score", "--data", DATA, "--golds", GOLDS, "--results", RESULTS], "ok"],
    ["missing results folder", ["score", "--data", DATA, "--golds", GOLDS, "--results", "/nonexistent"], "bad_input"],
    ["missing golds", ["score", "--data", DATA, "--results", RESULTS], "bad_input"],
  ])("%s → %s", async (_name, argv, kind) => {
    expect((await cli(...argv)).outcome.kind).toBe(kind);
  });
});

describe("exitCode", () => {
  it.each([
    [{ kind: "ok" }, 0],
    [{ kind: "help" }, 0],
    [{ kind: "gate_failed" }, 1],
    [{ kind: "bad_input", message: "x" }, 2],
  ] as const)("%o → %i", (outcome, code) => {
    expect(exitCode(outcome)).toBe(code);
  });
});

describe("required options", () => {
  it.each([
    [["score", "--results", RESULTS], "--data DIR is required"],
    [["score", "--data", DATA], "--results PATH is required"],
    [["reward", "--data", DATA], "--results FILE|DIR is required"],
    [["reward", "--results", RESULTS], "--data DIR is required"],
    [["serve"], "--data DIR is required"],
    [["audit"], "--data DIR is required"],
    [["validate", "--frontier", RESULTS], "--data DIR is required"],
    [["score", "--data", "", "--results", RESULTS], "--data DIR is required"],
  ])("%j", async (argv, message) => {
    const { outcome } = await cli(...argv);
    expect(outcome).toEqual({ kind: "bad_input", message });
    expect(exitCode(outcome)).toBe(2);
  });
});
