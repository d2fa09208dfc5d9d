/**
 * The built `toolgrade` binary, spawned with NO_COLOR=1: the text, markdown and junit output of
 * the example run pinned byte for byte (test/cli/__snapshots__/score-*), every exit code
 * reached, and the junit output checked as JUnit XML — well-formed XML 1.0 that follows the
 * junit-10 schema CI reporters read (elements, attributes, order, counts).
 *
 * The binary is built with tsup.config.ts's own CLI options into node_modules/.cache, so the
 * test neither needs nor touches dist/.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { build, type Options } from "tsup";
import { beforeAll, describe, expect, it } from "vitest";
import { renderJunit, xmlEscape } from "../../src/cli/render/junit.js";
import type { ScoreDocument } from "../../src/cli/render.js";
import { scoreRun } from "../../src/score.js";
import tsupConfig from "../../tsup.config.js";
import { exampleResults, exampleSuite, ROOT } from "../helpers/example.js";

const BIN_DIR = join(ROOT, "node_modules", ".cache", "toolgrade-test", "bin");
const EXAMPLE = ["score", "--data", "data", "--golds", "golds", "--results", "data/results/example-model", "--ruleset", "bfcl"];

beforeAll(async () => {
  const cli = (tsupConfig as Options[]).find((c) => typeof c.entry === "object" && !Array.isArray(c.entry) && "cli" in c.entry);
  if (!cli) throw new Error("tsup.config.ts has no cli entry");
  await build({ ...cli, outDir: BIN_DIR, clean: false, silent: true, config: false });
});

function toolgrade(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, [join(BIN_DIR, "cli.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
    ...(stdin !== undefined ? { input: stdin } : {}),
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("pinned output of the built binary", () => {
  it.each([
    ["text", [], "score-example.txt"],
    ["markdown", ["--format", "markdown"], "score-example.md"],
    ["junit", ["--format", "junit"], "score-example.junit.xml"],
    ["text, two models with gates", ["--results", "data/results/example-model-fc", "--decode", "example-model-fc=fc", "--underscore-to-dot-for", "example-model-fc", "--min-accuracy", "0.75", "--min", "live_simple=0.7"], "score-two-models.txt"],
  ])("%s", async (_name, extra, snapshot) => {
    const r = toolgrade([...EXAMPLE, ...extra]);
    expect(r.out).not.toContain("\x1b[");
    await expect(r.out).toMatchFileSnapshot(`./__snapshots__/${snapshot}`);
  });
});

describe("exit codes of the built binary", () => {
  it.each([
    ["a passing run", 0, EXAMPLE, ""],
    ["--help", 0, ["score", "--help"], ""],
    ["a failed gate", 1, [...EXAMPLE, "--min-accuracy", "0.8"], "toolgrade: 1 gate failed: all entries ≥ 80.00%: 75.81%\n"],
    ["bad usage", 2, [...EXAMPLE, "--min", "0.8"], "toolgrade: --min 0.8: write TARGET=X, e.g. live_simple=0.8\n"],
    ["bad input", 2, ["score", "--data", "data", "--results", "nowhere"], "toolgrade: nowhere:0: the results path does not exist\n"],
  ])("%s → %i", (_name, code, args, err) => {
    const r = toolgrade(args as string[]);
    expect(r.code).toBe(code);
    expect(r.err).toBe(err);
  });

  it("reads stdin with --results -", () => {
    const r = toolgrade(["score", "--data", "data", "--golds", "golds", "--results", "-", "--format", "jsonl"], '{"id": "simple_python_2", "result": "[numbers.lcm(a=18, b=24)]"}\n');
    expect(r.code).toBe(2); // the other four simple_python results are missing
    const partial = toolgrade(["score", "--data", "data", "--golds", "golds", "--results", "-", "--format", "jsonl", "--partial"], '{"id": "simple_python_2", "result": "[numbers.lcm(a=18, b=24)]"}\n');
    expect(JSON.parse(partial.out)).toMatchObject({ model: "stdin", id: "simple_python_2", valid: true, file: "<stdin>", line: 1 });
  });
});

// ---------------------------------------------------------------------------------------------
// JUnit XML: a small XML 1.0 reader, and the junit-10 schema as a table.

interface XmlElement {
  name: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** Parses an XML document, throwing on anything that is not well-formed XML 1.0. */
