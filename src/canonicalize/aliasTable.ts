/**
 * A table of names that denote the same thing ("USA", "United States", "U.S.A."), built once from
 * groups and then only read: any member of a group finds the group's canonical name, in either
 * direction, after the spelling normalization of `aliasKey.ts`.
 *
 * Groups are never joined through a shared name. A name listed by two groups ("Georgia" the
 * country and the U.S. state, "CA" California and Canada) is a collision: it becomes ambiguous,
 * matches only itself, and is reported by {@link AliasTable.collisions}. Letter case breaks a
 * collision only where the data itself spells the name differently in each group: "mi" (mile)
 * and "MI" (Michigan) each still resolve, while "Mi" is ambiguous. Names can also be declared
 * ambiguous outright ("ton": short, long or metric). Groups whose first names share a key are one
 * group, so two files can both describe "Puerto Rico".
 */
import { aliasSpelling, foldCase } from "./aliasKey.js";

/** A canonical name followed by its aliases: `["United States", "USA", "US", "America"]`. */
export type AliasGroup = readonly string[];

export interface AliasTableOptions {
  /** Names that must match only themselves, even when a group lists them. */
  ambiguous?: Iterable<string>;
}

/**
 * What a name resolves to in one table. Two names are the same exactly when their ids are equal;
 * compare ids only within the table that produced them.
 */
export type AliasId = number | string;

/** A key that names more than one thing, or was declared ambiguous. */
export interface AliasCollision {
  /** The case-folded key, as {@link aliasKey} spells it. */
  readonly key: string;
  /** Canonical names of the groups that list the key, in build order; empty when only declared. */
  readonly groups: readonly string[];
  /** True when the data declared the key ambiguous. */
  readonly declared: boolean;
  /** Exact spellings that still resolve because one group alone lists them in that case: `["MI", "Michigan"]`. */
  readonly byCase: readonly (readonly [spelling: string, canonical: string])[];
}

const DECLARED = -1;

/**
 * An immutable alias table; build it with {@link AliasTable.build}.
 *
 * @example
 * const t = AliasTable.build([["United States", "USA", "US"], ["Canada", "CA"], ["California", "CA"]]);
 * t.same("U.S.A.", "united states") // true
 * t.canonical("usa")                // "United States"
 * t.same("CA", "Canada")            // false: "CA" is ambiguous
 * t.collisions()[0].key             // "ca"
 */
export class AliasTable {
  readonly #groups: readonly AliasGroup[];
  readonly #declared: readonly string[];
  /** Case-folded key → group index, or an ambiguity id `~key`. */
  readonly #folded = new Map<string, AliasId>();
  /** Exact spelling → group index, only for spellings whose folded key is ambiguous. */
  readonly #exact = new Map<string, number>();
  readonly #collisions: readonly AliasCollision[];

