/**
 * What every output format renders: the runs scored in one command, each with its gate results
 * and its comparison with a baseline. Renderers are pure functions of this document.
 */
import type { Comparison, GateResult } from "../../gates.js";
import type { RulesetId } from "../../grade.js";
import type { ScoreReport } from "../../score.js";

export interface ScoredRun {
  report: ScoreReport;
  gates: GateResult[];
  comparison?: Comparison;
}

/** A slice applied to a score (`score --slice FILE`): the file and how many entries it kept. */
export interface SliceNote {
  file: string;
  kept: number;
  total: number;
}

export interface ScoreDocument {
  toolgrade: string;
  ruleset: RulesetId;
  rulesetVersion: string;
  suiteHash: string | null;
  /** The baseline file the runs were compared with. */
  baseline?: string;
  runs: ScoredRun[];
  slice?: SliceNote;
}

/** One listed item of a view: a finding or a classified failure. */
export interface ViewItem {
  /** Groups items in junit suites and markdown sections (a category). */
  group: string;
  id: string;
  severity: "error" | "warning" | "info";
  /** A short code: `unsatisfiable_gold`, `disputed`. */
  code: string;
  message: string;
  file?: string;
  line?: number;
}

/**
 * What `audit` and `validate` render: titled tables and listed items, plus the JSON body and
 * JSON lines they write as `json` / `jsonl`. The score formats render it with the same table,
 * escaping and annotation code they use for a score.
 */
export interface ViewDocument {
  kind: "view";
  title: string;
  meta: string[];
  tables: Array<{ title: string; table: import("./table.js").ViewTable }>;
  notes: string[];
  items: ViewItem[];
  json: unknown;
  jsonl: unknown[];
}

export type Document = ScoreDocument | ViewDocument;

export function isView(doc: Document): doc is ViewDocument {
  return (doc as ViewDocument).kind === "view";
}

export interface RenderOptions {
  /** ANSI colour (text format only). */
  color: boolean;
}

export type Renderer = (doc: Document, options: RenderOptions) => string;
