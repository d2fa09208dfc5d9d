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
import { availableParallelism } from "node:os";
import { resolveOptions, RewardOptionsError, type PresetId, type RewardOptions } from "./options.js";
import { RequestError, type RequestErrorCode, type RewardItem } from "./requests.js";
import type { RewardRecord } from "./suiteScorers.js";
import type { Job, WorkerSetup } from "./worker.node.js";
import { WorkerSet } from "../batch/workerSet.node.js";

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

type Reply = { job: number; records: RewardRecord[] } | { job: number; error: { status: number; code: string; message: string; ids?: string[] } };

export class RewardPool {
  private readonly set: WorkerSet<Reply>;
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
    this.minSlice = Math.max(1, options.minSlice ?? 64);
    const setup: WorkerSetup = { suite: options.suite, options: reward };
    this.set = new WorkerSet<Reply>({
      script: options.workerUrl ?? new URL("./reward-worker.js", import.meta.url),
      name: "reward worker",
      count: options.workers ?? availableParallelism(),
      workerData: setup,
      // Requests are independent: a dead worker fails only what it held.
      failAll: false,
    });
  }

  get size(): number {
    return this.set.size;
  }

  /** Scores a batch across the workers; rejects with a RequestError (unknown ids…) as scoring in-thread would. */
  async score(items: readonly RewardItem[], preset?: PresetId): Promise<RewardRecord[]> {
    if (this.set.broken) throw this.set.broken;
    const slices = Math.max(1, Math.min(this.set.size, Math.floor(items.length / this.minSlice)));
    const size = Math.ceil(items.length / slices);
    const parts: Array<Promise<RewardRecord[]>> = [];
    for (let k = 0; k < slices; k++) parts.push(this.send(items.slice(k * size, (k + 1) * size), preset));
    return (await Promise.all(parts)).flat();
  }

  /** Stops the workers. Pending batches are rejected. */
  async close(): Promise<void> {
    await this.set.close("the reward pool is closed");
  }

  private async send(items: RewardItem[], preset: PresetId | undefined): Promise<RewardRecord[]> {
    const reply = await this.set.send((job): Job => ({ job, items, preset }));
    if ("records" in reply) return reply.records;
    if (reply.error.status < 500) throw new RequestError(reply.error.status, reply.error.code as RequestErrorCode, reply.error.message, reply.error.ids);
    throw new Error(reply.error.message);
  }
}
