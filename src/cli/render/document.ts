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

export interface ScoreDocument {
  toolgrade: string;
  ruleset: RulesetId;
  rulesetVersion: string;
  suiteHash: string | null;
  /** The baseline file the runs were compared with. */
  baseline?: string;
  runs: ScoredRun[];
}

export interface RenderOptions {
  /** ANSI colour (text format only). */
  color: boolean;
}

export type Renderer = (doc: ScoreDocument, options: RenderOptions) => string;
