/**
 * Reads a text file line by line in fixed-size chunks, so a result file of any size never sits
 * in memory whole (the CLI and the streaming result reader use it; suite files stay whole-file
 * reads, they are small).
 *
 * Lines are cut on the byte 0x0A, which never occurs inside a multi-byte UTF-8 sequence, so
 * every chunk handed to the decoder ends on a line boundary and is complete UTF-8 on its own.
 * Each chunk is decoded strictly (`fatal: true`); when a chunk fails, its lines are decoded one
 * by one to name the line that holds the bad byte. A byte order mark is dropped only at the
 * start of the file.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { TextDecoder } from "node:util";
import { SuiteError } from "./parseSuite.js";

/** One line of text (without its `\n`) and its 1-based line number. */
export interface TextLine {
  line: number;
  text: string;
}

export interface ReadLinesOptions {
  /** Bytes read at a time (default 1 MiB); a longer line grows the buffer to fit. */
  chunkSize?: number;
}

const DEFAULT_CHUNK = 1 << 20;

/**
 * @example for (const { line, text } of readLines("BFCL_v4_simple_python_result.json")) console.log(line, text.length);
 */
export function* readLines(file: string, options: ReadLinesOptions = {}): Generator<TextLine> {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    throw new SuiteError(file, 0, `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let buf = Buffer.allocUnsafe(Math.max(16, options.chunkSize ?? DEFAULT_CHUNK));
  let filled = 0;
  let line = 0;
  let first = true;
  try {
    for (;;) {
      if (filled === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = bigger;
      }
      const n = readSync(fd, buf, filled, buf.length - filled, null);
      const end = filled + n;
      // At the end of the file what is left is the last line, with no \n after it.
      if (n === 0 && end === 0) return;
      const cut = n === 0 ? end : buf.lastIndexOf(0x0a, end - 1);
      if (cut < 0) {
        filled = end;
        continue;
      }
      let start = 0;
      if (first && cut >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
      first = false;
      for (const text of decodeLines(decoder, buf.subarray(start, cut), file, line)) yield { line: ++line, text };
      if (n === 0) return;
      buf.copy(buf, 0, cut + 1, end);
      filled = end - cut - 1;
    }
  } finally {
    closeSync(fd);
  }
}

/** The lines of a chunk that ends on a line boundary; a bad byte names its line. */
function decodeLines(decoder: TextDecoder, bytes: Uint8Array, file: string, before: number): string[] {
  try {
    return decoder.decode(bytes).split("\n");
  } catch {
    let start = 0;
    let line = before;
    for (;;) {
      line++;
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      try {
        decoder.decode(bytes.subarray(start, end));
      } catch {
        throw new SuiteError(file, line, "the file is not valid UTF-8");
      }
      start = end + 1;
    }
  }
}

/**
 * Counts the lines of a file without decoding it (for a progress bar's total).
 *
 * @example countLines("results.jsonl") // 3641
 */
export function countLines(file: string): number {
  const fd = openSync(file, "r");
  const buf = Buffer.allocUnsafe(DEFAULT_CHUNK);
  let count = 0;
  let last = 0x0a;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      for (let i = buf.indexOf(0x0a); i >= 0 && i < n; i = buf.indexOf(0x0a, i + 1)) count++;
      last = buf[n - 1]!;
    }
  } finally {
    closeSync(fd);
  }
  return last === 0x0a ? count : count + 1;
}

/**
 * The lines of text already in memory (standard input), numbered as {@link readLines} numbers
 * a file's: a byte order mark dropped at the start, `\r` kept.
 *
 * @example [...textLines("a\nb")] // [{line: 1, text: "a"}, {line: 2, text: "b"}]
 */
export function* textLines(text: string): Generator<TextLine> {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    yield { line: ++line, text: text.slice(start, end) };
    start = end + 1;
  }
}
