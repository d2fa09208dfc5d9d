/** Error positions as toolgrade reports them: `offset (line:col)`, both 1-based. */

/** @example sourcePosition("a\nbc", 3) // "3 (2:2)" */
export function sourcePosition(src: string, offset: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < src.length; i++) {
    if (src.charCodeAt(i) === 0x0a) {
      line++;
      col = 1;
    } else col++;
  }
  return `${offset} (${line}:${col})`;
}
