/**
 * Twenty prompt-mode outputs that BFCL's default decoder fails on, each read by hand and pinned
 * here with what `parse` must extract (with the entry's function docs, as a grader calls it).
 * The outputs stay in ../shared/conformance (they are not ours to copy); rows name them by run,
 * category and id. Chosen to cover each run and each way the text departs from BFCL's format.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse, type FormatId, type RepairCode } from "../../src/parse/parse.js";
import { readJson } from "../../src/value/json.js";
import { PyDict, type Value } from "../../src/value/value.js";
import { bfclEntries } from "../helpers/conformance.js";
import { SHARED_DIR, SKIP_MESSAGE, sharedPath } from "../helpers/shared.js";
import { repairCodes, showResult } from "./formats/show.js";

type Spot = [what: string, run: string, category: string, id: string, format: FormatId, result: string, repairs: RepairCode[]];

const spots: Spot[] = [
  ["Granite: two <function_call> objects", "v1-granite-20b-functioncalling", "parallel", "parallel_198", "granite",
    "calls: lawsuit_search(entity='Google', county='Santa Clara', state='California'); lawsuit_search(entity='Facebook', county='San Mateo', state='California')", []],
  ["GLM-4: prose, args-only fence, then name and JSON", "v1-glm-4-9b-chat", "simple_python", "simple_python_5", "glm",
    "calls: solve_quadratic(a=3, b=-11, c=-4)", ["prose_ignored"]],
  ["Hermes: three blocks with Python-quoted dicts", "v1-hermes-2-pro-mistral-7b", "parallel", "parallel_116", "hermes",
    "calls: calculate_genotype_frequency(allele_frequency=0.7, genotype='AA'); calculate_genotype_frequency(allele_frequency=0.7, genotype='Aa'); calculate_genotype_frequency(allele_frequency=0.7, genotype='aa')", ["python_syntax"]],
  ["xLAM: tool_calls wrapper with four calls", "v1-xlam-7b-fc-r", "parallel", "parallel_65", "json",
    "calls: calculate_circumference(radius=5, unit='cm'); calculate_circumference(radius=10, unit='cm'); calculate_circumference(radius=15, unit='cm'); calculate_circumference(radius=20, unit='cm')", []],
  ["GPT-4o: a Python list in a ```json fence", "v1-gpt-4o-2024-08-06", "multiple", "multiple_98", "python",
    "calls: geometry.circumference(radius=3)", ["fence_stripped"]],
  ["DeepSeek-Coder: first fence, then a hallucinated conversation", "v1-deepseek-coder-6.7b-instruct", "simple_python", "simple_python_51", "python",
    "calls: calculate_entropy_change(initial_temp=300, final_temp=400, heat_capacity=5)", ["fence_stripped", "prose_ignored"]],
  ["Raven: calls ending in ';'", "v1-nexusflow-raven-v2", "parallel", "parallel_68", "python",
    "calls: calculate_area(base=12, height=15); calculate_area(base=18, height=24)", ["calls_split"]],
  ["Mixtral: markdown-escaped underscores", "v1-open-mixtral-8x7b", "simple_python", "simple_python_347", "python",
    "calls: soccer.get_last_match(team_name='Liverpool F.C.', include_stats=True)", ["markdown_unescaped"]],
  ["Llama 3: [name, key=value]", "v1-llama-3-8b-instruct", "multiple", "multiple_139", "python",
    "calls: lawsuit_details.find(company_name='Apple Inc.', year=2010)", ["name_list_read"]],
  ["Llama 3: header tokens, then ['name', {args}]", "v1-llama-3-8b-instruct", "simple_python", "simple_python_196", "python",
    "calls: air_quality(location='London', date='2022-08-16')", ["template_tokens_dropped", "name_list_read"]],
  ["Llama 3: the arguments as one positional dict (#632), bound with the doc", "v1-llama-3-8b-instruct", "simple_java", "simple_java_32", "python",
    "calls: RedissonPermitExpirableSemaphore.tryAcquireAsync(waitTime='5', leaseTime='120', unit='SECONDS')", ["dict_spread"]],
  ["Qwen2.5-1.5B: a **bold** label before the list", "aafv-qwen2.5-1.5b-instruct", "parallel_multiple", "parallel_multiple_38", "python",
    "calls: us_history.life_expectancy(year=1900); us_history.gdp(year=1900)", ["prose_ignored", "emphasis_stripped"]],
  ["Llama 3.2: question echoed, then one list per paragraph", "aafv-llama-3.2-3b-instruct", "parallel_multiple", "parallel_multiple_152", "python",
    "calls: geometry.area_triangle(base=12, height=15, unit='square meters'); science_history.get_invention(invention_name='Telephone', want_year=True); map_service.get_directions(start='New York City', end='Los Angeles', avoid=['tolls', 'highways'])", ["prose_ignored", "calls_split"]],
  ["Llama 3.2: calls joined with '+'", "aafv-llama-3.2-3b-instruct", "parallel", "parallel_70", "python",
    "calls: geometry.circumference(radius=5, units='m'); geometry.circumference(radius=10, units='m'); geometry.circumference(radius=15, units='m'); geometry.circumference(radius=20, units='m')", ["calls_combined"]],
  ["Mixtral: explanation, fenced call, explanation", "v1-open-mixtral-8x7b", "simple_python", "simple_python_159", "python",
    "calls: get_act_details(act_name='Criminal Law Amendment Act', amendment_year=2013)", ["fence_stripped", "prose_ignored"]],
  ["gorilla: Java long literals kept as text", "v1-gorilla-openfunctions-v2", "simple_java", "simple_java_22", "python",
    "calls: PmsProductServiceImpl.updateNewStatus(ids='[101L, 202L, 303L]', newStatus='2')", ["raw_text_value"]],
  ["DeepSeek-Coder: name and arguments flat in one dict", "v1-deepseek-coder-6.7b-instruct", "simple_python", "simple_python_123", "json",
    "calls: hypothesis_testing.two_sample_t_test(group1=[12.4, 15.6, 11.2, 18.9], group2=[10.5, 9.8, 15.2, 13.8], alpha=0.05)", ["fence_stripped", "flat_arguments", "python_syntax"]],
  ["Llama 3: the call written as a string", "v1-llama-3-8b-instruct", "multiple", "multiple_0", "python",
    "calls: triangle_properties.get(side1=5, side2=4, side3=3)", ["quotes_stripped"]],
  ["Claude: explains why it cannot call (no call)", "v1-claude-3.5-sonnet-20240620", "simple_python", "simple_python_172", "text",
    "no_call: prose", []],
  ["Hermes: a broken arguments object (malformed)", "v1-hermes-2-pro-mistral-7b", "simple_python", "simple_python_122", "hermes",
    "malformed: invalid_json", []],
];

function record(run: string, category: string, id: string): { result: Value; errorType: unknown } {
  for (const line of readFileSync(sharedPath("conformance", run, `${category}.jsonl`), "utf8").split("\n")) {
    if (!line.includes(`"id": "${id}"`)) continue;
    const r = readJson(line);
    if (r.ok && r.value instanceof PyDict && r.value.get("id") === id) {
      return { result: r.value.get("result")!, errorType: (r.value.get("bfcl") as PyDict).get("error_type") };
    }
  }
  throw new Error(`no record ${run}/${category}/${id}`);
}

describe("spot checks: outputs BFCL cannot decode", () => {
  if (!SHARED_DIR) {
    it.skip(SKIP_MESSAGE, () => {});
    return;
  }
  it.each(spots)("%s", (_what, run, category, id, format, expected, repairs) => {
    const { result, errorType } = record(run, category, id);
    expect(errorType).toBe("ast_decoder:decoder_failed");
    const r = parse(result, { functions: bfclEntries().get(id)!.functions });
    expect(showResult(r)).toBe(expected);
    expect(r.format).toBe(format);
    expect(repairCodes(r)).toEqual(expect.arrayContaining(repairs));
  });
});
