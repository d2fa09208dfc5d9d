// Rewards per second of two builds, run by run, each measurement in a fresh Node process, the
// two builds alternated: the way to compare two versions on a host whose speed drifts by up to
// 2× from one quarter hour to the next.
//
//   git worktree add /tmp/old <rev> && (cd /tmp/old && npm ci && npm run build)
//   npm run build && node bench/reward-ab.mjs /tmp/old/dist dist [category] [--runs a,b|all] [--pairs N]
//
// For each run of the corpus (or the given runs; `all` is every run's outputs in one pass), N
// pairs of child processes (default 3), A then B: each compiles its build's scorers for the
// outputs, warms up for 2 s, then cycles the outputs for 3 s and reports its fastest pass. Prints
// µs per reward, the lowest and the median of each build, and their ratios. Slow host periods
// fall on both builds; the lowest is the least disturbed. (Loading both builds in one process
// instead, as this script once did, lets each build's code shape the other's inline caches:
// it hid a 1.8× gain on Hermes outputs.)
// Env: TOOLGRADE_SHARED (default ../shared).
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { corpusSamples } from "./reward.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const shared = resolve(process.env.TOOLGRADE_SHARED ?? join(here, "../../shared"));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : args.splice(i, 2)[1];
};

if (args[0] === "--child") {
  // One measurement: node reward-ab.mjs --child DIST CATEGORY RUNS
  const [, dist, category, runs] = args;
  const lib = await import(pathToFileURL(join(resolve(dist), "index.js")).href);
  const suite = lib.loadSuite(join(shared, "bfcl"), { categories: [category] });
  const entries = new Map([...suite.entries.values()].flat().map((e) => [e.id, e]));
  const cache = new Map();
  const work = corpusSamples(shared, lib.readJsonLines, category, runs === "all" ? undefined : runs.split(",")).map((s) => {
    const key = `${s.id}/${s.mode}`;
    if (!cache.has(key)) cache.set(key, lib.compile(entries.get(s.id), { decode: s.mode }));
    return [cache.get(key), s.result];
  });
  const pass = () => {
    let sum = 0;
    for (const [scorer, output] of work) sum += scorer(output).score;
    return sum;
  };
  const warm = performance.now();
  while (performance.now() - warm < 2000) pass();
  let best = Infinity;
  const start = performance.now();
  while (performance.now() - start < 3000) {
    const t0 = performance.now();
    pass();
    best = Math.min(best, performance.now() - t0);
  }
  console.log(JSON.stringify({ outputs: work.length, us: (best * 1000) / work.length }));
} else {
  const pairs = Number(option("--pairs", 3));
  const runsOption = option("--runs", undefined);
  const [a, b, category = "simple_python"] = args;
  if (!a || !b) {
    console.error("usage: node bench/reward-ab.mjs DIST_A DIST_B [category] [--runs a,b|all] [--pairs N]");
    process.exit(2);
  }
  const root = join(shared, "conformance");
  const runs = runsOption
    ? runsOption.split(",")
    : readdirSync(root, { withFileTypes: true })
        .filter((d) => d.isDirectory() && d.name !== "probes")
        .map((d) => d.name)
        .sort()
        .concat("all");
  const measure = (dist, run) => {
    const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--child", dist, category, run], { encoding: "utf8", env: process.env });
    if (r.status !== 0) throw new Error(`child for ${run} exited with ${r.status}: ${r.stderr.slice(-2000)}`);
    return JSON.parse(r.stdout.trim().split("\n").pop());
  };
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  console.log(`${"run".padEnd(36)} ${"A min".padStart(7)} ${"A med".padStart(7)} ${"B min".padStart(7)} ${"B med".padStart(7)}  A/B (min, median), µs per reward`);
  for (const run of runs) {
    const got = [[], []];
    let outputs = 0;
    for (let k = 0; k < pairs; k++) {
      [a, b].forEach((dist, i) => {
        const m = measure(dist, run);
        outputs = m.outputs;
        got[i].push(m.us);
      });
    }
    if (outputs === 0) continue;
    const [minA, minB] = got.map((xs) => Math.min(...xs));
    const [medA, medB] = got.map(median);
    const f = (x) => x.toFixed(2).padStart(7);
    console.log(`${run.padEnd(36)} ${f(minA)} ${f(medA)} ${f(minB)} ${f(medB)}  ${(minA / minB).toFixed(2)}×, ${(medA / medB).toFixed(2)}×`);
  }
}
