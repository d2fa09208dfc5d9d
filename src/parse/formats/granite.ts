/**
 * IBM Granite: `<function_call>` before each JSON call object, with no closing tag
 * (granite-20b-functioncalling), or `<|tool_call|>` before a JSON list (Granite 3).
 *
 * @example <function_call> {"name": "get_weather", "arguments": {"city": "Paris"}} <function_call> {...}
 */
import { blocksBetween, mergeBlocks, proseOutside, type Block } from "../scan/blocks.js";
import type { Outcome } from "../scan/diagnostics.js";
import type { TextFormat } from "./detect.js";
import { readJsonCalls } from "./json.js";

const MARKERS = ["<function_call>", "<|tool_call|>"] as const;

export const granite: TextFormat = {
  tagged: true,
  id: "granite",
  detect: (text) => MARKERS.some((m) => text.includes(m)),
  read(src, ctx, readText) {
    const marker = MARKERS.find((m) => src.text.includes(m))!;
    const blocks: Block[] = blocksBetween(src.text, marker, "</function_call>");
    proseOutside(src, ctx, blocks, [marker, "</function_call>"]);
    const parts: Array<{ outcome: Outcome; at: number }> = blocks.map((b) => {
      const content = src.slice(b.from, b.to);
      const json = readJsonCalls(content, ctx, "granite");
      return { outcome: json.kind === "none" ? readText(content, ctx, "granite") : json, at: src.origin(b.at) };
    });
    return mergeBlocks(parts, ctx, "granite", `the ${marker} block`);
  },
};
