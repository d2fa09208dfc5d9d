/**
 * A suite read one category at a time, when a result of that category first streams in: a run
 * of one category does not pay for parsing the other twelve, and a streamed results file can be
 * graded before anyone knows which categories it holds. Used by the CLI and the batch workers.
 */
import type { CategoryId } from "../categories.js";
import type { Entry } from "../types.js";
import { loadSuite } from "./loadSuite.js";

export class LazySuite {
  /** The categories read so far, with their entries. */
  readonly entries = new Map<CategoryId, Entry[]>();
  private readonly byId = new Map<string, Entry>();

  /** @example new LazySuite("bfcl-data", "bfcl-data/possible_answer").entry("simple_python_0", "simple_python") */
  constructor(
    readonly dir: string,
    readonly golds?: string,
  ) {}

  /** Reads a category's question and gold files, once; a SuiteError if they are missing or malformed. */
  need(category: CategoryId): void {
    if (this.entries.has(category)) return;
    const suite = loadSuite(this.dir, { ...(this.golds ? { golds: this.golds } : {}), categories: [category] });
    const list = suite.entries.get(category)!;
    this.entries.set(category, list);
    for (const e of list) this.byId.set(e.id, e);
  }

  /** The entry with this id, reading its category first; undefined when the suite has none. */
  entry(id: string, category: CategoryId): Entry | undefined {
    this.need(category);
    return this.byId.get(id);
  }
}
