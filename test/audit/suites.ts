/** Small hand-made suites for the audit and validation tests, written as BFCL-format objects. */
import type { CategoryId } from "../../src/categories.js";
import { parseCategory, type SuiteProblem } from "../../src/suite/parseSuite.js";
import type { Entry } from "../../src/types.js";

export interface Case {
  id: string;
  /** The user's message. */
  say: string;
  functions: object[];
  /** BFCL ground_truth (omitted for relevance categories). */
  gold?: object[];
}

/** `f(params)` with the given properties; every property listed in `required` is required. */
export function fn(name: string, properties: Record<string, object>, required: string[] = Object.keys(properties)): object {
  return { name, description: `${name} does things`, parameters: { type: "dict", properties, required } };
}

export function questionText(cases: readonly Case[]): string {
  return cases.map((c) => JSON.stringify({ id: c.id, question: [[{ role: "user", content: c.say }]], function: c.functions })).join("\n");
}

export function goldText(cases: readonly Case[]): string {
  return cases.map((c) => JSON.stringify({ id: c.id, ground_truth: c.gold ?? [] })).join("\n");
}

/** A one-category suite; `problems` collects audit-mode problems when given. */
export function suiteOf(category: CategoryId, cases: readonly Case[], problems?: SuiteProblem[]): Map<CategoryId, Entry[]> {
  const golds = cases.some((c) => c.gold) ? { file: "golds.json", text: goldText(cases) } : undefined;
  const entries = parseCategory(category, { file: "questions.json", text: questionText(cases) }, golds, problems ? { onProblem: (p) => problems.push(p) } : {});
  return new Map([[category, entries]]);
}
