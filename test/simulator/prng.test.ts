import { describe, expect, it } from 'vitest';
import { createPrng, deriveSeed } from '../../src/simulator/prng.js';

describe('prng', () => {
  it('repeats per seed and spreads integers over the whole range', () => {
    const a = createPrng(7);
    const b = createPrng(7);
    const drawn = Array.from({ length: 500 }, () => a.int(1, 6));
    expect(Array.from({ length: 500 }, () => b.int(1, 6))).toEqual(drawn);
    expect(new Set(drawn)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(createPrng(8).hex(32)).not.toBe(createPrng(7).hex(32));
  });

  it('derives independent sub-seeds: the same salt gives the same seed, another salt another', () => {
    expect(deriveSeed(7, 1, 2)).toBe(deriveSeed(7, 1, 2));
    const seeds = new Set([
      deriveSeed(7),
      deriveSeed(7, 1),
      deriveSeed(7, 2),
      deriveSeed(7, 1, 2),
      deriveSeed(8, 1),
    ]);
    expect(seeds.size).toBe(5);
    for (const seed of seeds) expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
  });

  it('picks only from the list, refuses an empty one, and draws hex and alnum from their alphabets', () => {
    const prng = createPrng(3);
    const items = ['a', 'b', 'c'] as const;
    expect(Array.from({ length: 50 }, () => prng.pick(items)).every((x) => items.includes(x))).toBe(true);
    expect(() => prng.pick([])).toThrow(RangeError);
    expect(prng.hex(64)).toMatch(/^[0-9a-f]{64}$/);
    expect(prng.alnum(64)).toMatch(/^[0-9a-z]{64}$/);
    expect(Array.from({ length: 200 }, () => prng.next()).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
