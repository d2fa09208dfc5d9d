/**
 * The reward's public API, re-exported by src/index.ts. Node-only parts (the HTTP server and the
 * worker pool, `*.node.ts`) are not here: the library entry stays free of node:* imports.
 */
export { compile, FAILING_MAX, type Reward, type Scorer, type Verdict } from "./compile.js";
export {
  PRESETS,
  PRESET_IDS,
  CALL_WEIGHTS,
  resolveOptions,
  RewardOptionsError,
  type PresetId,
  type RewardOptions,
  type ResolvedOptions,
  type GradedWeights,
  type ToolRlWeights,
} from "./options.js";
export { PARTIAL_MAX } from "./valueCredit.js";
export { SuiteScorers, rewardRecord, type RewardRecord } from "./suiteScorers.js";
export { readRewardRequest, readOpenRlhfRequest, scoreItems, inlineEntry, RequestError, type RewardItem, type RewardRequest, type RequestErrorCode } from "./requests.js";
