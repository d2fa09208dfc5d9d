/**
 * Broken suite and result files, through the library and through `toolgrade score`: each problem
 * is an error naming the file, the line and what is wrong (exit code 2), nothing is graded against
 * a half-read file, and `--partial` is the only way to score a run with missing results.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exitCode, run, type Io } from "../../src/cli/main.js";
import { loadResults } from "../../src/suite/loadResults.js";
import { loadSuite } from "../../src/suite/loadSuite.js";
import { SuiteError } from "../../src/suite/parseSuite.js";
import { DATA, GOLDS } from "../helpers/example.js";

const TMP = mkdtempSync(join(tmpdir(), "toolgrade-hardening-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
let count = 0;

const Q = "BFCL_v4_simple_python.json";
const questions = readFileSync(join(DATA, Q), "utf8").split("\n").filter(Boolean);
const golds = readFileSync(join(GOLDS, Q), "utf8").split("\n").filter(Boolean);
const ids = questions.map((l) => JSON.parse(l).id as string);
const PASSING = readFileSync(join(DATA, "results/example-model/non_live/BFCL_v4_simple_python_result.json"), "utf8").split("\n").filter(Boolean);

type Lines = Array<string | Buffer>;
const bytes = (lines: Lines) => Buffer.concat(lines.flatMap((l) => [typeof l === "string" ? Buffer.from(l) : l, Buffer.from("\n")]));

/** A suite folder holding simple_python only, with the question and gold lines given. */
function suiteDir(q: Lines = questions, g: Lines = golds): string {
  const dir = join(TMP, `suite-${count++}`);
  mkdirSync(join(dir, "possible_answer"), { recursive: true });
  writeFileSync(join(dir, Q), bytes(q));
  writeFileSync(join(dir, "possible_answer", Q), bytes(g));
  return dir;
}

function resultFile(lines: Lines): string {
  const dir = join(TMP, `run-${count++}`, "model");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "BFCL_v4_simple_python_result.json");
  writeFileSync(file, bytes(lines));
  return file;
}

function suiteError(f: () => unknown): SuiteError {
  try {
    f();
  } catch (e) {
    if (e instanceof SuiteError) return e;
    throw e;
  }
  throw new Error("expected a SuiteError");
}

async function score(argv: string[], stdin?: Buffer): Promise<{ code: number; message: string; out: string }> {
  let out = "";
  const io: Io = { out: (s) => (out += s), err: () => {}, ...(stdin ? { stdinBytes: () => stdin, stdin: () => stdin.toString("utf8") } : {}) };
  const outcome = await run(["score", ...argv], io);
  return { code: exitCode(outcome), message: "message" in outcome ? String(outcome.message) : "", out };
}

const edit = (lines: string[], i: number, line: string | Buffer): Lines => lines.map((l, k) => (k === i ? line : l));
const withType = (line: string, type: string) => line.replace('"type": "float"', `"type": "${type}"`);
const BAD_BYTE = (line: string) => Buffer.concat([Buffer.from(line.slice(0, 40)), Buffer.from([0xc3, 0x28]), Buffer.from(line.slice(40))]);

