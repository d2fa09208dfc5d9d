import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bigIntOf } from "../../src/value/smallInt.js";

describe("bigIntOf", () => {
  it("is BigInt(n) for every safe integer, at the table's edges and past them", () => {
    for (const n of [-257, -256, -255, -1, -0, 0, 1, 1023, 1024, 1025]) expect(bigIntOf(n)).toBe(BigInt(n));
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -2000, max: 2000 }), fc.maxSafeInteger()), (n) => {
        expect(bigIntOf(n)).toBe(BigInt(n));
      }),
    );
  });
});
