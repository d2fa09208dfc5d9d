/**
 * BFCL's Java prompt decoder (bfcl_eval java_parser.py) reimplemented over a real tree-sitter
 * tree: the reference the hand-written parser is compared with. Kept deliberately literal.
 */
import { bfclBracketText } from "../../src/bfcl/promptText.js";
import { pyRepr } from "../../src/value/repr.js";
import { PyDict } from "../../src/value/value.js";
import type { TsNode, TsParser } from "./treeSitter.js";

/** The decoded value's repr, or null when BFCL's decoder raises. */
export function oracleJava(parser: TsParser, text: string): string | null {
  const source = bfclBracketText(text).slice(1, -1);
  const root = parser.parse(source).rootNode;
  if (root.toString().includes("ERROR")) return null;
  // `source_code[node.start_byte:node.end_byte]`: byte offsets on a code-point string.
  const codePoints = Array.from(source);
  const byteAt: number[] = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    byteAt.push(byteAt[i]! + (c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3));
  }
  const getText = (n: TsNode) => codePoints.slice(byteAt[n.startIndex], byteAt[n.endIndex]).join("");

  const traverseNode = (node: TsNode | null, nested = false): string => {
    if (!node) throw new Error("AttributeError");
    if (node.type === "string_literal" || node.type === "character_literal") {
      return nested ? getText(node) : Array.from(getText(node)).slice(1, -1).join("");
    }
    if (["identifier", "class_literal", "type_identifier", "method_invocation"].includes(node.type)) return getText(node);
    if (node.type === "array_creation_expression") {
      return `new ${traverseNode(node.childForFieldName("type"), true)}[]${traverseNode(node.childForFieldName("value"), true)}`;
    }
    if (node.type === "object_creation_expression") {
      const type = traverseNode(node.childForFieldName("type"), true);
      const args = node.childForFieldName("arguments");
      if (!args) return `new ${type}()`;
      const parts = args.children.filter((c) => ![",", "(", ")"].includes(c.type)).map((c) => traverseNode(c, true));
      return `new ${type}(${parts.join(", ")})`;
    }
    if (node.children.length > 0) return node.children.map((c) => traverseNode(c, true)).join("");
    return getText(node);
  };

  const traverse = (node: TsNode): PyDict[] | undefined => {
    if (node.type === "method_invocation") {
      const name = getText(node.childForFieldName("name")!);
      const object = node.childForFieldName("object");
      const fn = object ? `${getText(object)}.${name}` : name;
      const args = new PyDict();
      for (const child of node.childForFieldName("arguments")!.children) {
        let key: string | null;
        let value: string;
        if (child.type === "assignment_expression") {
          key = getText(child.children[0]!);
          value = traverseNode(child.children[2]!);
        } else if (["identifier", "class_literal", "set"].includes(child.type)) {
          key = null;
          value = traverseNode(child);
        } else continue;
        if (args.has(key)) throw new Error("Multiple arguments with the same name");
        args.set(key, value);
      }
      return [PyDict.fromPairs([[fn, args]])];
    }
    for (const c of node.children) {
      const r = traverse(c);
      if (r) return r;
    }
    return undefined;
  };

  try {
    const r = traverse(root);
    return pyRepr(r ?? new PyDict());
  } catch {
    return null;
  }
}
