import { describe, expect, it } from 'vitest';
import { CUT_MARKER, MAX_KEPT_DEPTH, sanitizeKept } from '../../src/protocol/sanitize-kept.js';
import { Secret } from '../../src/security/secret.js';

function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

describe('sanitizeKept', () => {
  it('turns values under secret-looking keys into Secrets, case-insensitively, at any depth', () => {
    const input = {
      title: 't',
      guestPwd: '111111',
      CHAIRPWD: 222222,
      extra: { confToken: 'abc', Password: true, list: [{ userPwd: 'x' }], keep: 'kept' },
      secretObject: { token: { inner: 'deep', n: 5 } },
    };
    const { value } = sanitizeKept(input);
    expect(value.guestPwd).toBeInstanceOf(Secret);
    expect((value.guestPwd as unknown as Secret).reveal()).toBe('111111');
    expect(value.CHAIRPWD).toBeInstanceOf(Secret);
    expect(value.extra.confToken).toBeInstanceOf(Secret);
    expect(value.extra.Password).toBeInstanceOf(Secret);
    expect(value.extra.list[0]?.userPwd).toBeInstanceOf(Secret);
    expect(value.extra.keep).toBe('kept');
    expect(JSON.stringify(value.secretObject)).toBe('{"token":{"inner":"[redacted]","n":"[redacted]"}}');
    expect(JSON.stringify(value)).not.toMatch(/111111|222222|abc|deep/);
    // Never changes its input.
    expect(input.guestPwd).toBe('111111');
  });

  it('leaves pwds (decoded already, each pwd a Secret) and Secrets as they are', () => {
    const pwds = [{ role: 'chair', pwd: new Secret('1') }];
    const input = { pwds };
    expect(sanitizeKept(input).value).toBe(input);
  });

  it('returns the value itself when nothing needs changing', () => {
    const input = { data: [{ pid: 'p', mode: 0, pinfoMap: { NAME: 'n' } }] };
    expect(sanitizeKept(input)).toEqual({ value: input, cut: 0 });
    expect(sanitizeKept(input).value).toBe(input);
  });

  it(`cuts nesting deeper than ${MAX_KEPT_DEPTH} levels and counts the cuts`, () => {
    const input = { ok: nested(5), deep: nested(50_000), also: [nested(MAX_KEPT_DEPTH + 3)] };
    const { value, cut } = sanitizeKept(input);
    expect(cut).toBe(2);
    const text = JSON.stringify(value);
    expect(text).toContain(CUT_MARKER);
    expect(value.ok).toBe(input.ok);
  });

  it('keeps __proto__ an own data key', () => {
    const input = JSON.parse('{"__proto__":{"pwd":"x"},"a":1}') as Record<string, unknown>;
    const { value } = sanitizeKept(input);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(JSON.stringify(value)).toBe('{"__proto__":{"pwd":"[redacted]"},"a":1}');
  });

  it('passes every other string through redactLeaf when given one', () => {
    const { value } = sanitizeKept({ note: 'has SECRET', n: 1 }, (text) => text.replace('SECRET', 'X'));
    expect(value).toEqual({ note: 'has X', n: 1 });
  });
});
