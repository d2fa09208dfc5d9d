// Rewards per second of two builds side by side, run by run, in one process: the way to compare
// two versions on a host whose speed drifts by up to 2× from one quarter hour to the next.
//
//   git worktree add /tmp/old <rev> && (cd /tmp/old && npm ci && npm run build)
//   npm run build && node bench/reward-ab.mjs /tmp/old/dist dist [category]
//
// Both builds are imported, every run's outputs get compiled scorers from each, and rounds of
// the two alternate (CPU time, best of ROUNDS, default 5), so a slow host period falls on both.
// Prints µs per reward for each run and build, and over all runs (each run's best, summed).
// Env: TOOLGRADE_SHARED (default ../shared), ROUNDS, MS (per round, default 80).
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { corpusSamples } from "./reward.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const [a, b, category = "simple_python"] = process.argv.slice(2);
if (!a || !b) {
  console.error("usage: node bench/reward-ab.mjs DIST_A DIST_B [category]");
  process.exit(2);
}
const shared = resolve(process.env.TOOLGRADE_SHARED ?? join(here, "../../shared"));
const rounds = Number(process.env.ROUNDS ?? 5);
const ms = Number(process.env.MS ?? 80);

const builds = [];
for (const dist of [a, b]) {
  const lib = await import(pathToFileURL(join(resolve(dist), "index.js")).href);
  const suite = lib.loadSuite(join(shared, "bfcl"), { categories: [category] });
  builds.push({ dist, lib, entries: new Map([...suite.entries.values()].flat().map((e) => [e.id, e])) });
}

/** CPU µs per reward over one round of `work`. */
function round(work) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < ms) {
    for (const [scorer, output] of work) scorer(output);
    n += work.length;
  }
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / n;
}

const total = [0, 0];
let outputs = 0;
const root = join(shared, "conformance");
console.log(`${"run".padEnd(36)} ${"A µs".padStart(7)} ${"B µs".padStart(7)}  A/B`);
for (const run of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
  // Each build reads the outputs with its own JSON reader, as bench/reward.mjs does.
  const work = builds.map(({ lib, entries }) => corpusSamples(shared, lib.readJson, category, [run]).map((s) => [lib.compile(entries.get(s.id), { decode: s.mode }), s.result]));
  const n = work[0].length;
  if (n === 0) continue;
  work.forEach((w) => round(w));
  const best = [Infinity, Infinity];
  for (let k = 0; k < rounds; k++) work.forEach((w, i) => (best[i] = Math.min(best[i], round(w))));
  best.forEach((x, i) => (total[i] += x * n));
  outputs += n;
  console.log(`${run.padEnd(36)} ${best[0].toFixed(2).padStart(7)} ${best[1].toFixed(2).padStart(7)}  ${(best[0] / best[1]).toFixed(2)}×`);
}
const rate = (t) => Math.round((outputs / t) * 1e6).toLocaleString("en");
console.log(`${"all runs".padEnd(36)} A ${rate(total[0])} rewards/s, B ${rate(total[1])} rewards/s (${outputs} outputs)`);
