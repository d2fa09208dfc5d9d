/**
 * Grading and rewarding over worker threads, for result files large enough that one core is the
 * limit (`toolgrade score --workers N`, `toolgrade reward --workers N`). The main thread only
 * cuts the input into line-aligned batches of bytes (readBatches) and transfers them; workers
 * (worker.node.ts) decode, read the JSON, grade and reply. Replies are taken in the order the batches were sent, whatever order the workers
 * finish in, so the output is the same as on one thread; at most a few batches per worker are
 * in flight, so memory stays bounded however large the input.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { BatchJob, BatchReply, BatchResult, BatchSetup } from "./protocol.js";
import { WorkerSet } from "./workerSet.node.js";

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
  private readonly set: WorkerSet<BatchReply>;

  /** @example const pool = new BatchPool({ setup: { data: "data", golds: "golds" }, workers: 2 }); */
  constructor(options: BatchPoolOptions) {
    const maxOldGenerationSizeMb = options.maxOldGenerationSizeMb ?? workerHeapLimitMb(options.setup);
    this.set = new WorkerSet<BatchReply>({
      script: options.workerUrl ?? new URL("./batch-worker.js", import.meta.url),
      name: "batch worker",
      count: options.workers,
      workerData: options.setup,
      resourceLimits: { maxOldGenerationSizeMb },
      describeError: (i, e) =>
        (e as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY"
          ? new BatchMemoryError(`batch worker ${i} ran out of memory (heap limit ${maxOldGenerationSizeMb} MB); run without --workers`)
          : e,
      // Results are taken in order: one lost batch stalls them all.
      failAll: true,
    });
  }

  get size(): number {
    return this.set.size;
  }

  /** Sends one batch to the least busy worker. */
  async submit(job: Omit<BatchJob, "job">): Promise<BatchResult> {
    const reply = await this.set.send((id): BatchJob => ({ ...job, job: id }), [job.bytes.buffer as ArrayBuffer]);
    if ("crash" in reply) throw new Error(`batch worker failed: ${reply.crash}`);
    return reply;
  }

  /**
   * Sends every batch, a few per worker at a time, and hands each result to `take` in the order
   * the batches were made. `take` may throw (a malformed line): no more batches are sent.
   */
  async runOrdered(jobs: Iterable<Omit<BatchJob, "job">>, take: (r: BatchResult) => void): Promise<void> {
    const window = this.set.size * 3;
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
    await this.set.close("the batch pool is closed");
  }
}

/** Maps an iterable lazily (jobs are made as the pool has room for them). */
export function* mapIterable<T, U>(items: Iterable<T>, f: (t: T) => U): Generator<U> {
  for (const t of items) yield f(t);
}
