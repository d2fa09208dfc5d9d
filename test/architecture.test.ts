/**
 * Imports point down the pipeline, and the grading core never touches node:* modules, so it runs
 * in a worker, a browser or an RL trainer. Only suite/ and cli/ (and the CLI entry) may.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { VERSION } from "../src/version.js";
import { ROOT } from "./helpers/example.js";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : [],
  );
}

const SRC = join(ROOT, "src");
/** suite/ and cli/ do file and process work; `*.node.ts` files are Node-only by name (server, worker pool). */
const NODE_ALLOWED = /^(suite|cli)\/|^cli\.ts$|\.node\.ts$/;

describe("architecture", () => {
  const sources = files(SRC).map((f) => [relative(SRC, f), readFileSync(f, "utf8")] as const);
  it.each(sources.filter(([name]) => !NODE_ALLOWED.test(name)))("%s imports no node:* module", (_name, text) => {
    expect(text).not.toMatch(/from\s+["']node:|require\(["']node:/);
  });
  it.each(sources)("%s never evaluates code", (_name, text) => {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    expect(code).not.toMatch(/\beval\(|new Function\(/);
  });
  it("VERSION matches package.json", () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  });
});
