/**
 * BFCL's Java container patterns, replaced by the linear scans in src/bfcl/javaPatterns.ts.
 * The original regexes are kept here: on generated strings over the tokens that decide each
 * pattern the scans must return the same index, whole match and groups (and for the global
 * patterns the same sequence of matches as `matchAll`); on attack strings they must grow
 * linearly where the regexes grew quadratically (or cubically).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { convertJava } from "../../src/bfcl/convertJava.js";
import {
  matchAllJavaAdd, matchAllJavaPut, matchJavaArray, matchJavaAsList, matchJavaHashMap, matchJavaHashMapEmpty,
  type PatternMatch,
} from "../../src/bfcl/javaPatterns.js";
import { PY } from "../../src/bfcl/pyText.js";
import { PyDict } from "../../src/value/value.js";

const S = PY.space;
const W = PY.word;
/** BFCL's patterns as convertJava.ts compiled them before the scans. */
const ORIGINAL = {
  array: new RegExp(`new${S}+${W}+\\[\\]${S}*\\{([^\\n]*?)\\}`, "u"),
  asList: new RegExp(`new${S}+ArrayList<${W}*>\\(Arrays\\.asList\\(([^\\n]+?)\\)\\)`, "u"),
  add: new RegExp(`add\\(([^\\n]+?)\\)`, "gu"),
  put: new RegExp(`put\\("([^\\n]*?)",${S}*([^\\n]*?)\\)`, "gu"),
  hashMap: new RegExp(`new${S}+HashMap<[\\s\\S]*?>${S}*\\(\\)${S}*\\{${S}*\\{?${S}*([\\s\\S]*?)${S}*\\}?${S}*\\}`, "u"),
  hashMapEmpty: new RegExp(`new${S}+HashMap<[\\s\\S]*?>${S}*\\(\\)`, "u"),
};

const flat = (m: RegExpMatchArray | null | undefined) => (m ? [m.index, ...m] : undefined);
const mine = (m: PatternMatch | undefined) => (m ? [m.index, ...m.groups] : undefined);
const all = (re: RegExp, s: string) => Array.from(s.matchAll(re), flat);
const allMine = (ms: PatternMatch[]) => ms.map(mine);

/** Whitespace (Python's, including newlines), word characters (astral, digits, `_`) and noise. */
const COMMON = [" ", "  ", "\n", "\t", "\u3000", "\u2028", "\u00a0", "a", "é", "\u{1d4b3}", "1", "\u0663", "_", "x", ",", ";", "\ud800"];
/** Strings over the tokens that decide a pattern. */
const tokens = (parts: string[], maxLength = 18) =>
  fc
    .array(fc.oneof({ arbitrary: fc.constantFrom(...parts), weight: 4 }, { arbitrary: fc.constantFrom(...COMMON), weight: 1 }), { maxLength })
    .map((a) => a.join(""));

const RUNS = 20_000;

/**
 * Per pattern: the structural tokens (drawn 4× as often as the common ones), the string length in
 * tokens, the scan and the regex as `[index, whole, ...groups]` (a list of those for matchAll).
 * Composite tokens make whole openers likely; single characters let them break anywhere.
 */
