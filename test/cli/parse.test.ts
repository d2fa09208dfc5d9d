/** `toolgrade parse`: one JSON line per output, kinds kept, result lines or raw text. */
import { describe, expect, it } from "vitest";
import { run, type Outcome } from "../../src/cli/main.js";
import { readJson } from "../../src/value/json.js";
import { pyRepr } from "../../src/value/repr.js";

async function cli(stdin: string, ...argv: string[]): Promise<{ outcome: Outcome; lines: string[] }> {
  let out = "";
  const outcome = await run(["parse", ...argv], { out: (s) => (out += s), err: () => {}, stdin: () => stdin });
  return { outcome, lines: out.trim().split("\n") };
}

describe("toolgrade parse", () => {
  it("reads raw text and keeps int and float apart", async () => {
    const { outcome, lines } = await cli("```python\n[f(a=5.0, b=5, c='x')]\n```");
    expect(outcome.kind).toBe("ok");
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line).toContain('"a": 5.0');
    expect(line).toContain('"b": 5');
    const parsed = readJson(line);
    expect(parsed.ok && pyRepr(parsed.value)).toContain("'status': 'calls'");
    expect(line).toContain('"fence_stripped"');
  });

  it("reads BFCL result lines, one output each", async () => {
    const input = ['{"id": "simple_python_0", "result": "[f(x=1)]"}', '{"id": "irrelevance_0", "result": "I cannot help."}', '{"id": "x_1", "result": "[f(x=]"}'].join("\n");
    const { lines } = await cli(input);
    expect(lines.map((l) => JSON.parse(l).status)).toEqual(["calls", "no_call", "malformed"]);
    expect(JSON.parse(lines[0]!).id).toBe("simple_python_0");
    expect(JSON.parse(lines[2]!).error.code).toBe("syntax_error");
  });

  it("rejects an unknown format", async () => {
    expect((await cli("x", "--format", "csv")).outcome.kind).toBe("bad_input");
  });
});
