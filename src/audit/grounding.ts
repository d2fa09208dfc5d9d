/**
 * Can a value be traced to the conversation? A gold string is grounded when, after folding case,
 * accents, quotes and punctuation (canonicalize/text.ts), it appears in the user and system
 * turns as whole words, is an alias of words that do (canonicalize/aliases.ts), is a number that
 * the text states (`"5"` for "five" or "5.0"), is a date or time the text states in another form
 * or lets be computed (a relative date word: "tomorrow", "next Monday"), or is a comma-separated
 * list or a set of words each grounded on its own ("Los Angeles, CA" when the text says
 * "Los Angeles, California"; a trailing region the alias tables know, such as a state or a country,
 * counts as derivable from the place before it: "Santa Rosa, CA"). Everything else is ungroundable: the gold asks for something
 * the user never said.
 *
 * Limits, stated once: no stemming beyond a regular plural ending ("wings" grounds "wing", but
 * "women" does not ground "woman"), text in scripts written without spaces (Chinese, Japanese,
 * Korean, Thai) is found as a plain substring, no paraphrase, no unit
 * conversion, no arithmetic beyond ×100 for percentages. Values shorter than two characters are
 * not judged.
 */
import { defaultAliases } from "../canonicalize/aliases.js";
import { decodeEscapes, foldText } from "../canonicalize/text.js";
import type { Entry, FunctionDoc, ParamDoc } from "../types.js";
import { PyDict, type Value } from "../value/value.js";

/** How a value was grounded, or `null` when it was not. */
export type GroundedBy = "text" | "alias" | "number" | "date" | "time" | "parts" | "words" | null;

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, dozen: 12, half: 0.5, once: 1, twice: 2, single: 1, double: 2,
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
};
const SCALE: Readonly<Record<string, number>> = { k: 1e3, thousand: 1e3, million: 1e6, m: 1e6, billion: 1e9, bn: 1e9, b: 1e9 };
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const DATE_TOKEN = /\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}/g;
/** Scripts written without spaces between words, where a phrase is found as a plain substring. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const RELATIVE_DATE = /\b(today|tonight|tomorrow|yesterday|next|this|last|coming|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|days?|weeks?|months?|years?)\b/;

/**
 * Folded text with every run of characters other than letters and digits made one space, and
 * digits parted from letters ("5cm" → "5 cm").
 */
export function looseText(s: string): string {
  return foldText(s)
    .replace(/(?<=\p{N})(?=\p{L})|(?<=\p{L})(?=\p{N})/gu, " ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** A word without a regular plural ending: "wings" → "wing", "boxes" stays "boxe" on both sides alike. */
export function singular(w: string): string {
  return w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w;
}

function singularText(loose: string): string {
  return loose.split(" ").map(singular).join(" ");
}

function parseNumber(s: string): number | undefined {
  const t = s.trim().replace(/,/g, "");
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?%?$/.test(t)) return undefined;
  const n = Number(t.replace(/%$/, ""));
  return Number.isFinite(n) ? n : undefined;
}

/** The numbers a text states, in digits or words, with k/million scales and percentages. */
function numbersIn(folded: string): Set<number> {
  const out = new Set<number>();
  // No word boundary after the digits: "11th" and "5cm" state 11 and 5.
  const re = /(\d[\d,]*(?:\.\d+)?|\.\d+)(?:\s*(k|thousand|million|m|billion|bn|b)\b)?/g;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const n = Number(m[1]!.replace(/,/g, ""));
    if (!Number.isFinite(n)) continue;
    out.add(n);
    out.add(n / 100);
    if (m[2]) out.add(n * SCALE[m[2]]!);
    const neg = folded[m.index - 1] === "-";
    if (neg) out.add(-n);
  }
  const words = folded.split(/[^a-z]+/);
  for (let i = 0; i < words.length; i++) {
    const w = NUMBER_WORDS[words[i]!];
    if (w === undefined) continue;
    out.add(w);
    const next = words[i + 1] ?? "";
    const unit = NUMBER_WORDS[next];
    if (w < 100 && unit !== undefined && unit < 10) out.add(w + unit); // twenty five
    if (unit !== undefined && unit >= 100) out.add(w * unit); // five hundred
  }
  return out;
}

interface DateParts {
  year?: number;
  month: number;
  day: number;
}

function parseDate(s: string): DateParts | undefined {
  const t = s.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$/.exec(t);
  if (m) return { year: +m[1]!, month: +m[2]!, day: +m[3]! };
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2,4})$/.exec(t);
  if (m) {
    const a = +m[1]!;
    const b = +m[2]!;
    return a > 12 ? { year: +m[3]!, month: b, day: a } : { year: +m[3]!, month: a, day: b };
  }
  m = /^(\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m) return { month: +m[1]!, day: +m[2]! };
  return undefined;
}

function parseTime(s: string): { hour: number; minute: number } | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(s.trim());
  return m ? { hour: +m[1]!, minute: +m[2]! } : undefined;
}

/** The text a question gives the model: every user and system turn. */
export function conversationText(entry: Entry): string {
  return entry.question
    .flat()
    .filter((m) => m.role === "user" || m.role === "system")
    .map((m) => m.content)
    .join("\n");
}

