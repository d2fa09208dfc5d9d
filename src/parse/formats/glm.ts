/**
 * GLM-4 (glm-4-9b-chat): the function name on its own line, the arguments as JSON on the next.
 *
 * The name is a dotted identifier standing alone on its line (after backticks, `*` or a
 * `label:`, e.g. right after a closing fence), directly followed by a line that opens a JSON
 * object which reads as an object. Glued to the end of a sentence (`…calculate it.get_area`) it
 * counts only when a function doc names it. Several name/object pairs are several calls.
 *
 * @example get_weather\n{"city": "Paris"}
 */
import { PyDict } from "../../value/value.js";
import { makeCall } from "../scan/callObject.js";
import type { Ctx, Draft, Outcome, Repair } from "../scan/diagnostics.js";
import { readValueAt } from "../scan/jsonish.js";
import { isIdentPart, isIdentStart, snippet } from "../scan/chars.js";
import type { Src } from "../scan/source.js";

/**
 * The name/object pairs in `src`; `none` when there are none.
 *
 * @example readGlmCalls(Src.of('get_weather\n{"city": "Paris"}'), ctx) // calls: get_weather(city='Paris')
 */
export function readGlmCalls(src: Src, ctx: Ctx): Outcome {
  const text = src.text;
  const drafts: Draft[] = [];
  const spans: Array<[number, number]> = [];
  const fenceOpeners = openingFences(text);
  let nl = text.indexOf("\n");
  while (nl >= 0) {
    const found = nameEndingAt(text, nl, ctx.options.docs);
    // "```json\n{" names the fence's language, not a function.
    const name = found && !fenceOpeners.has(found.start) ? found : undefined;
    let j = nl + 1;
    while (j < text.length && (text[j] === " " || text[j] === "\t" || text[j] === "\r")) j++;
    if (name && text[j] === "{" && ctx.attempts > 0) {
      ctx.attempts--;
      const mark = ctx.mark();
      const notes: Repair[] = [];
      const v = readValueAt(src, j, ctx, notes);
      if (v.ok && v.value instanceof PyDict) {
        drafts.push({ call: makeCall(name.name, v.value, []), repairs: notes });
        ctx.checkCalls(drafts.length, src.origin(name.start));
        spans.push([name.start, v.end]);
        nl = text.indexOf("\n", v.end);
        continue;
      }
      ctx.rollback(mark);
    }
    nl = text.indexOf("\n", nl + 1);
  }
  if (drafts.length === 0) return { kind: "none" };
  let prose = "";
  let at = 0;
  for (const [a, b] of spans) {
    prose += text.slice(at, a).replace(/`/g, "").trim();
    at = b;
  }
  prose += text.slice(at).trim();
  if (prose !== "") ctx.repair("prose_ignored", snippet(prose), src.origin(0));
  if (drafts.length > 1) ctx.repair("calls_split", "newline", src.origin(spans[1]![0]));
  return { kind: "calls", format: "glm", drafts };
}

/**
 * The dotted name that ends the line ending at `nl`. It must stand alone on its line (after
 * backticks, `*` or a `label:`); a name glued to prose (`…the derivative.calculus_derivative`) is
 * accepted only when function docs are given and a dotted suffix of it names a documented function.
 */
function nameEndingAt(text: string, nl: number, docNames: ReadonlyMap<string, unknown> | undefined): { name: string; start: number } | undefined {
  let end = nl;
  while (end > 0 && (text[end - 1] === " " || text[end - 1] === "\t" || text[end - 1] === "\r")) end--;
  let start = end;
  while (start > 0 && (isIdentPart(text.charCodeAt(start - 1)) || text[start - 1] === ".")) start--;
  while (start < end && !isIdentStart(text.charCodeAt(start))) start++;
  if (start >= end || text[end - 1] === ".") return undefined;
  const name = text.slice(start, end);
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const prefix = text.slice(lineStart, start).trim();
  if (prefix === "" || /^[`*]+$/.test(prefix) || prefix.endsWith(":")) return { name, start };
  if (!docNames) return undefined;
  if (docNames.has(name)) return { name, start };
  for (let dot = name.indexOf("."); dot >= 0; dot = name.indexOf(".", dot + 1)) {
    const tail = name.slice(dot + 1);
    if (docNames.has(tail)) return { name: tail, start: start + dot + 1 };
  }
  return undefined;
}

/** Offsets just past each opening ``` (the first, third, … fence marker), where a language tag starts. */
function openingFences(text: string): Set<number> {
  const out = new Set<number>();
  let opening = true;
  for (let i = text.indexOf("```"); i >= 0; ) {
    let e = i;
    while (text.charCodeAt(e) === 0x60) e++;
    if (opening) out.add(e);
    opening = !opening;
    i = text.indexOf("```", e);
  }
  return out;
}
