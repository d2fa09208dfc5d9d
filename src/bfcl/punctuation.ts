/**
 * Punctuation lookup for the Java and JavaScript lexers: the operator list indexed by first
 * character, so finding the longest operator at a position is one map lookup and a few
 * comparisons rather than a scan of the whole list.
 */
export type PunctIndex = ReadonlyMap<number, readonly string[]>;

/** Indexes `list` (longest operators first) by first character, keeping the list's order. */
export function punctIndex(list: readonly string[]): PunctIndex {
  const m = new Map<number, string[]>();
  for (const p of list) {
    const group = m.get(p.charCodeAt(0));
    if (group) group.push(p);
    else m.set(p.charCodeAt(0), [p]);
  }
  return m;
}

/** The first operator of the list that `src` holds at `i`, ending at or before `to`. */
export function punctAt(index: PunctIndex, src: string, i: number, to: number = src.length): string | undefined {
  const group = index.get(src.charCodeAt(i));
  if (!group) return undefined;
  for (const p of group) if (i + p.length <= to && src.startsWith(p, i)) return p;
  return undefined;
}
