/**
 * Python number literals: where one ends (a port of CPython 3.11's tokenizer, including its
 * checks on underscores, leading zeros and what may follow a literal) and what it is worth.
 */
import { PyComplex } from "../../value/value.js";
import { bigIntOf } from "../../value/smallInt.js";
import { fail } from "./errors.js";

/** CPython 3.11 refuses to convert decimal text of more digits than this to an int. */
export const INT_MAX_STR_DIGITS = 4300;

const EOF = -1;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** Letters, digits, `_` and anything non-ASCII: what CPython's tokenizer would read into a name. */
export function isPotentialIdentifierChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || isDigit(c) || c === 0x5f || c >= 0x80
  );
}

/**
 * Scans the number literal starting at `start` (a digit, or `.` followed by a digit) and returns
 * the offset just past it. Raises CPython's errors (`invalid decimal literal`, `leading zeros …`).
 *
 * @example scanNumber("0x_1f+1", 0, 7) // 5
 */
export function scanNumber(src: string, start: number, end: number): number {
  let pos = start;
  const at = (i: number) => (i < end ? src.charCodeAt(i) : EOF);

  // A keyword directly after a number ("1if x else y") is only deprecated; any other name
  // character is an error.
  const verifyEnd = (p: number, kind: string): void => {
    const c = at(p);
    // CPython's lookahead(): the keyword's letters, then something that cannot continue a name.
    const follows = (text: string) =>
      p + 1 + text.length <= end && src.startsWith(text, p + 1) && !isPotentialIdentifierChar(at(p + 1 + text.length));
    let keyword = false;
    if (c === 0x61 /* a */) keyword = follows("nd");
    else if (c === 0x65 /* e */) keyword = follows("lse");
    else if (c === 0x66 /* f */) keyword = follows("or");
    else if (c === 0x69 /* i */) {
      const d = at(p + 1);
      keyword = d === 0x66 || d === 0x6e || d === 0x73; // if, in, is
    } else if (c === 0x6f /* o */) keyword = follows("r");
    else if (c === 0x6e /* n */) keyword = follows("ot");
    if (!keyword && c !== EOF && isPotentialIdentifierChar(c)) fail(`invalid ${kind} literal`, p);
  };

  // Digits with single underscores between them; `pos` is on the first digit.
  const decimalTail = (): void => {
    for (;;) {
      while (isDigit(at(pos))) pos++;
      if (at(pos) !== 0x5f) return;
      pos++;
      if (!isDigit(at(pos))) fail("invalid decimal literal", pos);
    }
  };

  const radix = (isValid: (c: number) => boolean, kind: string): number => {
    pos += 2;
    do {
      if (at(pos) === 0x5f) pos++;
      const c = at(pos);
      if (!isValid(c)) {
        if (kind !== "hexadecimal" && isDigit(c)) fail(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`, pos);
        fail(`invalid ${kind} literal`, pos);
      }
      while (isValid(at(pos))) pos++;
    } while (at(pos) === 0x5f);
    if (kind !== "hexadecimal" && isDigit(at(pos))) {
      fail(`invalid digit '${String.fromCharCode(at(pos))}' in ${kind} literal`, pos);
    }
    verifyEnd(pos, kind);
    return pos;
  };

  const imaginaryOrEnd = (): number => {
    const c = at(pos);
    if (c === 0x6a || c === 0x4a /* j J */) {
      pos++;
      verifyEnd(pos, "imaginary");
    } else verifyEnd(pos, "decimal");
    return pos;
  };

  // After the integer part (and an optional fraction): exponent, then `j`.
  const exponentAndImaginary = (): number => {
    const e = at(pos);
    if (e === 0x65 || e === 0x45 /* e E */) {
      let p = pos + 1;
      const c = at(p);
      if (c === 0x2b || c === 0x2d /* + - */) {
        p++;
        if (!isDigit(at(p))) fail("invalid decimal literal", p);
      } else if (!isDigit(c)) {
        // "1else": the `e` is not part of the number.
        verifyEnd(pos, "decimal");
        return pos;
      }
      pos = p;
      decimalTail();
    }
    return imaginaryOrEnd();
  };

  const fraction = (): number => {
    // `pos` is just past the '.'
    if (isDigit(at(pos))) decimalTail();
    return exponentAndImaginary();
  };

  const c0 = at(pos);
  if (c0 === 0x2e /* . */) {
    pos++;
    return fraction();
  }
  if (c0 === 0x30 /* 0 */) {
    const c1 = at(pos + 1);
    if (c1 === 0x78 || c1 === 0x58) return radix(isHexDigit, "hexadecimal");
    if (c1 === 0x6f || c1 === 0x4f) return radix((c) => c >= 0x30 && c <= 0x37, "octal");
    if (c1 === 0x62 || c1 === 0x42) return radix((c) => c === 0x30 || c === 0x31, "binary");
    // Zeros (with underscores); a nonzero digit after them is only legal in a float.
    pos++;
    for (;;) {
      if (at(pos) === 0x5f) {
        pos++;
        if (!isDigit(at(pos))) fail("invalid decimal literal", pos);
      }
      if (at(pos) !== 0x30) break;
      pos++;
    }
    let nonzero = false;
    if (isDigit(at(pos))) {
      nonzero = true;
      decimalTail();
    }
    const c = at(pos);
    if (c === 0x2e) {
      pos++;
      return fraction();
    }
    if (c === 0x65 || c === 0x45 || c === 0x6a || c === 0x4a) return exponentAndImaginary();
    if (nonzero) {
      fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", start);
    }
    verifyEnd(pos, "decimal");
    return pos;
  }
  decimalTail();
  if (at(pos) === 0x2e) {
    pos++;
    return fraction();
  }
  return exponentAndImaginary();
}

/**
 * The value of a number literal that {@link scanNumber} accepted: an int (`bigint`), a float
 * (`number`, `inf` when it overflows, as in CPython) or an imaginary number.
 *
 * @example numberValue("0x_1f") // 31n
 * @example numberValue("1_0.5") // 10.5
 */
export function numberValue(text: string, offset: number): bigint | number | PyComplex {
  // Most numbers are short plain decimals: up to 15 digits are exact as a double, and BigInt(number)
  // is much faster than BigInt(string).
  if (text.length <= 15) {
    let n = 0;
    let i = 0;
    for (; i < text.length; i++) {
      const d = text.charCodeAt(i) - 0x30;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (i === text.length && i > 0) return bigIntOf(n);
  }
  const clean = text.includes("_") ? text.replaceAll("_", "") : text;
  const last = clean.charCodeAt(clean.length - 1);
  if (last === 0x6a || last === 0x4a) return new PyComplex(0, Number(clean.slice(0, -1)));
  const second = clean.charCodeAt(1) | 0x20;
  if (clean.charCodeAt(0) === 0x30 && (second === 0x78 || second === 0x6f || second === 0x62)) {
    return BigInt(`0${String.fromCharCode(second)}${clean.slice(2)}`);
  }
  if (clean.includes(".") || clean.includes("e") || clean.includes("E")) return Number(clean);
  if (clean.length > INT_MAX_STR_DIGITS) {
    fail(`Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${clean.length} digits`, offset);
  }
  return BigInt(clean);
}
