/**
 * The fast reader returns exactly what parse() returns, or declines: a table of both, every
 * string output of the conformance corpus, and generated call lists.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callsDifference, corpusCallsDifferences, corpusParseDifferences, generatedReads, parseDifference, reprs } from "../helpers/parseDifference.js";
import { fastRead, fastReadClean, fastReadQuotedList, fastReadWhole, holdsWordMarker, WORD_MARKERS } from "../../src/parse/fastRead.js";
import { mutate, seeded } from "../oracle/mutate.js";
import type { Call, FunctionDoc } from "../../src/types.js";
import { pyRepr } from "../../src/value/repr.js";
import { SHARED_DIR, SKIP_MESSAGE } from "../helpers/shared.js";
import { callListText as output, callText, nearCallListText as near, positionalCallListText, semicolonCallListText } from "../helpers/callText.js";
import { functionDoc } from "../helpers/entries.js";

/** Why fastRead's calls differ from the full reader's, or undefined when it declines or agrees. */
const difference = (text: string, functions?: readonly FunctionDoc[]) => callsDifference(fastRead, text, functions);

function show(calls: readonly Call[]): string {
  return calls.map((c) => `${c.name}(${[...c.args].map(([k, v]) => `${k}=${pyRepr(v)}`).join(", ")})`).join("; ");
}

describe("fastRead reads plain Python call lists", () => {
  it.each([
    ["one call", "[f(a=1)]", "f(a=1)"],
    ["no brackets", "f(a=1), g(b='x')", "f(a=1); g(b='x')"],
    ["dotted name", "[math.factorial(n=5)]", "math.factorial(n=5)"],
    ["no arguments", "[f()]", "f()"],
    ["floats and negatives", "[f(a=-1.5, b=2e3, c=1., d=-0)]", "f(a=-1.5, b=2000.0, c=1.0, d=0)"],
    ["big int", "[f(a=123456789012345678901234567890)]", "f(a=123456789012345678901234567890)"],
    ["literals", "[f(a=True, b=False, c=None)]", "f(a=True, b=False, c=None)"],
    ["containers", "[f(a=[1, 'x'], b={'k': [None]}, c=(1, 2))]", "f(a=[1, 'x'], b={'k': [None]}, c=(1, 2))"],
    ["simple escapes", `[f(a='it\\'s', b="say \\"hi\\"\\n")]`, `f(a="it's", b='say "hi"\\n')`],
    ["lines inside brackets", "[f(a=1),\n  g(b=2)]", "f(a=1); g(b=2)"],
    ["spaces around", "  [f( a = 1 )]\n", "f(a=1)"],
    ["a variable is kept as its text", "[f(a=my_data, b=math.pi)]", "f(a='my_data', b='math.pi')"],
    ["trailing semicolons", "f(a=1); ;\n", "f(a=1)"],
  ])("%s", (_name, text, expected) => {
    const calls = fastRead(text);
    expect(calls && show(calls)).toBe(expected);
    expect(difference(text)).toBeUndefined();
  });
});

const doc = functionDoc;
const AREA = doc("area", [
  ["base", "integer"],
  ["height", "integer"],
]);
const STORE = doc("store", [
  ["data", "dict"],
  ["key", "string"],
]);

