/**
 * Properties on generated values, calls and golds (fast-check), beside the reward properties of
 * test/reward/properties.test.ts (which mutate the example golds):
 *
 * - an entry generated with one call per gold, whose alternatives are generated values, passes
 *   under both rulesets when the output renders exactly those values;
 * - grading generated outputs (hostile strings, generated calls, reordered calls) never throws,
 *   gives the same result twice, and the reward stays in [0, 1];
 * - for unordered (parallel) categories the default verdict and the reward do not depend on the
 *   order of the calls;
 * - canonicalization is idempotent;
 * - rendering a call with `pyRepr` and parsing it back gives the same call, kinds included.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalText, foldText, tidyText } from "../../src/canonicalize/text.js";
import { canonicalMath, looksLikeMath } from "../../src/canonicalize/math.js";
import { grade } from "../../src/grade.js";
import { parse } from "../../src/parse/parse.js";
import { compile } from "../../src/reward/compile.js";
import type { Entry, FunctionDoc, ParamDoc } from "../../src/types.js";
import { pyRepr } from "../../src/value/repr.js";
import { PyDict, PyTuple, type Value } from "../../src/value/value.js";

/** Python identifiers, including the names that are special on JavaScript objects. */
const ident = fc.oneof(
  fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/),
  fc.constantFrom("__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf"),
);
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: "grapheme", maxLength: 8 }), fc.constantFrom("", "'", '"', "\\", "\n", "\0", "\ud800", "__proto__"));
const float = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });

const scalar: fc.Arbitrary<Value> = fc.oneof(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), float, text, fc.boolean(), fc.constant(null));
const { value } = fc.letrec<{ value: Value }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    scalar,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.array(tie("value"), { maxLength: 3 }).map((items) => new PyTuple(items)),
    fc.uniqueArray(fc.tuple(ident, tie("value")), { maxLength: 3, selector: ([k]) => k }).map((pairs) => PyDict.fromPairs(pairs)),
  ),
}));

/** The doc type BFCL's Python table gives a value's kind. */
function docType(v: Value): ParamDoc {
  if (typeof v === "bigint") return { type: "integer", hasDefault: false };
  if (typeof v === "number") return { type: "float", hasDefault: false };
  if (typeof v === "string") return { type: "string", hasDefault: false };
  if (typeof v === "boolean") return { type: "boolean", hasDefault: false };
  if (v instanceof PyTuple) return { type: "tuple", hasDefault: false, items: { type: "any", hasDefault: false } };
  if (Array.isArray(v)) return { type: "array", hasDefault: false, items: { type: "any", hasDefault: false } };
  if (v instanceof PyDict) return { type: "dict", hasDefault: false };
  return { type: "any", hasDefault: false };
}

/** Golds of one to three calls, each with distinct params holding one generated (non-null, non-empty-string) value. */
const goldCalls = fc.uniqueArray(
  fc.record({
    name: fc.stringMatching(/^[a-z][a-z0-9_]{0,6}(\.[a-z][a-z0-9_]{0,6})?$/),
    args: fc.uniqueArray(fc.tuple(ident, value.filter((v) => v !== null && v !== "")), { minLength: 1, maxLength: 3, selector: ([k]) => k }),
  }),
  { minLength: 1, maxLength: 3, selector: (c) => c.name },
);
type Drafted = { name: string; args: Array<[string, Value]> };

function entryOf(calls: Drafted[]): Entry {
  const functions: FunctionDoc[] = calls.map((c) => ({
    name: c.name,
    description: "",
    params: new Map(c.args.map(([k, v]) => [k, docType(v)])),
    required: c.args.map(([k]) => k),
  }));
  const category = calls.length === 1 ? "simple_python" : "parallel_multiple";
  return { id: `${category}_0`, category, question: [], functions, golds: calls.map((c) => ({ name: c.name, params: new Map(c.args.map(([k, v]) => [k, [goldOf(v)]])) })) };
}

/** A value as a gold states it: inside a dict, each value is a list of its alternatives (BFCL's format). */
function goldOf(v: Value): Value {
  if (v instanceof PyDict) return PyDict.fromPairs(v.entries.map(([k, x]) => [k, [goldOf(x)]]));
  if (v instanceof PyTuple) return new PyTuple(v.items.map(goldOf));
  if (Array.isArray(v)) return v.map(goldOf);
  return v;
}

