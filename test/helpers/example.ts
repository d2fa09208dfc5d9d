/** The project's own example suite (data/, golds/) and example outputs, for tests without ../shared. */
import { fileURLToPath } from "node:url";
import { loadResults } from "../../src/suite/loadResults.js";
import { loadSuite } from "../../src/suite/loadSuite.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DATA = `${ROOT}data`;
export const GOLDS = `${ROOT}golds`;

export function exampleSuite() {
  return loadSuite(DATA, { golds: GOLDS });
}

export function exampleResults(model: "example-model" | "example-model-fc") {
  return loadResults(`${DATA}/results/${model}`);
}
