/**
 * Python's printf-style `str % args` (CPython's `PyUnicode_Format`): conversions `s r a d i u o
 * x X e E f F g G c %`, flags `-+ #0`, width and precision (also `*`), and `%(key)s` with a
 * mapping. Floats are converted exactly (round-half-even on the binary value, as CPython's dtoa).
 * `bytes % args` is not implemented: it fails as unsupported.
 */
import { pyRepr } from "../value/repr.js";
import { PyBytes, PyComplex, PyDict, PyTuple, kindOf, type Value } from "../value/value.js";
import type { Budget } from "./pyArith.js";
import { PyError } from "./pyError.js";

const MAX_STR_DIGITS = 10n ** 4300n;

/**
 * `fmt % args`.
 *
 * @example formatPercent("%05.1f|%-4s|%x", new PyTuple([3.14159, "ab", 255n]), budget) // "003.1|ab  |ff"
 */
export function formatPercent(fmt: string | PyBytes, args: Value, budget: Budget): string {
  if (fmt instanceof PyBytes) throw new PyError("Unsupported", "toolgrade does not evaluate bytes % formatting");
  const f = new Formatter(fmt, args, budget);
  return f.run();
}

interface Spec {
  ch: string;
  ljust: boolean;
  sign: boolean;
  blank: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  prec: number;
}

class Formatter {
  private pos = 0;
  private args: Value;
  private argLen: number;
  private argIdx: number;
  /** The mapping for `%(key)s`: CPython takes any argument with `__getitem__` except tuple and str. */
  private readonly dict: Value | undefined;
  private out = "";

  constructor(
    private readonly fmt: string,
    args: Value,
    private readonly budget: Budget,
  ) {
    this.args = args;
    if (args instanceof PyTuple) {
      this.argLen = args.items.length;
      this.argIdx = 0;
    } else {
      this.argLen = -1;
      this.argIdx = -2;
    }
    const mapping = args instanceof PyDict || Array.isArray(args) || args instanceof PyBytes;
    this.dict = mapping ? args : undefined;
  }

  run(): string {
    const { fmt } = this;
    while (this.pos < fmt.length) {
      const pct = fmt.indexOf("%", this.pos);
      if (pct < 0) {
        this.out += fmt.slice(this.pos);
        break;
      }
      this.out += fmt.slice(this.pos, pct);
      this.pos = pct + 1;
      this.formatOne();
    }
    this.budget.spend(this.out.length);
    if (this.argIdx < this.argLen && this.dict === undefined) {
      throw new PyError("TypeError", "not all arguments converted during string formatting");
    }
    return this.out;
  }

  private nextArg(): Value {
    if (this.argIdx < this.argLen) {
      this.argIdx++;
      return this.argLen < 0 ? this.args : (this.args as PyTuple).items[this.argIdx - 1]!;
    }
    throw new PyError("TypeError", "not enough arguments for format string");
  }

  /** The character at `pos`, or "" past the end (CPython reads the terminating NUL). */
  private peek(): string {
    return this.fmt[this.pos] ?? "";
  }

  private formatOne(): void {
    if (this.peek() === "%") {
      this.pos++;
      this.out += "%";
      return;
    }
    if (this.peek() === "(") this.mappingKey();
    const spec = this.parseSpec();
    const v = this.nextArg();
    const { text, numeric } = this.convert(spec, v);
    this.out += pad(spec, text, numeric);
    if (this.dict !== undefined && this.argIdx < this.argLen) {
      throw new PyError("TypeError", "not all arguments converted during string formatting");
    }
  }

  private mappingKey(): void {
    if (this.dict === undefined) throw new PyError("TypeError", "format requires a mapping");
    this.pos++;
    const start = this.pos;
    let depth = 1;
    while (depth > 0 && this.pos < this.fmt.length) {
      const c = this.fmt[this.pos++];
      if (c === ")") depth--;
      else if (c === "(") depth++;
    }
    if (depth > 0) throw new PyError("ValueError", "incomplete format key");
    const key = this.fmt.slice(start, this.pos - 1);
    if (!(this.dict instanceof PyDict)) throw new PyError("TypeError", `${kindOf(this.dict)} indices must be integers or slices, not str`);
    const value = this.dict.get(key);
    if (value === undefined) throw new PyError("KeyError", pyRepr(key));
    this.args = value;
    this.argLen = -1;
    this.argIdx = -2;
  }

