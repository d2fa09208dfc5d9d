/**
 * The alias tables bundled with toolgrade: countries (every ISO 3166-1 entry), U.S. states and
 * territories, well-known cities, units of measure, and weekdays and months, from
 * `data/aliases/*.json`. The JSON is imported, so the bundler inlines it and the grader needs no
 * file system; each table is built on first use and kept for the life of the process.
 *
 * Loading every domain together is the safe default: a name that two domains use differently
 * ("Georgia", "CA", "LA", "Mar") is then ambiguous. Where a parameter gives context, a table of
 * fewer domains resolves it: with `aliasesFor(["us_states"])`, "GA" is Georgia.
 */
import calendar from "../../data/aliases/calendar.json" with { type: "json" };
import cities from "../../data/aliases/cities.json" with { type: "json" };
import countries from "../../data/aliases/countries.json" with { type: "json" };
import units from "../../data/aliases/units.json" with { type: "json" };
import usStates from "../../data/aliases/us_states.json" with { type: "json" };
import { type AliasGroup, AliasTable } from "./aliasTable.js";

/** The bundled domains, in the order their groups are built. */
export const ALIAS_DOMAINS = ["countries", "us_states", "cities", "units", "calendar"] as const;
export type AliasDomain = (typeof ALIAS_DOMAINS)[number];

const FILES: Readonly<Record<AliasDomain, unknown>> = { countries, us_states: usStates, cities, units, calendar };

/** One bundled file after its shape was checked. */
export interface AliasFile {
  groups: readonly AliasGroup[];
  ambiguous: readonly string[];
}

const files = new Map<AliasDomain, AliasFile>();
const tables = new Map<string, AliasTable>();

/**
 * The checked contents of one bundled file. Throws an error naming the file and the entry when
 * the data has the wrong shape.
 *
 * @example aliasFile("units").ambiguous.includes("ton") // true
 */
export function aliasFile(domain: AliasDomain): AliasFile {
  let file = files.get(domain);
  if (!file) {
    file = checkFile(`data/aliases/${domain}.json`, FILES[domain]);
    files.set(domain, file);
  }
  return file;
}

/**
 * A table of the given bundled domains, built once per distinct set.
 *
 * @example aliasesFor(["us_states"]).same("Georgia", "GA") // true
 */
export function aliasesFor(domains: readonly AliasDomain[]): AliasTable {
  const chosen = ALIAS_DOMAINS.filter((d) => domains.includes(d));
  const id = chosen.join(",");
  let table = tables.get(id);
  if (!table) {
    const loaded = chosen.map(aliasFile);
    table = AliasTable.build(loaded.flatMap((f) => f.groups), { ambiguous: loaded.flatMap((f) => f.ambiguous) });
    tables.set(id, table);
  }
  return table;
}

/**
 * The table of every bundled domain, built on first use.
 *
 * @example defaultAliases().same("U.S.A.", "United States") // true
 */
export function defaultAliases(): AliasTable {
  return aliasesFor(ALIAS_DOMAINS);
}

function checkFile(file: string, data: unknown): AliasFile {
  const fail = (where: string, reason: string): never => {
    throw new Error(`${file}: ${where} ${reason}`);
  };
  if (typeof data !== "object" || data === null) return fail("the file", "must hold an object");
  const { version, groups, ambiguous = [] } = data as { version?: unknown; groups?: unknown; ambiguous?: unknown };
  if (version !== 1) fail("version", `must be 1, not ${JSON.stringify(version)}`);
  if (!Array.isArray(groups)) return fail("groups", "must be a list");
  groups.forEach((group: unknown, i) => {
    if (!Array.isArray(group) || group.length === 0) fail(`groups[${i}]`, "must be a non-empty list of names");
    (group as unknown[]).forEach((name, j) => {
      if (typeof name !== "string" || name.trim() === "") fail(`groups[${i}][${j}]`, "must be a non-empty string");
    });
  });
  if (!Array.isArray(ambiguous)) return fail("ambiguous", "must be a list");
  ambiguous.forEach((name: unknown, i) => {
    if (typeof name !== "string" || name.trim() === "") fail(`ambiguous[${i}]`, "must be a non-empty string");
  });
  return { groups: groups as AliasGroup[], ambiguous: ambiguous as string[] };
}
