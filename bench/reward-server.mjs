// The reward server's sustained throughput on loopback: `toolgrade serve` in a child process,
// a client here sending batches of 256 real model outputs (BFCL simple_python and
// parallel_multiple, from the conformance corpus) over keep-alive connections.
//
//   npm run build && TOOLGRADE_SHARED=../shared node bench/reward-server.mjs
//
// Bounded in count and time: per protocol, a warm-up of 400 batches or 5 s (the server's JIT
// needs some thousands of rewards), then BENCH_BATCHES batches (default 1,000, i.e. 256,000
// rewards) or BENCH_SECONDS (default 30), whichever ends first.
// BENCH_CONNECTIONS (default 2) requests in flight; BENCH_WORKERS (default 0) passes
// --workers to the server. Client and server share the machine's cores.
//
// bench/index.mjs imports serverBench to put these figures in its table.
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { availableParallelism, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { corpusSamples } from "./reward.mjs";

const BATCH = 256;
export const SERVER_RUNS = ["qwen3-4b-instruct-2507", "aafv-qwen2.5-7b-instruct", "aafv-llama-3.1-8b-instruct", "v1-claude-3.5-sonnet-20240620", "v1-gorilla-openfunctions-v2"];
export const SERVER_LABELS = { reward: "POST /reward (with details)", rewards: "POST /reward (rewards only)", get_reward: "POST /get_reward (OpenRLHF)" };

/** The corpus outputs the server is fed: {id, output}. They travel as JSON, so how they are read does not matter. */
export function serverSamples(shared, readJsonLines) {
  return ["simple_python", "parallel_multiple"].flatMap((category) => corpusSamples(shared, readJsonLines, category, SERVER_RUNS).map((s) => ({ id: s.id, output: s.result })));
}

// A few distinct bodies per protocol, built once, so the client spends little CPU.
const PROMPT = "<|im_start|>user\nCall the right function.<|im_end|>\n<|im_start|>assistant\n";
function bodies(kind, samples) {
  const out = [];
  for (let b = 0; b < 16; b++) {
    const items = Array.from({ length: BATCH }, (_, i) => samples[(b * BATCH + i * 7) % samples.length]);
    if (kind === "get_reward") {
      out.push(JSON.stringify({ query: items.map((s) => PROMPT + s.output), prompts: items.map(() => PROMPT), labels: items.map((s) => s.id) }));
    } else {
      out.push(JSON.stringify({ items: items.map((s) => ({ id: s.id, output: s.output })), details: kind === "reward" }));
    }
  }
  return out;
}

/**
 * Starts `toolgrade serve` on the suite and measures each protocol: rows of {kind, label,
 * batches, rewardsPerSecond, p50, p99, max} (latencies in ms).
 */
export async function serverBench({ dist, data, golds, samples, batches = 1000, seconds = 30, connections = 2, workers = "0", warmMs = 5000, kinds = ["reward", "rewards", "get_reward"] }) {
  const args = [join(dist, "cli.js"), "serve", "--data", data, ...(golds ? ["--golds", golds] : []), "--port", "0", "--host", "127.0.0.1", "--workers", String(workers)];
  const server = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  const rows = [];
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  try {
    const base = await new Promise((resolvePort, reject) => {
      let text = "";
      server.stdout.on("data", (chunk) => {
        text += chunk;
        const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(text);
        if (m) resolvePort(m[1]);
      });
      server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
      setTimeout(() => reject(new Error("server did not start in 60 s")), 60_000).unref();
    });
    const url = new URL(base);
    const post = (path, body) =>
      new Promise((done, fail) => {
        const req = request({ host: url.hostname, port: url.port, path, method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
          const chunks = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => {
            if (res.statusCode !== 200) fail(new Error(`${path}: HTTP ${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 200)}`));
            else done(JSON.parse(Buffer.concat(chunks).toString()).rewards.length);
          });
        });
        req.on("error", fail);
        req.end(body);
      });
    for (const kind of kinds) {
      const path = kind === "get_reward" ? "/get_reward" : "/reward";
      const payloads = bodies(kind, samples);
      let next = 0;
      const send = () => post(path, payloads[next++ % payloads.length]);
      const warm = performance.now() + warmMs;
      for (let i = 0; i < 200 && performance.now() < warm; i++) await Promise.all([send(), send()]);
      const latencies = [];
      let rewards = 0;
      let sent = 0;
      const t0 = performance.now();
      const deadline = t0 + seconds * 1000;
      await Promise.all(
        Array.from({ length: connections }, async () => {
          while (sent < batches && performance.now() < deadline) {
            sent++;
            const t = performance.now();
            const n = await send();
            // (not `rewards += await send()`: that reads `rewards` before the await and loses updates)
            rewards += n;
            latencies.push(performance.now() - t);
          }
        }),
      );
      const elapsed = (performance.now() - t0) / 1000;
      latencies.sort((a, b) => a - b);
      const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
      rows.push({ kind, label: SERVER_LABELS[kind], batches: latencies.length, rewardsPerSecond: rewards / elapsed, p50: q(0.5), p99: q(0.99), max: q(1) });
    }
  } finally {
    agent.destroy();
    server.kill("SIGTERM");
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const dist = resolve(process.env.TOOLGRADE_DIST ?? join(here, "../dist"));
  const shared = resolve(process.env.TOOLGRADE_SHARED ?? join(here, "../../shared"));
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 2);
  const workers = process.env.BENCH_WORKERS ?? "0";
  const { readJsonLines } = await import(join(dist, "index.js"));
  console.log(`toolgrade reward server · ${BATCH} outputs per batch · ${connections} connections · server workers ${workers} · load average ${loadavg().map((x) => x.toFixed(2)).join(" ")} on ${availableParallelism()} cores`);
  const rows = await serverBench({
    dist,
    data: join(shared, "bfcl"),
    samples: serverSamples(shared, readJsonLines),
    batches: Number(process.env.BENCH_BATCHES ?? 1000),
    seconds: Number(process.env.BENCH_SECONDS ?? 30),
    connections,
    workers,
  });
  for (const r of rows) {
    console.log(`${r.label.padEnd(30)} ${String(r.batches).padStart(4)} batches  ${Math.round(r.rewardsPerSecond).toLocaleString("en").padStart(8)} rewards/s  latency p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  max ${r.max.toFixed(1)} ms`);
  }
}
