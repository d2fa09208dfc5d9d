/**
 * Node text the way BFCL's tree-sitter decoders read it.
 *
 * The JavaScript decoder uses `node.text` (UTF-8 bytes, decoded): the exact source. The Java
 * decoder slices the Python *string* with the node's *byte* offsets
 * (`source_code[node.start_byte:node.end_byte]`), so after any non-ASCII character its texts
 * shift right. Both are reproduced; for ASCII input they agree.
 */

/** Text of `src[start, end)` (UTF-16 offsets), read the way BFCL's Java decoder reads it. */
export class ByteSlicedText {
  private readonly ascii: boolean;
  private codePoints: string[] | undefined;
  private byteAt: Int32Array | undefined;

  constructor(private readonly src: string) {
    // eslint-disable-next-line no-control-regex
    this.ascii = /^[\x00-\x7f]*$/.test(src);
  }

  /** `source_code[start_byte:end_byte]` with Python's code-point indexing. */
  slice(start: number, end: number): string {
    if (this.ascii) return this.src.slice(start, end);
    if (!this.byteAt) this.index();
    const from = this.byteAt![start]!;
    const to = this.byteAt![end]!;
    return this.codePoints!.slice(from, to).join("");
  }

  private index(): void {
    this.codePoints = Array.from(this.src);
    const at = new Int32Array(this.src.length + 1);
    let bytes = 0;
    for (let i = 0; i < this.src.length; i++) {
      at[i] = bytes;
      const c = this.src.charCodeAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
    }
    at[this.src.length] = bytes;
    this.byteAt = at;
  }
}

/** Python refuses to UTF-8-encode a lone surrogate; BFCL's decoders then raise. */
export function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}
