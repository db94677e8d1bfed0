import { describe, expect, it } from 'vitest';
// The store reads `Basic <base64>` with the protocol layer's own parser (§2.3).
import { tokenFromAuthorization as unwrapControlToken } from '../../src/protocol/client-frames.js';
import { createManualClock } from '../../src/simulator/index.js';
import { createPrng } from '../../src/simulator/prng.js';
import { createTokenStore } from '../../src/simulator/tokens.js';

describe('createManualClock', () => {
  it('fires due timers in due order (ties in scheduling order), including timers they schedule', () => {
    const clock = createManualClock(1_000);
    const log: string[] = [];
    clock.setTimeout(() => log.push(`b@${clock.now()}`), 200);
    clock.setTimeout(() => {
      log.push(`a@${clock.now()}`);
      clock.setTimeout(() => log.push(`c@${clock.now()}`), 50);
    }, 100);
    clock.setTimeout(() => log.push(`b2@${clock.now()}`), 200);
    const cancelled = clock.setTimeout(() => log.push('never'), 10);
    clock.clearTimeout(cancelled);
    clock.advance(199);
    expect(log).toEqual(['a@1100', 'c@1150']);
    clock.advance(1);
    expect(log).toEqual(['a@1100', 'c@1150', 'b@1200', 'b2@1200']);
    expect(clock.now()).toBe(1_200);
    clock.advance(1_000);
    expect(clock.now()).toBe(2_200);
  });
});

describe('prng', () => {
  it('repeats per seed and spreads integers over the whole range', () => {
    const a = createPrng(7);
    const b = createPrng(7);
    const drawn = Array.from({ length: 500 }, () => a.int(1, 6));
    expect(Array.from({ length: 500 }, () => b.int(1, 6))).toEqual(drawn);
    expect(new Set(drawn)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(createPrng(8).hex(32)).not.toBe(createPrng(7).hex(32));
  });
});

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
