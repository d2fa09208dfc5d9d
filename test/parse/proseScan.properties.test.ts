/**
 * The faster prose and fence scans read exactly what the scans before them read. The reference
 * model is the code as it was (test/parse/reference/proseBefore.ts); generated prose with calls,
 * code, fences and broken calls must give the same outcome, the same repairs and the same count
 * of candidate attempts left; stripReasoning and snippet must give the same text. surelyCall,
 * which lets a candidate's reading wait, must never call "surely a call" text that the parser
 * reads otherwise.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readText } from "../../src/parse/formats/detect.js";
import { fence } from "../../src/parse/formats/fence.js";
import { stripReasoning } from "../../src/parse/formats/reasoning.js";
import { parsePythonExpression } from "../../src/parse/python/parser.js";
import { matchBracket } from "../../src/parse/scan/brackets.js";
import { snippet } from "../../src/parse/scan/chars.js";
import { Ctx, LimitHit, type Outcome } from "../../src/parse/scan/diagnostics.js";
import { scanProse, surelyCall } from "../../src/parse/scan/proseCalls.js";
import { surelyFailsAsExpression } from "../../src/parse/scan/pythonCalls.js";
import { draftFromCall } from "../../src/parse/scan/pyCall.js";
import { Src } from "../../src/parse/scan/source.js";
import type { FunctionDoc } from "../../src/types.js";
import { withinFastLimits } from "../../src/parse/fastRead.js";
import { fenceBefore, scanProseBefore, snippetBefore, stripReasoningBefore } from "./reference/proseBefore.js";

const NAMES = ["f", "get_weather", "math.sqrt", "default_api.f", "default_api.get_weather", "print", "len", "round", "x.y.z", "self.assertEqual", "_g1", "if", "None", "True", "lambda", "é", "a..b", "3f", "@f", "\\f"];
const name = fc.constantFrom(...NAMES);

/** Values, most of them at the edge of what surelyCall accepts. */
const atom = fc.constantFrom(
  "1", "0", "01", "00", "1.5", "1.", ".5", "1e5", "1_0", "0x1F", "1j", "-2", "- 2", "+3", "-x", "--1",
  "'a'", '"b c"', "''", '""', "'''x'''", '"a\\"b"', "'it''s'", "f'{x}'", "b'x'", "r'x'", "'\\n'", "'é'", "'\u2028'", "'\ud800'", "'\0'", "'\t'", "'a\nb'", "'unclosed",
  "x", "x.y", "x.True", "x .y", "None", "True", "False", "not", "not x", "...", "[]", "{}", "()", "x[]", "x[0]", "x[0][1]", "x[1:2]", "(1,)", "(,)", "{1}",
  "lambda: 1", "a if b else c", "n-1", "a + b", "a == b", "a or b", "*a", "**k", "x for x in y", "'a' 'b'", "'a'.format(b)", "[1, 2,]", "{'a': 1,}", "{**d}",
  "new int[]{1}", "the docs", "a: 1", "101L", "true", "é", "x@y", "#c", "\\", "a=1", "a==1", "f(x)(y)", "f(x).g", "x[0](y)", "(a)(b)",
  // Escapes, unpacking and trailers: what code answers hold.
  "'\\q'", "'\\0'", "'\\8'", "'\\\\'", "'a\\'b'", "'\\'", "'\\ '", "'\\x41'", "'\\x4'", "'\\u00e9'", "'\\u00'", "'\\U0001F600'", "'\\N{DASH}'", "'\\N{NO SUCH NAME}'", "'\\\n'", "'\\\ud800'",
  "type(e).__name__", "'{}: {}'.format(x, y)", "'x'.y.z(1)[0]", "'x' .y", "'x'(1)", "'x'[0]", "{}.get(1)", "[1][0].real", "x.y(1)(2)[3].z", "x.if", "'x'.True", "*", "* a", "**", "** k", "***k", "*(a, b)",
);
const { value } = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    atom,
    fc.array(tie("value"), { maxLength: 3 }).map((xs) => `[${xs.join(", ")}]`),
    fc.array(tie("value"), { maxLength: 3 }).map((xs) => `(${xs.join(", ")})`),
    fc.array(fc.tuple(tie("value"), tie("value")), { maxLength: 2 }).map((ps) => `{${ps.map(([k, v]) => `${k}: ${v}`).join(", ")}}`),
    fc.tuple(name, fc.array(tie("value"), { maxLength: 2 })).map(([n, xs]) => `${n}(${xs.join(", ")})`),
    fc.tuple(tie("value"), tie("value")).map(([a, b]) => `${a}[${b}]`),
  ),
}));
const keyword = fc.constantFrom("", "", "a=", "b = ", "city=", "True=", "é=", "a==", "**", "*", "a.b=");
const argList = fc
  .tuple(fc.array(fc.tuple(keyword, value), { maxLength: 4 }), fc.constantFrom(", ", ",", ",\n  ", " , "), fc.constantFrom("", "", ",", ", ", " "))
  .map(([args, sep, tail]) => args.map(([k, v]) => k + v).join(sep) + (args.length > 0 ? tail : ""));
