/**
 * Reads BFCL-format suite text (JSON Lines) into entries. Pure: the caller supplies file names
 * and contents, so this runs anywhere; `loadSuite.ts` does the file-system part.
 *
 * A suite file is hand-edited data, so every problem is an error that names the file, the
 * line and what is wrong, and nothing is graded against a half-read suite.
 */
import { CATEGORIES, type CategoryId } from "../categories.js";
import { TYPE_TABLES } from "../bfcl/typeTables.js";
import type { Entry, FunctionDoc, GoldCall, Message, ParamDoc } from "../types.js";
import { pyRepr } from "../value/repr.js";
import { PyDict, type Value } from "../value/value.js";
import { readJsonFast } from "../value/jsonNative.js";

/** A suite or result file that cannot be used; names the file, the line and the problem. */
export class SuiteError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = "SuiteError";
  }
}

/** One parsed JSON line with its position. */
export interface JsonLine {
  line: number;
  value: PyDict;
}

/** Splits JSON Lines text; blank lines are skipped, a line that is not a JSON object is an error. */
export function readJsonLines(file: string, text: string): JsonLine[] {
  const out: JsonLine[] = [];
  let start = 0;
  let line = 0;
  if (text.charCodeAt(0) === 0xfeff) start = 1;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    line++;
    const raw = text.slice(start, end);
    start = end + 1;
    const value = readJsonLine(file, line, raw);
    if (value) out.push({ line, value });
  }
  return out;
}

/**
 * One line of JSON Lines text: its object, or undefined for a blank line; anything else is a
 * SuiteError naming the file and line. Shared by the whole-text and the streaming readers.
 */
export function readJsonLine(file: string, line: number, raw: string): PyDict | undefined {
  if (raw.trim() === "") return undefined;
  const parsed = readJsonFast(raw.endsWith("\r") ? raw.slice(0, -1) : raw);
  if (!parsed.ok) throw new SuiteError(file, line, `malformed JSON: ${parsed.error.message}`);
  if (!(parsed.value instanceof PyDict)) throw new SuiteError(file, line, "expected a JSON object");
  return parsed.value;
}

/** Typed access to a JSON object's fields, failing with the file and line. */
export class Fields {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly obj: PyDict,
    readonly where = "",
  ) {}

  fail(problem: string): never {
    throw new SuiteError(this.file, this.line, this.where ? `${this.where}: ${problem}` : problem);
  }

  has(key: string): boolean {
    return this.obj.has(key);
  }

  raw(key: string): Value | undefined {
    return this.obj.get(key);
  }

  string(key: string): string {
    const v = this.obj.get(key);
    if (typeof v !== "string") this.fail(v === undefined ? `missing "${key}"` : `"${key}" must be a string`);
    return v;
  }

  optionalString(key: string): string | undefined {
    return this.obj.has(key) ? this.string(key) : undefined;
  }

  list(key: string): Value[] {
    const v = this.obj.get(key);
    if (!Array.isArray(v)) this.fail(v === undefined ? `missing "${key}"` : `"${key}" must be a list`);
    return v;
  }

  object(key: string, where = key): Fields {
    const v = this.obj.get(key);
    if (!(v instanceof PyDict)) this.fail(v === undefined ? `missing "${key}"` : `"${key}" must be an object`);
    return new Fields(this.file, this.line, v, this.where ? `${this.where}.${where}` : where);
  }

  at(v: Value, where: string): Fields {
    if (!(v instanceof PyDict)) this.fail(`${where} must be an object`);
    return new Fields(this.file, this.line, v, this.where ? `${this.where}.${where}` : where);
  }
}

function stringKeys(f: Fields, d: PyDict, what: string): Array<[string, Value]> {
  return d.entries.map(([k, v]) => {
    if (typeof k !== "string") f.fail(`${what} key ${pyRepr(k)} is not a string`);
    return [k, v];
  });
}

/**
 * Reads a parameter doc. `types` is the table the checker will look the type up in; fields of a
 * dict param are never type-checked by BFCL, so they are read with `types` undefined.
 */
function parseParam(f: Fields, types: ReadonlyMap<string, unknown> | undefined, name: string): ParamDoc {
  const type = f.string("type");
  if (types && !types.has(type)) f.fail(`unknown parameter type '${type}' for '${name}'`);
  const doc: ParamDoc = { type, hasDefault: f.has("default") };
  const description = f.optionalString("description");
  if (description !== undefined) doc.description = description;
  if (f.has("items")) doc.items = parseParam(f.object("items"), types, `${name}[]`);
  if (f.has("properties")) {
    const props = f.object("properties");
    doc.properties = new Map(
      stringKeys(f, props.obj, "property").map(([k, v]) => [k, parseParam(props.at(v, k), undefined, `${name}.${k}`)]),
    );
  }
  if (f.has("required") && Array.isArray(f.raw("required"))) doc.required = f.list("required").filter((x): x is string => typeof x === "string");
  if (f.has("enum")) doc.enum = f.list("enum");
  if (doc.hasDefault) doc.default = f.raw("default")!;
  return doc;
}

/** Reads one function doc in BFCL's shape. */
export function parseFunctionDoc(f: Fields, category: CategoryId): FunctionDoc {
  const name = f.string("name");
  const parameters = f.object("parameters", `${name}.parameters`);
  const properties = parameters.object("properties");
  const types = TYPE_TABLES[CATEGORIES[category].language];
  const params = new Map<string, ParamDoc>();
  for (const [p, v] of stringKeys(parameters, properties.obj, "parameter")) {
    params.set(p, parseParam(properties.at(v, p), types, p));
  }
  const required = parameters.list("required").map((r) => {
    if (typeof r !== "string") return parameters.fail(`required entries must be strings, got ${pyRepr(r)}`);
    return r;
  });
  return { name, description: f.optionalString("description") ?? "", params, required };
}

