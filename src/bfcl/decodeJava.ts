/**
 * BFCL's Java prompt-mode decoder (bfcl-ast-spec §4.2): bracket the text (§4.1 steps 1–2), drop
 * the brackets, parse as Java, fail on an ERROR node, and return the first method invocation
 * (depth first) as `[{name: {param: source_text}}]`, or `{}` when there is none.
 *
 * Every quirk of BFCL's tree walk is kept: values are source text, a top-level string or char
 * literal loses its quotes but keeps its escapes, `new T[]{…}` and `new T(…)` are rebuilt
 * (anonymous class bodies dropped), anything else is its tokens glued together, and bare
 * identifiers or class literals go under the key None (two of them fail).
 */
import { type CstNode, childByField } from "./cst.js";
import type { DecodeResult } from "./decodeFc.js";
import { type JavaParseOptions, parseJava } from "./java/parse.js";
import { bfclBracketText } from "./promptText.js";
import { ByteSlicedText, hasLoneSurrogate } from "./sourceText.js";
import { PyDict, type Value } from "../value/value.js";

/** Raised inside the walk where BFCL's Python raises; turned into a decode failure. */
class DecodeError extends Error {}

const VERBATIM = new Set(["identifier", "class_literal", "type_identifier", "method_invocation"]);
const NONE_KEY_ARGUMENTS = new Set(["identifier", "class_literal", "set"]);

/**
 * @example decodeBfclJava("[Foo.bar(a=1, b=\"x\")]") // ok: [{'Foo.bar': {'a': '1', 'b': 'x'}}]
 * @example decodeBfclJava("Foo.bar(x, y)").ok       // false: two bare identifiers under None
 *
 * `options.costUnit` only matters to the oracle test (the Node tree-sitter binding counts UTF-16).
 */
export function decodeBfclJava(text: string, options: JavaParseOptions = {}): DecodeResult {
  const src = bfclBracketText(text).slice(1, -1);
  if (hasLoneSurrogate(src)) return { ok: false, error: "UnicodeEncodeError: surrogates not allowed" };
  const parsed = parseJava(src, options);
  if (!parsed.ok) return { ok: false, error: `SyntaxError: Error parsing java the source code (${parsed.error})` };
  const walker = new Walker(new ByteSlicedText(src));
  try {
    const call = walker.firstCall(parsed.tree);
    return { ok: true, value: call ?? new PyDict() };
  } catch (e) {
    if (e instanceof DecodeError) return { ok: false, error: e.message };
    throw e;
  }
}

class Walker {
  constructor(private readonly text: ByteSlicedText) {}

  private get(node: CstNode): string {
    return this.text.slice(node.start, node.end);
  }

  /** BFCL's `traverse`: the first method invocation, pre-order. */
  firstCall(root: CstNode): Value[] | undefined {
    const stack: CstNode[] = [root];
    while (stack.length) {
      const node = stack.pop()!;
      if (node.type === "method_invocation") {
        const name = this.get(childByField(node, "name")!);
        const object = childByField(node, "object");
        const fn = object ? `${this.get(object)}.${name}` : name;
        return [PyDict.fromPairs([[fn, this.arguments(childByField(node, "arguments")!)]])];
      }
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
    return undefined;
  }

  /** BFCL's `extract_arguments`: `name=value` by name, bare identifiers under None, duplicates fail. */
  private arguments(list: CstNode): PyDict {
    const args = new PyDict();
    const put = (key: string | null, value: string) => {
      if (args.has(key)) throw new DecodeError("Exception: Error: Multiple arguments with the same name are not supported.");
      args.set(key, value);
    };
    for (const child of list.children) {
      if (child.type === "assignment_expression") {
        // Positional indexing, as BFCL does: a comment before `=` shifts what children[2] is.
        const [left, , right] = child.children;
        put(this.get(left!), this.value(right!, false));
      } else if (NONE_KEY_ARGUMENTS.has(child.type)) put(null, this.value(child, false));
    }
    return args;
  }

  /** BFCL's `traverse_node`. */
  private value(node: CstNode | undefined, nested: boolean, depth = 0): string {
    if (!node) throw new DecodeError("AttributeError: 'NoneType' object has no attribute 'type'");
    if (depth > 900) throw new DecodeError("RecursionError: maximum recursion depth exceeded");
    if (node.type === "string_literal" || node.type === "character_literal") {
      const t = this.get(node);
      return nested ? t : Array.from(t).slice(1, -1).join("");
    }
    if (VERBATIM.has(node.type)) return this.get(node);
    if (node.type === "array_creation_expression") {
      const type = this.value(childByField(node, "type"), true, depth + 1);
      return `new ${type}[]${this.value(childByField(node, "value"), true, depth + 1)}`;
    }
    if (node.type === "object_creation_expression") {
      const type = this.value(childByField(node, "type"), true, depth + 1);
      const args = childByField(node, "arguments");
      if (!args) return `new ${type}()`;
      const parts = args.children.filter((c) => c.type !== "," && c.type !== "(" && c.type !== ")");
      return `new ${type}(${parts.map((c) => this.value(c, true, depth + 1)).join(", ")})`;
    }
    if (node.children.length) return node.children.map((c) => this.value(c, true, depth + 1)).join("");
    return this.get(node);
  }
}
