/**
 * toolgrade: grade the function calls language models emit against multi-valued golds.
 * Every public export is named here.
 */
export { grade, RULESET_IDS, RULESET_VERSIONS, type GradeOptions, type GradeResult, type RulesetId } from "./grade.js";
export { scoreRun, RunScorer, RunError, type ScoreOptions, type ScoreReport, type IdProblems, type ScoredEntry } from "./score.js";
export { categoryScores, summaryColumns, type CategoryScore, type SummaryColumns } from "./report.js";
export {
  leaderboard,
  allEntries,
  LEADERBOARD_COLUMNS,
  LEADERBOARD_COLUMN_IDS,
  type LeaderboardColumn,
  type LeaderboardColumnId,
  type AllEntries,
} from "./report.js";
export {
  parseFraction,
  parseMinGate,
  parseRegressionGate,
  evaluateGates,
  compareRuns,
  runScores,
  readBaseline,
  targetValues,
  targetLabel,
  GATE_TARGETS,
  BaselineError,
  type Gate,
  type GateResult,
  type GateTarget,
  type Comparison,
  type RunScores,
} from "./gates.js";
export { describeMismatch } from "./format.js";
export { MISMATCHES, bfclErrorType, type Mismatch, type MismatchCode, type CandidateFailure } from "./mismatch.js";
export {
  CATEGORIES,
  CATEGORY_IDS,
  categoryOfId,
  isCategoryId,
  type CategoryId,
  type CategoryInfo,
  type CheckerKind,
  type Language,
} from "./categories.js";
export type { Call, Entry, FunctionDoc, GoldCall, Message, ParamDoc, SourceRef } from "./types.js";
export { SPREAD_KEY } from "./types.js";
export { PyBytes, PyComplex, PyDict, PySet, PyTuple, kindOf, pyEquals, type PyKind, type Value } from "./value/value.js";
export { pyRepr } from "./value/repr.js";
export { readJson, type JsonError, type JsonResult } from "./value/json.js";
export { fromJs } from "./value/fromJs.js";
export { parseCategory, parseGolds, readJsonLines, SuiteError, type SuiteFileText } from "./suite/parseSuite.js";
export { parseResults, type ResultRecord } from "./suite/parseResults.js";
export { loadSuite, type LoadSuiteOptions, type Suite } from "./suite/loadSuite.js";
export { loadResults } from "./suite/loadResults.js";
export { decodeBfcl, gradeBfcl, checkDecodedBfcl, type BfclOptions, type DecodeMode } from "./bfcl/gradeBfcl.js";
export { VERSION } from "./version.js";
export {
  parse,
  DEFAULT_LIMITS,
  REPAIRS,
  MALFORMED,
  type ParseOptions,
  type ParseResult,
  type Repair,
  type RepairCode,
  type FormatId,
  type MalformedCode,
  type NoCallReason,
  type ParseProblem,
} from "./parse/parse.js";
export { RULES, type Rule, type RuleId } from "./default/rules.js";
export type { Decision } from "./default/checkCall.js";
export { gradeDefault, type DefaultOptions, type DefaultOutcome } from "./default/gradeDefault.js";
export { matchOptions, type MatchOptions } from "./default/matchValue.js";
export { AliasTable, type AliasGroup } from "./canonicalize/aliasTable.js";
export { defaultAliases, aliasesFor, ALIAS_DOMAINS, type AliasDomain } from "./canonicalize/aliases.js";
export { mathEquivalent, setMathEngine, mathLoaded } from "./canonicalize/math.js";
export { maximumMatching, maximumWeightAssignment } from "./match/assignment.js";
export { compile, FAILING_MAX, PARTIAL_MAX, PRESETS, PRESET_IDS, CALL_WEIGHTS, resolveOptions, RewardOptionsError, SuiteScorers, rewardRecord, readRewardRequest, readOpenRlhfRequest, scoreItems, inlineEntry, RequestError, type Reward, type Scorer, type Verdict, type PresetId, type RewardOptions, type ResolvedOptions, type GradedWeights, type ToolRlWeights, type RewardRecord, type RewardItem, type RewardRequest, type RequestErrorCode } from "./reward/api.js";
export { auditSuite, problemFinding, type AuditOptions, type AuditReport, type AuditCategory } from "./audit/auditSuite.js";
export { describeFinding, FINDINGS, FINDING_CODES, SCOPES, type Finding, type FindingCode, type Scope, type Severity } from "./audit/findings.js";
export { Grounding, conversationText, type GroundedBy } from "./audit/grounding.js";
export { satisfiable, type Satisfiability } from "./audit/satisfiable.js";
export type { SuiteProblem, ParseCategoryOptions } from "./suite/parseSuite.js";
export { validateSuite, patchedGolds, classify, CLASSIFICATIONS, type Classification, type FrontierRun, type ValidateOptions, type FrontierFailure, type Ceiling, type CategoryValidation, type Proposal, type ValidationReport } from "./audit/validateSuite.js";
export { compareAnswer, sameForm, sameValue, type Difference, type DifferenceKind } from "./audit/compareAnswer.js";
