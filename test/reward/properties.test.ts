/**
 * Property-based tests on generated calls: start from a passing output built from each gold of
 * the example suite, apply random mutations (drop, change or add arguments, rename, repeat,
 * reorder, drop or add calls), and check the invariants on whatever comes out, under random
 * weights.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../../src/categories.js";
import { alternativesOf } from "../../src/default/matchValue.js";
import { grade } from "../../src/grade.js";
import { compile, FAILING_MAX } from "../../src/reward/compile.js";
import type { RewardOptions } from "../../src/reward/options.js";
import type { Entry } from "../../src/types.js";
import { pyRepr } from "../../src/value/repr.js";
import type { Value } from "../../src/value/value.js";
import { exampleSuite } from "../helpers/example.js";

interface Draft {
  name: string;
  args: Array<[string, string]>;
}

/** The output each gold asks for: its first alternative of every param it cannot do without. */
function perfect(entry: Entry): Draft[] {
  return entry.golds.map((g) => ({
    name: g.name,
    args: [...g.params]
      .map(([k, v]): [string, Value | undefined] => [k, alternativesOf(v).find((a) => a !== "")])
      .filter((kv): kv is [string, Value] => kv[1] !== undefined && !alternativesOf(g.params.get(kv[0])!).includes(""))
      .map(([k, v]) => [k, pyRepr(v)]),
  }));
}

function text(calls: Draft[]): string {
  return `[${calls.map((c) => `${c.name}(${c.args.map(([k, v]) => `${k}=${v}`).join(", ")})`).join(", ")}]`;
}

const entries = [...exampleSuite().entries.values()]
  .flat()
  .filter((e) => CATEGORIES[e.category].language === "python" && CATEGORIES[e.category].hasGold)
  .filter((e) => grade(e, text(perfect(e)), { ruleset: "default" }).valid);

type Mutation =
  | { kind: "drop_arg" | "drop_call" | "repeat_call" | "rename" | "swap_calls"; at: number }
  | { kind: "change_value"; at: number; value: string }
  | { kind: "add_arg"; at: number; key: string; value: string };

const literal = fc.oneof(fc.integer({ min: -5, max: 100 }).map(String), fc.constantFrom("'x'", "'Paris'", "1.5", "True", "None", "[1, 2]", "{'a': 1}"));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("drop_arg", "drop_call", "repeat_call", "rename", "swap_calls"), at: fc.nat() }),
  fc.record({ kind: fc.constant("change_value"), at: fc.nat(), value: literal }),
  fc.record({ kind: fc.constant("add_arg"), at: fc.nat(), key: fc.constantFrom("extra", "unit", "verbose"), value: literal }),
) as fc.Arbitrary<Mutation>;

function mutate(calls: Draft[], m: Mutation): Draft[] {
  const out = calls.map((c) => ({ name: c.name, args: [...c.args] }));
  if (out.length === 0) return out;
  const c = out[m.at % out.length]!;
  switch (m.kind) {
    case "drop_arg":
      if (c.args.length) c.args.splice(m.at % c.args.length, 1);
      break;
    case "change_value":
      if (c.args.length) c.args[m.at % c.args.length]![1] = m.value;
      break;
    case "add_arg":
      if (!c.args.some(([k]) => k === m.key)) c.args.push([m.key, m.value]);
      break;
    case "drop_call":
      out.splice(m.at % out.length, 1);
      break;
    case "repeat_call":
      out.push({ name: c.name, args: [...c.args] });
      break;
    case "rename":
      c.name = `${c.name}_v2`;
      break;
    case "swap_calls":
      out.reverse();
      break;
  }
  return out;
}

const weights = fc.record({
  count: fc.double({ min: 0, max: 1, noNaN: true }),
  name: fc.double({ min: 0.01, max: 1, noNaN: true }),
  keyPrecision: fc.double({ min: 0, max: 1, noNaN: true }),
  keyRecall: fc.double({ min: 0, max: 1, noNaN: true }),
  values: fc.double({ min: 0, max: 1, noNaN: true }),
});
const sample = fc.record({
  entry: fc.nat({ max: entries.length - 1 }).map((i) => entries[i]!),
  mutations: fc.array(mutation, { maxLength: 4 }),
  options: fc.record({ weights, overEmission: fc.constantFrom(0, 0.5, 1, 2), preset: fc.constantFrom("graded" as const, "toolrl" as const) }),
});

function optionsOf(o: { weights: Record<string, number>; overEmission: number; preset: "graded" | "toolrl" }): RewardOptions {
  return o.preset === "graded" ? o : { preset: "toolrl", overEmission: o.overEmission };
}

describe("invariants on generated outputs", () => {
  it("has passing outputs to start from for most example entries", () => {
    expect(entries.length).toBeGreaterThanOrEqual(15);
  });

  it("scores in [0, 1], and 1 exactly when the default ruleset passes", () => {
    fc.assert(
      fc.property(sample, ({ entry, mutations, options }) => {
        const output = text(mutations.reduce(mutate, perfect(entry)));
        const r = compile(entry, optionsOf(options))(output);
        const valid = grade(entry, output, { ruleset: "default" }).valid;
        expect(Number.isFinite(r.score) && r.score >= 0 && r.score <= 1).toBe(true);
        expect(r.score === 1).toBe(valid);
        if (!valid) expect(r.score).toBeLessThanOrEqual(FAILING_MAX);
        for (const v of Object.values(r.components)) expect(v >= 0 && v <= 1).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it("never rewards adding a call that matches nothing", () => {
    fc.assert(
      fc.property(sample, fc.constantFrom("unknown.tool(a=1)", "weather.get_history(city='Faro')", "nothing()"), ({ entry, mutations, options }, junk) => {
        const calls = mutations.reduce(mutate, perfect(entry));
        const scorer = compile(entry, optionsOf(options));
        const before = scorer(text(calls)).score;
        const after = scorer(calls.length ? `${text(calls).slice(0, -1)}, ${junk}]` : `[${junk}]`).score;
        expect(after).toBeLessThanOrEqual(before);
      }),
      { numRuns: 1500 },
    );
  });

  it("is deterministic: the same reward again, from a fresh compile, and without the value cache", () => {
    fc.assert(
      fc.property(sample, ({ entry, mutations, options }) => {
        const output = text(mutations.reduce(mutate, perfect(entry)));
        const scorer = compile(entry, optionsOf(options));
        const first = scorer(output);
        expect(scorer(output)).toEqual(first);
        expect(compile(entry, optionsOf(options))(output)).toEqual(first);
        expect(compile(entry, { ...optionsOf(options), valueCache: 0 })(output)).toEqual(first);
      }),
      { numRuns: 500 },
    );
  });
});

describe("weights", () => {
  it("scores with the weights its scorer was compiled with, however many other weights were compiled before (records are shared)", () => {
    fc.assert(
      fc.property(sample, ({ entry, mutations, options }) => {
        const output = text(mutations.reduce(mutate, perfect(entry)));
        const r = compile(entry, { weights: options.weights })(output);
        const w = options.weights;
        const c = r.components as Record<keyof typeof w | "format", number>;
        const total = w.count + w.name + w.keyPrecision + w.keyRecall + w.values;
        const mean = (w.count * c.count + w.name * c.name + w.keyPrecision * c.keyPrecision + w.keyRecall * c.keyRecall + w.values * c.values) / total;
        const expected = r.verdict.valid ? 1 : Math.min(FAILING_MAX, Math.max(0, c.format * mean));
        expect(r.score).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
