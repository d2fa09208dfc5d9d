import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    target: "node20",
    platform: "neutral",
    // import.meta.url in CJS: math.ts requires mathjs lazily from the package's own location.
    shims: true,
    clean: true,
    treeshake: true,
  },
  {
    // toolgrade/vitest: ESM only, as vitest is; vitest stays an optional peer (external).
    entry: { vitest: "src/vitest.ts" },
    format: ["esm"],
    dts: true,
    target: "node20",
    platform: "neutral",
    external: ["vitest"],
    treeshake: true,
  },
  {
    entry: { cli: "src/cli.ts", "reward-worker": "src/reward/worker.node.ts", "batch-worker": "src/batch/worker.node.ts" },
    format: ["esm"],
    target: "node20",
    platform: "node",
    treeshake: true,
  },
]);
