/**
 * Hermes / Qwen2.5 / Qwen3 `<tool_call>` blocks: one JSON call object per block, or several in one
 * block, or a block whose closing tag never comes (vllm #32638, dynamo PR #10445). The block may
 * also hold Qwen3-Coder's `<function=…>` form, GLM-4.5's `<arg_key>` form, or a Python call list;
 * each is read by its own reader.
 *
 * @example <tool_call>\n{"name": "get_weather", "arguments": {"city": "Paris"}}\n</tool_call>
 */
import { blocksBetween, mergeBlocks, proseOutside } from "../scan/blocks.js";
import type { Outcome } from "../scan/diagnostics.js";
import type { TextFormat } from "./detect.js";
import { readGlmXmlBlock } from "./glmXml.js";
import { readFunctionTags } from "./qwen3Coder.js";

const OPEN = "<tool_call>";
const CLOSE = "</tool_call>";

export const hermes: TextFormat = {
  tagged: true,
  id: "hermes",
  detect: (text) => text.includes(OPEN),
  read(src, ctx, readText) {
    const blocks = blocksBetween(src.text, OPEN, CLOSE);
    proseOutside(src, ctx, blocks, [OPEN, CLOSE]);
    const parts: Array<{ outcome: Outcome; at: number }> = [];
    for (const b of blocks) {
      const content = src.slice(b.from, b.to);
      if (content.text.trim() === "" && b.closed === false && b.to === src.length && parts.length > 0) continue;
      if (!b.closed) ctx.repair("closer_added", CLOSE, src.origin(b.to));
      let outcome: Outcome;
      if (content.text.includes("<function=")) outcome = readFunctionTags(content, ctx);
      else if (content.text.includes("<arg_key>")) outcome = readGlmXmlBlock(content, ctx);
      else outcome = readText(content, ctx, "hermes");
      parts.push({ outcome, at: src.origin(b.at) });
    }
    return mergeBlocks(parts, ctx, "hermes", "the <tool_call> block");
  },
};
