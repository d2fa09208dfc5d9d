// Rewards per second, single-threaded, with precompiled golds, on the conformance corpus's
// real model outputs for BFCL simple_python and parallel_multiple.
//
//   npm run build && TOOLGRADE_SHARED=../shared node bench/reward.mjs
//
// Env: TOOLGRADE_SHARED (BFCL data and the corpus, default ../shared), TOOLGRADE_DIST (the
// built package, default dist/), BENCH_SECONDS (per measurement, default 2). Each row is
// measured in a fresh process (a trainer's reward process sees one policy's outputs, not every
// row's formats before its own), as the best of 3 rounds after a warm-up, so a busy machine
// shows up as spread, not as a lower best.
// Rows: every output of the category in the corpus (all runs, prompt and FC); the outputs of
// the runs that write plain Python call lists (the fast reader's case); and "cold values",
// with the per-param value memory off, as if every value were new.
//
// bench/index.mjs imports rewardConfigs and measureRewards to put these figures in its table.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const PLAIN_RUNS = ["qwen3-4b-instruct-2507", "aafv-qwen2.5-7b-instruct", "aafv-llama-3.1-8b-instruct", "v1-claude-3.5-sonnet-20240620", "v1-gorilla-openfunctions-v2"];

/**
 * Every output of a category in the corpus (of the given runs, or all): {id, result, mode}.
 * Records are read with the library's JSON Lines reader, as `toolgrade reward --results` reads a
 * result file (and as the server's JSON.parse reads a request): outputs are whole strings.
 * Reading each line with readJson instead leaves outputs that are slices of the whole record
 * line (two-byte when the line holds any character past Latin-1) or concatenations of
 * escape-decoded pieces, which V8 reads slower: the same outputs scored 1.2× slower over all
 * runs and 3× slower for xLAM's JSON (bench/README.md).
 */
export function corpusSamples(shared, readJsonLines, category, runs) {
  const root = join(shared, "conformance");
  const out = [];
  for (const run of readdirSync(root, { withFileTypes: true })) {
    if (!run.isDirectory() || run.name === "probes" || (runs && !runs.includes(run.name))) continue;
    const file = join(root, run.name, `${category}.jsonl`);
    let text;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const { value: r } of readJsonLines(file, text)) out.push({ id: r.get("id"), result: r.get("result"), mode: r.get("mode") });
  }
  return out;
}

/**
 * The format parse() reads an output in, and whether it needed a repair (a fence, prose around
 * the calls, escapes…): `python` means a clean Python call list, `python+repairs` everything
 * else read as Python.
 */
export function formatLabel(parse) {
  return (s) => {
    const r = parse(s.result);
    return r.status === "calls" && r.repairs.length > 0 ? `${r.format}+repairs` : r.status === "calls" ? r.format : `${r.format} (${r.status})`;
  };
}

/** A configuration to time: its outputs with their scorers, golds compiled by its first (warm-up) pass, before any timing. */
export function prepare(compile, entries, name, samples, options) {
  let work;
  // Compiled when the configuration is first measured, so a process measuring one row holds
  // only that row's scorers, as a trainer's reward process holds only its suite's.
  const compiled = () => {
    const cache = new Map();
    return samples.map((s) => {
      const key = `${s.id}/${s.mode}`;
      let scorer = cache.get(key);
      if (!scorer) cache.set(key, (scorer = compile(entries.get(s.id), { ...options, decode: s.mode })));
      return [scorer, s.result];
    });
  };
  const pass = () => {
    work ??= compiled();
    let sum = 0;
    for (const [scorer, output] of work) sum += scorer(output).score;
    return sum;
  };
  return { name, outputs: samples.length, pass, wall: [], cpu: [] };
}

/**
 * The configurations of this benchmark. `samples(category, runs)` gives the outputs (all runs
 * when `runs` is undefined), so bench/index.mjs can feed it the bundled example runs too.
 */
export function rewardConfigs(compile, entries, samples, categories = ["simple_python", "parallel_multiple"], formatOf = undefined) {
  const configs = [];
  for (const category of categories) {
    const all = samples(category);
    const plain = samples(category, PLAIN_RUNS).filter((s) => s.mode === "prompt");
    configs.push(prepare(compile, entries, `${category}: all runs, graded`, all, {}));
    // What a trainer whose model writes one format sees: the same outputs grouped by the format parse() reads.
    if (formatOf && category === categories[0]) {
      const groups = new Map();
      for (const s of all) {
        const f = formatOf(s);
        if (!groups.has(f)) groups.set(f, []);
        groups.get(f).push(s);
      }
      for (const [f, group] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
        if (group.length >= 100) configs.push(prepare(compile, entries, `${category}, format ${f}, graded`, group, {}));
      }
    }
    if (plain.length === 0) continue;
    configs.push(prepare(compile, entries, `${category}: plain-call runs, graded`, plain, {}));
    configs.push(prepare(compile, entries, `${category}: plain-call runs, graded, cold values`, plain, { valueCache: 0 }));
    configs.push(prepare(compile, entries, `${category}: plain-call runs, binary`, plain, { preset: "binary" }));
    configs.push(prepare(compile, entries, `${category}: plain-call runs, toolrl`, plain, { preset: "toolrl" }));
  }
  return configs.filter((c) => c.outputs > 0);
}