const call = fc.tuple(name, argList).map(([n, a]) => `${n}(${a})`);

/** A line of an answer: a call placed as an answer, in code, in a sentence, or broken. */
const line = fc.oneof(
  call,
  call,
  call.map((c) => `print(${c})`),
  fc.tuple(fc.constantFrom("x = ", "return ", "  ", "- ", "1. ", "**", "`", "[", "'", '"', "print(", "Use ", "result == ", "    self.", "@", "\\", "# "), call, fc.constantFrom("", "", "**", "`", "]", "'", '"', ";", ".", ")", ",", " and more", " # note", "(", " ", "{")).map(([a, c, b]) => a + c + b),
  fc.tuple(fc.array(call, { minLength: 2, maxLength: 3 }), fc.constantFrom(", ", "; ", " ", "\n", "][", ",\n"), fc.constantFrom(["", ""], ["[", "]"], ["**", "**"], ["`", "`"])).map(([cs, sep, [a, b]]) => a + cs.join(sep) + b),
  fc.constantFrom("Sure! Here is the call:", "I think you should use the `round()` function to do it.", "def g(x):", "for x in y:", "import os", "}", "public void f() {", "```python", "```", "```json", "", "The answer is f(a) (probably).", "see f(the docs)", "f(a=1", "g(b='x", "h(c=1]", "x = {", "Note: it's f(x=1)"),
);
const prose = fc.array(line, { minLength: 1, maxLength: 8 }).chain((lines) =>
  fc.array(fc.constantFrom("\n", "\n\n", " ", "\n", "\r\n"), { minLength: lines.length, maxLength: lines.length }).map((seps) => lines.map((l, i) => l + seps[i]).join("")),
);

const docOf = (n: string): FunctionDoc => ({ name: n, description: "", params: new Map(), required: [] });
const docs = fc.option(fc.subarray(NAMES.map((n) => n.replace("default_api.", ""))), { nil: undefined });
const limits = fc.oneof(
  fc.constant({ maxLength: 1_000_000, maxDepth: 100, maxCalls: 256 }),
  fc.record({ maxLength: fc.integer({ min: 1, max: 200 }), maxDepth: fc.integer({ min: 1, max: 40 }), maxCalls: fc.integer({ min: 0, max: 4 }) }),
);

function ctxFor(text: string, names: string[] | undefined, lim: Ctx["limits"], attempts: number | undefined): Ctx {
  // As parse() sets it: the shortcuts only where the limits leave the fast readers room.
  const ctx = new Ctx(text, lim, { noCallNames: new Set(["no_function"]), docs: names && new Map(names.map((n) => [n, docOf(n)])), fast: withinFastLimits(lim) });
  if (attempts !== undefined) ctx.attempts = attempts;
  return ctx;
}

/** What a reading produced: its outcome (or the limit it hit), the repairs and the attempts left. */
function run(read: (ctx: Ctx) => Outcome, ctx: Ctx): unknown {
  let outcome: unknown;
  try {
    outcome = read(ctx);
  } catch (e) {
    if (!(e instanceof LimitHit)) throw e;
    outcome = { limit: e };
  }
  return { outcome, repairs: ctx.repairs, attempts: ctx.attempts };
}

describe("scanProse reads what it read before", () => {
  it("on generated prose with calls, with and without docs, under any limits", () => {
    fc.assert(
      fc.property(prose, docs, limits, fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), (text, names, lim, attempts) => {
        const now = run((ctx) => scanProse(Src.of(text), ctx, "python"), ctxFor(text, names, lim, attempts));
        const before = run((ctx) => scanProseBefore(Src.of(text), ctx, "python"), ctxFor(text, names, lim, attempts));
        expect(now).toStrictEqual(before);
      }),
      { numRuns: 3000 },
    );
  });

  it("on text cut out of a longer output (offsets map back)", () => {
    fc.assert(
      fc.property(prose, prose, docs, (head, body, names) => {
        const whole = `${head}\n\n${body}`;
        const part = () => Src.of(whole).slice(head.length + 2);
        const now = run((ctx) => scanProse(part(), ctx, "gemma"), ctxFor(whole, names, { maxLength: 1_000_000, maxDepth: 100, maxCalls: 256 }, undefined));
        const before = run((ctx) => scanProseBefore(part(), ctx, "gemma"), ctxFor(whole, names, { maxLength: 1_000_000, maxDepth: 100, maxCalls: 256 }, undefined));
        expect(now).toStrictEqual(before);
      }),
      { numRuns: 500 },
    );
  });
});

