/**
 * `--workers N` on the built CLI: the same output as one thread, byte for byte, in every format,
 * and the first malformed line named as one thread names it. Built with tsup.config.ts's CLI
 * options (the worker is its own entry) into node_modules/.cache, like score.bin.test.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Options } from "tsup";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import tsupConfig from "../../tsup.config.js";
import { workerHeapLimitMb } from "../../src/batch/pool.node.js";
import { ROOT } from "../helpers/example.js";

const BIN_DIR = join(ROOT, "node_modules", ".cache", "toolgrade-test", "workers");
const TMP = mkdtempSync(join(tmpdir(), "toolgrade-workers-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

beforeAll(async () => {
  const cli = (tsupConfig as Options[]).find((c) => typeof c.entry === "object" && !Array.isArray(c.entry) && "cli" in c.entry);
  if (!cli) throw new Error("tsup.config.ts has no cli entry");
  await build({ ...cli, outDir: BIN_DIR, clean: false, silent: true, config: false });
});

function toolgrade(args: string[]) {
  const r = spawnSync(process.execPath, [join(BIN_DIR, "cli.js"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const BOTH = ["--data", "data", "--golds", "golds", "--results", "data/results", "--decode", "example-model-fc=fc", "--underscore-to-dot-for", "example-model-fc"];

describe("--workers gives the output of one thread", () => {
  it.each([
    ["score text, bfcl", ["score", ...BOTH, "--ruleset", "bfcl"]],
    ["score json, default", ["score", ...BOTH, "--format", "json"]],
    ["score junit, bfcl", ["score", ...BOTH, "--ruleset", "bfcl", "--format", "junit"]],
    ["score markdown, default, one category", ["score", ...BOTH, "--format", "markdown", "--category", "live_multiple"]],
    ["score github with a gate", ["score", ...BOTH, "--format", "github", "--min-accuracy", "0.99"]],
    ["reward jsonl", ["reward", "--data", "data", "--golds", "golds", "--results", "data/results/example-model"]],
    ["reward text, binary bfcl", ["reward", "--data", "data", "--golds", "golds", "--results", "data/results/example-model-fc", "--preset", "binary", "--ruleset", "bfcl", "--decode", "fc", "--underscore-to-dot", "--format", "text"]],
  ])("%s", (_name, args) => {
    const one = toolgrade(args);
    expect(one.out.length).toBeGreaterThan(0);
    for (const n of ["2", "3"]) expect(toolgrade([...args, "--workers", n])).toEqual(one);
  });

  it("names the first malformed line, as one thread does", () => {
    const lines = Array.from({ length: 600 }, (_, i) => `{"id": "simple_python_${i % 5}", "result": "[f(x=1)]"}`);
    lines[450] = '{"id": "simple_python_0", "result": ';
    lines[520] = "not json";
    const file = join(TMP, "bad.jsonl");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const args = ["reward", "--data", "data", "--golds", "golds", "--results", file];
    const one = toolgrade(args);
    expect(one.code).toBe(2);
    expect(one.err).toContain(`${file}:451: malformed JSON`);
    expect(toolgrade([...args, "--workers", "2"])).toEqual(one);
    const scored = toolgrade(["score", "--data", "data", "--golds", "golds", "--results", file, "--workers", "2"]);
    expect(scored.err).toContain(`${file}:451: malformed JSON`);
  });

  it("names the line of a byte that is not UTF-8, as one thread does", () => {
    const lines = Array.from({ length: 600 }, (_, i) => Buffer.from(`{"id": "simple_python_${i % 5}", "result": "[f(x=1)]"}\n`));
    lines[450] = Buffer.concat([Buffer.from('{"id": "simple_python_0", "result": "'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]);
    const file = join(TMP, "latin.jsonl");
    writeFileSync(file, Buffer.concat(lines));
    for (const command of ["reward", "score"]) {
      const args = [command, "--data", "data", "--golds", "golds", "--results", file];
      const one = toolgrade(args);
      expect(one.err).toContain(`${file}:451: the file is not valid UTF-8`);
      expect(toolgrade([...args, "--workers", "2"])).toEqual(one);
    }
  });

  it("refuses a --workers that is not a whole number", () => {
    expect(toolgrade(["score", ...BOTH, "--workers", "two"]).code).toBe(2);
  });
});

describe("workerHeapLimitMb", () => {
  it("is 256 MB for a suite of ordinary size, and grows with a larger one", () => {
    expect(workerHeapLimitMb({ data: join(ROOT, "data"), golds: join(ROOT, "golds") })).toBe(256);
    expect(workerHeapLimitMb({ data: join(TMP, "no-such-suite") })).toBe(256);
    const big = join(TMP, "big-suite");
    mkdirSync(big);
    writeFileSync(join(big, "BFCL_v4_simple_python.json"), Buffer.alloc(20 << 20, 0x20));
    expect(workerHeapLimitMb({ data: big })).toBe(640);
  });
});
