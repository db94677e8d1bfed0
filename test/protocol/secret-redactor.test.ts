import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '../../src/protocol/base64.js';
import {
  createSecretRedactor,
  isSecretKey,
  MAX_REMEMBERED_SECRETS,
  redactSecrets,
  redactStrings,
} from '../../src/protocol/redact.js';
import { Secret } from '../../src/security/secret.js';

const PASSWORD = 'Hunter2 pass&word';
const TOKEN = 'tok-AAAA-1111-not-a-known-shape';

describe('createSecretRedactor', () => {
  it('masks the password and remembered tokens raw, as Basic, base64 and URL-encoded', () => {
    const r = createSecretRedactor([new Secret(PASSWORD)]);
    r.remember(TOKEN);
    const text = [
      PASSWORD,
      encodeURIComponent(PASSWORD),
      TOKEN,
      `Basic ${encodeBase64(TOKEN)}`,
      encodeBase64(TOKEN),
      encodeURIComponent(encodeBase64(TOKEN)),
    ].join(' / ');
    const out = r.redact(text);
    expect(out).not.toContain('Hunter2');
    expect(out).not.toContain(TOKEN);
    expect(out).not.toContain(encodeBase64(TOKEN).slice(0, 12));
    expect(out.split('[redacted]').length - 1).toBeGreaterThanOrEqual(6);
  });

  it('masks shapes too, and ignores secrets shorter than 4 characters', () => {
    const r = createSecretRedactor(['123']);
    expect(r.redact('HTTP 123 ok password=abc')).toBe('HTTP 123 ok password=[redacted]');
  });

  it('remembers only the newest tokens, the pinned ones for ever', () => {
    const r = createSecretRedactor([PASSWORD]);
    for (let i = 0; i <= MAX_REMEMBERED_SECRETS; i++) r.remember(`token-number-${i}-x`);
    expect(r.redact('token-number-0-x')).toBe('token-number-0-x');
    expect(r.redact(`token-number-${MAX_REMEMBERED_SECRETS}-x`)).toBe('[redacted]');
    expect(r.redact(PASSWORD)).toBe('[redacted]');
  });

  it('mentions: a cheap test of a frame text', () => {
    const r = createSecretRedactor([PASSWORD]);
    r.remember(TOKEN);
    expect(r.mentions('{"a":"plain"}')).toBe(false);
    expect(r.mentions(`{"a":"${TOKEN}"}`)).toBe(true);
    expect(r.mentions(`{"a":"${PASSWORD}"}`)).toBe(true);
    expect(r.mentions('{"a":"\\u0041"}')).toBe(true);
    expect(r.redactLeaf('plain')).toBe('plain');
    expect(r.redactLeaf(`x ${TOKEN}`)).toBe('x [redacted]');
  });
});

describe('secret keys (issue 14: *pwd*, *password*, *token*, any case)', () => {
  it('isSecretKey', () => {
    for (const key of [
      'pwd',
      'guestPwd',
      'chairPwd',
      'PASSWORD',
      'userPassword',
      'confToken',
      'X-Auth-Token',
      'X-Nonce',
    ])
      expect(isSecretKey(key), key).toBe(true);
    for (const key of ['title', 'pid', 'NAME', 'role']) expect(isSecretKey(key), key).toBe(false);
  });

  it('redactSecrets masks such keys in JSON, query and inspect text', () => {
    expect(redactSecrets('{"guestPwd":"111","chairPwd":222}')).toBe(
      '{"guestPwd":"[redacted]","chairPwd":"[redacted]"}',
    );
    expect(redactSecrets('a?userPassword=xyz&b=1')).toBe('a?userPassword=[redacted]&b=1');
    expect(redactSecrets("{ accessToken: 'abc' }")).toBe("{ accessToken: '[redacted]' }");
  });
});

describe('redactStrings', () => {
  it('redacts every string of a plain object, a few levels deep, and keeps the object when nothing changed', () => {
    const error = { code: 'X', message: 'a S b', nested: { text: 'S' }, n: 1 };
    expect(redactStrings(error, (t) => t.replaceAll('S', '*'))).toEqual({
      code: 'X',
      message: 'a * b',
      nested: { text: '*' },
      n: 1,
    });
    expect(redactStrings(error, (t) => t)).toBe(error);
  });
});