function parseQuestion(f: Fields): Message[][] {
  return f.list("question").map((turn, t) => {
    if (!Array.isArray(turn)) return f.fail(`question[${t}] must be a list of messages`);
    return turn.map((m, i) => {
      const msg = f.at(m, `question[${t}][${i}]`);
      return { role: msg.string("role"), content: msg.string("content") };
    });
  });
}

/** Reads one gold line's `ground_truth` list. */
export function parseGolds(f: Fields): GoldCall[] {
  return f.list("ground_truth").map((g, i) => {
    const call = f.at(g, `ground_truth[${i}]`);
    if (call.obj.size !== 1) call.fail("each gold must have exactly one function name");
    const [name, params] = call.obj.entries[0]!;
    if (typeof name !== "string") return call.fail("the function name must be a string");
    const paramFields = call.at(params, name);
    return { name, params: new Map(stringKeys(paramFields, paramFields.obj, "parameter")) };
  });
}

export interface SuiteFileText {
  file: string;
  text: string;
}

/** A disagreement between a question file and its gold file, reported instead of thrown in audit mode. */
export interface SuiteProblem {
  code: "count_mismatch" | "id_mismatch" | "missing_gold" | "orphan_gold" | "gold_function_not_offered";
  file: string;
  line: number;
  id?: string;
  message: string;
}

export interface ParseCategoryOptions {
  /**
   * Audit mode: the problems that would make the suite unusable for grading (counts or ids that
   * disagree, a gold calling a function the entry does not offer) are passed here instead of
   * thrown, and questions pair with golds by id rather than by position. Malformed JSON and
   * missing fields still throw.
   */
  onProblem?: (p: SuiteProblem) => void;
}

/**
 * Builds the entries of one category from its question file and, for categories with golds, its
 * possible-answer file. Lines pair by position and their ids must agree, as BFCL pairs them.
 */
export function parseCategory(category: CategoryId, questions: SuiteFileText, golds?: SuiteFileText, options: ParseCategoryOptions = {}): Entry[] {
  const info = CATEGORIES[category];
  const report = options.onProblem;
  const qLines = readJsonLines(questions.file, questions.text);
  let gLines: JsonLine[] = [];
  if (info.hasGold) {
    if (!golds) throw new SuiteError(questions.file, 0, `category ${category} needs a possible-answer file`);
    gLines = readJsonLines(golds.file, golds.text);
    if (gLines.length !== qLines.length) {
      const short = gLines.length < qLines.length ? golds : questions;
      const lines = gLines.length < qLines.length ? gLines : qLines;
      const problem = { file: short.file, line: (lines.at(-1)?.line ?? 0) + 1, message: `${qLines.length} questions in ${questions.file} but ${gLines.length} golds in ${golds.file}` };
      if (!report) throw new SuiteError(problem.file, problem.line, problem.message);
      report({ code: "count_mismatch", ...problem });
    }
  }
  // Audit mode pairs by id, so one missing line does not misalign every gold after it.
  const goldById = new Map<string, JsonLine>();
  if (report && golds) {
    for (const g of gLines) {
      const gid = new Fields(golds.file, g.line, g.value).string("id");
      if (!goldById.has(gid)) goldById.set(gid, g);
    }
  }
  const seen = new Map<string, number>();
  const entries = qLines.map((q, i) => {
    const f = new Fields(questions.file, q.line, q.value);
    const id = f.string("id");
    const previous = seen.get(id);
    if (previous !== undefined) f.fail(`duplicate id '${id}' (first on line ${previous})`);
    seen.set(id, q.line);
    const functions = f.list("function").map((d, k) => parseFunctionDoc(f.at(d, `function[${k}]`), category));
    const entry: Entry = { id, category, question: parseQuestion(f), functions, golds: [], source: { file: questions.file, line: q.line } };
    if (info.hasGold) {
      let g = gLines[i];
      if (report) {
        const byId = goldById.get(id);
        if (g && g !== byId) report({ code: "id_mismatch", file: golds!.file, line: g.line, id, message: `line ${g.line} of the gold file is not the gold of '${id}' (question line ${q.line}); BFCL pairs by position` });
        g = byId;
        if (!g) {
          report({ code: "missing_gold", file: questions.file, line: q.line, id, message: `no gold for '${id}'` });
          return entry;
        }
      }
      const gf = new Fields(golds!.file, g!.line, g!.value);
      const goldId = gf.string("id");
      if (goldId !== id) gf.fail(`id '${goldId}' does not match question id '${id}' on line ${q.line} of ${questions.file}`);
      entry.golds = parseGolds(gf);
      if (entry.golds.length === 0) gf.fail("ground_truth is empty");
      for (const gold of entry.golds) {
        if (!functions.some((fn) => fn.name === gold.name)) {
          const message = `gold function '${gold.name}' is not among the functions entry '${id}' offers`;
          if (!report) return gf.fail(message);
          report({ code: "gold_function_not_offered", file: golds!.file, line: g!.line, id, message });
        }
      }
    }
    return entry;
  });
  if (report && golds) {
    for (const [gid, g] of goldById) {
      if (!seen.has(gid)) report({ code: "orphan_gold", file: golds.file, line: g.line, id: gid, message: `gold '${gid}' has no question` });
    }
  }
  return entries;
}
