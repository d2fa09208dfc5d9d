/**
 * Grading and rewarding over worker threads, for result files large enough that one core is the
 * limit (`toolgrade score --workers N`, `toolgrade reward --workers N`). The main thread only
 * cuts the input into line-aligned batches of bytes (readBatches) and transfers them; workers
 * (worker.node.ts) decode, read the JSON, grade and reply. Replies are taken in the order the batches were sent, whatever order the workers
 * finish in, so the output is the same as on one thread; at most a few batches per worker are
 * in flight, so memory stays bounded however large the input.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { BatchJob, BatchReply, BatchResult, BatchSetup } from "./protocol.js";

export interface BatchPoolOptions {
  setup: BatchSetup;
  workers: number;
  /** The worker script; default `batch-worker.js` beside this module (as built in dist/). */
  workerUrl?: URL | string;
}

/** Bytes per batch (some hundreds of result lines): small enough to spread work evenly, large enough that messaging is cheap. */
export const BATCH_BYTES = 64 << 10;

export class BatchPool {
  private readonly workers: Worker[] = [];
  private readonly busy: number[] = [];
  private readonly pending = new Map<number, { worker: number; resolve: (r: BatchResult) => void; reject: (e: Error) => void }>();
  private nextJob = 0;
  private broken: Error | undefined;

  /** @example const pool = new BatchPool({ setup: { data: "data", golds: "golds" }, workers: 2 }); */
  constructor(options: BatchPoolOptions) {
    const url = options.workerUrl ?? new URL("./batch-worker.js", import.meta.url);
    const file = typeof url === "string" ? url : fileURLToPath(url);
    if (!existsSync(file)) throw new Error(`batch worker script not found: ${file} (build it with the package, or pass workerUrl)`);
    for (let i = 0; i < Math.max(1, Math.floor(options.workers)); i++) {
      const w = new Worker(file, { workerData: options.setup });
      w.on("message", (reply: BatchReply) => this.settle(reply));
      w.on("error", (e) => this.fail(e));
      w.on("exit", (code) => {
        if (code !== 0) this.fail(new Error(`batch worker ${i} exited with code ${code}`));
      });
      this.workers.push(w);
      this.busy.push(0);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Sends one batch to the least busy worker. */
  submit(job: Omit<BatchJob, "job">): Promise<BatchResult> {
    if (this.broken) return Promise.reject(this.broken);
    let worker = 0;
    for (let i = 1; i < this.busy.length; i++) if (this.busy[i]! < this.busy[worker]!) worker = i;
    const id = this.nextJob++;
    this.busy[worker]!++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { worker, resolve, reject });
      const message: BatchJob = { ...job, job: id };
      this.workers[worker]!.postMessage(message, [job.bytes.buffer as ArrayBuffer]);
    });
  }

  /**
   * Sends every batch, a few per worker at a time, and hands each result to `take` in the order
   * the batches were made. `take` may throw (a malformed line): no more batches are sent.
   */
  async runOrdered(jobs: Iterable<Omit<BatchJob, "job">>, take: (r: BatchResult) => void): Promise<void> {
    const window = this.workers.length * 3;
    const inFlight: Array<Promise<BatchResult>> = [];
    try {
      for (const job of jobs) {
        const p = this.submit(job);
        p.catch(() => {});
        inFlight.push(p);
        if (inFlight.length >= window) take(await inFlight.shift()!);
      }
      while (inFlight.length) take(await inFlight.shift()!);
    } finally {
      for (const p of inFlight) p.catch(() => {});
    }
  }

  async close(): Promise<void> {
    this.broken ??= new Error("the batch pool is closed");
    for (const [, p] of this.pending) p.reject(this.broken);
    this.pending.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private settle(reply: BatchReply): void {
    const p = this.pending.get(reply.job);
    if (!p) return;
    this.pending.delete(reply.job);
    this.busy[p.worker]!--;
    if ("crash" in reply) p.reject(new Error(`batch worker failed: ${reply.crash}`));
    else p.resolve(reply);
  }

  private fail(e: Error): void {
    this.broken ??= e;
    for (const [, p] of this.pending) p.reject(e);
    this.pending.clear();
  }
}

/** Maps an iterable lazily (jobs are made as the pool has room for them). */
export function* mapIterable<T, U>(items: Iterable<T>, f: (t: T) => U): Generator<U> {
  for (const t of items) yield f(t);
}
