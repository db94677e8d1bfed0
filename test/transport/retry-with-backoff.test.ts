import { defer } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { retryWithBackoff } from '../../src/transport/retry-with-backoff.js';

function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const exact = { initialDelayMs: 10, maxDelayMs: 1000, factor: 2, jitter: 'none' } as const;

describe('retryWithBackoff', () => {
  it('waits initial, initial×factor, … between attempts, then passes the error on after maxAttempts', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('--#');
      const result = source.pipe(retryWithBackoff({ ...exact, maxAttempts: 3 }));
      // errors at 2; waits 10 → 12; errors at 14; waits 20 → 34; errors at 36; waits 40 → 76; errors at 78.
      expectObservable(result).toBe('78ms #');
      expectSubscriptions(source.subscriptions).toBe(['^-!', '12ms ^-!', '34ms ^-!', '76ms ^-!']);
    });
  });

  it('never waits longer than maxDelayMs', () => {
    const delays: number[] = [];
    testScheduler().run(({ cold, expectSubscriptions }) => {
      const source = cold('#');
      source
        .pipe(
          retryWithBackoff({
            ...exact,
            maxDelayMs: 25,
            maxAttempts: 4,
            onRetry: (info) => delays.push(info.delayMs),
          }),
        )
        .subscribe({ error: () => undefined });
      // 10, 20, 25 (capped), 25.
      expectSubscriptions(source.subscriptions).toBe([
        '(^!)',
        '10ms (^!)',
        '30ms (^!)',
        '55ms (^!)',
        '80ms (^!)',
      ]);
    });
    expect(delays).toEqual([10, 20, 25, 25]);
  });

  it('draws full-jitter delays from the injected random source', () => {
    testScheduler().run(({ cold, expectSubscriptions }) => {
      const source = cold('#');
      const draws = [0.5, 0.25, 0];
      source
        .pipe(
          retryWithBackoff({
            initialDelayMs: 100,
            factor: 2,
            jitter: 'full',
            maxAttempts: 3,
            random: () => draws.shift() ?? 0,
          }),
        )
        .subscribe({ error: () => undefined });
      // 0.5×100 = 50; 0.25×200 = 50; 0×400 = 0.
      expectSubscriptions(source.subscriptions).toBe(['(^!)', '50ms (^!)', '100ms (^!)', '100ms (^!)']);
    });
  });

  it('reports the attempt counter reset after a healthy period', () => {
    const scheduler = testScheduler();
    const seen: Array<[number, number]> = [];
    scheduler.run(({ cold }) => {
      // Fails fast twice, survives 100 ms once, then fails fast again.
      const lifetimes = [1, 1, 100, 1, 1];
      let subscription = 0;
      const source = defer(() => cold(`${lifetimes[subscription++] ?? 1}ms #`));
      source
        .pipe(
          retryWithBackoff({
            ...exact,
            resetAfterMs: 50,
            maxAttempts: 5,
            onRetry: (i) => seen.push([i.attempt, i.delayMs]),
          }),
        )
        .subscribe({ error: () => undefined });
    });
    // attempts 1, 2 after quick failures; the 100 ms run resets the counter to 1; then 2 again.
    expect(seen.slice(0, 4)).toEqual([
      [1, 10],
      [2, 20],
      [1, 10],
      [2, 20],
    ]);
  });

  it('passes a fatal error on at once without retrying', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('a-#', { a: 1 }, { code: 'MEETING_ENDED' });
      const result = source.pipe(
        retryWithBackoff({ ...exact, isFatal: (e) => (e as { code: string }).code === 'MEETING_ENDED' }),
      );
      expectObservable(result).toBe('a-#', { a: 1 }, { code: 'MEETING_ENDED' });
      expectSubscriptions(source.subscriptions).toBe('^-!');
    });
  });

  it('keeps values flowing from each resubscription', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('a#');
      expectObservable(source.pipe(retryWithBackoff({ ...exact, maxAttempts: 1 }))).toBe('a 10ms a#');
    });
  });

  it('keeps an independent attempt counter per subscription', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const retried = cold('#').pipe(retryWithBackoff({ ...exact, maxAttempts: 1 }));
      expectObservable(retried).toBe('10ms #');
      expectObservable(retried).toBe('10ms #');
    });
  });
});
