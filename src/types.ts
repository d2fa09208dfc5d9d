/**
 * Plain data shared by every stage: function docs, golds, entries and calls.
 *
 * Everything here is built once when a suite is loaded and read many times by the graders.
 * Maps (never plain objects) hold names that come from files or model output.
 */
import type { CategoryId } from "./categories.js";
import type { Value } from "./value/value.js";

/** One chat message of a question. */
export interface Message {
  role: string;
  content: string;
}

/** A parameter of a function doc, in BFCL's type vocabulary (`string`, `float`, `dict`, `String`, `ArrayList`…). */
export interface ParamDoc {
  type: string;
  description?: string;
  /** Element doc of an array / tuple / ArrayList. */
  items?: ParamDoc;
  /** Fields of a dict param, when the doc lists them. */
  properties?: ReadonlyMap<string, ParamDoc>;
  required?: readonly string[];
  enum?: readonly Value[];
  /** The documented default; `hasDefault` tells an absent default from a `null` one. */
  default?: Value;
  hasDefault: boolean;
}

/** A function offered to the model. */
export interface FunctionDoc {
  name: string;
  description: string;
  params: ReadonlyMap<string, ParamDoc>;
  required: readonly string[];
}

/**
 * One expected call: each parameter lists its acceptable values; `""` among them means the
 * parameter may be left out. Alternatives are kept as the gold file wrote them (normally a list).
 */
export interface GoldCall {
  name: string;
  params: ReadonlyMap<string, Value>;
}

/** Where a record came from, for error messages. */
export interface SourceRef {
  file: string;
  line: number;
}

/** One test case of a suite: the question, the functions offered and the expected calls. */
export interface Entry {
  id: string;
  category: CategoryId;
  question: readonly (readonly Message[])[];
  functions: readonly FunctionDoc[];
  /** Empty for the relevance categories, which have no gold. */
  golds: readonly GoldCall[];
  source?: SourceRef;
}

/**
 * A call as toolgrade reads it from model output. `args` keeps the order the model wrote;
 * `positional` holds arguments given without a name (bound to names later, when a doc is known).
 * A `**mapping` spread is kept under the key {@link SPREAD_KEY}.
 */
export interface Call {
  name: string;
  args: Map<string, Value>;
  positional: Value[];
}

/** Key under which a `**kwargs` spread is kept in {@link Call.args}; no identifier can collide with it. */
export const SPREAD_KEY = "**";
