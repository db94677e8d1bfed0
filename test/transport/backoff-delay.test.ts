import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/transport/backoff-delay.js';

describe('backoffDelay', () => {
  it('grows exponentially and stops at the cap', () => {
    const policy = { initialDelayMs: 1000, maxDelayMs: 30_000, factor: 2, jitter: 'none' } as const;
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, policy))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
  });

  it('with full jitter scales the capped delay by random()', () => {
    const policy = { initialDelayMs: 1000, maxDelayMs: 3000, factor: 2, jitter: 'full' } as const;
    expect(backoffDelay(1, policy, () => 0.5)).toBe(500);
    expect(backoffDelay(5, policy, () => 0.5)).toBe(1500);
    expect(backoffDelay(5, policy, () => 0)).toBe(0);
  });

  it('waits initialDelayMs before the first retry, also for attempt numbers below 1', () => {
    const policy = { initialDelayMs: 250, maxDelayMs: 10_000, factor: 3, jitter: 'none' } as const;
    expect(backoffDelay(1, policy)).toBe(250);
    expect(backoffDelay(0, policy)).toBe(250);
    expect(backoffDelay(3, policy)).toBe(2250);
  });
});
