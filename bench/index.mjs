// toolgrade's benchmark: one table of every figure issue 8 asks for, each with its target and
// PASS / MISS (or "—" where there is no target), written to bench/results.json as well.
//
//   npm run bench                      # builds, then runs this over ../shared (BFCL + corpus)
//   BENCH_QUICK=1 node bench/index.mjs # a smoke run: short timings, small files
//
// Env: TOOLGRADE_DIST (the built package, default dist/), TOOLGRADE_SHARED (default ../shared),
// BENCH_DATA=bundled (use the example suite in data/ even when ../shared exists), BENCH_QUICK=1,
// BENCH_OUT (where results.json goes, default bench/results.json), BENCH_STREAM_LINES
// (comma-separated sizes of the streamed files, default 100000,300000,1000000).
//
// Sections (bench/README.md explains each row): parse throughput per output format; grade
// throughput per ruleset, per category and over all entries of two full runs, with golds
// precompiled where the library can; rewards (bench/reward.mjs) and the reward server
// (bench/reward-server.mjs); `toolgrade score` end to end; cold import and lazy mathjs; a
// generated results file streamed from disk at three sizes, on one thread and on two workers.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Bench } from "tinybench";
import { benchData } from "./lib/data.mjs";
import { generateResults } from "./gen-results.mjs";
import { corpusSamples, formatLabel, measureInFreshProcesses, measureRewards, rewardConfigs } from "./reward.mjs";
import { serverBench, serverSamples } from "./reward-server.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = resolve(here, "..");
const dist = resolve(process.env.TOOLGRADE_DIST ?? join(root, "dist"));
const shared = resolve(process.env.TOOLGRADE_SHARED ?? join(root, "../shared"));
const QUICK = process.env.BENCH_QUICK === "1";
const out = resolve(process.env.BENCH_OUT ?? join(here, "results.json"));
const streamSizes = (process.env.BENCH_STREAM_LINES ?? (QUICK ? "300,600,1200" : "100000,300000,1000000")).split(",").map(Number);
const started = { date: new Date().toISOString(), loadavg: loadavg() };
const sectionTimes = {};
let sectionStart = performance.now();
let sectionName = "setup";
const log = (s) => {
  sectionTimes[sectionName] = (performance.now() - sectionStart) / 1000;
  sectionStart = performance.now();
  sectionName = s.replace(/…$/, "");
  process.stderr.write(`${s}\n`);
};

if (!existsSync(join(dist, "index.js")) || !existsSync(join(dist, "cli.js"))) {
  console.error(`no built package in ${dist}: run npm run build first (npm run bench does)`);
  process.exit(2);
}
const lib = await import(pathToFileURL(join(dist, "index.js")).href);
const tmp = mkdtempSync(join(tmpdir(), "toolgrade-bench-"));
const data = benchData({ root, shared, tmp, readJsonLines: lib.readJsonLines, wantShared: process.env.BENCH_DATA !== "bundled" });
if (data.kind === "bundled") {
  process.stderr.write(`note: ${existsSync(shared) && process.env.BENCH_DATA !== "bundled" ? `${shared} has no bfcl/ and conformance/` : process.env.BENCH_DATA === "bundled" ? "BENCH_DATA=bundled" : `${shared} not found`}: using the example suite bundled in data/ (a few entries per category); the figures show the bench runs, they are not comparable with the targets\n`);
}
const suite = lib.loadSuite(data.suite, data.golds ? { golds: data.golds } : {});
const entries = new Map([...suite.entries.values()].flat().map((e) => [e.id, e]));
const totalEntries = entries.size;

/** Every figure: the table's rows, in order. */
const rows = [];
const details = {};
function row(section, figure, value, unit, target, note) {
  let status = "—";
  if (target && value !== null && Number.isFinite(value)) status = (target.op === ">=" ? value >= target.value : value <= target.value) ? "PASS" : "MISS";
  else if (target && target.op === "==") status = value === target.value ? "PASS" : "MISS";
  rows.push({ section, figure, value, unit, target: target ?? null, status, ...(note ? { note } : {}) });
}

/** tinybench with the timings of a full or a quick run. */
function bench(timeMs) {
  return QUICK ? new Bench({ time: 2, warmup: false, iterations: 1 }) : new Bench({ time: timeMs, warmupTime: Math.min(200, timeMs / 2), warmupIterations: 5, iterations: 10 });
}
/** Items per second of a task whose one iteration handles `n` items (from the median iteration time). */
const perSecond = (task, n) => n / (task.result.latency.p50 / 1000);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

