import { describe, expect, it } from "vitest";
import { aliasKey, aliasSpelling, foldCase } from "../../src/canonicalize/aliasKey.js";

/** [behaviour, input, case-preserving spelling] */
const spellings: Array<[string, string, string]> = [
  ["plain words pass unchanged", "New York City", "New York City"],
  ["case is kept", "MB", "MB"],
  ["runs of spaces collapse", "  New   York\tCity ", "New York City"],
  ["hyphens and underscores separate", "Winston-Salem_NC", "Winston Salem NC"],
  ["en dash separates", "Guinea–Bissau", "Guinea Bissau"],
  ["commas separate", "Washington, D.C.", "Washington DC"],
  ["dots of an initialism go", "U.S.A.", "USA"],
  ["spaced initials join", "U. S. A.", "USA"],
  ["initials after a word join", "Washington D. C.", "Washington DC"],
  ["a lone initial stays a word", "J. Smith", "J Smith"],
  ["a dot after a word separates", "St.Louis", "St Louis"],
  ["an abbreviation's dot goes", "Calif.", "Calif"],
  ["mixed initial and word", "W.Va.", "WVa"],
  ["a decimal point stays", "2.5", "2.5"],
  ["ampersand is and", "Trinidad & Tobago", "Trinidad and Tobago"],
  ["ampersand without spaces", "A&B", "A and B"],
  ["apostrophes go", "Côte d'Ivoire", "Cote dIvoire"],
  ["curly apostrophes go", "People’s Republic", "Peoples Republic"],
  ["accents go", "Zürich", "Zurich"],
  ["compatibility forms fold", "℃", "°C"],
  ["superscripts fold", "m²", "m2"],
  ["full-width letters fold", "ＵＳＡ", "USA"],
  ["squared unit symbols fold", "㎞", "km"],
  ["surrounding quotes go", "“Calif.”", "Calif"],
  ["sentence punctuation around goes", "Paris!", "Paris"],
  ["an enclosing bracket pair goes", "(km)", "km"],
  ["inner brackets stay", "Cocos (Keeling) Islands", "Cocos (Keeling) Islands"],
  ["a trailing bracket of an inner pair stays", "Georgia (country)", "Georgia (country)"],
  ["slashes stay", "km/h", "km/h"],
  ["degree sign stays", "°F", "°F"],
  ["Devanagari vowel signs stay", "मुंबई", "मुंबई"],
  ["kana voicing marks stay", "ガ", "ガ"],
  ["Cyrillic diaeresis goes like a Latin accent", "Київ", "Киів"],
  ["a full stop after a bracket goes", "Georgia (country).", "Georgia (country)"],
  ["punctuation only is empty", " ... ", ""],
];

/** [behaviour, input, case-folded key] */
const keys: Array<[string, string, string]> = [
  ["lower case", "USA", "usa"],
  ["sharp s", "Straße", "strasse"],
  ["slashed o", "Føroyar", "foroyar"],
  ["stroked l", "Łódź", "lodz"],
  ["ae ligature", "Æbeltoft", "aebeltoft"],
  ["dotted capital I", "İstanbul", "istanbul"],
  ["dotless i", "Diyarbakır", "diyarbakir"],
];

describe("aliasSpelling", () => {
  it.each(spellings)("%s: %j", (_name, input, expected) => {
    expect(aliasSpelling(input)).toBe(expected);
  });
});

describe("aliasKey", () => {
  it.each(keys)("%s: %j", (_name, input, expected) => {
    expect(aliasKey(input)).toBe(expected);
  });
  it("is foldCase of the spelling", () => {
    expect(aliasKey("U.S.A.")).toBe(foldCase(aliasSpelling("U.S.A.")));
  });
  it.each([["Munich"], ["Ｍünchen"], ["U. S. A."], ["Trinidad & Tobago"], ["°C"]])("is idempotent: %j", (input) => {
    expect(aliasKey(aliasKey(input))).toBe(aliasKey(input));
  });
});
