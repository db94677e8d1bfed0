/**
 * The meeting's lifecycle in virtual time over fake sockets (issue 13, "Must show"): one socket
 * however subscribers arrive, `close()` from a status callback in every phase, an empty token
 * provider, a healthy link staying live, and the held control token dropped when it must be.
 */
import { EMPTY, filter, type Subscription, switchMap, take } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { MeetingPhase } from '../../src/meeting/status.js';
import { controlTokenBody, TOKEN_A, TOKEN_B, WS_TOKEN } from '../auth/fake-fetch.js';
import { fakeLink, providedTokens, TOKEN_LIFE_MS } from './fake-link.js';

const PASSWORD_CALLS = (requests: ReturnType<typeof fakeLink>['requests']) =>
  requests.filter(
    (request) =>
      request.url.includes('/token') && request.headers['X-Conference-Authorization'] === undefined,
  ).length;

describe('one connection, whoever subscribes when', () => {
  it('a stream subscribed from inside the `connecting` status joins the connection: 1 socket, 0 after close()', async () => {
    const f = fakeLink({ getTokens: providedTokens });
    const reentrant = f.meeting.status$
      .pipe(
        filter((status) => status.phase === 'connecting'),
        take(1),
        switchMap(() => f.meeting.speakers$),
      )
      .subscribe();
    const participants = f.meeting.participants$.subscribe();
    await f.settle();
    expect(f.sockets).toHaveLength(1);
    reentrant.unsubscribe();
    participants.unsubscribe();
    f.meeting.close();
    f.advance(3000);
    expect(f.open()).toHaveLength(0);
    expect(f.timers()).toBe(0);
  });
});

describe('close() from a status$ callback', () => {
  const PHASES: MeetingPhase[] = ['connecting', 'opening', 'subscribing', 'live'];

  /** Subscribes four streams, drives the link, and closes the meeting when `phase` is reported the `nth` time. */
  async function closeAt(phase: MeetingPhase, nth: number) {
    const f = fakeLink();
    let seen = 0;
    let requestsAtClose = -1;
    let socketsAtClose = -1;
    f.meeting.status$.subscribe((status) => {
      if (status.phase === phase && ++seen === nth) {
        requestsAtClose = f.requests.length;
        socketsAtClose = f.sockets.length;
        f.meeting.close();
      }
    });
    const completed: string[] = [];
    const subscriptions: Subscription[] = ['participants$', 'speakers$', 'roster$', 'meetingState$'].map(
      (name) =>
        (f.meeting[name as 'participants$'] as typeof f.meeting.participants$).subscribe({
          complete: () => completed.push(name),
        }),
    );
    // Up to two attempts: the first socket is dropped by the server once live.
    for (let round = 0; round < 2 && !f.phases().includes('closed'); round++) {
      await f.settle();
      f.openLatest();
      await f.settle();
      if (f.phases().includes('closed')) break;
      f.sockets.at(-1)?.serverClose(1006);
      f.advance(1000);
    }
    f.advance(600_000);
    await f.settle();
    return { f, completed, subscriptions, requestsAtClose, socketsAtClose };
  }

  for (const nth of [1, 2]) {
    for (const phase of PHASES) {
      it(`in ${phase} (connection ${nth}): 0 sockets, 0 timers, every stream completed, nothing started after`, async () => {
        const { f, completed, requestsAtClose, socketsAtClose } = await closeAt(phase, nth);
        expect(f.phases().at(-1)).toBe('closed');
        expect(f.open()).toHaveLength(0);
        expect(f.timers()).toBe(0);
        expect(completed.sort()).toEqual(['meetingState$', 'participants$', 'roster$', 'speakers$']);
        // No token call and no socket after the close.
        expect(f.requests.length).toBe(requestsAtClose);
        expect(f.sockets.length).toBe(socketsAtClose);
        expect(f.sockets.every((socket) => socket.sent.every((frame) => frame.action !== 'HeartBeat'))).toBe(
          true,
        );
      });
    }
  }

  it('in reconnecting: 0 sockets, 0 timers, every stream completed', async () => {
    const { f, completed } = await closeAt('reconnecting', 1);
    expect(f.phases().at(-1)).toBe('closed');
    expect(f.open()).toHaveLength(0);
    expect(f.timers()).toBe(0);
    expect(completed).toHaveLength(4);
  });
});

