/**
 * The format detector: which reader gets a text, in which order.
 *
 * Formats with a marker (special tokens, tags, fences) come first, in a fixed priority order: the
 * first whose marker is present reads the text, and when it finds nothing the chain goes on.
 * Text without a known marker goes through the plain readers: JSON when the text opens with
 * `{` or `[{`, then Python call syntax (whole text, then calls inside prose), then GLM-4's
 * `name\n{json}`, then JSON call objects inside prose. The first malformed reading is kept and
 * returned when no reading finds calls; no reading at all is "prose", i.e. no call.
 *
 * Markers are found with `indexOf`; nothing here runs a regular expression over the output.
 */
import type { Ctx, FormatId, Outcome } from "../scan/diagnostics.js";
import { cannotHoldPythonCalls, readPythonCalls } from "../scan/pythonCalls.js";
import type { Src } from "../scan/source.js";
import { deepseek, deepseekDsml } from "./deepseek.js";
import { fence } from "./fence.js";
import { readGlmCalls } from "./glm.js";
import { granite } from "./granite.js";
import { harmony } from "./harmony.js";
import { hermes } from "./hermes.js";
import { readJsonCalls, scanJsonCalls } from "./json.js";
import { kimi } from "./kimi.js";
import { lfm2 } from "./lfm2.js";
import { llamaFunction, llamaPythonTag } from "./llama.js";
import { mistral } from "./mistral.js";
import { phi4 } from "./phi4.js";
import { qwen3Coder } from "./qwen3Coder.js";

/**
 * Reads a piece of text with the whole chain. `label` renames the plain formats (`python`,
 * `json`, `glm`) to the format of the block they were found in (`hermes`, `lfm2`…).
 */
export type ReadText = (src: Src, ctx: Ctx, label?: FormatId) => Outcome;

/** A text format with a marker. */
export interface TextFormat {
  id: FormatId;
  /** Whether the text carries this format's marker (a cheap `includes`). */
  detect(text: string): boolean;
  /** Every marker of the format holds a `<`: text without one is not this format (checked once per text). */
  tagged?: boolean;
  /** Reads the text; `none` lets the chain go on. */
  read(src: Src, ctx: Ctx, readText: ReadText): Outcome;
}

/** Marker formats, in priority order. */
export const TEXT_FORMATS: readonly TextFormat[] = [
  harmony,
  deepseek,
  deepseekDsml,
  kimi,
  mistral,
  phi4,
  lfm2,
  hermes,
  qwen3Coder,
  llamaFunction,
  granite,
  llamaPythonTag,
  fence,
];

/**
 * Reads calls from text that reasoning and template tokens were already removed from.
 *
 * @example readText(Src.of('<tool_call>{"name": "f", "arguments": {}}</tool_call>'), ctx) // calls, format "hermes"
 */
export const readText: ReadText = (src, ctx, label) => {
  const t = src.trim();
  if (t.length === 0) return { kind: "none" };
  let bad: Outcome | undefined;
  const hasTag = t.text.includes("<");
  for (const f of TEXT_FORMATS) {
    if (!detects(f, t.text, hasTag)) continue;
    const mark = ctx.mark();
    const o = f.read(t, ctx, readText);
    if (o.kind === "calls" || o.kind === "no_call") return o;
    if (o.kind === "malformed") {
      bad ??= o;
      ctx.rollback(mark);
      continue;
    }
    ctx.rollback(mark);
  }
  const plain = readPlain(t, ctx, label);
  if (plain.kind !== "none") {
    if (plain.kind === "malformed" && bad) return bad;
    return plain;
  }
  return bad ?? { kind: "none" };
};

/**
 * Whether a format with a marker other than fences reads the text before {@link readText}'s
 * fence reader or plain readers would (`text` trimmed, reasoning and template tokens gone): for
 * the fast readers, which read only what reaches those.
 *
 * @example holdsFormatMarker("```python\n[f(a=1)]\n```\nIf x < 5, …") // false
 */
export function holdsFormatMarker(text: string): boolean {
  const hasTag = text.includes("<");
  for (const f of TEXT_FORMATS) if (f !== fence && detects(f, text, hasTag)) return true;
  return false;
}

/** Whether the format's marker is in the text (`hasTag`: the text holds a `<`, checked once). */
function detects(f: TextFormat, text: string, hasTag: boolean): boolean {
  return (!f.tagged || hasTag) && f.detect(text);
}

const NONE: Outcome = { kind: "none" };

/** The plain readers: JSON, Python calls, GLM-4, JSON objects in prose. */
function readPlain(t: Src, ctx: Ctx, label: FormatId | undefined): Outcome {
  let bad: Outcome | undefined;
  const relabel = (o: Outcome): Outcome => (label && (o.kind === "calls" || o.kind === "no_call" || o.kind === "malformed") ? { ...o, format: label } : o);
  const readers: Array<() => Outcome> = [
    () => readJsonCalls(t, ctx),
    () => (ctx.options.fast && cannotHoldPythonCalls(t.text, ctx.limits.maxDepth) ? NONE : readPythonCalls(t, ctx)),
    () => readGlmCalls(t, ctx),
    () => scanJsonCalls(t, ctx),
  ];
  for (const read of readers) {
    const mark = ctx.mark();
    const o = read();
    if (o.kind === "calls" || o.kind === "no_call") return relabel(o);
    // Text that opens as JSON and that no JSON, JavaScript or Python reading accepts is final.
    if (o.kind === "malformed" && read === readers[0]) return relabel(o);
    ctx.rollback(mark);
    if (o.kind === "malformed") bad ??= o;
  }
  return bad ? relabel(bad) : { kind: "none" };
}