const render = (calls: Drafted[]) => `[${calls.map((c) => `${c.name}(${c.args.map(([k, v]) => `${k}=${pyRepr(v)}`).join(", ")})`).join(", ")}]`;

describe("generated golds", () => {
  it("an output that renders exactly the gold values passes under both rulesets", () => {
    fc.assert(
      fc.property(goldCalls, (calls) => {
        const entry = entryOf(calls);
        const output = render(calls);
        const d = grade(entry, output, { ruleset: "default" });
        expect(d.valid ? "pass" : d.mismatches).toBe("pass");
        expect(compile(entry)(output).score).toBe(1);
      }),
      { numRuns: 1500 },
    );
  });
});

const hostile = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.array(fc.constantFrom("[", "]", "(", ")", "{", "}", "'", '"', ",", "=", "f", "a", "1", ".", "\\", "\n", "```", "<tool_call>", "__proto__", ":", "None", "**"), { maxLength: 40 }).map((a) => a.join("")),
);

describe("grading generated outputs", () => {
  it("never throws, is deterministic, and keeps the reward in [0, 1]", () => {
    fc.assert(
      fc.property(goldCalls, fc.oneof(hostile, goldCalls.map(render)), fc.constantFrom("default" as const, "bfcl" as const), (calls, output, ruleset) => {
        const entry = entryOf(calls);
        const a = grade(entry, output, { ruleset });
        const b = grade(entry, output, { ruleset });
        expect(JSON.stringify(a, (_k, v) => (typeof v === "bigint" ? `${v}n` : v))).toBe(JSON.stringify(b, (_k, v) => (typeof v === "bigint" ? `${v}n` : v)));
        const r = compile(entry)(output);
        expect(r.score >= 0 && r.score <= 1).toBe(true);
        expect(compile(entry)(output)).toEqual(r);
      }),
      { numRuns: 2000 },
    );
  });

  it("for unordered categories, the verdict and the reward do not depend on call order", () => {
    fc.assert(
      fc.property(
        goldCalls.filter((c) => c.length > 1),
        fc.func(fc.integer()),
        fc.boolean(),
        (calls, key, corrupt) => {
          const entry = entryOf(calls);
          const out = corrupt ? calls.map((c, i) => (i === 0 ? { ...c, args: c.args.slice(1) } : c)) : calls;
          const shuffled = [...out].map((c, i) => [key(i), c] as const).sort((x, y) => x[0] - y[0]).map(([, c]) => c);
          const a = grade(entry, render(out), { ruleset: "default" });
          const b = grade(entry, render(shuffled), { ruleset: "default" });
          expect(b.valid).toBe(a.valid);
          expect(compile(entry)(render(shuffled)).score).toBeCloseTo(compile(entry)(render(out)).score, 12);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("canonicalization is idempotent", () => {
  it.each([
    ["tidyText", tidyText],
    ["foldText", foldText],
    ["canonicalText", canonicalText],
  ] as const)("%s", (_name, f) => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: "grapheme", maxLength: 30 }), fc.constantFrom("New  York , NY", "São-Paulo.", "ß and ÆØ", "“quoted”", "a_b-c")), (s) => {
        expect(f(f(s))).toBe(f(s));
      }),
      { numRuns: 3000 },
    );
  });

  it("canonicalMath", () => {
    const expr = fc.array(fc.constantFrom("x", "y", "2", "3", "+", "-", "*", "**", "^", "(", ")", " ", "sin", "pi", "²", "×"), { minLength: 1, maxLength: 12 }).map((a) => a.join(""));
    fc.assert(
      fc.property(expr.filter(looksLikeMath), (s) => {
        expect(canonicalMath(canonicalMath(s))).toBe(canonicalMath(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("render then parse", () => {
  it("gives back the same call, kinds included", () => {
    fc.assert(
      fc.property(goldCalls, (calls) => {
        const r = parse(render(calls));
        expect(r.status).toBe("calls");
        if (r.status !== "calls") return;
        expect(r.calls.map((c) => [c.name, [...c.args].map(([k, v]) => [k, pyRepr(v)])])).toEqual(calls.map((c) => [c.name, c.args.map(([k, v]) => [k, pyRepr(v)])]));
      }),
      { numRuns: 2000 },
    );
  });
});
