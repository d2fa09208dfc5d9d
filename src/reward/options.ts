/**
 * Reward options: the presets, their components and weights, and the validation that turns a
 * user's partial options into a complete, checked configuration once, at compile time. A bad
 * option is a programmer error and throws a {@link RewardOptionsError} naming the option.
 */
import type { DecodeMode } from "../bfcl/gradeBfcl.js";
import type { MatchOptions } from "../default/matchValue.js";
import { RULESET_IDS, type RulesetId } from "../grade.js";

export type PresetId = "graded" | "binary" | "toolrl";

export const PRESET_IDS: readonly PresetId[] = ["graded", "binary", "toolrl"];

/**
 * What each preset reports and which of its components carry a weight. Every component is a
 * number in [0, 1].
 *
 * - `graded`: `format` (the output could be read; a multiplier), `count` (missing and extra
 *   calls), `name`, `keyPrecision`, `keyRecall`, `values` — weighted.
 * - `binary`: `valid` (1 iff the verdict passes). No weights.
 * - `toolrl`: ToolRL's terms (Qian et al. 2025): `format`, and `name`, `keys`, `values`, which
 *   together form the correctness term. Weighted as `format` against `correctness`.
 */
export const PRESETS = {
  graded: {
    components: ["format", "count", "name", "keyPrecision", "keyRecall", "values"],
    weights: { count: 0.1, name: 0.2, keyPrecision: 0.1, keyRecall: 0.2, values: 0.4 },
  },
  binary: { components: ["valid"], weights: {} },
  // ToolRL's R = R_format + R_correct with R_format ∈ {0, 1}, R_correct ∈ [-3, 3], normalised
  // to [0, 1]: (R + 3) / 7 = (1·format + 6·correctness) / 7.
  toolrl: { components: ["format", "name", "keys", "values"], weights: { format: 1, correctness: 6 } },
} as const satisfies Record<PresetId, { components: readonly string[]; weights: Readonly<Record<string, number>> }>;

/** The graded weights that score one call against one gold (and so pair them). */
export const CALL_WEIGHTS = ["name", "keyPrecision", "keyRecall", "values"] as const;

export type GradedWeights = { -readonly [K in keyof (typeof PRESETS)["graded"]["weights"]]: number };
export type ToolRlWeights = { -readonly [K in keyof (typeof PRESETS)["toolrl"]["weights"]]: number };

export interface RewardOptions {
  /** `graded` (default), `binary` or `toolrl`. */
  preset?: PresetId;
  /** `binary` only: which ruleset's verdict decides. Default `default`. */
  ruleset?: RulesetId;
  /** Weights of the preset's components (`graded`, `toolrl`); missing ones keep the preset's value. */
  weights?: Partial<GradedWeights> | Partial<ToolRlWeights>;
  /**
   * `graded`: what one extra call costs, relative to one missing call (default 1). 0 ignores
   * over-emission in `count` (extra calls still dilute the per-call components).
   */
  overEmission?: number;
  /** Irrelevance: an output that could not be read scores as abstaining (1) instead of 0. Default false. */
  malformedIsNoCall?: boolean;
  /** `prompt` (raw model text, default) or `fc` (a function-calling payload). */
  decode?: DecodeMode;
  /** `binary` with the `bfcl` ruleset: BFCL's underscore-to-dot flag. */
  underscoreToDot?: boolean;
  /** Default ruleset's value matching: float tolerance and alias tables. */
  match?: Partial<MatchOptions>;
  /**
   * How many judgements of primitive values each gold param remembers (default 64; 0: none).
   * Samples of one prompt repeat values; remembering changes the time, never the reward.
   */
  valueCache?: number;
}

/** Options after validation, every field present. */
export interface ResolvedOptions {
  preset: PresetId;
  ruleset: RulesetId;
  weights: Readonly<Record<string, number>>;
  overEmission: number;
  malformedIsNoCall: boolean;
  decode: DecodeMode;
  underscoreToDot: boolean;
  match: Partial<MatchOptions> | undefined;
  valueCache: number;
}

/** A reward option that cannot be used. */
export class RewardOptionsError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(`${option}: ${message}`);
    this.name = "RewardOptionsError";
  }
}

function checkNumber(option: string, x: unknown): number {
  if (typeof x !== "number" || !Number.isFinite(x) || x < 0) {
    throw new RewardOptionsError(option, `must be a finite number ≥ 0, not ${typeof x === "number" ? x : JSON.stringify(x)}`);
  }
  return x;
}

/**
 * Validates options once. Weights must be finite and ≥ 0, name a component of the preset, and
 * not all be 0.
 *
 * @example resolveOptions({ preset: "graded", weights: { values: 0.6 } }).weights.values // 0.6
 * @example resolveOptions({ weights: { speed: 1 } }) // throws RewardOptionsError "weights.speed: …"
 */
export function resolveOptions(options: RewardOptions = {}): ResolvedOptions {
  const preset = options.preset ?? "graded";
  if (!PRESET_IDS.includes(preset)) throw new RewardOptionsError("preset", `unknown preset '${preset}' (available: ${PRESET_IDS.join(", ")})`);
  const ruleset = options.ruleset ?? "default";
  if (!RULESET_IDS.includes(ruleset)) throw new RewardOptionsError("ruleset", `unknown ruleset '${ruleset}' (available: ${RULESET_IDS.join(", ")})`);
  if (ruleset !== "default" && preset !== "binary") {
    throw new RewardOptionsError("ruleset", `the ${preset} preset grades with the default ruleset; only binary takes '${ruleset}'`);
  }
  const decode = options.decode ?? "prompt";
  if (decode !== "prompt" && decode !== "fc") throw new RewardOptionsError("decode", `must be prompt or fc, not '${String(decode)}'`);
  const defaults: Readonly<Record<string, number>> = PRESETS[preset].weights;
  const weights: Record<string, number> = { ...defaults };
  for (const [k, v] of Object.entries(options.weights ?? {})) {
    if (!Object.hasOwn(defaults, k)) {
      const known = Object.keys(defaults);
      throw new RewardOptionsError(`weights.${k}`, known.length ? `not a weight of the ${preset} preset (weights: ${known.join(", ")})` : `the ${preset} preset has no weights`);
    }
    weights[k] = checkNumber(`weights.${k}`, v);
  }
  if (Object.keys(weights).length > 0 && Object.values(weights).every((w) => w === 0)) {
    throw new RewardOptionsError("weights", "at least one weight must be > 0");
  }
  if (preset === "graded" && CALL_WEIGHTS.every((k) => weights[k] === 0)) {
    throw new RewardOptionsError("weights", `at least one of ${CALL_WEIGHTS.join(", ")} must be > 0: they pair calls with golds`);
  }
  const overEmission = checkNumber("overEmission", options.overEmission ?? 1);
  const valueCache = checkNumber("valueCache", options.valueCache ?? 64);
  if (!Number.isInteger(valueCache)) throw new RewardOptionsError("valueCache", `must be a whole number, not ${valueCache}`);
  return {
    preset,
    ruleset,
    weights,
    overEmission,
    malformedIsNoCall: options.malformedIsNoCall ?? false,
    decode,
    underscoreToDot: options.underscoreToDot ?? false,
    match: options.match,
    valueCache,
  };
}
