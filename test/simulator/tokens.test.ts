import { describe, expect, it } from 'vitest';
// The store reads `Basic <base64>` with the protocol layer's own parser (§2.3).
import { tokenFromAuthorization as unwrapControlToken } from '../../src/protocol/client-frames.js';
import { createTokenStore } from '../../src/simulator/tokens.js';

describe('token store', () => {
  it('accepts raw and Basic control tokens; ws tokens are single-use and expire', () => {
    let now = 0;
    const store = createTokenStore({ now: () => now, controlTokenTtlMs: 1_000, wsTokenTtlMs: 100 });
    const { token } = store.issueControlToken('111222333');
    expect(unwrapControlToken(`Basic ${Buffer.from(token).toString('base64')}`)).toBe(token);
    expect(store.findControlToken(token)?.conferenceId).toBe('111222333');
    const ws = store.issueWsToken('111222333');
    expect(store.consumeWsToken(ws, '111222333')).toBe('ok');
    expect(store.consumeWsToken(ws, '111222333')).toBe('used');
    const late = store.issueWsToken('111222333');
    now = 100;
    expect(store.consumeWsToken(late, '111222333')).toBe('expired');
    expect(store.consumeWsToken(store.issueWsToken('111222333'), '999888777')).toBe('wrong-conference');
    now = 1_000;
    expect(store.findControlToken(token)).toBeUndefined();
  });
});
