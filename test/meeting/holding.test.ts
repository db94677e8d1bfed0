/**
 * `holding` (src/meeting/holding.ts): a data stream that holds the connection while subscribed,
 * in marble time.
 */
import { of, take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { holding } from '../../src/meeting/holding.js';

function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

describe('holding', () => {
  it('mirrors the source and holds `hold$` for as long as it is subscribed', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot('-a--b--c--');
      const hold = cold('  ----------');
      expectObservable(source.pipe(holding(hold)), '^------!').toBe('-a--b--');
      expectSubscriptions(hold.subscriptions).toBe('^------!');
    });
  });

  it('completes when `hold$` completes, and when it fails (the meeting stopped): never an error', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot('-a--b--c--');
      expectObservable(source.pipe(holding(cold('---|')))).toBe('-a-|');
      expectObservable(source.pipe(holding(cold('-----#')))).toBe('-a--b|');
      expectSubscriptions(source.subscriptions).toBe(['^--!', '^----!']);
    });
  });

  it('completes with the source, letting go of the hold', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const hold = cold('-------');
      expectObservable(hot('-a-|').pipe(holding(hold))).toBe('-a-|');
      expectSubscriptions(hold.subscriptions).toBe('^--!');
    });
  });

  it('a subscriber satisfied by a synchronous first value never subscribes the hold', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const hold = cold('-----');
      // A replayed value arrives while subscribing (as a channel's latest push does).
      expectObservable(of('a').pipe(holding(hold))).toBe('(a|)');
      expectObservable(of('a', 'b').pipe(holding(hold), take(1))).toBe('(a|)');
      expectSubscriptions(hold.subscriptions).toBe([]);
    });
  });

  it('subscribes the hold after the source, so the source is listening when the hold starts', () => {
    const order: string[] = [];
    testScheduler().run(({ cold }) => {
      const source = cold('-a');
      const hold = cold('--');
      source.pipe(holding(hold)).subscribe();
      order.push(`${source.subscriptions.length} ${hold.subscriptions.length}`);
    });
    expect(order).toEqual(['1 1']);
  });
});
