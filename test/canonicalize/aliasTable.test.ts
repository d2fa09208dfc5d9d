import { describe, expect, it } from "vitest";
import { type AliasGroup, AliasTable } from "../../src/canonicalize/aliasTable.js";

const GROUPS: AliasGroup[] = [
  ["United States", "USA", "US", "U.S.", "America"],
  ["Canada", "CA", "CAN"],
  ["California", "CA", "Calif."],
  ["mile", "miles", "mi"],
  ["Michigan", "MI", "Mich."],
  ["tonne", "tonnes", "t", "TON"],
];
const table = AliasTable.build(GROUPS, { ambiguous: ["ton"] });

/** [behaviour, a, b, same] */
const pairs: Array<[string, string, string, boolean]> = [
  ["alias and canonical", "USA", "United States", true],
  ["two aliases", "U.S.", "America", true],
  ["spelling variants of one alias", "u. s.", "US", true],
  ["a name and itself", "Canada", "canada", true],
  ["a shared name is not its first group", "CA", "Canada", false],
  ["a shared name is not its second group", "CA", "California", false],
  ["a shared name never joins its groups", "Canada", "California", false],
  ["an ambiguous name matches its own spellings", "CA", "ca", true],
  ["case resolves a collision the data spells apart: lower", "mi", "miles", true],
  ["case resolves a collision the data spells apart: upper", "MI", "Michigan", true],
  ["the two spellings stay apart", "mi", "MI", false],
  ["an unlisted case of a collision is ambiguous", "Mi", "miles", false],
  ["an unlisted case of a collision matches itself", "Mi", "mI", true],
  ["a declared name is not its group", "ton", "tonne", false],
  ["a declared name matches its own spellings", "ton", "Ton", true],
  ["an exact spelling survives a declared name", "TON", "tonne", true],
  ["unknown names are never the same", "Mexico", "Mexico", false],
  ["an unknown and a known name", "Canadia", "Canada", false],
  ["empty strings", "", "", false],
];

describe("AliasTable.same", () => {
  it.each(pairs)("%s: %j vs %j", (_name, a, b, expected) => {
    expect(table.same(a, b)).toBe(expected);
    expect(table.same(b, a)).toBe(expected);
  });
});

describe("AliasTable lookups", () => {
  it.each([
    ["an alias", "usa", "United States"],
    ["an abbreviation with dots", "Calif.", "California"],
    ["a case-resolved spelling", "MI", "Michigan"],
    ["an ambiguous name", "CA", undefined],
    ["a declared name", "ton", undefined],
    ["an unknown name", "Mexico", undefined],
  ])("canonical of %s: %j", (_name, name, expected) => {
    expect(table.canonical(name)).toBe(expected);
  });

  it("gives one id to every alias of a group", () => {
    const ids = new Set(GROUPS[0]!.map((name) => table.idOf(name)));
    expect(ids.size).toBe(1);
    expect(typeof [...ids][0]).toBe("number");
  });

  it("gives an ambiguous name an id of its own", () => {
    expect(table.idOf("CA")).toBe(table.idOf("ca"));
    expect(table.idOf("CA")).not.toBe(table.idOf("Canada"));
    expect(table.isAmbiguous("CA")).toBe(true);
    expect(table.isAmbiguous("Canada")).toBe(false);
    expect(table.isAmbiguous("Mexico")).toBe(false);
  });

  it("lists the members of a name's group, canonical first", () => {
    expect(table.members("Mich.")).toEqual(["Michigan", "MI", "Mich."]);
    expect(table.members("CA")).toBeUndefined();
  });
});

