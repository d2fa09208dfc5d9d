/** Generated plain Python call lists for the fast readers' equivalence tests. */
import fc from "fast-check";

/** Mostly the clean choice, sometimes (one time in ten) a near miss. */
export const mostly = <T,>(clean: fc.Arbitrary<T>, ...misses: T[]) => fc.oneof({ arbitrary: clean, weight: 9 }, { arbitrary: fc.constantFrom(...misses), weight: 1 });

/** Generated call lists in the accepted shape, with names and values that stress the scan. */
const ident = fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/).filter((s) => !["and", "as", "if", "in", "is", "or", "not", "for", "def", "del", "try", "with", "from", "else", "elif", "pass", "class", "while", "yield", "raise", "break", "async", "await", "global", "import", "lambda", "return", "assert", "except", "finally", "continue", "nonlocal"].includes(s));
const text = fc.string({ unit: fc.constantFrom("a", "Z", " ", "é", "中", "'", '"', ",", "(", ")", "[", "]", "{", "}", "=", ":", "\\", "<", "|", "-", "1", "\n"), maxLength: 12 });
const scalar = fc.oneof(
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map((n) => n.toString()),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Number.isInteger(x) ? `${x}.0` : String(x))),
  fc.constantFrom("True", "False", "None", "true", "null", "my_data", "math.pi", "np.nan", "Truex", "_x1"),
  text.map((s) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n")}'`),
  text.map((s) => JSON.stringify(s)),
);
const valueText = fc.letrec<{ value: string; list: string; tuple: string; dict: string }>((tie) => ({
  value: fc.oneof({ depthSize: "small" }, scalar, tie("list"), tie("dict"), tie("tuple")),
  list: fc.array(tie("value"), { maxLength: 3 }).map((xs) => `[${xs.join(", ")}]`),
  tuple: fc.array(tie("value"), { minLength: 2, maxLength: 3 }).map((xs) => `(${xs.join(", ")})`),
  dict: fc.uniqueArray(fc.tuple(ident, tie("value")), { selector: ([k]) => k, maxLength: 3 }).map((kv) => `{${kv.map(([k, v]) => `'${k}': ${v}`).join(", ")}}`),
})).value;
export const callText = fc
  .tuple(fc.array(fc.oneof({ weight: 8, arbitrary: ident }, { weight: 1, arbitrary: fc.constantFrom("default_api", "print", "round", "no_function") }), { minLength: 1, maxLength: 3 }), fc.uniqueArray(fc.tuple(ident, valueText), { selector: ([k]) => k, maxLength: 4 }))
  .map(([name, args]) => `${name.join(".")}(${args.map(([k, v]) => `${k}=${v}`).join(", ")})`);
/** A plain call list, bracketed or not, with padding. */
export const callListText = fc.tuple(fc.array(callText, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.constantFrom("", " ", "\n")).map(([calls, bracket, pad]) => (bracket ? `${pad}[${calls.join(", ")}]${pad}` : calls.join(", ")));


/**
 * Calls with positional arguments before the keyword ones (`area(10, 5)`, `f({'a': 1})`), to
 * functions some docs name (`area`, `store`, `f`) and others not, with near misses: a positional
 * argument after a keyword one, a starred one.
 */
const positionalCall = fc
  .tuple(
    fc.constantFrom("area", "store", "f", "g"),
    fc.array(fc.oneof({ weight: 6, arbitrary: valueText }, { weight: 1, arbitrary: fc.constantFrom("*xs", "**kw", "x == 1", "width") }), { minLength: 1, maxLength: 3 }),
    fc.uniqueArray(fc.tuple(fc.constantFrom("base", "height", "data", "key", "a", "b", "c"), valueText), { selector: ([k]) => k, maxLength: 2 }),
    fc.boolean(),
  )
  .map(([name, positional, keywords, misplaced]) => {
    const kw = keywords.map(([k, v]) => `${k}=${v}`);
    const args = misplaced && kw.length > 0 ? [kw[0], ...positional, ...kw.slice(1)] : [...positional, ...kw];
    return `${name}(${args.join(", ")})`;
  });
export const positionalCallListText = fc
  .tuple(fc.array(fc.oneof(positionalCall, callText), { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([calls, bracket]) => (bracket ? `[${calls.join(", ")}]` : calls.join(", ")));

/** A call list with up to three arbitrary characters inserted somewhere: text near the accepted shape. */
export const nearCallListText = fc
  .tuple(callListText, fc.nat(), fc.string({ maxLength: 3 }))
  .map(([t, at, s]) => t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1)));

/** A call list ending in semicolons, sometimes with spaces or a line break between a name and its `(` (Raven's style and near it). */
export const semicolonCallListText = fc
  .tuple(callListText, fc.constantFrom(";", "; ", ";;", " ;", ";\n", "; ;"), fc.constantFrom("", " ", "\n"), fc.nat())
  .map(([t, tail, gap, at]) => {
    const opens = [...t.matchAll(/[a-z0-9_](?=\()/g)].map((m) => m.index! + 1);
    const i = opens.length ? opens[at % opens.length]! : -1;
    return (i < 0 ? t : t.slice(0, i) + gap + t.slice(i)) + tail;
  });
