/**
 * `--format F[=FILE]` for every command that writes a report: which formats go where, and the
 * writing itself (one renderer table, stdout or files, a write failure as the command's outcome).
 */
import { writeFileSync } from "node:fs";
import { fail, type Io, type Outcome } from "./main.js";
import { terminalOf, type Terminal } from "./progress.js";
import { isOutputFormat, OUTPUT_FORMATS, RENDERERS, type Document, type OutputFormat } from "./render.js";

export interface Output {
  format: OutputFormat;
  file?: string;
}

/** Reads the `--format` specs (default: text to stdout); a string is the usage error. */
export function parseOutputs(specs: readonly string[]): Output[] | string {
  const outputs: Output[] = [];
  for (const spec of specs.length ? specs : ["text"]) {
    const eq = spec.indexOf("=");
    const format = eq < 0 ? spec : spec.slice(0, eq);
    if (!isOutputFormat(format)) return `--format must be one of ${OUTPUT_FORMATS.join(", ")}, not '${format}'`;
    outputs.push(eq < 0 ? { format } : { format, file: spec.slice(eq + 1) });
  }
  if (outputs.filter((o) => !o.file).length > 1) return "only one --format can go to stdout; write the others with --format F=FILE";
  return outputs;
}

/** Renders a document in each requested format, to stdout or a file; a write failure is the outcome. */
export function emit(doc: Document, outputs: readonly Output[], io: Io & { terminal?: Terminal }): Outcome | undefined {
  const terminal = terminalOf(io);
  for (const o of outputs) {
    const text = RENDERERS[o.format](doc, { color: !o.file && terminal.stdoutIsTTY && !terminal.noColor });
    if (!o.file) io.out(text);
    else {
      try {
        writeFileSync(o.file, text);
      } catch (e) {
        return fail(`cannot write ${o.file}: ${(e as Error).message}`);
      }
    }
  }
  return undefined;
}
