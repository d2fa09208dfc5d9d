/**
 * `parse` on the conformance corpus (../shared/conformance).
 *
 * 1. Native decoders. Three runs carry `native_decoded`: what BFCL's model-specific handlers for
 *    Granite, GLM and gorilla-openfunctions extract from the same text. `parse` must extract the
 *    same calls for at least 99% of those records; every disagreement is listed, with its reason,
 *    in test/fixtures/parse/native-disagreements.json, and the list must match exactly.
 * 2. Coverage. For prompt-mode records that BFCL's default decoder fails on
 *    (`ast_decoder:decoder_failed`, relevance categories aside), how many `parse` reads, by
 *    format and by repair. The table is pinned in test/fixtures/parse/decoder-failed-coverage.json
 *    (rewrite it with UPDATE_PARSE_FIXTURES=1 after a deliberate change) and printed.
 * 3. Every record of the corpus parses without throwing, each in well under a second.
 *
 * Records are read with toolgrade's JSON reader (int and float stay apart); raw outputs are never
 * copied into the repository, only ids.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, type ParseResult } from "../../src/parse/parse.js";
import { parsePythonExpression } from "../../src/parse/python/parser.js";
import { parsePythonLiteral } from "../../src/parse/python/literal.js";
import { pyValue } from "../../src/parse/scan/pyValue.js";
import { SPREAD_KEY } from "../../src/types.js";
import { readJson } from "../../src/value/json.js";
import { pyRepr } from "../../src/value/repr.js";
import { PyDict, pyEquals, type Value } from "../../src/value/value.js";
import { conformanceFiles } from "../helpers/conformance.js";
import { SHARED_DIR, SKIP_MESSAGE } from "../helpers/shared.js";

interface CorpusRecord {
  run: string;
  category: string;
  id: string;
  mode: string;
  result: Value;
  errorType: string | null;
  /** Present only in the native-format runs; null when the native handler raised. */
  native?: string | null;
}

function readCorpus(): CorpusRecord[] {
  const out: CorpusRecord[] = [];
  for (const { run, category, file } of conformanceFiles()) {
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (line.trim() === "") return;
        const r = readJson(line);
        if (!r.ok || !(r.value instanceof PyDict)) throw new Error(`${file}:${i + 1}: bad record`);
        const d = r.value;
        const bfcl = d.get("bfcl") as PyDict;
        const rec: CorpusRecord = {
          run,
          category,
          id: d.get("id") as string,
          mode: d.get("mode") as string,
          result: d.get("result")!,
          errorType: bfcl.get("error_type") as string | null,
        };
        if (d.has("native_decoded")) rec.native = d.get("native_decoded") as string | null;
        out.push(rec);
      });
  }
  return out;
}

const RELEVANCE = new Set(["irrelevance", "live_irrelevance", "live_relevance"]);
/** Runs whose native handler turns Java/JavaScript argument values into text (`str(v)` or source text). */
const STRINGIFYING_RUNS = new Set(["v1-granite-20b-functioncalling", "v1-gorilla-openfunctions-v2"]);
/** Granite's handler writes this string for a call to `no_function`. */
const NATIVE_NO_CALL = "No function is called";

/** BFCL's decoded shape of a parse result: `[{name: {keyword: value}}]` (positional arguments dropped, as BFCL does). */
function decodedShape(r: ParseResult): Value[] {
  if (r.status !== "calls") return [];
  return r.calls.map((c) => PyDict.fromPairs([[c.name, PyDict.fromPairs([...c.args].filter(([k]) => k !== SPREAD_KEY))]]));
}

function nativeShape(native: string | null): Value[] {
  if (native === null) return [];
  const lit = parsePythonLiteral(native);
  if (!lit.ok || !Array.isArray(lit.value)) throw new Error(`cannot read native_decoded ${native.slice(0, 80)}`);
  return lit.value.filter((x) => x !== NATIVE_NO_CALL);
}

/** Python's `str(v)`. */
function pyStr(v: Value): string {
  return typeof v === "string" ? v : pyRepr(v);
}

/** A native value that is source text (`"[30, 60]"`, `"{'a': b}"`) against ours, read back as Python. */
function sameText(native: Value, ours: Value): boolean {
  if (typeof native !== "string") return pyEquals(native, ours);
  if (native === pyStr(ours)) return true;
  const parsed = parsePythonExpression(native);
  return parsed.ok && pyEquals(pyValue(parsed.node, native, []), ours);
}

