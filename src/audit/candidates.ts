/**
 * Answers built from a gold, to test whether any answer can pass: for each gold call, each
 * parameter takes an acceptable value under one of three omission policies (smart: omit what may
 * be omitted unless the doc requires it; naive: the first listed value, omitted when it is `""`;
 * explicit: like smart, but write `""` where that is all the gold allows), written in prompt
 * form (a Python call list, or Java / JavaScript source) and in FC form (`[{name: "<JSON>"}]`).
 * Java and JavaScript values are written both idiomatically (quoted strings) and bare, since
 * BFCL's converters keep quotes in some places and drop them in others (bfcl-ast-spec §11).
 */
import { CATEGORIES } from "../categories.js";
import { alternativesOf } from "../default/matchValue.js";
import type { Entry, FunctionDoc, GoldCall, ParamDoc } from "../types.js";
import { floatRepr, pyRepr } from "../value/repr.js";
import { toJsonText } from "../value/toJsonText.js";
import { PyDict, type Value } from "../value/value.js";

export type Policy = "smart" | "naive" | "explicit";
/** `mixed`: top-level strings bare, strings inside arrays and maps quoted (what BFCL's FC Java path reads). */
export type Style = "quoted" | "bare" | "mixed";

export interface Candidate {
  policy: Policy;
  style: Style;
  /** Prompt-mode text. */
  prompt: string;
  /** FC-mode payload, as BFCL stores it. */
  fc: Array<Record<string, string>>;
}

const OMIT = Symbol("omit");

function choose(gold: GoldCall, doc: FunctionDoc | undefined, param: string, policy: Policy): Value | typeof OMIT {
  const alts = alternativesOf(gold.params.get(param)!);
  const values = alts.filter((a) => a !== "");
  const omittable = alts.includes("");
  const required = doc?.required.includes(param) ?? false;
  if (policy === "naive") return alts.length === 0 || alts[0] === "" ? OMIT : alts[0]!;
  if (values.length === 0) return policy === "explicit" && alts.length > 0 ? "" : OMIT;
  if (omittable && (!required || !doc?.params.has(param))) return OMIT;
  return values[0]!;
}

/** A dict gold lists acceptable values per key; an answer takes the first (omitting `""`). */
function firstOfEach(d: PyDict): Array<[string, Value]> {
  const out: Array<[string, Value]> = [];
  for (const [k, v] of d.entries) {
    const alts = alternativesOf(v).filter((a) => a !== "");
    if (alts.length) out.push([typeof k === "string" ? k : String(k), alts[0]!]);
  }
  return out;
}

/** A gold value as a plain answer value: dict golds hold lists of alternatives, answers hold one value. */
export function answerValue(v: Value): Value {
  if (v instanceof PyDict) return PyDict.fromPairs(firstOfEach(v).map(([k, x]) => [k, answerValue(x)]));
  if (Array.isArray(v)) return v.map(answerValue);
  return v;
}

const JAVA_ARRAY_TYPES: Readonly<Record<string, string>> = {
  String: "String", integer: "int", int: "int", long: "long", double: "double", float: "float", boolean: "boolean", char: "char", byte: "byte", short: "short",
};

function javaLiteral(v: Value, style: Style): string {
  if (typeof v === "string") return style === "quoted" ? JSON.stringify(v) : v;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") return floatRepr(v);
  if (v === null) return "null";
  return pyRepr(v);
}