  private constructor(groups: readonly AliasGroup[], declared: readonly string[]) {
    this.#groups = groups;
    this.#declared = declared;
    const foldOwners = new Map<string, number[]>();
    const exactOwners = new Map<string, number[]>();
    const claim = (name: string, owner: number) => {
      const spelling = aliasSpelling(name);
      addOwner(foldOwners, foldCase(spelling), owner);
      addOwner(exactOwners, spelling, owner);
    };
    groups.forEach((group, index) => group.forEach((name) => claim(name, index)));
    declared.forEach((name) => claim(name, DECLARED));

    for (const [key, owners] of foldOwners) {
      if (owners.length === 1 && owners[0] !== DECLARED) this.#folded.set(key, owners[0]!);
      else this.#folded.set(key, `~${key}`);
    }
    const byCase = new Map<string, (readonly [string, string])[]>();
    for (const [spelling, owners] of exactOwners) {
      const key = foldCase(spelling);
      const only = owners[0]!;
      if (typeof this.#folded.get(key) !== "string" || owners.length !== 1 || only === DECLARED) continue;
      this.#exact.set(spelling, only);
      let list = byCase.get(key);
      if (!list) byCase.set(key, (list = []));
      list.push(Object.freeze([spelling, groups[only]![0]!] as const));
    }
    const collisions: AliasCollision[] = [];
    for (const [key, owners] of foldOwners) {
      if (typeof this.#folded.get(key) !== "string") continue;
      collisions.push(
        Object.freeze({
          key,
          groups: Object.freeze(owners.filter((o) => o !== DECLARED).map((o) => groups[o]![0]!)),
          declared: owners.includes(DECLARED),
          byCase: Object.freeze(byCase.get(key) ?? []),
        }),
      );
    }
    this.#collisions = Object.freeze(collisions);
    Object.freeze(this);
  }

  /**
   * Builds a table. The first name of each group is its canonical name; groups whose canonical
   * names share a key are merged, keeping the first canonical spelling. Throws a `TypeError` for a
   * group that is not a non-empty list of names with letters or digits: bad alias data is a
   * programmer error.
   *
   * @example AliasTable.build([["kilometer", "km"]], { ambiguous: ["k"] })
   */
  static build(groups: Iterable<AliasGroup>, options: AliasTableOptions = {}): AliasTable {
    const merged: string[][] = [];
    const byCanonical = new Map<string, string[]>();
    let index = 0;
    for (const group of groups) {
      checkGroup(group, index++);
      const canonicalKey = foldCase(aliasSpelling(group[0]!));
      const target = byCanonical.get(canonicalKey);
      if (target) {
        for (const name of group) if (!target.includes(name)) target.push(name);
      } else {
        const fresh = [...new Set(group)];
        byCanonical.set(canonicalKey, fresh);
        merged.push(fresh);
      }
    }
    const declared = [...(options.ambiguous ?? [])];
    declared.forEach((name, i) => {
      if (typeof name !== "string" || aliasSpelling(name) === "") {
        throw new TypeError(`ambiguous name ${i} (${JSON.stringify(name)}) must be a string with a letter, digit or symbol`);
      }
    });
    return new AliasTable(Object.freeze(merged.map((g) => Object.freeze(g))), Object.freeze(declared));
  }

  /**
   * A new table with more groups and ambiguous names; this one is unchanged. A group that starts
   * with an existing canonical name adds its names to that group (`t.canonical("USA")` gives the
   * name to start with); any other group is new, and a name it shares with an existing group
   * becomes ambiguous.
   *
   * @example defaultAliases().extend([["United States", "Murica"]]).same("Murica", "USA") // true
   */
  extend(groups: Iterable<AliasGroup>, options: AliasTableOptions = {}): AliasTable {
    return AliasTable.build([...this.#groups, ...groups], {
      ambiguous: [...this.#declared, ...(options.ambiguous ?? [])],
    });
  }

  /**
   * The id a name resolves to: the same for every alias of one thing, and for an ambiguous name
   * the same only for its own spellings; `undefined` for a name the table does not know.
   *
   * @example t.idOf("USA") === t.idOf("United States of America") // true
   */
  idOf(name: string): AliasId | undefined {
    const spelling = aliasSpelling(name);
    const id = this.#folded.get(foldCase(spelling));
    return typeof id === "string" ? (this.#exact.get(spelling) ?? id) : id;
  }

  /**
   * True when the table says both names denote the same thing: aliases of one group, or
   * spellings of one ambiguous name ("CA" and "ca"). Unknown names are never the same, even when
   * equal: whether "foo" equals "foo" is the string matcher's question, not the alias table's.
   *
   * @example t.same("km", "kilometres") // true
   */
  same(a: string, b: string): boolean {
    const id = this.idOf(a);
    return id !== undefined && id === this.idOf(b);
  }

  /**
   * The canonical name of the group a name belongs to; `undefined` when the name is unknown or
   * ambiguous.
   *
   * @example t.canonical("Calif.") // "California"
   */
  canonical(name: string): string | undefined {
    const id = this.idOf(name);
    return typeof id === "number" ? this.#groups[id]![0] : undefined;
  }

  /**
   * All names of the group a name belongs to, canonical first; `undefined` when unknown or ambiguous.
   *
   * @example t.members("UK") // ["United Kingdom", "GB", "GBR", "UK", ...]
   */
  members(name: string): AliasGroup | undefined {
    const id = this.idOf(name);
    return typeof id === "number" ? this.#groups[id] : undefined;
  }

  /** @example t.isAmbiguous("Georgia") // true when both the country and the state are loaded */
  isAmbiguous(name: string): boolean {
    return typeof this.idOf(name) === "string";
  }

  /** Every key that names more than one thing or was declared ambiguous, in build order. */
  collisions(): readonly AliasCollision[] {
    return this.#collisions;
  }

  /** The number of groups after merging groups that share a canonical name. */
  get size(): number {
    return this.#groups.length;
  }

  /** The merged groups, canonical name first. */
  groups(): readonly AliasGroup[] {
    return this.#groups;
  }
}

function addOwner(map: Map<string, number[]>, key: string, owner: number): void {
  const owners = map.get(key);
  if (!owners) map.set(key, [owner]);
  else if (!owners.includes(owner)) owners.push(owner);
}

function checkGroup(group: AliasGroup, index: number): void {
  if (!Array.isArray(group) || group.length === 0) {
    throw new TypeError(`alias group ${index} must be a non-empty list of names`);
  }
  group.forEach((name: unknown, i) => {
    if (typeof name !== "string" || aliasSpelling(name) === "") {
      throw new TypeError(
        `alias group ${index} (${JSON.stringify(group[0])}): name ${i} (${JSON.stringify(name)}) must be a string with a letter, digit or symbol`,
      );
    }
  });
}
