/**
 * The pathological corpus: hostile model outputs generated in code (nothing huge is committed).
 * Each case is a function of a size `n`, so a test can grade it at n and at 4n and see that the
 * time grows linearly, and names the size it is usually run at.
 *
 * The cases follow issue 9: very long strings, deep brackets, a million tiny calls, unterminated
 * strings and fences, lone surrogates and NUL bytes, `__proto__` / `constructor` / `prototype`
 * wherever a name can go, huge integers, and JSON inside strings inside JSON. Payload cases
 * (`payload: true`) are JavaScript values, as a provider SDK or `JSON.parse` hands them over.
 */

export interface CorpusCase {
  name: string;
  /** The size the pathological test runs the case at (its unit is in `unit`). */
  size: number;
  unit: string;
  /** The output for size n. */
  make(n: number): unknown;
  /** A payload rather than text: graded with `decode: "fc"` as well. */
  payload?: boolean;
}

const MB = 1024 * 1024;

/** `unit` repeated to exactly n characters. */
export function fill(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

const POISON = ["__proto__", "constructor", "prototype"] as const;

export const CORPUS: readonly CorpusCase[] = [
  // 10 MB strings: past every length limit, so they must be refused in time proportional to nothing worse than a scan.
  { name: "10 MB of one letter", size: 10 * MB, unit: "chars", make: (n) => fill("a", n) },
  { name: "10 MB of prose with parentheses", size: 10 * MB, unit: "chars", make: (n) => fill("word(s) and ", n) },
  { name: "10 MB call list", size: 10 * MB, unit: "chars", make: (n) => `[f(a=${fill("1", n - 8)})]` },
  { name: "10 MB string argument", size: 10 * MB, unit: "chars", make: (n) => `[f(a='${fill("x", n - 9)}')]` },
  { name: "10 MB JSON object", size: 10 * MB, unit: "chars", make: (n) => `{"name": "f", "arguments": {"a": "${fill("x", n - 35)}"}}` },
  { name: "10 MB of quotes", size: 10 * MB, unit: "chars", make: (n) => fill(`'"`, n) },
  // Deep nesting, closed and unclosed, in each bracket kind and in a JSON payload.
  { name: "100,000 open brackets", size: 100_000, unit: "brackets", make: (n) => "[" .repeat(n) },
  { name: "100,000 nested lists in an argument", size: 100_000, unit: "brackets", make: (n) => `[f(a=${"[".repeat(n)}${"]".repeat(n)})]` },
  { name: "100,000 open parentheses", size: 100_000, unit: "brackets", make: (n) => `f${"(".repeat(n)}` },
  { name: "100,000 nested calls", size: 100_000, unit: "calls", make: (n) => `${"f(".repeat(n)}${")".repeat(n)}` },
  { name: "100,000 nested JSON objects", size: 100_000, unit: "brackets", make: (n) => `{"name": "f", "arguments": ${'{"a":'.repeat(n)}1${"}".repeat(n + 1)}` },
  { name: "100,000 nested Java arrays", size: 100_000, unit: "brackets", make: (n) => `f(a=${"new int[]{".repeat(n)}${"}".repeat(n)})` },
  { name: "100,000 nested unary minus", size: 100_000, unit: "operators", make: (n) => `[f(a=${"-".repeat(n)}1)]` },
  {
    name: "100,000 nested payload lists",
    size: 100_000,
    unit: "levels",
    payload: true,
    make: (n) => {
      let v: unknown = [{ f: "{}" }];
      for (let i = 0; i < n; i++) v = [v];
      return v;
    },
  },
  // Many calls.
  { name: "a million tiny calls", size: 1_000_000, unit: "calls", make: (n) => `[${fill("f(),", 4 * n)}]` },
  { name: "a million tiny calls on lines", size: 1_000_000, unit: "calls", make: (n) => fill("f()\n", 4 * n) },
  { name: "a million tiny JSON calls", size: 250_000, unit: "calls", make: (n) => fill('{"name":"f","arguments":{}}', 27 * n) },
  { name: "a million tiny <tool_call> blocks", size: 100_000, unit: "calls", make: (n) => fill('<tool_call>{"name":"f","arguments":{}}</tool_call>', 50 * n) },
  { name: "10,000 payload calls", size: 10_000, unit: "calls", payload: true, make: (n) => Array.from({ length: n }, () => ({ f: "{}" })) },
  // Unterminated things.
  { name: "unterminated string", size: 500_000, unit: "chars", make: (n) => `[f(a='${fill("x", n)}` },
  { name: "unterminated triple-quoted string", size: 500_000, unit: "chars", make: (n) => `[f(a="""${fill("x", n)}` },
  { name: "unterminated JSON string", size: 500_000, unit: "chars", make: (n) => `{"name": "f", "arguments": {"a": "${fill("x", n)}` },
  { name: "unterminated fence", size: 500_000, unit: "chars", make: (n) => `\`\`\`python\n[f(a=1)]\n${fill("x ", n)}` },
  { name: "many unterminated fences", size: 500_000, unit: "chars", make: (n) => fill("```json\n{\n", n) },
  { name: "unterminated <think>", size: 500_000, unit: "chars", make: (n) => `<think>${fill("hmm ", n)}` },
  { name: "unterminated <tool_call>", size: 500_000, unit: "chars", make: (n) => `<tool_call>{"name": "f", "arguments": {"a": "${fill("x", n)}` },
  { name: "unterminated escapes", size: 500_000, unit: "chars", make: (n) => `[f(a='${fill("\\", n)}` },
  // Unicode edge cases.
  { name: "lone surrogates", size: 500_000, unit: "chars", make: (n) => `[f(a='${fill("\ud800x\udc00", n)}')]` },
  { name: "lone surrogate names", size: 1, unit: "case", make: () => `[\ud800(a=1), f\udfff(b\ud800=2)]` },
  { name: "NUL bytes", size: 500_000, unit: "chars", make: (n) => `[f(a='${fill("\0", n)}')]` },
  { name: "NUL bytes everywhere", size: 1, unit: "case", make: () => `\0[\0f\0(\0a\0=\0'\0'\0)\0]\0` },
  { name: "JSON with escaped surrogates", size: 1, unit: "case", make: () => `{"name": "f", "arguments": {"a": "\\ud800\\u0000\\udfff"}}` },
  { name: "a BOM and zero-width characters", size: 1, unit: "case", make: () => `\ufeff[f\u200b(a=1)]\u2028` },
  // Prototype keys in every position.
  ...POISON.flatMap((k): CorpusCase[] => [
    { name: `${k} as a function name`, size: 1, unit: "case", make: () => `[${k}(a=1)]` },
    { name: `${k} as an argument name`, size: 1, unit: "case", make: () => `[f(${k}=1, a=1)]` },
    { name: `${k} as a dict key`, size: 1, unit: "case", make: () => `[f(a={'${k}': {'polluted': 1}})]` },
    { name: `${k} as a JSON name and key`, size: 1, unit: "case", make: () => `{"name": "${k}", "arguments": {"${k}": {"polluted": true}}}` },
    { name: `${k} as a JSON arguments string key`, size: 1, unit: "case", make: () => `[{"name": "f", "arguments": "{\\"${k}\\": {\\"polluted\\": true}}"}]` },
    { name: `${k} as a Hermes name`, size: 1, unit: "case", make: () => `<tool_call>{"name": "${k}", "arguments": {"${k}": 1}}</tool_call>` },
    { name: `${k} in an XML parameter`, size: 1, unit: "case", make: () => `<tool_call><function=f><parameter=${k}>{"polluted": 1}</parameter></function></tool_call>` },
    { name: `${k} in a payload`, size: 1, unit: "case", payload: true, make: () => JSON.parse(`[{"${k}": "{\\"${k}\\": {\\"polluted\\": true}}"}]`) },
    { name: `${k} in an OpenAI payload`, size: 1, unit: "case", payload: true, make: () => JSON.parse(`{"tool_calls": [{"type": "function", "function": {"name": "${k}", "arguments": "{\\"${k}\\": 1}"}}]}`) },
  ]),
  { name: "toString and hasOwnProperty as names", size: 1, unit: "case", make: () => `[toString(hasOwnProperty=1, valueOf={'toString': 2})]` },
  // Huge integers.
  { name: "a 100,000-digit integer", size: 100_000, unit: "digits", make: (n) => `[f(a=${fill("9", n)})]` },
  { name: "a 100,000-digit JSON integer", size: 100_000, unit: "digits", make: (n) => `{"name": "f", "arguments": {"a": ${fill("7", n)}}}` },
  { name: "a 100,000-digit float", size: 100_000, unit: "digits", make: (n) => `[f(a=${fill("9", n)}.5e99999)]` },
  { name: "an integer to a huge power", size: 1, unit: "case", make: () => `[f(a=10**1000000000, b=2**2**2**2**2**2)]` },
  { name: "a huge shift and repeat", size: 1, unit: "case", make: () => `[f(a=1<<100000000000, b='x'*100000000000, c=[0]*10**12)]` },
  { name: "a huge hex integer", size: 100_000, unit: "digits", make: (n) => `[f(a=0x${fill("f", n)})]` },
  // JSON inside strings inside JSON.
  {
    name: "JSON nested in strings 12 levels",
    size: 12,
    unit: "levels",
    make: (n) => {
      let inner = '{"a": 1}';
      for (let i = 0; i < n; i++) inner = JSON.stringify({ name: "f", arguments: inner });
      return inner;
    },
  },
  {
    name: "arguments strings nested in a payload",
    size: 12,
    unit: "levels",
    payload: true,
    make: (n) => {
      let inner = '{"a": 1}';
      for (let i = 0; i < n; i++) inner = JSON.stringify({ a: inner });
      return [{ f: inner }];
    },
  },
  { name: "a long escaped JSON string", size: 500_000, unit: "chars", make: (n) => `{"name": "f", "arguments": "${fill('{\\"a\\": \\"\\\\\\"', n)}"}` },
];

/** Every key on Object.prototype and its own descriptor, to check nothing was added or changed. */
export function prototypeSnapshot(): string {
  const keys = Reflect.ownKeys(Object.prototype).map(String).sort();
  return JSON.stringify([keys, ...[Object, Array, Function, Map].map((c) => Reflect.ownKeys(c.prototype).map(String).sort())]);
}

/** True when a fresh object has no inherited keys besides the standard ones. */
export function objectIsClean(): boolean {
  const o: Record<string, unknown> = {};
  for (const k in o) return false;
  return (o as { polluted?: unknown }).polluted === undefined && ([] as unknown as { polluted?: unknown }).polluted === undefined;
}
