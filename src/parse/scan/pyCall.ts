/**
 * A parsed Python call node as a call: the callee's dotted name (without an API namespace such as
 * `default_api.`), keyword arguments in the order written, positional arguments kept apart, and
 * the wrappers models put around the call they mean (`print(f(...))`, `f(...)()`,
 * `f(...).get("x")`) taken off, each with a note.
 */
import type { Call as CallNode } from "../python/ast.js";
import { SPREAD_KEY } from "../../types.js";
import type { Value } from "../../value/value.js";
import { note, type Ctx, type Draft, type Repair } from "./diagnostics.js";
import { dottedName, pyValue } from "./pyValue.js";
import type { Src } from "./source.js";

/** Name prefixes that are an API namespace, not part of the function name. */
export const NAMESPACES: readonly string[] = ["default_api."];

/**
 * The draft for a parsed call node: `print(f(...))` unwrapped, `default_api.` dropped, values
 * read with {@link pyValue}. Undefined when the callee is not a (dotted) name.
 *
 * @example draftFromCall(parse("print(default_api.f(a=x))"), src, ctx) // f(a='x') with print_unwrapped, namespace_stripped, name_as_text
 */
export function draftFromCall(node: CallNode, t: Src, ctx: Ctx): Draft | undefined {
  const notes: Repair[] = [];
  while (
    node.func.type === "Name" &&
    node.func.id === "print" &&
    node.args.length === 1 &&
    node.keywords.length === 0 &&
    node.args[0]!.type === "Call"
  ) {
    notes.push(note("print_unwrapped", undefined, t.origin(node.start)));
    node = node.args[0] as CallNode;
  }
  // f(a=1)() and f(a=1).get("x"): the call the model meant is f(a=1).
  for (;;) {
    const f = node.func;
    const inner = f.type === "Call" ? f : f.type === "Attribute" && f.value.type === "Call" ? f.value : undefined;
    if (!inner) break;
    notes.push(note("call_suffix_ignored", t.text.slice(inner.end, node.end).slice(0, 40), t.origin(inner.end)));
    node = inner;
  }
  const dotted = dottedName(node.func);
  if (dotted === undefined) return undefined;
  const src = t.text;
  const positional = node.args.map((a) => pyValue(a, src, notes));
  const args = new Map<string, Value>();
  for (const kw of node.keywords) args.set(kw.arg ?? SPREAD_KEY, pyValue(kw.value, src, notes));
  const name = stripNamespace(dotted, notes, ctx, t.origin(node.start));
  return { call: { name, args, positional }, repairs: notes };
}

/**
 * `name` without a namespace prefix such as `default_api.`, noted; kept when a doc has the full name.
 *
 * @example stripNamespace("default_api.get_weather", notes, ctx, 0) // "get_weather"
 */
export function stripNamespace(name: string, notes: Repair[], ctx: Ctx, offset: number): string {
  for (const ns of NAMESPACES) {
    if (name.startsWith(ns) && name.length > ns.length && !ctx.options.docs?.has(name)) {
      notes.push(note("namespace_stripped", ns, offset));
      return name.slice(ns.length);
    }
  }
  return name;
}
