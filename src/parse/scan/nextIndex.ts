/**
 * Repeated forward searches for one token, in amortized linear time.
 *
 * `text.indexOf(token, from)` in a loop is quadratic when the token is missing (each search runs
 * to the end). This remembers the last answer: a search from a later position that the answer
 * still covers costs nothing.
 */
export class NextIndex {
  /** The first occurrence at or after `searchedFrom`, or -1 when there is none. */
  private found = -1;
  private searchedFrom = Number.POSITIVE_INFINITY;

  constructor(
    private readonly text: string,
    private readonly token: string,
  ) {}

  /**
   * `text.indexOf(token, from)`.
   *
   * @example const f = new NextIndex("a<b<c", "<"); f.from(0) // 1; f.from(2) // 3; f.from(4) // -1
   */
  from(from: number): number {
    if (from >= this.searchedFrom && (this.found === -1 || this.found >= from)) return this.found;
    this.searchedFrom = from;
    this.found = this.text.indexOf(this.token, from);
    return this.found;
  }
}
