#!/usr/bin/env node
/**
 * Grades every record of ../shared/conformance under both rulesets and writes what changed:
 * per run, accuracy under `bfcl` and `default` side by side, and every record whose verdict
 * flips with the rule that flipped it. Outputs go to reports/ (not committed: the corpus's
 * outputs stay out of the repository; the report names records by run and id).
 *
 *   npm run build && TOOLGRADE_SHARED=../shared node scripts/compare-rulesets.mjs [--out reports]
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PyDict, describeMismatch, grade, loadSuite, readJson } from "../dist/index.js";

const shared = process.env.TOOLGRADE_SHARED;
if (!shared) {
  console.error("set TOOLGRADE_SHARED to the shared folder (with bfcl/ and conformance/)");
  process.exit(2);
}
const outDir = resolve(process.argv.includes("--out") ? process.argv[process.argv.indexOf("--out") + 1] : "reports");
const suite = loadSuite(join(shared, "bfcl"));
const entries = new Map();
for (const list of suite.entries.values()) for (const e of list) entries.set(e.id, e);

/** Why the default ruleset decided differently: the rules beyond exact equality, or the failure. */
function reason(result) {
  if (!result.valid) return result.mismatches[0].code;
  const rules = result.rules.filter((r) => r !== "exact");
  return rules.length ? rules.join("+") : "exact";
}

const runs = new Map();
const flips = [];
const root = join(shared, "conformance");
for (const run of readdirSync(root, { withFileTypes: true })) {
  if (!run.isDirectory() || run.name === "probes") continue;
  for (const file of readdirSync(join(root, run.name)).sort()) {
    const lines = readFileSync(join(root, run.name, file), "utf8").split("\n").filter((l) => l.trim());
    for (const line of lines) {
      const rec = readJson(line).value;
      const id = rec.get("id");
      const category = rec.get("category");
      const options = { decode: rec.get("mode"), underscoreToDot: rec.get("underscore_to_dot") };
      const entry = entries.get(id);
      const bfcl = grade(entry, rec.get("result"), { ...options, ruleset: "bfcl" });
      const fair = grade(entry, rec.get("result"), { ...options, ruleset: "default" });
      const key = run.name;
      const r = runs.get(key) ?? { mode: options.decode, categories: new Map() };
      const c = r.categories.get(category) ?? { n: 0, bfcl: 0, fair: 0 };
      c.n++;
      if (bfcl.valid) c.bfcl++;
      if (fair.valid) c.fair++;
      r.categories.set(category, c);
      runs.set(key, r);
      if (bfcl.valid !== fair.valid) {
        flips.push({
          run: key,
          id,
          category,
          bfcl: bfcl.valid ? "pass" : bfcl.errorType,
          default: fair.valid ? "pass" : fair.errorType,
          because: reason(fair),
          format: fair.parse?.format,
          repairs: fair.parse?.repairs ?? [],
          detail: fair.valid ? bfcl.mismatches.map(describeMismatch)[0] : fair.mismatches.map(describeMismatch)[0],
        });
      }
    }
  }
}

const pct = (a, n) => (n ? `${((100 * a) / n).toFixed(1)}` : "–");
const CATS = ["simple_python", "simple_java", "simple_javascript", "multiple", "parallel", "parallel_multiple", "live_simple", "live_multiple", "live_parallel", "live_parallel_multiple", "irrelevance", "live_irrelevance", "live_relevance"];
let md = "# bfcl vs default ruleset on the conformance corpus\n\nAccuracy in % as `bfcl → default` per category; `–` = not in the run.\n\n";
md += `| run | mode | ${CATS.join(" | ")} | all |\n|---|---|${CATS.map(() => "---:").join("|")}|---:|\n`;
for (const [run, r] of [...runs].sort()) {
  let n = 0, b = 0, f = 0;
  const cells = CATS.map((cat) => {
    const c = r.categories.get(cat);
    if (!c) return "–";
    n += c.n; b += c.bfcl; f += c.fair;
    return `${pct(c.bfcl, c.n)} → ${pct(c.fair, c.n)}`;
  });
  md += `| ${run} | ${r.mode} | ${cells.join(" | ")} | ${pct(b, n)} → ${pct(f, n)} |\n`;
}
const byReason = new Map();
for (const f of flips) {
  const k = `${f.bfcl === "pass" ? "pass → fail" : "fail → pass"}: ${f.because}`;
  byReason.set(k, (byReason.get(k) ?? 0) + 1);
}
md += `\n## Flips by cause (${flips.length} records)\n\n| direction: cause | records |\n|---|---:|\n`;
for (const [k, v] of [...byReason].sort((a, b) => b[1] - a[1])) md += `| ${k} | ${v} |\n`;
md += "\n## Every flip\n\n| run | id | bfcl | default | because | detail |\n|---|---|---|---|---|---|\n";
for (const f of flips) md += `| ${f.run} | ${f.id} | ${f.bfcl} | ${f.default} | ${f.because} | ${String(f.detail ?? "").replaceAll("|", "\\|").slice(0, 200)} |\n`;
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, "ruleset-comparison.md"), md);
writeFileSync(join(outDir, "ruleset-flips.jsonl"), flips.map((f) => JSON.stringify(f)).join("\n") + "\n");
console.log(`${flips.length} flips; wrote ${join(outDir, "ruleset-comparison.md")} and ruleset-flips.jsonl`);
