/**
 * BFCL's JavaScript prompt-mode decoder (bfcl-ast-spec §4.3): bracket the text (§4.1 steps 1–2),
 * drop the brackets, parse as JavaScript, fail on an ERROR node, and return the first top-level
 * expression statement that is a call as `[{callee_text: {param: source_text}}]`, or None when
 * there is none (BFCL then reports a wrong output format).
 *
 * Arguments are read as BFCL reads them: `name=value` assignments by name, with one pair of
 * matching quotes stripped from the value's source text (so `a='x' + 'y'` gives `x' + 'y`), and
 * bare identifiers or `true` under the key None (two of them fail).
 */
import { type CstNode } from "./cst.js";
import type { DecodeResult } from "./decodeFc.js";
import { type JsParseOptions, parseJs } from "./javascript/parse.js";
import { bfclBracketText } from "./promptText.js";
import { hasLoneSurrogate } from "./sourceText.js";
import { PyDict } from "../value/value.js";

/**
 * @example decodeBfclJavaScript("[f(a='x', b=2)]") // ok: [{'f': {'a': 'x', 'b': '2'}}]
 * @example decodeBfclJavaScript("x = 1")           // ok: None (no call)
 *
 * `options.costUnit` only matters to the oracle test (the Node tree-sitter binding counts UTF-16).
 */
export function decodeBfclJavaScript(text: string, options: JsParseOptions = {}): DecodeResult {
  const src = bfclBracketText(text).slice(1, -1);
  if (hasLoneSurrogate(src)) return { ok: false, error: "UnicodeEncodeError: surrogates not allowed" };
  const parsed = parseJs(src, options);
  if (!parsed.ok) return { ok: false, error: `SyntaxError: Error js parsing the source code (${parsed.error})` };
  const get = (n: CstNode) => src.slice(n.start, n.end);
  for (const statement of parsed.tree.children) {
    if (statement.type !== "expression_statement") continue;
    for (const call of statement.children) {
      if (call.type !== "call_expression") continue;
      const name = get(call.children[0]!);
      const args = new PyDict();
      for (const child of call.children[1]?.children ?? []) {
        let key: string | null;
        let value: string;
        if (child.type === "assignment_expression") {
          key = get(child.children[0]!);
          value = stripQuotes(get(child.children[2]!));
        } else if (child.type === "identifier" || child.type === "true") {
          key = null;
          value = get(child);
        } else continue;
        if (args.has(key)) return { ok: false, error: "Exception: Error: Multiple arguments with the same name are not supported." };
        args.set(key, value);
      }
      return { ok: true, value: [PyDict.fromPairs([[name, args]])] };
    }
  }
  return { ok: true, value: null };
}

/** One pair of matching surrounding `"` or `'`. */
function stripQuotes(v: string): string {
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  if (v === '"' || v === "'") return "";
  return v;
}
