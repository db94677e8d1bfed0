/**
 * `firstThen` (src/meeting/first-then.ts): "tokens first, then the socket", in marble time.
 */
import { concat, defer, NEVER, Observable, of, take } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { firstThen } from '../../src/meeting/first-then.js';

function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const NO_TOKENS = { code: 'TOKEN_PROVIDER_FAILED', message: 'no tokens' };
const whenEmpty = () => NO_TOKENS;

describe('firstThen', () => {
  it('mirrors the inner stream of the first value, values, completion and all', () => {
    testScheduler().run(({ cold, hot, expectObservable }) => {
      const source = hot('  --a--b--c--');
      const inner = cold('    -x-y|');
      expectObservable(source.pipe(firstThen(() => inner, whenEmpty))).toBe('---x-y|');
    });
  });

  it('projects only the first value, and passes it to project', () => {
    const scheduler = testScheduler();
    const projected: string[] = [];
    scheduler.run(({ cold, hot, expectObservable }) => {
      const source = hot('--a--b--c--');
      const result = source.pipe(
        firstThen((first) => {
          projected.push(first);
          return cold('-v|', { v: first.toUpperCase() });
        }, whenEmpty),
      );
      expectObservable(result).toBe('---v|', { v: 'A' });
    });
    expect(projected).toEqual(['a']);
  });

  it('unsubscribes the source right after its first value, not at the end of the inner stream', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot('  --a--b--');
      const inner = cold('    ------|');
      expectObservable(source.pipe(firstThen(() => inner, whenEmpty))).toBe('--------|');
      expectSubscriptions(source.subscriptions).toBe('^-!');
      expectSubscriptions(inner.subscriptions).toBe('--^-----!');
    });
  });

  it('fails with whenEmpty() when the source completes without a value', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const source = cold('---|');
      const result = source.pipe(firstThen(() => cold('x'), whenEmpty));
      expectObservable(result).toBe('---#', undefined, NO_TOKENS);
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('does not call whenEmpty when the source completes after its first value', () => {
    let calls = 0;
    testScheduler().run(({ cold, expectObservable }) => {
      const result = cold('-a|').pipe(
        firstThen(
          () => cold('---x'),
          () => {
            calls++;
            return NO_TOKENS;
          },
        ),
      );
      expectObservable(result).toBe('----x');
    });
    expect(calls).toBe(0);
  });

  it("passes the source's error", () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const error = { code: 'NETWORK', message: 'no answer' };
      expectObservable(cold('--#', undefined, error).pipe(firstThen(() => cold('x'), whenEmpty))).toBe(
        '--#',
        undefined,
        error,
      );
    });
  });

  it("passes the inner stream's error", () => {
    testScheduler().run(({ cold, hot, expectObservable }) => {
      const error = { code: 'WS_CLOSED', message: 'closed' };
      const inner = cold('  -x-#', undefined, error);
      expectObservable(hot('-a--').pipe(firstThen(() => inner, whenEmpty))).toBe('--x-#', undefined, error);
    });
  });

  it('unsubscribes the inner stream when the result is unsubscribed', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot('  -a-----');
      const inner = cold('   -x-y-z-');
      expectObservable(source.pipe(firstThen(() => inner, whenEmpty)), '^----!').toBe('--x-y-');
      expectSubscriptions(inner.subscriptions).toBe('-^---!');
    });
  });

  it('unsubscribes a source that has not emitted yet when the result is unsubscribed', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot('-----a');
      expectObservable(source.pipe(firstThen(() => cold('x'), whenEmpty)), '^--!').toBe('----');
      expectSubscriptions(source.subscriptions).toBe('^--!');
    });
  });

  it('works with a synchronous first value: the inner stream runs and the source is let go at once', () => {
    let released = 0;
    const source = new Observable<string>((subscriber) => {
      subscriber.next('tokens');
      return () => {
        released++;
      };
    });
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(source.pipe(firstThen((first) => cold('-v', { v: first }), whenEmpty))).toBe('-v', {
        v: 'tokens',
      });
    });
    expect(released).toBe(1);
    // of(x) too: it completes right after its value, which must not count as "empty".
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(of('x').pipe(firstThen((first) => cold('-v|', { v: first }), whenEmpty))).toBe('-v|', {
        v: 'x',
      });
    });
  });

  it('ignores further values of a synchronous source that emits before it can be let go', () => {
    const projected: string[] = [];
    testScheduler().run(({ cold, expectObservable }) => {
      const result = of('a', 'b', 'c').pipe(
        firstThen((first) => {
          projected.push(first);
          return cold('-v|', { v: first });
        }, whenEmpty),
      );
      expectObservable(result).toBe('-v|', { v: 'a' });
    });
    expect(projected).toEqual(['a']);
  });

  it('does not start the rest of the inner stream when the consumer stops while it is being subscribed', () => {
    let started = 0;
    testScheduler().run(({ hot, expectObservable }) => {
      const inner = concat(
        of('a'),
        defer(() => {
          started++;
          return NEVER;
        }),
      );
      // take(1) unsubscribes re-entrantly, from inside the inner stream's first (synchronous) value.
      expectObservable(
        hot('-t').pipe(
          firstThen(() => inner, whenEmpty),
          take(1),
        ),
      ).toBe('-(a|)');
    });
    expect(started).toBe(0);
  });
});