describe('a token provider that completes without tokens', () => {
  it('fails the attempt with TOKEN_PROVIDER_FAILED at once, then retries with backoff', async () => {
    const f = fakeLink({ getTokens: () => EMPTY, handshakeTimeoutMs: 10_000 });
    f.meeting.participants$.subscribe();
    await f.settle();
    const last = f.statuses.at(-1);
    expect(last).toMatchObject({
      phase: 'reconnecting',
      attempt: 1,
      lastError: { code: 'TOKEN_PROVIDER_FAILED' },
    });
    f.advance(1000);
    expect(f.statuses.at(-1)).toMatchObject({ phase: 'reconnecting', attempt: 2 });
    f.meeting.close();
  });
});

describe('liveness of a healthy link', () => {
  it('stays live over five heartbeat intervals when every HeartBeat is echoed: no reconnect', async () => {
    const f = fakeLink({ getTokens: providedTokens, heartbeatIntervalMs: 60_000, livenessTimeoutMs: 30_000 });
    f.meeting.participants$.subscribe();
    await f.settle();
    f.openLatest();
    expect(f.statuses.at(-1)?.phase).toBe('live');
    f.advance(5 * 60_000 + 45_000);
    const socket = f.sockets[0]!;
    expect(socket.sent.filter((frame) => frame.action === 'HeartBeat')).toHaveLength(5);
    expect(f.sockets).toHaveLength(1);
    expect(f.phases()).not.toContain('reconnecting');
    f.meeting.close();
  });

  it('(its twin) a link whose HeartBeats are not echoed is dropped after the echo timeout', async () => {
    const f = fakeLink(
      { getTokens: providedTokens, heartbeatIntervalMs: 60_000, livenessTimeoutMs: 30_000 },
      { echo: false },
    );
    f.meeting.participants$.subscribe();
    await f.settle();
    f.openLatest();
    f.advance(90_000);
    expect(f.statuses.at(-1)).toMatchObject({
      phase: 'reconnecting',
      lastError: { code: 'LIVENESS_TIMEOUT', kind: 'no-echo' },
    });
    f.meeting.close();
  });
});

describe('the held control token', () => {
  /** Live on a 30-minute token, then `fail` the link; returns the calls made by the next attempt. */
  async function afterFailure(
    fail: (f: ReturnType<typeof fakeLink>) => void,
    extra: Parameters<typeof fakeLink>[2] = [],
  ) {
    const f = fakeLink({}, {}, [
      { status: 200, body: controlTokenBody(TOKEN_A, TOKEN_LIFE_MS) },
      { status: 200, body: { webSocketToken: WS_TOKEN } },
      ...extra,
      { status: 200, body: controlTokenBody(TOKEN_B, TOKEN_LIFE_MS) },
      { status: 200, body: { webSocketToken: 'cnr-second' } },
      { status: 200, body: { webSocketToken: 'cnr-third' } },
    ]);
    f.meeting.participants$.subscribe();
    await f.settle();
    f.openLatest();
    expect(PASSWORD_CALLS(f.requests)).toBe(1);
    fail(f);
    await f.settle();
    f.advance(1000);
    await f.settle();
    f.advance(1000);
    await f.settle();
    return f;
  }

  it('is reused after an ordinary drop (1006): no second password call', async () => {
    const f = await afterFailure((link) => link.sockets[0]!.serverClose(1006));
    expect(PASSWORD_CALLS(f.requests)).toBe(1);
    expect(f.sockets).toHaveLength(2);
    f.meeting.close();
  });

  it('is dropped after close code 4003: the next attempt calls with the password', async () => {
    const f = await afterFailure((link) => link.sockets[0]!.serverClose(4003, 'token expired'));
    expect(PASSWORD_CALLS(f.requests)).toBe(2);
    f.meeting.close();
  });

  it('is dropped after a refused Subscribe', async () => {
    const f = await afterFailure((link) =>
      link.sockets[0]!.receive({
        action: 'Subscribe',
        sequence: '1',
        data: { returnCode: 1, returnDesc: 'no' },
      }),
    );
    expect(PASSWORD_CALLS(f.requests)).toBe(2);
    f.meeting.close();
  });

  it('is dropped after a REST auth failure of the wsToken call', async () => {
    // The first drop is ordinary (token reused); its wsToken call is refused with 401, which drops it.
    const f = await afterFailure(
      (link) => link.sockets[0]!.serverClose(1006),
      [{ status: 401, body: { error_code: 'MMC.111072065', error_msg: 'token invalid' } }],
    );
    expect(f.statuses.some((s) => s.lastError?.code === 'REST_AUTH_FAILED')).toBe(true);
    expect(PASSWORD_CALLS(f.requests)).toBe(2);
    f.meeting.close();
  });
});
