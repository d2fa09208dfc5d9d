/**
 * A vitest matcher: `expect(output).toPassGold(entry)` grades a model output against a suite
 * entry and, when it fails, says why in the words of {@link describeMismatch}, one line per
 * mismatch, followed by the output itself. Importing this module registers the matcher
 * (`import "toolgrade/vitest"` in a test or a `setupFiles` entry); `matchers` is exported for
 * `expect.extend` by hand. vitest is an optional peer dependency, needed only here.
 *
 * @example
 * import "toolgrade/vitest";
 * const entry = loadSuite("bfcl").entries.get("simple_python")![0]!;
 * expect("[calculate_triangle_area(base=10, height=5)]").toPassGold(entry);
 * expect(output).toPassGold(entry, { ruleset: "bfcl", decode: "fc", underscoreToDot: true });
 */
import { expect } from "vitest";
import { describeMismatch } from "./format.js";
import { grade, type GradeOptions } from "./grade.js";
import type { Entry } from "./types.js";

/** Characters of the output shown in a failure message before it is cut. */
const OUTPUT_PREVIEW = 500;

function show(output: unknown): string {
  let text: string;
  if (typeof output === "string") text = output;
  else {
    try {
      text = JSON.stringify(output, (_k, v) => (typeof v === "bigint" ? v.toString() : v)) ?? String(output);
    } catch {
      text = String(output);
    }
  }
  return text.length > OUTPUT_PREVIEW ? `${text.slice(0, OUTPUT_PREVIEW)}… (${text.length - OUTPUT_PREVIEW} more characters)` : text;
}

function isEntry(x: unknown): x is Entry {
  return typeof x === "object" && x !== null && typeof (x as Entry).id === "string" && Array.isArray((x as Entry).functions) && Array.isArray((x as Entry).golds);
}

/**
 * The matcher function: passes when `grade(entry, received, options)` is valid.
 *
 * @example expect.extend({ toPassGold });
 */
export function toPassGold(this: { isNot?: boolean }, received: unknown, entry: Entry, options: GradeOptions = {}) {
  if (!isEntry(entry)) throw new TypeError("toPassGold(entry) needs a suite entry (from loadSuite or parseCategory)");
  const r = grade(entry, received, options);
  const rules = `ruleset ${r.ruleset}`;
  if (r.valid) {
    return {
      pass: true,
      message: () => `expected the output not to pass gold ${entry.id} (${rules}), but it passed (rules: ${r.rules.join(", ") || "none"})\n\noutput: ${show(received)}`,
    };
  }
  const why = r.mismatches.map((m) => `  ${describeMismatch(m)}`).join("\n");
  return {
    pass: false,
    message: () => `expected the output to pass gold ${entry.id} (${rules}), but it fails with ${r.errorType}:\n${why}\n\noutput: ${show(received)}`,
  };
}

export const matchers = { toPassGold };

expect.extend(matchers);

interface ToolgradeMatchers<R = unknown> {
  /**
   * Grades the received model output against `entry` and passes when it is valid.
   *
   * @example expect("[get_weather(city='Paris')]").toPassGold(entry, { ruleset: "bfcl" })
   */
  toPassGold(entry: Entry, options?: GradeOptions): R;
}

declare module "vitest" {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends ToolgradeMatchers<T> {}
}
