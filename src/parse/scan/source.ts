/**
 * Text under repair, with the way back to the original output.
 *
 * Every repair the parser makes (reasoning cut off, a fence opened, `\_` unescaped, a closer
 * appended) produces a new {@link Src}; each character of it remembers the offset it came from,
 * so an error found after three repairs still points into what the model wrote. Characters the
 * parser inserted map to the position they were inserted at.
 *
 * The mapping is kept as runs, not per character: a run of copied text maps to consecutive
 * original offsets, a run of inserted text to one offset. An edit or a slice costs the number of
 * runs it touches plus the string work, never a pass over every character; `origin(i)` is a
 * binary search over the runs.
 */

import { lastAtOrBefore } from "../../value/sorted.js";

/**
 * Runs of the mapping, sorted by `at`: position `i` with `at[k] <= i < at[k + 1]` maps to
 * `from[k] + (i - at[k])` when `step[k]` is 1 (copied text), to `from[k]` when 0 (inserted).
 */
interface Runs {
  readonly at: readonly number[];
  readonly from: readonly number[];
  readonly step: readonly (0 | 1)[];
}

class RunBuilder {
  readonly at: number[] = [];
  readonly from: number[] = [];
  readonly step: (0 | 1)[] = [];
  size = 0;

  /** Appends `length` positions mapping from `origin` (onward when `step` is 1). */
  push(length: number, origin: number, step: 0 | 1): void {
    if (length <= 0) return;
    const k = this.at.length - 1;
    // Extend the last run when this one continues it.
    if (k >= 0 && step === 1 && this.step[k] === 1 && this.from[k]! + (this.size - this.at[k]!) === origin) {
      this.size += length;
      return;
    }
    if (k >= 0 && step === 0 && this.step[k] === 0 && this.from[k] === origin) {
      this.size += length;
      return;
    }
    this.at.push(this.size);
    this.from.push(origin);
    this.step.push(step);
    this.size += length;
  }
}

/** Text plus, for each UTF-16 unit, its offset in the original output. */
export class Src {
  /**
   * @param text the current text
   * @param base offset of `text[0]` in the original, used while the mapping is the identity
   * @param runs the mapping as runs, once an edit made it non-trivial
   */
  private constructor(
    readonly text: string,
    private readonly base: number,
    private readonly runs: Runs | undefined,
    /** Offset just past the end of the original text this covers (for the end position). */
    private readonly endOrigin: number,
    /**
     * The whole string `text` was cut from, and where: `text` is `root.slice(rootStart,
     * rootStart + text.length)`. The root is the output, or the text an edit built.
     */
    readonly root: string = text,
    readonly rootStart: number = 0,
  ) {}

  /** Wraps an original output. */
  static of(text: string): Src {
    return new Src(text, 0, undefined, text.length);
  }

  /** Where {@link text} lies in {@link root}: `[rootStart, rootEnd)`. */
  get rootEnd(): number {
    return this.rootStart + this.text.length;
  }

  get length(): number {
    return this.text.length;
  }

  /** Offset in the original output of position `i` of this text (`i` may equal the length). */
  origin(i: number): number {
    if (i < 0) i = 0;
    if (i >= this.text.length) return this.endOrigin;
    const runs = this.runs;
    if (!runs) return this.base + i;
    const k = runAt(runs, i);
    return runs.step[k] === 1 ? runs.from[k]! + (i - runs.at[k]!) : runs.from[k]!;
  }

  /** `text.slice(from, to)`, keeping the mapping. */
  slice(from: number, to: number = this.text.length): Src {
    from = Math.max(0, Math.min(from, this.text.length));
    to = Math.max(from, Math.min(to, this.text.length));
    const endOrigin = to >= this.text.length ? this.endOrigin : this.origin(to);
    if (!this.runs) return new Src(this.text.slice(from, to), this.base + from, undefined, endOrigin, this.root, this.rootStart + from);
    const b = new RunBuilder();
    this.copyRuns(b, from, to);
    return new Src(this.text.slice(from, to), 0, b, endOrigin, this.root, this.rootStart + from);
  }

  /** The slice without leading and trailing whitespace (Unicode `\s`, as `String#trim`). */
  trim(): Src {
    let a = 0;
    let b = this.text.length;
    while (a < b && isSpace(this.text.charCodeAt(a))) a++;
    while (b > a && isSpace(this.text.charCodeAt(b - 1))) b--;
    return a === 0 && b === this.text.length ? this : this.slice(a, b);
  }

  /**
   * Applies edits `[from, to, replacement]` (sorted, non-overlapping). Replacement text maps to
   * the original offset of `from`.
   *
   * @example Src.of("get\\_x()").edit([[3, 5, "_"]]).text // "get_x()"
   */
  edit(edits: ReadonlyArray<readonly [number, number, string]>): Src {
    if (edits.length === 0) return this;
    const parts: string[] = [];
    const b = new RunBuilder();
    let pos = 0;
    for (const [from, to, r] of edits) {
      parts.push(this.text.slice(pos, from), r);
      this.copyRuns(b, pos, from);
      b.push(r.length, this.origin(from), 0);
      pos = to;
    }
    parts.push(this.text.slice(pos));
    this.copyRuns(b, pos, this.text.length);
    return new Src(parts.join(""), 0, b, this.endOrigin);
  }

  /** This text followed by `suffix` (inserted text, mapped to the end). */
  append(suffix: string): Src {
    return this.edit([[this.text.length, this.text.length, suffix]]);
  }

  /** Appends the mapping of positions `[from, to)` of this text to `b`. */
  private copyRuns(b: RunBuilder, from: number, to: number): void {
    if (from >= to) return;
    const runs = this.runs;
    if (!runs) {
      b.push(to - from, this.base + from, 1);
      return;
    }
    for (let k = runAt(runs, from); k < runs.at.length && runs.at[k]! < to; k++) {
      const start = Math.max(from, runs.at[k]!);
      const end = Math.min(to, k + 1 < runs.at.length ? runs.at[k + 1]! : this.text.length);
      const step = runs.step[k]!;
      b.push(end - start, step === 1 ? runs.from[k]! + (start - runs.at[k]!) : runs.from[k]!, step);
    }
  }
}

/** The run holding position `i`: the last with `at <= i`. */
function runAt(runs: Runs, i: number): number {
  return lastAtOrBefore(runs.at, i);
}

/** JavaScript's `\s` set, as `String#trim` uses it. */
export function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Past the whitespace (JavaScript's `\s`) at `from`, stopping at `to`: where `text.slice(from, to).trim()` starts, or `to`. */
export function skipSpaces(text: string, from: number, to: number = text.length): number {
  while (from < to && isSpace(text.charCodeAt(from))) from++;
  return from;
}

/** The end of `[from, to)` without trailing whitespace (JavaScript's `\s`). */
export function trimmedEnd(text: string, from: number, to: number): number {
  while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
  return to;
}
