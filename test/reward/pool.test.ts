/**
 * Batch scoring over worker threads gives the records one thread gives, in order, and refuses
 * what one thread refuses. The worker is bundled from source for the test (the package ships it
 * built, as dist/reward-worker.js).
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RewardPool } from "../../src/reward/pool.node.js";
import { createRewardServer } from "../../src/reward/server.node.js";
import { RequestError, scoreItems, type RewardItem } from "../../src/reward/requests.js";
import { SuiteScorers } from "../../src/reward/suiteScorers.js";
import { PyDict } from "../../src/value/value.js";
import { DATA, exampleResults, exampleSuite, GOLDS, ROOT } from "../helpers/example.js";

let dir: string;
let workerFile: string;

beforeAll(async () => {
  // Inside the project, so the bundle resolves its dependencies (acorn, mathjs) from node_modules.
  const cache = join(ROOT, "node_modules/.cache");
  mkdirSync(cache, { recursive: true });
  dir = mkdtempSync(join(cache, "toolgrade-reward-worker-"));
  workerFile = join(dir, "reward-worker.mjs");
  await build({ entryPoints: [join(ROOT, "src/reward/worker.node.ts")], bundle: true, platform: "node", format: "esm", outfile: workerFile, packages: "external", logLevel: "silent", absWorkingDir: ROOT });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** FC payloads as JSON would carry them (a list of one-key objects with argument strings). */
function pyToJs(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pyToJs);
  if (v instanceof PyDict) return Object.fromEntries(v.entries.map(([k, x]) => [String(k), pyToJs(x)]));
  return typeof v === "bigint" ? Number(v) : v;
}

/** The example run, repeated to make a batch worth splitting. */
function batch(): RewardItem[] {
  const items = exampleResults("example-model").map((r) => ({ id: r.id, output: r.result as unknown }));
  return Array.from({ length: 20 }, () => items).flat();
}

describe("RewardPool", () => {
  it("scores a batch across workers exactly as one thread does", async () => {
    const items = batch();
    const pool = new RewardPool({ suite: { dir: DATA, golds: GOLDS }, workers: 2, workerUrl: workerFile, minSlice: 16 });
    try {
      const records = await pool.score(items);
      expect(records).toEqual(scoreItems(SuiteScorers.of(exampleSuite().entries), { items, preset: undefined }));
      expect(records.length).toBe(items.length);
      const binary = await pool.score(items.slice(0, 40), "binary");
      expect(binary.every((r) => r.score === 0 || r.score === 1)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it("refuses unknown ids as one thread does", async () => {
    const pool = new RewardPool({ suite: { dir: DATA, golds: GOLDS }, workers: 1, workerUrl: workerFile });
    try {
      const err = await pool.score([{ id: "simple_python_999", output: "" }]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RequestError);
      expect(err).toMatchObject({ status: 422, code: "unknown_id", ids: ["simple_python_999"] });
    } finally {
      await pool.close();
    }
  });

  it("serves large batches from the pool", async () => {
    const pool = new RewardPool({ suite: { dir: DATA, golds: GOLDS }, workers: 2, workerUrl: workerFile, minSlice: 16 });
    const server = createRewardServer({ scorers: SuiteScorers.of(exampleSuite().entries), pool, poolThreshold: 100 });
    try {
      const { port } = await server.listen(0, "127.0.0.1");
      const items = batch().map((it) => ({ id: it.id, output: pyToJs(it.output) }));
      const res = await fetch(`http://127.0.0.1:${port}/reward`, { method: "POST", body: JSON.stringify({ items, details: false }) });
      const { rewards } = (await res.json()) as { rewards: number[] };
      expect(rewards).toEqual(scoreItems(SuiteScorers.of(exampleSuite().entries), { items, preset: undefined }).map((r) => r.score));
    } finally {
      await server.close();
      await pool.close();
    }
  });

  it.each([
    ["a missing worker script", { workerUrl: join(tmpdir(), "no-such-worker.mjs") }, /worker script not found/],
    ["custom alias tables", { reward: { match: { aliases: {} as never } } }, /cannot be sent to worker threads/],
  ])("refuses %s up front", (_name, options, message) => {
    expect(() => new RewardPool({ workers: 1, workerUrl: workerFile, ...options })).toThrow(message);
  });
});
