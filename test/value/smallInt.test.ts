import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bigIntOf, decimalBigInt } from "../../src/value/smallInt.js";

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

describe("decimalBigInt", () => {
  it("is BigInt of the digits' text, signed or not, around the 15 digits a double holds exactly", () => {
    for (const [text, value] of [["0", 0n], ["-0", 0n], ["-42", -42n], ["999999999999999", 999999999999999n], ["9999999999999999", 9999999999999999n], ["-12345678901234567890", -12345678901234567890n]] as const) {
      const digits = text.startsWith("-") ? 1 : 0;
      expect(decimalBigInt(`x=${text};`, 2, 2 + digits, 2 + text.length)).toBe(value);
    }
    fc.assert(
      fc.property(fc.boolean(), fc.stringMatching(/^[0-9]{1,30}$/), (negative, digits) => {
        const text = `${negative ? "-" : ""}${digits}`;
        expect(decimalBigInt(`[${text}]`, 1, negative ? 2 : 1, 1 + text.length)).toBe(BigInt(text));
      }),
    );
  });
});