/** One timed round of a configuration: rewards per wall-clock second and per CPU-second. */
function round(config, seconds) {
  let n = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - t0 < seconds * 1000) {
    config.pass();
    n += config.outputs;
  }
  const cpu = process.cpuUsage(cpu0);
  config.wall.push(n / ((performance.now() - t0) / 1000));
  config.cpu.push(n / ((cpu.user + cpu.system) / 1e6));
}

/**
 * Warm-up, then three rounds over all configurations, interleaved so that noise and the JIT's
 * history fall on every row alike; each configuration's `best` is its best round.
 */
export function measureRewards(configs, seconds) {
  for (const c of configs) {
    const until = performance.now() + seconds * 1000;
    while (performance.now() < until) c.pass();
  }
  for (let r = 0; r < 3; r++) for (const c of configs) round(c, seconds);
  for (const c of configs) c.best = Math.max(...c.wall);
  return configs;
}

/**
 * Bytes a reward allocates, averaged over `passes` passes of a configuration after it has run
 * warm (V8's sampling heap profiler, one sample per 128 bytes on average, counting what the
 * collector has freed too). Unlike the rates, this figure does not move with the host's load:
 * it is the one to compare across runs, and every byte costs time twice, once when the
 * collector runs and once in the cache lines it evicts.
 */
export async function allocatedPerReward(config, passes = 3) {
  const { Session } = await import("node:inspector/promises");
  const session = new Session();
  session.connect();
  try {
    await session.post("HeapProfiler.startSampling", { samplingInterval: 128, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    for (let i = 0; i < passes; i++) config.pass();
    const { profile } = await session.post("HeapProfiler.stopSampling");
    let bytes = 0;
    const add = (node) => {
      bytes += node.selfSize;
      for (const child of node.children) add(child);
    };
    add(profile.head);
    return bytes / (passes * config.outputs);
  } finally {
    session.disconnect();
  }
}

/**
 * Each configuration measured in a fresh Node process, as a trainer's reward process scores one
 * policy's outputs: no other configuration's formats have shaped the JIT before it. `names` are
 * configuration names of {@link rewardConfigs}; each child runs this file with `--only NAME`.
 */
export function measureInFreshProcesses(names, { dist, shared, seconds }) {
  const file = fileURLToPath(import.meta.url);
  return names.map((name) => {
    const r = spawnSync(process.execPath, [file, "--only", name], {
      encoding: "utf8",
      env: { ...process.env, TOOLGRADE_DIST: dist, TOOLGRADE_SHARED: shared, BENCH_SECONDS: String(seconds) },
    });
    if (r.status !== 0) throw new Error(`bench/reward.mjs --only ${name} exited with ${r.status}: ${r.stderr.slice(-2000)}`);
    return JSON.parse(r.stdout.trim().split("\n").pop());
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const dist = resolve(process.env.TOOLGRADE_DIST ?? join(here, "../dist"));
  const shared = resolve(process.env.TOOLGRADE_SHARED ?? join(here, "../../shared"));
  const seconds = Number(process.env.BENCH_SECONDS ?? 2);
  const only = process.argv[2] === "--only" ? process.argv[3] : undefined;
  const { compile, loadSuite, readJsonLines, parse } = await import(join(dist, "index.js"));
  const suite = loadSuite(join(shared, "bfcl"), { categories: ["simple_python", "parallel_multiple"] });
  const entries = new Map([...suite.entries.values()].flat().map((e) => [e.id, e]));
  const all = rewardConfigs(compile, entries, (category, runs) => corpusSamples(shared, readJsonLines, category, runs), undefined, formatLabel(parse));
  if (only !== undefined) {
    // A child of measureInFreshProcesses: one configuration, its figures as one JSON line.
    const config = all.find((c) => c.name === only);
    if (!config) throw new Error(`no configuration named ${only}`);
    const [c] = measureRewards([config], seconds);
    const bytesPerReward = await allocatedPerReward(c);
    console.log(JSON.stringify({ name: c.name, outputs: c.outputs, best: c.best, wall: c.wall, cpu: c.cpu, bytesPerReward }));
  } else {
    const os = await import("node:os");
    console.log(`toolgrade reward benchmark · node ${process.version} · ${dist} · each row in a fresh process`);
    console.log(`load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")} on ${os.availableParallelism()} cores`);
    console.log(`${"".padEnd(52)} ${"outputs".padStart(6)}  ${"rewards".padStart(11)}  ${"per reward".padStart(9)}  ${"alloc".padStart(7)}`);
    const k = (x) => `${Math.round(x / 1000)}k`;
    for (const c of measureInFreshProcesses(all.map((c) => c.name), { dist, shared, seconds })) {
      console.log(`${c.name.padEnd(52)} ${String(c.outputs).padStart(6)}  ${Math.round(c.best).toLocaleString("en").padStart(9)}/s  ${(1e6 / c.best).toFixed(2).padStart(6)} µs  ${String(Math.round(c.bytesPerReward)).padStart(5)} B  rounds ${c.wall.map(k).join(" ")}, per CPU-second ${k(Math.max(...c.cpu))}`);
    }
  }
}