describe("AliasTable collisions", () => {
  it("reports every shared or declared key with the groups involved", () => {
    expect(table.collisions()).toEqual([
      { key: "ca", groups: ["Canada", "California"], declared: false, byCase: [] },
      { key: "mi", groups: ["mile", "Michigan"], declared: false, byCase: [["mi", "mile"], ["MI", "Michigan"]] },
      { key: "ton", groups: ["tonne"], declared: true, byCase: [["TON", "tonne"]] },
    ]);
  });

  it("reports a name that two groups list only once per key", () => {
    const t = AliasTable.build([["Georgia (country)", "Georgia", "GEO"], ["Georgia (U.S. state)", "Georgia", "GA", "Ga."]]);
    expect(t.collisions().map((c) => c.key)).toEqual(["georgia"]);
    expect(t.same("GA", "Ga.")).toBe(true);
    expect(t.same("Georgia", "GEO")).toBe(false);
  });

  it("has none for disjoint groups", () => {
    expect(AliasTable.build([["a", "b"], ["c", "d"]]).collisions()).toEqual([]);
  });
});

describe("AliasTable.build", () => {
  it("merges groups whose canonical names share a key, keeping the first spelling", () => {
    const t = AliasTable.build([["Puerto Rico", "PR"], ["puerto rico", "PRI", "PR"]]);
    expect(t.size).toBe(1);
    expect(t.same("PR", "PRI")).toBe(true);
    expect(t.canonical("PRI")).toBe("Puerto Rico");
    expect(t.collisions()).toEqual([]);
  });

  it("does not merge groups that share only a later name", () => {
    const t = AliasTable.build([["Washington State", "Washington", "WA"], ["Washington, D.C.", "Washington", "DC"]]);
    expect(t.size).toBe(2);
    expect(t.same("WA", "DC")).toBe(false);
  });

  it.each([
    ["an empty group", [[]], /alias group 0 must be a non-empty list/],
    ["a non-string name", [["a"], ["b", 5]], /alias group 1 \("b"\): name 1 \(5\)/],
    ["a name without letters, digits or symbols", [["a", " .. "]], /alias group 0 \("a"\): name 1/],
  ])("throws a TypeError for %s", (_name, groups, message) => {
    expect(() => AliasTable.build(groups as AliasGroup[])).toThrow(TypeError);
    expect(() => AliasTable.build(groups as AliasGroup[])).toThrow(message);
  });

  it("throws for a bad ambiguous name", () => {
    expect(() => AliasTable.build([["a"]], { ambiguous: [""] })).toThrow(/ambiguous name 0/);
  });
});

describe("AliasTable.extend", () => {
  it("returns a new table and leaves the old one unchanged", () => {
    const more = table.extend([["Mexico", "MX", "MEX"]]);
    expect(more).not.toBe(table);
    expect(more.same("MX", "Mexico")).toBe(true);
    expect(table.same("MX", "Mexico")).toBe(false);
    expect(table.size).toBe(GROUPS.length);
  });

  it("adds names to the group whose canonical name starts the new group", () => {
    const more = table.extend([["United States", "Murica"]]);
    expect(more.same("Murica", "USA")).toBe(true);
    expect(more.size).toBe(table.size);
    expect(more.collisions()).toEqual(table.collisions());
  });

  it("makes a name ambiguous when a new group shares it", () => {
    const more = table.extend([["Mississippi", "MS", "Miss.", "US"]]);
    expect(more.same("US", "United States")).toBe(false);
    expect(more.isAmbiguous("US")).toBe(true);
    expect(more.same("USA", "United States")).toBe(true);
    expect(more.collisions().map((c) => c.key)).toContain("us");
  });

  it("adds ambiguous names, keeping the old ones", () => {
    const more = table.extend([], { ambiguous: ["America"] });
    expect(more.same("America", "USA")).toBe(false);
    expect(more.same("ton", "tonne")).toBe(false);
  });
});

describe("AliasTable immutability", () => {
  it("freezes the table, its groups and its collision report", () => {
    expect(Object.isFrozen(table)).toBe(true);
    expect(Object.isFrozen(table.groups())).toBe(true);
    expect(Object.isFrozen(table.groups()[0])).toBe(true);
    expect(Object.isFrozen(table.collisions())).toBe(true);
    expect(Object.isFrozen(table.collisions()[0])).toBe(true);
  });

  it("does not share the caller's arrays", () => {
    const groups = [["kilometer", "km"]];
    const t = AliasTable.build(groups);
    groups[0]!.push("mi");
    expect(t.same("mi", "km")).toBe(false);
  });
});
