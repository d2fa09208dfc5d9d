/** The streaming line reader: lines and numbers as the whole-text reader gives them, at any chunk size, and strict UTF-8 naming the line. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readJsonLines, SuiteError } from "../../src/suite/parseSuite.js";
import { countLines, readLines } from "../../src/suite/readLines.js";
import { streamResults } from "../../src/suite/streamResults.js";

const TMP = mkdtempSync(join(tmpdir(), "toolgrade-lines-"));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
let n = 0;
function file(content: string | Uint8Array): string {
  const f = join(TMP, `f${n++}.jsonl`);
  writeFileSync(f, content);
  return f;
}

const lines = (f: string, chunkSize?: number) => [...readLines(f, chunkSize ? { chunkSize } : {})].map((l) => [l.line, l.text]);

describe("readLines", () => {
  it.each([
    ["empty file", "", []],
    ["one line without a newline", "a", [[1, "a"]]],
    ["one line with a newline", "a\n", [[1, "a"]]],
    ["blank lines keep their numbers", "a\n\nb\n", [[1, "a"], [2, ""], [3, "b"]]],
    ["a byte order mark is dropped at the start", "\ufeffa\nb", [[1, "a"], [2, "b"]]],
    ["a byte order mark inside stays", "a\n\ufeffb", [[1, "a"], [2, "\ufeffb"]]],
    ["CRLF keeps its \\r (the JSON reader drops it)", "a\r\nb\r\n", [[1, "a\r"], [2, "b\r"]]],
    ["multi-byte characters", "é\n日本\n😀", [[1, "é"], [2, "日本"], [3, "😀"]]],
  ] as const)("%s", (_name, content, expected) => {
    for (const chunk of [undefined, 16, 17, 19]) expect(lines(file(content), chunk)).toEqual(expected);
  });

  it("lines longer than the chunk grow the buffer", () => {
    const long = "x".repeat(1000);
    expect(lines(file(`${long}\nshort\n${long}`), 16)).toEqual([[1, long], [2, "short"], [3, long]]);
  });

  it.each([16, 64, undefined])("a bad byte names its line (chunk %s)", (chunkSize) => {
    const bytes = Buffer.concat([Buffer.from('{"a": 1}\n{"b": 2}\n{"c": "'), Buffer.from([0xff]), Buffer.from('"}\n{"d": 4}\n')]);
    const f = file(bytes);
    expect(() => lines(f, chunkSize)).toThrow(new SuiteError(f, 3, "the file is not valid UTF-8"));
  });

  it("a missing file is a SuiteError", () => {
    expect(() => lines(join(TMP, "nope.jsonl"))).toThrow(SuiteError);
  });

  it("countLines counts lines, a last line without a newline too", () => {
    expect(countLines(file("a\nb\n"))).toBe(2);
    expect(countLines(file("a\nb"))).toBe(2);
    expect(countLines(file(""))).toBe(0);
  });
});

describe("streamResults", () => {
  const text = '{"id": "simple_python_0", "result": "[f(a=1)]"}\n\n{"id": "multiple_3", "result": [{"f": "{\\"x\\": 5.0}"}]}\r\n';

  it("gives the records and lines the whole-text reader gives", () => {
    const f = file(text);
    const streamed = [...streamResults(f, undefined, { chunkSize: 16 })];
    expect(streamed.map((r) => [r.id, r.category, r.line])).toEqual([
      ["simple_python_0", "simple_python", 1],
      ["multiple_3", "multiple", 3],
    ]);
    expect(streamed.map((r) => r.line)).toEqual(readJsonLines(f, text).map((l) => l.line));
  });

  it("a malformed line names its file and line", () => {
    const f = file(`${text}{"id": "simple_python_1", "result": \n`);
    expect(() => [...streamResults(f)]).toThrow(/:4: malformed JSON/);
  });
});
