/**
 * `whileOpen` (src/meeting/while-open.ts): side streams beside an open socket, in marble time.
 */
import type { Observable } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { whileOpen } from '../../src/meeting/while-open.js';
import type { ConnectionEvent } from '../../src/transport/connection.js';

function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

const send = (_text: string) => {};
const EVENTS = {
  o: { type: 'open', send },
  m: { type: 'message', text: '{"action":"HeartBeat","sequence":"1"}' },
  n: { type: 'message', text: '{"action":"HeartBeat","sequence":"2"}' },
  z: { type: 'oversized', bytes: 2_000_000 },
} satisfies Record<string, ConnectionEvent>;
const SIDE = { s: 'subscribing', t: 'beat' };
const VALUES = { ...EVENTS, ...SIDE };
const CLOSED = { code: 'WS_CLOSED', message: 'closed' };
const RENEWAL_FAILED = { code: 'REST_FAILED', message: 'renewal failed' };

describe('whileOpen', () => {
  it('passes every received frame on, and starts nothing before open', () => {
    let started = 0;
    testScheduler().run(({ hot, expectObservable }) => {
      const source = hot<ConnectionEvent>('-m-z-n-|', EVENTS);
      const sides = (): Observable<string> => {
        started++;
        throw new Error('not before open');
      };
      expectObservable(source.pipe(whileOpen(sides))).toBe('-m-z-n-|', EVENTS);
    });
    expect(started).toBe(0);
  });

  it("subscribes the side stream at open with that event's send, and merges its values in (open itself is not emitted)", () => {
    const sends: Array<(text: string) => void> = [];
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot<ConnectionEvent>('-o-m---n--', EVENTS);
      const side = cold('                   s--t--t-', SIDE);
      const result = source.pipe(
        whileOpen((sideSend) => {
          sends.push(sideSend);
          return side;
        }),
      );
      expectObservable(result).toBe('-s-mt--(nt)', VALUES);
      expectSubscriptions(side.subscriptions).toBe('-^');
    });
    expect(sends).toEqual([send]);
  });

  it('fails with the side stream’s error, and lets go of the socket', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot<ConnectionEvent>('-o-m--m--', EVENTS);
      const side = cold('                   s---#', SIDE, RENEWAL_FAILED);
      expectObservable(source.pipe(whileOpen(() => side))).toBe('-s-m-#', VALUES, RENEWAL_FAILED);
      expectSubscriptions(source.subscriptions).toBe('^----!');
      expectSubscriptions(side.subscriptions).toBe('-^---!');
    });
  });

  it('ignores the side stream’s completion: the socket goes on', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot<ConnectionEvent>('-o-m--n--', EVENTS);
      const side = cold('                   s|', SIDE);
      expectObservable(source.pipe(whileOpen(() => side))).toBe('-s-m--n--', VALUES);
      expectSubscriptions(source.subscriptions).toBe('^--------');
    });
  });

  it('unsubscribes the side stream when the result is unsubscribed', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot<ConnectionEvent>('-o-m--n--', EVENTS);
      const side = cold('                   s-------', SIDE);
      expectObservable(source.pipe(whileOpen(() => side)), '^----!').toBe('-s-m--', VALUES);
      expectSubscriptions(source.subscriptions).toBe('^----!');
      expectSubscriptions(side.subscriptions).toBe('-^---!');
    });
  });

  it('unsubscribes the side stream when the socket fails, and passes the socket’s error', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot<ConnectionEvent>('-o-m-#', EVENTS, CLOSED);
      const side = cold('                   s------', SIDE);
      expectObservable(source.pipe(whileOpen(() => side))).toBe('-s-m-#', VALUES, CLOSED);
      expectSubscriptions(side.subscriptions).toBe('-^---!');
    });
  });

  it('completes with the socket, and unsubscribes the side stream then', () => {
    testScheduler().run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const source = hot<ConnectionEvent>('-o-m-|', EVENTS);
      const side = cold('                   s------', SIDE);
      expectObservable(source.pipe(whileOpen(() => side))).toBe('-s-m-|', VALUES);
      expectSubscriptions(side.subscriptions).toBe('-^---!');
    });
  });
});
