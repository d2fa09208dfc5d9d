/**
 * Messages between the batch pool (pool.node.ts) and its workers (worker.node.ts): result lines
 * go out raw, so reading JSON is spread over the workers too, and verdicts or rewards come back
 * one per record, in the lines' order.
 */
import type { CategoryId } from "../categories.js";
import type { GradeOptions } from "../grade.js";
import type { RewardOptions } from "../reward/options.js";
import type { RewardRecord } from "../reward/suiteScorers.js";

/** What every worker loads once: the suite folder (categories are read when first needed). */
export interface BatchSetup {
  data: string;
  golds?: string;
}

/** Grade each record (`toolgrade score`) or score it as a reward (`toolgrade reward`). */
export type BatchTask = { kind: "score"; options: GradeOptions } | { kind: "reward"; options: RewardOptions };

export interface BatchJob {
  job: number;
  task: BatchTask;
  file: string;
  /** The category the file's name gives, if any. */
  category?: CategoryId;
  /** Only records of these categories (`--category`); others are left out of the reply. */
  only?: readonly CategoryId[];
  lines: number[];
  texts: string[];
}

/** One record of a batch; `result` (a packed GradeResult) or `reward` is absent when the suite has no such id. */
export interface BatchItem {
  id: string;
  category: CategoryId;
  line: number;
  result?: unknown;
  reward?: RewardRecord;
}

export type BatchReply =
  | { job: number; items: BatchItem[]; error?: { file: string; line: number; problem: string } }
  | { job: number; crash: string };
