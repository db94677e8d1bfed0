/**
 * The meeting's one connection is shared by its data subscribers and released a grace period after
 * the last one leaves; checked in virtual time, with a fake WebSocket and tokens from a provider.
 */
import { of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import type { WebSocketLike } from '../../src/transport/websocket-like.js';
import { virtualClock } from './virtual-clock.js';

const CONF = '913570246';
const GRACE_MS = 1000;

function fixture() {
  const sockets: FakeSocket[] = [];
  class FakeSocket implements WebSocketLike {
    readyState = 0;
    onopen: WebSocketLike['onopen'] = null;
    onmessage: WebSocketLike['onmessage'] = null;
    onclose: WebSocketLike['onclose'] = null;
    onerror: WebSocketLike['onerror'] = null;
    constructor(readonly url: string) {
      sockets.push(this);
    }
    send() {}
    close() {
      this.readyState = 3;
    }
  }
  const { scheduler, advance } = virtualClock();
  const meeting = connectMeeting({
    conferenceId: CONF,
    getTokens: () => of({ wsURL: 'wss://127.0.0.1:1', confToken: 'ct', webSocketToken: 'wt' }),
    WebSocket: FakeSocket,
    idleGraceMs: GRACE_MS,
    scheduler,
  });
  const open = () => sockets.filter((s) => s.readyState !== 3);
  /** Lets the socket factory's promise settle. */
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { meeting, sockets, open, advance, settle };
}

describe('the shared connection', () => {
  it('opens one socket for all subscribers and closes it only when the grace period has passed', async () => {
    const f = fixture();
    const a = f.meeting.participants$.subscribe();
    const b = f.meeting.speakers$.subscribe();
    await f.settle();
    expect(f.sockets).toHaveLength(1);
    a.unsubscribe();
    b.unsubscribe();
    f.advance(GRACE_MS - 1);
    expect(f.open()).toHaveLength(1);
    f.advance(1);
    expect(f.open()).toHaveLength(0);
  });

  it('keeps the socket when a subscriber arrives within the grace period', async () => {
    const f = fixture();
    f.meeting.participants$.subscribe().unsubscribe();
    await f.settle();
    f.advance(GRACE_MS - 1);
    const again = f.meeting.speakers$.subscribe();
    f.advance(5 * GRACE_MS);
    expect(f.sockets).toHaveLength(1);
    expect(f.open()).toHaveLength(1);
    again.unsubscribe();
    f.advance(GRACE_MS);
    expect(f.open()).toHaveLength(0);
  });

  it('opens a new socket for a subscriber after the grace period ended', async () => {
    const f = fixture();
    f.meeting.participants$.subscribe().unsubscribe();
    await f.settle();
    f.advance(GRACE_MS);
    expect(f.open()).toHaveLength(0);
    f.meeting.participants$.subscribe();
    await f.settle();
    expect(f.sockets).toHaveLength(2);
    expect(f.open()).toHaveLength(1);
  });

  it('unsubscribing the same subscriber twice releases it once', async () => {
    const f = fixture();
    const a = f.meeting.participants$.subscribe();
    const b = f.meeting.participants$.subscribe();
    await f.settle();
    a.unsubscribe();
    a.unsubscribe();
    f.advance(5 * GRACE_MS);
    expect(f.open()).toHaveLength(1); // b still holds it
    b.unsubscribe();
    f.advance(GRACE_MS);
    expect(f.open()).toHaveLength(0);
  });

  it('on close() completes the streams at once, and a later subscriber completes without a socket', async () => {
    const f = fixture();
    let completed = 0;
    f.meeting.participants$.subscribe({ complete: () => completed++ });
    await f.settle();
    f.meeting.close();
    expect(completed).toBe(1);
    expect(f.open()).toHaveLength(0);
    f.meeting.roster$.subscribe({ complete: () => completed++ });
    await f.settle();
    expect(completed).toBe(2);
    expect(f.sockets).toHaveLength(1);
  });
});
