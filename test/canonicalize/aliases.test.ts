/**
 * The bundled alias tables. The default table loads every domain, so a name two domains use
 * differently is ambiguous there: "Georgia" does not match "GA" without context (the country
 * is also "Georgia"), and "CA" matches neither California nor Canada. A table of one domain
 * (`aliasesFor(["us_states"])`) gives that context. The collisions of each table are pinned in
 * `collisions.json`, so a data change that creates or removes one shows up in review.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type AliasDomain, ALIAS_DOMAINS, aliasesFor, aliasFile, defaultAliases } from "../../src/canonicalize/aliases.js";
import { AliasTable } from "../../src/canonicalize/aliasTable.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const table = defaultAliases();

/** [behaviour, a, b]: the default table must say these are the same. */
const mustMatch: Array<[string, string, string]> = [
  ["country code", "USA", "United States"],
  ["dotted country code", "U.S.A.", "United States of America"],
  ["lower-case dotted code", "u.s.", "America"],
  ["UK", "UK", "United Kingdom"],
  ["Great Britain", "Great Britain", "U.K."],
  ["alpha-3 and Britain", "GBR", "Britain"],
  ["endonym", "Deutschland", "Germany"],
  ["Holland", "Holland", "the Netherlands"],
  ["former name", "Burma", "Myanmar"],
  ["translated name", "Ivory Coast", "Côte d'Ivoire"],
  ["accents, case and curly apostrophe", "Cote d'Ivoire", "CÔTE D’IVOIRE"],
  ["Czechia", "Czech Republic", "Czechia"],
  ["Türkiye", "Turkey", "Türkiye"],
  ["ampersand", "Trinidad & Tobago", "Trinidad and Tobago"],
  ["St. and Saint in a country", "St. Kitts and Nevis", "Saint Kitts and Nevis"],
  ["ISO name with a comma", "Korea, Republic of", "South Korea"],
  ["DPRK", "DPRK", "North Korea"],
  ["hyphen or space", "Timor Leste", "East Timor"],
  ["a territory listed by two files", "PRI", "P.R."],
  ["AP state abbreviation", "Calif.", "California"],
  ["postal code", "TX", "Texas"],
  ["state postal code and AP form", "N.Y.", "NYS"],
  ["Mass.", "Mass.", "Massachusetts"],
  ["W.Va.", "W.Va.", "West Virginia"],
  ["Washington State", "Wash.", "Washington State"],
  ["D.C. from the state and city files", "Washington, D.C.", "DC"],
  ["District of Columbia", "District of Columbia", "Washington DC"],
  ["NYC", "NYC", "New York City"],
  ["dotted NYC", "N.Y.C.", "nyc"],
  ["city with its state", "Los Angeles, CA", "Los Angeles"],
  ["SF", "SF", "San Francisco"],
  ["Philly", "Philly", "Philadelphia"],
  ["Vegas", "Vegas", "Las Vegas"],
  ["Rio", "Rio", "Rio de Janeiro"],
  ["Saint and St. in a city", "Saint Louis", "St. Louis"],
  ["Fort and Ft.", "Ft. Worth", "Fort Worth"],
  ["German exonym", "Munich", "München"],
  ["umlaut transliteration", "Muenchen", "munchen"],
  ["Cologne", "Cologne", "Köln"],
  ["old romanization", "Peking", "Beijing"],
  ["native script", "北京", "Beijing"],
  ["renamed city", "Bombay", "Mumbai"],
  ["Kiev", "Kiev", "Kyiv"],
  ["km", "km", "kilometers"],
  ["British spelling and symbol", "Kilometres", "km"],
  ["degree Celsius symbol", "°C", "celsius"],
  ["Celsius compatibility sign", "℃", "Celsius"],
  ["centigrade", "degrees C", "centigrade"],
  ["Fahrenheit letter", "F", "Fahrenheit"],
  ["metre", "m", "metres"],
  ["mi is a mile despite MI", "mi", "miles"],
  ["in is an inch despite IN", "in", "inches"],
  ["lbs", "lbs", "pounds"],
  ["kg is a kilogram despite KG", "kg", "kilograms"],
  ["min", "min", "minutes"],
  ["hrs", "hrs", "hours"],
  ["mph", "mph", "miles per hour"],
  ["km/h", "km/h", "kph"],
  ["squared symbol", "m²", "sq m"],
  ["megabyte", "MB", "megabytes"],
  ["megabit", "Mb", "megabit"],
  ["kibibyte", "KiB", "kibibyte"],
  ["kWh", "kWh", "kilowatt hours"],
  ["psi", "psi", "pounds per square inch"],
  ["hPa", "hPa", "hectopascals"],
  ["fl. oz.", "fl. oz.", "fluid ounces"],
  ["Mon", "Mon", "Monday"],
  ["Tues", "Tues", "Tuesday"],
  ["Thurs.", "Thurs.", "Thursday"],
  ["Sept", "Sept", "September"],
  ["Jan", "Jan.", "January"],
  ["Mar is March despite MAR", "Mar", "March"],
  ["MI is Michigan despite mi", "MI", "Michigan"],
  ["an ambiguous code and its own spelling", "CA", "ca"],
  ["an ambiguous name and its own spelling", "Georgia", "GEORGIA"],
];