  private parseSpec(): Spec {
    const spec: Spec = { ch: "", ljust: false, sign: false, blank: false, alt: false, zero: false, width: -1, prec: -1 };
    const advance = () => {
      spec.ch = this.peek();
      if (this.pos < this.fmt.length) this.pos++;
      return spec.ch;
    };
    flags: for (;;) {
      switch (advance()) {
        case "-":
          spec.ljust = true;
          continue;
        case "+":
          spec.sign = true;
          continue;
        case " ":
          spec.blank = true;
          continue;
        case "#":
          spec.alt = true;
          continue;
        case "0":
          spec.zero = true;
          continue;
        default:
          break flags;
      }
    }
    if (spec.ch === "*") {
      const w = this.starArg();
      spec.width = Math.abs(w);
      if (w < 0) spec.ljust = true;
      advance();
    } else if (isDigit(spec.ch)) {
      spec.width = this.number(spec, advance, "width");
    }
    if (spec.ch === ".") {
      spec.prec = 0;
      const afterPoint = advance();
      if (afterPoint === "*") {
        spec.prec = Math.max(0, this.starArg());
        advance();
      } else if (isDigit(afterPoint)) spec.prec = this.number(spec, advance, "precision");
    }
    if (spec.ch === "h" || spec.ch === "l" || spec.ch === "L") advance();
    if (spec.ch === "") throw new PyError("ValueError", "incomplete format");
    // Checked before formatting: a width or precision beyond the budget would build huge padding.
    this.budget.spend(Math.max(spec.width, 0) + Math.max(spec.prec, 0));
    return spec;
  }

  private number(spec: Spec, advance: () => string, what: string): number {
    let n = Number(spec.ch);
    while (isDigit(advance())) {
      n = n * 10 + Number(spec.ch);
      if (n > 2 ** 31) throw new PyError("ValueError", `${what} too big`);
    }
    return n;
  }

  private starArg(): number {
    const v = this.nextArg();
    if (typeof v !== "bigint" && typeof v !== "boolean") throw new PyError("TypeError", "* wants int");
    const n = typeof v === "boolean" ? (v ? 1 : 0) : Number(v);
    if (Math.abs(n) > 2 ** 31) throw new PyError("OverflowError", "Python int too large to convert to C int");
    return n;
  }

  /** The converted text, and whether it is numeric (signs and zero padding apply). */
  private convert(spec: Spec, v: Value): { text: string; numeric: boolean } {
    switch (spec.ch) {
      case "s":
        return { text: pyStr(v), numeric: false };
      case "r":
        return { text: reprChecked(v), numeric: false };
      case "a":
        return { text: asciiEscape(reprChecked(v)), numeric: false };
      case "d":
      case "i":
      case "u":
      case "o":
      case "x":
      case "X":
        return { text: formatInt(spec, v), numeric: true };
      case "e":
      case "E":
      case "f":
      case "F":
      case "g":
      case "G":
        return { text: formatFloat(asFloat(spec.ch, v), spec.ch, spec.prec < 0 ? 6 : spec.prec, spec.alt), numeric: true };
      case "c":
        return { text: formatChar(v), numeric: false };
      default: {
        const code = spec.ch.codePointAt(0)!;
        const shown = code >= 31 && code <= 126 ? spec.ch : "?";
        throw new PyError("ValueError", `unsupported format character '${shown}' (0x${code.toString(16)}) at index ${this.pos - 1}`);
      }
    }
  }
}

function isDigit(c: string): boolean {
  return c >= "0" && c <= "9" && c.length === 1;
}

/** Python's `str(v)`. */
function pyStr(v: Value): string {
  return typeof v === "string" ? v : reprChecked(v);
}

/** `repr`, with CPython's refusal to write ints of more than 4300 digits. */
function reprChecked(v: Value): string {
  if (typeof v === "bigint" && (v < 0n ? -v : v) >= MAX_STR_DIGITS) {
    throw new PyError("ValueError", "Exceeds the limit (4300 digits) for integer string conversion");
  }
  return pyRepr(v);
}

