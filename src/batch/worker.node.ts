/**
 * A batch worker thread (started by pool.node.ts, built as `dist/batch-worker.js`): reads the
 * result lines of a job, grades or rewards each record against the suite, and replies with one
 * item per record. A malformed line ends the batch with the SuiteError's file, line and problem
 * (the records before it are still in the reply, so the main thread reports the first bad line
 * of the whole input, as reading on one thread would).
 */
import { parentPort, workerData } from "node:worker_threads";
import { grade } from "../grade.js";
import { compile, type Scorer } from "../reward/compile.js";
import { rewardRecord } from "../reward/suiteScorers.js";
import { LazySuite } from "../suite/lazySuite.js";
import { resultRecord } from "../suite/parseResults.js";
import { readJsonLine, SuiteError } from "../suite/parseSuite.js";
import type { Entry } from "../types.js";
import { pack } from "../value/transfer.js";
import type { BatchItem, BatchJob, BatchReply, BatchSetup, BatchTask } from "./protocol.js";

const setup = workerData as BatchSetup;
const suite = new LazySuite(setup.data, setup.golds);
/** Reward scorers compiled on first use, by options and entry id. */
const scorers = new Map<string, Map<string, Scorer>>();

function scorerOf(task: BatchTask & { kind: "reward" }, entry: Entry): Scorer {
  const key = JSON.stringify(task.options);
  let byId = scorers.get(key);
  if (!byId) scorers.set(key, (byId = new Map()));
  let s = byId.get(entry.id);
  if (!s) byId.set(entry.id, (s = compile(entry, task.options)));
  return s;
}

function run(job: BatchJob): BatchReply {
  const items: BatchItem[] = [];
  for (let i = 0; i < job.texts.length; i++) {
    const line = job.lines[i]!;
    try {
      const value = readJsonLine(job.file, line, job.texts[i]!);
      if (!value) continue;
      const r = resultRecord(job.file, line, value, job.category);
      if (job.only && !job.only.includes(r.category)) continue;
      const entry = suite.entry(r.id, r.category);
      const item: BatchItem = { id: r.id, category: r.category, line };
      const task = job.task;
      if (entry && task.kind === "score") item.result = pack(grade(entry, r.result, task.options));
      else if (entry && task.kind === "reward") item.reward = rewardRecord(entry.id, entry.category, scorerOf(task, entry)(r.result));
      items.push(item);
    } catch (e) {
      if (e instanceof SuiteError) return { job: job.job, items, error: { file: e.file, line: e.line, problem: e.problem } };
      throw e;
    }
  }
  return { job: job.job, items };
}

parentPort!.on("message", (job: BatchJob) => {
  let reply: BatchReply;
  try {
    reply = run(job);
  } catch (e) {
    reply = { job: job.job, crash: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply);
});
