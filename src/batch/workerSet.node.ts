/**
 * The part every worker pool shares (the batch pool of `score`/`reward --workers` and the reward
 * server's pool): start N workers from a built script, send each message to the least busy one,
 * match replies to their promises by job id, and on a worker's failure reject what it holds and
 * refuse new work. What the messages mean is the pool's business.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker, type ResourceLimits, type Transferable } from "node:worker_threads";

export interface WorkerSetOptions {
  /** The worker script (a URL or path); its absence is an error naming it. */
  script: URL | string;
  /** What the script is called in errors ("batch worker", "reward worker"). */
  name: string;
  count: number;
  workerData: unknown;
  resourceLimits?: ResourceLimits;
  /** The error a worker's own error becomes (out of memory, say); default: itself. */
  describeError?: (worker: number, e: Error) => Error;
  /** On a worker's failure, reject every pending job (true) or only that worker's. */
  failAll: boolean;
}

export class WorkerSet<Reply extends { job: number }> {
  private readonly workers: Worker[] = [];
  private readonly busy: number[] = [];
  private readonly pending = new Map<number, { worker: number; resolve: (r: Reply) => void; reject: (e: Error) => void }>();
  private nextJob = 0;
  private readonly failAll: boolean;
  /** Set once a worker failed or the set was closed; no job is accepted after. */
  broken: Error | undefined;

  constructor(options: WorkerSetOptions) {
    const file = typeof options.script === "string" ? options.script : fileURLToPath(options.script);
    if (!existsSync(file)) throw new Error(`${options.name} script not found: ${file} (build it with the package, or pass workerUrl)`);
    this.failAll = options.failAll;
    for (let i = 0; i < Math.max(1, Math.floor(options.count)); i++) {
      const w = new Worker(file, { workerData: options.workerData, ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}) });
      w.on("message", (reply: Reply) => this.settle(reply));
      w.on("error", (e) => this.fail(i, options.describeError ? options.describeError(i, e) : e));
      w.on("exit", (code) => {
        if (code !== 0) this.fail(i, new Error(`${options.name} ${i} exited with code ${code}`));
      });
      this.workers.push(w);
      this.busy.push(0);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Posts `message(job)` to the least busy worker; resolves with the reply carrying that job id. */
  send<M>(message: (job: number) => M, transfer?: readonly Transferable[]): Promise<Reply> {
    if (this.broken) return Promise.reject(this.broken);
    let worker = 0;
    for (let i = 1; i < this.busy.length; i++) if (this.busy[i]! < this.busy[worker]!) worker = i;
    const job = this.nextJob++;
    this.busy[worker]!++;
    return new Promise((resolve, reject) => {
      this.pending.set(job, { worker, resolve, reject });
      this.workers[worker]!.postMessage(message(job), transfer);
    });
  }

  /** Stops the workers; pending jobs are rejected with `reason`. */
  async close(reason: string): Promise<void> {
    this.broken ??= new Error(reason);
    for (const [, p] of this.pending) p.reject(this.broken);
    this.pending.clear();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private settle(reply: Reply): void {
    const p = this.pending.get(reply.job);
    if (!p) return;
    this.pending.delete(reply.job);
    this.busy[p.worker]!--;
    p.resolve(reply);
  }

  private fail(worker: number, e: Error): void {
    this.broken ??= e;
    for (const [job, p] of this.pending) {
      if (!this.failAll && p.worker !== worker) continue;
      this.pending.delete(job);
      p.reject(e);
    }
  }
}
