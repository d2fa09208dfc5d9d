/**
 * The audit and the validation on BFCL v4 (../shared/bfcl) and the four frontier runs of the
 * conformance corpus, pinned as measured. Skips with a visible message when TOOLGRADE_SHARED is unset.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { auditSuite, type AuditReport } from "../../src/audit/auditSuite.js";
import { validateSuite, type FrontierRun, type ValidationReport } from "../../src/audit/validateSuite.js";
import { loadSuite } from "../../src/suite/loadSuite.js";
import { readUtf8 } from "../../src/suite/loadSuite.js";
import { parseResults } from "../../src/suite/parseResults.js";
import { SHARED_DIR, SKIP_MESSAGE, sharedPath } from "../helpers/shared.js";

const FRONTIER = ["v1-claude-3.5-sonnet-20240620", "v1-claude-3.5-sonnet-20240620-fc", "v1-gpt-4o-2024-08-06", "v1-gpt-4o-2024-08-06-fc"];

const ids = (report: AuditReport, code: string) => [...new Set(report.findings.filter((f) => f.code === code).map((f) => f.id!))].sort();

describe.skipIf(!SHARED_DIR)("audit of BFCL v4", () => {
  const suite = SHARED_DIR ? loadSuite(sharedPath("bfcl")) : undefined;
  const report = suite ? auditSuite(suite.entries) : undefined;

  it("finds the Python golds bfcl-ast-spec §11 names", () => {
    expect(ids(report!, "empty_alternatives")).toEqual(["live_simple_106-63-0", "live_simple_112-68-0"]);
    expect(ids(report!, "required_param_only_omittable")).toEqual(["live_multiple_507-149-4"]);
    expect(report!.findings.filter((f) => f.code === "gold_param_not_in_doc" && f.severity === "error").map((f) => f.id)).toEqual(["live_multiple_862-181-3", "live_multiple_964-207-0"]);
    expect(report!.findings.filter((f) => f.code === "gold_param_not_in_doc" && f.severity === "warning").map((f) => f.id)).toEqual(["parallel_multiple_12", "parallel_multiple_26"]);
  });

  it("proves four of them unsatisfiable in every scope; live_multiple_507-149-4 passes with origin_airport=''", () => {
    const python = ["live_multiple_862-181-3", "live_multiple_964-207-0", "live_simple_106-63-0", "live_simple_112-68-0"];
    expect([...report!.unsatisfiable.default].sort()).toEqual(python);
    expect(report!.unsatisfiable["bfcl-prompt"].has("live_multiple_507-149-4")).toBe(false);
  });

  it("finds the simple_java entries no answer passes: 7 in prompt mode, 3 in FC mode, none under the default ruleset", () => {
    const java = (scope: keyof AuditReport["unsatisfiable"]) => [...report!.unsatisfiable[scope]].filter((id) => id.startsWith("simple_java")).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    expect(java("bfcl-prompt")).toEqual(["simple_java_1", "simple_java_35", "simple_java_36", "simple_java_65", "simple_java_67", "simple_java_68", "simple_java_85"]);
    expect(java("bfcl-fc")).toEqual(["simple_java_36", "simple_java_64", "simple_java_65"]);
    expect(java("default")).toEqual([]);
  });

  it("counts findings per category as measured", () => {
    const rows = Object.fromEntries(
      report!.categories.map((c) => {
        const mine = report!.findings.filter((f) => f.category === c.category && f.code === "ungroundable_value");
        return [c.category, [mine.filter((f) => f.severity === "warning").length, mine.filter((f) => f.severity === "info").length, c.counts.alternative_wrong_type ?? 0, c.counts.alternative_not_in_enum ?? 0]];
      }),
    );
    // [ungroundable warnings, ungroundable info, type violations, enum violations]
    expect(rows).toEqual(MEASURED);
  });
});

describe.skipIf(!SHARED_DIR)("validation with the four frontier runs", () => {
  let report: ValidationReport | undefined;
  if (SHARED_DIR) {
    const suite = loadSuite(sharedPath("bfcl"));
    const runs: FrontierRun[] = FRONTIER.map((model) => {
      const dir = sharedPath("conformance", model);
      const records = readdirSync(dir).flatMap((f) => parseResults(join(dir, f), readUtf8(join(dir, f))));
      return { model, records, decode: records[0]!.mode!, underscoreToDot: records[0]!.underscoreToDot! };
    });
    report = validateSuite(suite.entries, runs, auditSuite(suite.entries, { skipGrounding: true }));
  }

  it("reports the ceilings as measured", () => {
    const ceilings = Object.fromEntries(report!.categories.map((c) => [c.category, [c.ceiling.bfcl.passed, c.ceiling.bfcl.dropped, c.ceiling.default.passed, c.ceiling.bfcl.total]]));
    // [passed by some frontier run under bfcl, dropped as unsatisfiable, passed under default, entries]
    expect(ceilings).toEqual({
      simple_python: [391, 0, 395, 400],
      simple_java: [71, 2, 77, 100],
      simple_javascript: [44, 0, 44, 50],
      multiple: [195, 0, 196, 200],
      parallel: [194, 0, 196, 200],
      parallel_multiple: [189, 0, 193, 200],
      irrelevance: [235, 0, 223, 240],
    });
  });

  it("classifies the frontier failures under bfcl as measured", () => {
    const all = { unsatisfiable_gold: 0, equivalent_answer: 0, disputed: 0, frontier_error: 0 };
    for (const c of report!.categories) for (const k of Object.keys(all) as Array<keyof typeof all>) all[k] += c.counts.bfcl[k];
    expect(all).toEqual(MEASURED_CLASSES);
  });
});

if (!SHARED_DIR) {
  it.skip(SKIP_MESSAGE, () => {});
}

const MEASURED = {
  simple_python: [18, 59, 2, 1],
  simple_java: [12, 9, 0, 0],
  simple_javascript: [1, 3, 1, 0],
  multiple: [8, 34, 0, 0],
  parallel: [6, 17, 2, 0],
  parallel_multiple: [4, 17, 6, 4],
  live_simple: [19, 119, 1, 0],
  live_multiple: [23, 681, 19, 7],
  live_parallel: [2, 36, 0, 0],
  live_parallel_multiple: [1, 28, 0, 1],
  irrelevance: [0, 0, 0, 0],
  live_irrelevance: [0, 0, 0, 0],
  live_relevance: [0, 0, 0, 0],
};
const MEASURED_CLASSES = { unsatisfiable_gold: 20, equivalent_answer: 1018, disputed: 86, frontier_error: 538 };
