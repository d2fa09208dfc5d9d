/**
 * `toolgrade serve`: the reward server (reward/server.node.ts) on a suite. The command returns
 * once the server is started; it runs until SIGINT or SIGTERM, then shuts down gracefully.
 */
import { readArgs, SUITE_OPTION_SPECS } from "./args.js";
import { availableParallelism } from "node:os";
import { RewardOptionsError } from "../reward/options.js";
import { RewardPool } from "../reward/pool.node.js";
import { createRewardServer } from "../reward/server.node.js";
import { SuiteScorers } from "../reward/suiteScorers.js";
import { loadSuite } from "../suite/loadSuite.js";
import { SuiteError } from "../suite/parseSuite.js";
import type { Command } from "./commands.js";
import { fail, type Io, type Outcome } from "./main.js";
import { REWARD_OPTION_SPECS, rewardCommand, rewardOptionsFrom, rewardOptionsUsage } from "./reward.js";

export const SERVE_USAGE = `Usage:
  toolgrade serve --data DIR [options]

Routes:
  POST /reward          {"items": [{"id", "output"} | {"entry", "output"}], "preset"?, "details"?}
                        → {"rewards": [...], "details": [...]}
  POST /get_reward      OpenRLHF: {"query", "prompts", "labels": [entry ids]} → {"rewards": [...]}
  GET  /health

Options:
  --data DIR            suite folder with BFCL_v4_<category>.json question files
  --golds DIR           possible-answer folder (default: DIR/possible_answer)
  --port N              default 8000 (0: any free port)
  --host H              default 127.0.0.1 (the server has no authentication: bind wider only behind a proxy)
  --max-body BYTES      largest request body (default 33554432)
  --workers N           worker threads for batches of 2,048 items or more (default 0: none;
                        "auto": one per core)
${rewardOptionsUsage()}  -h, --help            this text
`;

function wholeNumber(text: string | undefined, fallback: number): number | undefined {
  if (text === undefined) return fallback;
  const n = Number(text);
  return text.trim() !== "" && Number.isInteger(n) && n >= 0 ? n : undefined;
}

export function serveCommand(argv: string[], io: Io): Outcome {
  const args = readArgs(
    argv,
    {
      ...SUITE_OPTION_SPECS,
      port: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      "max-body": { type: "string" },
      workers: { type: "string" },
      ...REWARD_OPTION_SPECS,
    },
    SERVE_USAGE,
    io,
    { data: "--data DIR" },
  );
  if ("outcome" in args) return args.outcome;
  const { values } = args;
  const port = wholeNumber(values.port, 8000);
  if (port === undefined || port > 65535) return fail(`--port takes a port number, not '${values.port}'`);
  const maxBody = wholeNumber(values["max-body"], 32 * 1024 * 1024);
  if (!maxBody) return fail(`--max-body takes a number of bytes, not '${values["max-body"]}'`);
  const workers = values.workers === "auto" ? availableParallelism() : wholeNumber(values.workers, 0);
  if (workers === undefined) return fail(`--workers takes a number or auto, not '${values.workers}'`);
  const options = rewardOptionsFrom(values);
  if (typeof options === "string") return fail(options);
  let scorers: SuiteScorers;
  let pool: RewardPool | undefined;
  try {
    scorers = SuiteScorers.of(loadSuite(values.data, values.golds ? { golds: values.golds } : {}).entries, options);
    scorers.compileAll();
    const suite = { dir: values.data, ...(values.golds ? { golds: values.golds } : {}) };
    if (workers > 0) pool = new RewardPool({ suite, reward: options, workers });
  } catch (e) {
    if (e instanceof SuiteError || e instanceof RewardOptionsError) return fail(e.message);
    if (e instanceof Error && e.message.startsWith("reward worker script not found")) return fail(e.message);
    throw e;
  }
  const server = createRewardServer({ scorers, maxBodyBytes: maxBody, ...(pool ? { pool } : {}) });
  const stop = () => {
    io.err("toolgrade serve: shutting down\n");
    void server.close().then(() => pool?.close());
  };
  server.listen(port, values.host).then(
    (address) => {
      io.out(`toolgrade serve: ${scorers.size} entries, preset ${options.preset}, listening on http://${address.address}:${address.port}\n`);
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    },
    (e: Error) => {
      io.err(`toolgrade: cannot listen on ${values.host}:${port}: ${e.message}\n`);
      process.exitCode = 2;
      void pool?.close();
    },
  );
  return { kind: "ok" };
}

/** The reward commands, for the command table (commands.ts). */
export const REWARD_COMMANDS: Readonly<Record<string, Command>> = {
  reward: { summary: "score every output of a results file as an RL reward (graded, binary or ToolRL)", run: rewardCommand },
  serve: { summary: "serve rewards over HTTP (POST /reward, OpenRLHF's POST /get_reward)", run: serveCommand },
};
