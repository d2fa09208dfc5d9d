/**
 * An immutable token sequence with cheap edits. Error recovery tries many one-token insertions
 * and deletions; copying a multi-megabyte token array for each would dominate the time, so an
 * edit shares the original array and only records where the pieces are.
 */

interface Piece<T> {
  arr: readonly T[];
  from: number;
  to: number;
}

export class TokenSeq<T> {
  private lastPiece = 0;
  private lastStart = 0;

  private constructor(
    private readonly pieces: readonly Piece<T>[],
    readonly length: number,
    /** True once a token has been inserted. */
    readonly edited: boolean,
  ) {}

  /** @example TokenSeq.of([a, b]).get(1) // b */
  static of<T>(arr: readonly T[]): TokenSeq<T> {
    return new TokenSeq([{ arr, from: 0, to: arr.length }], arr.length, false);
  }

  get(i: number): T | undefined {
    if (i < 0 || i >= this.length) return undefined;
    const pieces = this.pieces;
    if (pieces.length === 1) return pieces[0]!.arr[pieces[0]!.from + i];
    // Access is mostly sequential: resume from the last piece when possible.
    let p = this.lastPiece;
    let start = this.lastStart;
    if (i < start) {
      p = 0;
      start = 0;
    }
    for (;;) {
      const piece = pieces[p]!;
      const len = piece.to - piece.from;
      if (i < start + len) {
        this.lastPiece = p;
        this.lastStart = start;
        return piece.arr[piece.from + i - start];
      }
      start += len;
      p++;
    }
  }

  /** A new sequence with `t` inserted before index `at`. */
  insert(at: number, t: T): TokenSeq<T> {
    const pieces = this.cut(at);
    const i = this.pieceIndexAt(pieces, at);
    pieces.splice(i, 0, { arr: [t], from: 0, to: 1 });
    return new TokenSeq(pieces, this.length + 1, true);
  }

  /** A new sequence without the tokens in `[from, to)`. */
  remove(from: number, to: number): TokenSeq<T> {
    const pieces = this.cut(to);
    const cut = new TokenSeq(pieces, this.length, this.edited).cut(from);
    const a = this.pieceIndexAt(cut, from);
    const b = this.pieceIndexAt(cut, to);
    cut.splice(a, b - a);
    return new TokenSeq(cut, this.length - (to - from), this.edited);
  }

  /** Pieces split so that a piece boundary falls at `at`. */
  private cut(at: number): Piece<T>[] {
    const out: Piece<T>[] = [];
    let start = 0;
    for (const piece of this.pieces) {
      const len = piece.to - piece.from;
      if (at > start && at < start + len) {
        const mid = piece.from + (at - start);
        out.push({ arr: piece.arr, from: piece.from, to: mid }, { arr: piece.arr, from: mid, to: piece.to });
      } else out.push(piece);
      start += len;
    }
    return out;
  }

  private pieceIndexAt(pieces: readonly Piece<T>[], at: number): number {
    let start = 0;
    for (let i = 0; i < pieces.length; i++) {
      if (start >= at) return i;
      start += pieces[i]!.to - pieces[i]!.from;
    }
    return pieces.length;
  }
}
