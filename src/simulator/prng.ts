/**
 * A small seeded pseudo-random generator (mulberry32) and the helpers the simulator draws with.
 * Not for secrets: tokens use `node:crypto` (see tokens.ts). Same seed → same sequence.
 */

/**
 * A deterministic random source.
 * @internal
 */
export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /** `length` lowercase hex characters. */
  hex(length: number): string;
  /** `length` characters from `[0-9a-z]`. */
  alnum(length: number): string;
}

const ALNUM = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * Creates a mulberry32 generator from a 32-bit seed.
 * @internal
 */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const fromAlphabet = (alphabet: string, length: number): string => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
    chance: (p) => next() < p,
    hex: (length) => fromAlphabet('0123456789abcdef', length),
    alnum: (length) => fromAlphabet(ALNUM, length),
  };
}

/**
 * Derives an independent seed for a sub-stream (per meeting, per purpose) from a base seed.
 * @internal
 */
export function deriveSeed(seed: number, ...salt: number[]): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const s of salt) {
    h = Math.imul(h ^ (s + 0x7f4a7c15), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
  }
  return h;
}
