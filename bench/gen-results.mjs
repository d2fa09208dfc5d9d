// Writes a BFCL-format results file of N lines by cycling the result lines of a run, for the
// streaming benchmark (a million RL rollouts of the same suite: ids repeat, as `toolgrade reward`
// accepts; `toolgrade score` refuses repeated ids by design).
//
//   node bench/gen-results.mjs --from RESULTS_DIR_OR_FILE --lines 1000000 --out /tmp/results.jsonl
import { closeSync, openSync, readdirSync, readFileSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";

/** The non-blank lines of a result file, or of every result file under a folder (sorted by name). */
export function resultLines(from) {
  const files = [];
  const walk = (p) => {
    if (statSync(p).isFile()) return void files.push(p);
    for (const name of readdirSync(p).sort()) walk(join(p, name));
  };
  walk(from);
  return files.filter((f) => /_result\.jsonl?$|\.jsonl$/.test(f)).flatMap((f) => readFileSync(f, "utf8").split("\n").filter((l) => l.trim() !== ""));
}

/** Writes `lines` result lines cycling through `source`; returns the bytes written. */
export function generateResults(out, lines, source) {
  if (source.length === 0) throw new Error("no result lines to cycle");
  const fd = openSync(out, "w");
  let bytes = 0;
  try {
    let chunk = [];
    let size = 0;
    for (let i = 0; i < lines; i++) {
      const line = `${source[i % source.length]}\n`;
      chunk.push(line);
      size += line.length;
      if (size >= 1 << 22) {
        bytes += writeSync(fd, chunk.join(""));
        chunk = [];
        size = 0;
      }
    }
    if (chunk.length) bytes += writeSync(fd, chunk.join(""));
  } finally {
    closeSync(fd);
  }
  return bytes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { from: { type: "string" }, lines: { type: "string", default: "1000000" }, out: { type: "string" } } });
  if (!values.from || !values.out) {
    console.error("usage: node bench/gen-results.mjs --from RESULTS --lines N --out FILE");
    process.exit(2);
  }
  const bytes = generateResults(values.out, Number(values.lines), resultLines(values.from));
  console.log(`${values.out}: ${Number(values.lines).toLocaleString("en")} lines, ${(bytes / 1e6).toFixed(1)} MB`);
}
