/**
 * `toolgrade/vitest` as built: tsup.config.ts's vitest entry, built into node_modules/.cache,
 * registers `toPassGold` on vitest's own `expect` when imported, and keeps vitest external.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build, type Options } from "tsup";
import { beforeAll, describe, expect, it } from "vitest";
import tsupConfig from "../tsup.config.js";
import { exampleSuite, ROOT } from "./helpers/example.js";

const OUT = join(ROOT, "node_modules", ".cache", "toolgrade-test", "vitest");

beforeAll(async () => {
  const entry = (tsupConfig as Options[]).find((c) => typeof c.entry === "object" && !Array.isArray(c.entry) && "vitest" in c.entry);
  if (!entry) throw new Error("tsup.config.ts has no vitest entry");
  // The .d.ts build takes ~20 s; the types are checked against src/vitest.ts by tsc instead.
  await build({ ...entry, dts: false, outDir: OUT, clean: false, silent: true, config: false });
});

describe("the built toolgrade/vitest", () => {
  it("imports vitest rather than bundling it", () => {
    expect(readFileSync(join(OUT, "vitest.js"), "utf8")).toMatch(/from ["']vitest["']/);
  });

  it("registers toPassGold when imported", async () => {
    const mod = await import(pathToFileURL(join(OUT, "vitest.js")).href);
    expect(Object.keys(mod).sort()).toEqual(["matchers", "toPassGold"]);
    const entry = exampleSuite().entries.get("simple_python")![2]!;
    expect("[numbers.lcm(a=18, b=24)]").toPassGold(entry);
    expect(() => expect("[numbers.lcm(a=18, b=25)]").toPassGold(entry)).toThrowError(/^expected the output to pass gold simple_python_2 \(ruleset default\), but it fails with value_error:others:\n  calls\[0\]\.args\.b: 25 is not one of 24/);
  });
});