/** [behaviour, a, b]: the default table must not say these are the same. */
const mustNotMatch: Array<[string, string, string]> = [
  ["Austria is not Australia", "Austria", "Australia"],
  ["AU is Australia, not Austria", "Austria", "AU"],
  ["AT is Austria, not Australia", "AT", "Australia"],
  ["Niger is not Nigeria", "Niger", "Nigeria"],
  ["Sudan is not South Sudan", "Sudan", "South Sudan"],
  ["Guinea is not Guinea-Bissau", "Guinea", "Guinea-Bissau"],
  ["Guinea is not Papua New Guinea", "Guinea", "Papua New Guinea"],
  ["Dominica is not the Dominican Republic", "Dominica", "Dominican Republic"],
  ["Samoa is not American Samoa", "Samoa", "American Samoa"],
  ["Congo is ambiguous: not the DRC", "Congo", "DRC"],
  ["Congo is ambiguous: not the Republic", "Congo", "Republic of the Congo"],
  ["Slovakia is not Slovenia", "Slovakia", "Slovenia"],
  ["Iran is not Iraq", "Iran", "Iraq"],
  ["North Korea is not South Korea", "North Korea", "South Korea"],
  ["Korea is South Korea, not the DPRK", "Korea", "DPRK"],
  ["England is not the United Kingdom", "England", "United Kingdom"],
  ["America is not American Samoa", "America", "American Samoa"],
  ["Virgin Islands is ambiguous", "Virgin Islands", "BVI"],
  ["CA is not California without context", "CA", "California"],
  ["CA is not Canada without context", "CA", "Canada"],
  ["Georgia is not GA without context", "Georgia", "GA"],
  ["Georgia is not GEO without context", "Georgia", "GEO"],
  ["GA is not Gabon without context", "GA", "Gabon"],
  ["the country Georgia is not the state", "Georgia (country)", "Georgia (U.S. state)"],
  ["New York is not NYC without context", "New York", "NYC"],
  ["New York is not NY without context", "New York", "NY"],
  ["NYC is not New York State", "NYC", "NYS"],
  ["Washington is not DC without context", "Washington", "DC"],
  ["Washington is not WA without context", "Washington", "WA"],
  ["LA is not Los Angeles without context", "LA", "Los Angeles"],
  ["LA is not Louisiana without context", "LA", "Louisiana"],
  ["IN is not India without context", "IN", "India"],
  ["In is ambiguous, not inches", "In", "inches"],
  ["GB is not gigabytes without context", "GB", "gigabytes"],
  ["Virginia is not West Virginia", "Virginia", "West Virginia"],
  ["the two Kansas Cities", "Kansas City, Missouri", "Kansas City, Kansas"],
  ["the two St. Petersburgs", "St. Petersburg", "St. Petersburg, Florida"],
  ["Delhi is not New Delhi", "Delhi", "New Delhi"],
  ["the two Portlands", "Portland, Oregon", "Portland, Maine"],
  ["m is a meter, not a minute", "m", "min"],
  ["m is not a mile", "m", "miles"],
  ["M is declared ambiguous", "M", "meters"],
  ["mi is a mile, MI is Michigan", "mi", "MI"],
  ["ton is declared ambiguous", "ton", "tonne"],
  ["tons is not short tons", "tons", "short tons"],
  ["calories are not kcal", "calories", "kcal"],
  ["calorie is not cal", "calorie", "cal"],
  ["megabyte is not megabit", "MB", "Mb"],
  ["mb is declared ambiguous", "mb", "megabyte"],
  ["kB is not kbit", "kB", "kbit"],
  ["B is a byte, not a bit", "B", "bit"],
  ["ounce is not fluid ounce", "ounce", "fluid ounce"],
  ["gallon is not the imperial gallon", "gallon", "imperial gallon"],
  ["mile is not nautical mile", "mile", "nautical mile"],
  ["celsius is not fahrenheit", "celsius", "fahrenheit"],
  ["C is not F", "C", "F"],
  ["K is kelvin, k is declared ambiguous", "K", "k"],
  ["degrees is declared ambiguous", "degrees", "celsius"],
  ["ms is not minutes", "ms", "min"],
  ["kilometer is not kilogram", "kilometer", "kilogram"],
  ["square is not cubic", "square meter", "cubic meter"],
  ["m2 is not m3", "m2", "m3"],
  ["distance is not speed", "km", "km/h"],
  ["Mar is March, MAR is Morocco", "Mar", "MAR"],
  ["Mar is not Morocco", "Mar", "Morocco"],
  ["June is not July", "Jun", "Jul"],
  ["Tue is not Thu", "Tue", "Thu"],
  ["Sat is not Sun", "Sat", "Sun"],
  ["unknown names are never the same", "foo", "foo"],
  ["empty strings", "", ""],
];

