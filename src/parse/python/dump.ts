/**
 * CPython's `ast.dump` text for a parsed expression, so a tree can be compared with
 * `ast.dump(ast.parse(src, mode="eval"))` character for character (tests and debugging).
 */
import { pyRepr } from "../../value/repr.js";
import type { AnyNode, ConstantValue, Expr } from "./ast.js";
import { ELLIPSIS } from "./ast.js";

/**
 * @example dumpExpression(parse("-x")) // "Expression(body=UnaryOp(op=USub(), operand=Name(id='x', ctx=Load())))"
 */
export function dumpExpression(node: Expr): string {
  return `Expression(body=${dump(node)})`;
}

/**
 * `ast.dump` of one node; `store` marks an assignment target (its `ctx` is `Store()`).
 *
 * @example dump(parse("a.b")) // "Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load())"
 */
export function dump(node: AnyNode, store = false): string {
  const ctx = store ? "Store()" : "Load()";
  const list = (nodes: ReadonlyArray<AnyNode | null>, asStore = false) =>
    nodes.length === 0 ? "[]" : `[${nodes.map((n) => (n === null ? "None" : dump(n, asStore))).join(", ")}]`;
  const fields = (name: string, parts: Array<[string, string | undefined]>) =>
    `${name}(${parts.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${v}`).join(", ")})`;
  const opt = (n: AnyNode | null) => (n === null ? undefined : dump(n));
  switch (node.type) {
    case "BoolOp":
      return fields("BoolOp", [["op", `${node.op}()`], ["values", list(node.values)]]);
    case "NamedExpr":
      return fields("NamedExpr", [["target", dump(node.target, true)], ["value", dump(node.value)]]);
    case "BinOp":
      return fields("BinOp", [["left", dump(node.left)], ["op", `${node.op}()`], ["right", dump(node.right)]]);
    case "UnaryOp":
      return fields("UnaryOp", [["op", `${node.op}()`], ["operand", dump(node.operand)]]);
    case "Lambda":
      return fields("Lambda", [["args", dump(node.args)], ["body", dump(node.body)]]);
    case "IfExp":
      return fields("IfExp", [["test", dump(node.test)], ["body", dump(node.body)], ["orelse", dump(node.orelse)]]);
    case "Dict":
      return fields("Dict", [["keys", list(node.keys)], ["values", list(node.values)]]);
    case "Set":
      return fields("Set", [["elts", list(node.elts)]]);
    case "ListComp":
    case "SetComp":
    case "GeneratorExp":
      return fields(node.type, [["elt", dump(node.elt)], ["generators", list(node.generators)]]);
    case "DictComp":
      return fields("DictComp", [["key", dump(node.key)], ["value", dump(node.value)], ["generators", list(node.generators)]]);
    case "Await":
    case "YieldFrom":
      return fields(node.type, [["value", dump(node.value)]]);
    case "Yield":
      return fields("Yield", [["value", opt(node.value)]]);
    case "Compare":
      return fields("Compare", [
        ["left", dump(node.left)],
        ["ops", `[${node.ops.map((o) => `${o}()`).join(", ")}]`],
        ["comparators", list(node.comparators)],
      ]);
    case "Call":
      return fields("Call", [["func", dump(node.func)], ["args", list(node.args)], ["keywords", list(node.keywords)]]);
    case "FormattedValue":
      return fields("FormattedValue", [["value", dump(node.value)], ["conversion", String(node.conversion)], ["format_spec", opt(node.formatSpec)]]);
    case "JoinedStr":
      return fields("JoinedStr", [["values", list(node.values)]]);
    case "Constant":
      return fields("Constant", [["value", constantRepr(node.value)], ["kind", node.kind === null ? undefined : "'u'"]]);
    case "Attribute":
      return fields("Attribute", [["value", dump(node.value)], ["attr", pyRepr(node.attr)], ["ctx", ctx]]);
    case "Subscript":
      return fields("Subscript", [["value", dump(node.value)], ["slice", dump(node.slice)], ["ctx", ctx]]);
    case "Starred":
      return fields("Starred", [["value", dump(node.value, store)], ["ctx", ctx]]);
    case "Name":
      return fields("Name", [["id", pyRepr(node.id)], ["ctx", ctx]]);
    case "List":
    case "Tuple":
      return fields(node.type, [["elts", list(node.elts, store)], ["ctx", ctx]]);
    case "Slice":
      return fields("Slice", [["lower", opt(node.lower)], ["upper", opt(node.upper)], ["step", opt(node.step)]]);
    case "keyword":
      return fields("keyword", [["arg", node.arg === null ? undefined : pyRepr(node.arg)], ["value", dump(node.value)]]);
    case "comprehension":
      return fields("comprehension", [
        ["target", dump(node.target, true)],
        ["iter", dump(node.iter)],
        ["ifs", list(node.ifs)],
        ["is_async", node.isAsync ? "1" : "0"],
      ]);
    case "arguments":
      return fields("arguments", [
        ["posonlyargs", list(node.posonlyargs)],
        ["args", list(node.args)],
        ["vararg", opt(node.vararg)],
        ["kwonlyargs", list(node.kwonlyargs)],
        ["kw_defaults", list(node.kwDefaults)],
        ["kwarg", opt(node.kwarg)],
        ["defaults", list(node.defaults)],
      ]);
    case "arg":
      return fields("arg", [["arg", pyRepr(node.arg)]]);
  }
}

function constantRepr(value: ConstantValue): string {
  return value === ELLIPSIS ? "Ellipsis" : pyRepr(value);
}