function parseXml(xml: string): XmlElement {
  for (const ch of xml) {
    const cp = ch.codePointAt(0)!;
    if (!isXmlChar(cp)) throw new Error(`character U+${cp.toString(16)} is not allowed in XML`);
  }
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${pos}: ${JSON.stringify(xml.slice(pos, pos + 40))}`);
  };
  const ws = () => {
    while (/\s/.test(xml[pos] ?? "")) pos++;
  };
  const decode = (raw: string) =>
    raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);|&/g, (m, ref: string | undefined) => {
      if (!ref) return fail("a bare '&'");
      if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
      if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
      return ENTITIES[ref] ?? fail(`unknown entity ${m}`);
    });
  const name = () => {
    const m = /^[A-Za-z_:][\w.:-]*/.exec(xml.slice(pos));
    if (!m) fail("expected a name");
    pos += m![0].length;
    return m![0];
  };
  const element = (): XmlElement => {
    if (xml[pos] !== "<") fail("expected '<'");
    pos++;
    const el: XmlElement = { name: name(), attrs: new Map(), children: [], text: "" };
    for (;;) {
      const before = pos;
      ws();
      if (xml.startsWith("/>", pos)) {
        pos += 2;
        return el;
      }
      if (xml[pos] === ">") {
        pos++;
        break;
      }
      if (pos === before) fail("expected whitespace before an attribute");
      const attr = name();
      ws();
      if (xml[pos] !== "=") fail("expected '='");
      pos++;
      ws();
      const quote = xml[pos];
      if (quote !== '"' && quote !== "'") fail("expected a quoted value");
      const end = xml.indexOf(quote!, pos + 1);
      if (end < 0) fail("unterminated attribute value");
      const raw = xml.slice(pos + 1, end);
      if (raw.includes("<")) fail("'<' in an attribute value");
      if (el.attrs.has(attr)) fail(`duplicate attribute ${attr}`);
      el.attrs.set(attr, decode(raw));
      pos = end + 1;
    }
    for (;;) {
      if (xml.startsWith("</", pos)) {
        pos += 2;
        if (name() !== el.name) fail(`mismatched end tag for <${el.name}>`);
        ws();
        if (xml[pos] !== ">") fail("expected '>'");
        pos++;
        return el;
      }
      if (xml.startsWith("<!--", pos)) {
        const end = xml.indexOf("-->", pos);
        if (end < 0) fail("unterminated comment");
        pos = end + 3;
      } else if (xml.startsWith("<![CDATA[", pos)) {
        const end = xml.indexOf("]]>", pos);
        if (end < 0) fail("unterminated CDATA");
        el.text += xml.slice(pos + 9, end);
        pos = end + 3;
      } else if (xml[pos] === "<") el.children.push(element());
      else if (pos >= xml.length) fail(`unclosed <${el.name}>`);
      else {
        const end = xml.indexOf("<", pos);
        const raw = xml.slice(pos, end < 0 ? xml.length : end);
        if (raw.includes("]]>")) fail("']]>' in text");
        el.text += decode(raw);
        pos += raw.length;
      }
    }
  };
  if (xml.startsWith("<?xml")) {
    const end = xml.indexOf("?>");
    if (!/^<\?xml version="1\.0"( encoding="UTF-8")?\s*\?>$/.test(xml.slice(0, end + 2))) fail("bad XML declaration");
    pos = end + 2;
  }
  ws();
  const root = element();
  ws();
  if (pos !== xml.length) fail("content after the root element");
  return root;
}

interface ElementRule {
  attrs: readonly string[];
  required: readonly string[];
  /** Child elements in schema order, with their maximum count. */
  children: ReadonlyArray<[name: string, max: number]>;
  counts?: readonly string[];
}

/** junit-10.xsd (Jenkins xUnit plugin), the schema CI JUnit reporters follow. */
const JUNIT_10: Readonly<Record<string, ElementRule>> = {
  testsuites: { attrs: ["name", "time", "tests", "failures", "disabled", "errors"], required: [], children: [["testsuite", Infinity]], counts: ["tests", "failures", "disabled", "errors"] },
  testsuite: {
    attrs: ["name", "tests", "failures", "errors", "time", "disabled", "skipped", "timestamp", "hostname", "id", "package", "file", "log", "url", "version"],
    required: ["name", "tests"],
    children: [["testsuite", Infinity], ["properties", 1], ["testcase", Infinity], ["system-out", 1], ["system-err", 1]],
    counts: ["tests", "failures", "errors", "disabled", "skipped"],
  },
  testcase: {
    attrs: ["name", "assertions", "time", "classname", "status"],
    required: ["name"],
    children: [["skipped", 1], ["error", Infinity], ["failure", Infinity], ["system-out", Infinity], ["system-err", Infinity]],
  },
  failure: { attrs: ["type", "message"], required: [], children: [] },
  error: { attrs: ["type", "message"], required: [], children: [] },
  skipped: { attrs: ["message"], required: [], children: [] },
  "system-out": { attrs: [], required: [], children: [] },
  "system-err": { attrs: [], required: [], children: [] },
};

/** Every way `el` breaks the junit-10 schema or its own counts (empty = valid). */
function junitProblems(el: XmlElement, path = el.name): string[] {
  const rule = JUNIT_10[el.name];
  if (!rule) return [`${path}: element <${el.name}> is not in the schema`];
  const problems: string[] = [];
  for (const a of el.attrs.keys()) if (!rule.attrs.includes(a)) problems.push(`${path}: attribute ${a} is not allowed`);
  for (const a of rule.required) if (!el.attrs.has(a)) problems.push(`${path}: attribute ${a} is required`);
  for (const a of rule.counts ?? []) {
    const v = el.attrs.get(a);
    if (v !== undefined && !/^\d+$/.test(v)) problems.push(`${path}: ${a}="${v}" is not a count`);
  }
  let order = 0;
  const seen = new Map<string, number>();
  for (const child of el.children) {
    const at = rule.children.findIndex(([n]) => n === child.name);
    if (at < 0) problems.push(`${path}: <${child.name}> is not allowed here`);
    else if (at < order) problems.push(`${path}: <${child.name}> is out of order`);
    else order = at;
    seen.set(child.name, (seen.get(child.name) ?? 0) + 1);
    if (at >= 0 && seen.get(child.name)! > rule.children[at]![1]) problems.push(`${path}: too many <${child.name}>`);
    problems.push(...junitProblems(child, `${path}/${child.name}[${child.attrs.get("name") ?? ""}]`));
  }
  if (rule.children.length && el.text.trim()) problems.push(`${path}: text is not allowed here`);
  if (el.name === "testsuite") {
    const cases = el.children.filter((c) => c.name === "testcase");
    const failed = cases.filter((c) => c.children.some((x) => x.name === "failure")).length;
    if (Number(el.attrs.get("tests")) !== cases.length) problems.push(`${path}: tests=${el.attrs.get("tests")} but ${cases.length} test cases`);
    if (Number(el.attrs.get("failures") ?? 0) !== failed) problems.push(`${path}: failures=${el.attrs.get("failures")} but ${failed} failing`);
  }
  if (el.name === "testsuites") {
    const sum = (a: string) => el.children.reduce((s, c) => s + Number(c.attrs.get(a) ?? 0), 0);
    for (const a of ["tests", "failures", "errors"]) {
      if (el.attrs.has(a) && Number(el.attrs.get(a)) !== sum(a)) problems.push(`${path}: ${a}=${el.attrs.get(a)} but the suites add up to ${sum(a)}`);
    }
  }
  return problems;
}

describe("junit output is JUnit XML", () => {
  it("the reader rejects what is not well-formed or not JUnit", () => {
    expect(() => parseXml("<a><b></a>")).toThrow(/mismatched end tag/);
    expect(() => parseXml('<a x="1 & 2"/>')).toThrow(/bare '&'/);
    expect(() => parseXml("<a>\u0001</a>")).toThrow(/not allowed in XML/);
    expect(junitProblems(parseXml('<testsuites><testsuite name="s" tests="2"><testcase name="t" file="f"/></testsuite></testsuites>'))).toEqual([
      "testsuites/testsuite[s]/testcase[t]: attribute file is not allowed",
      "testsuites/testsuite[s]: tests=2 but 1 test cases",
    ]);
  });

  it.each([
    ["the example run", [...EXAMPLE, "--format", "junit"]],
    ["two runs with gates", [...EXAMPLE, "--results", "data/results/example-model-fc", "--decode", "example-model-fc=fc", "--format", "junit", "--min-accuracy", "0.9"]],
  ])("%s, from the binary", (_name, args) => {
    const xml = toolgrade(args).out;
    expect(junitProblems(parseXml(xml))).toEqual([]);
  });

  it("text XML cannot carry is escaped, and the document still validates", () => {
    const suite = exampleSuite();
    const records = exampleResults("example-model").map((r) =>
      r.id === "simple_python_1" ? { ...r, result: "[fx.convert_amount(amount=250.0, from_currency='CAD', to_currency='<&]]>\"')]" } : r,
    );
    const report = scoreRun(suite.entries, records, { ruleset: "bfcl", model: "m\u0001\ud800&<'\"" });
    const doc: ScoreDocument = { toolgrade: "0", ruleset: "bfcl", rulesetVersion: "v", suiteHash: null, runs: [{ report, gates: [] }] };
    const root = parseXml(renderJunit(doc));
    expect(junitProblems(root)).toEqual([]);
    const failure = root.children[0]!.children.find((c) => c.attrs.get("name") === "simple_python_1")!.children[0]!;
    expect(failure.attrs.get("type")).toBe("value_error:string");
    expect(failure.attrs.get("message")).toBe(`calls[0].args.to_currency: '<&]]>"' is not one of 'JPY', 'Japanese yen', 'yen'`);
    expect(root.children[0]!.attrs.get("name")).toBe("m\\u0001\\ud800&<'\".simple_python");
  });

  it.each([
    ["a & b", "a &amp; b"],
    ["<x>", "&lt;x&gt;"],
    [`"'`, `"'`],
    ["\u0001", "\\u0001"],
    ["tab\tand\nnewline", "tab\tand\nnewline"],
    ["\ud800 lone", "\\ud800 lone"],
    ["\ud83d\ude00 pair", "\ud83d\ude00 pair"],
    ["\uffff", "\\uffff"],
  ])("xmlEscape(%j)", (text, escaped) => {
    expect(xmlEscape(text)).toBe(escaped);
  });

  it("escapes double quotes in attribute values", () => {
    expect(xmlEscape(`say "hi" & 'bye'`, true)).toBe(`say &quot;hi&quot; &amp; 'bye'`);
  });
});
