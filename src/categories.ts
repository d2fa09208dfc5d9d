/**
 * What each BFCL category expects, as one table: the checker, the source language of the
 * expected calls, and the leaderboard group it counts towards. Behaviour is looked up here,
 * never derived from substrings of a category name.
 */

export const CATEGORY_IDS = [
  "simple_python",
  "simple_java",
  "simple_javascript",
  "multiple",
  "parallel",
  "parallel_multiple",
  "live_simple",
  "live_multiple",
  "live_parallel",
  "live_parallel_multiple",
  "irrelevance",
  "live_irrelevance",
  "live_relevance",
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

/** How the calls of an entry are checked. */
export type CheckerKind = "simple" | "multiple" | "parallel" | "irrelevance" | "relevance";

export type Language = "python" | "java" | "javascript";

export interface CategoryInfo {
  checker: CheckerKind;
  language: Language;
  live: boolean;
  /** Whether golds exist (false for the relevance categories). */
  hasGold: boolean;
}

export const CATEGORIES: Readonly<Record<CategoryId, CategoryInfo>> = {
  simple_python: { checker: "simple", language: "python", live: false, hasGold: true },
  simple_java: { checker: "simple", language: "java", live: false, hasGold: true },
  simple_javascript: { checker: "simple", language: "javascript", live: false, hasGold: true },
  multiple: { checker: "multiple", language: "python", live: false, hasGold: true },
  parallel: { checker: "parallel", language: "python", live: false, hasGold: true },
  parallel_multiple: { checker: "parallel", language: "python", live: false, hasGold: true },
  live_simple: { checker: "simple", language: "python", live: true, hasGold: true },
  live_multiple: { checker: "multiple", language: "python", live: true, hasGold: true },
  live_parallel: { checker: "parallel", language: "python", live: true, hasGold: true },
  live_parallel_multiple: { checker: "parallel", language: "python", live: true, hasGold: true },
  irrelevance: { checker: "irrelevance", language: "python", live: false, hasGold: false },
  live_irrelevance: { checker: "irrelevance", language: "python", live: true, hasGold: false },
  live_relevance: { checker: "relevance", language: "python", live: true, hasGold: false },
};

export function isCategoryId(s: string): s is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(s);
}

/**
 * The category of a BFCL test id: the longest category name that prefixes it followed by `_`.
 * `live_parallel_multiple_3-2-1` → `live_parallel_multiple`, `simple_python_12` → `simple_python`.
 */
export function categoryOfId(id: string): CategoryId | undefined {
  let best: CategoryId | undefined;
  for (const c of CATEGORY_IDS) {
    if (id.startsWith(`${c}_`) && (!best || c.length > best.length)) best = c;
  }
  return best;
}
