/**
 * readJsonFast uses JSON.parse where it provably gives readJson's value: every line of the BFCL
 * suite and of the conformance corpus, generated JSON and text near the unsafe cases must read
 * the same (same kinds, int vs float, key order, errors).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { positioned, readJson } from "../../src/value/json.js";
import { readJsonFast } from "../../src/value/jsonNative.js";
import { pyRepr } from "../../src/value/repr.js";
import { PyDict, type Value } from "../../src/value/value.js";
import { SHARED_DIR, SKIP_MESSAGE } from "../helpers/shared.js";

/** pyRepr plus the key order and kinds pyRepr already shows; errors by message. */
function show(text: string, read: (t: string) => ReturnType<typeof readJson>): string {
  const r = read(text);
  return r.ok ? `${kinds(r.value)} ${pyRepr(r.value)}` : `error ${r.error.message}`;
}

function kinds(v: Value): string {
  if (v instanceof PyDict) return `{${v.entries.map(([k, x]) => `${String(k)}:${kinds(x)}`).join(",")}}`;
  if (Array.isArray(v)) return `[${v.map(kinds).join(",")}]`;
  return typeof v;
}

function same(text: string): void {
  expect(show(text, readJsonFast)).toBe(show(text, readJson));
}

describe("readJsonFast", () => {
  it.each([
    ["int and float", '{"a": 5, "b": 5.0, "c": 1.5, "d": -0, "e": 1e3, "f": 2.5e-1}'],
    ["big int", '{"a": 12345678901234567890}'],
    ["index-like keys keep their order", '{"b": 1, "2": 2, "a": [1]}'],
    ["repeated key", '{"a": 1, "b": 2, "a": 3}'],
    ["__proto__", '{"__proto__": {"x": 1}, "constructor": 2}'],
    ["numbers inside strings", '{"a": "1.0 and 2e5", "b": "say \\"5.0\\""}'],
    ["NaN is Python's", '{"a": NaN, "b": -Infinity}'],
    ["lone surrogate", '{"a": "\\ud800"}'],
    ["escaped backslash before a quote", '{"a": "x\\\\", "b": 1.0}'],
    ["malformed", '{"a": 1,}'],
    ["unterminated", '{"a": "x'],
    ["deep", `${"[".repeat(300)}1${"]".repeat(300)}`],
  ])("%s", (_name, text) => same(text));

  it("agrees with readJson on generated JSON", () => {
    const text = fc.oneof(
      fc.json({ maxDepth: 4 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v).replace(/(\d)(?=[,\]}])/g, "$1.0")),
      fc.tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom("1.0", "5e2", '"', "\\", "-", "NaN", '"3":', "12345678901234567")).map(([t, at, s]) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1))),
    );
    fc.assert(
      fc.property(text, (t) => {
        same(t);
      }),
      { numRuns: 5000 },
    );
  });
});

describe.skipIf(!SHARED_DIR)("readJsonFast on the shared data", () => {
  it("reads every line of the BFCL suite and the conformance corpus as readJson does", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(dir, e.name));
        else if (/\.jsonl?$/.test(e.name)) files.push(join(dir, e.name));
      }
    };
    walk(join(SHARED_DIR!, "bfcl"));
    walk(join(SHARED_DIR!, "conformance"));
    let lines = 0;
    const differences: string[] = [];
    for (const f of files) {
      for (const line of readFileSync(f, "utf8").split("\n")) {
        if (!line.trim()) continue;
        lines++;
        const a = show(line, readJsonFast);
        const b = show(line, readJson);
        if (a !== b) differences.push(`${f}: ${line.slice(0, 80)}`);
      }
    }
    expect(differences.slice(0, 5)).toEqual([]);
    expect(lines).toBeGreaterThan(30_000);
  });
});

if (!SHARED_DIR) {
  describe("readJsonFast on the shared data", () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
}

describe("positioned (line and column of a JSON error)", () => {
  /** The plain count it replaced: newlines before the offset. */
  function reference(text: string, offset: number) {
    let line = 1;
    let lineStart = 0;
    const end = Math.min(offset, text.length);
    for (let i = 0; i < end; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return { line, col: end - lineStart + 1 };
  }

  it("gives the line and column the plain count gives, for any text and offset, asked in any order", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "\n", "{", " "), maxLength: 30 }), fc.array(fc.integer({ min: -2, max: 35 }), { maxLength: 6 }), (text, offsets) => {
        for (const o of offsets) {
          const p = positioned(text, "m", o);
          expect({ line: p.line, col: p.col }).toEqual(reference(text, o));
          expect(p.message).toBe(`m (${p.line}:${p.col})`);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
