/** Malformed suite and result files: each error names the file, the line and the problem. */
import { describe, expect, it } from "vitest";
import { parseResults } from "../../src/suite/parseResults.js";
import { parseCategory, SuiteError } from "../../src/suite/parseSuite.js";

const doc = (name = "f", type = "string") =>
  `{"name": "${name}", "description": "d", "parameters": {"type": "dict", "properties": {"a": {"type": "${type}", "description": "x"}}, "required": ["a"]}}`;
const question = (id: string, fn = doc()) => `{"id": "${id}", "question": [[{"role": "user", "content": "q"}]], "function": [${fn}]}`;
const gold = (id: string, name = "f") => `{"id": "${id}", "ground_truth": [{"${name}": {"a": ["x"]}}]}`;

function error(run: () => unknown): SuiteError {
  try {
    run();
  } catch (e) {
    if (e instanceof SuiteError) return e;
    throw e;
  }
  throw new Error("expected a SuiteError");
}

describe("suite files", () => {
  it.each([
    ["malformed JSON line", [question("simple_python_0"), "{oops"].join("\n"), [gold("simple_python_0"), gold("simple_python_1")].join("\n"), "q.json", 2, "malformed JSON"],
    ["missing id", '{"question": [], "function": []}', gold("simple_python_0"), "q.json", 1, 'missing "id"'],
    ["duplicated id", [question("simple_python_0"), question("simple_python_0")].join("\n"), [gold("simple_python_0"), gold("simple_python_0")].join("\n"), "q.json", 2, "duplicate id 'simple_python_0' (first on line 1)"],
    ["counts differ", [question("simple_python_0"), question("simple_python_1")].join("\n"), gold("simple_python_0"), "g.json", 2, "2 questions in q.json but 1 golds in g.json"],
    ["ids differ", question("simple_python_0"), gold("simple_python_9"), "g.json", 1, "does not match question id"],
    ["unknown parameter type", question("simple_python_0", doc("f", "strng")), gold("simple_python_0"), "q.json", 1, "unknown parameter type 'strng'"],
    ["gold names an absent function", question("simple_python_0"), gold("simple_python_0", "g"), "g.json", 1, "gold function 'g' is not among the functions"],
    ["gold is not an object", question("simple_python_0"), '{"id": "simple_python_0", "ground_truth": [1]}', "g.json", 1, "ground_truth[0] must be an object"],
  ])("%s", (_name, q, g, file, line, problem) => {
    const e = error(() => parseCategory("simple_python", { file: "q.json", text: q }, { file: "g.json", text: g }));
    expect([e.file, e.line]).toEqual([file, line]);
    expect(e.problem).toContain(problem);
    expect(e.message).toMatch(new RegExp(`^${file}:${line}: `));
  });

  it("reads a well-formed category", () => {
    const entries = parseCategory("simple_python", { file: "q.json", text: question("simple_python_0") }, { file: "g.json", text: gold("simple_python_0") });
    expect(entries[0]?.golds[0]?.name).toBe("f");
    expect(entries[0]?.source).toEqual({ file: "q.json", line: 1 });
  });
});

describe("result files", () => {
  it.each([
    ["no result field", '{"id": "simple_python_0"}', 1, 'has no "result"'],
    ["id from another category", '{"id": "multiple_1", "result": ""}', 1, "belongs to multiple"],
    ["bad JSON on line 2", '{"id": "simple_python_0", "result": ""}\n{"id": ', 2, "malformed JSON"],
  ])("%s", (_name, text, line, problem) => {
    const e = error(() => parseResults("r.json", text, "simple_python"));
    expect(e.line).toBe(line);
    expect(e.problem).toContain(problem);
  });

  it("needs a category from the id or the file name", () => {
    expect(error(() => parseResults("r.json", '{"id": "foo_1", "result": ""}')).problem).toContain("cannot tell the category of id 'foo_1'");
    expect(parseResults("BFCL_v4_simple_python_result.json", '{"id": "foo_1", "result": ""}', "simple_python")[0]?.category).toBe("simple_python");
  });
});