/** Python's `ascii()` on a repr: non-ASCII characters escaped. */
function asciiEscape(s: string): string {
  let out = "";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else if (cp <= 0xff) out += `\\x${cp.toString(16).padStart(2, "0")}`;
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).padStart(4, "0")}`;
    else out += `\\U${cp.toString(16).padStart(8, "0")}`;
  }
  return out;
}

function formatInt(spec: Spec, v: Value): string {
  let i: bigint;
  if (typeof v === "bigint") i = v;
  else if (typeof v === "boolean") i = v ? 1n : 0n;
  else if (typeof v === "number" && "diu".includes(spec.ch)) {
    if (Number.isNaN(v)) throw new PyError("ValueError", "cannot convert float NaN to integer");
    if (!Number.isFinite(v)) throw new PyError("OverflowError", "cannot convert float infinity to integer");
    i = BigInt(Math.trunc(v));
  } else {
    const need = "oxX".includes(spec.ch) ? "an integer" : "a real number";
    throw new PyError("TypeError", `%${spec.ch} format: ${need} is required, not ${kindOf(v)}`);
  }
  const base = spec.ch === "o" ? 8 : spec.ch === "x" || spec.ch === "X" ? 16 : 10;
  if (base === 10 && (i < 0n ? -i : i) >= MAX_STR_DIGITS) {
    throw new PyError("ValueError", "Exceeds the limit (4300 digits) for integer string conversion");
  }
  const negative = i < 0n;
  let digits = (negative ? -i : i).toString(base);
  if (spec.prec > digits.length) digits = "0".repeat(spec.prec - digits.length) + digits;
  const prefix = spec.alt && base !== 10 ? (base === 8 ? "0o" : "0x") : "";
  const text = `${negative ? "-" : ""}${prefix}${digits}`;
  return spec.ch === "X" ? text.toUpperCase() : text;
}

function asFloat(ch: string, v: Value): number {
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "bigint") {
    const f = Number(v);
    if (!Number.isFinite(f)) throw new PyError("OverflowError", "int too large to convert to float");
    return f;
  }
  if (v instanceof PyComplex) throw new PyError("TypeError", `%${ch} format: a real number is required, not complex`);
  throw new PyError("TypeError", `must be real number, not ${kindOf(v)}`);
}

function formatChar(v: Value): string {
  if (typeof v === "string") {
    if ([...v].length !== 1) throw new PyError("TypeError", "%c requires int or char");
    return v;
  }
  if (typeof v === "bigint" || typeof v === "boolean") {
    const n = typeof v === "boolean" ? (v ? 1n : 0n) : v;
    if (n < 0n || n > 0x10ffffn) throw new PyError("OverflowError", "%c arg not in range(0x110000)");
    return String.fromCodePoint(Number(n));
  }
  throw new PyError("TypeError", "%c requires int or char");
}

/** Width, sign and padding: CPython's `unicode_format_arg_output`. */
function pad(spec: Spec, text: string, numeric: boolean): string {
  let body = text;
  if ((spec.ch === "s" || spec.ch === "r" || spec.ch === "a") && spec.prec >= 0) body = [...body].slice(0, spec.prec).join("");
  const fill = numeric && spec.zero ? "0" : " ";
  let sign = "";
  if (numeric) {
    if (body[0] === "-" || body[0] === "+") {
      sign = body[0];
      body = body.slice(1);
    } else if (spec.sign) sign = "+";
    else if (spec.blank) sign = " ";
  }
  let prefix = "";
  if (spec.alt && (spec.ch === "x" || spec.ch === "X" || spec.ch === "o")) {
    prefix = body.slice(0, 2);
    body = body.slice(2);
  }
  const len = [...body].length + sign.length + prefix.length;
  const width = Math.max(spec.width, len);
  const padding = width - len;
  if (spec.ljust) return sign + prefix + body + " ".repeat(padding);
  if (fill === "0") return sign + prefix + "0".repeat(padding) + body;
  return " ".repeat(padding) + sign + prefix + body;
}

/** A finite double as an exact fraction `num / 2**shift` (num ≥ 0). */
function exact(x: number): [bigint, bigint] {
  let shift = 0n;
  let v = Math.abs(x);
  while (!Number.isInteger(v)) {
    v *= 2 ** 32;
    shift += 32n;
  }
  return [BigInt(v), shift];
}

/** round-half-even(num * 10**k / 2**shift), k may be negative. */
function scaledRound(num: bigint, shift: bigint, k: number): bigint {
  let n = num;
  let d = 1n << shift;
  if (k >= 0) n *= 10n ** BigInt(k);
  else d *= 10n ** BigInt(-k);
  const q = n / d;
  const r2 = (n % d) * 2n;
  if (r2 > d || (r2 === d && (q & 1n) === 1n)) return q + 1n;
  return q;
}

/** `%e`/`%f`/`%g` of a double, digit for digit as CPython (`PyOS_double_to_string`). */
function formatFloat(x: number, ch: string, prec: number, alt: boolean): string {
  const upper = ch === "E" || ch === "F" || ch === "G";
  const lower = ch.toLowerCase();
  let body: string;
  const negative = x < 0 || Object.is(x, -0);
  if (Number.isNaN(x)) body = "nan";
  else if (!Number.isFinite(x)) body = "inf";
  else if (lower === "f") body = fixed(x, prec, alt);
  else if (lower === "e") {
    const [digits, exp] = significant(x, prec + 1);
    body = expForm(digits, exp, alt || prec > 0, false);
  } else body = general(x, prec === 0 ? 1 : prec, alt);
  if (upper) body = body.toUpperCase();
  return (negative && !Number.isNaN(x) ? "-" : "") + body;
}

function fixed(x: number, prec: number, alt: boolean): string {
  const [num, shift] = exact(x);
  const n = scaledRound(num, shift, prec).toString().padStart(prec + 1, "0");
  const int = n.slice(0, n.length - prec);
  const frac = n.slice(n.length - prec);
  return prec > 0 ? `${int}.${frac}` : alt ? `${int}.` : int;
}

/** The first `count` significant digits (rounded) and the decimal exponent of the first one. */
function significant(x: number, count: number): [string, number] {
  if (x === 0) return ["0".repeat(count), 0];
  const [num, shift] = exact(x);
  // The exact decimal exponent: 10**e ≤ |x| < 10**(e+1), decided before rounding.
  const atLeast = (k: number) => (k >= 0 ? num >= 10n ** BigInt(k) << shift : num * 10n ** BigInt(-k) >= 1n << shift);
  let e = Math.floor(Math.log10(Math.abs(x)));
  while (!atLeast(e)) e--;
  while (atLeast(e + 1)) e++;
  const n = scaledRound(num, shift, count - 1 - e);
  // Rounding up to the next power of ten (9.99… → 10.0…) moves the exponent.
  if (n.toString().length > count) return [`1${"0".repeat(count - 1)}`, e + 1];
  return [n.toString(), e];
}

function expForm(digits: string, exp: number, point: boolean, trim: boolean): string {
  let frac = digits.slice(1);
  if (trim) frac = frac.replace(/0+$/, "");
  const mantissa = frac.length > 0 ? `${digits[0]}.${frac}` : point ? `${digits[0]}.` : digits[0]!;
  const e = Math.abs(exp).toString().padStart(2, "0");
  return `${mantissa}e${exp < 0 ? "-" : "+"}${e}`;
}

/** `%g`: CPython's choice between fixed and exponent form, trailing zeros removed unless `#`. */
function general(x: number, prec: number, alt: boolean): string {
  const [digits, exp] = significant(x, prec);
  if (exp < -4 || exp >= prec) return expForm(digits, exp, alt, !alt);
  let text: string;
  if (exp >= 0) {
    const int = digits.slice(0, exp + 1);
    const frac = digits.slice(exp + 1);
    text = frac.length > 0 || alt ? `${int}.${frac}` : int;
  } else text = `0.${"0".repeat(-exp - 1)}${digits}`;
  if (!alt && text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  return text;
}

