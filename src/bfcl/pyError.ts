/**
 * A Python exception raised while emulating Python's evaluation (BFCL runs its decoder under
 * Python, so where Python raises, the decode fails). Internal to the BFCL decoder: it is caught
 * and turned into a decode error, never thrown to callers.
 */
export class PyError extends Error {
  constructor(
    /** The Python exception class, e.g. `ZeroDivisionError`. */
    readonly pyType: string,
    message: string,
  ) {
    super(`${pyType}: ${message}`);
  }
}