const PATTERNS: [string, string[], number, (s: string) => unknown, (s: string) => unknown][] = [
  [
    "Array: new\\s+\\w+\\[\\]\\s*\\{([^\\n]*?)\\}",
    ["new", "new ", "new int[]{", "new a[]", "new \u{1d4b3}\u0663[] {", " ", "\n", "[]", "[", "]", "{", "}", "}", '"a"'],
    18, (s) => mine(matchJavaArray(s)), (s) => flat(ORIGINAL.array.exec(s)),
  ],
  [
    "ArrayList: new\\s+ArrayList<\\w*>\\(Arrays\\.asList\\(([^\\n]+?)\\)\\)",
    ["new", "new ", "ArrayList<", "new ArrayList<", "new ArrayList<>(Arrays.asList(", "new ArrayList<>(Arrays.asList(", "new\nArrayList<\u00e9_1>(Arrays.asList(", " ", "\n",
      ">", "<", "(", ")", ")", "))", "))", "))", "Arrays.asList(", ">(Arrays.asList("],
    18, (s) => mine(matchJavaAsList(s)), (s) => flat(ORIGINAL.asList.exec(s)),
  ],
  [
    "add items: matchAll of add\\(([^\\n]+?)\\)",
    ["add(", "add(", "add", "ad", "d(", "(", ")", ")", "))", "add(1);", "}}", "add(\n"],
    22, (s) => allMine(matchAllJavaAdd(s)), (s) => all(ORIGINAL.add, s),
  ],
  [
    'put pairs: matchAll of put\\("([^\\n]*?)",\\s*([^\\n]*?)\\)',
    ['put("', 'put("', "put(", "put", '"', '",', '",', '", ', ",", "(", ")", ")", "\n)", 'put("a", 1);', '"k"'],
    22, (s) => allMine(matchAllJavaPut(s)), (s) => all(ORIGINAL.put, s),
  ],
  [
    "HashMap: new\\s+HashMap<[\\s\\S]*?>\\s*\\(\\)\\s*\\{\\s*\\{?\\s*([\\s\\S]*?)\\s*\\}?\\s*\\}",
    ["new", "new ", "HashMap<", "new HashMap<", "new HashMap<a>() {", "new HashMap<a>() {", "new HashMap<>()", "new\tHashMap<\n", "<", ">", ">()", " ", "()", "(", ")",
      "{", "{", "}", "}", "}", "{{", "}}", 'put("a", 1);'],
    18, (s) => mine(matchJavaHashMap(s)), (s) => flat(ORIGINAL.hashMap.exec(s)),
  ],
  [
    "empty HashMap: new\\s+HashMap<[\\s\\S]*?>\\s*\\(\\)",
    ["new", "new ", "HashMap<", "new HashMap<", "new HashMap<", "new HashMap<", "new\u3000HashMap<>", "<", ">", ">", " ", "\n", "()", "()", "()", "(", ")", "{", "}"],
    18, (s) => mine(matchJavaHashMapEmpty(s)), (s) => flat(ORIGINAL.hashMapEmpty.exec(s)),
  ],
];

describe("the scans return exactly what BFCL's regexes return", () => {
  it.each(PATTERNS)(`%s (${RUNS} generated strings)`, (name, parts, length, scan, original) => {
    let matched = 0;
    fc.assert(
      fc.property(tokens(parts, length), (s) => {
        const expected = original(s);
        expect(scan(s)).toEqual(expected);
        if (Array.isArray(expected) && expected.length > 0) matched++;
      }),
      { numRuns: RUNS },
    );
    console.log(`${name}: ${RUNS} runs, ${matched} with a match`);
    // The generator must reach the matching side often enough for the comparison to mean something.
    expect(matched).toBeGreaterThan(RUNS / 40);
  });

  it("convertJava on HashMap and Array text gives what the regex pipeline gave", () => {
    const strip = (s: string) => s.replace(new RegExp(`^${S}+|${S}+$`, "gu"), "");
    const parts = ["new HashMap<String, Integer>() {{", "new HashMap<>()", 'put("a", 1);', 'put("b", "x");', "}}", "}", "\n", 'put("c",\n 2L);', "new int[]{1, 2}"];
    fc.assert(
      fc.property(tokens(parts, 10), (s) => {
        const m = ORIGINAL.hashMap.exec(strip(s));
        const keys = m ? Array.from(m[1]!.matchAll(ORIGINAL.put), (x) => x[1]) : undefined;
        const r = convertJava(s, "HashMap");
        const empty = ORIGINAL.hashMapEmpty.test(strip(s));
        if (keys) expect(r.ok && r.value instanceof PyDict && r.value.entries.map(([k]) => k)).toEqual([...new Set(keys)]);
        else expect(r).toEqual({ ok: true, value: empty ? new PyDict() : s });
        const a = ORIGINAL.array.exec(s);
        const arr = convertJava(s, "Array", "String");
        expect(arr).toEqual({ ok: true, value: a ? a[1]!.split(",").map((x) => strip(x)).filter((x) => x !== "") : s });
      }),
      { numRuns: 5_000 },
    );
  });
});

