/**
 * `toolgrade score` in-process over the example suite: runs and inputs, formats, colour and
 * progress, id problems, gates, baselines and the exit code of each outcome.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCode, run, type Io, type Outcome } from "../../src/cli/main.js";
import type { Terminal } from "../../src/cli/progress.js";
import { mdEscape } from "../../src/cli/render/markdown.js";
import { DATA, GOLDS } from "../helpers/example.js";

const PIPE: Terminal = { stdoutIsTTY: false, stderrIsTTY: false, noColor: false };
const MODEL = `${DATA}/results/example-model`;
const MODEL_FC = `${DATA}/results/example-model-fc`;
const SUITE = ["--data", DATA, "--golds", GOLDS];

interface Ran {
  outcome: Outcome;
  code: number;
  out: string;
  err: string;
}

async function score(argv: string[], options: { stdin?: string; terminal?: Terminal } = {}): Promise<Ran> {
  let out = "";
  let err = "";
  const io: Io & { terminal: Terminal } = {
    out: (s) => (out += s),
    err: (s) => (err += s),
    ...(options.stdin !== undefined ? { stdin: () => options.stdin! } : {}),
    terminal: options.terminal ?? PIPE,
  };
  const outcome = await run(["score", ...argv], io);
  return { outcome, code: exitCode(outcome), out, err };
}

const bfcl = (...argv: string[]) => score([...SUITE, "--ruleset", "bfcl", ...argv]);

const TMP = mkdtempSync(join(tmpdir(), "toolgrade-score-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
let tmpCount = 0;

/** A copy of the example run with some result lines replaced (or removed, with `null`). */
function variant(edits: Record<string, string | null>, extra: string[] = []): string {
  const dir = join(TMP, `run-${tmpCount++}`, "example-model");
  cpSync(MODEL, dir, { recursive: true });
  for (const sub of ["non_live", "live"]) {
    for (const cat of ["simple_python", "multiple", "live_simple"]) {
      const file = join(dir, sub, `BFCL_v4_${cat}_result.json`);
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue;
      }
      const lines = text.split("\n").filter(Boolean).flatMap((l) => {
        const id = JSON.parse(l).id as string;
        if (!(id in edits)) return [l];
        const r = edits[id];
        return r === null ? [] : [JSON.stringify({ id, result: r })];
      });
      if (cat === "simple_python" && sub === "non_live") lines.push(...extra);
      writeFileSync(file, `${lines.join("\n")}\n`);
    }
  }
  return dir;
}

