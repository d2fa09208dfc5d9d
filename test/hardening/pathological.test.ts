/**
 * The pathological corpus (corpus.ts) graded under both rulesets and scored as a reward: every
 * case gets a verdict (and, through `parse`, a specific malformed reason, pinned in the
 * snapshot), never an exception; within a time bound proportional to its size; and
 * `Object.prototype` is untouched afterwards.
 *
 * Time bound per grading: 1,000 ms + 2 µs per character of output (or per node of a payload).
 * Measured on a loaded 2-core machine the slowest cases run at about 0.3–3 µs per character
 * through BFCL's Java and JavaScript decoders and far less elsewhere; a quadratic algorithm at
 * these sizes (10^5–10^7) would need 10^10 steps or more and blow the bound by orders of magnitude.
 * Java and JavaScript entries get the cases up to 1.1 M characters only (BFCL's tree-sitter
 * style decoders read the whole text; 10 MB through them is linear but slow for a unit test).
 */
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../../src/categories.js";
import { grade } from "../../src/grade.js";
import { parse } from "../../src/parse/parse.js";
import { compile } from "../../src/reward/compile.js";
import type { Entry } from "../../src/types.js";
import { exampleSuite } from "../helpers/example.js";
import { CORPUS, objectIsClean, prototypeSnapshot, type CorpusCase } from "./corpus.js";

const suite = exampleSuite();
const first = (c: string): Entry => suite.entries.get(c as never)![0]!;
const EVERYWHERE = ["simple_python", "parallel_multiple", "irrelevance", "live_relevance"].map(first);
const SOURCE = ["simple_java", "simple_javascript"].map(first);
const BOUND_MS = (size: number) => 1000 + 0.002 * size;

/** Characters of text, or strings and nodes of a payload, as parse counts its length. */
function sizeOf(output: unknown): number {
  let n = 0;
  const stack = [output];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === "string") n += v.length;
    else {
      n++;
      if (v && typeof v === "object") stack.push(...Object.values(v));
    }
  }
  return n;
}

const before = prototypeSnapshot();
const timings: string[] = [];

function checkResult(r: ReturnType<typeof grade>): void {
  expect(typeof r.valid).toBe("boolean");
  if (!r.valid) {
    expect(r.mismatches.length).toBeGreaterThan(0);
    expect(typeof r.errorType).toBe("string");
  }
}

describe.each(CORPUS.map((c) => [c.name, c] as const))("%s", (_name, c: CorpusCase) => {
  const output = c.make(c.size);
  const size = sizeOf(output);
  const entries = size <= 1_100_000 ? [...EVERYWHERE, ...SOURCE] : EVERYWHERE;

  it("gets a verdict under both rulesets and a reward, in time", () => {
    let slowest = 0;
    for (const entry of entries) {
      for (const ruleset of ["default", "bfcl"] as const) {
        for (const decode of c.payload ? (["prompt", "fc"] as const) : (["prompt"] as const)) {
          const t = performance.now();
          checkResult(grade(entry, output, { ruleset, decode }));
          slowest = Math.max(slowest, performance.now() - t);
        }
      }
      if (CATEGORIES[entry.category].language === "python") {
        const t = performance.now();
        const r = compile(entry)(output);
        slowest = Math.max(slowest, performance.now() - t);
        expect(r.score >= 0 && r.score <= 1).toBe(true);
      }
    }
    timings.push(`${c.name} (${size.toLocaleString("en")} ${typeof output === "string" ? "chars" : "nodes"}): slowest ${slowest.toFixed(0)} ms`);
    expect(slowest).toBeLessThan(BOUND_MS(size));
  });

  it("reads with a specific status and reason", () => {
    const r = parse(output, { functions: first("simple_python").functions });
    const summary = r.status === "malformed" ? `malformed: ${r.error.code}` : r.status === "no_call" ? `no_call: ${r.reason}` : `calls: ${r.calls.length}`;
    expect(summary).toMatchSnapshot();
  });

  it("leaves Object.prototype untouched", () => {
    expect(prototypeSnapshot()).toBe(before);
    expect(objectIsClean()).toBe(true);
  });
});

describe("time grows linearly with size", () => {
  // 4× the input must take well under 16× the time (what a quadratic algorithm would need).
  it.each(CORPUS.filter((c) => c.size >= 100_000 && !c.payload).map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const entry = first("simple_python");
    const time = (n: number) => {
      const output = c.make(n);
      const t = performance.now();
      grade(entry, output, { ruleset: "bfcl" });
      grade(entry, output, { ruleset: "default" });
      return performance.now() - t;
    };
    const n = Math.round(c.size / 16);
    time(n);
    const small = Math.max(time(n), 5);
    const large = time(4 * n);
    expect(large).toBeLessThan(12 * small + 100);
  });
});

describe("report", () => {
  it("lists the slowest grading of each case", () => {
    console.log(timings.join("\n"));
    expect(timings.length).toBe(CORPUS.length);
  });
});
