/**
 * Seeded mutations of model outputs for the oracle test: delete, insert or duplicate the
 * characters that decide how a call parses (quotes, brackets, commas, `=`, `;`, `.`, spaces and
 * line breaks). Deterministic for a given seed.
 */

/** mulberry32: a tiny deterministic PRNG in [0, 1). */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SPECIAL = ['"', "'", "(", ")", "[", "]", "{", "}", ",", "=", ";", ".", " ", "\n"];

function positionsOfSpecial(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) if (SPECIAL.includes(s[i]!)) out.push(i);
  return out;
}

/** One to two random edits of `s`. */
export function mutate(s: string, random: () => number): string {
  const edits = 1 + Math.floor(random() * 2);
  for (let k = 0; k < edits; k++) {
    const op = Math.floor(random() * 3);
    const special = positionsOfSpecial(s);
    if (op === 1 || special.length === 0) {
      const at = Math.floor(random() * (s.length + 1));
      s = s.slice(0, at) + SPECIAL[Math.floor(random() * SPECIAL.length)]! + s.slice(at);
    } else {
      const at = special[Math.floor(random() * special.length)]!;
      s = op === 0 ? s.slice(0, at) + s.slice(at + 1) : s.slice(0, at) + s[at] + s.slice(at);
    }
  }
  return s;
}
