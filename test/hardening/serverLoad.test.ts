/**
 * The reward server under load on loopback, in-process on an ephemeral port: 2,000 requests from
 * 32 concurrent clients with oversized, malformed and unknown-id requests mixed in, slow clients
 * that trickle their headers or body, and clients that drop the connection mid-body. Every
 * well-formed request gets exactly the rewards compile() gives; every bad one a 4xx with a code;
 * slow clients are cut off by the header and request timeouts while the others are served; heap
 * growth stays bounded; the server is healthy afterwards and closes promptly (nothing left in
 * flight). Bounded: a fixed number of requests, and the whole file stops by itself within 60 s.
 */
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../../src/reward/compile.js";
import { createRewardServer, type RewardServer } from "../../src/reward/server.node.js";
import { SuiteScorers } from "../../src/reward/suiteScorers.js";
import { seeded } from "../oracle/mutate.js";
import { exampleSuite } from "../helpers/example.js";
import { CORPUS } from "./corpus.js";

const suite = exampleSuite();
const entries = [...suite.entries.values()].flat();
const MAX_BODY = 64 * 1024;
const HEADERS_TIMEOUT = 1000;
const REQUEST_TIMEOUT = 2000;
const REQUESTS = 2000;
const CLIENTS = 32;

/** Outputs to score: correct, wrong and hostile (small corpus cases), each with its expected reward per entry. */
const outputs = [
  "[geometry.circle_area(radius=7.0, unit='cm')]",
  "[geometry.circle_area(radius=8.0)]",
  "I cannot help with that.",
  '<tool_call>{"name": "f", "arguments": {"a": 1}}</tool_call>',
  ...CORPUS.filter((c) => c.size === 1 && !c.payload).map((c) => c.make(1) as string),
];
const scorers = new Map(entries.map((e) => [e.id, compile(e)]));
const expected = (id: string, output: string) => scorers.get(id)!(output).score;

let server: RewardServer;
let port: number;

beforeAll(async () => {
  server = createRewardServer({ scorers: SuiteScorers.of(suite.entries), maxBodyBytes: MAX_BODY, headersTimeoutMs: HEADERS_TIMEOUT, requestTimeoutMs: REQUEST_TIMEOUT, graceMs: 2000 });
  ({ port } = await server.listen(0, "127.0.0.1"));
});

afterAll(async () => {
  if (server.server.listening) await server.close();
});

async function post(body: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`http://127.0.0.1:${port}/reward`, { method: "POST", headers: { "content-type": "application/json" }, body });
  return { status: res.status, json: await res.json() };
}

/** A raw socket, for clients that misbehave below HTTP. */
function socket(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, "127.0.0.1", () => resolve(s));
    s.on("error", reject);
  });
}

/** Resolves when the server closes the socket, with what it sent. */
function closed(s: Socket): Promise<{ text: string; ms: number }> {
  const start = performance.now();
  return new Promise((resolve) => {
    let text = "";
    s.on("data", (c) => (text += c));
    s.on("error", () => {});
    s.on("close", () => resolve({ text, ms: performance.now() - start }));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("reward server under load", () => {
  it("answers every well-formed request correctly and refuses every bad one, with slow and dropped clients around", async () => {
    const random = seeded(9);
    const heapBefore = process.memoryUsage().heapUsed;
    const stats = { ok: 0, refused: new Map<string, number>(), wrong: [] as string[] };

    // Slow clients: 8 trickle their headers, 8 send headers then trickle the body. They start
    // first and must be cut off by the timeouts while the load below is served.
    const slow = await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        const s = await socket();
        const done = closed(s);
        const body = JSON.stringify({ items: [{ id: entries[0]!.id, output: outputs[0] }] });
        const head = i < 8 ? "POST /reward HTTP/1.1\r\nHost: x\r\n" : `POST /reward HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
        s.write(head);
        const timer = setInterval(() => {
          if (!s.destroyed) s.write(i < 8 ? "X-Slow: 1\r\n" : " ");
        }, 100);
        return done.finally(() => clearInterval(timer));
      }),
    );

    // Dropped connections: 50 clients announce a body, send half, and vanish.
    const dropped = await Promise.all(
      Array.from({ length: 50 }, async () => {
        const s = await socket();
        s.write(`POST /reward HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{"items": [{"id": "${entries[0]!.id}", "output": "`);
        await sleep(random() * 50);
        s.destroy();
      }),
    );
    expect(dropped).toHaveLength(50);

    let next = 0;
    const client = async () => {
      while (next < REQUESTS) {
        const n = next++;
        const kind = n % 20;
        if (kind === 7) {
          const r = await post(JSON.stringify({ items: [{ id: entries[0]!.id, output: "x".repeat(MAX_BODY) }] }));
          stats.refused.set(`${r.status} ${r.json.error?.code}`, (stats.refused.get(`${r.status} ${r.json.error?.code}`) ?? 0) + 1);
          continue;
        }
        if (kind === 13) {
          const r = await post('{"items": [{"id": "simple_python_0", "output": ');
          stats.refused.set(`${r.status} ${r.json.error?.code}`, (stats.refused.get(`${r.status} ${r.json.error?.code}`) ?? 0) + 1);
          continue;
        }
        if (kind === 17) {
          const r = await post(JSON.stringify({ items: [{ id: "no_such_entry_1", output: "" }] }));
          stats.refused.set(`${r.status} ${r.json.error?.code}`, (stats.refused.get(`${r.status} ${r.json.error?.code}`) ?? 0) + 1);
          continue;
        }
        const items = Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
          id: entries[Math.floor(random() * entries.length)]!.id,
          output: outputs[Math.floor(random() * outputs.length)]!,
        }));
        const r = await post(JSON.stringify({ items, details: false }));
        const want = items.map((it) => expected(it.id, it.output));
        if (r.status === 200 && JSON.stringify(r.json.rewards) === JSON.stringify(want)) stats.ok++;
        else stats.wrong.push(`request ${n}: ${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, client));
    const elapsed = performance.now() - started;

    const bad = 3 * (REQUESTS / 20);
    expect(stats.wrong).toEqual([]);
    expect(stats.ok).toBe(REQUESTS - bad);
    expect(Object.fromEntries(stats.refused)).toEqual({ "413 body_too_large": REQUESTS / 20, "400 bad_json": REQUESTS / 20, "422 unknown_id": REQUESTS / 20 });

    // Every slow client was cut off by a timeout (408), not served and not left hanging.
    const cut = await Promise.all(slow);
    for (const c of cut) {
      expect(c.ms).toBeLessThan(REQUEST_TIMEOUT + 3000);
      expect(c.text === "" || c.text.startsWith("HTTP/1.1 408")).toBe(true);
    }
    // The load was served while they trickled: it did not wait for the timeouts to fire.
    console.log(`${REQUESTS} requests from ${CLIENTS} clients in ${elapsed.toFixed(0)} ms; slow clients cut after ${Math.min(...cut.map((c) => c.ms)).toFixed(0)}–${Math.max(...cut.map((c) => c.ms)).toFixed(0)} ms`);

    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    expect(heapGrowth).toBeLessThan(150 * 1024 * 1024);

    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
  });

  it("closes promptly afterwards: no request is left in flight", async () => {
    const t = performance.now();
    await server.close();
    expect(performance.now() - t).toBeLessThan(1500);
  });
});
