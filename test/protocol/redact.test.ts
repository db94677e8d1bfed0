import { describe, expect, it } from 'vitest';
import { encodeSubscribe } from '../../src/protocol/client-frames.js';
import { redactSecrets } from '../../src/protocol/redact.js';

const TOKEN = 'cnr3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a';

describe('redactSecrets', () => {
  it.each([
    ['JSON string values', '{"pwd":"hunter2","role":"chair"}', '{"pwd":"[redacted]","role":"chair"}'],
    ['padded keys and escaped quotes', '{"token ": "a\\"b", "x": 1}', '{"token ": "[redacted]", "x": 1}'],
    ['numeric passwords', '{"pwd": 123456}', '{"pwd": "[redacted]"}'],
    [
      'query strings',
      'wss://h/conn?confID=1&tmpToken=abc123&x=2',
      'wss://h/conn?confID=1&tmpToken=[redacted]&x=2',
    ],
    ['header dumps', 'X-Password: s3cret\nX-Login-Type: 1', 'X-Password: [redacted]\nX-Login-Type: 1'],
    ['Basic values', 'auth Basic c3RiNGMxZDBl done', 'auth Basic [redacted] done'],
    ['bare service tokens', `token is ${TOKEN}.`, 'token is [redacted].'],
    [
      'util.inspect output',
      "{ pwd: 'hunter2', 'X-Password': \"it's\", role: 'chair' }",
      "{ pwd: '[redacted]', 'X-Password': \"[redacted]\", role: 'chair' }",
    ],
    ['numbers in escaped JSON', '{"data":"{\\"pwd\\":123456}"}', '{"data":"{\\"pwd\\":\\"[redacted]\\"}"}'],
  ])('masks %s', (_, input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('leaves a JSON value that merely ends in a key name alone', () => {
    const text = '{"a":"token:","b":"x"}';
    expect(redactSecrets(text)).toBe(text);
  });

  it('leaves ordinary text alone', () => {
    const text = '{"title":"Basic information","pid":"k7m2","note":"tokens are opaque"}';
    expect(redactSecrets(text)).toBe(text);
  });

  it('masks the token inside a Subscribe frame (escaped JSON in a string)', () => {
    const frame = encodeSubscribe({
      sequence: '1',
      conferenceId: '9',
      subscribeTypes: ['ParticipantsNotify'],
      confToken: 'hunter2-token',
    });
    const redacted = redactSecrets(frame);
    expect(redacted).not.toContain(btoa('hunter2-token'));
    expect(redacted).toContain('[redacted]');
    expect(redacted).toContain('ParticipantsNotify');
    // Still valid JSON whose data is still valid JSON.
    expect(JSON.parse(JSON.parse(redacted).data)).toMatchObject({
      conferenceID: '9',
      confToken: '[redacted]',
    });
  });

  it('masks a password containing an escaped quote inside escaped JSON', () => {
    const inner = JSON.stringify({ pwd: 'a"b-secret', role: 'chair' });
    const outer = JSON.stringify({ data: inner });
    const redacted = redactSecrets(outer);
    expect(redacted).not.toContain('secret');
    expect(JSON.parse(JSON.parse(redacted).data)).toEqual({ pwd: '[redacted]', role: 'chair' });
  });
});
