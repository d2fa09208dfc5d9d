/**
 * Grading and rewarding over worker threads, for result files large enough that one core is the
 * limit (`toolgrade score --workers N`, `toolgrade reward --workers N`). The main thread only
 * cuts the input into line-aligned batches of bytes (readBatches) and transfers them; workers
 * (worker.node.ts) decode, read the JSON, grade and reply. Replies are taken in the order the batches were sent, whatever order the workers
 * finish in, so the output is the same as on one thread; at most a few batches per worker are
 * in flight, so memory stays bounded however large the input.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { BatchJob, BatchReply, BatchResult, BatchSetup } from "./protocol.js";

export interface BatchPoolOptions {
  setup: BatchSetup;
  workers: number;
  /** The worker script; default `batch-worker.js` beside this module (as built in dist/). */
  workerUrl?: URL | string;
  /** Each worker's old-generation heap limit; default {@link workerHeapLimitMb} of the suite. */
  maxOldGenerationSizeMb?: number;
}

/**
 * Each worker's old-generation heap limit, in MB: 256, or 32 MB per MB of suite files when the
 * suite is larger (BFCL v4's 8 MB suite takes 35-75 MB of a worker's heap).
 *
 * Not for safety but for peak memory: V8 grows a heap by a factor of up to 4 between full
 * collections when its limit is large (a worker's default limit follows the machine's memory,
 * ~4 GB here), and by 1.3-2 when the limit is under 2 GB. Each worker allocates garbage at a
 * steady rate, so with the default the two workers of a 1M-line reward run held 86-108 MB of
 * heap each and the process peaked at 340-450 MB; at 256 MB it peaks at 290-305 MB in the same
 * time.
 */
export function workerHeapLimitMb(setup: BatchSetup): number {
  let bytes = 0;
  for (const dir of [setup.data, setup.golds ?? join(setup.data, "possible_answer")]) {
    try {
      for (const name of readdirSync(dir)) {
        const s = statSync(join(dir, name), { throwIfNoEntry: false });
        if (s?.isFile()) bytes += s.size;
      }
    } catch {
      // A missing folder is reported when a worker reads the suite.
    }
  }
  return Math.max(256, Math.ceil((32 * bytes) / 2 ** 20));
}

/** Bytes per batch (some hundreds of result lines): small enough to spread work evenly, large enough that messaging is cheap. */
export const BATCH_BYTES = 64 << 10;

/** A worker that ran out of heap: the commands report it as bad input (a message, no stack). */
export class BatchMemoryError extends Error {}

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
    const maxOldGenerationSizeMb = options.maxOldGenerationSizeMb ?? workerHeapLimitMb(options.setup);
    for (let i = 0; i < Math.max(1, Math.floor(options.workers)); i++) {
      const w = new Worker(file, { workerData: options.setup, resourceLimits: { maxOldGenerationSizeMb } });
      w.on("message", (reply: BatchReply) => this.settle(reply));
      w.on("error", (e) => {
        const oom = (e as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY";
        this.fail(oom ? new BatchMemoryError(`batch worker ${i} ran out of memory (heap limit ${maxOldGenerationSizeMb} MB); run without --workers`) : e);
      });
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