// ── parse throughput per output format ────────────────────────────────────────────────────
log("parse throughput per output format…");
{
  const outputs = [];
  if (data.kind === "shared") {
    for (const category of lib.CATEGORY_IDS) {
      for (const s of corpusSamples(shared, lib.readJsonLines, category)) outputs.push({ output: s.result, functions: entries.get(s.id)?.functions });
    }
  } else {
    for (const run of data.runs) for (const r of run.records) outputs.push({ output: r.result, functions: entries.get(r.id)?.functions });
  }
  const byFormat = new Map();
  for (const o of outputs) {
    const options = o.functions ? { functions: o.functions } : {};
    const format = lib.parse(o.output, options).format;
    const bytes = Buffer.byteLength(typeof o.output === "string" ? o.output : JSON.stringify(o.output, (_k, v) => (typeof v === "bigint" ? Number(v) : v)));
    const group = byFormat.get(format) ?? { items: [], bytes: 0 };
    group.items.push([o.output, options]);
    group.bytes += bytes;
    byFormat.set(format, group);
  }
  const all = { items: [...byFormat.values()].flatMap((g) => g.items), bytes: [...byFormat.values()].reduce((a, g) => a + g.bytes, 0) };
  const b = bench(300);
  const groups = [...[...byFormat].sort((x, y) => y[1].items.length - x[1].items.length), ["all formats", all]];
  for (const [format, g] of groups) {
    b.add(format, () => {
      for (const [output, options] of g.items) lib.parse(output, options);
    });
  }
  await b.run();
  details.parse = groups.map(([format, g], i) => {
    const rate = perSecond(b.tasks[i], g.items.length);
    return { format, outputs: g.items.length, outputsPerSecond: rate, mbPerSecond: (rate * (g.bytes / g.items.length)) / 1e6 };
  });
  const a = details.parse.at(-1);
  row("parse", `parse(), all ${a.outputs.toLocaleString("en")} corpus outputs (${byFormat.size} formats)`, a.outputsPerSecond, "outputs/s");
  row("parse", "parse(), all formats, MB/s", a.mbPerSecond, "MB/s");
}

// ── grade throughput ──────────────────────────────────────────────────────────────────────
log("grade throughput per ruleset and category…");
{
  const b = bench(150);
  const plan = [];
  for (const run of data.runs) {
    const gradeOptions = { decode: run.mode, underscoreToDot: run.underscoreToDot };
    const groups = [...lib.CATEGORY_IDS.filter((c) => run.records.some((r) => r.category === c)).map((c) => [c, run.records.filter((r) => r.category === c)]), ["all", run.records]];
    for (const [category, records] of groups) {
      const work = records.map((r) => [entries.get(r.id), r.result]);
      for (const ruleset of ["bfcl", "default"]) {
        const options = { ...gradeOptions, ruleset };
        const name = `${run.name} ${ruleset} ${category} grade`;
        b.add(name, () => {
          for (const [entry, output] of work) lib.grade(entry, output, options);
        });
        plan.push({ run: run.name, mode: run.mode, ruleset, category, path: "grade()", entries: work.length, name });
      }
      // The default ruleset's verdict with golds compiled once: compile(entry, {preset: "binary"}).
      const scorers = records.map((r) => [lib.compile(entries.get(r.id), { preset: "binary", ...gradeOptions }), r.result]);
      const name = `${run.name} default ${category} compiled`;
      b.add(name, () => {
        for (const [scorer, output] of scorers) scorer(output);
      });
      plan.push({ run: run.name, mode: run.mode, ruleset: "default", category, path: "compile(binary)", entries: scorers.length, name });
    }
  }
  await b.run();
  const byName = new Map(b.tasks.map((t) => [t.name, t]));
  details.grade = plan.map((p) => ({ ...p, entriesPerSecond: perSecond(byName.get(p.name), p.entries), name: undefined }));
  for (const run of data.runs) {
    const fig = (ruleset, path) => details.grade.find((g) => g.run === run.name && g.category === "all" && g.ruleset === ruleset && g.path === path);
    const bfcl = fig("bfcl", "grade()");
    const dflt = fig("default", "grade()");
    const compiled = fig("default", "compile(binary)");
    const bfclTarget = run.mode === "prompt" ? 420_000 : 580_000;
    const n = bfcl.entries.toLocaleString("en");
    row("grade", `grade(), bfcl ruleset, ${run.name} (${run.mode}), all ${n}`, bfcl.entriesPerSecond, "entries/s", { op: ">=", value: bfclTarget }, `20× BFCL's ${run.mode === "prompt" ? "21,000" : "29,000"}/s`);
    row("grade", `grade(), default ruleset, ${run.name} (${run.mode}), all ${n}`, dflt.entriesPerSecond, "entries/s", { op: ">=", value: bfcl.entriesPerSecond / 2 }, "within 2× of the bfcl ruleset");
    row("grade", `default verdict, golds precompiled (compile binary), ${run.name}, all ${n}`, compiled.entriesPerSecond, "entries/s", null, "no compiled grade() API yet; bfcl has no precompiled path");
  }
}

