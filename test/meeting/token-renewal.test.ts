/**
 * Control-token renewal (keep-alive, PROTOCOL.md §2.4) as a meeting lives through it: the renewed
 * token goes into later Subscribe frames and into the next attempt's wsToken call, and a failed
 * renewal reconnects. In virtual time, with a fake WebSocket and a scripted fetch.
 */
import { setImmediate } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { CONTROL_TOKEN_PATH } from '../../src/auth/control-token.js';
import { WEBSOCKET_TOKEN_PATH } from '../../src/auth/websocket-token.js';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import type { MeetingStatus } from '../../src/meeting/status.js';
import { basicAuthorization, tokenFromAuthorization } from '../../src/protocol/client-frames.js';
import type { WebSocketLike } from '../../src/transport/websocket-like.js';
import { controlTokenBody, fakeFetch, TOKEN_A, TOKEN_B, WS_TOKEN } from '../auth/fake-fetch.js';
import { virtualClock } from './virtual-clock.js';

const CONF = '913570246';
/** TOKEN_A expires 100 s after the virtual start, so its renewal is due at 80 s (§2.4 [I]). */
const FIRST_EXPIRY_MS = 100_000;
const RENEWAL_DUE_MS = 80_000;
const AUTH = 'X-Conference-Authorization';

type Answer = Parameters<typeof fakeFetch>[0][number];

function fixture(keepAliveAnswer: Answer, ...later: Answer[]) {
  const sockets: FakeSocket[] = [];
  class FakeSocket implements WebSocketLike {
    readyState = 0;
    onopen: WebSocketLike['onopen'] = null;
    onmessage: WebSocketLike['onmessage'] = null;
    onclose: WebSocketLike['onclose'] = null;
    onerror: WebSocketLike['onerror'] = null;
    readonly sent: string[] = [];
    constructor(readonly url: string) {
      sockets.push(this);
    }
    send(data: string) {
      this.sent.push(data);
      // Issue 14: a Subscribe left unanswered (and no push) fails the socket after 10 s, so answer it.
      const frame = JSON.parse(data) as { action: string; sequence: string };
      if (frame.action === 'Subscribe' && this.sent.length === 1) {
        const reply = JSON.stringify({
          action: 'Subscribe',
          sequence: frame.sequence,
          data: { returnCode: 0 },
        });
        queueMicrotask(() => this.onmessage?.({ data: reply }));
      }
    }
    close() {
      this.readyState = 3;
    }
    open() {
      this.readyState = 1;
      this.onopen?.({});
    }
    /** The raw control token of each Subscribe frame sent on this socket, in order. */
    subscribeTokens(): string[] {
      return this.sent
        .map((text) => JSON.parse(text) as { action: string; data?: string })
        .filter((frame) => frame.action === 'Subscribe')
        .map((frame) => JSON.parse(frame.data ?? '{}') as { confToken: string })
        .map((data) => tokenFromAuthorization(data.confToken));
    }
  }
  const { fetch, requests } = fakeFetch([
    { status: 200, body: controlTokenBody(TOKEN_A, FIRST_EXPIRY_MS) },
    { status: 200, body: { webSocketToken: WS_TOKEN } },
    keepAliveAnswer,
    ...later,
  ]);
  const { scheduler, advance } = virtualClock();
  const meeting = connectMeeting({
    conferenceId: CONF,
    hostPassword: 'pw',
    baseUrl: 'http://127.0.0.1:9',
    fetch,
    WebSocket: FakeSocket,
    // No HeartBeat (nor missing echo) within the test's horizon: only the renewal is under test.
    heartbeatIntervalMs: 170_000,
    reconnect: { initialDelayMs: 1, jitter: 'none' },
    scheduler,
  });
  const statuses: MeetingStatus[] = [];
  meeting.status$.subscribe((status) => statuses.push(status));
  /** Lets the scripted fetch's promises settle (they resolve in microtasks, outside virtual time). */
  const settle = () => setImmediate();
  /** Watches participants, lets the tokens arrive, opens the socket and sends the first Subscribe. */
  const goLive = async () => {
    meeting.participants$.subscribe();
    await settle();
    sockets.at(-1)?.open();
    advance(0);
  };
  return { meeting, sockets, requests, statuses, advance, settle, goLive };
}

