/**
 * Src keeps its offset mapping as runs (source.ts). Here it is held to the plain model it
 * replaced: an array with one original offset per character, rebuilt on every operation.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Src } from "../../src/parse/scan/source.js";

/** The reference: text plus one origin per unit, and the end origin. */
interface Model {
  text: string;
  origins: number[];
  end: number;
}

const modelOrigin = (m: Model, i: number) => (Math.max(0, i) >= m.text.length ? m.end : m.origins[Math.max(0, i)]!);

function modelSlice(m: Model, from: number, to: number): Model {
  from = Math.max(0, Math.min(from, m.text.length));
  to = Math.max(from, Math.min(to, m.text.length));
  return { text: m.text.slice(from, to), origins: m.origins.slice(from, to), end: modelOrigin(m, to) };
}

function modelEdit(m: Model, edits: Array<[number, number, string]>): Model {
  if (edits.length === 0) return m;
  let text = "";
  const origins: number[] = [];
  let pos = 0;
  for (const [a, b, r] of edits) {
    text += m.text.slice(pos, a) + r;
    origins.push(...m.origins.slice(pos, a));
    for (let i = 0; i < r.length; i++) origins.push(modelOrigin(m, a));
    pos = b;
  }
  text += m.text.slice(pos);
  origins.push(...m.origins.slice(pos));
  return { text, origins, end: m.end };
}

function modelTrim(m: Model): Model {
  const a = m.text.length - m.text.trimStart().length;
  const b = m.text.trimEnd().length;
  return a === 0 && b === m.text.length ? m : modelSlice(m, a, Math.max(a, b));
}

type Op = { kind: "slice"; a: number; b: number } | { kind: "edit"; cuts: Array<[number, number, string]> } | { kind: "append"; s: string } | { kind: "trim" };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("slice" as const), a: fc.nat(40), b: fc.nat(40) }),
  fc.record({ kind: fc.constant("edit" as const), cuts: fc.array(fc.tuple(fc.nat(40), fc.nat(3), fc.string({ maxLength: 3 })), { maxLength: 4 }) }).map((o) => o as Op),
  fc.record({ kind: fc.constant("append" as const), s: fc.string({ maxLength: 3 }) }),
  fc.constant({ kind: "trim" as const }),
);

/** Sorted, non-overlapping edits inside a text of length n. */
function normalizeCuts(cuts: Array<[number, number, string]>, n: number): Array<[number, number, string]> {
  const out: Array<[number, number, string]> = [];
  let pos = 0;
  for (const [at, len, r] of [...cuts].sort((x, y) => x[0] - y[0])) {
    const a = Math.max(pos, Math.min(at, n));
    const b = Math.min(n, a + len);
    out.push([a, b, r]);
    pos = b;
  }
  return out;
}

describe("Src", () => {
  it("maps every position as the per-character model does, and knows the string its text was cut from, through any chain of slices, edits, appends and trims", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30, unit: fc.constantFrom("a", "b", " ", "\n", "_", "\\") }), fc.array(op, { maxLength: 8 }), (text, ops) => {
        let src = Src.of(text);
        let model: Model = { text, origins: [...text].map((_, i) => i), end: text.length };
        for (const o of ops) {
          if (o.kind === "slice") {
            src = src.slice(o.a, o.b);
            model = modelSlice(model, o.a, o.b);
          } else if (o.kind === "edit") {
            const cuts = normalizeCuts(o.cuts, src.length);
            src = src.edit(cuts);
            model = modelEdit(model, cuts);
          } else if (o.kind === "append") {
            src = src.append(o.s);
            model = modelEdit(model, [[model.text.length, model.text.length, o.s]]);
          } else {
            src = src.trim();
            model = modelTrim(model);
          }
          expect(src.text).toBe(model.text);
          expect(src.root.slice(src.rootStart, src.rootEnd)).toBe(src.text);
          for (let i = -1; i <= src.length + 1; i++) expect(src.origin(i)).toBe(modelOrigin(model, i));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("edits and slices of a long text cost the runs they touch, not its length", () => {
    // A 1 MB text with two edits keeps three or four runs; every origin is still right.
    const text = "x".repeat(1_000_000);
    const s = Src.of(text).edit([[10, 12, "["]]).append("]").slice(5);
    expect(s.origin(0)).toBe(5);
    expect(s.origin(5)).toBe(10);
    expect(s.origin(6)).toBe(12);
    expect(s.origin(s.length - 1)).toBe(1_000_000);
    expect(s.origin(s.length - 2)).toBe(999_999);
    expect(s.origin(s.length)).toBe(1_000_000);
  });
});
