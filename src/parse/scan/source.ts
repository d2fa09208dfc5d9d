/**
 * Text under repair, with the way back to the original output.
 *
 * Every repair the parser makes (reasoning cut off, a fence opened, `\_` unescaped, a closer
 * appended) produces a new {@link Src}; each character of it remembers the offset it came from,
 * so an error found after three repairs still points into what the model wrote. Characters the
 * parser inserted map to the position they were inserted at.
 */

/** Text plus, for each UTF-16 unit, its offset in the original output. */
export class Src {
  /**
   * @param text the current text
   * @param base offset of `text[0]` in the original, used while the mapping is the identity
   * @param origins per-unit original offsets, once an edit made the mapping non-trivial
   */
  private constructor(
    readonly text: string,
    private readonly base: number,
    private readonly origins: Int32Array | undefined,
    /** Offset just past the end of the original text this covers (for the end position). */
    private readonly endOrigin: number,
  ) {}

  /** Wraps an original output. */
  static of(text: string): Src {
    return new Src(text, 0, undefined, text.length);
  }

  get length(): number {
    return this.text.length;
  }

  /** Offset in the original output of position `i` of this text (`i` may equal the length). */
  origin(i: number): number {
    if (i >= this.text.length) return this.endOrigin;
    if (i < 0) i = 0;
    return this.origins ? this.origins[i]! : this.base + i;
  }

  /** `text.slice(from, to)`, keeping the mapping. */
  slice(from: number, to: number = this.text.length): Src {
    from = Math.max(0, Math.min(from, this.text.length));
    to = Math.max(from, Math.min(to, this.text.length));
    const endOrigin = to >= this.text.length ? this.endOrigin : this.origin(to);
    if (!this.origins) return new Src(this.text.slice(from, to), this.base + from, undefined, endOrigin);
    return new Src(this.text.slice(from, to), 0, this.origins.slice(from, to), endOrigin);
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
    let size = this.text.length;
    for (const [a, b, r] of edits) size += r.length - (b - a);
    const origins = new Int32Array(size);
    let out = 0;
    let pos = 0;
    const copy = (from: number, to: number) => {
      parts.push(this.text.slice(from, to));
      for (let i = from; i < to; i++) origins[out++] = this.origin(i);
    };
    for (const [a, b, r] of edits) {
      copy(pos, a);
      parts.push(r);
      const at = this.origin(a);
      for (let i = 0; i < r.length; i++) origins[out++] = at;
      pos = b;
    }
    copy(pos, this.text.length);
    return new Src(parts.join(""), 0, origins, this.endOrigin);
  }

  /** This text followed by `suffix` (inserted text, mapped to the end). */
  append(suffix: string): Src {
    return this.edit([[this.text.length, this.text.length, suffix]]);
  }
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
