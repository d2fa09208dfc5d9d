/**
 * What the audit reports: findings as data, one closed union of codes, each with a severity and
 * the ruleset scopes it concerns. Sentences are written only in {@link describeFinding}.
 *
 * Severities: `error` — no answer can pass (or the suite files disagree, so nothing is graded
 * as BFCL would); `warning` — the gold contradicts its doc or cannot be traced to the
 * conversation, so a right answer may fail; `info` — worth a look, usually harmless.
 */
import type { CategoryId } from "../categories.js";
import type { SourceRef } from "../types.js";
import { pyRepr } from "../value/repr.js";
import type { Value } from "../value/value.js";

export type Severity = "error" | "warning" | "info";

/**
 * A ruleset and, for `bfcl`, the decoding mode: BFCL's verdicts differ between prompt and FC
 * decoding (Java HashMaps, string arrays), the default ruleset reads both forms alike.
 */
export type Scope = "bfcl-prompt" | "bfcl-fc" | "default";

export const SCOPES: readonly Scope[] = ["bfcl-prompt", "bfcl-fc", "default"];

interface At {
  severity: Severity;
  /** The entry, when the finding concerns one. */
  id?: string;
  category?: CategoryId;
  /** Where in the gold: `golds[0].origin_airport`, `golds[1].params[2].limit`. */
  path?: string;
  source: SourceRef;
}

export type Finding =
  | (At & { code: "count_mismatch" | "id_mismatch" | "missing_gold" | "orphan_gold"; message: string })
  | (At & { code: "gold_function_not_offered"; function: string })
  | (At & { code: "gold_param_not_in_doc"; function: string; param: string; omittable: boolean })
  | (At & { code: "required_param_only_omittable"; function: string; param: string })
  | (At & { code: "empty_alternatives"; function: string; param: string })
  | (At & { code: "alternative_wrong_type"; param: string; value: Value; expected: string; reason: string; dead: boolean })
  | (At & { code: "alternative_not_in_enum"; param: string; value: Value; allowed: readonly Value[] })
  | (At & { code: "ungroundable_value"; param: string; value: string; inDoc: boolean })
  /**
   * `basis: "proved"`: a static finding (`causes`) shows BFCL's checker passes nothing; the
   * default-ruleset scope is always decided by the search over `candidates` constructed answers.
   */
  | (At & { code: "unsatisfiable_gold"; scopes: Scope[]; basis: "proved" | "searched"; causes: FindingCode[]; candidates: number });

export type FindingCode = Finding["code"];

/** Every code with its title, in the order reports list them. */
export const FINDINGS: Readonly<Record<FindingCode, { title: string }>> = {
  unsatisfiable_gold: { title: "No answer can pass" },
  count_mismatch: { title: "Question and gold files differ in length" },
  id_mismatch: { title: "Question and gold ids disagree at a position" },
  missing_gold: { title: "Question without a gold" },
  orphan_gold: { title: "Gold without a question" },
  gold_function_not_offered: { title: "Gold calls a function the entry does not offer" },
  gold_param_not_in_doc: { title: "Gold parameter missing from the function doc" },
  required_param_only_omittable: { title: "Doc-required parameter the gold only lets be omitted" },
  empty_alternatives: { title: "Empty list of acceptable values" },
  alternative_wrong_type: { title: "Acceptable value violates the doc's type" },
  alternative_not_in_enum: { title: "Acceptable value outside the doc's enum" },
  ungroundable_value: { title: "String value not found in the conversation" },
};

export const FINDING_CODES = Object.keys(FINDINGS) as FindingCode[];

const show = (v: Value) => pyRepr(v);

/** One sentence for a finding: the reason a person reads. */
export function describeFinding(f: Finding): string {
  switch (f.code) {
    case "count_mismatch":
    case "id_mismatch":
    case "missing_gold":
    case "orphan_gold":
      return f.message;
    case "gold_function_not_offered":
      return `the gold calls '${f.function}', which is not among the functions the entry offers`;
    case "gold_param_not_in_doc":
      return f.omittable
        ? `gold parameter '${f.param}' of ${f.function} is not in the doc; it may be omitted, so only omitting it passes`
        : `gold parameter '${f.param}' of ${f.function} is not in the doc and may not be omitted; BFCL rejects any undocumented parameter, so nothing passes`;
    case "required_param_only_omittable":
      return `'${f.param}' is required by the doc of ${f.function}, but the gold's only acceptable value is "" (omit it); omitting a required parameter fails, so only writing it as the empty string passes`;
    case "empty_alternatives":
      return `'${f.param}' of ${f.function} lists no acceptable value at all`;
    case "alternative_wrong_type":
      return `acceptable value ${show(f.value)} of '${f.param}' is not a valid ${f.expected} (${f.reason})${f.dead ? "; BFCL's type check rejects it, so it can never match" : ""}`;
    case "alternative_not_in_enum":
      return `acceptable value ${show(f.value)} of '${f.param}' is not one of the doc's values ${f.allowed.map(show).join(", ")}`;
    case "ungroundable_value":
      return f.inDoc
        ? `${show(f.value)} for '${f.param}' is not in the conversation; it appears only in the function doc`
        : `${show(f.value)} for '${f.param}' is not in the conversation, not an alias or a number of anything in it, and not in the function doc`;
    case "unsatisfiable_gold": {
      // The static causes are proofs about BFCL's checker; for the default ruleset the search decides.
      const searched = `none of ${f.candidates} constructed answers passes`;
      const how =
        f.basis === "proved"
          ? `proved for BFCL's checker by ${f.causes.join(", ")}${f.scopes.includes("default") ? `; under default, ${searched}` : ""}`
          : `${searched}${f.causes.length ? ` (see ${f.causes.join(", ")})` : ""}`;
      return `no answer can pass under ${f.scopes.join(", ")}: ${how}`;
    }
  }
}
