// Runs a script as if it were the main module and reports its peak RSS on stderr when it exits
// (`maxrss-kb N`): the benchmark's fallback where /usr/bin/time is not installed.
//
//   node bench/lib/maxrss.mjs dist/cli.js reward --data … --results …
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

process.on("exit", () => process.stderr.write(`maxrss-kb ${process.resourceUsage().maxRSS}\n`));
const script = process.argv[2];
process.argv.splice(1, 2, resolve(script));
await import(pathToFileURL(resolve(script)).href);
