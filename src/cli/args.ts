/**
 * Argument reading shared by every command: node's parseArgs with a `--help` flag added, a
 * usage error as a `bad_input` outcome, and `--help` answered with the command's usage text.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { CATEGORY_IDS, isCategoryId, type CategoryId } from "../categories.js";
import { fail, type Io, type Outcome } from "./main.js";

type Options = NonNullable<ParseArgsConfig["options"]>;
type WithHelp<O extends Options> = O & { help: { type: "boolean"; short: "h"; default: false } };
export type ArgValues<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: false; options: WithHelp<O> }>>["values"];

/** Values with the required options known to be given. */
type WithRequired<V, R extends keyof V> = V & { [K in R]-?: NonNullable<V[K]> };

/**
 * The parsed values, or the outcome to return (bad usage, or help printed). `required` names the
 * options that must be given (a repeatable one at least once), each with how usage writes it.
 */
export function readArgs<O extends Options, R extends keyof ArgValues<O> & string = never>(
  argv: string[],
  options: O,
  usage: string,
  io: Io,
  required: { readonly [K in R]: string } = {} as { [K in R]: string },
): { values: WithRequired<ArgValues<O>, R> } | { outcome: Outcome } {
  const all = { ...options, help: { type: "boolean", short: "h", default: false } } as WithHelp<O>;
  let values: ArgValues<O>;
  try {
    values = parseArgs({ args: argv, allowPositionals: false, options: all }).values as ArgValues<O>;
  } catch (e) {
    return { outcome: fail((e as Error).message) };
  }
  if ((values as { help?: boolean }).help) {
    io.out(usage);
    return { outcome: { kind: "help" } };
  }
  for (const [name, label] of Object.entries(required) as Array<[R, string]>) {
    const v = values[name] as unknown;
    if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) return { outcome: fail(`${label} is required`) };
  }
  return { values: values as WithRequired<ArgValues<O>, R> };
}

/** `--category C` values, checked; a string is the usage error. */
export function readCategories(values: readonly string[] | undefined): CategoryId[] | string {
  const categories: CategoryId[] = [];
  for (const c of values ?? []) {
    if (!isCategoryId(c)) return `unknown category '${c}' (known: ${CATEGORY_IDS.join(", ")})`;
    categories.push(c);
  }
  return categories;
}

/** Run names must differ, and every per-run option must name a run; the usage error, or undefined. */
export function checkRunNames(names: readonly string[], perRunNames: Iterable<string>): string | undefined {
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) return `two runs are named '${twice}'; pass their folders so that the model names differ`;
  for (const name of perRunNames) if (!names.includes(name)) return `no run is named '${name}' (runs: ${names.join(", ")})`;
  return undefined;
}

/** The suite every command reads: `--data DIR` (BFCL's layout), golds from `--golds DIR` when not in DIR/possible_answer. */
export const SUITE_OPTION_SPECS = {
  data: { type: "string" },
  golds: { type: "string" },
} as const;
