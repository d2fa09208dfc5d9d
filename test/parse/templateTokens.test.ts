/** dropTemplateTokens held to the code before its opening-characters check, on generated text. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dropTemplateTokens } from "../../src/parse/formats/templateTokens.js";
import { Ctx } from "../../src/parse/scan/diagnostics.js";
import { Src } from "../../src/parse/scan/source.js";
import { dropTemplateTokens as before } from "./reference/templateTokensBefore.js";

const piece = fc.constantFrom(
  "<|eot_id|>", "<|im_end|>", "<|im_start|>", "assistant\n", "<|start_header_id|>", "<|end_header_id|>", "<start_of_turn>", "<end_of_turn>",
  "<｜end▁of▁sentence｜>", "<s>", "</s>", "<tool_call>", "</tool_call>", "<strong>", "<", "|", "｜", "e", "s", " ", "\n", "f(a=1)", '{"a": 1}',
);

function run(drop: typeof dropTemplateTokens, text: string) {
  const ctx = new Ctx(text, { maxLength: 1e6, maxDepth: 100, maxCalls: 256 }, { noCallNames: new Set(), docs: undefined, fast: true });
  const out = drop(Src.of(text), ctx);
  return { text: out.text, origins: [...out.text].map((_, i) => out.origin(i)), repairs: ctx.repairs };
}

describe("dropTemplateTokens", () => {
  it("drops what it dropped before, with the same offsets and notes", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join("");
        expect(run(dropTemplateTokens, text)).toEqual(run(before, text));
      }),
      { numRuns: 3000 },
    );
  });
});
