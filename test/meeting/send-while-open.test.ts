/**
 * `sendWhileOpen` (src/meeting/send-while-open.ts): outgoing frames merged into an open socket,
 * in marble time.
 */
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { sendWhileOpen } from '../../src/meeting/send-while-open.js';
import type { ConnectionEvent } from '../../src/transport/connection.js';

function testScheduler(): TestScheduler {
  return new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
}

/** A socket's events, with a `send` that records what it was given and when. */
function socketEvents(scheduler: TestScheduler) {
  const sent: Array<{ at: number; text: string }> = [];
  const events = {
    o: { type: 'open', send: (text: string) => sent.push({ at: scheduler.now(), text }) },
    m: { type: 'message', text: '{"action":"HeartBeat","sequence":"1"}' },
    z: { type: 'oversized', bytes: 2_000_000 },
  } satisfies Record<string, ConnectionEvent>;
  return { sent, events };
}
const CLOSED = { code: 'WS_CLOSED', message: 'closed' };
const FAILED = { code: 'REST_FAILED', message: 'renewal failed' };

describe('sendWhileOpen', () => {
  it('passes every received frame on and subscribes nothing before open', () => {
    const scheduler = testScheduler();
    scheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const { events } = socketEvents(scheduler);
      const outgoing = cold<string>('a');
      expectObservable(hot<ConnectionEvent>('-m-z-|', events).pipe(sendWhileOpen(outgoing, 'S'))).toBe(
        '-m-z-|',
        events,
      );
      expectSubscriptions(outgoing.subscriptions).toBe([]);
    });
  });

  it('at open emits `opened` (not the open event) and sends each outgoing value through that socket', () => {
    const scheduler = testScheduler();
    let sentFrames: Array<{ at: number; text: string }> = [];
    scheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const { sent, events } = socketEvents(scheduler);
      sentFrames = sent;
      const outgoing = cold<string>('  a--b--c');
      const result = hot<ConnectionEvent>('-o-m----', events).pipe(sendWhileOpen(outgoing, 'S'));
      expectObservable(result).toBe('-S-m----', { ...events, S: 'S' });
      expectSubscriptions(outgoing.subscriptions).toBe('-^');
    });
    expect(sentFrames).toEqual([
      { at: 1, text: 'a' },
      { at: 4, text: 'b' },
      { at: 7, text: 'c' },
    ]);
  });

  it('fails with the outgoing stream’s error and unsubscribes the socket', () => {
    const scheduler = testScheduler();
    scheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const { events } = socketEvents(scheduler);
      const source = hot<ConnectionEvent>('-o-m--m--', events);
      const outgoing = cold<string>('  ---#', {}, FAILED);
      expectObservable(source.pipe(sendWhileOpen(outgoing, 'S'))).toBe(
        '-S-m#',
        { ...events, S: 'S' },
        FAILED,
      );
      expectSubscriptions(source.subscriptions).toBe('^---!');
    });
  });

  it('ignores the outgoing stream’s completion: the socket goes on', () => {
    const scheduler = testScheduler();
    scheduler.run(({ cold, hot, expectObservable }) => {
      const { events } = socketEvents(scheduler);
      const source = hot<ConnectionEvent>('-o-m--m-|', events);
      expectObservable(source.pipe(sendWhileOpen(cold<string>('|'), 'S'))).toBe('-S-m--m-|', {
        ...events,
        S: 'S',
      });
    });
  });

  it('unsubscribes the outgoing stream when the socket fails, and when the result is unsubscribed', () => {
    const scheduler = testScheduler();
    scheduler.run(({ cold, hot, expectObservable, expectSubscriptions }) => {
      const { events } = socketEvents(scheduler);
      const failing = cold<string>('-a-a-a-a');
      const source = hot<ConnectionEvent>('-o---#', events, CLOSED);
      expectObservable(source.pipe(sendWhileOpen(failing, 'S'))).toBe('-S---#', { S: 'S' }, CLOSED);
      expectSubscriptions(failing.subscriptions).toBe('-^---!');

      const stopped = cold<string>('-a-a-a-a');
      const live = hot<ConnectionEvent>('-o------', events);
      expectObservable(live.pipe(sendWhileOpen(stopped, 'S')), '^--!').toBe('-S-', { S: 'S' });
      expectSubscriptions(stopped.subscriptions).toBe('-^-!');
    });
  });
});