function paramText(p: ParamDoc): string[] {
  const out = [p.description ?? ""];
  if (p.enum) out.push(...p.enum.filter((x): x is string => typeof x === "string"));
  if (typeof p.default === "string") out.push(p.default);
  if (p.items) out.push(...paramText(p.items));
  if (p.properties) for (const [k, q] of p.properties) out.push(k, ...paramText(q));
  return out;
}

/** The text of the function docs an entry offers: descriptions, enums, defaults, names. */
export function docText(functions: readonly FunctionDoc[]): string {
  return functions.flatMap((f) => [f.name, f.description, ...[...f.params].flatMap(([k, p]) => [k, ...paramText(p)])]).join("\n");
}

/** A text to ground values in, folded and indexed once. */
export class Grounding {
  readonly #loose: string;
  /** The same text with every word made singular. */
  readonly #singular: string;
  readonly #words: Set<string>;
  readonly #numbers: Set<number>;
  readonly #folded: string;

  constructor(raw: string) {
    // Some questions hold JSON text whose escapes were never decoded ("logo.\\nGreen"): read them.
    const text = decodeEscapes(raw).replace(/\\[nrt]/g, " ");
    this.#folded = foldText(text);
    this.#loose = ` ${looseText(text)} `;
    this.#singular = ` ${singularText(looseText(text))} `;
    this.#words = new Set(this.#loose.split(" ").filter(Boolean));
    this.#numbers = numbersIn(this.#folded);
  }

  #phrase(s: string): boolean {
    const l = looseText(s);
    if (l !== "" && UNSPACED.test(l) && this.#loose.includes(l)) return true;
    return l !== "" && (this.#loose.includes(` ${l} `) || this.#singular.includes(` ${singularText(l)} `));
  }

  #alias(s: string): boolean {
    const group = defaultAliases().members(s);
    return !!group && group.some((name) => name.length > 1 && this.#phrase(name));
  }

  #number(s: string): boolean {
    const n = parseNumber(s);
    return n !== undefined && (this.#numbers.has(n) || this.#numbers.has(n * 100) || this.#numbers.has(n / 100));
  }

  #date(s: string): boolean {
    const d = parseDate(s);
    if (!d || d.month < 1 || d.month > 12) return false;
    if (RELATIVE_DATE.test(this.#folded)) return true;
    for (const token of this.#folded.match(DATE_TOKEN) ?? []) {
      const t = parseDate(token);
      if (t && t.month === d.month && t.day === d.day && (t.year === undefined || d.year === undefined || t.year === d.year)) return true;
    }
    const month = MONTHS[d.month - 1]!;
    const monthSaid = this.#words.has(month) || this.#words.has(month.slice(0, 3)) || this.#numbers.has(d.month);
    const daySaid = this.#numbers.has(d.day) || this.#words.has(`${d.day}st`) || this.#words.has(`${d.day}nd`) || this.#words.has(`${d.day}rd`) || this.#words.has(`${d.day}th`);
    return monthSaid && daySaid;
  }

  #time(s: string): boolean {
    const t = parseTime(s);
    if (!t) return false;
    if (t.hour === 12 && t.minute === 0 && this.#words.has("noon")) return true;
    if (t.hour === 0 && t.minute === 0 && this.#words.has("midnight")) return true;
    const h12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
    const mm = String(t.minute).padStart(2, "0");
    const forms = [`${t.hour}:${mm}`, `${h12}:${mm}`, ...(t.minute === 0 ? [`${h12} pm`, `${h12}pm`, `${h12} am`, `${h12}am`, `${h12} p m`, `${h12} a m`, `${h12} o clock`] : [])];
    return forms.some((f) => this.#loose.includes(` ${looseText(f)} `) || this.#folded.includes(f));
  }

  /** How the value is grounded in this text, or `null`. */
  ground(s: string): GroundedBy {
    if (this.#phrase(s)) return "text";
    if (this.#alias(s)) return "alias";
    if (this.#number(s)) return "number";
    if (this.#date(s)) return "date";
    if (this.#time(s)) return "time";
    const parts = s.split(/\s*[,;]\s*/).filter((p) => p.trim() !== "");
    const partGrounded = (p: string) => this.#phrase(p) || this.#alias(p) || this.#number(p);
    // "Santa Rosa, CA": a place qualified by a region the alias table knows is derivable from the place.
    const region = (p: string) => defaultAliases().members(p) !== undefined || defaultAliases().isAmbiguous(p);
    if (parts.length > 1 && parts.slice(0, -1).every(partGrounded) && (partGrounded(parts.at(-1)!) || region(parts.at(-1)!))) return "parts";
    const words = looseText(s).split(" ").filter(Boolean);
    if (words.length > 1 && words.every((w) => this.#words.has(w) || this.#words.has(singular(w)) || this.#singular.includes(` ${singular(w)} `) || this.#alias(w) || this.#number(w))) return "words";
    return null;
  }
}

/**
 * Whether a value of any kind is grounded: strings as above, numbers when the text states them,
 * booleans and null always (a model derives them from the request), containers when every item is.
 */
export function groundedValue(v: Value, g: Grounding): boolean {
  if (typeof v === "string") return v.trim().length < 2 || g.ground(v) !== null;
  if (typeof v === "bigint" || typeof v === "number") return g.ground(String(v)) !== null;
  if (Array.isArray(v)) return v.every((x) => groundedValue(x, g));
  if (v instanceof PyDict) return v.entries.every(([, x]) => groundedValue(x, g));
  return true;
}
