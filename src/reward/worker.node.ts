/**
 * A reward worker thread (started by pool.node.ts): loads the suite once, compiles scorers on
 * first use, and answers each job `{job, items, preset}` with `{job, records}` or, for a request
 * that cannot be scored, `{job, error}`. Built as its own file (`dist/reward-worker.js`).
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadSuite } from "../suite/loadSuite.js";
import type { RewardOptions, PresetId } from "./options.js";
import { RequestError, scoreItems, type RewardItem } from "./requests.js";
import { SuiteScorers } from "./suiteScorers.js";

/** What the pool gives each worker. */
export interface WorkerSetup {
  suite: { dir: string; golds?: string } | undefined;
  options: RewardOptions;
}

export interface Job {
  job: number;
  items: RewardItem[];
  preset: PresetId | undefined;
}

const setup = workerData as WorkerSetup;
const suite = setup.suite ? loadSuite(setup.suite.dir, setup.suite.golds ? { golds: setup.suite.golds } : {}) : undefined;
const scorers = new SuiteScorers(suite ? [...suite.entries.values()].flat() : [], setup.options);

parentPort!.on("message", ({ job, items, preset }: Job) => {
  try {
    parentPort!.postMessage({ job, records: scoreItems(scorers, { items, preset }) });
  } catch (e) {
    if (e instanceof RequestError) parentPort!.postMessage({ job, error: { status: e.status, code: e.code, message: e.message, ids: e.ids } });
    else parentPort!.postMessage({ job, error: { status: 500, code: "internal", message: e instanceof Error ? e.message : String(e) } });
  }
});
