/**
 * Parses JavaScript source the way tree-sitter-javascript 0.21.4 does, to the point BFCL cares
 * about: whether the tree would contain an ERROR node, and if not, the tree (see `parseSource`).
 */
import { type Grammar, type SourceParse, type SourceParseOptions, parseSource } from "../rdParser.js";
import { lexJs } from "./lexer.js";
import { JsParser } from "./parser.js";
import { jsRecoveryPolicy } from "./recoveryPolicy.js";
import { parseProgram } from "./statements.js";

export type JsParse = SourceParse;

/** Only the oracle test sets `costUnit`: the Node tree-sitter binding counts UTF-16. */
export type JsParseOptions = SourceParseOptions;

const JAVASCRIPT: Grammar<JsParser> = {
  lex: lexJs,
  parser: (src, tokens, comments) => new JsParser(src, tokens, comments),
  program: parseProgram,
  recoveryPolicy: jsRecoveryPolicy,
};

/**
 * @example parseJs("f(a=1)").ok // true
 * @example parseJs("f(a=1").ok  // false
 */
export function parseJs(src: string, options: JsParseOptions = {}): JsParse {
  return parseSource(src, JAVASCRIPT, options);
}