// ── rewards (bench/reward.mjs) and the reward server (bench/reward-server.mjs) ────────────
log("rewards…");
{
  const samples =
    data.kind === "shared"
      ? (category, runs) => corpusSamples(shared, lib.readJsonLines, category, runs)
      : (category, runs) => data.runs.filter((r) => !runs || r.mode === "prompt").flatMap((r) => r.records.filter((x) => x.category === category).map((x) => ({ id: x.id, result: x.result, mode: r.mode })));
  const built = rewardConfigs(lib.compile, entries, samples, undefined, formatLabel(lib.parse));
  // With the corpus, each row in a fresh process (bench/reward.mjs); the bundled runs are a smoke test.
  const configs =
    data.kind === "shared" && !QUICK ? measureInFreshProcesses(built.map((c) => c.name), { dist, shared, seconds: 1 }) : measureRewards(built, QUICK ? 0.005 : 1);
  details.reward = configs.map((c) => ({ name: c.name, outputs: c.outputs, rewardsPerSecond: c.best, rounds: c.wall, bytesPerReward: c.bytesPerReward }));
  for (const c of configs) {
    if (!c.name.endsWith("graded")) continue;
    const target = c.name === "simple_python: all runs, graded" ? { op: ">=", value: 300_000 } : null;
    row("reward", `reward ${c.name} (${c.outputs.toLocaleString("en")})`, c.best, "rewards/s", target, target ? "reward issue: 300k/s over all formats" : undefined);
  }
  // Allocation, which the host's load does not move (bench/reward.mjs allocatedPerReward), for the rows over all runs.
  for (const c of configs) if (c.name.endsWith("all runs, graded") && c.bytesPerReward !== undefined) row("reward", `allocated per reward, ${c.name}`, Math.round(c.bytesPerReward), "B");
  log("reward server…");
  const serverData =
    data.kind === "shared"
      ? serverSamples(shared, lib.readJsonLines)
      : data.runs[0].records.filter((r) => r.category === "simple_python" || r.category === "parallel_multiple").map((r) => ({ id: r.id, output: r.result }));
  const server = await serverBench({ dist, data: data.suite, golds: data.golds, samples: serverData, batches: QUICK ? 2 : 400, seconds: QUICK ? 0.5 : 10, warmMs: QUICK ? 0 : 3000 });
  details.server = server;
  for (const s of server) {
    row("reward", `server ${s.label}, 256/batch, ${s.batches} batches`, s.rewardsPerSecond, "rewards/s");
    row("reward", `server ${s.label}, latency p99`, s.p99, "ms");
  }
}

// ── toolgrade score, end to end ───────────────────────────────────────────────────────────
log("toolgrade score end to end…");
const cli = join(dist, "cli.js");
const suiteArgs = ["--data", data.suite, ...(data.golds ? ["--golds", data.golds] : [])];
function timeSpawn(args, options = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", ...options });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited with ${r.status}: ${r.stderr}`);
  return { seconds, stderr: r.stderr };
}
{
  details.score = [];
  const n = QUICK ? 1 : 7;
  for (const run of data.runs) {
    const decode = run.mode === "fc" ? ["--decode", "fc", "--underscore-to-dot"] : [];
    for (const ruleset of ["bfcl", "default"]) {
      const args = [cli, "score", ...suiteArgs, "--results", run.folder, "--ruleset", ruleset, ...decode];
      if (!QUICK) timeSpawn(args); // warm the file cache
      const times = Array.from({ length: n }, () => timeSpawn(args).seconds);
      details.score.push({ run: run.name, ruleset, categories: new Set(run.records.map((r) => r.category)).size, entries: run.records.length, seconds: times, median: median(times) });
      row("score", `toolgrade score, ${run.name}, ${ruleset}, 13 categories (${run.records.length.toLocaleString("en")}), wall`, median(times), "s", { op: "<=", value: 0.4 }, "Node start-up included");
    }
  }
}

