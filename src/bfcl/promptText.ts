/**
 * The text preparation BFCL's prompt-mode decoders share (bfcl-ast-spec §4.1 steps 1–2): strip
 * runs of backticks, newlines and spaces from both ends, then add a missing leading `[` and a
 * missing trailing `]`. Tabs and `\r` are deliberately not stripped: BFCL does not strip them.
 *
 * @example bfclBracketText("```\nf(a=1)\n```") // "[f(a=1)]"
 */
export function bfclBracketText(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isStripped(text.charCodeAt(start))) start++;
  while (end > start && isStripped(text.charCodeAt(end - 1))) end--;
  let s = text.slice(start, end);
  if (!s.startsWith("[")) s = `[${s}`;
  if (!s.endsWith("]")) s = `${s}]`;
  return s;
}

function isStripped(c: number): boolean {
  return c === 0x60 /* ` */ || c === 0x0a /* \n */ || c === 0x20 /* space */;
}
