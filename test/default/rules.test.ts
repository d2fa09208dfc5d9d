/**
 * Every rule of the default ruleset, through its own examples: the accepting example passes and
 * names the rule among those that decided it; the rejecting example fails.
 */
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/default/rules.js";
import { runExample as run } from "../helpers/examples.js";

describe("default ruleset rules", () => {
  it.each(RULES.map((r) => [r.id, r] as const))("%s accepts its example", (id, rule) => {
    const r = run(rule.accepts);
    expect(r.mismatches).toEqual([]);
    expect(r.rules).toContain(id);
  });
  it.each(RULES.map((r) => [r.id, r] as const))("%s rejects its counter-example", (_id, rule) => {
    expect(run(rule.rejects).valid).toBe(false);
  });
  it("every rule has a one-line description", () => {
    for (const r of RULES) expect(r.description).toMatch(/^[A-Z].*\.$/);
  });
});