// ── cold import, lazy mathjs ──────────────────────────────────────────────────────────────
log("cold import…");
{
  const url = pathToFileURL(join(dist, "index.js")).href;
  const probe = `const t0 = performance.now(); const m = await import(${JSON.stringify(url)}); const t1 = performance.now();
const before = m.mathLoaded(); const t2 = performance.now(); m.mathEquivalent("(x+1)^2", "x^2+2x+1"); const t3 = performance.now();
process.stdout.write(JSON.stringify({ importMs: t1 - t0, before, after: m.mathLoaded(), mathMs: t3 - t2 }));`;
  const runs = [];
  for (let i = 0; i < (QUICK ? 1 : 11); i++) {
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`import probe failed: ${r.stderr}`);
    runs.push(JSON.parse(r.stdout));
  }
  details.import = runs;
  row("import", "cold import of dist/index.js, median of fresh processes", median(runs.map((r) => r.importMs)), "ms", { op: "<=", value: 50 });
  row("import", "mathjs loaded after import (mathLoaded())", runs.every((r) => !r.before) ? 0 : 1, "bool", { op: "==", value: 0 }, "0 = not loaded");
  row("import", "mathjs loaded after an expression comparison", runs.every((r) => r.after) ? 1 : 0, "bool", { op: "==", value: 1 }, "1 = loaded");
  row("import", "first expression comparison (loads mathjs)", median(runs.map((r) => r.mathMs)), "ms");
}

// ── a generated results file streamed from disk ───────────────────────────────────────────
log(`streaming ${streamSizes.map((n) => n.toLocaleString("en")).join(" / ")} lines…`);
{
  const timeV = existsSync("/usr/bin/time");
  const wrapper = join(here, "lib", "maxrss.mjs");
  const source = data.runs[0];
  const lines = source.records.map((r) => r.line);
  const rewardArgs = ["reward", ...suiteArgs, "--preset", "binary", "--ruleset", "bfcl", "--decode", source.mode, ...(source.underscoreToDot ? ["--underscore-to-dot"] : [])];
  /** Wall seconds and peak RSS (MB) of one `toolgrade reward` over a file. */
  const measure = (file, workers) => {
    const args = [...rewardArgs, "--results", file, "--workers", String(workers)];
    if (timeV) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync("/usr/bin/time", ["-v", process.execPath, cli, ...args], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      if (r.status !== 0) throw new Error(`toolgrade reward exited with ${r.status}: ${r.stderr.slice(-2000)}`);
      return { seconds, rssMB: Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)[1]) / 1024, via: "/usr/bin/time -v" };
    }
    const { seconds, stderr } = timeSpawn([wrapper, cli, ...args]);
    return { seconds, rssMB: Number(/^maxrss-kb (\d+)$/m.exec(stderr)[1]) / 1024, via: "process.resourceUsage().maxRSS" };
  };
  const small = join(tmp, "startup.jsonl");
  generateResults(small, 100, lines);
  // Start-up (Node, the CLI, the suite) is taken out of the per-entry time; a smoke run skips measuring it.
  const startup = QUICK ? 0 : median(Array.from({ length: 3 }, () => measure(small, 1).seconds));
  details.stream = { command: `toolgrade ${rewardArgs.join(" ")} --results FILE --workers N`, startupSeconds: startup, runs: [] };
  for (const n of streamSizes) {
    const file = join(tmp, `results-${n}.jsonl`);
    const bytes = generateResults(file, n, lines);
    const one = measure(file, 1);
    details.stream.runs.push({ lines: n, bytes, workers: 1, ...one });
    if (n === streamSizes.at(-1)) details.stream.runs.push({ lines: n, bytes, workers: 2, ...measure(file, 2) });
    rmSync(file);
  }
  const runs = details.stream.runs;
  const big = streamSizes.at(-1);
  const first = runs[0];
  const w1 = runs.find((r) => r.lines === big && r.workers === 1);
  const w2 = runs.find((r) => r.lines === big && r.workers === 2);
  const label = (n) => `${n.toLocaleString("en")} lines (${(runs.find((r) => r.lines === n).bytes / 1e6).toFixed(1)} MB)`;
  for (const r of runs.filter((x) => x.workers === 1)) row("stream", `reward binary/bfcl, ${label(r.lines)}, 1 thread, wall`, r.seconds, "s");
  row("stream", `${label(big)}, --workers 2, wall`, w2.seconds, "s");
  row("stream", `${label(big)}, peak RSS, 1 thread`, w1.rssMB, "MB", { op: "<=", value: 300 }, w1.via);
  row("stream", `${label(big)}, peak RSS, --workers 2`, w2.rssMB, "MB", { op: "<=", value: 300 }, w2.via);
  const perEntry = (r) => ((r.seconds - startup) / r.lines) * 1e6;
  row("stream", `time per entry at ${big.toLocaleString("en")} ÷ at ${first.lines.toLocaleString("en")} (start-up taken out)`, perEntry(w1) / perEntry(first), "×", { op: "<=", value: 1.25 }, "linear: at most 1.25");
  row("stream", `--workers 2 speed-up over 1 thread, ${big.toLocaleString("en")} lines`, w1.seconds / w2.seconds, "×", { op: ">=", value: 1.7 });
}