describe("fastRead reads positional arguments and binds them as parse() does with the same docs", () => {
  it.each([
    ["no docs: left positional", "[area(10, 5)]", [], "area(; positional 10, 5)"],
    ["bound in the doc's order", "[area(10, 5)]", [AREA], "area(base=10, height=5)"],
    ["before keywords", "[area(10, height=5)]", [AREA], "area(base=10, height=5)"],
    ["one dict spread into keywords", "[area({'base': 10, 'height': 5})]", [AREA], "area(base=10, height=5)"],
    ["a dict for a dict param stays a value", "[store({'k': 1}, key='x')]", [STORE], "store(data={'k': 1}, key='x')"],
    ["more than the doc has", "[area(1, 2, 3)]", [AREA], "area(base=1, height=2; positional 3)"],
    ["no doc for the function", "[volume(1)]", [AREA], "volume(; positional 1)"],
    ["a bare name", "[area(width, 5)]", [AREA], "area(base='width', height=5)"],
  ])("%s", (_name, text, functions, expected) => {
    const calls = fastRead(text, functions);
    expect(calls && calls.map((c) => `${c.name}(${[...c.args].map(([k, v]) => `${k}=${pyRepr(v)}`).join(", ")}${c.positional.length ? `; positional ${c.positional.map(pyRepr).join(", ")}` : ""})`).join("; ")).toBe(expected);
    expect(difference(text, functions)).toBeUndefined();
    // parse()'s own front reader leaves positional arguments to the full reader.
    expect(fastReadClean(text)).toBeUndefined();
  });

  it("agrees with parse() on generated calls with positional arguments, with and without docs", () => {
    fc.assert(
      fc.property(positionalCallListText, fc.boolean(), (t, withDocs) => {
        expect(difference(t, withDocs ? [AREA, STORE, doc("f", [["a", "any"], ["b", "integer"], ["c", "string"]])] : undefined)).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });
});

describe("fastReadQuotedList", () => {
  const quoted = (text: string) => fastReadQuotedList(text);
  it.each([
    [`["f(a=1)"]`, "f(; a=1)"],
    [`[ 'f(a="x")' ,\n "  g(b=[1, 2.5])  ", ]`, "f(; a='x'); g(; b=[1, 2.5])"],
    [`["get_weather(city='Paris', days=3)"]`, "get_weather(; city='Paris', days=3)"],
  ])("reads %j", (text, expected) => {
    const calls = quoted(text);
    expect(calls && reprs(calls)).toBe(expected);
    expect(callsDifference(quoted, text)).toBeUndefined();
  });
  it.each([
    `[]`, `[""]`, `["f(a=1)" "g()"]`, `["f(a=1)", g(b=2)]`, `["[f(a=1)]"]`, `["f(a=1), g(b=2)"]`, `["f(a=x)"]`, `["f(a=1)\n"]`, `["f(a='\\n')"]`,
    `[r"f(a=1)"]`, `["""f(a=1)"""]`, `["f(a=1)"`, `["f(a=1)"] `, `["default_api.f(a=1)"]`, `["no_function()"]`, `["f(a=1)" # c\n]`, `[,"f(a=1)"]`, `["f(a=1)",,]`,
  ])("leaves %j to the full reader", (text) => {
    expect(quoted(text)).toBeUndefined();
  });
  it("agrees with the full reader on generated lists of quoted calls", () => {
    // One call per string, mostly in the quote its text does not use.
    const item = fc
      .tuple(fc.oneof({ weight: 4, arbitrary: callText }, { weight: 1, arbitrary: near }), fc.boolean(), fc.constantFrom("", " ", "\n"))
      .map(([call, flip, pad]) => {
        const q = call.includes("'") !== flip ? '"' : "'";
        return q + pad + call + pad + q;
      });
    const list = fc.tuple(fc.array(item, { minLength: 1, maxLength: 3 }), fc.constantFrom(", ", ",", ",\n  ", " , "), fc.constantFrom("", ",", " ")).map(([xs, sep, tail]) => `[${xs.join(sep)}${tail}]`);
    expect(generatedReads(list, quoted, (t) => callsDifference(quoted, t))).toBeGreaterThan(100);
  });
});

describe("holdsWordMarker", () => {
  it.each(WORD_MARKERS.flatMap((m) => [m, `[f(a='x ${m} y')]`, `${m}[f(a=1)]`, `[f(a=1)]\n${m}`]))("finds %j", (text) => {
    expect(holdsWordMarker(text)).toBe(true);
  });
  it.each(["[f(a=1)]", "[THINK", "THINK]", "[/THINK", "TOOL_CALLS", "[tool_calls]", "func tools", "functool", "functools", "functools [", "import functools\n[f(a=1)]", "dsml", "DSM L", "[TH INK]", "a.b*c+d?e^f$g{h}i(j)k|l\\m"])("finds nothing in %j", (text) => {
    expect(holdsWordMarker(text)).toBe(false);
  });
});

describe("fastRead leaves everything else to parse()", () => {
  it.each([
    ["empty", ""],
    ["a reasoning marker as a bare name in a list", "[f(a=[THINK])]"],
    ["Mistral's marker as a bare name in a list", "[f(a=[TOOL_CALLS], b=1)]"],
    ["prose", "I cannot help with that."],
    ["empty list", "[]"],
    ["a positional argument after a keyword one", "[f(a=1, 2)]"],
    ["a starred argument", "[f(*xs)]"],
    ["a double-starred argument", "[f(**kw)]"],
    ["a comparison as an argument", "[f(a == 1)]"],
    ["a keyword as a value", "[f(a=lambda)]"],
    ["an attribute of a literal", "[f(a=True.real)]"],
    ["expression", "[f(a=2*3)]"],
    ["nested call", "[f(a=g(b=1))]"],
    ["repeated keyword", "[f(a=1, a=2)]"],
    ["repeated dict key", "[f(a={'k': 1, 'k': 2})]"],
    ["trailing comma", "[f(a=1,)]"],
    ["set", "[f(a={1, 2})]"],
    ["one-item tuple", "[f(a=(1,))]"],
    ["hex", "[f(a=0x1F)]"],
    ["leading zero", "[f(a=010)]"],
    ["underscore digits", "[f(a=1_000)]"],
    ["unicode escape", "[f(a='\\u00e9')]"],
    ["string prefix", "[f(a=r'x')]"],
    ["implicit concatenation", "[f(a='x' 'y')]"],
    ["triple quotes", "[f(a='''x''')]"],
    ["keyword as name", "[f(lambda=1)]"],
    ["non-ASCII name", "[café(a=1)]"],
    ["newline between calls without brackets", "f(a=1)\ng(b=2)"],
    ["a tag inside a string", "[f(a='<think>')]"],
    ["a marker inside a string", "[f(a='[TOOL_CALLS]')]"],
    ["phi-4 marker", "functools[f(a=1)]"],
    ["fence", "```\n[f(a=1)]\n```"],
    ["no-call marker", "[no_function()]"],
    ["API namespace (parse() strips it with a note)", "[default_api.f(a=1)]"],
    ["JSON", '[{"name": "f", "arguments": {"a": 1}}]'],
    ["semicolon between calls", "[f(a=1); g(b=2)]"],
    ["an empty call before a trailing semicolon (parse() reads it as malformed)", "f();"],
    ["a space before ( with a trailing semicolon (parse() reads prose)", "f (a=1);"],
  ])("%s", (_name, text) => {
    expect(fastRead(text)).toBeUndefined();
  });
});

describe("fastRead on generated text", () => {
  it("agrees with parse() whenever it reads", () => {
    fc.assert(
      fc.property(output, (t) => {
        expect(difference(t)).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });
  it("agrees with parse() on call lists ending in semicolons", () => {
    fc.assert(
      fc.property(semicolonCallListText, (t) => {
        expect(difference(t)).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });
  it("agrees with parse() on arbitrary text near the accepted shape", () => {
    fc.assert(
      fc.property(near, (t) => {
        expect(difference(t)).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });
  it("reads a range of a longer text as it reads the same text sliced out", () => {
    const around = fc.string({ maxLength: 6, unit: fc.constantFrom("=", "(", ")", "[", "]", ";", "'", '"', "\\", "n", "a", ".", " ", "\n", "[THINK]") });
    fc.assert(
      fc.property(fc.oneof(output, near, semicolonCallListText), around, around, (t, before, after) => {
        const text = before + t + after;
        const from = before.length;
        const to = from + t.length;
        expect(fastReadWhole(text, from, to)).toEqual(fastReadWhole(t));
      }),
      { numRuns: 3000 },
    );
  });
});

describe.skipIf(!SHARED_DIR)("fastRead on the conformance corpus", () => {
  it("reads every string output it accepts exactly as parse() does", () => {
    const { read, differences } = corpusCallsDifferences(fastRead);
    expect(differences).toEqual([]);
    expect(read).toBeGreaterThan(10_000);
  });
});

if (!SHARED_DIR) {
  describe("fastRead on the conformance corpus", () => {
    it.skip(SKIP_MESSAGE, () => {});
  });
}

/** Ways models wrap a call list: fences, prose around it, markdown escapes, a BFCL FC payload. */
const embedding: fc.Arbitrary<(t: string) => unknown> = fc.constantFrom(
  (t: string) => "```python\n" + t + "\n```",
  (t: string) => "```\n" + t + "\n```\nThis calls the function.",
  (t: string) => "Sure! Here it is:\n" + t + "\nAnything else?",
  (t: string) => "**" + t + "**",
  (t: string) => t.replace(/_/g, "\\_"),
  (t: string) => "<tool_call>\n" + t + "\n</tool_call>",
  (t: string) => "[TOOL_CALLS] " + t,
  (t: string) => "<think>hmm</think>" + t,
  (t: string) => [t],
);

describe("parse() with the fast reader in front", () => {
  it.each([
    ["clean list", "[f(a=1), g(b='x')]", true],
    ["one bare call", "f(a=1)", true],
    ["a trailing semicolon", "[f(a=1)];", true],
    ["bare calls need brackets_added", "f(a=1), g(b=2)", false],
    ["a bare name needs name_as_text", "[f(a=x)]", false],
  ])("%s", (_name, text, fast) => {
    expect(fastReadClean(text) !== undefined).toBe(fast);
    expect(parseDifference(text)).toBeUndefined();
  });

  // The whole-text and prose readings inside parse() read ranges without looking for markers:
  // inside a string a marker is text to the parser too.
  it.each(
    WORD_MARKERS.flatMap((m) => [
      `[f(a='${m}')]`,
      `Sure:\n[f(a='x ${m} y', b=1)]\nDone.`,
      "```python\n[f(a=\"" + m + "\")]\n```",
      `Call f(a='${m}') and then g(b="${m}").`,
      `\\[f\\_x(a='${m}')\\]`,
    ]),
  )("a word marker inside a string: %j", (text) => {
    expect(parseDifference(text)).toBeUndefined();
  });

  // parse() acts on `functools[` only (Phi-4): the word alone is a name the fast readers read.
  it.each(["[f(a=functools)]", "[f(a='functools')]", "[functools.reduce(a=1)]", "Use functools:\n[f(a=1)]", "[f(a=functools [1])]"])(
    "functools without its bracket: %j",
    (text) => {
      expect(parseDifference(text)).toBeUndefined();
    },
  );

  it("gives what the full reader gives on generated text", () => {
    fc.assert(
      fc.property(fc.oneof(output, near, semicolonCallListText), (t) => {
        expect(parseDifference(t)).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });

  it("gives what the full reader gives on call lists inside other text (fast readers inside the chain)", () => {
    fc.assert(
      fc.property(fc.oneof(output, near), embedding, (t, wrap) => {
        expect(parseDifference(wrap(t))).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });
});

describe("parse() with its shortcuts (parses skipped when they can only fail)", () => {
  // A parse skipped because it can only fail must not skip the nesting limit it would have hit.
  const brackets = fc.string({ unit: fc.constantFrom("[", "]", "{", "}", "(", ")", "a", "\n", "'", "\"", " ", "f", "=", "1", ",", ":", "\\", "_", "*", "#"), maxLength: 16 });
  it.each([
    ["GLM's name then JSON", 'get_x\n{"a": 1}', 100],
    ["a name list after a comma", ", [get_x, a=1]", 100],
    ["a name list behind markdown escapes", "\\[get\\_x, a=1\\]", 100],
    ["markdown escapes in a name", "[get\\_x(a=1)]", 100],
    ["a markdown escape inside a string first", "[f(a='x\\_y'), get\\_x(b=2)]", 100],
    ["a markdown escape after a comment", "[f(a=1)] # \\_", 100],
    ["a markdown escape after deep brackets", "[[[[f\\_x(a=1)]]]]", 3],
    ["prose opening with two words", "To calculate it: f(a=1)", 100],
    ["a conditional expression", "f(a=1) if x else g(b=2)", 100],
    ["a name before a prefixed string", "x u'f(a=1)'", 100],
    ["a keyword second", "a not in f(b=1)", 100],
    ["a non-ASCII letter after the first name", "Toé calc f(a=1)", 100],
    ["brackets at the limit", "a" + "[".repeat(4), 4],
    ["brackets one below the limit", "a" + "[".repeat(3), 4],
  ])("%s", (_name, t, maxDepth) => {
    expect(parseDifference(t)).toBeUndefined();
    expect(parseDifference(t, undefined, { maxDepth })).toBeUndefined();
  });

  it("gives what the full reader gives, limits included", () => {
    fc.assert(
      fc.property(brackets, fc.integer({ min: 1, max: 8 }), (t, maxDepth) => {
        expect(parseDifference(t, undefined, { maxDepth })).toBeUndefined();
      }),
      { numRuns: 5000 },
    );
  });
});

describe.skipIf(!SHARED_DIR)("parse() with its fast readers, on the conformance corpus", () => {
  it("gives what the full reader gives on every output and on mutations of the string ones", () => {
    const random = seeded(112026);
    const { read: fast, differences } = corpusParseDifferences(
      (r) => (typeof r.result === "string" ? [r.result, mutate(r.result, random)] : [r.result]),
      (output) => typeof output === "string" && fastReadClean(output) !== undefined,
    );
    expect(differences.slice(0, 10)).toEqual([]);
    expect(fast).toBeGreaterThan(10_000);
  });
});
