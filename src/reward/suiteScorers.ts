/**
 * The reward functions of a whole suite, by entry id: compiled once per entry and preset, on
 * first use (or all at once with {@link SuiteScorers.compileAll}), and reused for every output.
 * Used by `toolgrade reward`, the reward server and its workers.
 */
import type { CategoryId } from "../categories.js";
import type { Entry } from "../types.js";
import { compile, type Reward, type Scorer } from "./compile.js";
import { resolveOptions, type PresetId, type RewardOptions } from "./options.js";

/** One reward as a flat JSON record: what `toolgrade reward --format jsonl` and the server's `details` hold. */
export interface RewardRecord {
  id: string;
  category: CategoryId;
  score: number;
  components: Readonly<Record<string, number>>;
  valid: boolean;
  /** The verdict's first mismatch code; null when it passes. */
  code: string | null;
}

/** @example rewardRecord(scorer.id, scorer.category, scorer(output)) // {id, category, score, components, valid, code} */
export function rewardRecord(id: string, category: CategoryId, r: Reward): RewardRecord {
  return { id, category, score: r.score, components: r.components, valid: r.verdict.valid, code: r.verdict.code };
}

export class SuiteScorers {
  readonly entries: ReadonlyMap<string, Entry>;
  readonly options: RewardOptions;
  private readonly compiled = new Map<PresetId, Map<string, Scorer>>();

  /** Validates the options at once: a bad weight fails here, not on the first request. */
  constructor(entries: Iterable<Entry>, options: RewardOptions = {}) {
    resolveOptions(options);
    const byId = new Map<string, Entry>();
    for (const e of entries) byId.set(e.id, e);
    this.entries = byId;
    this.options = options;
  }

  /** @example SuiteScorers.of(loadSuite("data").entries) */
  static of(suite: ReadonlyMap<CategoryId, readonly Entry[]>, options: RewardOptions = {}): SuiteScorers {
    return new SuiteScorers([...suite.values()].flat(), options);
  }

  get size(): number {
    return this.entries.size;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** The scorer of an entry under the suite's options, or another preset with the same options. */
  get(id: string, preset: PresetId = this.options.preset ?? "graded"): Scorer | undefined {
    let byId = this.compiled.get(preset);
    if (!byId) {
      byId = new Map();
      this.compiled.set(preset, byId);
    }
    let s = byId.get(id);
    if (!s) {
      const entry = this.entries.get(id);
      if (!entry) return undefined;
      s = compile(entry, this.presetOptions(preset));
      byId.set(id, s);
    }
    return s;
  }

  /** Compiles every entry now (a server does this before it listens). */
  compileAll(preset?: PresetId): void {
    for (const id of this.entries.keys()) this.get(id, preset);
  }

  /** The suite's options under another preset; the ruleset only goes with `binary`. */
  presetOptions(preset: PresetId): RewardOptions {
    const base = this.options;
    if (preset === (base.preset ?? "graded")) return base;
    const { weights: _w, ruleset, ...rest } = base;
    return { ...rest, preset, ...(preset === "binary" && ruleset ? { ruleset } : {}) };
  }
}