describe("default aliases", () => {
  it.each(mustMatch)("match: %s (%j ≡ %j)", (_name, a, b) => {
    expect(table.same(a, b)).toBe(true);
    expect(table.same(b, a)).toBe(true);
  });

  it.each(mustNotMatch)("no match: %s (%j ≢ %j)", (_name, a, b) => {
    expect(table.same(a, b)).toBe(false);
    expect(table.same(b, a)).toBe(false);
  });

  it.each([
    ["USA", "United States"],
    ["Calif.", "California"],
    ["PR", "Puerto Rico"],
    ["D.C.", "Washington, D.C."],
    ["kilometres", "kilometer"],
    ["Sept.", "September"],
    ["GA", undefined],
    ["Georgia", undefined],
  ])("canonical(%j) is %j", (name, expected) => {
    expect(table.canonical(name)).toBe(expected);
  });
});

/** [behaviour, domains, a, b, same]: a table of fewer domains gives a name its context. */
const inContext: Array<[string, AliasDomain[], string, string, boolean]> = [
  ["Georgia is GA among states", ["us_states"], "Georgia", "GA", true],
  ["CA is California among states", ["us_states"], "CA", "California", true],
  ["New York is NY among states", ["us_states"], "New York", "NY", true],
  ["Washington is WA among states", ["us_states"], "Washington", "WA", true],
  ["Georgia is GEO among countries", ["countries"], "Georgia", "GEO", true],
  ["CA is Canada among countries", ["countries"], "CA", "Canada", true],
  ["GB is the UK among countries", ["countries"], "GB", "UK", true],
  ["Congo stays ambiguous among countries", ["countries"], "Congo", "DRC", false],
  ["New York is NYC among cities", ["cities"], "New York", "NYC", true],
  ["LA is Los Angeles among cities", ["cities"], "LA", "Los Angeles", true],
  ["Washington is D.C. among cities", ["cities"], "Washington", "D.C.", true],
  ["GB is gigabytes among units", ["units"], "GB", "gigabytes", true],
  ["Pa is pascal among units", ["units"], "Pa", "pascal", true],
  ["mar is March in the calendar", ["calendar"], "mar", "March", true],
  ["states and cities: New York is ambiguous", ["us_states", "cities"], "New York", "NYC", false],
  ["states and cities: CA is California", ["us_states", "cities"], "CA", "California", true],
  ["a domain knows nothing of another", ["us_states"], "Georgia", "Georgia (country)", false],
];

