/**
 * Token-refresh bounds (issue 14 points 2 and 7): a server whose `expireTime` is a few ms ahead of
 * the client's clock (or already past) must not make the client renew in a loop, and one failed
 * keep-alive must not drop a healthy socket while the token is still valid.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { connectMeeting } from '../../src/meeting/connect-meeting.js';
import { controlTokenAnswer, type HostileServer, startHostileServer } from '../helpers/hostile-server.js';
import { type VirtualRequest, virtualMeeting } from '../helpers/virtual-meeting.js';

const TOKEN = 'stb4c1d0e9a7b3f2c8d6e5a4b3c2d1e0f9a8b7c6d5e4f3a2b7e';
const isTokenCall = (request: { url: string }) => request.url.includes('/conferences/token');

function tokenBody(expireTime: number, extra: Record<string, unknown> = {}) {
  return { data: { token: TOKEN, wsURL: 'wss://198.51.100.27:443', expireTime, ...extra } };
}

describe('token refresh with a skewed server clock (virtual time)', () => {
  for (const [label, lead] of [
    ['5 ms ahead', 5],
    ['already past', -60_000],
  ] as const) {
    it(`expireTime ${label}, no confTokenExpireTime: at most one token call per second`, async () => {
      const f = virtualMeeting((request, scheduler) =>
        isTokenCall(request)
          ? { status: 200, body: tokenBody(scheduler.now() + lead) }
          : { status: 200, body: { webSocketToken: 'cnr1' } },
      );
      try {
        f.meeting.confDynamicInfo$.subscribe();
        await f.run(120_000);
        const calls = f.requests.filter(isTokenCall);
        expect(calls.length).toBeLessThanOrEqual(1 + 120);
        // And not one a second either: the skewed fallback waits a minute.
        expect(calls.length).toBeLessThanOrEqual(3);
        expect(f.statuses.at(-1)?.phase).toBe('live');
      } finally {
        f.meeting.close();
      }
    });
  }
});

describe('token refresh against a hostile server on 127.0.0.1 (real time)', () => {
  let server: HostileServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('an expireTime 5 ms ahead: at most one token call per second per meeting', async () => {
    server = await startHostileServer({
      controlToken: (_request, context) =>
        controlTokenAnswer(context, { expireTime: Date.now() + 5, confTokenExpireTime: undefined }),
    });
    const meeting = connectMeeting({
      conferenceId: server.conferenceId,
      hostPassword: 'pw-skewed-1',
      baseUrl: server.baseUrl,
    });
    try {
      meeting.confDynamicInfo$.subscribe();
      const started = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const seconds = (Date.now() - started) / 1000;
      const calls = server.requests.filter((request) => request.path.endsWith('/conferences/token'));
      expect(calls.length).toBeLessThanOrEqual(1 + Math.ceil(seconds));
    } finally {
      meeting.close();
    }
  });
});

describe('a failed keep-alive while the token is valid (virtual time)', () => {
  /** The token expires 100 s after the start; the renewal is due at 80 s. */
  const script = (keepAlive: (n: number) => { status: number; body: unknown }) => {
    let keepAlives = 0;
    return (request: VirtualRequest) => {
      if (!isTokenCall(request)) return { status: 200, body: { webSocketToken: 'cnr1' } };
      if (request.headers['X-Conference-Authorization'] === undefined) {
        return { status: 200, body: tokenBody(100_000, { confTokenExpireTime: 1800 }) };
      }
      keepAlives += 1;
      return keepAlive(keepAlives);
    };
  };

  it('one HTTP 500 is tried again with backoff: the socket stays, no reconnect', async () => {
    const f = virtualMeeting(
      script((n) => (n === 1 ? { status: 500, body: {} } : { status: 200, body: tokenBody(1_900_000) })),
    );
    try {
      f.meeting.confDynamicInfo$.subscribe();
      await f.run(90_000);
      expect(f.requests.filter(isTokenCall)).toHaveLength(3); // password call, the 500, its retry
      expect(f.sockets).toHaveLength(1);
      expect(f.statuses.map((s) => s.phase)).not.toContain('reconnecting');
    } finally {
      f.meeting.close();
    }
  });

  it('keeps failing: reconnects before the token expires, not after one failure', async () => {
    const f = virtualMeeting(script(() => ({ status: 500, body: {} })));
    try {
      f.meeting.confDynamicInfo$.subscribe();
      await f.run(85_000);
      expect(f.statuses.map((s) => s.phase)).not.toContain('reconnecting');
      await f.run(15_000);
      const reconnecting = f.statuses.find((s) => s.phase === 'reconnecting');
      expect(reconnecting?.lastError).toMatchObject({ code: 'REST_FAILED', call: 'keepAliveConfToken' });
    } finally {
      f.meeting.close();
    }
  });

  it('a definite rejection (REST_AUTH_FAILED) reconnects at once', async () => {
    const f = virtualMeeting(
      script(() => ({ status: 401, body: { error_code: 'MMC.111070004', error_msg: 'AUTH_FAILED' } })),
    );
    try {
      f.meeting.confDynamicInfo$.subscribe();
      await f.run(80_500);
      expect(f.statuses.at(-1)).toMatchObject({
        phase: 'reconnecting',
        lastError: { code: 'REST_AUTH_FAILED' },
      });
    } finally {
      f.meeting.close();
    }
  });
});