describe("runs and inputs", () => {
  it("scores a model folder: every category and the leaderboard in one table", async () => {
    const r = await bfcl("--results", MODEL);
    expect(r.outcome.kind).toBe("ok");
    expect(r.out).toMatch(/^example-model · decode prompt$/m);
    expect(r.out).toMatch(/simple_python\s+3\s+5\s+60\.00%/);
    expect(r.out).toMatch(/all entries\s+47\s+62\s+75\.81%/);
    expect(r.out).toMatch(/Non-Live simple\s+73\.33%/);
    expect(r.out).toMatch(/Live overall\s+77\.78%/);
  });

  it("scores a folder of model folders as one run per model, with --decode and --underscore-to-dot per model", async () => {
    const r = await bfcl("--results", `${DATA}/results`, "--decode", "example-model-fc=fc", "--underscore-to-dot-for", "example-model-fc", "--format", "json");
    const doc = JSON.parse(r.out);
    expect(doc.runs.map((x: { model: string; decode: string; underscoreToDot: boolean; all: { correct: number; total: number } }) => [x.model, x.decode, x.underscoreToDot, `${x.all.correct}/${x.all.total}`])).toEqual([
      ["example-model", "prompt", false, "47/62"],
      ["example-model-fc", "fc", true, "27/34"],
    ]);
  });

  it("takes --results more than once", async () => {
    const r = await bfcl("--results", MODEL, "--results", MODEL_FC, "--decode", "example-model-fc=fc", "--underscore-to-dot-for", "example-model-fc");
    expect(r.out).toMatch(/^category\s+example-model\s+example-model-fc$/m);
    expect(r.out).toMatch(/simple_javascript\s+80\.00% \(4\/5\)\s+not run$/m);
    expect(r.out).toMatch(/Non-Live simple\s+73\.33%\s+not run$/m);
  });

  it("reads result lines from stdin with --results -", async () => {
    const stdin = readFileSync(`${MODEL}/non_live/BFCL_v4_simple_python_result.json`, "utf8");
    expect((await bfcl("--results", "-")).outcome).toEqual({ kind: "bad_input", message: "<stdin>:0: standard input is not available" });
    const piped = await score([...SUITE, "--ruleset", "bfcl", "--results", "-", "--format", "json"], { stdin });
    const doc = JSON.parse(piped.out);
    expect([doc.model, doc.all.correct, doc.all.total, doc.results[1].source.file]).toEqual(["stdin", 3, 5, "<stdin>"]);
  });

  it("names a single result file's run after its model folder", async () => {
    const r = await bfcl("--results", `${MODEL}/non_live/BFCL_v4_simple_python_result.json`, "--format", "json");
    expect(JSON.parse(r.out).model).toBe("example-model");
  });

  it("skips result files of categories it does not grade, and says so", async () => {
    const dir = variant({});
    writeFileSync(join(dir, "BFCL_v4_multi_turn_base_result.json"), '{"id": "multi_turn_base_0", "result": []}\n');
    const r = await bfcl("--results", dir);
    expect(r.outcome.kind).toBe("ok");
    expect(r.err).toContain("skipped 1 result files of categories toolgrade does not grade (BFCL_v4_multi_turn_base_result.json)");
  });

  it("shows categories that were not run as not run, and the columns that need them as not run", async () => {
    const r = await bfcl("--results", MODEL, "--category", "simple_python", "--category", "live_simple");
    expect(r.out).toMatch(/simple_java\s+–\s+–\s+not run/);
    expect(r.out).toMatch(/Non-Live simple\s+not run/);
    expect(r.out).toMatch(/Live overall\s+not run/);
    expect(r.out).toMatch(/all entries\s+6\s+10\s+60\.00%/);
  });
});

