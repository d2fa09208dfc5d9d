/**
 * Messages between the batch pool (pool.node.ts) and its workers (worker.node.ts). Result lines
 * go out as raw bytes, line-aligned and transferred (not copied), so the main thread does no
 * more than find line ends: decoding, reading the JSON and grading all happen in the workers.
 * Replies carry what the command keeps: verdicts for `score`; for `reward`, the JSON lines
 * already written out, or just the scores.
 */
import type { CategoryId } from "../categories.js";
import type { GradeOptions } from "../grade.js";
import type { RewardOptions } from "../reward/options.js";

/** What every worker loads once: the suite folder (categories are read when first needed). */
export interface BatchSetup {
  data: string;
  golds?: string;
}

/**
 * Grade each record (`toolgrade score`), or score it as a reward (`toolgrade reward`) and
 * reply with its JSON line (`jsonl`) or only its category and score (`scores`).
 */
export type BatchTask = { kind: "score"; options: GradeOptions } | { kind: "reward"; options: RewardOptions; output: "jsonl" | "scores" };

export interface BatchJob {
  job: number;
  task: BatchTask;
  file: string;
  /** The category the file's name gives, if any. */
  category?: CategoryId;
  /** Only records of these categories (`--category`); others are left out of the reply. */
  only?: readonly CategoryId[];
  /** Lines of the file before these bytes. */
  before: number;
  /** Whole lines, separated by `\n` (no `\n` after the last). */
  bytes: Uint8Array;
}

/** A graded record (`score`); `result` (a packed GradeResult) is absent when the suite has no such id. */
export interface BatchItem {
  id: string;
  category: CategoryId;
  line: number;
  result?: unknown;
}

export interface BatchResult {
  /** `score`: every record, in order. */
  items: BatchItem[];
  /** `reward` jsonl: the JSON lines of the records before the first unknown id. */
  text: string;
  /** `reward` scores: category and score of every known record, in order. */
  categories: CategoryId[];
  scores: number[];
  /** `reward`: ids the suite does not have, in order. */
  unknown: string[];
  /** The first malformed line; the fields above hold the records before it. */
  error?: { file: string; line: number; problem: string };
}

export type BatchReply = (BatchResult & { job: number }) | { job: number; crash: string };
