import { describe, expect, it } from "vitest";
import { floatRepr, pyRepr, strRepr } from "../../src/value/repr.js";
import { PyBytes, PyComplex, PyDict, PySet, PyTuple } from "../../src/value/value.js";

/** Rows checked against CPython 3.11's repr(). */
const floats: Array<[string, number, string]> = [
  ["zero", 0, "0.0"],
  ["negative zero", -0, "-0.0"],
  ["integral", 1, "1.0"],
  ["fraction", 1.5, "1.5"],
  ["shortest round trip", 0.1, "0.1"],
  ["binary noise", 0.1 + 0.2, "0.30000000000000004"],
  ["1e15 stays fixed", 1e15, "1000000000000000.0"],
  ["1e16 switches to exponent", 1e16, "1e+16"],
  ["1e-4 stays fixed", 1e-4, "0.0001"],
  ["1e-5 switches to exponent", 1e-5, "1e-05"],
  ["small with digits", 1.5e-7, "1.5e-07"],
  ["large with digits", 2.5e300, "2.5e+300"],
  ["negative", -3.25, "-3.25"],
  ["infinity", Infinity, "inf"],
  ["negative infinity", -Infinity, "-inf"],
  ["nan", NaN, "nan"],
  ["third", 1 / 3, "0.3333333333333333"],
  ["2**53", 2 ** 53, "9007199254740992.0"],
  ["large integral below 1e16", 123456789012345.0, "123456789012345.0"],
  ["denormal", 5e-324, "5e-324"],
  ["1e22", 1e22, "1e+22"],
];

const strings: Array<[string, string, string]> = [
  ["plain", "a", "'a'"],
  ["single quote inside", "it's", `"it's"`],
  ["double quote inside", 'say "hi"', `'say "hi"'`],
  ["both quotes", `both ' and "`, `'both \\' and "'`],
  ["control escapes", "tab\tnl\nret\r", "'tab\\tnl\\nret\\r'"],
  ["backslash", "back\\slash", "'back\\\\slash'"],
  ["NUL and DEL", "\x00\x7f", "'\\x00\\x7f'"],
  ["printable accent", "é", "'é'"],
  ["no-break space", "\u00a0", "'\\xa0'"],
  ["zero-width space", "\u200b", "'\\u200b'"],
  ["emoji", "\u{1F600}", "'\u{1F600}'"],
  ["CJK", "中文", "'中文'"],
  ["C1 control", "\x85", "'\\x85'"],
  ["lone surrogate", "\ud800", "'\\ud800'"],
  ["assigned after Unicode 14 (CPython 3.11 escapes it)", "\u{1FAE8}", "'\\U0001fae8'"],
];

describe("floatRepr", () => {
  it.each(floats)("%s", (_name, x, expected) => {
    expect(floatRepr(x)).toBe(expected);
  });
});

describe("strRepr", () => {
  it.each(strings)("%s", (_name, s, expected) => {
    expect(strRepr(s)).toBe(expected);
  });
});

describe("pyRepr", () => {
  it.each([
    ["None", null, "None"],
    ["bools", [true, false], "[True, False]"],
    ["int and float stay apart", [5n, 5.0], "[5, 5.0]"],
    ["huge int", 2n ** 100n, "1267650600228229401496703205376"],
    ["one-tuple", new PyTuple([1n]), "(1,)"],
    ["empty tuple", new PyTuple([]), "()"],
    ["dict with None key", new PyDict([[null, "x"], ["a", 1n]]), "{None: 'x', 'a': 1}"],
    ["empty set", new PySet([]), "set()"],
    ["set", new PySet([1n]), "{1}"],
    ["bytes", new PyBytes(new Uint8Array([104, 105, 0, 39])), `b"hi\\x00'"`],
    ["pure imaginary", new PyComplex(0, 2), "2j"],
    ["complex", new PyComplex(1, -2.5), "(1-2.5j)"],
    ["complex with NaN parts", new PyComplex(1, NaN), "(1+nanj)"],
  ] as const)("%s", (_name, v, expected) => {
    expect(pyRepr(v as never)).toBe(expected);
  });

  it("matches CPython on generated floats", () => {
    // Pairs of (float.hex(), repr()) produced by CPython 3.11 for random magnitudes.
    for (const [hex, expected] of GENERATED) expect(floatRepr(fromHex(hex))).toBe(expected);
  });
});

