/**
 * Regular expressions applied to model output, reviewed for catastrophic backtracking.
 *
 * src/parse/ keeps its own list (the header of src/parse/parse.ts, enforced by
 * test/parse/parse.test.ts): all linear, with attack strings there. This table covers the rest of
 * src/ where model output reaches a regex: the bfcl ruleset's type converters (they reproduce
 * BFCL's Python patterns, so the patterns are BFCL's), the default ruleset's canonicalizers, and
 * the value model. Patterns on file names, CLI arguments and rendered reports are not model output
 * and are left out.
 *
 * | where | pattern (shortened) | applied to | class |
 * |---|---|---|---|
 * | bfcl/convertJavaScript.ts | 2-D array `^(?:\[\s*\[[^\n]*?\]\s*(,\s*\[[^\n]*?\]\s*)*\]\|…)` | a JS argument's source | **exponential** → replaced by `matchArray2D`, a linear scan (fixed) |
 * | bfcl/pyText.ts | `pyStrip`: `^\s+\|\s+$` | every converted element | **quadratic** on inner whitespace → a scan (fixed) |
 * | bfcl/pyText.ts | `FLOAT_RE` `(A)?\.?B\|A\.` | `float()` of a converted element | **quadratic** (digits split between A and B) → unambiguous `A(\.B?)?\|\.B` (fixed) |
 * | bfcl/convertJava.ts | `ARRAYLIST_ADD` `\{\{\s*([\s\S]+?)\s*\}\}` | a Java argument's source | **cubic** on whitespace after `{{` → `}}` checked first, then the regex on a bounded window (fixed) |
 * | bfcl/convertJava.ts | `ARRAY` `new\s+\w+\[\]\s*\{([^\n]*?)\}`, `ARRAYLIST_ASLIST` `…asList\(([^\n]+?)\)\)`, `ARRAYLIST_ADD_ITEM` `add\(([^\n]+?)\)` (g), `HASHMAP_PUT` `put\("([^\n]*?)",\s*([^\n]*?)\)` (g) | a Java argument's source | **quadratic** in one line's length when the line repeats the opener without the closer (~50 ms at 40,000 characters, tens of seconds at 1 MB) → scans in bfcl/javaPatterns.ts, equivalence and N-vs-4N timing in test/hardening/javaRegex.test.ts (fixed) |
 * | bfcl/convertJava.ts | `HASHMAP` `new\s+HashMap<[\s\S]*?>\s*\(\)\s*\{\s*\{?\s*([\s\S]*?)\s*\}?\s*\}`, `HASHMAP_EMPTY` | a Java argument's source (stripped) | **quadratic** over the whole text (`<[\s\S]*?>` is not line-bounded: repeated `>() {` without `}`) and **cubic** on whitespace inside the body (10 s at 4,000 characters) → scans in bfcl/javaPatterns.ts (fixed) |
 * | bfcl/convertJava.ts | `ARRAYLIST_ADD_HEAD` `new\s+ArrayList<\w*>\(\)\s*\{\{`, `ARRAYLIST_EMPTY`, and the openers the scans still match by regex | a Java argument's source | linear (no lazy part; each run is followed by a character outside its class; openers cannot overlap) |
 * | bfcl/convertJavaScript.ts | `DICT_PAIRS` `([^:,]+):\s*([^\n]*?)(?=,\s*[^:,]+:\|$)` (g) | the `{…}` body of a JS dict argument | **quadratic** (every start before a `,` reruns `[^:,]+` to it: 750 ms at 40,000 characters) → `matchAllDictPairs`, a scan (fixed) |
 * | bfcl/convertJavaScript.ts | `ARRAY`, `DICT` (anchored), `INNER_ARRAYS` (on the 2-D match, where every `[` after the first has its `]` on its line) | a JS argument's source | linear (anchored: one line; `INNER_ARRAYS` resumes after each `]`); attack rows below |
 * | bfcl/convertJava.ts, convertJavaScript.ts | `^-?\d+$`, `^-?\d+[lL]$`, `^-?\d+(\.\d+)?…[fF]$`, `n(\n?)$` | one element | linear (anchored, deterministic) |
 * | bfcl/pyText.ts | `INT_RE` `^[+-]?\d+(?:_\d+)*$`, `SPECIAL_RE` | one element | linear |
 * | bfcl/normalize.ts | `[ ,./\-_*^]` with g | a string value | linear (one class) |
 * | canonicalize/text.ts | `\p{M}+`, `\s+`, ` ?([,;]) ?`, `(?<=\p{L}) ?[-_] ?(?=\p{L})`, `(?<=\p{L})\.$` | a string value | linear (no nested quantifiers; lookarounds of one character) |
 * | canonicalize/math.ts | `MATH_CHARS`, `[a-zA-Z]+`, `([a-zA-Z]+)\(` … | a string of at most 200 characters (`MAX_LENGTH`, checked first) | bounded |
 * | canonicalize/aliasKey.ts | diacritics and letter classes | a string value | linear (one class) |
 * | default/matchValue.ts | `\s+(?=([^'"]*['"][^'"]*['"])*[^'"]*$)` (`sameSource`) | Java/JS source strings | **quadratic** (lookahead to the end at every space) → a scan outside quotes (fixed) |
 * | value/repr.ts, value/json.ts, canonicalize/jsValue.ts | one class, or `^[0-9a-fA-F]{4}$` on 4 characters | one character or a short literal | linear |
 *
 * Each fixed pattern has an equivalence property against the original regex (so the verdicts
 * BFCL gives stay the same) and an attack string with a time bound.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchAllDictPairs, matchArray2D } from "../../src/bfcl/convertJavaScript.js";
import { convertJava } from "../../src/bfcl/convertJava.js";
import { convertJavaScript } from "../../src/bfcl/convertJavaScript.js";
import { parsePyFloat, PY_SPACE, pyStrip } from "../../src/bfcl/pyText.js";
import { sameSource } from "../../src/default/matchValue.js";
import { tidyText } from "../../src/canonicalize/text.js";

const S = `[${PY_SPACE}]`;
/** BFCL's patterns as they were, to check the replacements against. */
const ORIGINAL = {
  array2d: new RegExp(`^(?:\\[${S}*\\[[^\\n]*?\\]${S}*(,${S}*\\[[^\\n]*?\\]${S}*)*\\]|\\bnew${S}+Array\\(${S}*\\[[^\\n]*?\\]${S}*(,${S}*\\[[^\\n]*?\\]${S}*)*\\))`, "u"),
  strip: new RegExp(`^${S}+|${S}+$`, "gu"),
  float: /^[+-]?(?:(?:\p{Nd}+(?:_\p{Nd}+)*)?\.?\p{Nd}+(?:_\p{Nd}+)*|\p{Nd}+(?:_\p{Nd}+)*\.)(?:[eE][+-]?\p{Nd}+(?:_\p{Nd}+)*)?$/u,
  arrayListAdd: new RegExp(`new${S}+ArrayList<[\\p{L}\\p{N}_]*>\\(\\)${S}*\\{\\{${S}*([\\s\\S]+?)${S}*\\}\\}`, "u"),
  squeeze: /\s+(?=([^'"]*['"][^'"]*['"])*[^'"]*$)/g,
  dictPairs: new RegExp(`([^:,]+):${S}*([^\\n]*?)(?=,${S}*[^:,]+:|(?=\\n?$))`, "gu"),
};

/** Strings over the characters that decide each pattern, short enough for the old regexes. */
const tokens = (parts: string[], maxLength = 14) => fc.array(fc.constantFrom(...parts), { maxLength }).map((a) => a.join(""));

describe("replacements match exactly what BFCL's regexes matched", () => {
  it("matchArray2D", () => {
    fc.assert(
      fc.property(tokens(["[", "]", ",", " ", "\n", "a", "1", "(", ")", "new ", "Array(", "[[", "],[", "\u3000"]), (s) => {
        expect(matchArray2D(s)).toBe(ORIGINAL.array2d.exec(s)?.[0]);
      }),
      { numRuns: 20_000 },
    );
  });

  it("pyStrip", () => {
    fc.assert(
      fc.property(tokens([" ", "\n", "\t", "\u00a0", "\u2028", "\u3000", "a", "b", "\u200b", "\ud800"]), (s) => {
        expect(pyStrip(s)).toBe(s.replace(ORIGINAL.strip, ""));
      }),
      { numRuns: 5_000 },
    );
  });

  it("the float pattern", () => {
    fc.assert(
      fc.property(tokens(["1", "0", "_", ".", "e", "E", "+", "-", "٣", "x"], 10), (s) => {
        const old = ORIGINAL.float.test(s);
        expect(parsePyFloat(s) !== undefined || /^[+-]?(inf|infinity|nan)$/i.test(s)).toBe(old);
      }),
      { numRuns: 20_000 },
    );
  });

  it("ArrayList with add()", () => {
    fc.assert(
      fc.property(tokens(["new ArrayList<T>() {{", "new ArrayList<>()", " ", "\n", "{", "}", "}}", "add(1);", "x"], 10), (s) => {
        const m = ORIGINAL.arrayListAdd.exec(s);
        const items = m ? Array.from(m[1]!.matchAll(/add\(([^\n]+?)\)/gu), (x) => x[1]!) : undefined;
        const expected = items ? items.map((x) => convertJava(x, "integer")).map((r) => (r.ok ? r.value : r.reason)) : [];
        const empty = new RegExp(`new${S}+ArrayList<[\\p{L}\\p{N}_]*>\\(\\)`, "u").test(s);
        expect(convertJava(s, "ArrayList", "integer")).toEqual({ ok: true, value: m ? expected : empty ? [] : s });
      }),
      { numRuns: 10_000 },
    );
  });

  it("JS dict pairs (matchAll: index, match, key, value)", () => {
    const flat = (m: RegExpMatchArray) => [m.index, ...m];
    const parts = ["a", "b c", ":", ":", ",", ",", ", ", ": ", " ", "\n", "\t", "\u3000", "'x'", "[1, 2]", "\u{1d4b3}", "\ud800", "a:", ", b:", "{", "}"];
    let matched = 0;
    fc.assert(
      fc.property(tokens(parts, 16), (s) => {
        const expected = Array.from(s.matchAll(ORIGINAL.dictPairs), flat);
        expect(matchAllDictPairs(s).map((m) => [m.index, ...m.groups])).toEqual(expected);
        if (expected.length > 0) matched++;
      }),
      { numRuns: 20_000 },
    );
    expect(matched).toBeGreaterThan(2000);
  });

  it.each([
    "a: 1, b: 2",
    "a: 1, , b: 2, c, d: [1, 2]",
    "a: x\n, b: 2",
    "a: 1\n",
    "a: 1\n\n",
    "a:  \n",
    "a: 1,  :x, b:",
    ",a:,b:",
    "\u{1d4b3}:\u{1d4b3},\u{1d4b3}:2",
    "aaa,bbb,c: d",
  ])("JS dict pairs on %j", (s) => {
    expect(matchAllDictPairs(s).map((m) => [m.index, ...m.groups])).toEqual(Array.from(s.matchAll(ORIGINAL.dictPairs), (m) => [m.index, ...m]));
  });

  it("source text squeezed outside quotes", () => {
    fc.assert(
      fc.property(tokens(["a", " ", "  ", "\n", "'", '"', "b c", "\t"]), tokens(["a", " ", "'", '"', "b c"]), (a, b) => {
        const squeeze = (s: string) => tidyText(s).replace(ORIGINAL.squeeze, "");
        expect(sameSource(a, b)).toBe(squeeze(a) === squeeze(b));
      }),
      { numRuns: 2_000 },
    );
  });
});

/**
 * Attack strings: the time bound is 2 µs per character plus 200 ms, generous for a loaded 2-core
 * machine; the old regexes took seconds at a few hundred characters (exponential) or minutes at
 * these sizes (quadratic and cubic).
 */
const N = 200_000;
const budget = (n: number) => 200 + 0.002 * n;

describe("attack strings finish in time proportional to their length", () => {
  it.each<[string, () => unknown, number]>([
    ["2-D array with open rows (was exponential)", () => convertJavaScript("[[a]" + ",[a]".repeat(N / 4), "array"), N],
    ["2-D array with unclosed rows (was exponential)", () => convertJavaScript("[[a]" + ",[a],[".repeat(N / 6), "array"), N],
    ["new Array( with open rows (was exponential)", () => convertJavaScript("new Array([a]" + ",[a]".repeat(N / 4), "array"), N],
    ["inner whitespace for strip (was quadratic)", () => pyStrip("x" + " ".repeat(N) + "x"), N],
    ["a JS dict value with inner whitespace (was quadratic)", () => convertJavaScript("{a:" + " ".repeat(N) + "x}", "dict"), N],
    ["a long number that fails at its end (was quadratic)", () => parsePyFloat("1".repeat(N) + "x"), N],
    ["digits with underscores that fail at the end", () => parsePyFloat("1_".repeat(N / 2) + "x"), N],
    ["a JS float argument", () => convertJavaScript("1".repeat(N) + "x", "float"), N],
    ["ArrayList add block with whitespace and no closer (was cubic)", () => convertJava("new ArrayList<a>() {{" + " ".repeat(N), "ArrayList", "integer"), N],
    ["ArrayList add block with whitespace before a late closer (was quadratic)", () => convertJava("new ArrayList<a>() {{x" + " ".repeat(N) + "y}}", "ArrayList", "integer"), N],
    ["source text with many spaces (was quadratic)", () => sameSource("a " .repeat(N / 2), "a ".repeat(N / 2) + "b"), N],
    ["a closed 2-D array with many rows", () => convertJavaScript("[[" + "[a],".repeat(N / 4) + "[a]]", "array"), N],
    ["JS dict pairs without a colon (was quadratic)", () => convertJavaScript("{" + "a".repeat(N) + "}", "dict"), N],
    ["JS dict pairs with whitespace after a comma", () => convertJavaScript("{a:b," + " ".repeat(N) + "}", "dict"), N],
    ["JS dict pairs, commas without keys", () => convertJavaScript("{a: " + "b,".repeat(N / 2) + "}", "dict"), N],
    // BFCL's Java patterns, now scans (src/bfcl/javaPatterns.ts; N vs 4N in javaRegex.test.ts).
    ["Java Array without a closing brace (was quadratic)", () => convertJava("new int[]{".repeat(N / 10), "Array", "integer"), N],
    ["Java Arrays.asList without a closing parenthesis (was quadratic)", () => convertJava("new ArrayList<a>(Arrays.asList(".repeat(N / 31), "ArrayList", "integer"), N],
    ["Java add( without a closing parenthesis (was quadratic)", () => convertJava("new ArrayList<a>() {{" + "add(".repeat(N / 4) + "}}", "ArrayList", "integer"), N],
    ['Java put(" without a closing parenthesis (was quadratic)', () => convertJava("new HashMap<a>() {{" + 'put("'.repeat(N / 5) + "}}", "HashMap"), N],
    ["Java HashMap >() { without a closing brace (was quadratic)", () => convertJava("new HashMap<" + ">() {".repeat(N / 5), "HashMap"), N],
    ["Java HashMap body with inner whitespace (was cubic)", () => convertJava("new HashMap<>() {x" + " ".repeat(N) + "y}", "HashMap"), N],
  ])("%s", (_name, run, n) => {
    const t = performance.now();
    run();
    expect(performance.now() - t).toBeLessThan(budget(n));
  });

  it("grows linearly: 4× the input takes well under 16× the time", () => {
    const time = (n: number) => {
      const s = "[[a]" + ",[a],[".repeat(n);
      const t = performance.now();
      for (let i = 0; i < 3; i++) convertJavaScript(s, "array");
      return performance.now() - t;
    };
    time(1000);
    const small = time(20_000);
    const large = time(80_000);
    expect(large).toBeLessThan(16 * small + 50);
  });
});
