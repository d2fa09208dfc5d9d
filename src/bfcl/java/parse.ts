/**
 * Parses Java source the way tree-sitter-java 0.21.0 does, to the point BFCL cares about:
 * whether the tree would contain an ERROR node, and if not, the tree (see `parseSource`).
 */
import { type Grammar, type SourceParse, type SourceParseOptions, parseSource } from "../rdParser.js";
import { lexJava } from "./lexer.js";
import { JavaParser } from "./parser.js";
import { javaRecoveryPolicy } from "./recoveryPolicy.js";
import { parseProgram } from "./statements.js";

export type JavaParse = SourceParse;

/** Only the oracle test sets `costUnit`: the Node tree-sitter binding counts UTF-16. */
export type JavaParseOptions = SourceParseOptions;

const JAVA: Grammar<JavaParser> = {
  lex: lexJava,
  parser: (src, tokens, comments) => new JavaParser(src, tokens, comments),
  program: parseProgram,
  recoveryPolicy: javaRecoveryPolicy,
};

/**
 * @example parseJava("f(a=1)").ok // true: the missing `;` is a MISSING node, not an ERROR
 * @example parseJava("f(a=1").ok  // false
 */
export function parseJava(src: string, options: JavaParseOptions = {}): JavaParse {
  return parseSource(src, JAVA, options);
}
