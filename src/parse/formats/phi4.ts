/**
 * Phi-4-mini: `functools[` followed by a JSON list of call objects; no closing marker is required.
 *
 * @example functools[{"name": "get_weather", "arguments": {"city": "Paris"}}]
 */
import { blocksBetween, mergeBlocks, proseOutside } from "../scan/blocks.js";
import type { TextFormat } from "./detect.js";
import { readJsonCalls } from "./json.js";

const MARKER = "functools";

/**
 * Whether `functools[` occurs: found from each `[` (rare in prose), since searching for a pattern
 * that opens with a common letter walks long English text slowly.
 */
function hasMarker(text: string): boolean {
  for (let k = text.indexOf("["); k >= 0; k = text.indexOf("[", k + 1)) {
    if (k >= MARKER.length && text.startsWith(MARKER, k - MARKER.length)) return true;
  }
  return false;
}

export const phi4: TextFormat = {
  id: "phi4",
  detect: hasMarker,
  read(src, ctx) {
    const blocks = blocksBetween(src.text, `${MARKER}[`, undefined).map((b) => ({ ...b, from: b.from - 1 }));
    proseOutside(src, ctx, blocks, [MARKER]);
    const parts = blocks.map((b) => ({ outcome: readJsonCalls(src.slice(b.from, b.to), ctx, "phi4"), at: src.origin(b.at) }));
    return mergeBlocks(parts, ctx, "phi4", "the functools[...] list");
  },
};
