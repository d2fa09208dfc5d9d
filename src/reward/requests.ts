/**
 * The reward server's two request shapes, read into one list of items, and their scoring. A
 * request that cannot be scored is a {@link RequestError} with an HTTP status and a snake_case
 * code; model output is never a reason to refuse (a bad output scores 0).
 *
 * - `POST /reward`: `{"items": [{"id": "simple_python_0", "output": "..."}, {"entry": {...}, "output": [...]}], "preset"?, "details"?}`
 *   → `{"rewards": [0.8, ...], "details": [{id, category, score, components, valid, code}, ...]}`.
 *   An inline `entry` is a BFCL question object (`id`, `function`, optional `question`) with its
 *   `ground_truth` and, when the id does not say it, a `category`.
 * - `POST /get_reward`: OpenRLHF's remote reward model, `{"query": [...], "prompts": [...], "labels": [...]}`
 *   → `{"rewards": [...]}`. Each label is an entry id; the output is the query with its prompt removed.
 */
import { categoryOfId, isCategoryId, type CategoryId } from "../categories.js";
import { parseCategory, SuiteError } from "../suite/parseSuite.js";
import type { Entry } from "../types.js";
import { compile } from "./compile.js";
import { PRESET_IDS, type PresetId } from "./options.js";
import { rewardRecord, type RewardRecord, type SuiteScorers } from "./suiteScorers.js";

/** One output to score: against a suite entry by id, or against an inline entry (raw JSON). */
export interface RewardItem {
  id: string;
  output: unknown;
  entry?: unknown;
}

export interface RewardRequest {
  items: RewardItem[];
  preset: PresetId | undefined;
  /** Return `details` beside `rewards` (default true for /reward, false for /get_reward). */
  details: boolean;
}

export type RequestErrorCode =
  | "bad_json"
  | "invalid_request"
  | "invalid_entry"
  | "unknown_id"
  | "too_many_items"
  | "body_too_large"
  | "not_found"
  | "method_not_allowed";

/** A request the server refuses, with its status (4xx) and what to tell the client. */
export class RequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: RequestErrorCode,
    message: string,
    readonly ids?: string[],
  ) {
    super(message);
    this.name = "RequestError";
  }

  toJSON(): { error: { code: RequestErrorCode; message: string; ids?: string[] } } {
    return { error: { code: this.code, message: this.message, ...(this.ids ? { ids: this.ids } : {}) } };
  }
}

