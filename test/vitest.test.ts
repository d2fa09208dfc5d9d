/** The vitest matcher `toPassGold`, as `toolgrade/vitest` exports it. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { Entry } from "../src/types.js";
import { matchers, toPassGold } from "../src/vitest.js";
import { exampleSuite, ROOT } from "./helpers/example.js";

const byId = new Map<string, Entry>();
for (const list of exampleSuite().entries.values()) for (const e of list) byId.set(e.id, e);
const entry = (id: string) => byId.get(id)!;

describe("toPassGold", () => {
  it.each([
    ["prompt text, default ruleset", "simple_python_0", "[geometry.circle_area(radius=7, unit='cm')]", {}],
    ["prompt text, bfcl ruleset", "simple_python_0", "[geometry.circle_area(radius=7, unit='cm')]", { ruleset: "bfcl" as const }],
    ["an FC payload", "simple_python_1", [{ fx_convert_amount: '{"amount": 250, "from_currency": "CAD", "to_currency": "JPY"}' }], { ruleset: "bfcl" as const, decode: "fc" as const, underscoreToDot: true }],
    ["abstaining on an irrelevance entry", "irrelevance_0", "I cannot help with that.", {}],
  ])("passes %s", (_name, id, output, options) => {
    expect(output).toPassGold(entry(id), options);
  });

  it("fails with the gold, the ruleset, BFCL's error type, every mismatch and the output", () => {
    const output = "[fx.convert_amount(amount=250.0, from_currency='CAD', to_currency='CNY')]";
    expect(() => expect(output).toPassGold(entry("simple_python_1"), { ruleset: "bfcl" })).toThrowError(
      [
        "expected the output to pass gold simple_python_1 (ruleset bfcl), but it fails with value_error:string:",
        "  calls[0].args.to_currency: 'CNY' is not one of 'JPY', 'Japanese yen', 'yen'",
        "",
        `output: ${output}`,
      ].join("\n"),
    );
  });

  it("with .not, fails on a passing output and names the rules that decided", () => {
    expect("[numbers.lcm(a=18, b=24)]").not.toPassGold(entry("simple_python_1"));
    expect(() => expect("[numbers.lcm(a=18, b=24)]").not.toPassGold(entry("simple_python_2"))).toThrowError(
      /^expected the output not to pass gold simple_python_2 \(ruleset default\), but it passed \(rules: .+\)\n\noutput: \[numbers\.lcm\(a=18, b=24\)\]$/,
    );
  });

  it("cuts a long output in the message", () => {
    const long = `[f(x='${"y".repeat(1000)}')]`;
    expect(() => expect(long).toPassGold(entry("simple_python_0"))).toThrowError(/… \(509 more characters\)$/);
  });

  it("refuses something that is not an entry", () => {
    expect(() => expect("[f()]").toPassGold({ id: "simple_python_0" } as unknown as Entry)).toThrowError(TypeError);
  });

  it("is typed on vitest's Assertion", () => {
    expectTypeOf(expect("x").toPassGold).parameters.toEqualTypeOf<[entry: Entry, options?: Parameters<typeof toPassGold>[2]]>();
    expectTypeOf(matchers.toPassGold).toEqualTypeOf(toPassGold);
  });
});

describe("packaging", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
  it("exports toolgrade/vitest, ESM only, types first", () => {
    expect(pkg.exports["./vitest"]).toEqual({ import: { types: "./dist/vitest.d.ts", default: "./dist/vitest.js" } });
    expect(Object.keys(pkg.exports["./vitest"].import)[0]).toBe("types");
  });

  it("keeps vitest an optional peer dependency", () => {
    expect(pkg.peerDependencies.vitest).toBeDefined();
    expect(pkg.peerDependenciesMeta.vitest).toEqual({ optional: true });
    expect(pkg.dependencies.vitest).toBeUndefined();
  });

  it("builds the entry, leaving vitest external", () => {
    const config = readFileSync(join(ROOT, "tsup.config.ts"), "utf8");
    expect(config).toMatch(/entry: \{ vitest: "src\/vitest\.ts" \},[\s\S]*?external: \["vitest"\]/);
  });
});