describe("deterministic cases", () => {
  const cases: [string, (s: string) => unknown, RegExp, boolean, string][] = [
    ["array", (s) => mine(matchJavaArray(s)), ORIGINAL.array, false, 'x new int[]{1, 2} new int[]{3}'],
    ["array, first opener's line has no }", (s) => mine(matchJavaArray(s)), ORIGINAL.array, false, "new int[]{1\nnew int[]{2}"],
    ["array, whitespace with a newline before {", (s) => mine(matchJavaArray(s)), ORIGINAL.array, false, "new int[]{new\n int[]\n{x}"],
    ["array, astral element type", (s) => mine(matchJavaArray(s)), ORIGINAL.array, false, "new \u{1d4b3}\u0663[]{\u{1d4b3}}"],
    ["asList", (s) => mine(matchJavaAsList(s)), ORIGINAL.asList, false, "new ArrayList<T>(Arrays.asList()))) "],
    ["asList over a newline", (s) => mine(matchJavaAsList(s)), ORIGINAL.asList, false, "new ArrayList<T>(Arrays.asList(1\n))new ArrayList<>(Arrays.asList(2))"],
    ["add", (s) => allMine(matchAllJavaAdd(s)), ORIGINAL.add, true, "add(add(1)); add()); add(\n2); add(3)"],
    ["put whose key extends past a failing \",", (s) => allMine(matchAllJavaPut(s)), ORIGINAL.put, true, 'put("a",x", \n y) put("b",\n\n 2)'],
    ["put whose value has no ) on its line", (s) => allMine(matchAllJavaPut(s)), ORIGINAL.put, true, 'put("a", 1\n); put("b", 2);'],
    ["put, empty key and value", (s) => allMine(matchAllJavaPut(s)), ORIGINAL.put, true, 'put("",) put("",\n)'],
    ["HashMap", (s) => mine(matchJavaHashMap(s)), ORIGINAL.hashMap, false, 'new HashMap<String, Integer>() {{ put("a", 1); }}'],
    ["HashMap, > inside the type and spaces before }", (s) => mine(matchJavaHashMap(s)), ORIGINAL.hashMap, false, "new HashMap<A<B>>() {\n{ x  y \n } \n } }"],
    ["HashMap, first () { has no } after it", (s) => mine(matchJavaHashMap(s)), ORIGINAL.hashMap, false, "new HashMap<a>() x>() {"],
    ["empty HashMap across lines", (s) => mine(matchJavaHashMapEmpty(s)), ORIGINAL.hashMapEmpty, false, "new HashMap<\n> x >\n ()"],
  ];
  it.each(cases)("%s", (_name, scan, re, global, s) => {
    expect(scan(s)).toEqual(global ? all(re, s) : flat(re.exec(s)));
  });
});

/** Time of three runs of `run(n)`, after a warm-up. */
const time = (run: (n: number) => unknown, n: number) => {
  const t = performance.now();
  for (let i = 0; i < 3; i++) run(n);
  return performance.now() - t;
};

/**
 * Attack strings at N and 4N characters: linear code takes about 4× as long, the regexes took
 * 16× (64× for the HashMap body). The bound, 8× plus 30 ms, leaves room for a loaded machine.
 */
const N = 100_000;
const attacks: [string, (n: number) => unknown][] = [
  ["Array without a closing brace (was quadratic)", (n) => convertJava("new int[]{".repeat(n / 10), "Array", "integer")],
  ["Arrays.asList without a closing parenthesis (was quadratic)", (n) => convertJava("new ArrayList<a>(Arrays.asList(".repeat(n / 31), "ArrayList", "integer")],
  ["add( without a closing parenthesis (was quadratic)", (n) => convertJava("new ArrayList<a>() {{" + "add(".repeat(n / 4) + "}}", "ArrayList", "integer")],
  ['put(" without a closing parenthesis (was quadratic)', (n) => convertJava("new HashMap<a>() {{" + 'put("'.repeat(n / 5) + "}}", "HashMap")],
  ['put(" with ", and no closing parenthesis (was quadratic)', (n) => convertJava("new HashMap<a>() {{" + 'put("a", b'.repeat(n / 11) + "}}", "HashMap")],
  ["HashMap openers without a > (was quadratic)", (n) => convertJava("new HashMap<".repeat(n / 12), "HashMap")],
  ["HashMap >() { without a } (was quadratic)", (n) => convertJava("new HashMap<" + ">() {".repeat(n / 5), "HashMap")],
  ["HashMap body with inner whitespace (was cubic)", (n) => convertJava("new HashMap<>() {x" + " ".repeat(n) + "y}", "HashMap")],
];

describe("attack strings grow linearly (4× the input, well under 16× the time)", () => {
  it.each(attacks)("%s", (_name, run) => {
    time(run, N / 10);
    const small = time(run, N);
    const large = time(run, 4 * N);
    console.log(`${_name}: ${small.toFixed(1)} ms at ${N}, ${large.toFixed(1)} ms at ${4 * N}`);
    expect(large).toBeLessThan(8 * small + 30);
    expect(large).toBeLessThan(3 * (200 + 0.002 * 4 * N));
  });
});
