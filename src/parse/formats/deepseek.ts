/**
 * DeepSeek's special-token calls.
 *
 * - V3 / R1: `<｜tool▁call▁begin｜>function<｜tool▁sep｜>name` then the arguments in a ```json fence,
 *   then `<｜tool▁call▁end｜>`; V3.1 drops the type and the fence: `name<｜tool▁sep｜>{json}`.
 *   The tokens use the full-width bar `｜` and `▁`; the same tokens with an ASCII `|` are accepted.
 * - V3.2 "DSML": `<｜DSML｜invoke name="f">` with `<｜DSML｜parameter name="k" string="true">v</…parameter>`
 *   children; `string="false"` values are JSON.
 *
 * @example <｜tool▁calls▁begin｜><｜tool▁call▁begin｜>function<｜tool▁sep｜>get_weather\n```json\n{"city":"Paris"}\n```<｜tool▁call▁end｜><｜tool▁calls▁end｜>
 */
import { PyDict } from "../../value/value.js";
import { blocksBetween, mergeBlocks, proseOutside, type Block } from "../scan/blocks.js";
import { makeCall } from "../scan/callObject.js";
import type { Ctx, Outcome, Repair } from "../scan/diagnostics.js";
import { readValueAt } from "../scan/jsonish.js";
import type { Src } from "../scan/source.js";
import { typedValue } from "../scan/xmlArgs.js";
import type { TextFormat } from "./detect.js";

function tokens(bar: string) {
  return {
    callsBegin: `<${bar}tool▁calls▁begin${bar}>`,
    callsEnd: `<${bar}tool▁calls▁end${bar}>`,
    begin: `<${bar}tool▁call▁begin${bar}>`,
    end: `<${bar}tool▁call▁end${bar}>`,
    sep: `<${bar}tool▁sep${bar}>`,
  };
}
const FULL = tokens("｜");
const ASCII = tokens("|");

export const deepseek: TextFormat = {
  tagged: true,
  id: "deepseek",
  detect: (text) => text.includes(FULL.begin) || text.includes(ASCII.begin),
  read(src, ctx) {
    const tk = src.text.includes(FULL.begin) ? FULL : ASCII;
    const blocks = blocksBetween(src.text, tk.begin, tk.end, [tk.callsEnd]);
    proseOutside(src, ctx, blocks, [tk.begin, tk.end, tk.callsBegin, tk.callsEnd]);
    const parts = blocks.map((b) => {
      if (!b.closed) ctx.repair("closer_added", tk.end, src.origin(b.to));
      return { outcome: readDeepseekCall(src.slice(b.from, b.to), tk.sep, ctx), at: src.origin(b.at) };
    });
    return mergeBlocks(parts, ctx, "deepseek", "the tool call block");
  },
};

function readDeepseekCall(src: Src, sep: string, ctx: Ctx): Outcome {
  const text = src.text;
  const s = text.indexOf(sep);
  if (s < 0) return { kind: "malformed", format: "deepseek", problem: ctx.problem("not_a_call", "no tool separator in the call", src.origin(0)) };
  const before = text.slice(0, s).trim();
  let rest = s + sep.length;
  let name = before;
  if (before === "function" || before === "") {
    // V3: the name is the line after the separator, the arguments follow in a fence.
    const nl = text.indexOf("\n", rest);
    name = text.slice(rest, nl < 0 ? text.length : nl).trim();
    rest = nl < 0 ? text.length : nl + 1;
  }
  const open = text.indexOf("{", rest);
  const notes: Repair[] = [];
  if (name === "") return { kind: "malformed", format: "deepseek", problem: ctx.problem("not_a_call", "no function name", src.origin(0)) };
  if (open < 0) return { kind: "calls", format: "deepseek", drafts: [{ call: makeCall(name, new PyDict(), []), repairs: notes }] };
  const v = readValueAt(src, open, ctx, notes);
  if (!v.ok) return { kind: "malformed", format: "deepseek", problem: ctx.problem(v.unclosed ? "unclosed" : "invalid_json", v.message, v.offset) };
  if (!(v.value instanceof PyDict)) return { kind: "malformed", format: "deepseek", problem: ctx.problem("invalid_arguments", "the arguments are not an object", src.origin(open)) };
  return { kind: "calls", format: "deepseek", drafts: [{ call: makeCall(name, v.value, []), repairs: notes }] };
}

const INVOKE = 'invoke name="';
const PARAM = 'parameter name="';

export const deepseekDsml: TextFormat = {
  id: "deepseek_dsml",
  detect: (text) => text.includes("DSML") && text.includes(INVOKE),
  read(src, ctx) {
    const text = src.text;
    const blocks: Block[] = blocksBetween(text, INVOKE, "invoke>");
    const parts = blocks.map((b) => ({ outcome: readInvoke(src, b, ctx), at: src.origin(b.at) }));
    return mergeBlocks(parts, ctx, "deepseek_dsml", "the DSML invoke block");
  },
};

function readInvoke(src: Src, b: Block, ctx: Ctx): Outcome {
  const text = src.text;
  const q = text.indexOf('"', b.from);
  if (q < 0 || q > b.to) return { kind: "malformed", format: "deepseek_dsml", problem: ctx.problem("not_a_call", "invoke without a name", src.origin(b.at)) };
  const name = text.slice(b.from, q).trim();
  if (name === "") return { kind: "malformed", format: "deepseek_dsml", problem: ctx.problem("not_a_call", "invoke without a name", src.origin(b.at)) };
  // The body ends at the "</…" that opens the closing tag.
  const close = b.closed ? text.lastIndexOf("</", b.to) : b.to;
  const bodyEnd = close > q ? close : b.to;
  const args = new PyDict();
  const notes: Repair[] = [];
  let i = text.indexOf(PARAM, q);
  while (i >= 0 && i < bodyEnd) {
    const kq = text.indexOf('"', i + PARAM.length);
    const gt = text.indexOf(">", kq);
    if (kq < 0 || gt < 0 || gt > bodyEnd) break;
    const key = text.slice(i + PARAM.length, kq);
    const attrs = text.slice(kq, gt);
    const valueEnd0 = text.indexOf("parameter>", gt);
    const valueEnd = valueEnd0 < 0 || valueEnd0 > bodyEnd ? bodyEnd : text.lastIndexOf("</", valueEnd0);
    const raw = text.slice(gt + 1, valueEnd > gt ? valueEnd : bodyEnd);
    if (attrs.includes('string="false"')) {
      const v = src.slice(gt + 1, gt + 1 + raw.length).trim();
      const r = v.length > 0 ? readValueAt(v, 0, ctx, notes) : undefined;
      args.set(key, r && r.ok ? r.value : typedValue(raw, key, name, ctx, notes));
    } else args.set(key, raw);
    i = text.indexOf(PARAM, valueEnd0 < 0 ? gt : valueEnd0);
  }
  return { kind: "calls", format: "deepseek_dsml", drafts: [{ call: makeCall(name, args, []), repairs: notes }] };
}
