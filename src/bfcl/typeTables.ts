/**
 * BFCL's type tables (bfcl_eval/constants/type_mappings.py): declared doc type → the Python type
 * a value must have. A type missing from its table makes BFCL's checker raise (KeyError); the
 * checker here reports that as `checker_exception`.
 */
import type { Language } from "../categories.js";
import type { PyKind } from "../value/value.js";

export const PYTHON_TYPES: ReadonlyMap<string, PyKind> = new Map<string, PyKind>([
  ["string", "str"],
  ["integer", "int"],
  ["float", "float"],
  ["boolean", "bool"],
  ["array", "list"],
  ["tuple", "list"],
  ["dict", "dict"],
  ["any", "str"],
]);

export const JAVA_TYPES: ReadonlyMap<string, PyKind> = new Map<string, PyKind>([
  ["byte", "int"],
  ["short", "int"],
  ["integer", "int"],
  ["float", "float"],
  ["double", "float"],
  ["long", "int"],
  ["boolean", "bool"],
  ["char", "str"],
  ["Array", "list"],
  ["ArrayList", "list"],
  ["Set", "set"],
  ["HashMap", "dict"],
  ["Hashtable", "dict"],
  ["Queue", "list"],
  ["Stack", "list"],
  ["String", "str"],
  ["any", "str"],
]);

export const JAVASCRIPT_TYPES: ReadonlyMap<string, PyKind> = new Map<string, PyKind>([
  ["String", "str"],
  ["integer", "int"],
  ["float", "float"],
  ["Bigint", "int"],
  ["Boolean", "bool"],
  ["dict", "dict"],
  ["array", "list"],
  ["any", "str"],
]);

export const TYPE_TABLES: Readonly<Record<Language, ReadonlyMap<string, PyKind>>> = {
  python: PYTHON_TYPES,
  java: JAVA_TYPES,
  javascript: JAVASCRIPT_TYPES,
};

/** Declared types whose elements are checked (Python) or converted (Java/JavaScript) one by one. */
export const NESTED_TYPES: Readonly<Record<Language, ReadonlySet<string>>> = {
  python: new Set(["array", "tuple"]),
  java: new Set(["Array", "ArrayList", "array"]),
  javascript: new Set(["Array", "ArrayList", "array"]),
};