describe("suite files", () => {
  it.each<[string, () => string, (dir: string) => string, number, RegExp]>([
    ["a malformed JSON line", () => suiteDir(edit(questions, 2, "{oops")), (d) => join(d, Q), 3, /malformed JSON/],
    ["a missing id", () => suiteDir(edit(questions, 1, questions[1]!.replace(/"id": "[^"]+", /, ""))), (d) => join(d, Q), 2, /missing "id"/],
    ["a duplicated id", () => suiteDir(edit(questions, 3, questions[3]!.replace(ids[3]!, ids[1]!)), edit(golds, 3, golds[3]!.replace(ids[3]!, ids[1]!))), (d) => join(d, Q), 4, /duplicate id 'simple_python_1' \(first on line 2\)/],
    ["more questions than golds", () => suiteDir(questions, golds.slice(0, -1)), (d) => join(d, "possible_answer", Q), golds.length, /5 questions in .* but 4 golds/],
    ["more golds than questions", () => suiteDir(questions.slice(0, -1), golds), (d) => join(d, Q), questions.length, /4 questions in .* but 5 golds/],
    ["an unknown parameter type", () => suiteDir(edit(questions, 0, withType(questions[0]!, "flaot"))), (d) => join(d, Q), 1, /unknown parameter type 'flaot' for 'radius'/],
    ["a gold naming a function the entry does not offer", () => suiteDir(questions, edit(golds, 0, golds[0]!.replace("geometry.circle_area", "geometry.square_area"))), (d) => join(d, "possible_answer", Q), 1, /gold function 'geometry.square_area' is not among the functions entry 'simple_python_0' offers/],
    ["a non-UTF-8 byte in a question", () => suiteDir(edit(questions, 3, BAD_BYTE(questions[3]!))), (d) => join(d, Q), 4, /not valid UTF-8/],
    ["a non-UTF-8 byte in a gold", () => suiteDir(questions, edit(golds, 1, BAD_BYTE(golds[1]!))), (d) => join(d, "possible_answer", Q), 2, /not valid UTF-8/],
  ])("%s: the library and the CLI name the file and line", async (_name, make, fileOf, line, problem) => {
    const dir = make();
    const e = suiteError(() => loadSuite(dir));
    expect([e.file, e.line]).toEqual([fileOf(dir), line]);
    expect(e.problem).toMatch(problem);
    const cli = await score(["--data", dir, "--results", resultFile(PASSING)]);
    expect(cli.code).toBe(2);
    expect(cli.message.startsWith(`${fileOf(dir)}:${line}: `)).toBe(true);
    expect(cli.message).toMatch(problem);
    expect(cli.out).toBe("");
  });

  it("keeps a U+FFFD that is really in the text", async () => {
    const dir = suiteDir(edit(questions, 0, questions[0]!.replace("What is", "What\ufffd is")));
    expect(loadSuite(dir).entries.get("simple_python")![0]!.question[0]![0]!.content).toContain("\ufffd");
  });
});

describe("result files", () => {
  const suite = suiteDir();
  const lineOf = (id: string, result: unknown) => JSON.stringify({ id, result });

  it.each<[string, Lines, number, RegExp]>([
    ["a malformed JSON line", edit(PASSING, 2, '{"id": "simple_python_2", "result": '), 3, /malformed JSON/],
    ["a line without an id", edit(PASSING, 1, '{"result": "[]"}'), 2, /missing "id"/],
    ["a line without a result", edit(PASSING, 1, '{"id": "simple_python_1"}'), 2, /has no "result"/],
    ["a non-UTF-8 byte", edit(PASSING, 4, BAD_BYTE(PASSING[4]!)), 5, /not valid UTF-8/],
  ])("%s: the library and the CLI name the file and line", async (_name, lines, line, problem) => {
    const file = resultFile(lines);
    const e = suiteError(() => loadResults(file));
    expect([e.file, e.line]).toEqual([file, line]);
    expect(e.problem).toMatch(problem);
    const cli = await score(["--data", suite, "--results", file]);
    expect(cli.code).toBe(2);
    expect(cli.message.startsWith(`${file}:${line}: `)).toBe(true);
    expect(cli.out).toBe("");
  });

  it("a non-UTF-8 byte on stdin names the line", async () => {
    const cli = await score(["--data", suite, "--results", "-"], bytes(edit(PASSING, 3, BAD_BYTE(PASSING[3]!))));
    expect(cli.code).toBe(2);
    expect(cli.message).toMatch(/^<stdin>:4: .*not valid UTF-8/);
  });

  it("a duplicated id names both lines", async () => {
    const file = resultFile([...PASSING, PASSING[2]!]);
    const cli = await score(["--data", suite, "--results", file]);
    expect(cli.code).toBe(2);
    expect(cli.message).toContain(`1 duplicate results (simple_python_2 at ${file}:${PASSING.length + 1}, first at ${file}:3)`);
  });

  it("an id the suite does not have names its line", async () => {
    const file = resultFile([...PASSING, lineOf("simple_python_77", "[]")]);
    const cli = await score(["--data", suite, "--results", file]);
    expect(cli.code).toBe(2);
    expect(cli.message).toContain(`simple_python_77 at ${file}:${PASSING.length + 1}`);
  });

  it("a model output holding U+FFFD is graded, not refused", async () => {
    const file = resultFile(edit(PASSING, 0, lineOf(ids[0]!, "I cannot \ufffd help")));
    const cli = await score(["--data", suite, "--results", file, "--format", "jsonl"]);
    expect(cli.code).toBe(0);
    expect(cli.out.split("\n").filter(Boolean)).toHaveLength(PASSING.length);
  });

  it("missing results are refused, and scored only with --partial", async () => {
    const file = resultFile(PASSING.slice(0, 3));
    const refused = await score(["--data", suite, "--results", file]);
    expect(refused.code).toBe(2);
    expect(refused.message).toMatch(/2 results are missing \(simple_python_3, simple_python_4\); pass --partial/);
    expect(refused.out).toBe("");
    const partial = await score(["--data", suite, "--results", file, "--partial", "--format", "jsonl"]);
    expect(partial.code).toBe(0);
    expect(partial.out.split("\n").filter(Boolean).map((l) => JSON.parse(l).id)).toEqual(ids.slice(0, 3));
  });
});
