/**
 * What provider payloads have in common: structured calls and text parts, merged the same way.
 * When a payload has structured calls, its text is ignored (noted); when it has none, its text
 * is read for calls (noted), since models behind APIs sometimes write calls as text (Gemini's
 * fenced `default_api.` code in BFCL results).
 */
import { PyDict, type Value } from "../../value/value.js";
import { callsFromValue } from "./callObject.js";
import type { Ctx, Draft, FormatId, Outcome } from "./diagnostics.js";

/** Parses a text part of a payload (reasoning stripped, whole text chain), with `path` in its diagnostics. */
export type ReadTextPart = (text: string, path: string) => Outcome;

/** Calls and texts collected from a payload. */
export class PayloadParts {
  readonly drafts: Draft[] = [];
  readonly texts: Array<{ text: string; path: string }> = [];
  bad: Outcome | undefined;

  constructor(
    readonly format: FormatId,
    readonly ctx: Ctx,
  ) {}

  /** Adds the calls a call-shaped value describes, or records why it is malformed. */
  call(v: Value, path: string): void {
    const r = callsFromValue(v, this.ctx, { offset: 0, payload: true });
    if (r.ok) {
      for (const d of r.drafts) for (const n of d.repairs) n.path ??= path;
      this.drafts.push(...r.drafts);
    } else this.bad ??= { kind: "malformed", format: this.format, problem: this.ctx.problem(r.code, r.message, 0, path) };
  }

  text(v: Value | undefined, path: string): void {
    if (typeof v === "string" && v.trim() !== "") this.texts.push({ text: v, path });
  }

  reasoning(path: string): void {
    this.ctx.repair("reasoning_removed", path);
  }

  finish(readTextPart: ReadTextPart): Outcome {
    if (this.drafts.length > 0) {
      if (this.bad?.kind === "malformed") this.ctx.repair("call_dropped", this.bad.problem.message);
      if (this.texts.length > 0) this.ctx.repair("text_ignored", this.texts.map((t) => t.path).join(", "));
      return { kind: "calls", format: this.format, drafts: this.drafts };
    }
    if (this.bad) return this.bad;
    let fallback: Outcome | undefined;
    for (const t of this.texts) {
      const o = readTextPart(t.text, t.path);
      if (o.kind === "calls") {
        this.ctx.repair("text_parsed", t.path);
        return o;
      }
      if (o.kind === "malformed") fallback ??= o;
    }
    if (fallback) return fallback;
    return { kind: "no_call", format: this.format, reason: this.texts.length > 0 ? "prose" : "empty_call_list" };
  }
}

/** `d[key]` when `d` is a dict. */
export function field(d: Value | undefined, key: string): Value | undefined {
  return d instanceof PyDict ? d.get(key) : undefined;
}
