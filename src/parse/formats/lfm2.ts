/**
 * Liquid LFM2: a Python call list between `<|tool_call_start|>` and `<|tool_call_end|>` (omlx PR #1596).
 *
 * @example <|tool_call_start|>[get_weather(city="Paris")]<|tool_call_end|>
 */
import { blocksBetween, mergeBlocks, proseOutside } from "../scan/blocks.js";
import type { TextFormat } from "./detect.js";

const OPEN = "<|tool_call_start|>";
const CLOSE = "<|tool_call_end|>";

export const lfm2: TextFormat = {
  tagged: true,
  id: "lfm2",
  detect: (text) => text.includes(OPEN),
  read(src, ctx, readText) {
    const blocks = blocksBetween(src.text, OPEN, CLOSE);
    proseOutside(src, ctx, blocks, [OPEN, CLOSE]);
    const parts = blocks.map((b) => {
      if (!b.closed) ctx.repair("closer_added", CLOSE, src.origin(b.to));
      return { outcome: readText(src.slice(b.from, b.to), ctx, "lfm2"), at: src.origin(b.at) };
    });
    return mergeBlocks(parts, ctx, "lfm2", "the <|tool_call_start|> block");
  },
};
