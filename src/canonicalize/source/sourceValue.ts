/**
 * What the Java and JavaScript readers share: the result shape, the size and depth limits, and
 * the reading of a declared type into numeric hints.
 *
 * A reader either recognises the whole text as a value (a literal, or an idiomatic constructor of
 * one) or hands the text back as an expression, which the caller compares as normalised source.
 * There is no third, failing kind: text that is not even valid source (an unbalanced quote) is an
 * expression too, and simply matches nothing but itself.
 */
import type { Value } from "../../value/value.js";

/** A value read from source text, or the (trimmed) text of something that is not a value. */
export type SourceValueResult =
  | { kind: "value"; value: Value; notes: string[] }
  | { kind: "expression"; text: string };

/** Longer texts are not read (returned as expressions): no argument in any suite comes close. */
export const MAX_SOURCE_LENGTH = 1_000_000;

/** Deeper nesting of brackets, calls or unary operators makes the text an expression. */
export const MAX_DEPTH = 100;

/**
 * How literals at one position are read: `float` turns integer literals into floats (a `2` for a
 * `double` parameter is 2.0), `item`/`key`/`value` describe the elements of a collection there.
 */
export interface NumericHint {
  readonly float: boolean;
  readonly item?: NumericHint | undefined;
  readonly key?: NumericHint | undefined;
  readonly value?: NumericHint | undefined;
}

export const NO_HINT: NumericHint = { float: false };

const FLOAT_TYPES = new Set(["float", "double", "Float", "Double", "java.lang.Float", "java.lang.Double"]);

/** True for the type names whose integer literals mean floating-point values. */
export function isFloatType(name: string | undefined): boolean {
  return name !== undefined && FLOAT_TYPES.has(name.trim());
}

/**
 * The hint for a parameter from its declared type and (for collections) its item type.
 *
 * @example declaredHint("Array", "double") // { float: false, item: { float: true } }
 */
export function declaredHint(declaredType: string, itemType: string | undefined): NumericHint {
  const item = itemType === undefined ? undefined : { float: isFloatType(itemType) };
  return { float: isFloatType(declaredType), item };
}

/** The text of an expression result. */
export function expression(source: string): SourceValueResult {
  return { kind: "expression", text: source.trim() };
}

/**
 * Thrown inside a reader where the text stops being a value; readers catch it at the top. Not an
 * Error on purpose: it is control flow, thrown on most non-literal source text, and capturing a
 * stack trace each time cost more than reading the text.
 */
export class NotAValue {
  readonly message: string;
  constructor(readonly offset: number) {
    this.message = `not a value at offset ${offset}`;
  }
}
