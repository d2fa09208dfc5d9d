/**
 * gpt-oss Harmony: messages `<|start|>role<|channel|>channel to=recipient <|constrain|>json<|message|>body<|call|>`.
 * A message addressed `to=functions.name` is a call whose body holds the JSON arguments; the
 * `analysis` channel is reasoning; a `final` or `commentary` message without recipient is text,
 * read for calls only when no message is addressed to a function.
 *
 * @example <|channel|>commentary to=functions.get_weather <|constrain|>json<|message|>{"city":"Paris"}<|call|>
 */
import { PyDict } from "../../value/value.js";
import { mergeBlocks } from "../scan/blocks.js";
import { makeCall } from "../scan/callObject.js";
import type { Ctx, Outcome, Repair } from "../scan/diagnostics.js";
import { readValueAt } from "../scan/jsonish.js";
import { NextIndex } from "../scan/nextIndex.js";
import type { Src } from "../scan/source.js";
import type { ReadText, TextFormat } from "./detect.js";
import { toolName } from "./kimi.js";

const MESSAGE = "<|message|>";
const CHANNEL = "<|channel|>";
/** Tokens that end a message body; `<|start|>` and `<|channel|>` begin the next header. */
const BODY_ENDS = ["<|call|>", "<|end|>", "<|return|>", "<|start|>", CHANNEL];
/** Text messages read for calls, at most. */
const MAX_TEXTS = 16;

export const harmony: TextFormat = {
  tagged: true,
  id: "harmony",
  detect: (text) => text.includes(MESSAGE) && (text.includes(CHANNEL) || text.includes(" to=")),
  read(src, ctx, readText) {
    const text = src.text;
    const calls: Array<{ outcome: Outcome; at: number }> = [];
    const texts: Array<{ src: Src; at: number }> = [];
    const messages = new NextIndex(text, MESSAGE);
    const ends = BODY_ENDS.map((e) => [e, new NextIndex(text, e)] as const);
    let headerStart = 0;
    let m = messages.from(0);
    while (m >= 0) {
      const header = text.slice(headerStart, m);
      const bodyStart = m + MESSAGE.length;
      let bodyEnd = text.length;
      let endLen = 0;
      for (const [e, finder] of ends) {
        const k = finder.from(bodyStart);
        if (k >= 0 && k < bodyEnd) {
          bodyEnd = k;
          endLen = e === "<|start|>" || e === CHANNEL ? 0 : e.length;
        }
      }
      const recipient = recipientOf(header);
      const channel = channelOf(header);
      const body = src.slice(bodyStart, bodyEnd);
      if (recipient !== undefined) calls.push({ outcome: readHarmonyCall(recipient, body, ctx), at: src.origin(headerStart) });
      else if (channel === "analysis") ctx.repair("reasoning_removed", "analysis channel", src.origin(bodyStart));
      else if (texts.length < MAX_TEXTS) texts.push({ src: body, at: src.origin(bodyStart) });
      headerStart = Math.max(bodyEnd + endLen, bodyStart);
      m = messages.from(headerStart);
    }
    if (calls.length > 0) {
      if (texts.some((t) => t.src.text.trim() !== "")) ctx.repair("text_ignored", "final/commentary text", texts[0]!.at);
      return mergeBlocks(calls, ctx, "harmony", "the message to a function");
    }
    return readTexts(texts, ctx, readText);
  },
};

function readTexts(texts: Array<{ src: Src; at: number }>, ctx: Ctx, readText: ReadText): Outcome {
  for (const t of texts) {
    const o = readText(t.src, ctx, "harmony");
    if (o.kind === "calls") return o;
  }
  return { kind: "no_call", format: "harmony", reason: texts.length === 0 ? "reasoning_only" : "prose" };
}

function readHarmonyCall(recipient: string, body: Src, ctx: Ctx): Outcome {
  const notes: Repair[] = [];
  const name = toolName(recipient, notes);
  const t = body.trim();
  if (t.length === 0) return { kind: "calls", format: "harmony", drafts: [{ call: makeCall(name, new PyDict(), []), repairs: notes }] };
  const v = readValueAt(t, 0, ctx, notes);
  if (!v.ok) return { kind: "malformed", format: "harmony", problem: ctx.problem(v.unclosed ? "unclosed" : "invalid_json", v.message, v.offset) };
  if (!(v.value instanceof PyDict)) return { kind: "malformed", format: "harmony", problem: ctx.problem("invalid_arguments", "the arguments are not an object", t.origin(0)) };
  return { kind: "calls", format: "harmony", drafts: [{ call: makeCall(name, v.value, []), repairs: notes }] };
}

/** `to=functions.get_weather` in a header (before or after the channel). */
function recipientOf(header: string): string | undefined {
  const k = header.indexOf("to=");
  if (k < 0 || (k > 0 && !/\s|>/.test(header[k - 1]!))) return undefined;
  let e = k + 3;
  while (e < header.length && !/[\s<]/.test(header[e]!)) e++;
  const r = header.slice(k + 3, e);
  return r === "" || r === "user" || r === "assistant" ? undefined : r;
}

function channelOf(header: string): string | undefined {
  const k = header.indexOf(CHANNEL);
  if (k < 0) return undefined;
  let e = k + CHANNEL.length;
  while (e < header.length && !/[\s<]/.test(header[e]!)) e++;
  return header.slice(k + CHANNEL.length, e);
}
