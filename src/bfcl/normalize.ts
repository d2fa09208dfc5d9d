/**
 * BFCL's `standardize_string`: delete every ` ,./-_*^`, lower-case, and turn `'` into `"`.
 * Reproduced exactly, quirks included: `1/2` becomes `12` and `-118.2` becomes `118.2`
 * (bfcl-ast-spec §5.6, §12). The default ruleset does not use it.
 *
 * @example standardizeBfcl("New York, NY") // "newyorkny"
 */
export function standardizeBfcl(s: string): string {
  return s.replace(/[ ,./\-_*^]/g, "").toLowerCase().replaceAll("'", '"');
}
