/**
 * Math expressions compared by meaning: `3x^2` ≡ `3*x**2` ≡ `3 * x ^ 2`, `2x + 1` ≡ `1 + 2x`.
 *
 * Two steps, cheapest first. A small canonicalizer (Python `**` → `^`, Unicode operators and
 * superscripts, implicit multiplication made explicit, spaces dropped) settles most pairs by
 * text. Only when the canonical texts still differ is mathjs loaded — lazily, once — and the two
 * expressions are evaluated at fixed sample points (negative, fractional and large values);
 * they are equivalent when every sample agrees within a relative tolerance. Cost is bounded:
 * inputs over 200 characters or with more than 6 variables are never sampled.
 *
 * Known limits, by design of sampling: `sqrt(x^2)` and `x` agree on positive samples only, so
 * negative samples are included; identities that hold almost everywhere can still pass.
 */

import { loadLazily } from "../lazyModule.js";

const MAX_LENGTH = 200;
const MAX_VARIABLES = 6;
const SAMPLES = [-2.5, -1, -0.5, 0.3, 0.7, 1.5, 2, 3.7];
const FUNCTIONS = new Set(["sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "exp", "log", "ln", "sqrt", "abs", "pi", "e"]);

/** Characters an expression may hold; anything else means it is prose, not math. */
const MATH_CHARS = /^[0-9a-zA-Z_ .+\-*/^()=,²³×·−√πθ]+$/;

/**
 * Whether a string is plausibly a math expression: only math characters, at least one operator
 * or implicit product, and at least one variable or function.
 */
export function looksLikeMath(s: string): boolean {
  const t = s.trim();
  if (t.length === 0 || t.length > MAX_LENGTH || !MATH_CHARS.test(t)) return false;
  if (!/[a-zA-Zπθ]/.test(t)) return false;
  const words = t.match(/[a-zA-Z]+/g) ?? [];
  // Prose made of words ("New York") is not math; allow single letters and known functions.
  if (words.some((w) => w.length > 1 && !FUNCTIONS.has(w.toLowerCase()) && !/^[a-z]{1,3}$/.test(w))) return false;
  return /[+\-*/^=²³×·−]|\d[a-zA-Z(]|\)[a-zA-Z(\d]/.test(t);
}

/**
 * The canonical text of an expression: operators unified, implicit products explicit, no spaces.
 *
 * @example canonicalMath("3x^2") === canonicalMath("3 * x ** 2") // true
 */
export function canonicalMath(s: string): string {
  // × · and spaces go before the `**` rewrite: after it, "×*x" and "* *x" became a "**x" that
  // only a second pass rewrote, so the canonical text was not canonical.
  let t = s
    .replace(/[×·]/g, "*")
    .replace(/\s+/g, "")
    .replace(/\*\*/g, "^")
    .replace(/²/g, "^2")
    .replace(/³/g, "^3")
    .replace(/−/g, "-")
    .replace(/π/g, "pi");
  // digit or ')' followed by a letter or '(' ; a letter followed by '(' unless it ends a function name
  t = t.replace(/(\d|\))(?=[a-zA-Z(])/g, "$1*");
  t = t.replace(/([a-zA-Z]+)\(/g, (m, name: string) => (FUNCTIONS.has(name) ? m : `${name.split("").join("*")}*(`));
  t = t.replace(/\)(?=\d)/g, ")*");
  return t;
}

interface MathJs {
  parse(expr: string): { compile(): { evaluate(scope: Record<string, number>): unknown }; filter(cb: (n: { isSymbolNode?: boolean; name?: string }, path: string, parent: { isFunctionNode?: boolean; fn?: unknown } | null) => boolean): Array<{ name?: string }> };
}

let mathjs: MathJs | null | undefined;

/** Loads mathjs on first use (synchronously in Node); null where it cannot be loaded. */
function loadMath(): MathJs | null {
  // The number-only build: parsing and real-valued evaluation are all this needs, and it loads in half the time.
  if (mathjs === undefined) mathjs = loadLazily<MathJs>("mathjs/number");
  return mathjs;
}

/** Provide a mathjs instance (for browsers and workers where it cannot be required synchronously). */
export function setMathEngine(engine: MathJs | null): void {
  mathjs = engine;
}

/** True once mathjs has been loaded (used by the benchmark to prove it loads lazily). */
export function mathLoaded(): boolean {
  return mathjs !== undefined && mathjs !== null;
}

/** `a = b` compared as `a - (b)`; a second `=` makes it unreadable. */
function asExpression(s: string): string | undefined {
  const parts = s.split("=");
  if (parts.length === 1) return s;
  if (parts.length === 2 && parts[0] && parts[1]) return `(${parts[0]})-(${parts[1]})`;
  return undefined;
}

export type MathVerdict = "equal_text" | "equal_samples" | "different" | "unknown";

/**
 * Compares two expression strings by meaning.
 *
 * @example mathEquivalent("3x^2", "3*x**2") // "equal_text"
 * @example mathEquivalent("(x+1)^2", "x^2+2x+1") // "equal_samples"
 */
export function mathEquivalent(a: string, b: string): MathVerdict {
  const ca = canonicalMath(a);
  const cb = canonicalMath(b);
  if (ca === cb) return "equal_text";
  const ea = asExpression(ca);
  const eb = asExpression(cb);
  if (!ea || !eb || ea.length > MAX_LENGTH || eb.length > MAX_LENGTH) return "unknown";
  const m = loadMath();
  if (!m) return "unknown";
  try {
    const pa = m.parse(ea.replace(/\bln\(/g, "log("));
    const pb = m.parse(eb.replace(/\bln\(/g, "log("));
    const vars = new Set<string>();
    for (const node of [...pa.filter((n) => n.isSymbolNode === true), ...pb.filter((n) => n.isSymbolNode === true)]) {
      if (node.name && !FUNCTIONS.has(node.name)) vars.add(node.name);
    }
    if (vars.size > MAX_VARIABLES) return "unknown";
    const fa = pa.compile();
    const fb = pb.compile();
    const names = [...vars].sort();
    let compared = 0;
    for (let i = 0; i < SAMPLES.length; i++) {
      const scope: Record<string, number> = {};
      names.forEach((n, k) => (scope[n] = SAMPLES[(i + k * 3) % SAMPLES.length]! + k * 0.11));
      const x = fa.evaluate(scope);
      const y = fb.evaluate(scope);
      if (typeof x !== "number" || typeof y !== "number") {
        if (typeof x !== typeof y) return "different";
        continue;
      }
      if (Number.isNaN(x) !== Number.isNaN(y)) return "different";
      if (Number.isNaN(x)) continue;
      if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y))) return "different";
      compared++;
    }
    return compared > 0 ? "equal_samples" : "unknown";
  } catch {
    return "unknown";
  }
}
