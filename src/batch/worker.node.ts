/**
 * A batch worker thread (started by pool.node.ts, built as `dist/batch-worker.js`): decodes the
 * result lines of a job, grades or rewards each record against the suite, and replies with what
 * the command keeps. A malformed line ends the batch with the SuiteError's file, line and
 * problem (the records before it are still in the reply, so the main thread reports the first
 * bad line of the whole input, as reading on one thread would).
 */
import { parentPort, workerData } from "node:worker_threads";
import { grade } from "../grade.js";
import { compile, type Scorer } from "../reward/compile.js";
import { rewardRecord } from "../reward/suiteScorers.js";
import { LazySuite } from "../suite/lazySuite.js";
import { resultRecord } from "../suite/parseResults.js";
import { readJsonLine, SuiteError } from "../suite/parseSuite.js";
import { linesOf } from "../suite/readLines.js";
import type { Entry } from "../types.js";
import { pack } from "../value/transfer.js";
import type { BatchJob, BatchReply, BatchResult, BatchSetup, BatchTask } from "./protocol.js";

const setup = workerData as BatchSetup;
const suite = new LazySuite(setup.data, setup.golds);
/** Reward scorers compiled on first use, by options and entry id. */
const scorers = new Map<string, Map<string, Scorer>>();

/**
 * The scorers for a job's reward options. Looked up once per job, not per line: the options
 * arrive as a fresh copy with every job, and keying them (JSON.stringify) for each of a
 * million lines cost about half a second per worker.
 */
function scorersFor(task: BatchTask & { kind: "reward" }): (entry: Entry) => Scorer {
  const key = JSON.stringify(task.options);
  let byId = scorers.get(key);
  if (!byId) scorers.set(key, (byId = new Map()));
  const map = byId;
  return (entry) => {
    let s = map.get(entry.id);
    if (!s) map.set(entry.id, (s = compile(entry, task.options)));
    return s;
  };
}

function run(job: BatchJob): BatchResult {
  const out: BatchResult = { items: [], text: "", categories: [], scores: [], unknown: [] };
  const lines: string[] = [];
  const task = job.task;
  let line = job.before;
  const scorerOf = task.kind === "reward" ? scorersFor(task) : undefined;
  try {
    for (const text of linesOf(job.bytes, job.file, job.before)) {
      line++;
      const value = readJsonLine(job.file, line, text);
      if (!value) continue;
      const r = resultRecord(job.file, line, value, job.category);
      if (job.only && !job.only.includes(r.category)) continue;
      const entry = suite.entry(r.id, r.category);
      if (task.kind === "score") {
        out.items.push(entry ? { id: r.id, category: r.category, line, result: pack(grade(entry, r.result, task.options)) } : { id: r.id, category: r.category, line });
      } else if (!entry) out.unknown.push(r.id);
      else {
        const record = rewardRecord(r.id, entry.category, scorerOf!(entry)(r.result));
        if (task.output === "scores") {
          out.categories.push(record.category);
          out.scores.push(record.score);
        } else if (out.unknown.length === 0) lines.push(`${JSON.stringify(record)}\n`);
      }
    }
  } catch (e) {
    if (!(e instanceof SuiteError)) throw e;
    out.error = { file: e.file, line: e.line, problem: e.problem };
  }
  out.text = lines.join("");
  return out;
}

parentPort!.on("message", (job: BatchJob) => {
  let reply: BatchReply;
  try {
    reply = { ...run(job), job: job.job };
  } catch (e) {
    reply = { job: job.job, crash: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  parentPort!.postMessage(reply);
});
