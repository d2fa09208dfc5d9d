// What a trainer would see: the graded reward on every output of the conformance corpus, per
// category and per run, beside the pass rates; and `binary` checked against the verdicts
// (the default ruleset's, and BFCL's own as recorded in the corpus).
//
//   npm run build && TOOLGRADE_SHARED=../shared node bench/reward-distribution.mjs
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const dist = resolve(process.env.TOOLGRADE_DIST ?? join(here, "../dist"));
const shared = resolve(process.env.TOOLGRADE_SHARED ?? join(here, "../../shared"));
const { compile, grade, loadSuite, readJsonLines } = await import(join(dist, "index.js"));

const entries = new Map([...loadSuite(join(shared, "bfcl")).entries.values()].flat().map((e) => [e.id, e]));
const root = join(shared, "conformance");
const rows = [];
const agreement = { binaryDefault: 0, binaryBfcl: 0, graded: 0, total: 0 };
for (const run of readdirSync(root, { withFileTypes: true })) {
  if (!run.isDirectory() || run.name === "probes") continue;
  for (const file of readdirSync(join(root, run.name)).sort()) {
    const category = file.replace(/\.jsonl$/, "");
    const path = join(root, run.name, file);
    for (const { value: r } of readJsonLines(path, readFileSync(path, "utf8"))) {
      const entry = entries.get(r.get("id"));
      const decode = r.get("mode");
      const underscoreToDot = r.get("underscore_to_dot");
      const output = r.get("result");
      const bfclValid = r.get("bfcl").get("valid");
      const score = compile(entry, { decode })(output).score;
      const valid = grade(entry, output, { ruleset: "default", decode }).valid;
      agreement.total++;
      if (compile(entry, { decode, preset: "binary" })(output).score === (valid ? 1 : 0)) agreement.binaryDefault++;
      if (compile(entry, { decode, underscoreToDot, preset: "binary", ruleset: "bfcl" })(output).score === (bfclValid ? 1 : 0)) agreement.binaryBfcl++;
      if ((score === 1) === valid) agreement.graded++;
      rows.push({ run: run.name, category, score, valid, bfclValid });
    }
  }
}

function stats(list) {
  const s = list.map((r) => r.score).sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(2);
  const pct = (n) => `${((100 * n) / s.length).toFixed(1)}%`;
  const failing = list.filter((r) => !r.valid);
  const failMean = failing.length ? (failing.reduce((a, r) => a + r.score, 0) / failing.length).toFixed(3) : "–";
  return [
    String(s.length),
    (s.reduce((a, b) => a + b, 0) / s.length).toFixed(3),
    pct(s.filter((x) => x === 0).length),
    pct(s.filter((x) => x > 0 && x < 1).length),
    pct(s.filter((x) => x === 1).length),
    q(0.25),
    q(0.5),
    q(0.75),
    failMean,
    pct(list.filter((r) => r.valid).length),
    pct(list.filter((r) => r.bfclValid).length),
  ];
}

function table(title, key, order) {
  const head = [title, "outputs", "mean", "=0", "(0,1)", "=1", "p25", "p50", "p75", "mean if failing", "default pass", "BFCL pass"];
  const groups = new Map();
  for (const r of rows) {
    const k = key(r);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(r);
  }
  const keys = order ? order.filter((k) => groups.has(k)) : [...groups.keys()].sort();
  const out = [head, ...keys.map((k) => [k, ...stats(groups.get(k))]), ["all", ...stats(rows)]];
  console.log(`| ${head.join(" | ")} |\n|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`);
  for (const r of out.slice(1)) console.log(`| ${r.join(" | ")} |`);
  console.log();
}

const CATEGORIES = ["simple_python", "simple_java", "simple_javascript", "multiple", "parallel", "parallel_multiple", "live_simple", "live_multiple", "live_parallel", "live_parallel_multiple", "irrelevance", "live_irrelevance", "live_relevance"];
console.log("Graded reward (default weights) on the conformance corpus, per category:\n");
table("category", (r) => r.category, CATEGORIES);
console.log("Per run:\n");
table("run", (r) => r.run);
console.log("Per run and category, mean graded score (share of outputs strictly between 0 and 1):\n");
const runs = [...new Set(rows.map((r) => r.run))].sort();
const present = CATEGORIES.filter((c) => rows.some((r) => r.category === c));
console.log(`| run | ${present.join(" | ")} |\n|---|${present.map(() => "---:").join("|")}|`);
for (const run of runs) {
  const cells = present.map((c) => {
    const list = rows.filter((r) => r.run === run && r.category === c);
    if (!list.length) return "–";
    const mean = list.reduce((a, r) => a + r.score, 0) / list.length;
    const partial = list.filter((r) => r.score > 0 && r.score < 1).length / list.length;
    return `${mean.toFixed(2)} (${Math.round(100 * partial)}%)`;
  });
  console.log(`| ${run} | ${cells.join(" | ")} |`);
}
console.log();
console.log(`binary (default ruleset) = default verdict: ${agreement.binaryDefault} / ${agreement.total}`);
console.log(`binary (bfcl ruleset)    = BFCL's recorded verdict: ${agreement.binaryBfcl} / ${agreement.total}`);
console.log(`graded score 1 exactly when the default verdict passes: ${agreement.graded} / ${agreement.total}`);