describe("fence reading reads what it read before", () => {
  const fenced = fc
    .array(fc.tuple(prose, fc.constantFrom("```python\n", "```\n", "```tool_code\n", "```json\n", "``` not a tag\n", "````\n", "```"), prose, fc.constantFrom("```", "````", "", "```\n")), { minLength: 1, maxLength: 3 })
    .chain((parts) =>
      fc.array(fc.constantFrom("", "\n", "\n\n", ".", "x", " \n", "prose"), { minLength: parts.length, maxLength: parts.length }).map((gaps) =>
        parts.map(([a, open, body, close], i) => `${i === 0 || gaps[i] === "prose" ? a : gaps[i]}${open}${body}${close}`).join(""),
      ),
    );
  it("on generated fenced answers", () => {
    fc.assert(
      fc.property(fenced, docs, (text, names) => {
        const t = Src.of(text).trim();
        const lim = { maxLength: 1_000_000, maxDepth: 100, maxCalls: 256 };
        const now = run((ctx) => fence.read(t, ctx, readText), ctxFor(text, names, lim, undefined));
        const before = run((ctx) => fenceBefore.read(t, ctx, readText), ctxFor(text, names, lim, undefined));
        expect(now).toStrictEqual(before);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("stripReasoning", () => {
  it("cuts what it cut before", () => {
    const tag = fc.constantFrom("<think>", "</think>", "<thinking>", "</thinking>", "<reasoning>", "</reasoning>", "[THINK]", "[/THINK]", "◁think▷", "◁/think▷", "<|begin_of_thought|>", "<|end_of_thought|>", "<tool_call>", "<", "[", "think", "THINK", "\n\n");
    const text = fc.array(fc.oneof(tag, line), { maxLength: 8 }).map((xs) => xs.join(" "));
    fc.assert(
      fc.property(text, (t) => {
        const lim = { maxLength: 1_000_000, maxDepth: 100, maxCalls: 256 };
        const now = ctxFor(t, undefined, lim, undefined);
        const before = ctxFor(t, undefined, lim, undefined);
        const a = stripReasoning(Src.of(t), now);
        const b = stripReasoningBefore(Src.of(t), before);
        expect([a.src.text, a.removed, now.repairs, [...a.src.text].map((_, i) => a.src.origin(i))]).toStrictEqual([b.src.text, b.removed, before.repairs, [...b.src.text].map((_, i) => b.src.origin(i))]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("snippet", () => {
  it("is the regex excerpt it was", () => {
    const spaced = fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(" ", "  ", "\n", "\t", "\u00a0", "\u2028", "\ufeff", "\u3000", "\u200b", "\ud83d\ude00", "\ud800")), { maxLength: 60 }).map((xs) => xs.join(""));
    fc.assert(
      fc.property(spaced, (s) => {
        expect(snippet(s)).toBe(snippetBefore(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("surelyFailsAsExpression", () => {
  /** Whether the parser fails on the text, and not on the nesting limit. */
  function failsPlainly(text: string, maxDepth: number): boolean {
    const parsed = parsePythonExpression(text, { maxBracketDepth: maxDepth, maxLength: 1_000_000 });
    return !parsed.ok && !parsed.error.message.startsWith("too many nested");
  }

  it.each([
    ["Sure! Here it is:\n[f(a=1)]", true],
    ["[f(a=1)]\nDone.", true],
    ["[f(a=1)]\n   more", true],
    ["Here's the call", true],
    ["[f(a=1)]", false],
    ["[f(a=1)]\n\n", false],
    ["f(a=1) # a comment\n", false],
    ["[f(a=f'{x}')]\nDone.", false],
    ["[[[[1]]]] !", false],
    ["[f(a=1)] ?", true],
    ["f(a=1)!", true],
    ["f(a=1) != x", false],
    ["x\t$y", true],
    ["[f(a=1)] will compute it", true],
    ["f(a=1) if x else g(b=2)", false],
    ["[x for x in y]", false],
    ["lambda x: f(x)", false],
    ["return [f(a=1)]", true],
    ["[f(a=1), x.return]", true],
    ["del x", true],
    ["(yield x)", false],
    ["f(x) for x in y if x", false],
    ["[f(a=1)] \"done\"", true],
    ["f(a='x' 'y')", false],
    ["f(a='x') 1", true],
    ["x 1", true],
    ["1 x", true],
    ["'a' b", true],
    ["[1] [2]", false],
    ["f(a=1) (b)", false],
    ["1if x else 2", false],
    ["[f(a=1)] {}", false],
  ])("%j → %s", (text, fails) => {
    expect(surelyFailsAsExpression(text, 3)).toBe(fails);
    if (fails) expect(failsPlainly(text, 3)).toBe(true);
  });

  it("fails only where the parser fails, and never on the nesting limit", () => {
    const odd = fc.constantFrom(
      ...["!", "$", "?", "`", "'", '"', "\\", "\n", "\n  ", "(", "[", "{", ")", "]", "f'{", "f'{(((", "'''", "#", "\t", "\u00e9", "\ud800", "\0"],
      // Keywords, operands side by side, and what may stand between two operands.
      ...[" return ", " del ", ".class", " yield ", " from ", " as ", " await ", " if ", " else ", " in ", " not ", " lambda ", " for ", "1", " 2 ", "1.5", "'s'", " 's' ", "b'x'", " x ", ".y", " + ", ", ", ": ", "=", " == ", "...", "}", "1if ", "0x1f"],
    );
    const text = fc.array(fc.oneof(line, odd), { minLength: 1, maxLength: 6 }).map((xs) => xs.join(""));
    let decided = 0;
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 12 }), (t, depth) => {
        if (!surelyFailsAsExpression(t, depth)) return;
        decided++;
        expect(failsPlainly(t, depth)).toBe(true);
      }),
      { numRuns: 20000 },
    );
    expect(decided).toBeGreaterThan(5000);
  });
});

describe("surelyCall", () => {
  /** Whether the parser reads `text` as a call with a (dotted) name, as scanProse needs. */
  function readsAsCall(text: string): boolean {
    const parsed = parsePythonExpression(text);
    if (!parsed.ok || parsed.node.type !== "Call") return false;
    const ctx = ctxFor(text, undefined, { maxLength: 1_000_000, maxDepth: 100, maxCalls: 256 }, undefined);
    return draftFromCall(parsed.node, Src.of(text), ctx) !== undefined;
  }

  it.each([
    ["f(a=1, b='x')", true],
    ["self.assertEqual(calculate_area(7, 3, 'units'), 10.5)", true],
    ["f(x, y=[1, {'a': (2, 3)}], z=None)", true],
    ["f(\n  a=1,\n  b=2\n)", true],
    ["print(f(a=1))", true],
    ["client.post(\n  '/x',\n  json={'a': [1, 2,],},\n)", true],
    ["Field(..., description='x')", true],
    ["f(,)", false],
    ["f(x[1,])", true],
    ["f([,])", false],
    ["f(a=1, 2)", false],
    ["f(01)", false],
    ["f('a\\n')", true],
    ["f('\\N{DASH}')", false],
    ["f('\\x4')", false],
    ["bot.say('{}: {}'.format(type(e).__name__, str(e)))", true],
    ["eval(invocation.format(*params))", true],
    ["eval(invocation.format(**params))", false],
    ["f(*args, key=1)", true],
    ["f(**kwargs, x)", false],
    ["f(a=1, *b)", false],
    ["print('{}'.format(x))", false],
    ["print(x[0](y))", false],
    ["print(f(a=1)[0], x.y)", true],
    ["print(type(e).__name__)", false],
    ["f(x[])", false],
    ["f(None=1)", false],
    ["see f(the docs)", false],
    ["if(x)", false],
  ])("%s → %s", (text, sure) => {
    const open = text.indexOf("(");
    const start = text.lastIndexOf(" ", open) + 1;
    expect(surelyCall(text, start, open)).toBe(sure ? text.length : -1);
  });

  it("never calls sure what the parser does not read as a call, and ends where the bracket closes", () => {
    fc.assert(
      fc.property(call, (text) => {
        const end = surelyCall(text, 0, text.indexOf("("));
        if (end < 0) return;
        expect(readsAsCall(text.slice(0, end))).toBe(true);
        expect(matchBracket(text, text.indexOf("("), { maxDepth: 100 })).toStrictEqual({ ok: true, end });
      }),
      { numRuns: 20000 },
    );
  });
});