function fromHex(h: string): number {
  const m = /^(-?)0x([01])\.([0-9a-f]+)p([+-]\d+)$/.exec(h);
  if (!m) throw new Error(h);
  const mant = parseInt(m[2]! + m[3]!, 16) / 16 ** m[3]!.length;
  return (m[1] ? -1 : 1) * mant * 2 ** Number(m[4]);
}

const GENERATED: Array<[string, string]> = [["-0x1.fc9a3478e6886p-73", "-2.1035300715365295e-22"], ["-0x1.fdb2171aa62e6p+32", "-8551274266.649145"], ["-0x1.d87eac625d965p+42", "-8117399161206.349"], ["-0x1.513855c2e23dap+26", "-88400215.04505864"], ["-0x1.0d75bf42df9d1p-64", "-5.706036383286766e-20"], ["-0x1.911654caa619cp-70", "-1.327086326752283e-21"], ["-0x1.827136e4d30a4p+35", "-51867399974.595"], ["-0x1.382e6ac735b85p+90", "-1.5096162171497206e+27"], ["0x1.9363b88d0fb00p+116", "1.3090738838615944e+35"], ["-0x1.3aa41000b9cfdp+52", "-5535220707859709.0"], ["0x1.915930f0678d8p-73", "1.6599380892081465e-22"], ["0x1.8ac46076bf1abp+0", "1.5420589723499727"], ["-0x1.8c2f78532b8ecp-34", "-9.008213732204571e-11"], ["-0x1.6e448105f5b43p+99", "-9.068346387644874e+29"], ["-0x1.2575cc2f0a00ap+6", "-73.36503671167898"], ["-0x1.067e5098d736ep-57", "-7.11489833285125e-18"], ["0x1.a6adb404ac668p+33", "14182737929.346878"], ["0x1.1cbdc688831cbp-44", "6.322527182400627e-14"], ["-0x1.71aee49d11a28p+39", "-793888575112.8174"], ["0x1.c731104cf3b49p-6", "0.02778269378523682"], ["-0x1.5d2c5e63a8387p+69", "-8.051388480105332e+20"], ["-0x1.0847211269673p-70", "-8.744220500533537e-22"], ["0x1.228cfee863861p+21", "2380191.8634710764"], ["0x1.68ccc948ee185p+8", "360.7999463635718"], ["0x1.b12b828edb5bap+15", "55445.7549961614"], ["0x1.0b617da578233p+14", "17112.372701527736"], ["-0x1.306234ce5a526p-32", "-2.768352881108674e-10"], ["0x1.988899e0232cfp+65", "5.887589630449824e+19"], ["0x1.084aa731a5a20p-64", "5.596592611684874e-20"], ["0x1.1be767908e10bp+27", "148847420.51734194"], ["-0x1.47bc4dd1ca66ep-17", "-9.767280889488874e-06"], ["0x1.ecbae1c029bb0p-22", "4.588905788784353e-07"], ["0x1.494ef52b45634p-69", "2.1791803807280727e-21"], ["-0x1.318c20ecce851p+6", "-76.38684434900757"], ["-0x1.5f500ceca1cc7p-11", "-0.0006700757927128536"], ["-0x1.a8d2d53a27220p+22", "-6960309.306789905"], ["-0x1.162eee86be019p+57", "-1.566032910465114e+17"], ["-0x1.3ab27fe4bd745p+36", "-84475903563.8409"], ["0x1.70afd0cdeabaap+103", "1.4605188055476803e+31"]];