describe("output formats", () => {
  const lines = (s: string) => s.trim().split("\n");
  it.each([
    ["text", (out: string) => expect(out).toMatch(/irrelevance\s+4\s+5\s+80\.00%/)],
    [
      "json",
      (out: string) => {
        const doc = JSON.parse(out);
        expect(doc).toMatchObject({ toolgrade: "0.1.0", model: "example-model", ruleset: "bfcl", rulesetVersion: "bfcl-v4@6ea5797", decode: "prompt" });
        expect(doc.suiteHash).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(doc.categories).toHaveLength(13);
        expect(doc.leaderboard.find((c: { id: string }) => c.id === "live_overall").accuracy).toBeCloseTo(14 / 18, 12);
        expect(doc.results).toHaveLength(62);
        expect(doc.results.find((x: { id: string }) => x.id === "simple_python_1")).toMatchObject({
          valid: false,
          errorType: "value_error:string",
          messages: ["calls[0].args.to_currency: 'CNY' is not one of 'JPY', 'Japanese yen', 'yen'"],
          mismatches: [{ code: "wrong_string_value", received: "CNY", expected: ["JPY", "Japanese yen", "yen"] }],
        });
      },
    ],
    [
      "jsonl",
      (out: string) => {
        const rows = lines(out).map((l) => JSON.parse(l));
        expect(rows).toHaveLength(62);
        expect(rows.find((x) => x.id === "multiple_1")).toMatchObject({ model: "example-model", valid: false, error_type: "type_error:simple", codes: ["wrong_type"], line: 2 });
      },
    ],
    [
      "junit",
      (out: string) => {
        expect(out.match(/<testcase /g)).toHaveLength(62);
        expect(out.match(/<failure /g)).toHaveLength(15);
        expect(out).toContain('<testsuite name="example-model.simple_python" tests="5" failures="2" errors="0" skipped="0">');
      },
    ],
    [
      "markdown",
      (out: string) => {
        expect(out).toContain("| simple_python | 3 | 5 | 60.00% |");
        expect(out).toContain("| **all entries** | **47** | **62** | **75.81%** |");
        expect(out).toContain("<details><summary>Failing entries (15)</summary>");
      },
    ],
    [
      "github",
      (out: string) => {
        expect(lines(out).filter((l) => l.startsWith("::error "))).toHaveLength(10);
        expect(out).toContain("::notice title=toolgrade::5 more failing entries or failed gates are not annotated");
        expect(out).toMatch(/^::error file=.*BFCL_v4_irrelevance_result\.json,line=2,title=irrelevance_1%3A irrelevance_error%3Adecoder_success::calls: 1 call made where none was expected$/m);
      },
    ],
  ] as const)("%s", async (format, check) => {
    const r = await bfcl("--results", MODEL, "--format", format);
    expect(r.outcome.kind).toBe("ok");
    check(r.out);
  });

  it("writes formats to files with --format F=FILE, one more on stdout", async () => {
    const json = join(TMP, "report.json");
    const md = join(TMP, "summary.md");
    const r = await bfcl("--results", MODEL, "--format", `json=${json}`, "--format", `markdown=${md}`, "--format", "text");
    expect(r.out).toMatch(/Live overall\s+77\.78%/);
    expect(JSON.parse(readFileSync(json, "utf8")).results).toHaveLength(62);
    expect(readFileSync(md, "utf8")).toMatch(/^### toolgrade: example-model$/m);
  });

  it.each([
    ["a TTY", true, { stdoutIsTTY: true, stderrIsTTY: false, noColor: false }],
    ["a TTY with NO_COLOR", false, { stdoutIsTTY: true, stderrIsTTY: false, noColor: true }],
    ["a pipe", false, { stdoutIsTTY: false, stderrIsTTY: false, noColor: false }],
  ])("text on %s is coloured: %s", async (_name, coloured, terminal) => {
    const r = await score([...SUITE, "--results", MODEL, "--ruleset", "bfcl", "--min-accuracy", "0.9"], { terminal });
    expect(r.out.includes("\x1b[")).toBe(coloured);
    expect(r.out.replace(/\x1b\[\d+m/g, "")).toMatch(/simple_python\s+3\s+5\s+60\.00%/);
  });

  it("never colours a format written to a file", async () => {
    const file = join(TMP, "coloured.txt");
    await score([...SUITE, "--results", MODEL, "--format", `text=${file}`], { terminal: { stdoutIsTTY: true, stderrIsTTY: true, noColor: false } });
    expect(readFileSync(file, "utf8")).not.toContain("\x1b[");
  });

  it.each([
    ["a TTY", true],
    ["not a TTY", false],
  ])("draws a progress bar on stderr only when stderr is %s", async (_name, tty) => {
    const r = await score([...SUITE, "--results", MODEL], { terminal: { stdoutIsTTY: false, stderrIsTTY: tty, noColor: false } });
    expect(r.err.includes("scoring [")).toBe(tty);
    if (tty) expect(r.err.endsWith("\r\x1b[K")).toBe(true);
    expect(r.out).not.toContain("scoring [");
  });

  it("caps long lists: markdown folds 50 entries, text lists 20 ids, github annotates 10", async () => {
    const silent = join(TMP, "silent", "example-model");
    cpSync(MODEL, silent, { recursive: true });
    for (const sub of ["non_live", "live"]) {
      for (const f of readdirSync(join(silent, sub))) {
        const file = join(silent, sub, f);
        const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
        writeFileSync(file, lines.map((l) => JSON.stringify({ id: JSON.parse(l).id, result: "I will not call anything." })).join("\n"));
      }
    }
    const baseline = join(TMP, "caps-baseline.json");
    await bfcl("--results", MODEL, "--format", `json=${baseline}`);
    const md = (await bfcl("--results", silent, "--format", "markdown")).out;
    expect(md).toContain("<details><summary>Failing entries (52)</summary>");
    expect(md).toContain("\n- … and 2 more\n");
    const text = (await bfcl("--results", silent, "--baseline", baseline)).out;
    expect(text).toMatch(/ · 38 newly failing · 1 newly passing\n    newly failing: (\S+, ){19}\S+ and 18 more\n/);
    const gh = (await bfcl("--results", silent, "--baseline", baseline, "--format", "github")).out;
    expect(gh).toContain("::notice title=toolgrade::28 more newly failing entries or failed gates are not annotated");
  });

  it.each([
    ["simple_python", "simple_python"],
    ["a_b", "a_b"],
    ["_x_", "\\_x\\_"],
    ["a|b", "a\\|b"],
    ["[x](y)", "[x\\](y)"],
    ["<b>", "\\<b\\>"],
    ["two\nlines", "two lines"],
  ])("markdown shows %j literally", (text, escaped) => {
    expect(mdEscape(text)).toBe(escaped);
  });
});

describe("missing, duplicate and unknown ids", () => {
  const line = (id: string) => JSON.stringify({ id, result: "[]" });
  it.each([
    ["a missing result", { simple_python_4: null }, [], /1 results are missing \(simple_python_4\); pass --partial/],
    ["a duplicate", {}, [line("simple_python_0")], /1 duplicate results \(simple_python_0 at .*BFCL_v4_simple_python_result\.json:\d+, first at .*BFCL_v4_simple_python_result\.json:1\)/],
    ["an unknown id", {}, [line("simple_python_99")], /1 results for ids the suite does not have \(simple_python_99 at .*BFCL_v4_simple_python_result\.json:\d+\)/],
  ] as const)("%s is bad input", async (_name, edits, extra, message) => {
    const r = await bfcl("--results", variant(edits, [...extra]));
    expect(r.code).toBe(2);
    expect(r.outcome.kind === "bad_input" && r.outcome.message).toMatch(message);
  });

  it("--partial scores what is there and reports what is missing", async () => {
    const r = await bfcl("--results", variant({ simple_python_4: null, "live_simple_4-3-0": null }), "--partial");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/simple_python\s+2\s+4\s+50\.00%\s+1$/m);
    expect(r.out).toMatch(/all entries\s+45\s+60\s+75\.00%\s+2$/m);
    expect(r.out).toContain("partial run: 2 results missing (simple_python 1, live_simple 1)");
    const doc = JSON.parse((await bfcl("--results", variant({ simple_python_4: null }), "--partial", "--format", "json")).out);
    expect(doc.problems.missing).toEqual(["simple_python_4"]);
    expect(doc.categories[0]).toMatchObject({ category: "simple_python", total: 4, missing: 1 });
  });
});

describe("gates", () => {
  it.each([
    ["--min-accuracy at the figure", "ok", ["--min-accuracy", "0.75"]],
    ["--min-accuracy above it", "gate_failed", ["--min-accuracy", "0.76"]],
    ["--min-accuracy as a percentage", "ok", ["--min-accuracy", "75.8%"]],
    ["--min-accuracy as a percentage, failing", "gate_failed", ["--min-accuracy", "75.81%"]],
    ["--min on a category", "ok", ["--min", "live_simple=0.6"]],
    ["--min on a category, failing", "gate_failed", ["--min", "live_simple=0.61"]],
    ["--min on a leaderboard column", "ok", ["--min", "live_overall=77%"]],
    ["--min on a leaderboard column, failing", "gate_failed", ["--min", "non_live_simple=0.74"]],
    ["--min on all", "ok", ["--min", "all=0.7"]],
    ["--min on a category not run", "gate_failed", ["--min", "simple_java=0.1", "--category", "simple_python"]],
    ["several gates, one failing", "gate_failed", ["--min-accuracy", "0.5", "--min", "irrelevance=0.9"]],
    ["--min with an unknown target", "bad_input", ["--min", "simple_cobol=0.5"]],
    ["--min without a target", "bad_input", ["--min", "0.5"]],
    ["--min-accuracy with a target", "bad_input", ["--min-accuracy", "all=0.5"]],
    ["--min-accuracy above 100%", "bad_input", ["--min-accuracy", "1.5"]],
    ["--min-accuracy not a number", "bad_input", ["--min-accuracy", "high"]],
    ["--max-regression without --baseline", "bad_input", ["--max-regression", "0.01"]],
  ])("%s → %s", async (_name, kind, argv) => {
    const r = await bfcl("--results", MODEL, ...argv);
    expect(r.outcome.kind).toBe(kind);
  });

  it("lists every gate with its figure, and says on stderr which failed", async () => {
    const r = await bfcl("--results", MODEL, "--min-accuracy", "0.9", "--min", "live_overall=0.7");
    expect(r.out).toContain("gates: 1 of 2 failed\n  FAIL  all entries ≥ 90.00%: 75.81%\n  PASS  Live overall ≥ 70.00%: 77.78%\n");
    expect(r.err).toBe("toolgrade: 1 gate failed: all entries ≥ 90.00%: 75.81%\n");
    const md = (await bfcl("--results", MODEL, "--min-accuracy", "0.9", "--format", "markdown")).out;
    expect(md).toContain("**Gates: 1 of 1 failed** ❌\n\n- ❌ all entries ≥ 90.00%: 75.81%");
    const gh = (await bfcl("--results", MODEL, "--min-accuracy", "0.9", "--format", "github")).out;
    expect(gh.split("\n")[0]).toBe("::error title=toolgrade gate failed::all entries ≥ 90.00%25: 75.81%25");
  });
});

describe("baseline", () => {
  const baseline = join(TMP, "baseline.json");
  beforeAll(async () => {
    await bfcl("--results", MODEL, "--format", `json=${baseline}`);
  });
  // simple_python_1 now passes, simple_python_0 and multiple_0 now fail: one entry fewer
  // correct, simple_python unchanged (3/5), multiple 3/5 → 2/5.
  const worse = variant({
    simple_python_1: "[fx.convert_amount(amount=250.0, from_currency='CAD', to_currency='JPY')]",
    simple_python_0: "[geometry.circle_area(radius=8, unit='cm')]",
    multiple_0: "no call",
  });

  it("lists the entries that newly fail and newly pass", async () => {
    const r = await bfcl("--results", worse, "--baseline", baseline);
    expect(r.out).toContain(`vs baseline ${baseline}:\n  example-model: all entries 75.81% → 74.19% (−1.61 pts) · 2 newly failing · 1 newly passing\n    newly failing: multiple_0, simple_python_0\n    newly passing: simple_python_1\n`);
    const doc = JSON.parse((await bfcl("--results", worse, "--baseline", baseline, "--format", "json")).out);
    expect(doc.comparison).toMatchObject({ baselineModel: "example-model", suiteChanged: false, newlyFailing: ["multiple_0", "simple_python_0"], newlyPassing: ["simple_python_1"] });
    const gh = (await bfcl("--results", worse, "--baseline", baseline, "--format", "github")).out;
    expect(gh.match(/^::error /gm)).toHaveLength(2);
  });

  it.each([
    ["drops within --max-regression", "ok", ["--max-regression", "0.06"]],
    ["a drop beyond --max-regression", "gate_failed", ["--max-regression", "0.02"]],
    ["a category drop beyond its own limit", "gate_failed", ["--max-regression", "multiple=0.1"]],
    ["an unchanged category", "ok", ["--max-regression", "simple_python=0"]],
    ["a leaderboard column dropping exactly its limit", "ok", ["--max-regression", "non_live_overall=0.05"]],
    ["a leaderboard column dropping beyond its limit", "gate_failed", ["--max-regression", "non_live_overall=0.0499"]],
  ])("%s → %s", async (_name, kind, argv) => {
    expect((await bfcl("--results", worse, "--baseline", baseline, ...argv)).outcome.kind).toBe(kind);
  });

  it("checks all entries and every leaderboard column with a bare --max-regression", async () => {
    const r = await bfcl("--results", worse, "--baseline", baseline, "--max-regression", "0.01");
    const gates = r.out.slice(r.out.indexOf("gates:")).trim().split("\n");
    expect(gates).toEqual([
      "gates: 2 of 6 failed",
      "  FAIL  all entries may drop at most 1.00 pts: 75.81% → 74.19% (−1.61 pts)",
      "  PASS  Non-Live simple may drop at most 1.00 pts: 73.33% → 73.33% (+0.00 pts)",
      "  FAIL  Non-Live overall may drop at most 1.00 pts: 68.33% → 63.33% (−5.00 pts)",
      "  PASS  Live overall may drop at most 1.00 pts: 77.78% → 77.78% (+0.00 pts)",
      "  PASS  Irrelevance detection may drop at most 1.00 pts: 90.00% → 90.00% (+0.00 pts)",
      "  PASS  Relevance detection may drop at most 1.00 pts: 75.00% → 75.00% (+0.00 pts)",
    ]);
  });

  it.each([
    ["another ruleset", async () => (await score([...SUITE, "--results", MODEL, "--baseline", baseline])), /graded with ruleset bfcl, this run with default/],
    ["a file that is not JSON", async () => (await bfcl("--results", MODEL, "--baseline", `${MODEL}/non_live/BFCL_v4_simple_python_result.json`)), /cannot read the baseline/],
    ["JSON that is not a report", async () => (await bfcl("--results", MODEL, "--baseline", join(DATA, "..", "package.json"))), /not a toolgrade score report/],
    ["a baseline without the run", async () => (await bfcl("--results", MODEL, "--results", MODEL_FC, "--baseline", baseline)), /no run named 'example-model-fc'/],
  ])("refuses %s", async (_name, go, message) => {
    const r = await go();
    expect(r.code).toBe(2);
    expect(r.outcome.kind === "bad_input" && r.outcome.message).toMatch(message);
  });

  it("pairs runs by model name with a multi-run baseline", async () => {
    const both = join(TMP, "both.json");
    await bfcl("--results", `${DATA}/results`, "--decode", "example-model-fc=fc", "--underscore-to-dot-for", "example-model-fc", "--format", `json=${both}`);
    const r = await bfcl("--results", worse, "--baseline", both, "--format", "json");
    expect(JSON.parse(r.out).comparison.newlyFailing).toEqual(["multiple_0", "simple_python_0"]);
  });
});

describe("usage and exit codes", () => {
  it.each([
    ["--help", 0, ["--help"]],
    ["a passing run", 0, [...SUITE, "--results", MODEL]],
    ["a failed gate", 1, [...SUITE, "--results", MODEL, "--min-accuracy", "0.99"]],
    ["an unknown option", 2, [...SUITE, "--results", MODEL, "--colour"]],
    ["no --results", 2, [...SUITE]],
    ["an unknown format", 2, [...SUITE, "--results", MODEL, "--format", "html"]],
    ["two formats on stdout", 2, [...SUITE, "--results", MODEL, "--format", "json", "--format", "text"]],
    ["an unknown decode mode", 2, [...SUITE, "--results", MODEL, "--decode", "xml"]],
    ["--decode for a run that does not exist", 2, [...SUITE, "--results", MODEL, "--decode", "other=fc"]],
    ["--underscore-to-dot-for a run that does not exist", 2, [...SUITE, "--results", MODEL, "--underscore-to-dot-for", "other"]],
    ["two runs with one name", 2, [...SUITE, "--results", MODEL, "--results", MODEL]],
    ["a results folder without result files", 2, [...SUITE, "--results", GOLDS]],
    ["an unwritable output file", 2, [...SUITE, "--results", MODEL, "--format", "json=/nonexistent/dir/r.json"]],
  ])("%s → exit %i", async (_name, code, argv) => {
    expect((await score(argv)).code).toBe(code);
  });

  it("documents every option in --help", async () => {
    const help = (await score(["--help"])).out;
    for (const flag of ["--data", "--golds", "--results", "--category", "--partial", "--ruleset", "--decode", "--underscore-to-dot", "--underscore-to-dot-for", "--min-accuracy", "--min", "--baseline", "--max-regression", "--format"]) {
      expect(help).toContain(`${flag} `);
    }
  });
});
