/**
 * Differential test of the Java and JavaScript prompt decoders against a reference built on
 * the real tree-sitter (test/oracle/), on the conformance inputs and on seeded mutations of them.
 *
 * The Node binding measures tree-sitter's error costs in UTF-16 bytes while py-tree-sitter (what
 * BFCL runs) measures UTF-8, which changes a few error-recovery choices; the decoders are run in
 * "utf16" mode here so both sides apply the same costs. The remaining mutation disagreements
 * come from tree-sitter's GLR version pruning, which the recovery model (src/bfcl/recovery.ts)
 * approximates; the bounds below keep them from growing. Counts are printed on every run.
 */
import { describe, expect, it } from "vitest";
import { decodeBfclJava } from "../../src/bfcl/decodeJava.js";
import { decodeBfclJavaScript } from "../../src/bfcl/decodeJavaScript.js";
import type { DecodeResult } from "../../src/bfcl/decodeFc.js";
import { pyRepr } from "../../src/value/repr.js";
import { conformanceFiles, readRecords } from "../helpers/conformance.js";
import { SHARED_DIR } from "../helpers/shared.js";
import { oracleJava } from "../oracle/bfclJavaOracle.js";
import { oracleJavaScript } from "../oracle/bfclJsOracle.js";
import { mutate, seeded } from "../oracle/mutate.js";
import { type TsParser, loadTreeSitter } from "../oracle/treeSitter.js";

const MUTATIONS = 3000;
const SEED = 20240811;

/** Used when ../shared is absent, so the mutation test still runs. */
const BUILTIN: Record<"java" | "javascript", string[]> = {
  java: [
    '[GeometryPresentation.createPresentation(controller="mapController", parent=mapArea)]',
    "[PmsProductServiceImpl.updateNewStatus(ids=new ArrayList<>(Arrays.asList(101L, 202L)), newStatus=2)]",
    '[sourcepaths002.runIt(args=new String[]{"-v", "-p"}, out=System.out)]',
    '[SQLCompletionAnalyzer.makeProposalsFromObject(object=Customers, params=new HashMap<String, Object>() {{ put("limit", 50); }})]',
  ],
  javascript: [
    "[validateUserInput(inputField='userInputField', isComplete=true)]",
    "[performDataFetch(apiEndpoint='https://api.example.com/data', requestConfig={method: 'GET'}, handleErrors=true)]",
    "[submitAtCoordinate(action='submit', formId='loginForm', coordinates=[60, 30])]",
    '[mapTransitions(category="transition", limit=4)]',
  ],
};

function corpusInputs(category: string): string[] {
  if (!SHARED_DIR) return [];
  const out: string[] = [];
  for (const f of conformanceFiles()) {
    if (f.category !== category && f.category !== "probes") continue;
    for (const r of readRecords(f.file)) {
      if (r.category === category && r.mode === "prompt" && typeof r.result === "string") out.push(r.result);
    }
  }
  return out;
}

function repr(r: DecodeResult): string | null {
  return r.ok ? pyRepr(r.value) : null;
}

interface Language {
  name: "java" | "javascript";
  category: string;
  oracle: (p: TsParser, text: string) => string | null;
  decode: (text: string) => DecodeResult;
  /** Largest accepted share of mutated inputs on which the decoders disagree. */
  mutationBound: number;
}

const LANGUAGES: Language[] = [
  { name: "java", category: "simple_java", oracle: oracleJava, decode: (t) => decodeBfclJava(t, { costUnit: "utf16" }), mutationBound: 0.003 },
  { name: "javascript", category: "simple_javascript", oracle: oracleJavaScript, decode: (t) => decodeBfclJavaScript(t, { costUnit: "utf16" }), mutationBound: 0.01 },
];

const loaded = loadTreeSitter();

describe.skipIf(!loaded.ok)("Java/JavaScript decoders against tree-sitter", () => {
  const ts = loaded.ok ? loaded : undefined;

  function disagreements(lang: Language, inputs: string[]) {
    const parser = ts![lang.name];
    const found: Array<{ input: string; oracle: string | null; ours: string | null }> = [];
    for (const input of inputs) {
      const oracle = lang.oracle(parser, input);
      const ours = repr(lang.decode(input));
      if (oracle !== ours) found.push({ input, oracle, ours });
    }
    return found;
  }

  it.each(LANGUAGES.map((l) => [l.name, l] as const))("%s: agrees on every conformance input", (_name, lang) => {
    const inputs = [...corpusInputs(lang.category), ...BUILTIN[lang.name]];
    const found = disagreements(lang, inputs);
    console.log(`${lang.name}: ${found.length} of ${inputs.length} conformance inputs disagree with tree-sitter`);
    expect(found).toEqual([]);
  });

  it.each(LANGUAGES.map((l) => [l.name, l] as const))("%s: stays within bounds on seeded mutations", (_name, lang) => {
    const base = [...new Set([...corpusInputs(lang.category), ...BUILTIN[lang.name]])];
    const random = seeded(SEED);
    const inputs = Array.from({ length: MUTATIONS }, () => mutate(base[Math.floor(random() * base.length)]!, random));
    const found = disagreements(lang, inputs);
    const rate = found.length / inputs.length;
    console.log(
      `${lang.name}: ${found.length} of ${inputs.length} mutations disagree (${(rate * 100).toFixed(2)}%)` +
        found.slice(0, 5).map((d) => `\n  ${JSON.stringify(d.input).slice(0, 120)} oracle=${d.oracle === null ? "ERROR" : "ok"} ours=${d.ours === null ? "ERROR" : "ok"}`).join(""),
    );
    expect(rate).toBeLessThanOrEqual(lang.mutationBound);
  });
});

if (!loaded.ok) {
  describe("Java/JavaScript decoders against tree-sitter", () => {
    it.skip(loaded.reason, () => {});
  });
}
