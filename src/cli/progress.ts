/**
 * What the CLI knows about the terminal, and a progress bar for long runs. The bar is drawn on
 * stderr only when stderr is a TTY (so logs and pipes stay clean), redrawn at most every
 * {@link REDRAW_MS} and erased when done.
 */
import type { Io } from "./main.js";

export interface Terminal {
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** NO_COLOR is set to a non-empty value (no-color.org). */
  noColor: boolean;
}

/** An `Io` may carry its terminal (tests do); otherwise the process's own streams decide. */
export function terminalOf(io: Io & { terminal?: Terminal }): Terminal {
  if (io.terminal) return io.terminal;
  return {
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    noColor: (process.env.NO_COLOR ?? "") !== "",
  };
}

export interface Progress {
  update(done: number, label: string): void;
  finish(): void;
}

const REDRAW_MS = 80;
const WIDTH = 24;

const SILENT: Progress = { update() {}, finish() {} };

/**
 * @example
 * const bar = progressBar(3641, (s) => process.stderr.write(s), process.stderr.isTTY);
 * bar.update(100, "live_multiple"); bar.finish();
 */
export function progressBar(total: number, write: (s: string) => void, enabled: boolean, now: () => number = Date.now): Progress {
  if (!enabled || total <= 0) return SILENT;
  let last = -Infinity;
  let drawn = false;
  return {
    update(done, label) {
      const t = now();
      if (done < total && t - last < REDRAW_MS) return;
      last = t;
      drawn = true;
      const filled = Math.round((done / total) * WIDTH);
      write(`\r\x1b[Kscoring [${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}] ${done}/${total} ${label}`);
    },
    finish() {
      if (drawn) write("\r\x1b[K");
    },
  };
}
