/**
 * Calls written as a list of their name and arguments, a form weak models produce when asked for
 * `[func(params)]`: `[f, a=1, b=2]`, `['f', a=1]`, `['f', {'a': 1}]`, `('f', {...})`, several in a
 * row or inside one outer list. Not Python, but not ambiguous either.
 */
import { PyDict, type Value } from "../../value/value.js";
import { matchBracket } from "./brackets.js";
import { isIdentStart, scanDotted } from "./chars.js";
import { note, type Ctx, type Draft, type FormatId, type Outcome, type Repair } from "./diagnostics.js";
import { keywordEnd, looseValue, splitTopLevel } from "./looseArgs.js";
import { isSpace, type Src } from "./source.js";

/**
 * Calls written as lists of their name and arguments: `[f, a=1, b=2]`, `['f', a=1]`,
 * `['f', {'a': 1}]`, several in a row. Not Python, but not ambiguous either.
 *
 * @example readNameLists(Src.of("[lawsuit.find, company='Apple', year=2010]"), ctx, "python") // calls: lawsuit.find(company='Apple', year=2010)
 */
export function readNameLists(t: Src, ctx: Ctx, format: FormatId): Outcome | undefined {
  const drafts = nameListsIn(t, 0, t.length, ctx, 0);
  if (!drafts || drafts.length === 0) return undefined;
  ctx.checkCalls(drafts.length, t.origin(0));
  return { kind: "calls", format, drafts };
}

/** Name lists between `from` and `to`, separated by commas; a list of name lists is flattened. */
function nameListsIn(t: Src, from: number, to: number, ctx: Ctx, depth: number): Draft[] | undefined {
  const text = t.text;
  const drafts: Draft[] = [];
  let i = from;
  for (;;) {
    while (i < to && (isSpace(text.charCodeAt(i)) || text[i] === ",")) i++;
    if (i >= to) return drafts;
    if (text[i] !== "[" && text[i] !== "(") return undefined;
    const m = matchBracket(text, i, { maxDepth: ctx.limits.maxDepth, stop: to });
    if (!m.ok) return undefined;
    const d = nameList(t, i, m.end, ctx) ?? (depth < 2 ? nameListsIn(t, i + 1, m.end - 1, ctx, depth + 1) : undefined);
    if (!d || (Array.isArray(d) && d.length === 0)) return undefined;
    if (Array.isArray(d)) drafts.push(...d);
    else drafts.push(d);
    i = m.end;
  }
}

function nameList(t: Src, open: number, end: number, ctx: Ctx): Draft | undefined {
  const text = t.text;
  const pieces = splitTopLevel(text, open + 1, end - 1, ctx);
  if (!pieces || pieces.length < 2) return undefined;
  let name = text.slice(pieces[0]![0], pieces[0]![1]).trim();
  if ((name.startsWith("'") && name.endsWith("'")) || (name.startsWith('"') && name.endsWith('"'))) name = name.slice(1, -1);
  if (name === "" || !isIdentStart(name.charCodeAt(0)) || scanDotted(name, 0) !== name.length) return undefined;
  const notes: Repair[] = [note("name_list_read", undefined, t.origin(open))];
  const args = new Map<string, Value>();
  const rest = pieces.slice(1).map(([a, b]) => text.slice(a, b).trim());
  if (rest.length === 1 && rest[0]!.startsWith("{")) {
    const v = looseValue(rest[0]!, ctx, notes);
    if (!(v instanceof PyDict)) return undefined;
    for (const [k, x] of v.entries) args.set(typeof k === "string" ? k : String(k), x);
  } else {
    for (const piece of rest) {
      const eq = keywordEnd(piece);
      if (eq < 0) return undefined;
      args.set(piece.slice(0, eq).trim(), looseValue(piece.slice(eq + 1).trim(), ctx, notes));
    }
  }
  return { call: { name, args, positional: [] }, repairs: notes };
}