describe("aliasesFor", () => {
  it.each(inContext)("%s", (_name, domains, a, b, expected) => {
    expect(aliasesFor(domains).same(a, b)).toBe(expected);
  });

  it("builds each set of domains once, in any order", () => {
    expect(aliasesFor(["units", "countries"])).toBe(aliasesFor(["countries", "units", "units"]));
    expect(defaultAliases()).toBe(table);
    expect(aliasesFor(ALIAS_DOMAINS)).toBe(table);
  });
});

describe("extending the default table", () => {
  it("adds names to an existing group through its canonical name", () => {
    const more = table.extend([[table.canonical("USA")!, "Murica"]]);
    expect(more.same("Murica", "U.S.A.")).toBe(true);
    expect(table.same("Murica", "U.S.A.")).toBe(false);
    expect(more.size).toBe(table.size);
  });

  it("adds new groups", () => {
    const more = table.extend([["euro", "euros", "EUR", "€"]]);
    expect(more.same("€", "EUR")).toBe(true);
    expect(more.size).toBe(table.size + 1);
  });

  it("turns a name a new group shares into a collision", () => {
    const more = table.extend([["pound sterling", "GBP", "pounds"]]);
    expect(more.same("pounds", "lb")).toBe(false);
    expect(more.same("pound", "lb")).toBe(true);
    expect(more.collisions().find((c) => c.key === "pounds")).toEqual({
      key: "pounds",
      groups: ["pound", "pound sterling"],
      declared: false,
      byCase: [],
    });
  });
});

/** The default table and each one-domain table, by the names `collisions.json` uses. */
const TABLES: Array<[string, AliasTable]> = [["all", table], ...ALIAS_DOMAINS.map((d): [string, AliasTable] => [d, aliasesFor([d])])];
const PINNED = JSON.parse(readFileSync(join(ROOT, "test/canonicalize/collisions.json"), "utf8")) as Record<string, unknown>;

describe("bundled alias data", () => {
  it.each(ALIAS_DOMAINS.map((d) => [d]))("%s.json is well-formed", (domain) => {
    const file = aliasFile(domain);
    expect(file.groups.length).toBeGreaterThan(0);
  });

  it.each(TABLES)("the collisions of %s are the pinned ones", (name, t) => {
    expect(JSON.parse(JSON.stringify(t.collisions()))).toEqual(PINNED[name]);
  });

  it.each(TABLES)("every canonical name of %s resolves to itself", (_name, t) => {
    const unresolved = t.groups().map((g) => g[0]!).filter((c) => t.canonical(c) !== c);
    expect(unresolved).toEqual([]);
  });

  it("lists every ISO 3166-1 entry once, with its alpha-2 and alpha-3 codes", () => {
    const { groups } = aliasFile("countries");
    const alpha2 = groups.map((g) => g[1]);
    const alpha3 = groups.map((g) => g[2]);
    expect(alpha2.every((c) => /^[A-Z]{2}$/.test(c ?? ""))).toBe(true);
    expect(alpha3.every((c) => /^[A-Z]{3}$/.test(c ?? ""))).toBe(true);
    expect(new Set(alpha2).size).toBe(groups.length);
    expect(new Set(alpha3).size).toBe(groups.length);
    expect(groups.length).toBe(250); // 249 ISO 3166-1 entries and Kosovo (XK, user-assigned)
  });

  it("lists the 50 states, D.C. and five territories with their postal codes", () => {
    const { groups } = aliasFile("us_states");
    expect(groups.every((g) => /^[A-Z]{2}$/.test(g[1] ?? ""))).toBe(true);
    expect(new Set(groups.map((g) => g[1])).size).toBe(56);
  });

  it("stays small", () => {
    const bytes = ALIAS_DOMAINS.reduce((n, d) => n + statSync(join(ROOT, `data/aliases/${d}.json`)).size, 0);
    expect(bytes).toBeLessThan(150_000);
  });

  it("builds the full table quickly (timed, not asserted)", ({ annotate }) => {
    const files = ALIAS_DOMAINS.map(aliasFile);
    const start = performance.now();
    const fresh = AliasTable.build(files.flatMap((f) => f.groups), { ambiguous: files.flatMap((f) => f.ambiguous) });
    const ms = performance.now() - start;
    expect(fresh.size).toBe(table.size);
    void annotate(`built ${fresh.size} groups in ${ms.toFixed(1)} ms`);
  });
});
