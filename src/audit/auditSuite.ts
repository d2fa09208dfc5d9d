/**
 * `auditSuite`: static checks of a suite's golds that need no model output. Each finding names
 * the entry, the place in the gold, a severity and the scopes it concerns (findings.ts). The
 * checks, in the order they run per gold parameter:
 *
 * - the gold calls a function the entry does not offer;
 * - a gold parameter is missing from the function doc;
 * - a parameter lists no acceptable value (`[]`);
 * - a doc-required parameter whose only acceptable value is `""` (omit);
 * - an acceptable value violates the doc's type or enum (ajv, schema.ts);
 * - a string value cannot be grounded in the conversation (grounding.ts);
 *
 * and per entry, whether any answer can pass (satisfiable.ts). File-level disagreements
 * (counts, ids) come from the suite loader in audit mode and are turned into findings by
 * {@link problemFinding}.
 */
import { CATEGORIES, type CategoryId, type Language } from "../categories.js";
import { alternativesOf } from "../default/matchValue.js";
import type { SuiteProblem } from "../suite/parseSuite.js";
import type { Entry, FunctionDoc, GoldCall, ParamDoc, SourceRef } from "../types.js";
import { kindOf, PyDict, pyEquals, type Value } from "../value/value.js";
import { TYPE_TABLES } from "../bfcl/typeTables.js";
import { SCOPES, type Finding, type FindingCode, type Scope, type Severity } from "./findings.js";
import { conversationText, docText, Grounding } from "./grounding.js";
import { satisfiable } from "./satisfiable.js";
import { SchemaChecker } from "./schema.js";

export interface AuditOptions {
  /** Skip the search for a passing answer (it grades a few candidates per entry). Default false. */
  skipSatisfiability?: boolean;
  /** Skip the grounding check. Default false. */
  skipGrounding?: boolean;
}

export interface AuditCategory {
  category: CategoryId;
  entries: number;
  /** Entries with at least one error finding. */
  entriesWithErrors: number;
  /** Findings per code. */
  counts: Partial<Record<FindingCode, number>>;
  /** Entries no answer can pass, per scope. */
  unsatisfiable: Record<Scope, number>;
}

export interface AuditReport {
  findings: Finding[];
  categories: AuditCategory[];
  /** Unsatisfiable entry ids per scope, for validation. */
  unsatisfiable: Record<Scope, Set<string>>;
}

/** Codes that prove, without grading anything, that BFCL's checker passes no answer. */
const PROVES_BFCL: ReadonlySet<FindingCode> = new Set(["gold_function_not_offered", "empty_alternatives"]);

/** A loader problem (audit mode) as a finding. */
export function problemFinding(p: SuiteProblem, category?: CategoryId): Finding {
  const base = { severity: "error" as const, source: { file: p.file, line: p.line }, ...(p.id ? { id: p.id } : {}), ...(category ? { category } : {}) };
  if (p.code === "gold_function_not_offered") return { ...base, code: p.code, function: /'([^']*)'/.exec(p.message)?.[1] ?? "" };
  return { ...base, code: p.code, message: p.message };
}

function sourceOf(entry: Entry): SourceRef {
  return entry.source ?? { file: entry.category, line: 0 };
}

/**
 * The strings inside a gold value that cannot be grounded, with their paths. A dict gold holds a
 * list of alternatives per key, and one grounded alternative is enough there too.
 */
function ungroundedStrings(v: Value, path: string, g: Grounding): Array<[string, string]> {
  if (typeof v === "string") return v.trim().length >= 2 && g.ground(v) === null ? [[path, v]] : [];
  if (Array.isArray(v)) return v.flatMap((x, i) => ungroundedStrings(x, `${path}[${i}]`, g));
  if (v instanceof PyDict) {
    return v.entries.flatMap(([k, x]) => {
      const alts = alternativesOf(x).filter((a) => a !== "");
      const per = alts.map((a, i) => ungroundedStrings(a, `${path}.${String(k)}[${i}]`, g));
      return per.some((u) => u.length === 0) ? [] : (per[0] ?? []);
    });
  }
  return [];
}

class EntryAudit {
  readonly findings: Finding[] = [];
  readonly #at: { id: string; category: CategoryId; source: SourceRef };
  readonly #language: Language;
  #grounding: Grounding | undefined;
  #doc: Grounding | undefined;

  constructor(
    readonly entry: Entry,
    readonly schemas: SchemaChecker,
    readonly options: AuditOptions,
  ) {
    this.#at = { id: entry.id, category: entry.category, source: sourceOf(entry) };
    this.#language = CATEGORIES[entry.category].language;
  }