function sameCalls(native: Value[], ours: Value[], textValues: boolean): boolean {
  if (native.length !== ours.length) return false;
  return native.every((n, i) => {
    const o = ours[i]!;
    if (!textValues || !(n instanceof PyDict) || !(o instanceof PyDict)) return pyEquals(n, o);
    const [nName, nArgs] = n.entries[0]!;
    const [oName, oArgs] = o.entries[0]!;
    if (nName !== oName || !(nArgs instanceof PyDict) || !(oArgs instanceof PyDict) || nArgs.size !== oArgs.size) return false;
    return nArgs.entries.every(([k, v]) => oArgs.has(k) && sameText(v, oArgs.get(k)!));
  });
}

interface Disagreement {
  run: string;
  id: string;
  reason: string;
}

const DISAGREEMENTS_FILE = new URL("../fixtures/parse/native-disagreements.json", import.meta.url);
const COVERAGE_FILE = new URL("../fixtures/parse/decoder-failed-coverage.json", import.meta.url);

interface Coverage {
  records: number;
  byStatus: Record<string, number>;
  byRun: Record<string, Record<string, number>>;
  byFormat: Record<string, number>;
  byRepair: Record<string, number>;
}

function count(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

function sorted<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

describe("parse on the conformance corpus", () => {
  if (!SHARED_DIR) {
    it.skip(SKIP_MESSAGE, () => {});
    return;
  }
  const corpus = readCorpus();
  const results = new Map<CorpusRecord, { r: ParseResult; ms: number }>();
  for (const rec of corpus) {
    const t = performance.now();
    const r = parse(rec.result);
    results.set(rec, { r, ms: performance.now() - t });
  }

  it("reads the whole corpus without throwing, each record quickly", () => {
    expect(corpus.length).toBeGreaterThan(30_000);
    const slow = [...results].filter(([, x]) => x.ms > 1000).map(([rec]) => `${rec.run}/${rec.id}`);
    expect(slow).toEqual([]);
  });

  it("extracts what the native Granite, GLM and gorilla decoders extract, for at least 99% of their records", () => {
    const native = corpus.filter((r) => r.native !== undefined);
    expect(native.length).toBe(4170);
    const found: Array<{ run: string; id: string }> = [];
    for (const rec of native) {
      const textValues = STRINGIFYING_RUNS.has(rec.run) && (rec.category === "simple_java" || rec.category === "simple_javascript");
      if (!sameCalls(nativeShape(rec.native!), decodedShape(results.get(rec)!.r), textValues)) found.push({ run: rec.run, id: rec.id });
    }
    const agree = native.length - found.length;
    console.log(`native decoders: parse agrees on ${agree}/${native.length} = ${((100 * agree) / native.length).toFixed(2)}%`);
    expect(agree / native.length).toBeGreaterThanOrEqual(0.99);

    const listed: Disagreement[] = JSON.parse(readFileSync(DISAGREEMENTS_FILE, "utf8"));
    expect(listed.filter((d) => !d.reason || d.reason.trim() === "")).toEqual([]);
    const key = (d: { run: string; id: string }) => `${d.run}/${d.id}`;
    const unlisted = found.filter((f) => !listed.some((l) => key(l) === key(f)));
    if (unlisted.length > 0) console.log(`disagreements missing from the fixture:\n${JSON.stringify(unlisted.map((f) => ({ ...f, reason: "" })), null, 2)}`);
    expect(found.map(key).sort()).toEqual(listed.map(key).sort());
  });

  it("reads most prompt outputs that BFCL's decoder fails on (table pinned in decoder-failed-coverage.json)", () => {
    const failed = corpus.filter((r) => r.mode === "prompt" && r.errorType === "ast_decoder:decoder_failed" && !RELEVANCE.has(r.category));
    const cov: Coverage = { records: failed.length, byStatus: {}, byRun: {}, byFormat: {}, byRepair: {} };
    for (const rec of failed) {
      const { r } = results.get(rec)!;
      count(cov.byStatus, r.status);
      cov.byRun[rec.run] ??= {};
      count(cov.byRun[rec.run]!, r.status);
      if (r.status !== "calls") continue;
      count(cov.byFormat, r.format);
      for (const code of new Set(r.repairs.map((x) => x.code))) count(cov.byRepair, code);
    }
    const table: Coverage = {
      records: cov.records,
      byStatus: sorted(cov.byStatus),
      byRun: sorted(Object.fromEntries(Object.entries(cov.byRun).map(([k, v]) => [k, sorted(v)]))),
      byFormat: sorted(cov.byFormat),
      byRepair: sorted(cov.byRepair),
    };
    console.log(JSON.stringify(table, null, 1));
    if (process.env.UPDATE_PARSE_FIXTURES) writeFileSync(COVERAGE_FILE, `${JSON.stringify(table, null, 2)}\n`);
    expect(table).toEqual(JSON.parse(readFileSync(COVERAGE_FILE, "utf8")));
    expect(cov.byStatus.calls! / cov.records).toBeGreaterThan(0.95);
  });
});
