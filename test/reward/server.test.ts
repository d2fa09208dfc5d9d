/**
 * The reward server on 127.0.0.1 with an ephemeral port: both protocols, inline entries, each
 * refusal (bad JSON, an oversized body, an unknown id, …), batches larger than one slice, and a
 * graceful shutdown that lets a request in flight finish.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../../src/reward/compile.js";
import { createRewardServer, type RewardServer } from "../../src/reward/server.node.js";
import { SuiteScorers } from "../../src/reward/suiteScorers.js";
import { exampleSuite } from "../helpers/example.js";

const suite = exampleSuite();
const entries = new Map([...suite.entries.values()].flat().map((e) => [e.id, e]));
const CIRCLE = "[geometry.circle_area(radius=7.0, unit='cm')]";
const WRONG = "[geometry.circle_area(radius=8.0)]";
const MAX_BODY = 16 * 1024;

let server: RewardServer;
let base: string;

beforeAll(async () => {
  server = createRewardServer({ scorers: SuiteScorers.of(suite.entries), maxBodyBytes: MAX_BODY, slice: 3 });
  const { port } = await server.listen(0, "127.0.0.1");
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server.close();
});

async function post(path: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

describe("reward server", () => {
  it("answers GET /health", async () => {
    const res = await fetch(`${base}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", entries: entries.size, preset: "graded" });
  });

  it("scores items by id, in order, as compile() does", async () => {
    const { status, json } = await post("/reward", { items: [{ id: "simple_python_0", output: CIRCLE }, { id: "simple_python_0", output: WRONG }, { id: "irrelevance_0", output: "No tool fits." }] });
    expect(status).toBe(200);
    const expected = [CIRCLE, WRONG].map((o) => compile(entries.get("simple_python_0")!)(o).score);
    expect(json.rewards).toEqual([...expected, 1]);
    expect(json.details[0]).toEqual({ id: "simple_python_0", category: "simple_python", score: 1, components: { format: 1, count: 1, name: 1, keyPrecision: 1, keyRecall: 1, values: 1 }, valid: true, code: null });
    expect(json.details[1]).toMatchObject({ valid: false, code: "wrong_value" });
  });

  it("scores an inline entry", async () => {
    const entry = {
      id: "my_task_1",
      category: "simple_python",
      function: [{ name: "add", description: "Add.", parameters: { type: "dict", properties: { a: { type: "integer", description: "a" }, b: { type: "integer", description: "b" } }, required: ["a", "b"] } }],
      ground_truth: [{ add: { a: [1], b: [2] } }],
    };
    const { status, json } = await post("/reward", { items: [{ entry, output: "[add(a=1, b=2)]" }, { entry, output: "[add(a=1, b=3)]" }] });
    expect(status).toBe(200);
    expect(json.rewards[0]).toBe(1);
    expect(json.rewards[1]).toBeGreaterThan(0);
    expect(json.rewards[1]).toBeLessThan(1);
    expect(json.details[1]).toMatchObject({ id: "my_task_1", code: "wrong_value" });
  });

  it("takes another preset per request, and leaves out the details when asked", async () => {
    const { json } = await post("/reward", { preset: "binary", details: false, items: [{ id: "simple_python_0", output: WRONG }] });
    expect(json).toEqual({ rewards: [0] });
  });

  it("scores a batch larger than one slice", async () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ id: "simple_python_0", output: i % 2 ? CIRCLE : WRONG }));
    const { json } = await post("/reward", { items, details: false });
    expect(json.rewards).toHaveLength(50);
    expect(json.rewards.filter((r: number) => r === 1)).toHaveLength(25);
  });

  it("answers other requests while a large batch is scored", async () => {
    // One item per slice: the batch yields to the event loop after every output.
    const own = createRewardServer({ scorers: SuiteScorers.of(suite.entries), slice: 1 });
    const { port } = await own.listen(0, "127.0.0.1");
    try {
      const items = Array.from({ length: 30_000 }, (_, i) => ({ id: "simple_python_0", output: `[geometry.circle_area(radius=${i}.5)]` }));
      const order: string[] = [];
      const batch = fetch(`http://127.0.0.1:${port}/reward`, { method: "POST", body: JSON.stringify({ items, details: false }) }).then(async (r) => {
        order.push("batch");
        return ((await r.json()) as { rewards: number[] }).rewards;
      });
      await new Promise((r) => setTimeout(r, 50));
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      order.push("health");
      expect(health.status).toBe(200);
      expect(await batch).toHaveLength(30_000);
      expect(order).toEqual(["health", "batch"]);
    } finally {
      await own.close();
    }
  });

  it("speaks OpenRLHF's protocol: the query without its prompt is scored against the labelled entry", async () => {
    const prompt = "<|user|>What is the area of a circle of radius 7 cm?<|assistant|>";
    const { status, json } = await post("/get_reward", {
      query: [`${prompt}${CIRCLE}`, `${prompt}${WRONG}`],
      prompts: [prompt, prompt],
      labels: ["simple_python_0", "simple_python_0"],
    });
    expect(status).toBe(200);
    expect(Object.keys(json)).toEqual(["rewards"]);
    expect(json.rewards[0]).toBe(1);
    expect(json.rewards[1]).toBe(compile(entries.get("simple_python_0")!)(WRONG).score);
  });

  it.each([
    ["bad JSON", "/reward", '{"items": [', 400, "bad_json"],
    ["no items", "/reward", { outputs: [] }, 400, "invalid_request"],
    ["an item without output", "/reward", { items: [{ id: "simple_python_0" }] }, 400, "invalid_request"],
    ["an unknown preset", "/reward", { preset: "lenient", items: [] }, 400, "invalid_request"],
    ["an unknown id", "/reward", { items: [{ id: "simple_python_0", output: CIRCLE }, { id: "simple_python_999", output: CIRCLE }] }, 422, "unknown_id"],
    ["an inline entry without category", "/reward", { items: [{ entry: { id: "x", function: [] }, output: "" }] }, 400, "invalid_entry"],
    ["an oversized body", "/reward", { items: [{ id: "simple_python_0", output: "x".repeat(MAX_BODY) }] }, 413, "body_too_large"],
    ["OpenRLHF: labels missing", "/get_reward", { query: ["a"], prompts: ["a"] }, 400, "invalid_request"],
    ["OpenRLHF: a query without its prompt", "/get_reward", { query: ["abc"], prompts: ["xyz"], labels: ["simple_python_0"] }, 400, "invalid_request"],
    ["OpenRLHF: an unknown label", "/get_reward", { query: ["p[f()]"], prompts: ["p"], labels: ["nope_1"] }, 422, "unknown_id"],
    ["an unknown route", "/score", {}, 404, "not_found"],
  ])("refuses %s", async (_name, path, body, status, code) => {
    const res = await post(path, body);
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(typeof res.json.error.message).toBe("string");
  });

  it("lists the unknown ids", async () => {
    const { json } = await post("/reward", { items: [{ id: "simple_python_999", output: "" }] });
    expect(json.error.ids).toEqual(["simple_python_999"]);
  });

  it("refuses a GET on a POST route with 405 and Allow", async () => {
    const res = await fetch(`${base}/reward`);
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");
  });

  it("refuses an oversized body sent without a length, while it streams", async () => {
    const { status, json } = await new Promise<{ status: number; json: any }>((resolve, reject) => {
      const req = request(`${base}/reward`, { method: "POST", headers: { "transfer-encoding": "chunked" } }, (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode!, json: JSON.parse(text) }));
      });
      req.on("error", reject);
      req.write(`{"items": [{"id": "simple_python_0", "output": "${"x".repeat(MAX_BODY / 2)}`);
      req.end(`${"x".repeat(MAX_BODY)}"}]}`);
    });
    expect(status).toBe(413);
    expect(json.error.code).toBe("body_too_large");
  });
});

describe("graceful shutdown", () => {
  it("lets a request in flight finish, then closes", async () => {
    const own = createRewardServer({ scorers: SuiteScorers.of(suite.entries) });
    const { port } = await own.listen(0, "127.0.0.1");
    const body = JSON.stringify({ items: [{ id: "simple_python_0", output: CIRCLE }] });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path: "/reward", method: "POST", headers: { "content-length": Buffer.byteLength(body) } }, (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode!, text }));
      });
      req.on("error", reject);
      // Half the body now, the rest after close() has begun: the request is in flight.
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 100);
    });
    await new Promise((r) => setTimeout(r, 30));
    const closed = own.close();
    const res = await response;
    await closed;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).rewards).toEqual([1]);
    await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
  });
});
