/**
 * The doc's parameter types as JSON Schema, checked with ajv: BFCL's type vocabulary is mapped
 * to JSON Schema (`dict`→object, `float`/`double`→number, `tuple`/`Array`/`ArrayList`→array,
 * `any`→anything), each parameter schema is compiled once, and gold values are validated against it.
 *
 * Two details keep the checks in line with BFCL's type checker. Python's int/float distinction
 * survives the trip to JSON: our value model keeps an int as a bigint and a float as a number,
 * the JSON copy loses that, so the paths of floats are remembered and the `pyInt` keyword rejects
 * a float where the doc says integer (BFCL's `type_error:simple` for 10.0). A top-level float
 * param accepts an int, as BFCL's checker does; array elements declared float do not (BFCL's
 * nested check). Strings are case-folded in the data and in the enum, because BFCL compares
 * strings after lower-casing.
 */
import type { Ajv, ValidateFunction } from "ajv";
import { loadLazily } from "../lazyModule.js";
import { foldText } from "../canonicalize/text.js";
import type { Language } from "../categories.js";
import type { ParamDoc } from "../types.js";
import { PyBytes, PyComplex, PyDict, PySet, PyTuple, type Value } from "../value/value.js";

type Schema = Record<string, unknown>;

const BASE: Readonly<Record<string, Schema>> = {
  string: { type: "string" },
  String: { type: "string" },
  char: { type: "string" },
  integer: { type: "integer", pyInt: true },
  byte: { type: "integer", pyInt: true },
  short: { type: "integer", pyInt: true },
  long: { type: "integer", pyInt: true },
  Bigint: { type: "integer", pyInt: true },
  float: { type: "number" },
  double: { type: "number" },
  boolean: { type: "boolean" },
  Boolean: { type: "boolean" },
  array: { type: "array" },
  tuple: { type: "array" },
  Array: { type: "array" },
  ArrayList: { type: "array" },
  Set: { type: "array" },
  Queue: { type: "array" },
  Stack: { type: "array" },
  dict: { type: "object" },
  HashMap: { type: "object" },
  Hashtable: { type: "object" },
  any: {},
};

/** JSON Schema of a parameter doc; `nested` marks array elements, where BFCL wants a float to be a float. */
export function paramSchema(doc: ParamDoc, nested = false): Schema {
  const base = BASE[doc.type];
  const schema: Schema = base ? { ...base } : {};
  if (nested && (doc.type === "float" || doc.type === "double")) schema.pyFloat = true;
  if (doc.items && schema.type === "array") schema.items = paramSchema(doc.items, true);
  // Some docs put the element enum on the array itself; it then constrains the elements.
  const enumOnElements = schema.type === "array" && doc.enum?.length && !doc.items?.enum;
  if (enumOnElements) schema.items = { ...(schema.items as Schema | undefined), enum: enumValues(doc.enum!) };
  else if (doc.enum && doc.enum.length) schema.enum = enumValues(doc.enum);
  return schema;
}

function enumValues(values: readonly Value[]): unknown[] {
  // Folding can make two members one ("Celsius", "celsius"); JSON Schema wants them distinct.
  const members = new Map(values.map((v) => toJson(v, "", new Set())).map((j) => [JSON.stringify(j), j]));
  return [...members.values()];
}

/**
 * A JSON copy of a value for ajv. Strings are folded; the JSON-pointer paths of Python floats
 * are added to `floats`; tuples and sets become arrays, bytes and complex numbers their repr.
 */
export function toJson(v: Value, path: string, floats: Set<string>): unknown {
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number") {
    floats.add(path);
    return v;
  }
  if (typeof v === "string") return foldText(v);
  if (v === null || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v.map((x, i) => toJson(x, `${path}/${i}`, floats));
  if (v instanceof PyTuple || v instanceof PySet) return v.items.map((x, i) => toJson(x, `${path}/${i}`, floats));
  if (v instanceof PyDict) {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, x] of v.entries) {
      const key = typeof k === "string" ? k : String(k);
      out[key] = toJson(x, `${path}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, floats);
    }
    return out;
  }
  if (v instanceof PyBytes || v instanceof PyComplex) return String(v);
  return null;
}

export interface SchemaCheck {
  ok: boolean;
  /** ajv's first error, as `path: message`. */
  reason?: string;
  /** The failure is an enum miss (and nothing else). */
  enumOnly?: boolean;
}

/** Compiles parameter schemas once per doc and checks values against them. */
export class SchemaChecker {
  readonly #ajv: Ajv;
  readonly #compiled = new WeakMap<ParamDoc, ValidateFunction>();
  /** Float paths of the value being validated, read by the `pyInt` / `pyFloat` keywords. */
  #floats = new Set<string>();

  constructor() {
    // ajv takes ~40 ms to load; only the audit needs it, so it is loaded here rather than on import.
    const ajv = loadLazily<{ Ajv: typeof Ajv }>("ajv");
    if (!ajv) throw new Error("the suite audit needs the ajv package, which could not be loaded here (it loads through Node's require)");
    this.#ajv = new ajv.Ajv({ allErrors: false, strict: false });
    this.#ajv.addKeyword({
      keyword: "pyInt",
      schemaType: "boolean",
      validate: (_s: boolean, _d: unknown, _p?: unknown, cxt?: { instancePath: string }) => !this.#floats.has(cxt?.instancePath ?? ""),
      errors: false,
    });
    this.#ajv.addKeyword({
      keyword: "pyFloat",
      schemaType: "boolean",
      validate: (_s: boolean, data: unknown, _p?: unknown, cxt?: { instancePath: string }) => typeof data !== "number" || this.#floats.has(cxt?.instancePath ?? ""),
      errors: false,
    });
  }

  /**
   * Checks one acceptable value against its parameter doc. Java and JavaScript docs type only
   * the source text a model writes, so a string value passes any type there (BFCL converts it).
   *
   * @example new SchemaChecker().check({ type: "integer", hasDefault: false }, 10.0, "python") // {ok: false, …}
   */
  check(doc: ParamDoc, value: Value, language: Language): SchemaCheck {
    let validate = this.#compiled.get(doc);
    if (!validate) {
      validate = this.#ajv.compile(paramSchema(doc));
      this.#compiled.set(doc, validate);
    }
    this.#floats = new Set();
    const data = toJson(value, "", this.#floats);
    if (language !== "python" && typeof value === "string") return { ok: true };
    if (validate(data)) return { ok: true };
    const err = validate.errors?.[0];
    const where = err?.instancePath ? `at ${err.instancePath} ` : "";
    const message = err ? (err.keyword === "pyInt" ? "a float where an int is needed" : err.keyword === "pyFloat" ? "an int where a float is needed" : err.message ?? err.keyword) : "invalid";
    return { ok: false, reason: `${where}${message}`, enumOnly: err?.keyword === "enum" };
  }
}