  add(severity: Severity, path: string, f: Record<string, unknown> & { code: FindingCode }): void {
    this.findings.push({ severity, path, ...this.#at, ...f } as Finding);
  }

  run(): void {
    this.entry.golds.forEach((gold, i) => {
      const doc = this.entry.functions.find((f) => f.name === gold.name);
      if (!doc) this.add("error", `golds[${i}]`, { code: "gold_function_not_offered", function: gold.name });
      for (const [param, g] of gold.params) this.#param(gold, doc, param, g, `golds[${i}].${param}`);
    });
    if (!this.options.skipSatisfiability && this.entry.golds.length) this.#satisfiability();
  }

  #param(gold: GoldCall, doc: FunctionDoc | undefined, param: string, g: Value, path: string): void {
    const alts = alternativesOf(g);
    const omittable = alts.includes("");
    const values = alts.filter((a) => a !== "");
    const p = doc?.params.get(param);
    if (doc && !p) this.add(omittable ? "warning" : "error", path, { code: "gold_param_not_in_doc", function: gold.name, param, omittable });
    if (alts.length === 0) this.add("error", path, { code: "empty_alternatives", function: gold.name, param });
    else if (values.length === 0 && doc?.required.includes(param)) {
      // Writing the parameter as "" still passes both rulesets, so this is a defect, not a wall.
      this.add("warning", path, { code: "required_param_only_omittable", function: gold.name, param });
    }
    if (p) this.#types(p, param, alts, path);
    if (!this.options.skipGrounding) this.#ground(param, values, path);
  }

  #types(p: ParamDoc, param: string, alts: readonly Value[], path: string): void {
    const declared = TYPE_TABLES[this.#language].get(p.type);
    const first = alts.find((a) => a !== "");
    const firstKind = first === undefined ? undefined : kindOf(first);
    alts.forEach((a, i) => {
      if (a === "") return;
      // The doc's own default (often None) is a value the doc itself allows.
      if (p.hasDefault && pyEquals(a, p.default ?? null)) return;
      const r = this.schemas.check(p, a, this.#language);
      if (r.ok) return;
      if (r.enumOnly) {
        // ajv reports the first failing keyword; an enum miss is the only failure left when it is the one reported.
        this.add("warning", `${path}[${i}]`, { code: "alternative_not_in_enum", param, value: a, allowed: p.enum ?? [] });
        return;
      }
      // BFCL accepts a value of the first alternative's kind as a "variable"; another kind never matches.
      const kind = kindOf(a);
      const dead = this.#language === "python" && kind !== declared && kind !== firstKind && !(declared === "float" && kind === "int");
      this.add("warning", `${path}[${i}]`, { code: "alternative_wrong_type", param, value: a, expected: p.type, reason: r.reason ?? "", dead });
    });
  }

  #ground(param: string, values: readonly Value[], path: string): void {
    if (values.length === 0) return;
    this.#grounding ??= new Grounding(conversationText(this.entry));
    const g = this.#grounding;
    // One grounded alternative is enough: the gold then accepts what the user said.
    const ungrounded = values.map((v, i) => ungroundedStrings(v, `${path}[${i}]`, g));
    if (ungrounded.some((u) => u.length === 0)) return;
    for (const [where, s] of ungrounded[0]!) {
      this.#doc ??= new Grounding(docText(this.entry.functions));
      const inDoc = this.#doc.ground(s) !== null;
      this.add(inDoc ? "info" : "warning", where, { code: "ungroundable_value", param, value: s, inDoc });
    }
  }

  #satisfiability(): void {
    const s = satisfiable(this.entry);
    const failing = SCOPES.filter((scope) => !s.passes.has(scope));
    if (failing.length === 0) return;
    const causes = [...new Set(this.findings.filter((f) => f.severity === "error").map((f) => f.code))];
    const proved = causes.some((c) => PROVES_BFCL.has(c) || c === "gold_param_not_in_doc");
    this.add("error", "golds", { code: "unsatisfiable_gold", scopes: failing, basis: proved ? "proved" : "searched", causes, candidates: s.tried });
  }
}

/**
 * Audits the entries of a suite (a loaded suite's `entries`); `problems` are the loader's
 * audit-mode problems, reported first.
 *
 * @example auditSuite(loadSuite("bfcl").entries).categories.find((c) => c.category === "live_simple")?.unsatisfiable
 */
export function auditSuite(
  suite: ReadonlyMap<CategoryId, readonly Entry[]>,
  options: AuditOptions & { problems?: ReadonlyArray<{ problem: SuiteProblem; category?: CategoryId }> } = {},
): AuditReport {
  const schemas = new SchemaChecker();
  const findings: Finding[] = (options.problems ?? []).map((p) => problemFinding(p.problem, p.category));
  const unsatisfiable: Record<Scope, Set<string>> = { "bfcl-prompt": new Set(), "bfcl-fc": new Set(), default: new Set() };
  const categories: AuditCategory[] = [];
  for (const [category, entries] of suite) {
    const counts: Partial<Record<FindingCode, number>> = {};
    for (const f of findings) if (f.category === category) counts[f.code] = (counts[f.code] ?? 0) + 1;
    const perScope: Record<Scope, number> = { "bfcl-prompt": 0, "bfcl-fc": 0, default: 0 };
    let withErrors = 0;
    for (const entry of entries) {
      const a = new EntryAudit(entry, schemas, options);
      a.run();
      for (const f of a.findings) {
        counts[f.code] = (counts[f.code] ?? 0) + 1;
        if (f.code === "unsatisfiable_gold") {
          for (const s of f.scopes) {
            perScope[s]++;
            unsatisfiable[s].add(entry.id);
          }
        }
      }
      if (a.findings.some((f) => f.severity === "error")) withErrors++;
      findings.push(...a.findings);
    }
    categories.push({ category, entries: entries.length, entriesWithErrors: withErrors, counts, unsatisfiable: perScope });
  }
  return { findings, categories, unsatisfiable };
}
