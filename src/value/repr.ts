/**
 * Python `repr()` of a value, character for character as CPython 3.11 writes it.
 *
 * BFCL's messages embed reprs, and the conformance corpus stores BFCL's decoded calls as reprs,
 * so comparing our decoders with BFCL's is a string comparison once this is exact.
 */
import { isAssignedAfterUnicode14 } from "./unicode14.js";
import { PyBytes, PyComplex, PyDict, PySet, PyTuple, type Value } from "./value.js";

/** @example pyRepr([1n, 1.5, "a'b", null]) // `[1, 1.5, "a'b", None]` */
export function pyRepr(v: Value): string {
  switch (typeof v) {
    case "boolean":
      return v ? "True" : "False";
    case "bigint":
      return v.toString();
    case "number":
      return floatRepr(v);
    case "string":
      return strRepr(v);
  }
  if (v === null) return "None";
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(", ")}]`;
  if (v instanceof PyTuple) {
    return v.items.length === 1 ? `(${pyRepr(v.items[0]!)},)` : `(${v.items.map(pyRepr).join(", ")})`;
  }
  if (v instanceof PyDict) return `{${v.entries.map(([k, x]) => `${pyRepr(k)}: ${pyRepr(x)}`).join(", ")}}`;
  if (v instanceof PySet) return v.items.length === 0 ? "set()" : `{${v.items.map(pyRepr).join(", ")}}`;
  if (v instanceof PyBytes) return bytesRepr(v.bytes);
  return complexRepr(v);
}

/** `repr(float)`: shortest round-trip digits, fixed notation for exponents in [-4, 16). */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mant, expText] = x.toExponential().split("e") as [string, string];
  const exp = Number(expText);
  const neg = mant.startsWith("-");
  const digits = mant.replace("-", "").replace(".", "");
  let body: string;
  if (exp >= -4 && exp < 16) {
    if (exp < 0) body = `0.${"0".repeat(-exp - 1)}${digits}`;
    else if (digits.length > exp + 1) body = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
    else body = `${digits}${"0".repeat(exp + 1 - digits.length)}.0`;
  } else {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp).toString().padStart(2, "0");
    body = `${m}e${exp < 0 ? "-" : "+"}${e}`;
  }
  return neg ? `-${body}` : body;
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** `repr(str)`: single quotes unless the text has `'` and no `"`. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let ch = s[i]!;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        ch = s.slice(i, i + 2);
        i++;
      }
    }
    out += escapeChar(ch, quote);
  }
  return out + quote;
}

function escapeChar(ch: string, quote: string): string {
  switch (ch) {
    case "\\":
      return "\\\\";
    case "\n":
      return "\\n";
    case "\r":
      return "\\r";
    case "\t":
      return "\\t";
    case quote:
      return `\\${quote}`;
  }
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || cp === 0x7f) return `\\x${hex(cp, 2)}`;
  if (cp < 0x7f || ch === " ") return ch;
  // CPython 3.11 knows Unicode 14: characters assigned later are unprintable to it.
  if (!NON_PRINTABLE.test(ch) && !isAssignedAfterUnicode14(cp)) return ch;
  if (cp <= 0xff) return `\\x${hex(cp, 2)}`;
  if (cp <= 0xffff) return `\\u${hex(cp, 4)}`;
  return `\\U${hex(cp, 8)}`;
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

function bytesRepr(b: Uint8Array): string {
  const hasSingle = b.includes(0x27);
  const quote = hasSingle && !b.includes(0x22) ? '"' : "'";
  let out = `b${quote}`;
  for (const c of b) {
    if (c === 0x5c) out += "\\\\";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else if (String.fromCharCode(c) === quote) out += `\\${quote}`;
    else if (c < 0x20 || c >= 0x7f) out += `\\x${hex(c, 2)}`;
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

function complexRepr(c: PyComplex): string {
  const part = (x: number) => {
    const r = floatRepr(x);
    return r.endsWith(".0") ? r.slice(0, -2) : r;
  };
  if (c.real === 0 && !Object.is(c.real, -0)) return `${part(c.imag)}j`;
  const sign = c.imag < 0 || Object.is(c.imag, -0) ? "" : "+";
  return `(${part(c.real)}${sign}${part(c.imag)}j)`;
}

/** Python's `<class 'int'>` text for a value's type, as BFCL's messages print it. */
export function pyClassRepr(kind: string): string {
  return `<class '${kind}'>`;
}