function invalid(message: string): RequestError {
  return new RequestError(400, "invalid_request", message);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function checkCount(n: number, maxItems: number): void {
  if (n > maxItems) throw new RequestError(413, "too_many_items", `${n} items in one request; the limit is ${maxItems}`);
}

/**
 * @example readRewardRequest({ items: [{ id: "simple_python_0", output: "[f(x=1)]" }] }, 1000).items[0].id // "simple_python_0"
 */
export function readRewardRequest(body: unknown, maxItems: number): RewardRequest {
  if (!isObject(body) || !Array.isArray(body.items)) throw invalid('expected {"items": [{"id", "output"}, ...]}');
  checkCount(body.items.length, maxItems);
  const preset = body.preset;
  if (preset !== undefined && !PRESET_IDS.includes(preset as PresetId)) {
    throw invalid(`unknown preset ${JSON.stringify(preset)} (available: ${PRESET_IDS.join(", ")})`);
  }
  if (body.details !== undefined && typeof body.details !== "boolean") throw invalid('"details" must be true or false');
  const items = body.items.map((item, i): RewardItem => {
    if (!isObject(item)) throw invalid(`items[${i}] is not an object`);
    if (!("output" in item)) throw invalid(`items[${i}] has no "output"`);
    if (item.entry !== undefined) {
      if (!isObject(item.entry)) throw invalid(`items[${i}].entry is not an object`);
      const id = typeof item.entry.id === "string" ? item.entry.id : `items[${i}]`;
      return { id, output: item.output, entry: item.entry };
    }
    if (typeof item.id !== "string") throw invalid(`items[${i}] needs an "id" string or an inline "entry"`);
    return { id: item.id, output: item.output };
  });
  return { items, preset: preset as PresetId | undefined, details: body.details !== false };
}

/**
 * OpenRLHF's remote reward-model request. The output of each sample is its query without its
 * prompt; a query that does not start with its prompt is refused rather than scored with the
 * prompt's text in it.
 *
 * @example readOpenRlhfRequest({ query: ["Q: …[f(x=1)]"], prompts: ["Q: …"], labels: ["simple_python_0"] }, 1000).items[0].output // "[f(x=1)]"
 */
export function readOpenRlhfRequest(body: unknown, maxItems: number): RewardRequest {
  if (!isObject(body) || !Array.isArray(body.query)) throw invalid('expected {"query": [...], "prompts": [...], "labels": [...]}');
  const { query, prompts, labels } = body;
  checkCount(query.length, maxItems);
  if (!Array.isArray(labels) || labels.length !== query.length) throw invalid('"labels" must be a list of entry ids, one per query');
  if (prompts !== undefined && (!Array.isArray(prompts) || prompts.length !== query.length)) throw invalid('"prompts" must be a list with one prompt per query');
  const items = query.map((q, i): RewardItem => {
    const label = labels[i];
    if (typeof q !== "string") throw invalid(`query[${i}] is not a string`);
    if (typeof label !== "string") throw invalid(`labels[${i}] is not a string (it names the entry id)`);
    const prompt = prompts?.[i];
    if (prompt === undefined || prompt === null) return { id: label, output: q };
    if (typeof prompt !== "string") throw invalid(`prompts[${i}] is not a string`);
    if (!q.startsWith(prompt)) throw invalid(`query[${i}] does not start with prompts[${i}]`);
    return { id: label, output: q.slice(prompt.length) };
  });
  return { items, preset: undefined, details: false };
}

/** An inline entry: a BFCL question object with its ground truth, read by the suite reader. */
export function inlineEntry(raw: Record<string, unknown>, index: number): Entry {
  const id = typeof raw.id === "string" ? raw.id : `inline_${index}`;
  const named = raw.category;
  const category: CategoryId | undefined = typeof named === "string" && isCategoryId(named) ? named : categoryOfId(id);
  if (!category) throw new RequestError(400, "invalid_entry", `items[${index}].entry needs a "category" (or an id that starts with one)`);
  const { ground_truth: groundTruth, category: _c, ...question } = raw;
  const file = `items[${index}].entry`;
  try {
    const text = JSON.stringify({ question: [[{ role: "user", content: "" }]], ...question, id });
    const golds = groundTruth === undefined ? undefined : { file, text: JSON.stringify({ id, ground_truth: groundTruth }) };
    const [entry] = parseCategory(category, { file, text }, golds);
    if (!entry) throw new RequestError(400, "invalid_entry", `${file} holds no entry`);
    return entry;
  } catch (e) {
    if (e instanceof SuiteError) throw new RequestError(400, "invalid_entry", e.message);
    throw e;
  }
}

/**
 * Scores a request: every id must name a suite entry (else nothing is scored and the unknown
 * ids are listed). The records keep the request's order.
 */
export function scoreItems(scorers: SuiteScorers, request: Pick<RewardRequest, "items" | "preset">): RewardRecord[] {
  const unknown = request.items.filter((it) => it.entry === undefined && !scorers.has(it.id)).map((it) => it.id);
  if (unknown.length > 0) {
    const shown = [...new Set(unknown)].slice(0, 20);
    throw new RequestError(422, "unknown_id", `no entry with id ${shown.map((s) => JSON.stringify(s)).join(", ")}${unknown.length > shown.length ? " …" : ""}`, shown);
  }
  const preset = request.preset;
  return request.items.map((item, i) => {
    if (item.entry !== undefined) {
      const entry = inlineEntry(item.entry as Record<string, unknown>, i);
      const r = compile(entry, scorers.presetOptions(preset ?? scorers.options.preset ?? "graded"))(item.output);
      return rewardRecord(entry.id, entry.category, r);
    }
    const scorer = scorers.get(item.id, preset)!;
    return rewardRecord(scorer.id, scorer.category, scorer(item.output));
  });
}
