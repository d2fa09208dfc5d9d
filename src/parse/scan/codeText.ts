/**
 * Tells program code from calls given as an answer. Models often answer with code (a function
 * definition, a script, a Java class) or explain a call inside an example; a call in such code is
 * not the model calling. A fenced block or a paragraph is code when one of its lines is a
 * statement; a single call is code when its line assigns its result or starts with a statement
 * keyword. Built-ins (`print`, `len`…) in prose are never the call.
 */
import { isIdentPart, isIdentStart } from "./chars.js";
import { NextIndex } from "./nextIndex.js";
import { isSpace } from "./source.js";

/**
 * The parts of `text` that read as program code rather than prose with calls: each fenced block,
 * and each paragraph outside fences, that has a statement line (`def f(…):`, `for x in y:`,
 * `import os`, `x = …`, `return …`, `public void f() {`).
 *
 * @example codeRanges("Try:\n\n```python\nx = f(a=1)\n```") // [[6, 30]]
 */
export function codeRanges(text: string): Array<[number, number]> {
  const newlines = new NextIndex(text, "\n");
  return blocksOf(text).filter(([a, b]) => hasStatementLine(text, a, b, newlines));
}

/**
 * {@link codeRanges}, decided block by block as positions are asked about: prose scans ask about
 * a few candidates in answers whose code runs for pages.
 *
 * @example new CodeBlocks("Try:\n\n```python\nx = f(a=1)\n```").has(20) // true
 */
export class CodeBlocks {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly code: Array<boolean | undefined> = [];
  private readonly newlines: NextIndex;

  constructor(private readonly text: string) {
    for (const [a, b] of blocksOf(text)) {
      this.starts.push(a);
      this.ends.push(b);
    }
    this.newlines = new NextIndex(text, "\n");
  }

  /** Whether position `i` lies in code (a block with a statement line). */
  has(i: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! <= i) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0 || i >= this.ends[k]!) return false;
    return (this.code[k] ??= hasStatementLine(this.text, this.starts[k]!, this.ends[k]!, this.newlines));
  }
}

/** The text cut into blocks, in order and covering it: each fenced block, and the paragraphs between fences. */
function blocksOf(text: string): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  const fences = new NextIndex(text, "```");
  const blanks = new NextIndex(text, "\n\n");
  let i = 0;
  while (i < text.length) {
    const f = fences.from(i);
    const stop = f < 0 ? text.length : f;
    // Paragraphs between fences.
    let p = i;
    while (p < stop) {
      const blank = blanks.from(p);
      const e = blank < 0 || blank > stop ? stop : blank + 2;
      blocks.push([p, e]);
      p = e;
    }
    if (f < 0) break;
    const close = fences.from(f + 3);
    const e = close < 0 ? text.length : close + 3;
    blocks.push([f, e]);
    i = e;
  }
  return blocks;
}

function hasStatementLine(text: string, from: number, to: number, newlines: NextIndex): boolean {
  let i = from;
  while (i < to) {
    let e = newlines.from(i);
    if (e < 0 || e > to) e = to;
    if (isStatementLine(text.slice(i, e).trim())) return true;
    i = e + 1;
  }
  return false;
}

function isStatementLine(line: string): boolean {
  // C-family blocks and comments: `public void f() {`, `}`, `// note`.
  if (line.endsWith("{") || line === "}" || line === "};" || line.startsWith("//")) return true;
  let j = 0;
  while (j < line.length && (isIdentPart(line.charCodeAt(j)) || line[j] === ".")) j++;
  const word = line.slice(0, j);
  const rest = line.slice(j);
  if (word === "") return false;
  if (BLOCK_KEYWORDS.has(word)) return line.endsWith(":") || line.endsWith("{");
  if (word === "def" || word === "class" || word === "function") return rest.includes("(") || rest.includes(":");
  if (word === "return" || word === "import" || word === "const" || word === "let" || word === "var") return rest === "" || rest.startsWith(" ");
  if (word === "from") return rest.includes(" import ");
  // `name = value` or a typed declaration `Type name = value`, not `name == value`.
  let r = rest.trimStart();
  if (r !== rest && isIdentStart(r.charCodeAt(0))) {
    let k = 0;
    while (k < r.length && (isIdentPart(r.charCodeAt(k)) || r[k] === "<" || r[k] === ">")) k++;
    r = r.slice(k).trimStart();
  }
  return r.startsWith("=") && !r.startsWith("==") && !r.startsWith("=>");
}

const BLOCK_KEYWORDS: ReadonlySet<string> = new Set(["for", "while", "if", "elif", "else", "try", "except", "finally", "with", "async"]);

/**
 * Whether the candidate at `start` is a piece of code rather than a call given as the answer:
 * its line assigns or compares (`x = f(…)`) or starts with a statement keyword (`return f(…)`).
 *
 * @example inCode("result = f(a=1)", 9, 0) // true
 */
export function inCode(text: string, start: number, floor: number): boolean {
  let lineStart = start;
  while (lineStart > floor && text.charCodeAt(lineStart - 1) !== 0x0a) lineStart--;
  const prefix = text.slice(lineStart, start);
  if (prefix.includes("=")) return true;
  let i = 0;
  while (i < prefix.length && isSpace(prefix.charCodeAt(i))) i++;
  let j = i;
  while (j < prefix.length && isIdentPart(prefix.charCodeAt(j))) j++;
  return j < prefix.length && isSpace(prefix.charCodeAt(j)) && STATEMENT_KEYWORDS.has(prefix.slice(i, j));
}

const STATEMENT_KEYWORDS: ReadonlySet<string> = new Set([
  "return", "yield", "await", "def", "class", "elif", "while", "assert", "raise", "del", "lambda", "import", "async", "const", "let", "var",
]);

/**
 * Python built-ins that appear in code models write around (or instead of) their calls; in prose
 * they are never the call, unless a function doc offers a function of that name.
 */
export const BUILTINS: ReadonlySet<string> = new Set([
  "print", "len", "range", "str", "int", "float", "bool", "list", "dict", "set", "tuple", "sorted", "sum", "min", "max", "abs",
  "round", "open", "input", "type", "isinstance", "enumerate", "zip", "map", "filter", "super", "repr", "format", "hasattr", "getattr", "setattr", "iter", "next",
]);
