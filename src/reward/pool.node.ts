/**
 * Batch scoring over worker threads, for inputs large enough that one core is the limit: a
 * fixed set of workers (worker.node.ts), each loading the suite once, and a batch cut into one
 * contiguous slice per worker. Records come back in the batch's order, and are the same records
 * one thread would give (scoring is deterministic and stateless).
 *
 * Workers get the options through structured cloning, so custom alias tables (class instances)
 * cannot be sent; such options are refused up front. A worker that dies fails its pending
 * batches; the pool then refuses new ones.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { resolveOptions, RewardOptionsError, type PresetId, type RewardOptions } from "./options.js";
import { RequestError, type RequestErrorCode, type RewardItem } from "./requests.js";
import type { RewardRecord } from "./suiteScorers.js";
import type { Job, WorkerSetup } from "./worker.node.js";

export interface RewardPoolOptions {
  /** The suite folder (and gold folder) every worker loads. Omit to score inline entries only. */
  suite?: { dir: string; golds?: string };
  reward?: RewardOptions;
  /** Number of workers (default: the machine's parallelism, at least 1). */
  workers?: number;
  /** The worker script; default `reward-worker.js` beside this module (as built in dist/). */
  workerUrl?: URL | string;
  /** Smallest slice worth sending to another worker (default 64 items). */
  minSlice?: number;
}

interface Pending {
  resolve: (records: RewardRecord[]) => void;
  reject: (e: Error) => void;
}

type Reply = { job: number; records: RewardRecord[] } | { job: number; error: { status: number; code: string; message: string; ids?: string[] } };

export class RewardPool {
  private readonly workers: Worker[];
  private readonly busy: number[];
  private readonly pending = new Map<number, Pending & { worker: number }>();
  private nextJob = 0;
  private broken: Error | undefined;
  readonly minSlice: number;

  /**
   * @example
   * const pool = new RewardPool({ suite: { dir: "data", golds: "golds" }, workers: 2 });
   * const records = await pool.score([{ id: "simple_python_0", output: "[f(x=1)]" }]);
   * await pool.close();
   */
  constructor(options: RewardPoolOptions = {}) {
    const reward = options.reward ?? {};
    resolveOptions(reward);
    if (reward.match?.aliases) throw new RewardOptionsError("match.aliases", "custom alias tables cannot be sent to worker threads");
    const url = options.workerUrl ?? new URL("./reward-worker.js", import.meta.url);
    const file = typeof url === "string" ? url : fileURLToPath(url);
    if (!existsSync(file)) throw new Error(`reward worker script not found: ${file} (build it with the package, or pass workerUrl)`);
    const n = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
    this.minSlice = Math.max(1, options.minSlice ?? 64);
    const setup: WorkerSetup = { suite: options.suite, options: reward };
    this.workers = [];
    this.busy = [];
    for (let i = 0; i < n; i++) {
      const w = new Worker(file, { workerData: setup });
      w.on("message", (reply: Reply) => this.settle(reply));
      w.on("error", (e) => this.fail(i, e));
      w.on("exit", (code) => {
        if (code !== 0) this.fail(i, new Error(`reward worker ${i} exited with code ${code}`));
      });
      this.workers.push(w);
      this.busy.push(0);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Scores a batch across the workers; rejects with a RequestError (unknown ids…) as scoring in-thread would. */
  async score(items: readonly RewardItem[], preset?: PresetId): Promise<RewardRecord[]> {
    if (this.broken) throw this.broken;
    const slices = Math.max(1, Math.min(this.workers.length, Math.floor(items.length / this.minSlice)));
    const size = Math.ceil(items.length / slices);
    const parts: Array<Promise<RewardRecord[]>> = [];
    for (let k = 0; k < slices; k++) parts.push(this.send(items.slice(k * size, (k + 1) * size), preset));
    return (await Promise.all(parts)).flat();
  }

  /** Stops the workers. Pending batches are rejected. */
  async close(): Promise<void> {
    this.broken ??= new Error("the reward pool is closed");
    for (const [, p] of this.pending) p.reject(this.broken);
    this.pending.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private send(items: RewardItem[], preset: PresetId | undefined): Promise<RewardRecord[]> {
    let worker = 0;
    for (let i = 1; i < this.busy.length; i++) if (this.busy[i]! < this.busy[worker]!) worker = i;
    const job = this.nextJob++;
    this.busy[worker]!++;
    return new Promise((resolve, reject) => {
      this.pending.set(job, { resolve, reject, worker });
      const message: Job = { job, items, preset };
      this.workers[worker]!.postMessage(message);
    });
  }

  private settle(reply: Reply): void {
    const p = this.pending.get(reply.job);
    if (!p) return;
    this.pending.delete(reply.job);
    this.busy[p.worker]!--;
    if ("records" in reply) p.resolve(reply.records);
    else if (reply.error.status < 500) p.reject(new RequestError(reply.error.status, reply.error.code as RequestErrorCode, reply.error.message, reply.error.ids));
    else p.reject(new Error(reply.error.message));
  }

  private fail(worker: number, e: Error): void {
    this.broken ??= e;
    for (const [job, p] of this.pending) {
      if (p.worker !== worker) continue;
      this.pending.delete(job);
      p.reject(e);
    }
  }
}