log("table…");
rmSync(tmp, { recursive: true, force: true });

// ── the table ─────────────────────────────────────────────────────────────────────────────
const machine = {
  cpu: cpus()[0]?.model ?? "unknown",
  cores: availableParallelism(),
  memoryGB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  os: `${platform()} ${release()}`,
  date: started.date,
  loadavgStart: started.loadavg,
  loadavgEnd: loadavg(),
};
const fmt = (v, unit) => {
  if (v === null || v === undefined || Number.isNaN(v)) return "n/a";
  if (unit === "bool") return v ? "yes" : "no";
  if (unit === "×") return v.toFixed(2);
  if (unit === "s") return v.toFixed(3);
  if (unit === "ms" || unit === "MB" || unit === "MB/s") return v.toFixed(1);
  return Math.round(v).toLocaleString("en");
};
const targetText = (r) => (!r.target ? "" : r.target.op === "==" ? (r.unit === "bool" ? (r.target.value ? "yes" : "no") : String(r.target.value)) : `${r.target.op === ">=" ? "≥" : "≤"} ${fmt(r.target.value, r.unit)}`);
const header = ["section", "figure", "measured", "unit", "target", "status"];
const cells = rows.map((r) => [r.section, r.figure, fmt(r.value, r.unit), r.unit === "bool" ? "" : r.unit, targetText(r), r.status]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (c) => c.map((x, i) => (i === 2 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join("  ").trimEnd();
console.log(`toolgrade benchmark${QUICK ? " (BENCH_QUICK: smoke run, figures not meaningful)" : ""} · data: ${data.kind === "shared" ? `${shared} (${totalEntries.toLocaleString("en")} entries)` : `bundled data/ (${totalEntries} entries)`}`);
console.log(`${machine.cpu} · ${machine.cores} cores · node ${machine.node} · load average at start ${machine.loadavgStart.map((x) => x.toFixed(2)).join(" ")}, at end ${machine.loadavgEnd.map((x) => x.toFixed(2)).join(" ")}`);
console.log("");
console.log(line(header));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const c of cells) console.log(line(c));
const perCategory = details.grade.filter((g) => g.category !== "all");
if (perCategory.length) {
  console.log("");
  console.log("grade throughput per category (entries/s; grade() per ruleset, and the default verdict with golds precompiled)");
  const cats = [...new Set(perCategory.map((g) => g.category))];
  const cols = data.runs.flatMap((run) => [["bfcl", "grade()"], ["default", "grade()"], ["default", "compile(binary)"]].map(([ruleset, path]) => ({ run: run.name, ruleset, path, label: `${run.mode} ${ruleset}${path === "grade()" ? "" : " pre"}` })));
  const head = ["category", "n", ...cols.map((c) => c.label)];
  const body = cats.map((cat) => {
    const n = perCategory.find((g) => g.category === cat).entries;
    return [cat, String(n), ...cols.map((c) => fmt(perCategory.find((g) => g.category === cat && g.run === c.run && g.ruleset === c.ruleset && g.path === c.path)?.entriesPerSecond, "entries/s"))];
  });
  const w = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  console.log(head.map((h, i) => (i === 0 ? h.padEnd(w[i]) : h.padStart(w[i]))).join("  "));
  for (const r of body) console.log(r.map((x, i) => (i === 0 ? x.padEnd(w[i]) : x.padStart(w[i]))).join("  "));
}
console.log("");
console.log("parse throughput per format");
for (const p of details.parse) console.log(`  ${p.format.padEnd(14)} ${String(p.outputs).padStart(6)} outputs  ${fmt(p.outputsPerSecond).padStart(10)} outputs/s  ${p.mbPerSecond.toFixed(1).padStart(7)} MB/s`);

const missed = rows.filter((r) => r.status === "MISS");
console.log("");
console.log(missed.length ? `${missed.length} target${missed.length === 1 ? "" : "s"} missed: ${missed.map((r) => r.figure).join("; ")} (bench/README.md says why)` : "every target met");
writeFileSync(out, `${JSON.stringify({ machine, quick: QUICK, data: data.kind, command: `${QUICK ? "BENCH_QUICK=1 " : ""}node bench/index.mjs`, figures: rows, details, sectionSeconds: sectionTimes }, null, 2)}\n`);
console.log(`wrote ${out}`);
