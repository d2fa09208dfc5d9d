/**
 * Reads a text file line by line in fixed-size chunks, so a result file of any size never sits
 * in memory whole (the CLI and the streaming result reader use it; suite files stay whole-file
 * reads, they are small).
 *
 * Lines are cut on the byte 0x0A, which never occurs inside a multi-byte UTF-8 sequence, so
 * every chunk checked is complete UTF-8 on its own. Each chunk is validated strictly
 * (`buffer.isUtf8`, which allocates nothing); when one fails, its lines are checked one by one
 * to name the line that holds the bad byte. Lines are then decoded one at a time as they are
 * taken: a string per line that dies young, rather than a chunk-sized string and an array of
 * its lines that outlive many collections and pile up in the old generation (a million-line
 * file otherwise costs hundreds of MB of RSS). A byte order mark is dropped only at the start of
 * the file.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { isUtf8 } from "node:buffer";
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
  let line = 0;
  for (const chunk of readChunks(file, options)) {
    const texts = linesOf(chunk, file, line);
    for (const text of texts) yield { line: ++line, text };
  }
}

/**
 * The file's bytes in chunks that each end on a line boundary (the `\n` itself left out), a
 * byte order mark at the start dropped. The chunk is a view into a buffer that is reused: read
 * it before taking the next one.
 */
export function* readChunks(file: string, options: ReadLinesOptions = {}): Generator<Buffer> {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    throw new SuiteError(file, 0, `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let buf = Buffer.allocUnsafe(Math.max(16, options.chunkSize ?? DEFAULT_CHUNK));
  let filled = 0;
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
      yield buf.subarray(start, cut);
      if (n === 0) return;
      buf.copy(buf, 0, cut + 1, end);
      filled = end - cut - 1;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The lines of bytes that end on a line boundary, decoded strictly as UTF-8; a bad byte is a
 * SuiteError naming its line (`before` lines precede the bytes). Lazy: each string is made
 * when it is taken.
 */
export function* linesOf(bytes: Uint8Array, file: string, before: number): Generator<string> {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buf)) throw new SuiteError(file, badLine(buf, before), "the file is not valid UTF-8");
  for (let at = 0; at <= buf.length; ) {
    let stop = buf.indexOf(0x0a, at);
    if (stop < 0) stop = buf.length;
    yield buf.toString("utf8", at, stop);
    at = stop + 1;
  }
}

/**
 * Line-aligned batches of a file's bytes, each a fresh copy that can be transferred to a worker
 * thread, with the number of the line before it: about `batchBytes` each.
 */
export function* readBatches(file: string, batchBytes: number, options: ReadLinesOptions = {}): Generator<{ before: number; bytes: Uint8Array }> {
  let line = 0;
  for (const chunk of readChunks(file, options)) yield* cutBatches(chunk, batchBytes, () => line, (n) => (line += n));
}

/** The same batches of text already in memory (standard input). */
export function* textBatches(text: string, batchBytes: number): Generator<{ before: number; bytes: Uint8Array }> {
  let line = 0;
  const bytes = Buffer.from(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (bytes.length === 0) return;
  yield* cutBatches(bytes.at(-1) === 0x0a ? bytes.subarray(0, -1) : bytes, batchBytes, () => line, (n) => (line += n));
}

function* cutBatches(chunk: Buffer, batchBytes: number, line: () => number, advance: (n: number) => void): Generator<{ before: number; bytes: Uint8Array }> {
  for (let at = 0; at <= chunk.length; ) {
    let stop = at + batchBytes >= chunk.length ? chunk.length : chunk.indexOf(0x0a, at + batchBytes);
    if (stop < 0) stop = chunk.length;
    const bytes = new Uint8Array(stop - at);
    bytes.set(chunk.subarray(at, stop));
    let lines = 1;
    for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) lines++;
    yield { before: line(), bytes };
    advance(lines);
    at = stop + 1;
  }
}

/** The number of the first line of a chunk that is not valid UTF-8 (`before` lines precede the chunk). */
function badLine(bytes: Uint8Array, before: number): number {
  let line = before;
  for (let start = 0; start <= bytes.length; ) {
    line++;
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    if (!isUtf8(bytes.subarray(start, end))) return line;
    start = end + 1;
  }
  return line;
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