/** Java source for a value of a declared type. */
export function javaSource(v: Value, doc: ParamDoc | undefined, style: Style, top = true): string {
  const type = doc?.type;
  if (typeof v === "string" && type !== "String" && type !== "char" && type !== "any") return v; // a variable name
  switch (type) {
    case "String":
    case "char":
    case "any":
      return typeof v === "string" ? (style === "quoted" || (style === "mixed" && !top) ? JSON.stringify(v) : v) : javaLiteral(v, style);
    case "long":
      return `${javaLiteral(v, style)}L`;
    case "float":
      return `${typeof v === "bigint" ? `${v}.0` : javaLiteral(v, style)}f`;
    case "double":
      return typeof v === "bigint" ? `${v}.0` : javaLiteral(v, style);
    case "Array":
    case "ArrayList": {
      const items = Array.isArray(v) ? v : [];
      const elems = items.map((x) => javaSource(x, doc?.items, style, false)).join(", ");
      if (type === "ArrayList") return `new ArrayList<>(Arrays.asList(${elems}))`;
      return `new ${JAVA_ARRAY_TYPES[doc?.items?.type ?? "String"] ?? "Object"}[]{${elems}}`;
    }
    case "HashMap": {
      if (!(v instanceof PyDict)) return javaLiteral(v, style);
      const puts = firstOfEach(v).map(([k, x]) => `put(${JSON.stringify(k)}, ${javaLiteral(answerValue(x), "quoted")}); `).join("");
      return `new HashMap<String, Object>() {{ ${puts}}}`;
    }
    default:
      return javaLiteral(v, style);
  }
}

function jsLiteral(v: Value, style: Style): string {
  if (typeof v === "string") return style === "bare" ? v : v.includes("'") && !v.includes('"') ? `"${v}"` : `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") return floatRepr(v);
  if (v === null) return "null";
  if (Array.isArray(v)) return `[${v.map((x) => jsLiteral(x, "quoted")).join(", ")}]`;
  if (v instanceof PyDict) return `{${firstOfEach(v).map(([k, x]) => `${k}: ${jsLiteral(answerValue(x), "quoted")}`).join(", ")}}`;
  return pyRepr(v);
}

/** JavaScript source for a value of a declared type. */
export function jsSource(v: Value, doc: ParamDoc | undefined, style: Style): string {
  const type = doc?.type;
  if (typeof v === "string" && type !== "String" && type !== "any") return v;
  if (type === "Bigint" && typeof v === "bigint") return `${v}n`;
  return jsLiteral(v, style);
}

function renderPython(v: Value): string {
  return pyRepr(answerValue(v));
}

/**
 * The candidate answers for an entry with golds (none for the relevance categories).
 *
 * @example candidates(entry).map((c) => c.prompt) // ["[f(a=1)]", …]
 */
export function candidates(entry: Entry): Candidate[] {
  if (entry.golds.length === 0) return [];
  const language = CATEGORIES[entry.category].language;
  const styles: Style[] = language === "python" ? ["quoted"] : language === "java" ? ["quoted", "bare", "mixed"] : ["quoted", "bare"];
  const out: Candidate[] = [];
  const seen = new Set<string>();
  for (const policy of ["smart", "naive", "explicit"] as const) {
    for (const style of styles) {
      const prompt: string[] = [];
      const fc: Array<Record<string, string>> = [];
      for (const gold of entry.golds) {
        const doc = entry.functions.find((f) => f.name === gold.name);
        const args: Array<[string, string, Value]> = [];
        for (const param of gold.params.keys()) {
          const v = choose(gold, doc, param, policy);
          if (v === OMIT) continue;
          const p = doc?.params.get(param);
          const src = language === "java" ? javaSource(v, p, style) : language === "javascript" ? jsSource(v, p, style) : renderPython(v);
          args.push([param, src, v]);
        }
        prompt.push(`${gold.name}(${args.map(([k, src]) => `${k}=${src}`).join(", ")})`);
        const json =
          language === "python"
            ? toJsonText(PyDict.fromPairs(args.map(([k, , v]) => [k, answerValue(v)])))
            : JSON.stringify(Object.fromEntries(args.map(([k, src]) => [k, src])));
        fc.push({ [gold.name]: json });
      }
      const c = { policy, style, prompt: `[${prompt.join(", ")}]`, fc };
      const key = `${c.prompt}\0${JSON.stringify(fc)}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(c);
      }
    }
  }
  return out;
}
