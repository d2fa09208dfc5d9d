/**
 * Syntax errors of the Python parser, as data.
 *
 * Inside the tokenizer and parser an error unwinds through a private exception (the acorn way:
 * one `raise`, no error plumbing through every rule); the public entry points catch it and
 * return `{ok: false, error}`, so nothing escapes to callers.
 */

/** A syntax error at a source offset; `line` is 1-based and `col` 0-based (acorn's convention). */
export interface PySyntaxError {
  /** The reason followed by the position, e.g. `"unexpected ')' (1:14)"`. */
  message: string;
  offset: number;
  line: number;
  col: number;
}

/** Thrown inside the parser only; converted to {@link PySyntaxError} at the API boundary. */
export class SyntaxErrorSignal {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {}
}

/** Throws a {@link SyntaxErrorSignal}; typed `never` so callers can write `return fail(...)`. */
export function fail(reason: string, offset: number): never {
  throw new SyntaxErrorSignal(reason, offset);
}

/**
 * Builds the error record for `reason` at `offset` in `src`. `\r\n`, `\r` and `\n` all end a
 * line, as in Python.
 *
 * @example syntaxError("a\n)", "unexpected ')'", 2) // {message: "unexpected ')' (2:0)", line: 2, col: 0, offset: 2}
 */
export function syntaxError(src: string, reason: string, offset: number): PySyntaxError {
  let line = 1;
  let lineStart = 0;
  const stop = Math.min(offset, src.length);
  for (let i = 0; i < stop; i++) {
    const c = src.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && src.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  const col = offset - lineStart;
  return { message: `${reason} (${line}:${col})`, offset, line, col };
}
