import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REDACTED, Secret, toSecret } from '../../src/security/secret.js';

describe('Secret', () => {
  const secret = new Secret('stb4c1d0e9a7b3f2c8d6e5a4b3c2d1e0f9a8b7c6d5e4f3a2b7e');

  it('reveals its text only through reveal()', () => {
    expect(secret.reveal()).toBe('stb4c1d0e9a7b3f2c8d6e5a4b3c2d1e0f9a8b7c6d5e4f3a2b7e');
  });

  it('prints as [redacted] in every common way of printing', () => {
    const printed = [
      String(secret),
      `${secret}`,
      JSON.stringify({ token: secret }),
      inspect(secret),
      inspect({ nested: { secret } }, { depth: 5, showHidden: true }),
    ].join('\n');
    expect(printed).not.toContain('stb4c1');
    expect(printed).toContain(REDACTED);
  });

  it('has no enumerable own property holding the text', () => {
    expect(Object.values(secret)).toEqual([]);
    expect(Object.keys(secret)).toEqual([]);
  });

  it('toSecret wraps strings and passes secrets through', () => {
    expect(toSecret(secret)).toBe(secret);
    expect(toSecret('x').reveal()).toBe('x');
    expect(toSecret('').isEmpty).toBe(true);
  });
});