describe('control-token renewal in a meeting', () => {
  it('renews at 80 % of the life with the current token; later Subscribes carry the renewed one', async () => {
    const f = fixture({ status: 200, body: controlTokenBody(TOKEN_B, 1_900_000) });
    try {
      await f.goLive();
      expect(f.sockets).toHaveLength(1);
      const socket = f.sockets[0]!;
      expect(socket.subscribeTokens()).toEqual([TOKEN_A]);

      f.advance(RENEWAL_DUE_MS - 1);
      await f.settle();
      expect(f.requests).toHaveLength(2); // not due yet
      f.advance(1);
      await f.settle();
      expect(f.requests).toHaveLength(3);
      const keepAlive = f.requests[2]!;
      expect(keepAlive.url).toContain(CONTROL_TOKEN_PATH);
      expect(keepAlive.headers[AUTH]).toBe(basicAuthorization(TOKEN_A));

      // A new stream changes the Subscribe list: a second Subscribe on the same socket.
      f.meeting.speakers$.subscribe();
      f.advance(0);
      expect(f.sockets).toHaveLength(1);
      expect(socket.subscribeTokens()).toEqual([TOKEN_A, TOKEN_B]);
    } finally {
      f.meeting.close();
    }
  });

  it('reconnects after a renewal with the renewed token: no password call', async () => {
    const f = fixture(
      { status: 200, body: controlTokenBody(TOKEN_B, 1_900_000) },
      { status: 200, body: { webSocketToken: 'cnr2' } },
    );
    try {
      await f.goLive();
      f.advance(RENEWAL_DUE_MS);
      await f.settle();
      expect(f.requests).toHaveLength(3);

      f.sockets[0]!.onclose?.({ code: 1006, reason: '', wasClean: false });
      expect(f.statuses.at(-1)?.phase).toBe('reconnecting');
      f.advance(1000);
      await f.settle();

      expect(f.requests).toHaveLength(4);
      const wsTokenCall = f.requests[3]!;
      expect(wsTokenCall.url).toContain(WEBSOCKET_TOKEN_PATH);
      expect(wsTokenCall.headers[AUTH]).toBe(basicAuthorization(TOKEN_B));
      // Only the very first call went without a control token, i.e. with the password alone.
      expect(f.requests.filter((request) => request.headers[AUTH] === undefined)).toHaveLength(1);
      expect(f.sockets).toHaveLength(2);
      const fresh = f.sockets[1]!;
      expect(fresh.url).toContain('tmpToken=cnr2');
      fresh.open();
      f.advance(0);
      expect(fresh.subscribeTokens()).toEqual([TOKEN_B]);
    } finally {
      f.meeting.close();
    }
  });

  it('a keep-alive that keeps failing until the token expires reconnects the meeting rather than ending it', async () => {
    // Issue 14: a failed renewal is tried again (1 s, 2 s, 4 s, 8 s) while the token is valid.
    const failure = { status: 500, body: {} };
    const f = fixture(failure, failure, failure, failure, failure);
    try {
      await f.goLive();
      await f.settle();
      expect(f.statuses.at(-1)?.phase).toBe('live');
      f.advance(RENEWAL_DUE_MS);
      await f.settle();
      expect(f.statuses.at(-1)?.phase).toBe('live');
      for (let second = 0; second < FIRST_EXPIRY_MS - RENEWAL_DUE_MS; second += 1000) {
        f.advance(1000);
        await f.settle();
      }

      expect(f.requests[2]?.headers[AUTH]).toBe(basicAuthorization(TOKEN_A));
      const first = f.statuses.find((status) => status.phase === 'reconnecting');
      expect(first?.lastError).toMatchObject({
        code: 'REST_FAILED',
        call: 'keepAliveConfToken',
        status: 500,
      });
      expect(f.statuses.map((status) => status.phase)).not.toContain('ended');
      expect(f.statuses.map((status) => status.phase)).not.toContain('closed');
    } finally {
      f.meeting.close();
    }
  });
});
