/** sameName compares names with `.` and `_` alike, as nameKey (docs.ts) defines them, without building the key. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameKey } from "../../src/docs.js";
import { sameName } from "../../src/reward/scoreCall.js";
import type { CompiledGold } from "../../src/reward/compileGold.js";

const name = fc.string({ unit: fc.constantFrom("a", "b", ".", "_", "-", "é"), maxLength: 6 });

describe("sameName", () => {
  it.each([
    ["math.hypot", "math_hypot", true],
    ["math.hypot", "math.hypot", true],
    ["math-hypot", "math_hypot", false],
    ["math.hypo", "math_hypot", false],
  ])("%s vs %s", (a, b, same) => {
    expect(sameName({ name: a, args: new Map(), positional: [] }, { name: b } as CompiledGold)).toBe(same);
  });

  it("agrees with comparing nameKeys", () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(sameName({ name: a, args: new Map(), positional: [] }, { name: b } as CompiledGold)).toBe(nameKey(a) === nameKey(b));
      }),
      { numRuns: 3000 },
    );
  });
});
