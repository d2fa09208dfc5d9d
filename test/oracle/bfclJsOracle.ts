/**
 * BFCL's JavaScript prompt decoder (bfcl_eval js_parser.py) reimplemented over a real
 * tree-sitter tree: the reference the hand-written parser is compared with.
 */
import { bfclBracketText } from "../../src/bfcl/promptText.js";
import { pyRepr } from "../../src/value/repr.js";
import { PyDict } from "../../src/value/value.js";
import type { TsParser } from "./treeSitter.js";

/** The decoded value's repr (`None` when no call is found), or null when BFCL's decoder raises. */
export function oracleJavaScript(parser: TsParser, text: string): string | null {
  const source = bfclBracketText(text).slice(1, -1);
  const root = parser.parse(source).rootNode;
  if (root.toString().includes("ERROR")) return null;
  for (const child of root.children) {
    if (child.type !== "expression_statement") continue;
    for (const sub of child.children) {
      if (sub.type !== "call_expression") continue;
      const args = new PyDict();
      for (const c of sub.children[1]?.children ?? []) {
        let key: string | null;
        let value: string;
        if (c.type === "assignment_expression") {
          key = c.children[0]!.text;
          value = c.children[2]!.text;
          if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) value = value.slice(1, -1);
        } else if (c.type === "identifier" || c.type === "true") {
          key = null;
          value = c.text;
        } else continue;
        if (args.has(key)) return null;
        args.set(key, value);
      }
      return pyRepr([PyDict.fromPairs([[sub.children[0]!.text, args]])]);
    }
  }
  return "None";
}
