/**
 * Phi-4-mini: `functools[` followed by a JSON list of call objects; no closing marker is required.
 *
 * @example functools[{"name": "get_weather", "arguments": {"city": "Paris"}}]
 */
import { blocksBetween, mergeBlocks, proseOutside } from "../scan/blocks.js";
import type { TextFormat } from "./detect.js";
import { readJsonCalls } from "./json.js";

const MARKER = "functools";

export const phi4: TextFormat = {
  id: "phi4",
  detect: (text) => text.includes(`${MARKER}[`),
  read(src, ctx) {
    const blocks = blocksBetween(src.text, `${MARKER}[`, undefined).map((b) => ({ ...b, from: b.from - 1 }));
    proseOutside(src, ctx, blocks, [MARKER]);
    const parts = blocks.map((b) => ({ outcome: readJsonCalls(src.slice(b.from, b.to), ctx, "phi4"), at: src.origin(b.at) }));
    return mergeBlocks(parts, ctx, "phi4", "the functools[...] list");
  },
};
